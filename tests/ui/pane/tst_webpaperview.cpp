// The summary pane on a real QtWebEngine under a real X server (Xvfb): escaping as the
// engine sees it, link clicks, thumbnails from a local HTTP server, light and dark.

#include "digestparser.h"
#include "localhttpserver.h"
#include "scenegraphchoice.h"
#include "testpaths.h"
#include "thumbnailcache.h"
#include "urlscheme.h"
#include "webpaperview.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

constexpr int loadTimeout = 20'000;
const QColor thumbnailColor(255, 0, 200); // a colour no page of ours uses

QByteArray pngBytes(QColor color)
{
    QImage image(320, 180, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

Paper paperFrom(const DigestEntry &entry)
{
    Paper paper;
    paper.id = entry.identity();
    paper.arxivId = entry.arxivId;
    paper.title = entry.title;
    paper.url = entry.url;
    paper.thumbnailUrl = entry.thumbnailUrl;
    paper.videoUrl = entry.videoUrl;
    paper.authors = entry.authors;
    paper.sections = entry.sections;
    paper.appearances = { { entry.date, entry.votes } };
    paper.sourceFile = entry.sourceFile;
    paper.firstLine = entry.firstLine;
    paper.lastLine = entry.lastLine;
    paper.markdown = entry.markdown;
    return paper;
}

Paper plainPaper()
{
    Paper paper;
    paper.id = paper.arxivId = u"2305.18290"_s;
    paper.title = u"Direct Preference Optimization"_s;
    paper.url = u"https://arxiv.org/abs/2305.18290"_s;
    paper.authors = { u"Rafael Rafailov"_s };
    paper.appearances = { { QDate(2024, 6, 3), 143 } };
    paper.sections = { { u"What's New"_s, u"선호 데이터에 대한 **단순한 분류 손실** 하나로 대체합니다."_s } };
    return paper;
}

// Something like a paper's teaser figure: a grid of patches, for screenshots.
QByteArray figurePng()
{
    QImage image(1200, 520, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col)
            painter.fillRect(60 + col * 110, 100 + row * 110, 100, 100, QColor::fromHsv(200 + row * 20 + col * 8, 90, 200));
    }
    for (int i = 0; i < 9; ++i)
        painter.fillRect(480 + i * 70, 200, 56, 120, QColor::fromHsv(30 + i * 12, 120, 235));
    painter.fillRect(480, 380, 620, 70, QColor(0x4a, 0x6f, 0xa5));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

int countColor(const QImage &image, QColor color, int tolerance = 12)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= tolerance && std::abs(c.green() - color.green()) <= tolerance
                && std::abs(c.blue() - color.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x2b, 0x2d, 0x31), QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    palette.setColor(QPalette::Text, QColor(0xe3, 0xe5, 0xe8));
    palette.setColor(QPalette::WindowText, QColor(0xe3, 0xe5, 0xe8));
    palette.setColor(QPalette::Link, QColor(0x2a, 0x52, 0xbe)); // too dark to read on the base
    return palette;
}

} // namespace

class TestWebPaperView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lockedDown();
    void hostileTitleIsText();
    void nothingLeavesButOurScheme();
    void linkClickGoesToTheSystemBrowser();
    void keyboardActivatedLinkGoesOutToo();
    void middleClickGoesOutToo();
    void thumbnailFromLocalServer();
    void placeholderWhenServerIsDown();
    void remoteImagesOff();
    void followsPalette();
    void linkColourFromThePaletteUnlessQtsDefault();
    void spacePagesTheSummary();
    void pageOverTwoMegabytes();
    void screenshots();

private:
    [[nodiscard]] bool openPane(); // a new window with a new pane and cache, as a new run of the reader
    [[nodiscard]] bool show(const Paper &paper, int timeout = loadTimeout);
    [[nodiscard]] bool waitForLoad(const std::function<void()> &action, int timeout = loadTimeout);
    [[nodiscard]] QVariant inspect(const QString &script); // read-only probes, isolated world
    [[nodiscard]] QPoint linkCenter(const QString &selector);
    [[nodiscard]] QImage grabPane();

    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<LocalHttpServer> m_server;
    std::unique_ptr<QWidget> m_window;
    ThumbnailCache *m_thumbnails = nullptr;
    WebPaperView *m_pane = nullptr;
};

