#include "familyformats.h"

#include "digestlines.h"
#include "paperid.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// "# …", "## …", "### …": the level and the text after the hashes, or 0 for "#tag" and "####…".
std::pair<int, QStringView> headingLevel(QStringView heading)
{
    for (int level = 1; level <= 3; ++level) {
        const QString hashes(level, u'#');
        if (heading.startsWith(hashes + u' '))
            return { level, heading.sliced(level + 1).trimmed() };
    }
    return { 0, {} };
}

HeadingMeaning dayHeading(QStringView text)
{
    HeadingMeaning meaning;
    meaning.kind = HeadingMeaning::Kind::Day;
    meaning.date = isoDateIn(text);
    return meaning;
}

HeadingMeaning sectionHeading(QString category = {})
{
    HeadingMeaning meaning;
    meaning.kind = HeadingMeaning::Kind::Section;
    meaning.category = std::move(category);
    return meaning;
}

// "[Title](URL)", or a bare title (the reader then names the paper by its title).
HeadingMeaning paperHeading(QStringView text)
{
    HeadingMeaning meaning;
    meaning.kind = HeadingMeaning::Kind::Paper;
    if (const auto link = parseLink(text)) {
        meaning.paper.title = link->text.trimmed().toString();
        meaning.paper.url = absoluteUrl(link->url);
        meaning.paper.arxivId = arxivIdFromUrl(meaning.paper.url);
    } else {
        meaning.paper.title = text.trimmed().toString();
    }
    return meaning;
}

const QRegularExpression &arxivIdHeading()
{
    static const QRegularExpression pattern(uR"(^## (\d{4}\.\d{4,5})(?:v\d+)?$)"_s);
    return pattern;
}

} // namespace

// --- Daily arXiv digest, by category

bool ArxivDigestFormat::recognises(QStringView heading) const
{
    static const QRegularExpression paper(uR"(^### \[\d+\] \[)"_s);
    return (heading.startsWith(u"## ") && heading.endsWith(u"[[Back]](#toc)")) || paper.matchView(heading).hasMatch();
}

QString ArxivDigestFormat::storedEntryPrefix(QDate date) const
{
    return u"# "_s + date.toString(Qt::ISODate) + u'\n';
}

HeadingMeaning ArxivDigestFormat::interpretHeading(QStringView heading) const
{
    const auto [level, text] = headingLevel(heading);
    switch (level) {
    case 1:
        return dayHeading(text);
    case 2: {
        // "cs.HC [[Back]](#toc)" is a category; "Table of Contents" is not.
        const qsizetype back = text.indexOf(u"[[Back]]");
        return sectionHeading(back > 0 ? text.first(back).trimmed().toString() : QString());
    }
    case 3: {
        static const QRegularExpression number(uR"(^\[\d*\]\s*)"_s);
        const auto match = number.matchView(text);
        return paperHeading(match.hasMatch() ? text.sliced(match.capturedLength()) : text);
    }
    default:
        return {};
    }
}

bool ArxivDigestFormat::readLine(QStringView line, DigestEntry &paper) const
{
    // The authors, as one italic line: "*A, B, C*".
    if (line.size() > 2 && line.startsWith(u'*') && !line.startsWith(u"**") && line.endsWith(u'*') && !line.endsWith(u"**")
        && paper.authors.isEmpty()) {
        paper.authors = commaSeparatedNames(line.sliced(1, line.size() - 2));
        return true;
    }
    return false;
}

void ArxivDigestFormat::placeField(DigestEntry &paper, const QString &key, const QString &text) const
{
    // Short facts go beside the title; the rest is the summary.
    static const QStringList facts { u"Main category"_s, u"Keywords"_s, u"Relevance Score"_s, u"Read time"_s };
    if (facts.contains(key)) {
        if (!text.isEmpty())
            paper.fields.append({ key, text.simplified() });
        return;
    }
    KeyedDigestFormat::placeField(paper, key, text);
}

// --- Hugging Face daily newsletter, Chinese

bool HfNewsletterChineseFormat::recognises(QStringView heading) const
{
    return heading.contains(u"论文日报") || heading.contains(u"论文详情");
}

QString HfNewsletterChineseFormat::storedEntryPrefix(QDate date) const
{
    return u"# Hugging Face "_s + date.toString(Qt::ISODate) + u" 论文日报\n"_s;
}

HeadingMeaning HfNewsletterChineseFormat::interpretHeading(QStringView heading) const
{
    const auto [level, text] = headingLevel(heading);
    switch (level) {
    case 1:
        return dayHeading(text);
    case 2:
        return sectionHeading(); // statistics, word cloud, trends, subscriptions: no papers
    case 3: {
        static const QRegularExpression number(uR"(^\d+\.\s*)"_s);
        const auto match = number.matchView(text);
        HeadingMeaning meaning = paperHeading(QStringView());
        meaning.paper.title = (match.hasMatch() ? text.sliced(match.capturedLength()) : text).toString();
        return meaning;
    }
    default:
        return {};
    }
}

void HfNewsletterChineseFormat::placeField(DigestEntry &paper, const QString &key, const QString &text) const
{
    if (key == u"原文标题") {
        // A long title wraps onto the next line; what follows a blank line is no part of it.
        paper.originalTitle = text.section(u"\n\n"_s, 0, 0).simplified();
        return;
    }
    if (key == u"论文链接") {
        for (const MarkdownLink &link : linksIn(text)) {
            const QString url = absoluteUrl(link.url);
            const QString id = arxivIdFromUrl(url);
            // The arXiv link names the paper; the Hugging Face page only when there is no other.
            if (!id.isEmpty() && url.contains(u"arxiv.org")) {
                paper.url = url;
                paper.arxivId = id;
            } else if (paper.url.isEmpty()) {
                paper.url = url;
                paper.arxivId = id;
            }
        }
        return;
    }
    KeyedDigestFormat::placeField(paper, key, text);
}

// --- Hugging Face daily papers, Korean, by arXiv id

bool HfPapersKoreanFormat::recognises(QStringView heading) const
{
    return (heading.startsWith(u"# ") && heading.contains(u"Hugging Face Daily Papers"))
        || arxivIdHeading().matchView(heading).hasMatch();
}

QString HfPapersKoreanFormat::storedEntryPrefix(QDate date) const
{
    return u"# 📰 Hugging Face Daily Papers – "_s + date.toString(Qt::ISODate) + u'\n';
}

HeadingMeaning HfPapersKoreanFormat::interpretHeading(QStringView heading) const
{
    const auto [level, text] = headingLevel(heading);
    if (level == 1)
        return dayHeading(text);
    if (level == 2) {
        const auto match = arxivIdHeading().matchView(heading);
        if (!match.hasMatch())
            return sectionHeading();
        // The id is all the heading says: no title until another archive gives one.
        HeadingMeaning meaning;
        meaning.kind = HeadingMeaning::Kind::Paper;
        meaning.paper.arxivId = match.captured(1);
        meaning.paper.url = huggingFacePaperUrl(meaning.paper.arxivId);
        return meaning;
    }
    return {};
}

bool HfPapersKoreanFormat::readLine(QStringView line, DigestEntry &paper) const
{
    static constexpr QStringView linkMarker = u"🔗";
    if (!line.startsWith(linkMarker))
        return false;
    const QString url = absoluteUrl(line.sliced(linkMarker.size()));
    if (!url.isEmpty() && (paper.arxivId.isEmpty() || arxivIdFromUrl(url) == paper.arxivId))
        paper.url = url;
    return true;
}

} // namespace hanji
