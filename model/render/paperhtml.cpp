#include "paperhtml.h"

#include "paperid.h"
#include "texsymbols.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

void appendEscaped(QString &out, QStringView text)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'<': out += u"&lt;"; break;
        case u'>': out += u"&gt;"; break;
        case u'&': out += u"&amp;"; break;
        case u'"': out += u"&quot;"; break;
        case u'\'': out += u"&#39;"; break;
        case 0: out += QChar(QChar::ReplacementCharacter); break;
        default: out += c;
        }
    }
}

QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    appendEscaped(out, text);
    return out;
}

// The URL ready for an href, or nothing when it is not an http(s) URL with a host: a
// javascript:, file: or data: link must never become clickable.
std::optional<QString> httpUrl(QStringView raw)
{
    const QUrl url(raw.trimmed().toString(), QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme();
    if (scheme != u"http" && scheme != u"https")
        return std::nullopt;
    return url.toString(QUrl::FullyEncoded);
}

void appendLink(QString &out, const QString &href, QStringView innerHtml)
{
    out += u"<a href=\""_s;
    appendEscaped(out, href);
    out += u"\">"_s;
    out += innerHtml;
    out += u"</a>"_s;
}

bool isUrlChar(QChar c)
{
    // Stop at the first non-ASCII character too: Korean text often follows a URL without a
    // space ("https://github.com/x에서").
    const char16_t u = c.unicode();
    return u > 0x20 && u < 0x7f && u != u'<' && u != u'>' && u != u'"' && u != u'\'' && u != u'`';
}

// The length of a bare URL starting at text[0], without the punctuation that ends a sentence.
qsizetype bareUrlLength(QStringView text)
{
    qsizetype end = 0;
    while (end < text.size() && isUrlChar(text[end]))
        ++end;
    while (end > 0) {
        const QChar last = text[end - 1];
        if (QStringView(u".,;:!?*").contains(last)) {
            --end;
        } else if (last == u')' && text.first(end).count(u'(') < text.first(end).count(u')')) {
            --end; // "(see https://x.org)" keeps its parenthesis outside the link
        } else {
            break;
        }
    }
    return end;
}

bool startsBareUrl(QStringView text, qsizetype at)
{
    const QStringView rest = text.sliced(at);
    if (!rest.startsWith(u"http://", Qt::CaseInsensitive) && !rest.startsWith(u"https://", Qt::CaseInsensitive))
        return false;
    return at == 0 || !text[at - 1].isLetterOrNumber();
}

// Index of the bracket closing the one at text[open], counting nesting; -1 when none.
qsizetype closingBracket(QStringView text, qsizetype open, QChar opening, QChar closing, bool stopAtSpace)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text[i];
        if (stopAtSpace && c.isSpace())
            return -1;
        if (c == opening) {
            ++depth;
        } else if (c == closing && --depth == 0) {
            return i;
        }
    }
    return -1;
}

} // namespace


namespace {

enum InlineFlag { AllowBold = 1, AllowLinks = 2, AllowAll = AllowBold | AllowLinks };

void appendInline(QString &out, QStringView text, int flags)
{
    qsizetype plainStart = 0;
    qsizetype i = 0;
    const auto flushPlain = [&](qsizetype upTo) {
        appendEscaped(out, text.sliced(plainStart, upTo - plainStart));
    };
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'`') {
            const qsizetype close = text.indexOf(u'`', i + 1);
            if (close > i + 1) {
                flushPlain(i);
                out += u"<code>"_s;
                appendEscaped(out, text.sliced(i + 1, close - i - 1));
                out += u"</code>"_s;
                i = plainStart = close + 1;
                continue;
            }
        } else if ((flags & AllowBold) && c == u'*' && text.sliced(i).startsWith(u"**")) {
            const qsizetype close = text.indexOf(u"**", i + 2);
            if (close > i + 2) {
                flushPlain(i);
                out += u"<strong>"_s;
                appendInline(out, text.sliced(i + 2, close - i - 2), flags & ~AllowBold);
                out += u"</strong>"_s;
                i = plainStart = close + 2;
                continue;
            }
        } else if ((flags & AllowLinks) && c == u'[') {
            const qsizetype closeText = closingBracket(text, i, u'[', u']', false);
            if (closeText > i && closeText + 1 < text.size() && text[closeText + 1] == u'(') {
                const qsizetype closeUrl = closingBracket(text, closeText + 1, u'(', u')', true);
                if (closeUrl > closeText) {
                    const QStringView label = text.sliced(i + 1, closeText - i - 1);
                    const QStringView target = text.sliced(closeText + 2, closeUrl - closeText - 2);
                    // Anything but http(s) stays as the text it was written as.
                    if (const auto href = httpUrl(target)) {
                        flushPlain(i);
                        QString inner;
                        appendInline(inner, label.isEmpty() ? target : label, flags & ~AllowLinks);
                        appendLink(out, *href, inner);
                        i = plainStart = closeUrl + 1;
                        continue;
                    }
                }
            }
        } else if ((flags & AllowLinks) && (c == u'h' || c == u'H') && startsBareUrl(text, i)) {
            const qsizetype length = bareUrlLength(text.sliced(i));
            const QStringView target = text.sliced(i, length);
            if (const auto href = httpUrl(target)) {
                flushPlain(i);
                appendLink(out, *href, escaped(target));
                i = plainStart = i + length;
                continue;
            }
        }
        ++i;
    }
    flushPlain(text.size());
}