void TestWebPaperView::initTestCase()
{
    if (QGuiApplication::platformName() != u"xcb" && QGuiApplication::platformName() != u"wayland")
        QSKIP("QtWebEngine needs a real display server (run under xvfb-run)");
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestWebPaperView::init()
{
    m_cacheDir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<LocalHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setRoute("/thumb.png", { 200, "image/png", pngBytes(thumbnailColor), false });
    QVERIFY(openPane());
}

bool TestWebPaperView::openPane()
{
    m_window = std::make_unique<QWidget>(); // a pane open before goes, with its cache
    m_thumbnails = new ThumbnailCache(m_cacheDir->path(), m_window.get());
    m_thumbnails->allowLoopbackForTests(); // the test server is on 127.0.0.1
    auto *layout = new QVBoxLayout(m_window.get());
    layout->setContentsMargins(0, 0, 0, 0);
    m_pane = new WebPaperView(m_thumbnails, m_window.get());
    layout->addWidget(m_pane->widget());
    m_window->resize(1000, 800);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get())
        && QTest::qWaitFor([&] { return m_pane->webView()->focusProxy() != nullptr; }, loadTimeout);
}

void TestWebPaperView::cleanup()
{
    QTest::failOnWarning(QRegularExpression(u"Release of profile requested"_s));
    m_window.reset();
    m_server.reset();
}

bool TestWebPaperView::waitForLoad(const std::function<void()> &action, int timeout)
{
    QSignalSpy loaded(m_pane->webView(), &QWebEngineView::loadFinished);
    action();
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty(); }, timeout))
        return false;
    return loaded.constLast().at(0).toBool();
}

bool TestWebPaperView::show(const Paper &paper, int timeout)
{
    return waitForLoad([&] { m_pane->showPaper(paper); }, timeout);
}

QVariant TestWebPaperView::inspect(const QString &script)
{
    // The page's own scripts are off; the test looks at the DOM from an isolated world.
    QVariant result;
    bool done = false;
    m_pane->webView()->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                                             [&](const QVariant &value) {
                                                 result = value;
                                                 done = true;
                                             });
    if (!QTest::qWaitFor([&] { return done; }, loadTimeout))
        qWarning("script in the isolated world did not answer");
    return result;
}

QPoint TestWebPaperView::linkCenter(const QString &selector)
{
    const QVariantList rect =
        inspect(u"(function(){ const a = document.querySelector('%1'); if (!a) return []; "
                "a.scrollIntoView({block: 'center'}); const r = a.getBoundingClientRect(); "
                "return [r.left + r.width / 2, r.top + r.height / 2]; })()"_s.arg(selector))
            .toList();
    if (rect.size() != 2)
        return {};
    const qreal zoom = m_pane->webView()->zoomFactor();
    return QPointF(rect[0].toDouble() * zoom, rect[1].toDouble() * zoom).toPoint();
}

QImage TestWebPaperView::grabPane()
{
    // Give the compositor a frame or two after the load.
    QTest::qWait(300);
    return m_pane->webView()->grab().toImage();
}

