#include "exportfields.h"
#include "exportwriters.h"

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
QString field(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    return u'"' + quoted.replace(u'"', u"\"\""_s) + u'"';
}

void addRow(QString &out, const QStringList &cells)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString &cell : cells)
        fields += field(cell);
    out += fields.join(u',') + u"\r\n"_s;
}

} // namespace

QString csv(const QList<Paper> &papers, const ExportOptions &options)
{
    QStringList header { u"id"_s, u"arxiv_id"_s, u"title"_s, u"authors"_s, u"url"_s };
    if (options.votesAndDates)
        header += { u"latest_date"_s, u"votes"_s };
    if (options.summaries)
        header += u"summary"_s;
    if (options.notes)
        header += { u"note"_s, u"tags"_s };

    QString out;
    addRow(out, header);
    for (const Paper &paper : papers) {
        QStringList row { paper.id, paper.arxivId, paper.title, paper.authors.join(u"; "_s), paperLink(paper) };
        if (options.votesAndDates) {
            const auto latest = latestAppearance(paper.appearances);
            const auto votes = paper.votes();
            row += { latest ? latest->date.toString(Qt::ISODate) : QString(), votes ? QString::number(*votes) : QString() };
        }
        if (options.summaries)
            row += summaryLines(paper).join(u'\n'); // one line a section, inside one quoted cell
        if (options.notes)
            row += { paper.user.note, paper.user.tags.join(u"; "_s) };
        addRow(out, row);
    }
    return out;
}

} // namespace hanji::exportwriters