// Digest text keeps its line breaks (numbered sub-lists continue a bullet on new lines).
// Summaries quote Markdown of their own (a model's answer in a fenced block): its headings
// read as bold lines and its list items as bullets, not as '#' and '-'.
void appendInlineLine(QString &out, QStringView line)
{
    static const QRegularExpression heading(uR"(^#{1,6}\s+(.+)$)"_s);
    static const QRegularExpression item(uR"(^(\s*)[-*]\s+(.+)$)"_s);
    if (const auto match = heading.matchView(line); match.hasMatch()) {
        out += u"<strong>"_s;
        appendInline(out, texSymbols(match.capturedView(1)), AllowAll);
        out += u"</strong>"_s;
    } else if (const auto bullet = item.matchView(line); bullet.hasMatch()) {
        out += QString(bullet.capturedLength(1), QChar(0xA0)) + u"• "_s;
        appendInline(out, texSymbols(bullet.capturedView(2)), AllowAll);
    } else {
        appendInline(out, texSymbols(line), AllowAll);
    }
}

void appendInlineLines(QString &out, QStringView text)
{
    bool first = true;
    for (const QStringView line : text.tokenize(u'\n')) {
        if (!first)
            out += u"<br>"_s;
        first = false;
        appendInlineLine(out, line);
    }
}

// Colours go into the stylesheet verbatim; allow colour syntax only, so a bad setting can
// break the colours but never the page.
QString cssColor(const QString &value, const QString &fallback)
{
    if (value.isEmpty())
        return fallback;
    for (const QChar c : value) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && !QStringView(u"#(),.% ").contains(c))
            return fallback;
    }
    return value;
}

QString pageHead(const PaperHtmlOptions &options, QStringView title)
{
    const PaperHtmlColors fallback = options.colors.darkScheme ? PaperHtmlColors::dark() : PaperHtmlColors::light();
    const PaperHtmlColors &c = options.colors;
    QString css = uR"(:root { color-scheme: %1; }
html, body { background: %2; color: %3; }
body {
  margin: 0;
  padding: 1.6em 2em 3em;
  /* Latin first: CJK fonts centre ':' and friends, which looks odd in English titles; Hangul falls through. */
  font-family: "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
  font-size: 16px;
  line-height: 1.7;
  word-break: keep-all;
  overflow-wrap: anywhere;
  -webkit-text-size-adjust: none;
}
/* Keep-all is for Korean, which breaks between words; Chinese breaks between characters. */
:lang(zh) { word-break: normal; font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; }
article { max-width: 44em; margin: 0 auto; }
h1 { font-size: 1.45em; line-height: 1.4; margin: 0 0 0.45em; color: %6; font-weight: 700; }
.meta, .authors { color: %4; font-size: 0.92em; margin: 0 0 0.35em; }
.meta span + span::before { content: "·"; margin: 0 0.5em; }
.authors details { display: inline; }
.authors summary { display: inline; cursor: pointer; color: %5; }
.original-title { font-size: 1.05em; margin: -0.2em 0 0.5em; color: %4; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 0.9em; margin: 0.5em 0 0.4em;
  font-size: 0.92em; }
dl.fields dt { color: %4; }
dl.fields dd { margin: 0; }
.categories span, .tags span { display: inline-block; margin: 0 0.4em 0.3em 0; padding: 0 0.6em; border-radius: 1em;
  background: %8; font-size: 0.85em; }
nav.links { margin: 0.8em 0 0; }
nav.links a { display: inline-block; margin: 0 0.45em 0.45em 0; padding: 0.1em 0.8em;
  border: 1px solid %7; border-radius: 1em; font-size: 0.9em; text-decoration: none; }
a { color: %5; }
a:hover { text-decoration: underline; }
figure.thumb { margin: 1.2em 0 0.4em; }
figure.thumb img { display: block; box-sizing: border-box; width: 100%; max-height: 26em;
  aspect-ratio: auto 16 / 9; object-fit: contain; background: %9; border: 1px solid %7;
  border-radius: 6px; }
)"_s;
    // Teaser figures are mostly black on white: dimmed a little, they do not glare at night.
    if (c.darkScheme)
        css += u"figure.thumb img { filter: brightness(0.85); }\n"_s;
    css += uR"(