void TestWebPaperView::lockedDown()
{
    QWebEnginePage *page = m_pane->webView()->page();
    QVERIFY(page->profile()->isOffTheRecord());
    QVERIFY(page->profile() != QWebEngineProfile::defaultProfile());
    const QWebEngineSettings *settings = page->settings();
    QVERIFY(!settings->testAttribute(QWebEngineSettings::JavascriptEnabled));
    QVERIFY(!settings->testAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls));
    QVERIFY(!settings->testAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls));
    QVERIFY(!settings->testAttribute(QWebEngineSettings::PluginsEnabled));

    QVERIFY(show(plainPaper()));
    QCOMPARE(m_pane->webView()->url().scheme(), u"hanji"_s);
    QCOMPARE(m_pane->webView()->url().host(), u"paper"_s);

    // A page that tries to run script, served the way ours are (but without our CSP): the
    // engine refuses it, so nothing changes the title or the DOM.
    const QString scripted = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>quiet</title>"
                             "<script>document.title = 'script ran';"
                             " document.documentElement.setAttribute('data-ran', 'yes');</script></head>"
                             "<body onload=\"document.title = 'onload ran'\"><h1>scripted</h1></body></html>"_s;
    const auto loadScripted = [&] { return waitForLoad([&] { page->load(m_pane->schemeHandler()->setPage(scripted)); }); };
    QVERIFY(loadScripted());
    QCOMPARE(inspect(u"document.querySelector('h1').textContent"_s).toString(), u"scripted"_s); // it is on screen
    QTest::qWait(300);
    QCOMPARE(page->title(), u"quiet"_s);
    QCOMPARE(inspect(u"String(document.documentElement.getAttribute('data-ran'))"_s).toString(), u"null"_s);

    // The same page with script allowed (on this page only) does run it: the check above can fail.
    page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    QVERIFY(loadScripted());
    QTRY_COMPARE_WITH_TIMEOUT(page->title(), u"onload ran"_s, loadTimeout);
    QCOMPARE(inspect(u"document.documentElement.getAttribute('data-ran')"_s).toString(), u"yes"_s);
    page->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
}

void TestWebPaperView::hostileTitleIsText()
{
    Paper paper = plainPaper();
    const QString hostile = u"<script>document.title='pwned'</script><img src=x> & \"'"_s;
    paper.title = hostile;
    paper.authors = { u"<b>bold</b>"_s };
    paper.sections = { { u"<i>key</i>"_s, u"<video src=\"https://x.org/a.mp4\" autoplay></video> [x](javascript:alert(1))"_s } };
    QVERIFY(show(paper));

    QWebEnginePage *page = m_pane->webView()->page();
    QCOMPARE(page->title(), hostile); // the <title> holds it as text; no script renamed it
    QString text;
    page->toPlainText([&](const QString &t) { text = t; });
    QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), loadTimeout);
    QVERIFY2(text.contains(hostile), qPrintable(text));
    QVERIFY(text.contains(u"<b>bold</b>"_s));
    QVERIFY(text.contains(u"<i>key</i>"_s));
    QVERIFY(text.contains(u"<video src=\"https://x.org/a.mp4\" autoplay></video>"_s));
    QVERIFY(text.contains(u"[x](javascript:alert(1))"_s));

    // The DOM itself: no element came out of digest text.
    QCOMPARE(inspect(u"document.querySelectorAll('script, video, b, i, iframe').length"_s).toInt(), 0);
    QCOMPARE(inspect(u"document.querySelectorAll('img').length"_s).toInt(), 0); // no thumbnail set
    QCOMPARE(inspect(u"Array.from(document.links).filter(a => !a.href.startsWith('https://')).length"_s).toInt(), 0);
    QCOMPARE(inspect(u"document.querySelector('h1').textContent"_s).toString(), hostile);
}

