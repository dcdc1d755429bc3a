#include "thumbnailcache.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcThumbnails, "hanji.ui.thumbnails")

constexpr qint64 maxImageBytes = 16 * 1024 * 1024; // a thumbnail bigger than this is not one
constexpr qsizetype memoryCacheBytes = 48 * 1024 * 1024;
constexpr qint64 diskCacheBytes = 200 * 1024 * 1024;
} // namespace

ThumbnailCache::ThumbnailCache(const QString &diskCacheDirectory, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_images(memoryCacheBytes)
{
    auto *disk = new QNetworkDiskCache(m_network);
    disk->setCacheDirectory(diskCacheDirectory);
    disk->setMaximumCacheSize(diskCacheBytes);
    m_network->setCache(disk);
}

ThumbnailCache::~ThumbnailCache()
{
    // Replies report finished while being aborted; nobody is listening any more.
    for (QNetworkReply *reply : std::as_const(m_loading))
        reply->disconnect(this);
}

void ThumbnailCache::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        const QList<QNetworkReply *> loading = m_loading.values();
        m_loading.clear();
        for (QNetworkReply *reply : loading) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
            Q_EMIT imageFailed(reply->request().url()); // whoever waits gets its placeholder
        }
    }
    Q_EMIT enabledChanged(enabled);
}

ThumbnailCache::State ThumbnailCache::state(const QUrl &url) const
{
    if (m_images.contains(url))
        return State::Ready;
    if (!m_enabled)
        return State::Disabled;
    if (m_loading.contains(url))
        return State::Loading;
    if (const auto failed = m_failedUntil.constFind(url); failed != m_failedUntil.cend() && !failed->hasExpired())
        return State::Failed;
    return State::Absent;
}

ThumbnailCache::State ThumbnailCache::request(const QUrl &url)
{
    const State now = state(url);
    if (now != State::Absent)
        return now;
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()) {
        m_failedUntil.insert(url, QDeadlineTimer::Forever);
        return State::Failed;
    }
    m_failedUntil.remove(url);

    QNetworkRequest request(url);
    // Offline, a stale copy is better than a placeholder.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setTransferTimeout(m_timeout);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_network->get(request);
    m_loading.insert(url, reply);
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64 total) {
        if (received > maxImageBytes || total > maxImageBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
    qCDebug(lcThumbnails) << "fetching" << url;
    return State::Loading;
}

std::optional<ThumbnailCache::Image> ThumbnailCache::image(const QUrl &url) const
{
    if (const Image *image = m_images.object(url))
        return *image;
    return std::nullopt;
}

void ThumbnailCache::retryFailed()
{
    m_failedUntil.clear();
}

void ThumbnailCache::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    const QUrl url = reply->request().url();
    m_loading.remove(url);

    if (reply->error() != QNetworkReply::NoError)
        return fail(url, reply->errorString());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return fail(url, u"HTTP status %1"_s.arg(status));
    const QByteArray bytes = reply->readAll();
    const QByteArray type = sniffImageType(bytes);
    if (type.isEmpty())
        return fail(url, u"not an image (%1 bytes)"_s.arg(bytes.size()));

    m_images.insert(url, new Image { bytes, type }, qMax<qsizetype>(1, bytes.size()));
    Q_EMIT imageReady(url);
}

void ThumbnailCache::fail(const QUrl &url, const QString &why)
{
    qCWarning(lcThumbnails) << "thumbnail failed:" << url.toDisplayString() << why;
    m_failedUntil.insert(url, QDeadlineTimer(m_retryDelay));
    Q_EMIT imageFailed(url);
}

QByteArray ThumbnailCache::sniffImageType(const QByteArray &bytes)
{
    // By the bytes, never by the server's word: whatever we serve to the page is an image.
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return "image/png"_ba;
    if (bytes.startsWith("\xff\xd8\xff"))
        return "image/jpeg"_ba;
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return "image/gif"_ba;
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return "image/webp"_ba;
    if (bytes.size() >= 12 && bytes.mid(4, 4) == "ftyp" && (bytes.mid(8, 4) == "avif" || bytes.mid(8, 4) == "avis"))
        return "image/avif"_ba;
    // SVG is text; an <img> never runs its scripts, and the page's CSP forbids them anyway.
    const QByteArray head = bytes.left(512).trimmed().toLower();
    if ((head.startsWith("<svg") || head.startsWith("<?xml")) && head.contains("<svg"))
        return "image/svg+xml"_ba;
    return {};
}

} // namespace hanji