h3 { font-size: 1.05em; line-height: 1.5; color: %6; margin: 1.5em 0 0.4em; padding-bottom: 0.2em;
  border-bottom: 1px solid %7; }
p { margin: 0 0 0.8em; }
ul { margin: 1.2em 0 0.8em; padding-left: 1.3em; }
li { margin: 0 0 0.5em; }
li::marker { color: %4; }
strong { font-weight: 700; color: %6; }
code { font-family: "Noto Sans Mono CJK KR", "DejaVu Sans Mono", monospace; font-size: 0.88em;
  background: %8; padding: 0.05em 0.35em; border-radius: 3px; }
.other-text { margin-top: 2.2em; }
.other-text h2 { font-size: 0.92em; font-weight: 600; color: %4; margin: 0 0 0.5em; padding-top: 0.8em;
  border-top: 2px solid %7; }
.related ul { list-style: none; padding-left: 0; margin-top: 0.5em; }
.related li { margin: 0 0 0.35em; }
.related a { text-decoration: none; }
.note { margin-top: 2em; padding: 0.6em 1em; border-left: 3px solid %7; background: %8; }
.note h3 { margin-top: 0.2em; border: none; }
.note code { background: %7; }
)"_s;
    css = css.arg(c.darkScheme ? u"dark"_s : u"light"_s, cssColor(c.background, fallback.background),
                  cssColor(c.text, fallback.text), cssColor(c.muted, fallback.muted),
                  cssColor(c.link, fallback.link), cssColor(c.heading, fallback.heading),
                  cssColor(c.border, fallback.border), cssColor(c.codeBackground, fallback.codeBackground),
                  cssColor(c.placeholder, fallback.placeholder));

    QString out;
    out += u"<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"_s;
    // Belt and braces beside the engine's settings: no script, no plugin, images only from
    // our own scheme, so nothing in a digest can reach the network or the disk.
    out += u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "img-src hanji:; style-src 'unsafe-inline'\">\n"_s;
    out += u"<title>"_s;
    appendEscaped(out, title);
    out += u"</title>\n<style>\n"_s;
    out += css;
    out += u"</style>\n</head>\n"_s;
    return out;
}

void appendAuthors(QString &out, const QStringList &authors)
{
    // Some papers list hundreds of authors; the rest fold away (no script needed).
    constexpr qsizetype shown = 12;
    out += u"<p class=\"authors\">"_s;
    appendEscaped(out, authors.mid(0, shown).join(u", "));
    if (authors.size() > shown + 2) {
        out += u" <details><summary>"_s;
        //: Folded authors in the summary pane: "A, B, … and 28 others"; the list unfolds on a click.
        appendEscaped(out, QCoreApplication::translate("hanji::PaperHtml", "and %n others", nullptr,
                                                       int(authors.size() - shown)));
        out += u"</summary>, "_s;
        appendEscaped(out, authors.mid(shown).join(u", "));
        out += u"</details>"_s;
    } else if (authors.size() > shown) {
        out += u", "_s;
        appendEscaped(out, authors.mid(shown).join(u", "));
    }
    out += u"</p>\n"_s;
}

