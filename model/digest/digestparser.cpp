#include "digestparser.h"

#include "digestformat.h"
#include "digestgrammar.h"
#include "digestlines.h"
#include "familyformats.h"

#include "logging.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// A LaTeX "\\textit" written without escaping reaches the digest as TAB + "extit" (likewise
// \\b, \\f, \\v, \\a): put the backslash and letter back so the text reads as written.
// Set per file: most files hold none of those control characters, and then no text needs a look.
thread_local bool t_fileMayHoldEatenEscapes = true;

QString restoreEatenEscapes(QStringView text)
{
    if (!t_fileMayHoldEatenEscapes)
        return text.toString();
    const auto letterOf = [](QChar c) -> char {
        switch (c.unicode()) {
        case 0x07: return 'a';
        case 0x08: return 'b';
        case 0x09: return 't';
        case 0x0B: return 'v';
        case 0x0C: return 'f';
        default: return 0;
        }
    };
    const auto eaten = std::find_if(text.cbegin(), text.cend(), [&](QChar c) { return letterOf(c) != 0; });
    if (eaten == text.cend())
        return text.toString();
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char letter = letterOf(text[i]);
        if (letter && i + 1 < text.size() && text[i + 1].isLetter()) {
            out += u'\\';
            out += QLatin1Char(letter);
        } else {
            out += text[i];
        }
    }
    return out;
}

// Python-list authors: ['A', 'B', "O'Brien"].
QStringList parsePythonList(QStringView s)
{
    QStringList names;
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar quote = s[i];
        if (quote != u'\'' && quote != u'"') {
            ++i;
            continue;
        }
        QString name;
        ++i;
        while (i < s.size() && s[i] != quote) {
            if (s[i] == u'\\' && i + 1 < s.size())
                ++i;
            name += s[i++];
        }
        ++i; // closing quote
        names += name;
    }
    return names;
}

QStringList parseAuthors(QStringView value, int line, const QString &file, QList<ParseWarning> &warnings)
{
    value = value.trimmed();
    QStringList names;
    if (value.startsWith(u'[')) {
        names = parsePythonList(value);
        if (!value.endsWith(u']'))
            warnings.append({ file, line, u"author list is not closed with ']'"_s });
    } else {
        for (QStringView name : value.tokenize(u',', Qt::SkipEmptyParts))
            names += name.trimmed().toString();
    }
    QStringList cleaned;
    cleaned.reserve(names.size());
    for (QString &name : names) {
        name = name.trimmed();
        // "A, B, and C" leaves "and C": the conjunction is not part of the name.
        if (name.startsWith(u"and "_s))
            name = name.sliced(4).trimmed();
        if (!name.isEmpty())
            cleaned += name;
    }
    return cleaned;
}

// "- **Key**: text", "- ***Key***: text", "- **Key:** text"; anything else is a plain bullet.
SummarySection parseBullet(QStringView bullet)
{
    for (QStringView stars : { u"***", u"**" }) {
        if (!bullet.startsWith(stars))
            continue;
        const qsizetype close = bullet.indexOf(stars, stars.size());
        if (close < 0)
            break;
        QStringView key = bullet.sliced(stars.size(), close - stars.size()).trimmed();
        QStringView rest = bullet.sliced(close + stars.size());
        if (key.endsWith(u':')) {
            key.chop(1);
        } else if (rest.startsWith(u':')) {
            rest = rest.sliced(1);
        } else {
            break; // bold text that opens a sentence, not a key
        }
        if (key.isEmpty() || key.size() > 80)
            break;
        return { key.trimmed().toString(), restoreEatenEscapes(rest.trimmed()) };
    }
    return { QString(), restoreEatenEscapes(bullet.trimmed()) };
}

QString videoFromHtml(QStringView line)
{
    static const QRegularExpression src(uR"(src\s*=\s*["']([^"']+)["'])"_s);
    const auto match = src.matchView(line);
    return match.hasMatch() ? absoluteUrl(match.capturedView(1)) : QString();
}