void TestWebPaperView::nothingLeavesButOurScheme()
{
    QVERIFY(show(plainPaper()));
    // Script from the test's isolated world asks for an image and a fetch from outside:
    // the page's CSP refuses both, and the profile's interceptor stands behind it.
    const QUrl outside = m_server->url("/thumb.png");
    (void)inspect(u"new Image().src = '%1'; fetch('%1').catch(() => 0); 1"_s.arg(outside.toString()));
    QTest::qWait(1000);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestWebPaperView::linkClickGoesToTheSystemBrowser()
{
    QVERIFY(show(plainPaper()));
    const QUrl before = m_pane->webView()->url();
    QSignalSpy external(m_pane, &PaperView::externalLinkRequested);
    QSignalSpy blocked(m_pane, &WebPaperView::requestBlocked);

    const QPoint pdf = linkCenter(u"nav.links a:nth-child(2)"_s);
    QVERIFY(!pdf.isNull());
    QTest::qWait(100); // the scroll into view settles
    QWidget *input = m_pane->webView()->focusProxy();
    QTest::mouseClick(input, Qt::LeftButton, {}, pdf);

    QTRY_COMPARE_WITH_TIMEOUT(external.size(), 1, loadTimeout);
    QCOMPARE(external.at(0).at(0).toUrl(), QUrl(u"https://arxiv.org/pdf/2305.18290"_s));
    QTest::qWait(300);
    // The engine starts the navigation and we refuse it: still our page, still our summary.
    QCOMPARE(m_pane->webView()->url(), before);
    QCOMPARE(inspect(u"document.querySelector('h1').textContent"_s).toString(), plainPaper().title);
    QCOMPARE(external.size(), 1);
    QCOMPARE(blocked.size(), 0); // refused as a navigation, never even a request
}

void TestWebPaperView::keyboardActivatedLinkGoesOutToo()
{
    QVERIFY(show(plainPaper()));
    const QUrl before = m_pane->webView()->url();
    QSignalSpy external(m_pane, &PaperView::externalLinkRequested);
    QSignalSpy blocked(m_pane, &WebPaperView::requestBlocked);
    m_window->activateWindow();
    m_pane->webView()->setFocus();
    QTRY_VERIFY(m_pane->webView()->focusProxy()->hasFocus());
    QWidget *input = m_pane->webView()->focusProxy();
    QTest::keyClick(input, Qt::Key_Tab); // the first link: arXiv
    QTRY_COMPARE(inspect(u"document.activeElement.textContent"_s).toString(), u"arXiv"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(external.size(), 1, loadTimeout);
    QCOMPARE(external.at(0).at(0).toUrl(), QUrl(u"https://arxiv.org/abs/2305.18290"_s));
    QTest::qWait(300);
    QCOMPARE(m_pane->webView()->url(), before);
    QCOMPARE(blocked.size(), 0);
}

void TestWebPaperView::middleClickGoesOutToo()
{
    QVERIFY(show(plainPaper()));
    const QUrl before = m_pane->webView()->url();
    QSignalSpy external(m_pane, &PaperView::externalLinkRequested);
    QSignalSpy blocked(m_pane, &WebPaperView::requestBlocked);
    const QPoint hf = linkCenter(u"nav.links a:nth-child(3)"_s);
    QVERIFY(!hf.isNull());
    QTest::qWait(100);
    QTest::mouseClick(m_pane->webView()->focusProxy(), Qt::MiddleButton, {}, hf);
    QTRY_COMPARE_WITH_TIMEOUT(external.size(), 1, loadTimeout);
    QCOMPARE(external.at(0).at(0).toUrl(), QUrl(u"https://huggingface.co/papers/2305.18290"_s));
    QTest::qWait(300);
    QCOMPARE(m_pane->webView()->url(), before);
    QCOMPARE(blocked.size(), 0);
}

void TestWebPaperView::thumbnailFromLocalServer()
{
    Paper paper = plainPaper();
    paper.thumbnailUrl = m_server->url("/thumb.png").toString();
    QSignalSpy served(m_pane->schemeHandler(), &PaneSchemeHandler::thumbnailServed);
    QCOMPARE(m_server->requestCount(), 0); // nothing fetched before it is on screen
    QVERIFY(show(paper));

    QTRY_COMPARE_WITH_TIMEOUT(served.size(), 1, loadTimeout);
    QCOMPARE(served.at(0).at(0).toUrl(), m_server->url("/thumb.png"));
    QCOMPARE(served.at(0).at(1).toBool(), false); // the real image, not the placeholder
    QCOMPARE(m_server->requestCount("/thumb.png"), 1);
    QCOMPARE(inspect(u"document.querySelector('figure.thumb img').naturalWidth"_s).toInt(), 320);

    const int pixels = countColor(grabPane(), thumbnailColor);
    QVERIFY2(pixels > 10'000, qPrintable(QString::number(pixels)));

    // Shown again: from memory, no second request.
    QVERIFY(show(plainPaper()));
    QVERIFY(show(paper));
    QCOMPARE(m_server->requestCount("/thumb.png"), 1);
}

void TestWebPaperView::placeholderWhenServerIsDown()
{
    Paper paper = plainPaper();
    paper.thumbnailUrl = m_server->url("/thumb.png").toString();
    m_server->close();
    QSignalSpy served(m_pane->schemeHandler(), &PaneSchemeHandler::thumbnailServed);
    QVERIFY(show(paper));
    QTRY_COMPARE_WITH_TIMEOUT(served.size(), 1, loadTimeout);
    QCOMPARE(served.at(0).at(1).toBool(), true);
    QCOMPARE(inspect(u"document.querySelector('figure.thumb img').naturalHeight"_s).toInt(), 160); // the SVG
    QCOMPARE(countColor(grabPane(), thumbnailColor), 0);

    // Back up on the same port; the pane showing the paper again must not fetch in a loop.
    QVERIFY(m_server->reopen());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(show(paper));
        QTest::qWait(200);
    }
    QCOMPARE(served.size(), 4);
    for (const auto &call : served)
        QCOMPARE(call.at(1).toBool(), true);
    QCOMPARE(m_server->requestCount(), 0);

    // The next run tries again (failures are remembered in memory only) and gets the image.
    QVERIFY(openPane());
    QSignalSpy servedNextRun(m_pane->schemeHandler(), &PaneSchemeHandler::thumbnailServed);
    QVERIFY(show(paper));
    QTRY_COMPARE_WITH_TIMEOUT(servedNextRun.size(), 1, loadTimeout);
    QCOMPARE(servedNextRun.last().at(1).toBool(), false);
    QCOMPARE(m_server->requestCount("/thumb.png"), 1);
}

void TestWebPaperView::remoteImagesOff()
{
    Paper paper = plainPaper();
    paper.thumbnailUrl = m_server->url("/thumb.png").toString();
    QVERIFY(show(paper));
    QTRY_COMPARE(m_server->requestCount(), 1);

    // The setting turns off: the pane re-renders by itself, without the image.
    QVERIFY(waitForLoad([&] { m_thumbnails->setEnabled(false); }));
    QCOMPARE(inspect(u"document.querySelectorAll('img').length"_s).toInt(), 0);
    QCOMPARE(countColor(grabPane(), thumbnailColor), 0);

    Paper other = paper;
    other.thumbnailUrl = m_server->url("/other.png").toString();
    QVERIFY(show(other));
    QTest::qWait(300);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestWebPaperView::linkColourFromThePaletteUnlessQtsDefault()
{
    QPalette palette(Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Link, QColor(Qt::blue)); // Qt's default, not a theme's choice
    QCOMPARE(WebPaperView::colorsFor(palette).link, PaperHtmlColors::light().link);
    palette.setColor(QPalette::Link, QColor(0x1a, 0x7f, 0x37)); // a theme's readable green
    QCOMPARE(WebPaperView::colorsFor(palette).link, u"#1a7f37"_s);
}

void TestWebPaperView::followsPalette()
{
    QVERIFY(show(plainPaper()));
    const QImage light = grabPane();
    QVERIFY(light.pixelColor(5, 5).lightness() > 200);

    QVERIFY(waitForLoad([&] { m_window->setPalette(darkPalette()); }));
    const QImage dark = grabPane();
    QCOMPARE(dark.pixelColor(5, 5), QColor(0x1e, 0x1f, 0x22));
    const PaperHtmlOptions options = m_pane->htmlOptions();
    QVERIFY(options.colors.darkScheme);
    QVERIFY(options.colors.link != u"#2a52be"_s); // unreadable link colour replaced
    QCOMPARE(inspect(u"getComputedStyle(document.body).color"_s).toString(), u"rgb(227, 229, 232)"_s);

    // The same palette again is no reason to reload.
    QSignalSpy loadStarted(m_pane->webView(), &QWebEngineView::loadStarted);
    m_window->setPalette(darkPalette());
    QTest::qWait(300);
    QCOMPARE(loadStarted.size(), 0);
}

void TestWebPaperView::spacePagesTheSummary()
{
    Paper paper = plainPaper();
    for (int i = 0; i < 40; ++i)
        paper.sections.append({ u"Section %1"_s.arg(i), u"긴 요약 문단입니다. "_s.repeated(20) });
    QVERIFY(show(paper));
    QCOMPARE(m_pane->webView()->page()->scrollPosition().y(), 0.0);
    m_pane->scrollPage();
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->webView()->page()->scrollPosition().y() > 400, 5000);
    const qreal afterOne = m_pane->webView()->page()->scrollPosition().y();
    QVERIFY(afterOne < m_pane->webView()->height()); // one page, not to the end
    m_pane->scrollPage();
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->webView()->page()->scrollPosition().y() > afterOne + 400, 5000);
    m_pane->scrollPageBack();
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(m_pane->webView()->page()->scrollPosition().y() - afterOne) < 50, 5000);
}