void appendLinks(QString &out, const Paper &paper)
{
    QString links;
    const auto add = [&links](const QString &url, QStringView label) {
        if (const auto href = httpUrl(url)) {
            appendLink(links, *href, escaped(label));
            links += u'\n';
        }
    };
    if (!paper.arxivId.isEmpty()) {
        add(arxivAbstractUrl(paper.arxivId), u"arXiv");
        add(arxivPdfUrl(paper.arxivId), u"PDF");
        add(huggingFacePaperUrl(paper.arxivId), u"Hugging Face");
    } else if (const auto href = httpUrl(paper.url)) {
        //: The link to a paper's own page when it has no arXiv id; %1 is the host.
        add(paper.url, QCoreApplication::translate("hanji::PaperHtml", "Source · %1").arg(QUrl(*href).host()));
    }
    if (!paper.videoUrl.isEmpty())
        add(paper.videoUrl, QCoreApplication::translate("hanji::PaperHtml", "▶ Video"));
    if (!links.isEmpty())
        out += u"<nav class=\"links\">\n"_s + links + u"</nav>\n"_s;

    // A link we would not follow is still worth seeing, as text.
    if (paper.arxivId.isEmpty() && !paper.url.isEmpty() && !httpUrl(paper.url)) {
        out += u"<p class=\"meta\">"_s;
        appendEscaped(out, paper.url);
        out += u"</p>\n"_s;
    }
    if (!paper.videoUrl.isEmpty() && !httpUrl(paper.videoUrl)) {
        out += u"<p class=\"meta\">"_s;
        //: A video address that is not a web link, shown as text.
        appendEscaped(out, QCoreApplication::translate("hanji::PaperHtml", "Video: %1").arg(paper.videoUrl));
        out += u"</p>\n"_s;
    }
}

void appendFields(QString &out, const QList<SummarySection> &fields)
{
    if (fields.isEmpty())
        return;
    out += u"<dl class=\"fields\">\n"_s;
    for (const SummarySection &field : fields) {
        out += u"<dt>"_s + escaped(field.key) + u"</dt><dd>"_s;
        appendInlineLines(out, field.text);
        out += u"</dd>\n"_s;
    }
    out += u"</dl>\n"_s;
}

void appendSections(QString &out, const QList<SummarySection> &sections)
{
    bool inList = false;
    for (const SummarySection &section : sections) {
        if (section.key.isEmpty()) {
            if (!inList)
                out += u"<ul>\n"_s;
            inList = true;
            out += u"<li>"_s;
            appendInlineLines(out, section.text);
            out += u"</li>\n"_s;
            continue;
        }
        if (inList)
            out += u"</ul>\n"_s;
        inList = false;
        out += u"<h3>"_s;
        appendEscaped(out, section.key);
        out += u"</h3>\n"_s;
        if (!section.text.isEmpty()) {
            out += u"<p>"_s;
            appendInlineLines(out, section.text);
            out += u"</p>\n"_s;
        }
    }
    if (inList)
        out += u"</ul>\n"_s;
}

// "zh" for text in Han characters without Hangul, so the page wraps and draws it as Chinese;
// empty for anything else (the page is Korean by default, and Latin text does not care).
QString chineseOrNothing(const QString &title, const QList<SummarySection> &sections)
{
    bool han = false;
    const auto scan = [&han](QStringView text) {
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if ((u >= 0xAC00 && u <= 0xD7AF) || (u >= 0x1100 && u <= 0x11FF) || (u >= 0x3130 && u <= 0x318F))
                return false; // Hangul
            han = han || (u >= 0x4E00 && u <= 0x9FFF);
        }
        return true;
    };
    if (!scan(title))
        return {};
    for (const SummarySection &section : sections) {
        if (!scan(section.text))
            return {};
    }
    return han ? u"zh"_s : QString();
}

QString langAttribute(const QString &language)
{
    return language.isEmpty() ? QString() : u" lang=\""_s + language + u'"';
}