std::optional<QDate> dayHeadingDate(QStringView line, bool *isDayHeading)
{
    // "## Daily Papers (2024-01-31)"
    static constexpr QStringView prefix = u"## Daily Papers";
    *isDayHeading = line.startsWith(prefix);
    if (!*isDayHeading)
        return std::nullopt;
    QStringView rest = line.sliced(prefix.size()).trimmed();
    if (rest.startsWith(u'(') && rest.endsWith(u')'))
        rest = rest.sliced(1, rest.size() - 2).trimmed();
    const QDate date = QDate::fromString(rest.toString(), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

class Parser
{
public:
    Parser(QStringView text, const QString &file)
        : m_text(text)
        , m_file(file)
    {
        m_result.file = file;
        m_result.format = u"daily-papers"_s;
    }

    ParsedDigest run()
    {
        int lineNo = 0;
        for (QStringView raw : m_text.tokenize(u'\n')) {
            ++lineNo;
            m_lines.append(raw);
            handleLine(trimmedRight(raw), lineNo);
        }
        finishPaper();
        return std::move(m_result);
    }

private:
    void warn(int line, const QString &message) { m_result.warnings.append({ m_file, line, message }); }

    void handleLine(QStringView line, int lineNo)
    {
        if (m_inFence) {
            if (line.trimmed().startsWith(u"```"))
                m_inFence = false;
            return;
        }
        if (line.startsWith(u'#')) {
            handleHeading(line, lineNo);
            return;
        }
        if (!m_inDay) {
            // Fences appear outside days (a "## Citation" block); inside one they would hide headings.
            if (line.trimmed().startsWith(u"```"))
                m_inFence = true;
            return;
        }
        if (!m_paper)
            return; // text between a day heading and its first paper belongs to no paper
        handlePaperLine(line, lineNo);
    }

    void handleHeading(QStringView line, int lineNo)
    {
        if (line.startsWith(u"### ")) {
            if (m_inDay)
                startPaper(line.sliced(4), lineNo);
            return;
        }
        if (line.startsWith(u"####")) {
            if (m_paper)
                handlePaperLine(line, lineNo);
            return;
        }
        // "# " and "## " headings: a day starts, or whatever section this is ends the day.
        finishPaper();
        bool isDayHeading = false;
        const auto date = dayHeadingDate(line, &isDayHeading);
        m_inDay = date.has_value();
        if (date)
            m_day = *date;
        else if (isDayHeading)
            warn(lineNo, u"day heading without a valid date (YYYY-MM-DD): its papers are skipped"_s);
    }

    void startPaper(QStringView heading, int lineNo)
    {
        finishPaper();
        DigestEntry entry;
        entry.date = m_day;
        entry.sourceFile = m_file;
        entry.firstLine = entry.lastLine = lineNo;
        if (const auto link = parseLink(heading)) {
            entry.title = restoreEatenEscapes(link->text.trimmed());
            entry.url = absoluteUrl(link->url);
            entry.arxivId = arxivIdFromUrl(entry.url);
        } else {
            QStringView title = heading.trimmed();
            if (title.startsWith(u'[') && title.endsWith(u']'))
                title = title.sliced(1, title.size() - 2);
            entry.title = restoreEatenEscapes(title.trimmed());
            // Without a link the title is all that names the paper.
            entry.url = titleOnlyPaperUrl(entry.title);
            warn(lineNo, u"paper heading has no link: expected \"### [Title](URL)\""_s);
        }
        if (entry.title.isEmpty())
            warn(lineNo, u"paper has an empty title"_s);
        m_paper = std::move(entry);
        m_lastSection = -1;
    }

    void handlePaperLine(QStringView line, int lineNo)
    {
        DigestEntry &paper = *m_paper;
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            return;
        paper.lastLine = lineNo;

        switch (paperLineKind(trimmed)) {
        case PaperLineKind::Bullet:
            paper.sections.append(parseBullet(trimmed.sliced(1).trimmed()));
            m_lastSection = paper.sections.size() - 1;
            return;
        case PaperLineKind::Thumbnail:
            if (const auto link = parseLink(trimmed.sliced(1)))
                paper.thumbnailUrl = absoluteUrl(link->url);
            else
                warn(lineNo, u"thumbnail is not of the form ![](URL)"_s);
            return;
        case PaperLineKind::Video: {
            QStringView rest = trimmed.sliced(kVideoMarker.size()).trimmed();
            if (rest.startsWith(u'(') && rest.endsWith(u')'))
                rest = rest.sliced(1, rest.size() - 2);
            paper.videoUrl = absoluteUrl(rest);
            return;
        }
        case PaperLineKind::HtmlVideo:
            if (const QString video = videoFromHtml(trimmed); !video.isEmpty())
                paper.videoUrl = video;
            else
                warn(lineNo, u"video tag without a src"_s);
            return;
        case PaperLineKind::Votes: {
            const QStringView value = trimmed.sliced(kVotesMarker.size()).trimmed();
            if (value.isEmpty() || value == u"-")
                return; // the digest says it does not know
            bool ok = false;
            const int votes = value.toInt(&ok);
            if (ok && votes >= 0)
                paper.votes = votes;
            else
                warn(lineNo, u"votes are not a whole number: \"%1\""_s.arg(value));
            return;
        }
        case PaperLineKind::Authors:
            paper.authors = parseAuthors(trimmed.sliced(kAuthorsMarker.size()), lineNo, m_file, m_result.warnings);
            return;
        case PaperLineKind::Text:
            break;
        }
        // A line that continues the previous bullet (a numbered sub-list, a wrapped sentence).
        if (m_lastSection >= 0) {
            QString &text = paper.sections[m_lastSection].text;
            text += u'\n';
            text += restoreEatenEscapes(trimmed);
            return;
        }
        warn(lineNo, u"line not understood, ignored: \"%1\""_s.arg(trimmed.left(60)));
    }

    void finishPaper()
    {
        if (!m_paper)
            return;
        DigestEntry &paper = *m_paper;
        const QStringView first = m_lines[paper.firstLine - 1];
        const QStringView last = trimmedRight(m_lines[paper.lastLine - 1]);
        paper.markdown = QStringView(first.data(), last.data() + last.size()).toString();
        // CRLF line ends go; a lone CR inside a line stays, or the index, which parses these lines
        // again, would read another title (and so another paper) than this parse did.
        paper.markdown.replace(u"\r\n"_s, u"\n"_s);

        // The same paper twice under one date (an appended run): one entry, the later wins.
        const auto key = std::pair(paper.date.toJulianDay(), paper.identity());
        if (const auto seen = m_entryIndex.constFind(key); seen != m_entryIndex.cend()) {
            m_result.entries[*seen] = std::move(paper);
        } else {
            m_entryIndex.insert(key, m_result.entries.size());
            m_result.entries.append(std::move(paper));
        }
        m_paper.reset();
        m_lastSection = -1;
    }

    QStringView m_text;
    QString m_file;
    ParsedDigest m_result;
    QList<QStringView> m_lines;
    QHash<std::pair<qint64, QString>, qsizetype> m_entryIndex;
    std::optional<DigestEntry> m_paper;
    qsizetype m_lastSection = -1;
    QDate m_day;
    bool m_inDay = false;
    bool m_inFence = false;
};

// Lines holding bytes that are not UTF-8, for the warning; only called when decoding failed.
QList<int> linesWithInvalidUtf8(QByteArrayView bytes)
{
    QList<int> lines;
    int lineNo = 0;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        ++lineNo;
        if (!bytes.sliced(start, end - start).isValidUtf8())
            lines += lineNo;
        start = end + 1;
    }
    return lines;
}

// The "Daily Papers" digests Hanji was built around: the Parser above.
class DailyPapersFormat final : public DigestFormat
{
public:
    [[nodiscard]] QStringView name() const override { return u"daily-papers"; }
    [[nodiscard]] QStringView label() const override { return u"Daily Papers"; }
    [[nodiscard]] bool recognises(QStringView heading) const override
    {
        return heading.startsWith(u"## Daily Papers") || heading.startsWith(u"# Daily Papers");
    }
    [[nodiscard]] ParsedDigest read(QStringView text, const QString &file) const override { return Parser(text, file).run(); }
    [[nodiscard]] QString storedEntryPrefix(QDate date) const override
    {
        return u"## Daily Papers (%1)\n"_s.arg(date.toString(Qt::ISODate));
    }
};

// Decodes, then lets the given family read; with none, the file's own headings choose one.
ParsedDigest parseWith(const DigestFormat *format, QByteArrayView bytes, const QString &fileName)
{
    const QString text = QString::fromUtf8(bytes); // invalid sequences become U+FFFD
    QList<ParseWarning> encodingWarnings;
    // Looking for U+FFFD is a fast search; validating every byte again would cost a quarter of
    // the parse. Only a file that has one (invalid bytes, or a real U+FFFD) is looked at line by line.
    if (text.contains(QChar::ReplacementCharacter)) {
        for (int line : linesWithInvalidUtf8(bytes))
            encodingWarnings.append({ fileName, line, u"invalid UTF-8 replaced with U+FFFD"_s });
    }
    t_fileMayHoldEatenEscapes = std::any_of(std::begin("\a\b\t\v\f"), std::end("\a\b\t\v\f") - 1,
                                            [&](char c) { return bytes.contains(c); });
    QStringView view = text;
    if (view.startsWith(QChar(0xFEFF)))
        view = view.sliced(1);
    if (!format)
        format = recogniseFormat(view);
    ParsedDigest result;
    if (format) {
        result = format->read(view, fileName);
    } else {
        result.file = fileName;
        // An empty file is nothing to read; text that no family writes is worth one word.
        if (!view.trimmed().isEmpty()) {
            QStringList known;
            for (const DigestFormat *candidate : digestFormats())
                known += candidate->label().toString();
            result.warnings.append({ fileName, 0,
                                     u"not a digest Hanji can read: none of its headings is of a known format (%1)"_s
                                         .arg(known.join(u", "_s)) });
        }
    }
    result.warnings = encodingWarnings + result.warnings;
    return result;
}

} // namespace

