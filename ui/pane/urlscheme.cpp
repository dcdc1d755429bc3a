#include "urlscheme.h"

#include "paperhtml.h"
#include "thumbnailcache.h"

#include <QBuffer>
#include <QLoggingCategory>
#include <QMultiMap>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcScheme, "hanji.ui.scheme")

const QByteArray schemeName = paperUrlScheme.toLatin1();

void reply(QWebEngineUrlRequestJob *job, const QByteArray &contentType, const QByteArray &bytes)
{
    // Every answer may change (a placeholder now, the image later): the engine keeps none.
    job->setAdditionalResponseHeaders({ { "Cache-Control"_ba, "no-store"_ba } });
    auto *buffer = new QBuffer(job); // the engine reads it after we return; it dies with the job
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    job->reply(contentType, buffer);
}
} // namespace

void registerHanjiUrlScheme()
{
    if (!QWebEngineUrlScheme::schemeByName(schemeName).name().isEmpty())
        return;
    QWebEngineUrlScheme scheme(schemeName);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure, so the page is a secure context; not local, so it gets no file access.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

PaneSchemeHandler::PaneSchemeHandler(ThumbnailCache *thumbnails, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailCache::imageReady, this, &PaneSchemeHandler::answerWaiting);
    connect(m_thumbnails, &ThumbnailCache::imageFailed, this, &PaneSchemeHandler::answerWaiting);
}

QUrl PaneSchemeHandler::setPage(const QString &html)
{
    m_html = html.toUtf8();
    ++m_serial;
    return QUrl(u"%1://paper/%2"_s.arg(paperUrlScheme).arg(m_serial));
}

void PaneSchemeHandler::setThumbnails(const QStringList &remoteUrls)
{
    m_thumbnailUrls.clear();
    for (const QString &url : remoteUrls)
        m_thumbnailUrls.insert(thumbnailKey(url), QUrl(url));
}

void PaneSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString path = url.path().mid(1);
    if (url.host() == u"paper") {
        // Only the current page: a load that another paper overtook has nothing to show.
        if (path != QString::number(m_serial)) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        reply(job, "text/html"_ba, m_html);
        return;
    }
    if (url.host() == u"thumbnail") {
        serveThumbnail(job, m_thumbnailUrls.value(path));
        return;
    }
    qCDebug(lcScheme) << "refused" << url;
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

void PaneSchemeHandler::serveThumbnail(QWebEngineUrlRequestJob *job, const QUrl &remoteUrl)
{
    if (remoteUrl.isEmpty()) {
        reply(job, "image/svg+xml"_ba, placeholderSvg());
        return;
    }
    switch (m_thumbnails->request(remoteUrl)) {
    case ThumbnailCache::State::Ready:
        if (const auto image = m_thumbnails->image(remoteUrl)) {
            reply(job, image->mimeType, image->bytes);
            Q_EMIT thumbnailServed(remoteUrl, false);
            return;
        }
        break;
    case ThumbnailCache::State::Loading:
        m_waiting.append({ QPointer(job), remoteUrl });
        return;
    case ThumbnailCache::State::Absent:
    case ThumbnailCache::State::Failed:
    case ThumbnailCache::State::Disabled:
        break;
    }
    reply(job, "image/svg+xml"_ba, placeholderSvg());
    Q_EMIT thumbnailServed(remoteUrl, true);
}

void PaneSchemeHandler::answerWaiting(const QUrl &remoteUrl)
{
    // Take the matching jobs out first: serving may start a request that finishes at once.
    QList<QPointer<QWebEngineUrlRequestJob>> jobs;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (!it->first) {
            it = m_waiting.erase(it);
        } else if (it->second == remoteUrl) {
            jobs.append(it->first);
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto &job : std::as_const(jobs)) {
        if (job)
            serveThumbnail(job, remoteUrl);
    }
}

QByteArray PaneSchemeHandler::placeholderSvg()
{
    // Neutral translucent grey, readable on light and dark pages: a picture frame, no text.
    // Wide and low, so a missing image does not take a screenful.
    return R"(<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160">)"
           R"(<rect width="640" height="160" fill="#8a8f98" fill-opacity="0.14"/>)"
           R"(<g fill="none" stroke="#8a8f98" stroke-opacity="0.7" stroke-width="4" stroke-linejoin="round">)"
           R"(<rect x="288" y="50" width="64" height="60" rx="6"/>)"
           R"(<path d="M294 104 l20 -24 l14 16 l10 -10 l16 18"/><circle cx="338" cy="66" r="6"/></g></svg>)"_ba;
}

} // namespace hanji
