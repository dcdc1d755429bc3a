#include "keyedformat.h"

#include "digestlines.h"
#include "paperid.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Lines that lay out a page and say nothing: collapsible blocks, anchors, rules.
enum class Scaffolding { None, PartOfPaper, BeforeNext };

Scaffolding scaffolding(QStringView line)
{
    if (line == u"---" || line.startsWith(u"<details") || line.startsWith(u"</details")
        || (line.startsWith(u"<summary") && line.endsWith(u"</summary>")))
        return Scaffolding::PartOfPaper;
    // "<div id='cs.CL'></div>" anchors the section heading after it.
    if (line.startsWith(u"<div") && line.endsWith(u">"))
        return Scaffolding::BeforeNext;
    return Scaffolding::None;
}

class KeyedReader
{
public:
    KeyedReader(const KeyedDigestFormat &format, QStringView text, const QString &file)
        : m_format(format)
        , m_text(text)
        , m_file(file)
        , m_fileDate(file.isEmpty() ? std::nullopt : dateFromFileName(file))
        , m_day(m_fileDate)
    {
        m_result.file = file;
        m_result.format = format.name().toString();
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
    struct RawField {
        QString key;
        QString text;
    };

    void warn(int line, const QString &message) { m_result.warnings.append({ m_file, line, message }); }

    void handleLine(QStringView line, int lineNo)
    {
        const QStringView trimmed = line.trimmed();
        if (trimmed.startsWith(u"```")) {
            m_inFence = !m_inFence;
            if (m_paper)
                m_paper->lastLine = lineNo;
            return;
        }
        if (m_inFence) {
            // A fenced block holds the summary's own headings: text, never days or papers.
            if (!m_paper)
                return;
            if (trimmed.isEmpty()) {
                m_blankLine = true;
                return;
            }
            m_paper->lastLine = lineNo;
            appendText(trimmed, lineNo);
            return;
        }
        if (line.startsWith(u'#')) {
            handleHeading(line, lineNo);
            return;
        }
        if (!m_paper)
            return; // between headings and papers: tables of contents, statistics
        if (trimmed.isEmpty()) {
            m_blankLine = true;
            return;
        }
        switch (scaffolding(trimmed)) {
        case Scaffolding::PartOfPaper:
            m_paper->lastLine = lineNo;
            return;
        case Scaffolding::BeforeNext:
            return;
        case Scaffolding::None:
            break;
        }
        m_paper->lastLine = lineNo;
        if (const auto keyed = keyedLine(trimmed)) {
            m_fields.append({ keyed->key.toString(), keyed->text.toString() });
            m_blankLine = false;
            return;
        }
        if (m_format.readLine(trimmed, *m_paper))
            return;
        appendText(trimmed, lineNo);
    }

    // A line that continues the field before it; a blank line between them is a paragraph.
    void appendText(QStringView line, int lineNo)
    {
        if (m_fields.isEmpty()) {
            warn(lineNo, u"line not understood, ignored: \"%1\""_s.arg(line.left(60)));
            return;
        }
        QString &text = m_fields.last().text;
        if (!text.isEmpty())
            text += m_blankLine ? u"\n\n"_s : u"\n"_s;
        text += line;
        m_blankLine = false;
    }

    void handleHeading(QStringView line, int lineNo)
    {
        HeadingMeaning meaning = m_format.interpretHeading(line);
        switch (meaning.kind) {
        case HeadingMeaning::Kind::Day:
            finishPaper();
            m_day = meaning.date ? meaning.date : m_fileDate;
            m_sectionHeading.clear();
            m_category.clear();
            m_warnedUndated = false;
            if (!m_day) {
                warn(lineNo, u"day heading without a date (YYYY-MM-DD), and the file name has none: its papers are skipped"_s);
                m_warnedUndated = true;
            }
            return;
        case HeadingMeaning::Kind::Section:
            finishPaper();
            m_sectionHeading = line.toString();
            m_category = meaning.category;
            return;
        case HeadingMeaning::Kind::Paper:
            finishPaper();
            if (!m_day) {
                if (!m_warnedUndated)
                    warn(lineNo, u"paper before any dated day heading, and the file name has no date: skipped"_s);
                m_warnedUndated = true;
                return;
            }
            m_paper = std::move(meaning.paper);
            m_paper->date = *m_day;
            m_paper->sourceFile = m_file;
            m_paper->firstLine = m_paper->lastLine = lineNo;
            m_blankLine = false;
            return;
        case HeadingMeaning::Kind::Other:
            if (m_paper) {
                m_paper->lastLine = lineNo;
                appendText(line.trimmed(), lineNo);
            }
            return;
        }
    }

    void finishPaper()
    {
        if (!m_paper)
            return;
        DigestEntry paper = std::move(*m_paper);
        m_paper.reset();
        for (const RawField &field : std::as_const(m_fields))
            m_format.placeField(paper, field.key, field.text.trimmed());
        m_fields.clear();
        if (paper.url.isEmpty()) {
            // Without a link the title is all that names the paper; the original one reads alike in every archive.
            const QString name = paper.originalTitle.isEmpty() ? paper.title : paper.originalTitle;
            paper.url = titleOnlyPaperUrl(name);
            warn(paper.firstLine, u"paper has no link: it is named by its title"_s);
        }
        if (!m_category.isEmpty())
            paper.categories.append(m_category);

        const QStringView first = m_lines[paper.firstLine - 1];
        const QStringView last = trimmedRight(m_lines[paper.lastLine - 1]);
        paper.markdown = QStringView(first.data(), last.data() + last.size()).toString();
        paper.markdown.remove(u'\r');
        // The section heading goes with the lines, so that reading them again gives the category back.
        if (!m_sectionHeading.isEmpty())
            paper.markdown = m_sectionHeading + u"\n\n"_s + paper.markdown;

        // The same paper twice on one day (under two categories, or listed again): one entry
        // with every category, the later text winning.
        const auto key = std::pair(paper.date.toJulianDay(), paper.identity());
        if (const auto seen = m_entryIndex.constFind(key); seen != m_entryIndex.cend()) {
            DigestEntry &earlier = m_result.entries[*seen];
            for (const QString &category : std::as_const(earlier.categories)) {
                if (!paper.categories.contains(category))
                    paper.categories.prepend(category);
            }
            paper.markdown = earlier.markdown + u"\n\n"_s + paper.markdown;
            paper.firstLine = earlier.firstLine;
            earlier = std::move(paper);
        } else {
            m_entryIndex.insert(key, m_result.entries.size());
            m_result.entries.append(std::move(paper));
        }
    }

    const KeyedDigestFormat &m_format;
    QStringView m_text;
    QString m_file;
    std::optional<QDate> m_fileDate;
    std::optional<QDate> m_day;
    ParsedDigest m_result;
    QList<QStringView> m_lines;
    QHash<std::pair<qint64, QString>, qsizetype> m_entryIndex;
    std::optional<DigestEntry> m_paper;
    QList<RawField> m_fields;
    QString m_sectionHeading;
    QString m_category;
    bool m_blankLine = false;
    bool m_inFence = false;
    bool m_warnedUndated = false;
};

} // namespace

ParsedDigest KeyedDigestFormat::read(QStringView text, const QString &file) const
{
    return KeyedReader(*this, text, file).run();
}

bool KeyedDigestFormat::readLine(QStringView, DigestEntry &) const
{
    return false;
}

void KeyedDigestFormat::placeField(DigestEntry &paper, const QString &key, const QString &text) const
{
    if (!text.isEmpty()) // "**Limitations:**" with nothing after it says nothing
        paper.sections.append({ key, text });
}

} // namespace hanji
