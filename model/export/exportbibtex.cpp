#include "exportfields.h"
#include "exportwriters.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hanji::exportwriters {

namespace {

// BibTeX's month macros: styles print them in their own language.
constexpr QStringView kMonths[] = { u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                    u"jul", u"aug", u"sep", u"oct", u"nov", u"dec" };

// Braces keep the capitals of "LLaVA" or "GPT-4" when a style lowercases titles.
QString titleValue(const QString &title)
{
    QStringList words;
    for (const QString &word : singleLine(title).split(u' ', Qt::SkipEmptyParts)) {
        bool seenLetter = false;
        bool innerCapital = false;
        for (QChar c : word) {
            if (!c.isLetter())
                continue;
            innerCapital = innerCapital || (seenLetter && c.isUpper());
            seenLetter = true;
        }
        words += innerCapital ? u'{' + latexEscaped(word) + u'}' : latexEscaped(word);
    }
    return words.join(u' ');
}

// Braces make a name one unit when BibTeX would split it: at a comma (last, first) or at a
// word "and" (the separator between authors).
QString authorValue(const QStringList &authors)
{
    static const QRegularExpression andWord(u"(^|\\s)and(\\s|$)"_s, QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (const QString &author : authors) {
        const QString name = singleLine(author);
        if (name.isEmpty())
            continue;
        const bool group = name.contains(u',') || name.contains(andWord);
        names += group ? u'{' + latexEscaped(name) + u'}' : latexEscaped(name);
    }
    return names.join(u" and "_s);
}

// A URL is read verbatim (\url); only what would unbalance the braces or end the value is encoded.
QString urlValue(const QString &url)
{
    QString out;
    for (QChar c : url) {
        if (c == u'{' || c == u'}' || c == u'\\' || c.isSpace())
            out += u"%%1"_s.arg(c.unicode(), 2, 16, QChar(u'0')).toUpper();
        else
            out += c;
    }
    return out;
}

void addField(QString &out, const QString &name, const QString &value, bool braced = true)
{
    if (value.isEmpty())
        return;
    out += u",\n  "_s + name + u" = "_s + (braced ? u'{' + value + u'}' : value);
}

QString entry(const Paper &paper, const QString &key, const ExportOptions &options)
{
    QString out = u"@misc{"_s + key;
    addField(out, u"title"_s, titleValue(paper.title));
    addField(out, u"author"_s, authorValue(paper.authors));
    const PublicationDate date = publicationDate(paper);
    if (date.isValid())
        addField(out, u"year"_s, QString::number(date.year));
    if (date.month > 0)
        addField(out, u"month"_s, kMonths[date.month - 1].toString(), false);
    if (!paper.arxivId.isEmpty()) {
        addField(out, u"eprint"_s, latexEscaped(paper.arxivId));
        addField(out, u"archivePrefix"_s, u"arXiv"_s);
    }
    addField(out, u"url"_s, urlValue(paperLink(paper)));
    if (options.summaries) {
        QStringList lines;
        for (const QString &line : summaryLines(paper))
            lines += latexEscaped(line);
        addField(out, u"abstract"_s, lines.join(u"\n    "_s));
    }
    if (options.notes) {
        // annote, not note: styles print "note" in the bibliography, a private remark must not.
        addField(out, u"annote"_s, latexEscaped(singleLine(paper.user.note)));
        addField(out, u"keywords"_s, latexEscaped(singleLine(paper.user.tags.join(u", "_s))));
    }
    out += u"\n}\n"_s;
    return out;
}

} // namespace

QString latexEscaped(QStringView text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\textbackslash{}"_s;
            break;
        case u'^':
            out += u"\\textasciicircum{}"_s;
            break;
        case u'~':
            out += u"\\textasciitilde{}"_s;
            break;
        case u'{':
        case u'}':
        case u'$':
        case u'&':
        case u'%':
        case u'#':
        case u'_':
            out += u'\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString bibtex(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options)
{
    Q_ASSERT(keys.size() == papers.size());
    QString out;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        if (i > 0)
            out += u'\n';
        out += entry(papers[i], keys[i], options);
    }
    return out;
}

} // namespace hanji::exportwriters
