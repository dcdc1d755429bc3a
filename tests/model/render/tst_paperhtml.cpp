#include "language.h"
#include "paperhtml.h"

#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

const QString hostile = u"<script>alert(1)</script> & \"'"_s;
const QString hostileEscaped = u"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&#39;"_s;

Paper samplePaper()
{
    Paper paper;
    paper.id = paper.arxivId = u"2305.18290"_s;
    paper.title = u"Direct Preference Optimization"_s;
    paper.url = u"https://arxiv.org/abs/2305.18290"_s;
    paper.thumbnailUrl = u"https://cdn.example.org/dpo.png"_s;
    paper.authors = { u"Rafael Rafailov"_s, u"Archit Sharma"_s };
    paper.appearances = { { QDate(2024, 6, 3), 143 }, { QDate(2024, 6, 10), 150 } };
    paper.sections = { { u"What's New"_s, u"선호 데이터에 대한 **단순한 분류 손실** 하나로 대체합니다."_s },
                       { u"Technical Details"_s, u"보상 함수를 다시 표현합니다."_s } };
    return paper;
}

// Every tag the page may contain; anything else means digest text got through unescaped.
const QStringList allowedTags = { u"!DOCTYPE"_s, u"html"_s, u"head"_s, u"meta"_s, u"title"_s, u"style"_s,
                                  u"body"_s, u"article"_s, u"header"_s, u"h1"_s, u"h3"_s, u"p"_s,
                                  u"span"_s, u"details"_s, u"summary"_s, u"nav"_s, u"a"_s, u"figure"_s,
                                  u"img"_s, u"ul"_s, u"li"_s, u"strong"_s, u"code"_s, u"br"_s,
                                  u"section"_s, u"dl"_s, u"dt"_s, u"dd"_s, u"h2"_s };

} // namespace

using Edit = std::function<void(Paper &, PaperHtmlOptions &)>;
Q_DECLARE_METATYPE(Edit)

class TestPaperHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The page's own words as our readers see them, in Korean; pageInEnglish has the source text.
    void initTestCase()
    {
        auto installed = Translations::install(Language::Korean);
        QVERIFY2(installed, errorOf(installed).constData());
        m_korean = std::move(*installed);
    }
    void page_data();
    void page();
    void inlineMarkdown_data();
    void inlineMarkdown();
    void colorsAndTypography();
    void badColorsFallBack();
    void text();
    void textShowsFieldsBesideTheTitle();
    void pageInEnglish();
    void relatedPapersAreLinksThatSelect();

private:
    std::unique_ptr<Translations> m_korean;
};

