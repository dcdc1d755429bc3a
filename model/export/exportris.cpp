#include "exportfields.h"
#include "exportwriters.h"

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

// RIS is one tag a line, lines ending in CRLF: a value must not break its line.
void addTag(QString &out, QStringView tag, const QString &value)
{
    const QString line = singleLine(value);
    if (line.isEmpty())
        return;
    out += tag.toString() + u"  - "_s + line + u"\r\n"_s;
}

// RIS names are "Last, First". A digest gives "First Last", so the last word becomes the
// surname. A name that already has a comma is written as it is, and so is one with " and ",
// which some readers take for two authors.
QString risName(const QString &author)
{
    const QString name = singleLine(author);
    const qsizetype space = name.lastIndexOf(u' ');
    if (space < 0 || name.contains(u',') || name.contains(u" and "_s))
        return name;
    return name.sliced(space + 1) + u", "_s + name.first(space);
}

QString record(const Paper &paper, const ExportOptions &options)
{
    QString out;
    // An arXiv paper is a document (GEN); a paper known only by a web link is an electronic source (ELEC).
    addTag(out, u"TY", paper.arxivId.isEmpty() ? u"ELEC"_s : u"GEN"_s);
    addTag(out, u"TI", paper.title);
    for (const QString &author : paper.authors)
        addTag(out, u"AU", risName(author));
    const PublicationDate date = publicationDate(paper);
    if (date.isValid()) {
        addTag(out, u"PY", QString::number(date.year));
        addTag(out, u"DA", date.month > 0 ? u"%1/%2//"_s.arg(date.year).arg(date.month, 2, 10, QChar(u'0'))
                                          : u"%1///"_s.arg(date.year));
    }
    if (!paper.arxivId.isEmpty()) {
        addTag(out, u"AN", u"arXiv:"_s + paper.arxivId);
        addTag(out, u"DB", u"arXiv"_s);
    }
    addTag(out, u"UR", paperLink(paper));
    if (options.summaries)
        addTag(out, u"AB", summaryLines(paper).join(u' '));
    if (options.notes) {
        addTag(out, u"N1", paper.user.note);
        for (const QString &tag : paper.user.tags)
            addTag(out, u"KW", tag);
    }
    out += u"ER  - \r\n"_s;
    return out;
}

} // namespace

QString ris(const QList<Paper> &papers, const ExportOptions &options)
{
    QString out;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        if (i > 0)
            out += u"\r\n"_s;
        out += record(papers[i], options);
    }
    return out;
}

} // namespace hanji::exportwriters
