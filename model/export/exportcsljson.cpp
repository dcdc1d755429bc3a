#include "exportfields.h"
#include "exportwriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

// CSL names: "Ashish Vaswani" -> family "Vaswani", given "Ashish". A name with one word, a
// comma, or no Latin letters (a Korean name, an institution) goes whole as a literal: a wrong
// split prints a wrong name, a literal prints it as written.
QJsonObject cslName(const QString &author)
{
    static const QSet<QString> particles { u"van"_s, u"von"_s, u"de"_s, u"der"_s, u"den"_s, u"da"_s, u"di"_s,
                                           u"del"_s, u"la"_s, u"le"_s, u"du"_s, u"dos"_s, u"ten"_s };
    static const QSet<QString> suffixes { u"jr"_s, u"jr."_s, u"sr"_s, u"sr."_s, u"ii"_s, u"iii"_s, u"iv"_s };
    const QString name = singleLine(author);
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    bool latin = true;
    for (QChar c : name) {
        if (c.isLetter() && c.script() != QChar::Script_Latin)
            latin = false;
    }
    if (!latin || words.size() < 2 || name.contains(u',') || suffixes.contains(words.constLast().toLower()))
        return { { u"literal"_s, name } };
    // "Ludwig van Beethoven": the particle goes with the family name, as CSL's "non-dropping".
    qsizetype familyStart = words.size() - 1;
    while (familyStart > 1 && particles.contains(words[familyStart - 1]))
        --familyStart;
    return { { u"family"_s, words.mid(familyStart).join(u' ') }, { u"given"_s, words.first(familyStart).join(u' ') } };
}

QJsonObject cslItem(const Paper &paper, const QString &key, const ExportOptions &options)
{
    // arXiv papers are preprints (CSL 1.0.2 "article" would be read as a journal article by
    // older processors); a paper known by its link alone is a web page.
    QJsonObject item { { u"id"_s, key },
                       { u"type"_s, paper.arxivId.isEmpty() ? u"webpage"_s : u"article"_s },
                       { u"title"_s, singleLine(paper.title) } };
    QJsonArray authors;
    for (const QString &author : paper.authors) {
        if (!singleLine(author).isEmpty())
            authors.append(cslName(author));
    }
    if (!authors.isEmpty())
        item.insert(u"author"_s, authors);
    if (const PublicationDate date = publicationDate(paper); date.isValid()) {
        QJsonArray parts { date.year };
        if (date.month > 0)
            parts.append(date.month);
        item.insert(u"issued"_s, QJsonObject { { u"date-parts"_s, QJsonArray { parts } } });
    }
    if (const QString link = paperLink(paper); !link.isEmpty())
        item.insert(u"URL"_s, link);
    if (!paper.arxivId.isEmpty()) {
        // As Zotero writes an arXiv preprint: arXiv as its publisher, the id as its number, the
        // DOI arXiv mints. Not "archive" as well: styles print it beside the publisher, twice.
        item.insert(u"genre"_s, u"Preprint"_s);
        item.insert(u"publisher"_s, u"arXiv"_s);
        item.insert(u"number"_s, u"arXiv:"_s + paper.arxivId);
        item.insert(u"DOI"_s, u"10.48550/arXiv."_s + paper.arxivId);
    }
    if (!paper.categories.isEmpty())
        item.insert(u"keyword"_s, paper.categories.join(u", "_s));
    if (options.summaries) {
        if (const QStringList lines = summaryLines(paper); !lines.isEmpty())
            item.insert(u"abstract"_s, lines.join(u'\n'));
    }
    if (options.notes && !paper.user.note.isEmpty())
        item.insert(u"annote"_s, paper.user.note); // annote: styles do not print it, a private remark stays private
    return item;
}

} // namespace

QByteArray cslJson(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options)
{
    Q_ASSERT(keys.size() == papers.size());
    QJsonArray array;
    for (qsizetype i = 0; i < papers.size(); ++i)
        array.append(cslItem(papers[i], keys[i], options));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace hanji::exportwriters
