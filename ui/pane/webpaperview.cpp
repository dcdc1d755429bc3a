#include "webpaperview.h"

#include "palettecolors.h"
#include "thumbnailcache.h"
#include "urlscheme.h"

#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QPalette>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcPane, "hanji.ui.pane")

bool isHttp(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"http";
}

// A page for a link the user asked to open in a new window (middle or Ctrl+click): it only
// catches the URL for the system browser, and goes away.
class LinkCatcherPage : public QWebEnginePage
{
    Q_OBJECT
public:
    LinkCatcherPage(QWebEngineProfile *profile, QObject *parent)
        : QWebEnginePage(profile, parent)
    {
        QTimer::singleShot(std::chrono::seconds(10), this, &QObject::deleteLater);
    }

Q_SIGNALS:
    void linkClicked(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        if (isHttp(url)) {
            Q_EMIT linkClicked(url);
            deleteLater();
        }
        return false;
    }
};

// Refuses every navigation but the loads of our own pages; a click on an http(s) link goes
// out as linkClicked, so the pane never shows anything but a summary.
class PanePage : public QWebEnginePage
{
    Q_OBJECT
public:
    using QWebEnginePage::QWebEnginePage;

Q_SIGNALS:
    void linkClicked(const QUrl &url);
    void paperClicked(const QString &id);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (type == NavigationTypeLinkClicked) {
            if (const std::optional<QString> id = selectedPaperId(url)) {
                Q_EMIT paperClicked(*id);
                return false;
            }
        }
        if (url.scheme() == paperUrlScheme && url.host() == u"paper" && isMainFrame
            && type != NavigationTypeLinkClicked)
            return true;
        if (type == NavigationTypeLinkClicked && isHttp(url))
            Q_EMIT linkClicked(url);
        else
            qCDebug(lcPane) << "navigation refused:" << type << url;
        return false;
    }

    QWebEnginePage *createWindow(WebWindowType) override
    {
        auto *catcher = new LinkCatcherPage(profile(), this);
        connect(catcher, &LinkCatcherPage::linkClicked, this, &PanePage::linkClicked);
        return catcher;
    }
};

// Whatever the page is made of, nothing but our own scheme is fetched: no network, no files.
class OnlyOurSchemeInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        if (info.requestUrl().scheme() != paperUrlScheme) {
            qCDebug(lcPane) << "request blocked:" << info.requestUrl();
            info.block(true);
            Q_EMIT blocked(info.requestUrl()); // Qt 6 calls us on the UI thread
        }
    }

Q_SIGNALS:
    void blocked(const QUrl &url);
};

QColor mix(const QColor &a, const QColor &b, double bWeight)
{
    const double aWeight = 1.0 - bWeight;
    return QColor::fromRgbF(float(a.redF() * aWeight + b.redF() * bWeight),
                            float(a.greenF() * aWeight + b.greenF() * bWeight),
                            float(a.blueF() * aWeight + b.blueF() * bWeight));
}

QString colorsKey(const PaperHtmlColors &c, bool remoteImages)
{
    return QStringList { c.background, c.text, c.muted, c.link, c.heading, c.border, c.codeBackground,
                         c.placeholder, c.darkScheme ? u"dark"_s : u"light"_s,
                         remoteImages ? u"images"_s : u"no images"_s }
        .join(u' ');
}

} // namespace