const QList<const DigestFormat *> &digestFormats()
{
    static const DailyPapersFormat dailyPapers;
    static const ArxivDigestFormat arxivDigest;
    static const HfNewsletterChineseFormat newsletterChinese;
    static const HfPapersKoreanFormat papersKorean;
    static const QList<const DigestFormat *> formats { &dailyPapers, &arxivDigest, &newsletterChinese, &papersKorean };
    return formats;
}

const DigestFormat *digestFormatNamed(QStringView name)
{
    for (const DigestFormat *format : digestFormats()) {
        if (format->name() == name)
            return format;
    }
    return nullptr;
}

const DigestFormat *recogniseFormat(QStringView text)
{
    for (QStringView line : text.tokenize(u'\n')) {
        if (!line.startsWith(u'#'))
            continue;
        line = trimmedRight(line);
        for (const DigestFormat *format : digestFormats()) {
            if (format->recognises(line))
                return format;
        }
    }
    return nullptr;
}

ParsedDigest DigestParser::parse(QByteArrayView bytes, const QString &fileName)
{
    return parseWith(nullptr, bytes, fileName);
}

Result<ParsedDigest> readDigestFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcParser) << "cannot read" << path << file.errorString();
        return failure(file.errorString());
    }
    return DigestParser::parse(file.readAll(), path);
}