void TestWebPaperView::pageOverTwoMegabytes()
{
    Paper paper = plainPaper();
    const QString block = u"아주 긴 요약입니다. "_s.repeated(2000);
    for (int i = 0; i < 60; ++i)
        paper.sections.append({ u"Part %1"_s.arg(i), block });
    paper.sections.append({ u"End"_s, u"마지막 문단"_s });
    // Over setHtml()'s 2 MB limit. Laying out this much Korean in software rendering takes
    // a while on a busy machine: the wait is generous, the check is not.
    QVERIFY(paperHtml(paper, m_pane->htmlOptions()).toUtf8().size() > 2 * 1024 * 1024);
    QVERIFY(show(paper, 90'000));
    QCOMPARE(inspect(u"document.querySelector('h3:last-of-type').textContent"_s).toString(), u"End"_s);
}

void TestWebPaperView::screenshots()
{
    // For a person to look at: set HANJI_SCREENSHOT_DIR to keep PNGs of the pane.
    const QString dir = qEnvironmentVariable("HANJI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("HANJI_SCREENSHOT_DIR not set");
    const auto save = [&](const QString &name) { return grabPane().save(QDir(dir).filePath(name)); };
    const auto first = readDigestFile(QStringLiteral(HANJI_SAMPLES_DIR "/2024/06/03.md"));
    const auto old = readDigestFile(QStringLiteral(HANJI_SAMPLES_DIR "/2023/12/28.md"));
    QVERIFY(first && old);
    m_server->setRoute("/figure.png", { 200, "image/png", figurePng(), false });

    Paper vit = paperFrom(first->entries.at(0));
    vit.thumbnailUrl = m_server->url("/figure.png").toString();
    QVERIFY(show(vit));
    QVERIFY(save(u"pane.png"_s));

    Paper mamba = paperFrom(old->entries.at(0)); // plain bullets, no keys
    mamba.appearances.append({ QDate(2024, 1, 2), 31 });
    mamba.thumbnailUrl = m_server->url("/figure.png").toString(); // never the real network
    QVERIFY(show(mamba));
    QVERIFY(save(u"pane-list.png"_s));

    Paper dpo = paperFrom(first->entries.at(2));
    dpo.user.note = u"DPO 손실 식을 다시 유도해 볼 것. 참고: https://example.org/notes 와 `beta` 값"_s;
    dpo.user.tags = { u"정렬"_s, u"RLHF"_s };
    dpo.thumbnailUrl = m_server->url("/gone.png").toString(); // a thumbnail that cannot be had
    QVERIFY(waitForLoad([&] { m_window->setPalette(darkPalette()); }));
    QVERIFY(show(dpo));
    QVERIFY(save(u"pane-dark.png"_s));
    for (int i = 0; i < 3; ++i)
        m_pane->scrollPage();
    QTest::qWait(500);
    QVERIFY(save(u"pane-dark-end.png"_s));
    QVERIFY(show(vit));
    QVERIFY(save(u"pane-dark-figure.png"_s));
}

int main(int argc, char *argv[])
{
    // ctest runs everything offscreen, but QtWebEngine needs the X server xvfb-run gives.
    if (qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    hanji::registerHanjiUrlScheme(); // before the application, as QtWebEngine requires
    hanji::chooseSceneGraph(); // the pane drawn as the reader draws it on this machine
    QApplication app(argc, argv);
    TestWebPaperView test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webpaperview.moc"
