#include "readinglistfile.h"

#include "paperid.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QString oneLine(const QString &text) { return text.simplified(); }

// BibTeX braces and the commonest escapes off a value: "{LLaVA}: a \& b" -> "LLaVA: a & b".
QString bibtexText(QString value)
{
    value.remove(u'{').remove(u'}');
    static const QRegularExpression escaped(uR"(\\([&%$#_]))"_s);
    value.replace(escaped, u"\\1"_s);
    return oneLine(value);
}

void addPaper(ReadingList &list, int line, const QString &eprint, const QString &url, const QString &doi, const QString &title)
{
    QString reference = arxivIdIn(eprint);
    if (reference.isEmpty())
        reference = arxivIdIn(doi);
    if (reference.isEmpty())
        reference = arxivIdIn(url);
    if (reference.isEmpty() && QUrl(url.trimmed()).scheme().startsWith(u"http"_s))
        reference = url.trimmed();
    if (reference.isEmpty()) {
        list.skipped += u"line %1: no arXiv id, arXiv DOI or link%2"_s.arg(line).arg(title.isEmpty() ? QString() : u" (\"%1\")"_s.arg(title));
        return;
    }
    list.papers.append({ reference, title, line });
}

// The value of a BibTeX field from `at` (just after "="): braced, quoted or bare.
QString bibtexValue(const QString &text, qsizetype &at)
{
    while (at < text.size() && text[at].isSpace())
        ++at;
    if (at >= text.size())
        return QString();
    QString value;
    if (text[at] == u'{') {
        int depth = 0;
        for (; at < text.size(); ++at) {
            const QChar c = text[at];
            if (c == u'{' && depth++ == 0)
                continue;
            if (c == u'}' && --depth == 0) {
                ++at;
                break;
            }
            value += c;
        }
    } else if (text[at] == u'"') {
        for (++at; at < text.size() && text[at] != u'"'; ++at)
            value += text[at];
        ++at;
    } else {
        while (at < text.size() && text[at] != u',' && text[at] != u'}' && !text[at].isSpace())
            value += text[at++];
    }
    return value;
}

void parseBibtex(const QString &text, ReadingList &list)
{
    static const QRegularExpression entryStart(uR"(@(\w+)\s*[{(]\s*([^,\s]*)\s*,)"_s);
    static const QRegularExpression fieldName(uR"(\G[\s,]*([A-Za-z][\w-]*)\s*=)"_s);
    qsizetype at = 0;
    while (true) {
        const QRegularExpressionMatch entry = entryStart.match(text, at);
        if (!entry.hasMatch())
            break;
        const QString type = entry.captured(1).toLower();
        at = entry.capturedEnd();
        if (type == u"comment"_s || type == u"string"_s || type == u"preamble"_s)
            continue;
        const int line = int(text.first(entry.capturedStart()).count(u'\n')) + 1;
        QHash<QString, QString> fields;
        while (true) {
            const QRegularExpressionMatch name = fieldName.match(text, at, QRegularExpression::NormalMatch,
                                                                 QRegularExpression::AnchorAtOffsetMatchOption);
            if (!name.hasMatch())
                break;
            at = name.capturedEnd();
            fields.insert(name.captured(1).toLower(), bibtexValue(text, at));
        }
        addPaper(list, line, fields.value(u"eprint"_s), fields.value(u"url"_s), fields.value(u"doi"_s), bibtexText(fields.value(u"title"_s)));
    }
}

void parseRis(const QString &text, ReadingList &list)
{
    static const QRegularExpression tagLine(uR"(^([A-Z][A-Z0-9])  -(?:\s(.*))?$)"_s); // "ER  -" may have lost its space
    QString url, doi, title;
    int start = 0;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].endsWith(u'\r') ? lines[i].chopped(1) : lines[i]; // RIS files end lines with CRLF
        const QRegularExpressionMatch m = tagLine.match(line.trimmed());
        if (!m.hasMatch())
            continue;
        const QString tag = m.captured(1);
        const QString value = m.captured(2).trimmed();
        if (tag == u"TY"_s) {
            url.clear(), doi.clear(), title.clear();
            start = int(i) + 1;
        } else if (tag == u"UR"_s || tag == u"L2"_s) {
            if (url.isEmpty() || arxivIdIn(url).isEmpty())
                url = value;
        } else if (tag == u"DO"_s) {
            doi = value;
        } else if ((tag == u"TI"_s || tag == u"T1"_s) && title.isEmpty()) {
            title = oneLine(value);
        } else if (tag == u"ER"_s) {
            addPaper(list, start, QString(), url, doi, title);
        }
    }
}

void parseText(const QString &text, ReadingList &list)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        // "2401.04088 A title" or a bare link: the first word names the paper, the rest is its title.
        const qsizetype space = line.indexOf(u' ');
        const QString first = space < 0 ? line : line.first(space);
        const QString rest = space < 0 ? QString() : oneLine(line.sliced(space + 1));
        addPaper(list, int(i) + 1, first, first, QString(), rest);
    }
}

} // namespace

QString arxivIdIn(const QString &text)
{
    static const QRegularExpression bare(uR"(^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression doi(uR"((?:^|/)10\.48550/arxiv\.(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$)"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    if (const auto m = bare.match(trimmed); m.hasMatch())
        return m.captured(1);
    if (const auto m = doi.match(trimmed); m.hasMatch())
        return m.captured(1);
    return arxivIdFromUrl(trimmed);
}

ReadingList parseReadingList(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    ReadingList list;
    static const QRegularExpression bibtexEntry(uR"((^|\n)\s*@\w+\s*[{(])"_s);
    static const QRegularExpression risStart(uR"((^|\n)TY  - )"_s);
    if (text.contains(risStart)) {
        list.form = ReadingList::Form::Ris;
        parseRis(text, list);
    } else if (text.contains(bibtexEntry)) {
        list.form = ReadingList::Form::BibTeX;
        parseBibtex(text, list);
    } else {
        parseText(text, list);
    }
    return list;
}

} // namespace hanji