std::optional<DigestEntry> parseStoredEntry(QStringView formatName, QDate date, const QString &markdown)
{
    const DigestFormat *format = digestFormatNamed(formatName);
    if (!format)
        return std::nullopt;
    const QString text = format->storedEntryPrefix(date) + markdown;
    ParsedDigest digest = parseWith(format, text.toUtf8(), QString());
    if (digest.entries.size() != 1)
        return std::nullopt;
    return std::move(digest.entries.first());
}

namespace {

QString summaryOf(const DigestEntry &entry)
{
    QStringList summary;
    summary.reserve(entry.sections.size() + entry.fields.size() + 1);
    for (const SummarySection &section : entry.sections)
        summary += section.text;
    for (const SummarySection &field : entry.fields)
        summary += field.text;
    if (!entry.categories.isEmpty())
        summary += entry.categories.join(u", "_s);
    return summary.join(u'\n');
}

QString distinctSorted(QStringList texts)
{
    texts.removeAll(QString());
    texts.sort();
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    return texts.join(u'\n');
}

} // namespace

QString authorsText(const QStringList &authors)
{
    return authors.join(u", "_s);
}

SearchableText searchableText(const DigestEntry &entry)
{
    return searchableText({ &entry }, displayTitle(entry));
}

SearchableText searchableText(const QList<const DigestEntry *> &appearances, const QString &title)
{
    QStringList titles { title }, authors, summaries;
    for (const DigestEntry *entry : appearances) {
        titles += entry->title;
        titles += entry->originalTitle;
        authors += authorsText(entry->authors);
        summaries += summaryOf(*entry);
    }
    return { distinctSorted(titles), distinctSorted(authors), distinctSorted(summaries) };
}

} // namespace hanji