WebPaperView::WebPaperView(ThumbnailCache *thumbnails, QWidget *parentWidget)
    : m_view(new QWebEngineView(parentWidget))
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record
    , m_scheme(new PaneSchemeHandler(thumbnails, this))
    , m_page(nullptr)
    , m_thumbnails(thumbnails)
{
    setParent(m_view);

    m_profile->installUrlSchemeHandler(paperUrlScheme.toLatin1(), m_scheme);
    auto *interceptor = new OnlyOurSchemeInterceptor(m_profile);
    connect(interceptor, &OnlyOurSchemeInterceptor::blocked, this, &WebPaperView::requestBlocked);
    m_profile->setUrlRequestInterceptor(interceptor);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);

    QWebEngineSettings *settings = m_profile->settings();
    for (const auto off : { QWebEngineSettings::JavascriptEnabled, QWebEngineSettings::JavascriptCanOpenWindows,
                            QWebEngineSettings::JavascriptCanAccessClipboard,
                            QWebEngineSettings::LocalContentCanAccessFileUrls,
                            QWebEngineSettings::LocalContentCanAccessRemoteUrls, QWebEngineSettings::LocalStorageEnabled,
                            QWebEngineSettings::PluginsEnabled, QWebEngineSettings::PdfViewerEnabled,
                            QWebEngineSettings::WebGLEnabled, QWebEngineSettings::Accelerated2dCanvasEnabled,
                            QWebEngineSettings::AutoLoadIconsForPage, QWebEngineSettings::ErrorPageEnabled,
                            QWebEngineSettings::NavigateOnDropEnabled, QWebEngineSettings::DnsPrefetchEnabled,
                            QWebEngineSettings::ScreenCaptureEnabled, QWebEngineSettings::FocusOnNavigationEnabled,
                            QWebEngineSettings::HyperlinkAuditingEnabled })
        settings->setAttribute(off, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, true);
    settings->setDefaultTextEncoding(u"utf-8"_s);

    auto *page = new PanePage(m_profile, this);
    connect(page, &PanePage::linkClicked, this, &PaperView::externalLinkRequested);
    connect(page, &PanePage::paperClicked, this, &PaperView::paperLinkRequested);
    m_page = page;
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu); // its Back, Reload and View Source navigate
    m_view->installEventFilter(this);

    connect(m_thumbnails, &ThumbnailCache::enabledChanged, this, &WebPaperView::render);
    render();
}

WebPaperView::~WebPaperView()
{
    // QtWebEngine wants a profile's pages gone before the profile.
    delete m_page;
    delete m_profile;
}

void WebPaperView::showPaper(const Paper &paper)
{
    m_paper = paper;
    render();
}

void WebPaperView::setRelatedPapers(const QList<RelatedLink> &links)
{
    m_related = links;
}

void WebPaperView::clear()
{
    m_paper.reset();
    render();
}

void WebPaperView::scrollPage()
{
    sendKey(Qt::Key_PageDown, Qt::NoModifier);
}

void WebPaperView::scrollPageBack()
{
    sendKey(Qt::Key_PageUp, Qt::NoModifier);
}

QWidget *WebPaperView::widget() const
{
    return m_view;
}

PaperHtmlOptions WebPaperView::htmlOptions() const
{
    PaperHtmlOptions options;
    options.colors = colorsFor(m_view->palette());
    options.remoteImages = m_thumbnails->isEnabled();
    options.related = m_related;
    return options;
}

PaperHtmlColors WebPaperView::colorsFor(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    const bool dark = isDarkScheme(base, text);
    PaperHtmlColors colors = dark ? PaperHtmlColors::dark() : PaperHtmlColors::light();
    colors.background = base.name();
    colors.text = text.name();
    colors.heading = text.name();
    colors.muted = mix(text, base, 0.38).name();
    colors.border = mix(text, base, 0.82).name();
    colors.codeBackground = mix(text, base, 0.92).name();
    colors.placeholder = mix(text, base, 0.9).name();
    // Many palettes keep a dark blue link colour in dark mode; fall back to ours when it
    // would be hard to read, or when it is Qt's untouched default (pure blue glares on white).
    const QColor link = palette.color(QPalette::Active, QPalette::Link);
    if (contrastRatio(link, base) >= 4.5 && link != QColor(Qt::blue))
        colors.link = link.name();
    return colors;
}

bool WebPaperView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange)) {
        const PaperHtmlOptions options = htmlOptions();
        if (colorsKey(options.colors, options.remoteImages) != m_renderedColors)
            render();
    }
    return PaperView::eventFilter(watched, event);
}

void WebPaperView::render()
{
    const PaperHtmlOptions options = htmlOptions();
    m_renderedColors = colorsKey(options.colors, options.remoteImages);
    // The view's own background too, so that switching papers does not flash white.
    m_page->setBackgroundColor(QColor::fromString(options.colors.background));
    m_scheme->setThumbnails(m_paper && options.remoteImages ? QStringList { m_paper->thumbnailUrl } : QStringList {});
    const QString html = m_paper ? paperHtml(*m_paper, options) : emptyPaperHtml(options);
    m_page->load(m_scheme->setPage(html));
}

void WebPaperView::sendKey(int key, Qt::KeyboardModifiers modifiers)
{
    // JavaScript is off, so scroll the way a reader would: a key press to the page.
    QWidget *target = m_view->focusProxy();
    if (!target) {
        qCDebug(lcPane) << "no render widget yet; cannot scroll";
        return;
    }
    QKeyEvent press(QEvent::KeyPress, key, modifiers);
    QCoreApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers);
    QCoreApplication::sendEvent(target, &release);
}

} // namespace hanji

#include "webpaperview.moc"