void TestPaperHtml::page_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    QTest::addRow("hostile title escaped in <title> and <h1>")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.title = hostile; })
        << QStringList { u"<title>"_s + hostileEscaped + u"</title>"_s, u"<h1>"_s + hostileEscaped + u"</h1>"_s }
        << QStringList { u"<script"_s, u"alert(1)</"_s };
    QTest::addRow("hostile authors")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.authors = { hostile, u"김철수"_s }; })
        << QStringList { hostileEscaped + u", 김철수"_s } << QStringList { u"<script"_s };
    QTest::addRow("hostile section key and text")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.sections = { { hostile, hostile } }; })
        << QStringList { u"<h3>"_s + hostileEscaped + u"</h3>"_s, u"<p>"_s + hostileEscaped + u"</p>"_s }
        << QStringList { u"<script"_s };
    QTest::addRow("hostile plain bullet")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.sections = { { QString(), hostile } }; })
        << QStringList { u"<li>"_s + hostileEscaped + u"</li>"_s } << QStringList { u"<script"_s };
    QTest::addRow("hostile note and tag")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.user.note = hostile;
               p.user.tags = { hostile };
           })
        << QStringList { u"<p>"_s + hostileEscaped + u"</p>"_s, u"<span>"_s + hostileEscaped + u"</span>"_s }
        << QStringList { u"<script"_s };
    QTest::addRow("quotes in a URL cannot leave the attribute")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.arxivId.clear();
               p.url = u"https://example.org/a\"onmouseover='x'<b>"_s;
               p.videoUrl = u"https://example.org/v.mp4?\"><script>"_s;
           })
        << QStringList { u"href=\"https://example.org/a%22onmouseover=&#39;x&#39;%3Cb%3E\""_s,
                         u"href=\"https://example.org/v.mp4?%22%3E%3Cscript%3E\""_s }
        << QStringList { u"onmouseover='"_s, u"<script"_s, u"<b>"_s };
    QTest::addRow("javascript: link is text, not <a>")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.sections = { { u"Link"_s, u"[클릭](javascript:alert(1)) 그리고 [파일](file:///etc/passwd)"_s } };
           })
        << QStringList { u"<p>[클릭](javascript:alert(1)) 그리고 [파일](file:///etc/passwd)</p>"_s }
        << QStringList { u"href=\"javascript"_s, u"href=\"file"_s };
    QTest::addRow("javascript: paper URL and video shown as text")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.arxivId.clear();
               p.url = u"javascript:alert(1)"_s;
               p.videoUrl = u"file:///etc/passwd"_s;
               p.thumbnailUrl = u"javascript:alert(2)"_s;
           })
        << QStringList { u"<p class=\"meta\">javascript:alert(1)</p>"_s, u"동영상: file:///etc/passwd"_s }
        << QStringList { u"href=\"javascript"_s, u"href=\"file"_s, u"<img"_s, u"<nav"_s };
    QTest::addRow("raw <video> in a summary is escaped")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.sections = { { QString(), u"<div><video controls src=\"https://x.org/a.mp4\"></video></div>"_s } };
           })
        << QStringList { u"&lt;div&gt;&lt;video controls src=&quot;"_s }
        << QStringList { u"<video"_s, u"<div"_s };
    QTest::addRow("video URL is a plain link")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.videoUrl = u"https://cdn.example.org/demo.mp4"_s; })
        << QStringList { u"<a href=\"https://cdn.example.org/demo.mp4\">▶ 동영상</a>"_s }
        << QStringList { u"<video"_s };
    QTest::addRow("TeX symbol in the title")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.title = u"An Image is Worth 16$\\times$16 Words"_s; })
        << QStringList { u"<h1>An Image is Worth 16×16 Words</h1>"_s, u"<title>An Image is Worth 16×16 Words</title>"_s }
        << QStringList {};
    QTest::addRow("Korean preserved, keys as headings")
        << Edit([](Paper &, PaperHtmlOptions &) {})
        << QStringList { u"<h3>What&#39;s New</h3>"_s, u"<h3>Technical Details</h3>"_s,
                         u"<p>선호 데이터에 대한 <strong>단순한 분류 손실</strong> 하나로 대체합니다.</p>"_s,
                         u"<html lang=\"ko\">"_s, u"<meta charset=\"utf-8\">"_s }
        << QStringList { u"<ul>"_s };
    QTest::addRow("plain bullets as one list, keyed ones as headings")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.sections = { { QString(), u"하나"_s }, { QString(), u"둘"_s }, { u"Key"_s, u"셋"_s }, { QString(), u"넷"_s } };
           })
        << QStringList { u"<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>\n<h3>Key</h3>\n<p>셋</p>\n<ul>\n<li>넷</li>\n</ul>"_s }
        << QStringList {};
    QTest::addRow("continuation lines become line breaks")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.sections = { { u"Steps"_s, u"세 단계:\n1. 첫째\n2. 둘째"_s } }; })
        << QStringList { u"<p>세 단계:<br>1. 첫째<br>2. 둘째</p>"_s } << QStringList {};
    QTest::addRow("arXiv links")
        << Edit([](Paper &, PaperHtmlOptions &) {})
        << QStringList { u"<a href=\"https://arxiv.org/abs/2305.18290\">arXiv</a>"_s,
                         u"<a href=\"https://arxiv.org/pdf/2305.18290\">PDF</a>"_s,
                         u"<a href=\"https://huggingface.co/papers/2305.18290\">Hugging Face</a>"_s }
        << QStringList {};
    QTest::addRow("non-arXiv paper links only its URL")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.arxivId.clear();
               p.url = u"https://openreview.net/forum?id=abc&x=1"_s;
           })
        << QStringList { u"<a href=\"https://openreview.net/forum?id=abc&amp;x=1\">원문 · openreview.net</a>"_s }
        << QStringList { u"arxiv.org"_s, u"huggingface.co"_s };
    QTest::addRow("dates and highest votes")
        << Edit([](Paper &, PaperHtmlOptions &) {})
        << QStringList { u"<span class=\"dates\">2024-06-03, 2024-06-10</span><span class=\"votes\">▲ 150</span>"_s }
        << QStringList {};
    QTest::addRow("unknown votes are not shown as zero")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.appearances = { { QDate(2023, 12, 28), std::nullopt } }; })
        << QStringList { u"<span class=\"dates\">2023-12-28</span></p>"_s } << QStringList { u"▲"_s };
    QTest::addRow("thumbnail through our scheme only")
        << Edit([](Paper &, PaperHtmlOptions &) {})
        << QStringList { u"<img src=\"hanji://thumbnail/"_s + thumbnailKey(u"https://cdn.example.org/dpo.png") + u'"' }
        << QStringList { u"cdn.example.org"_s };
    QTest::addRow("remote images off: no <img>")
        << Edit([](Paper &, PaperHtmlOptions &o) { o.remoteImages = false; })
        << QStringList {} << QStringList { u"<img"_s, u"hanji://thumbnail"_s };
    QTest::addRow("many authors fold away")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.authors.clear();
               for (int i = 1; i <= 40; ++i)
                   p.authors += u"Author %1"_s.arg(i);
           })
        << QStringList { u"Author 12 <details><summary>외 28명</summary>, Author 13"_s, u"Author 40</details>"_s }
        << QStringList {};

    QTest::addRow("another archive's original title, categories and fields, escaped")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.title = u"直接偏好优化"_s;
               p.originalTitle = u"Direct Preference <Optimization>"_s;
               p.categories = { u"cs.CL"_s, hostile };
               p.fields = { { u"Keywords"_s, u"preference, **alignment**"_s }, { hostile, u"7"_s } };
           })
        << QStringList { u"<p class=\"original-title\" lang=\"en\">Direct Preference &lt;Optimization&gt;</p>"_s,
                         u"<p class=\"categories\"><span>cs.CL</span><span>"_s + hostileEscaped + u"</span></p>"_s,
                         u"<dt>Keywords</dt><dd>preference, <strong>alignment</strong></dd>"_s,
                         u"<dt>"_s + hostileEscaped + u"</dt><dd>7</dd>"_s }
        << QStringList { hostile };
    QTest::addRow("Markdown quoted in a summary: headings bold, items bulleted")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               p.sections = { { u"Summary"_s, u"# 논문 요약\n## 핵심 아이디어\n- 초안을 고친다\n  - <b>작게</b>"_s } };
           })
        << QStringList { u"<strong>논문 요약</strong><br><strong>핵심 아이디어</strong><br>• 초안을 고친다<br>\u00a0\u00a0• &lt;b&gt;작게&lt;/b&gt;"_s }
        << QStringList { u"# 논문"_s, u"- 초안"_s };
    QTest::addRow("another archive's text of the same paper follows, under its date and file")
        << Edit([](Paper &p, PaperHtmlOptions &) {
               DigestEntry other;
               other.date = QDate(2025, 1, 23);
               other.sourceFile = u"/archives/zh/2025-01-23_daily_paper.md"_s;
               other.title = u"自主专家模型"_s;
               other.fields = { { u"Keywords"_s, u"MoE"_s } };
               other.sections = { { u"摘要"_s, u"专家<自主>选择。"_s } };
               p.otherTexts = { other };
           })
        << QStringList { u"<article>"_s, u"<section class=\"other-text\" lang=\"zh\">\n<h2>2025-01-23 2025-01-23_daily_paper.md에 실린 내용</h2>"_s,
                         u"<p class=\"original-title\">自主专家模型</p>"_s, u"<dt>Keywords</dt><dd>MoE</dd>"_s,
                         u"<h3>摘要</h3>\n<p>专家&lt;自主&gt;选择。</p>"_s }
        << QStringList { u"/archives/zh"_s };
    QTest::addRow("an original title equal to the title is not repeated")
        << Edit([](Paper &p, PaperHtmlOptions &) { p.originalTitle = p.title; })
        << QStringList {} << QStringList { u"original-title\""_s, u"<dl"_s };
}