// Another archive's telling of the same paper (its summary in another language, its own
// fields), after the one shown, so that reading the pane shows every text the library has.
void appendOtherTexts(QString &out, const QList<DigestEntry> &entries)
{
    for (const DigestEntry &entry : entries) {
        out += u"<section class=\"other-text\""_s + langAttribute(chineseOrNothing(entry.title, entry.sections))
            + u">\n<h2>"_s;
        //: Heading of another digest's text of the same paper: %1 its date, %2 its file.
        appendEscaped(out, QCoreApplication::translate("hanji::PaperHtml", "As listed on %1 in %2")
                               .arg(entry.date.toString(Qt::ISODate), QFileInfo(entry.sourceFile).fileName()));
        out += u"</h2>\n"_s;
        if (!entry.title.isEmpty()) {
            out += u"<p class=\"original-title\">"_s;
            appendEscaped(out, texSymbols(entry.title));
            out += u"</p>\n"_s;
        }
        appendFields(out, entry.fields);
        appendSections(out, entry.sections);
        out += u"</section>\n"_s;
    }
}

void appendSectionsText(QString &out, const QList<SummarySection> &sections)
{
    bool lastWasBullet = false;
    for (const SummarySection &section : sections) {
        if (section.key.isEmpty()) {
            if (!lastWasBullet)
                out += u'\n';
            out += u"- "_s + QString(section.text).replace(u'\n', u"\n  "_s) + u'\n';
            lastWasBullet = true;
        } else {
            out += u'\n' + section.key + u'\n' + section.text + u'\n';
            lastWasBullet = false;
        }
    }
}

QString datesText(const Paper &paper)
{
    QStringList dates;
    for (const Appearance &appearance : paper.appearances)
        dates += appearance.date.toString(Qt::ISODate);
    return dates.join(u", ");
}

} // namespace

PaperHtmlColors PaperHtmlColors::light()
{
    return { u"#ffffff"_s, u"#1f2328"_s, u"#59636e"_s, u"#0b57d0"_s, u"#111418"_s,
             u"#d8dee4"_s, u"#f2f4f7"_s, u"#eef1f4"_s, false };
}

PaperHtmlColors PaperHtmlColors::dark()
{
    return { u"#1b1d21"_s, u"#dfe2e6"_s, u"#9aa3ad"_s, u"#8ab4f8"_s, u"#f2f4f6"_s,
             u"#3a3f46"_s, u"#262a30"_s, u"#2a2e34"_s, true };
}