void TestPaperHtml::page()
{
    QFETCH(Edit, edit);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    Paper paper = samplePaper();
    PaperHtmlOptions options;
    edit(paper, options);
    const QString html = paperHtml(paper, options);

    for (const QString &s : present) {
        if (!html.contains(s))
            QFAIL(qPrintable(u"missing: "_s + s + u"\n--- page:\n"_s + html));
    }
    for (const QString &s : absent) {
        if (html.contains(s))
            QFAIL(qPrintable(u"present: "_s + s + u"\n--- page:\n"_s + html));
    }

    // Whatever the row, the page holds only our own tags and http(s) links.
    static const QRegularExpression tag(uR"(<(/?)([!a-zA-Z0-9]+))"_s);
    for (const auto &match : tag.globalMatch(html))
        QVERIFY2(allowedTags.contains(match.captured(2)), qPrintable(match.captured(0)));
    static const QRegularExpression href(uR"re(href="([^"]*)")re"_s);
    for (const auto &match : href.globalMatch(html))
        QVERIFY2(match.captured(1).startsWith(u"https://") || match.captured(1).startsWith(u"http://"),
                 qPrintable(match.captured(1)));
    static const QRegularExpression src(uR"re(src="([^"]*)")re"_s);
    for (const auto &match : src.globalMatch(html))
        QVERIFY2(match.captured(1).startsWith(u"hanji://thumbnail/"), qPrintable(match.captured(1)));
}

void TestPaperHtml::inlineMarkdown_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");

    QTest::addRow("plain Korean") << u"이미지를 16×16 패치로"_s << u"이미지를 16×16 패치로"_s;
    QTest::addRow("markdown link") << u"[프로젝트 페이지](https://example.org/project)에서"_s
                                   << u"<a href=\"https://example.org/project\">프로젝트 페이지</a>에서"_s;
    QTest::addRow("bare URL followed by Korean")
        << u"코드는 https://github.com/artidoro/qlora에서 받을 수 있습니다."_s
        << u"코드는 <a href=\"https://github.com/artidoro/qlora\">https://github.com/artidoro/qlora</a>에서 받을 수 있습니다."_s;
    QTest::addRow("bare URL ending a sentence")
        << u"See https://x.org/a."_s << u"See <a href=\"https://x.org/a\">https://x.org/a</a>."_s;
    QTest::addRow("bare URL in parentheses")
        << u"(https://en.wikipedia.org/wiki/A_(b))"_s
        << u"(<a href=\"https://en.wikipedia.org/wiki/A_(b)\">https://en.wikipedia.org/wiki/A_(b)</a>)"_s;
    QTest::addRow("bold") << u"**트랜스포머** 인코더"_s << u"<strong>트랜스포머</strong> 인코더"_s;
    QTest::addRow("unclosed bold is text") << u"a ** b"_s << u"a ** b"_s;
    QTest::addRow("code is escaped and not linked")
        << u"`x<y && https://a.b`"_s << u"<code>x&lt;y &amp;&amp; https://a.b</code>"_s;
    QTest::addRow("bold link") << u"**[MM1](https://arxiv.org/abs/2403.09611)**"_s
                               << u"<strong><a href=\"https://arxiv.org/abs/2403.09611\">MM1</a></strong>"_s;
    QTest::addRow("brackets that are not a link") << u"분류용 [class] 토큰"_s << u"분류용 [class] 토큰"_s;
    QTest::addRow("javascript link stays text")
        << u"[x](javascript:alert(1))"_s << u"[x](javascript:alert(1))"_s;
    QTest::addRow("data link stays text")
        << u"[x](data:text/html,<b>)"_s << u"[x](data:text/html,&lt;b&gt;)"_s;
    QTest::addRow("link text is escaped")
        << u"[<img src=x onerror=alert(1)>](https://a.org)"_s
        << u"<a href=\"https://a.org\">&lt;img src=x onerror=alert(1)&gt;</a>"_s;
    QTest::addRow("not a URL inside a word") << u"xhttps://a.org"_s << u"xhttps://a.org"_s;
    QTest::addRow("TeX symbols") << u"16$\\times$16 패치, $\\alpha$=0.5, $\\sim$1B"_s
                                 << u"16×16 패치, α=0.5, ~1B"_s;
    QTest::addRow("TeX we do not know stays") << u"$O(n^2)$ 와 $\\frac{a}{b}$"_s << u"$O(n^2)$ 와 $\\frac{a}{b}$"_s;
    QTest::addRow("dollars are not TeX") << u"$5 or $10"_s << u"$5 or $10"_s;
    QTest::addRow("raw html") << u"<iframe src=\"https://a.org\">"_s
                              << u"&lt;iframe src=&quot;<a href=\"https://a.org\">https://a.org</a>&quot;&gt;"_s;
}

void TestPaperHtml::inlineMarkdown()
{
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(inlineMarkdownToHtml(text), html);
}

void TestPaperHtml::colorsAndTypography()
{
    const Paper paper = samplePaper();
    PaperHtmlOptions light;
    const QString lightHtml = paperHtml(paper, light);
    QVERIFY(lightHtml.contains(
        u"font-family: \"Noto Sans\", \"Noto Sans CJK KR\", \"Noto Sans KR\", \"Apple SD Gothic Neo\", \"Malgun Gothic\", sans-serif;"_s));
    QVERIFY(lightHtml.contains(u"line-height: 1.7;"_s));
    QVERIFY(lightHtml.contains(u"word-break: keep-all;"_s)); // Korean breaks between words
    QVERIFY(lightHtml.contains(u"color-scheme: light;"_s));
    QVERIFY(lightHtml.contains(u"background: #ffffff;"_s));

    PaperHtmlOptions dark;
    dark.colors = PaperHtmlColors::dark();
    dark.colors.background = u"#101112"_s;
    const QString darkHtml = paperHtml(paper, dark);
    QVERIFY(darkHtml.contains(u"color-scheme: dark;"_s));
    QVERIFY(darkHtml.contains(u"background: #101112;"_s));
    QVERIFY(!darkHtml.contains(u"#ffffff"_s));
}

void TestPaperHtml::badColorsFallBack()
{
    PaperHtmlOptions options;
    options.colors.background = u"red; } body { background: url(https://x.org/)"_s;
    const QString html = paperHtml(samplePaper(), options);
    QVERIFY(!html.contains(u"url(https"_s));
    QVERIFY(html.contains(u"background: #ffffff;"_s));
}

void TestPaperHtml::text()
{
    Paper paper = samplePaper();
    paper.title = hostile;
    paper.sections += { QString(), u"줄 하나\n줄 둘"_s };
    paper.user.note = u"다시 읽기"_s;
    const QString text = paperText(paper);
    const QString expected = hostile + uR"(
Dates: 2024-06-03, 2024-06-10
Votes: 150
Authors: Rafael Rafailov, Archit Sharma
arXiv: https://arxiv.org/abs/2305.18290
PDF: https://arxiv.org/pdf/2305.18290
Hugging Face: https://huggingface.co/papers/2305.18290
Thumbnail: https://cdn.example.org/dpo.png

What's New
선호 데이터에 대한 **단순한 분류 손실** 하나로 대체합니다.

Technical Details
보상 함수를 다시 표현합니다.

- 줄 하나
  줄 둘

Note
다시 읽기
)"_s;
    QCOMPARE(text, expected);
}

void TestPaperHtml::textShowsFieldsBesideTheTitle()
{
    Paper paper = samplePaper();
    paper.title = u"直接偏好优化"_s;
    paper.originalTitle = u"Direct Preference Optimization"_s;
    paper.categories = { u"cs.CL"_s, u"cs.LG"_s };
    paper.fields = { { u"Relevance Score"_s, u"7"_s } };
    const QString text = paperText(paper);
    QVERIFY(text.startsWith(u"直接偏好优化\nOriginal title: Direct Preference Optimization\nDates: "_s));
    QVERIFY(text.contains(u"\nCategories: cs.CL, cs.LG\nRelevance Score: 7\n"_s));
}

void TestPaperHtml::pageInEnglish()
{
    m_korean.reset();
    Paper paper = samplePaper();
    paper.arxivId.clear();
    paper.url = u"https://openreview.net/forum?id=abc"_s;
    paper.videoUrl = u"https://cdn.example.org/demo.mp4"_s;
    paper.user.note = u"Read again"_s;
    paper.authors.clear();
    for (int i = 1; i <= 40; ++i)
        paper.authors += u"Author %1"_s.arg(i);
    const QString html = paperHtml(paper, {});
    for (const QString &s : { u"<summary>and 28 others</summary>"_s, u">Source · openreview.net</a>"_s,
                              u">▶ Video</a>"_s, u"<h3>Note</h3>"_s }) {
        if (!html.contains(s))
            QFAIL(qPrintable(u"missing: "_s + s + u"\n--- page:\n"_s + html));
    }
    QVERIFY(!html.contains(u"외"_s));
}

// The related papers under the summary: escaped titles, links of our own scheme whose id
// comes back whole, whatever characters it holds (a paper without an arXiv id is its URL).
void TestPaperHtml::relatedPapersAreLinksThatSelect()
{
    Paper paper;
    paper.id = u"2401.00001"_s;
    paper.title = u"A paper"_s;
    PaperHtmlOptions options;
    QVERIFY(!paperHtml(paper, options).contains(u"class=\"related\""_s));
    const QString urlId = u"https://example.org/a paper?x=1&y=<2>#frag"_s;
    options.related = { { u"2401.00002"_s, u"Like <b>it</b> & more"_s }, { urlId, u"By link"_s } };
    const QString html = paperHtml(paper, options);
    QVERIFY(html.contains(u"<section class=\"related\">"_s));
    QVERIFY(html.contains(u"Like &lt;b&gt;it&lt;/b&gt; &amp; more"_s));
    QVERIFY(!html.contains(u"<b>it</b>"_s));
    QVERIFY(html.contains(u"href=\"hanji://select/?id=2401.00002\""_s));
    QCOMPARE(selectedPaperId(QUrl(selectPaperUrl(urlId))), std::optional(urlId));
    QCOMPARE(selectedPaperId(QUrl(selectPaperUrl(u"2401.00002"_s))), std::optional(u"2401.00002"_s));
    QCOMPARE(selectedPaperId(QUrl(u"https://select/?id=1"_s)), std::nullopt);
    QCOMPARE(selectedPaperId(QUrl(u"hanji://paper/?id=1"_s)), std::nullopt);
}

QTEST_GUILESS_MAIN(TestPaperHtml)
#include "tst_paperhtml.moc"