QString thumbnailKey(QStringView remoteUrl)
{
    return QString::fromLatin1(QCryptographicHash::hash(remoteUrl.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString thumbnailPageUrl(QStringView remoteUrl)
{
    return paperUrlScheme.toString() + u"://thumbnail/"_s + thumbnailKey(remoteUrl);
}




QString inlineMarkdownToHtml(QStringView text)
{
    QString out;
    appendInlineLines(out, text);
    return out;
}

QString paperHtml(const Paper &paper, const PaperHtmlOptions &options)
{
    const QString title = texSymbols(paper.title);
    QString out = pageHead(options, title);
    out += u"<body>\n<article"_s + langAttribute(chineseOrNothing(paper.title, paper.sections))
        + u">\n<header>\n<h1>"_s;
    appendEscaped(out, title);
    out += u"</h1>\n"_s;
    if (!paper.originalTitle.isEmpty() && paper.originalTitle != paper.title) {
        out += u"<p class=\"original-title\" lang=\"en\">"_s;
        appendEscaped(out, texSymbols(paper.originalTitle));
        out += u"</p>\n"_s;
    }

    QStringList meta;
    if (!paper.appearances.isEmpty())
        meta += u"<span class=\"dates\">"_s + escaped(datesText(paper)) + u"</span>"_s;
    if (const auto votes = paper.votes())
        meta += u"<span class=\"votes\">▲ %1</span>"_s.arg(*votes);
    if (!meta.isEmpty())
        out += u"<p class=\"meta\">"_s + meta.join(QString()) + u"</p>\n"_s;
    if (!paper.authors.isEmpty())
        appendAuthors(out, paper.authors);
    if (!paper.categories.isEmpty()) {
        out += u"<p class=\"categories\">"_s;
        for (const QString &category : paper.categories)
            out += u"<span>"_s + escaped(category) + u"</span>"_s;
        out += u"</p>\n"_s;
    }
    appendFields(out, paper.fields);
    if (!paper.user.tags.isEmpty()) {
        out += u"<p class=\"tags\">"_s;
        for (const QString &tag : paper.user.tags)
            out += u"<span>"_s + escaped(tag) + u"</span>"_s;
        out += u"</p>\n"_s;
    }
    appendLinks(out, paper);
    out += u"</header>\n"_s;

    if (options.remoteImages && httpUrl(paper.thumbnailUrl)) {
        out += u"<figure class=\"thumb\"><img src=\""_s;
        appendEscaped(out, thumbnailPageUrl(paper.thumbnailUrl));
        out += u"\" alt=\"\"></figure>\n"_s;
    }

    appendSections(out, paper.sections);
    appendOtherTexts(out, paper.otherTexts);

    if (!paper.user.note.isEmpty()) {
        out += u"<section class=\"note\">\n<h3>"_s;
        //: The heading of the reader's own note on a paper.
        appendEscaped(out, QCoreApplication::translate("hanji::PaperHtml", "Note"));
        out += u"</h3>\n<p>"_s;
        appendInlineLines(out, paper.user.note);
        out += u"</p>\n</section>\n"_s;
    }
    if (!options.related.isEmpty()) {
        out += u"<section class=\"related\">\n<h3>"_s;
        //: The heading of the list of papers most like the one shown, under its summary.
        appendEscaped(out, QCoreApplication::translate("hanji::PaperHtml", "Related papers"));
        out += u"</h3>\n<ul>\n"_s;
        for (const RelatedLink &link : options.related) {
            out += u"<li><a href=\""_s;
            appendEscaped(out, selectPaperUrl(link.id));
            out += u"\">"_s;
            appendEscaped(out, texSymbols(link.title));
            out += u"</a></li>\n"_s;
        }
        out += u"</ul>\n</section>\n"_s;
    }
    out += u"</article>\n</body>\n</html>\n"_s;
    return out;
}

QString selectPaperUrl(const QString &id)
{
    return u"%1://select/?id=%2"_s.arg(paperUrlScheme, QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

std::optional<QString> selectedPaperId(const QUrl &url)
{
    if (url.scheme() != paperUrlScheme || url.host() != u"select"_s)
        return std::nullopt;
    const QString id = QUrlQuery(url).queryItemValue(u"id"_s, QUrl::FullyDecoded);
    return id.isEmpty() ? std::nullopt : std::optional(id);
}

QString emptyPaperHtml(const PaperHtmlOptions &options)
{
    return pageHead(options, {}) + u"<body></body>\n</html>\n"_s;
}

QString paperText(const Paper &paper)
{
    QString out;
    const auto line = [&out](QStringView label, const QString &value) {
        if (!value.isEmpty())
            out += label.toString() + u": "_s + value + u'\n';
    };
    out += paper.title + u'\n';
    if (paper.originalTitle != paper.title)
        line(u"Original title", paper.originalTitle);
    line(u"Dates", datesText(paper));
    if (const auto votes = paper.votes())
        line(u"Votes", QString::number(*votes));
    line(u"Authors", paper.authors.join(u", "));
    if (!paper.arxivId.isEmpty()) {
        line(u"arXiv", arxivAbstractUrl(paper.arxivId));
        line(u"PDF", arxivPdfUrl(paper.arxivId));
        line(u"Hugging Face", huggingFacePaperUrl(paper.arxivId));
    } else {
        line(u"URL", paper.url);
    }
    line(u"Video", paper.videoUrl);
    line(u"Thumbnail", paper.thumbnailUrl);
    line(u"Categories", paper.categories.join(u", "));
    for (const SummarySection &field : paper.fields)
        line(field.key, field.text);
    if (!paper.user.tags.isEmpty())
        line(u"Tags", paper.user.tags.join(u", "));

    appendSectionsText(out, paper.sections);
    for (const DigestEntry &entry : paper.otherTexts) {
        out += u"\nAs listed on %1 in %2\n"_s.arg(entry.date.toString(Qt::ISODate), QFileInfo(entry.sourceFile).fileName());
        if (!entry.title.isEmpty())
            line(u"Title", entry.title);
        for (const SummarySection &field : entry.fields)
            line(field.key, field.text);
        appendSectionsText(out, entry.sections);
    }
    if (!paper.user.note.isEmpty())
        out += u"\nNote\n"_s + paper.user.note + u'\n';
    return out;
}

} // namespace hanji
