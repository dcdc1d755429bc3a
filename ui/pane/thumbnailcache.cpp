#include "thumbnailcache.h"

#include <QBuffer>
#include <QHostInfo>
#include <QImageReader>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcThumbnails, "hanji.ui.thumbnails")

constexpr qsizetype memoryCacheBytes = 48 * 1024 * 1024;
constexpr qint64 diskCacheBytes = 200 * 1024 * 1024;

bool isHttp(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"http";
}

// A QNetworkDiskCache that writes an answer to disk only once it is complete and decodes as
// an image: QNetworkAccessManager fills the buffer handed out by prepare() and hands it back
// through insert() (or remove() when the reply failed or was aborted).
class ImageOnlyDiskCache : public QNetworkDiskCache
{
public:
    using QNetworkDiskCache::QNetworkDiskCache;

    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override
    {
        auto *buffer = new QBuffer(this);
        buffer->open(QIODevice::WriteOnly);
        m_pending.insert(buffer, metaData);
        return buffer;
    }

    void insert(QIODevice *device) override
    {
        auto *buffer = static_cast<QBuffer *>(device);
        const QNetworkCacheMetaData metaData = m_pending.take(buffer);
        if (metaData.isValid() && ThumbnailCache::decodesAsImage(buffer->data())) {
            if (QIODevice *file = QNetworkDiskCache::prepare(metaData)) {
                file->write(buffer->data());
                QNetworkDiskCache::insert(file);
            }
        }
        delete buffer;
    }

    bool remove(const QUrl &url) override
    {
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            if (it.value().url() == url) {
                delete it.key();
                it = m_pending.erase(it);
            } else {
                ++it;
            }
        }
        return QNetworkDiskCache::remove(url);
    }

private:
    QHash<QBuffer *, QNetworkCacheMetaData> m_pending;
};

} // namespace

ThumbnailCache::ThumbnailCache(const QString &diskCacheDirectory, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_images(memoryCacheBytes)
{
    auto *disk = new ImageOnlyDiskCache(m_network);
    disk->setCacheDirectory(diskCacheDirectory);
    disk->setMaximumCacheSize(diskCacheBytes);
    m_network->setCache(disk);
}

ThumbnailCache::~ThumbnailCache()
{
    // Replies report finished while being aborted; nobody is listening any more.
    for (const Fetch &fetch : std::as_const(m_loading)) {
        if (fetch.reply)
            fetch.reply->disconnect(this);
    }
}

void ThumbnailCache::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        const QHash<QUrl, Fetch> loading = std::exchange(m_loading, {});
        for (auto it = loading.cbegin(); it != loading.cend(); ++it) {
            if (QNetworkReply *reply = it->reply) {
                reply->disconnect(this);
                reply->abort();
                reply->deleteLater();
            }
            Q_EMIT imageFailed(it.key(), u"remote images turned off"_s); // whoever waits gets its placeholder
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
    if (!url.isValid() || !isHttp(url) || url.host().isEmpty()) {
        m_failedUntil.insert(url, QDeadlineTimer::Forever);
        return State::Failed;
    }
    if (QHostAddress literal; literal.setAddress(url.host())) {
        if (const Result<> allowed = checkPublicAddress(literal, m_loopback); !allowed) {
            qCWarning(lcThumbnails) << "thumbnail refused:" << url.toDisplayString() << allowed.error().message;
            m_failedUntil.insert(url, QDeadlineTimer::Forever);
            return State::Failed;
        }
    }
    m_failedUntil.remove(url);

    const quint64 serial = m_nextSerial++;
    Fetch fetch;
    fetch.serial = serial;
    fetch.secure = url.scheme() == u"https";
    m_loading.insert(url, fetch);
    QTimer::singleShot(m_timeout, this, [this, url, serial] {
        stop(url, serial, u"no image within %1 ms"_s.arg(m_timeout.count()));
    });
    // Once on disk, it is served from there: no lookup, no network, offline too. Only
    // images that decoded ever got there.
    if (m_network->cache()->metaData(url).isValid())
        startTransfer(url, serial, true);
    else
        whenHostAllowed(url, serial, url, [this, url, serial] { startTransfer(url, serial, false); });
    return State::Loading;
}

std::optional<ThumbnailCache::Image> ThumbnailCache::image(const QUrl &url) const
{
    if (const Image *image = m_images.object(url))
        return *image;
    return std::nullopt;
}

ThumbnailCache::Fetch *ThumbnailCache::current(const QUrl &fetched, quint64 serial)
{
    const auto it = m_loading.find(fetched);
    return it != m_loading.end() && it->serial == serial ? &*it : nullptr;
}

Result<> ThumbnailCache::checkAddresses(const QList<QHostAddress> &addresses) const
{
    if (addresses.isEmpty())
        return failure(u"no address"_s, Error::Kind::Invalid);
    // Every one: the connection may use any of them.
    for (const QHostAddress &address : addresses) {
        if (Result<> allowed = checkPublicAddress(address, m_loopback); !allowed)
            return allowed;
    }
    return {};
}

void ThumbnailCache::whenHostAllowed(const QUrl &fetched, quint64 serial, const QUrl &url, std::function<void()> proceed)
{
    const QString host = url.host();
    if (QHostAddress literal; literal.setAddress(host)) {
        if (const Result<> allowed = checkPublicAddress(literal, m_loopback); !allowed)
            return stop(fetched, serial, allowed.error().message);
        return proceed();
    }
    // The connection resolves the name again, through the same QHostInfo cache (a minute):
    // a name cannot point elsewhere between this check and the connection but by outliving it.
    QHostInfo::lookupHost(host, this, [this, fetched, serial, host, proceed = std::move(proceed)](const QHostInfo &info) {
        if (!current(fetched, serial))
            return; // turned off, timed out or overtaken meanwhile
        if (info.error() != QHostInfo::NoError)
            return stop(fetched, serial, u"cannot resolve %1: %2"_s.arg(host, info.errorString()));
        if (const Result<> allowed = checkAddresses(info.addresses()); !allowed)
            return stop(fetched, serial, u"%1: %2"_s.arg(host, allowed.error().message));
        proceed();
    });
}

void ThumbnailCache::startTransfer(const QUrl &url, quint64 serial, bool fromDiskOnly)
{
    Fetch *fetch = current(url, serial);
    if (!fetch)
        return;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         fromDiskOnly ? QNetworkRequest::AlwaysCache : QNetworkRequest::PreferNetwork);
    request.setTransferTimeout(m_timeout);
    // Each redirect waits for onRedirected to check where it leads.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(maxRedirects);
    QNetworkReply *reply = m_network->get(request);
    fetch->reply = reply;
    fetch->fromDisk = fromDiskOnly;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, url, serial](qint64 received, qint64 total) {
        // The total is the server's word; what arrived is counted too, for an answer without
        // a Content-Length or one that claims less than it sends.
        if (received > maxImageBytes || total > maxImageBytes)
            stop(url, serial, u"bigger than %1 bytes"_s.arg(maxImageBytes));
    });
    connect(reply, &QNetworkReply::redirected, this,
            [this, url, serial](const QUrl &target) { onRedirected(url, serial, target); });
    connect(reply, &QNetworkReply::finished, this, [this, url, reply] { finished(url, reply); });
    qCDebug(lcThumbnails) << "fetching" << url << (fromDiskOnly ? "from the disk cache" : "");
}

void ThumbnailCache::onRedirected(const QUrl &fetched, quint64 serial, const QUrl &target)
{
    Fetch *fetch = current(fetched, serial);
    if (!fetch)
        return;
    if (!target.isValid() || !isHttp(target) || target.host().isEmpty())
        return stop(fetched, serial, u"redirect to %1 refused: not an http(s) URL"_s.arg(target.toDisplayString()));
    if (fetch->secure && target.scheme() == u"http")
        return stop(fetched, serial, u"redirect to %1 refused: from https to plain http"_s.arg(target.toDisplayString()));
    fetch->secure = target.scheme() == u"https";
    QNetworkReply *reply = fetch->reply; // alive as long as current(fetched, serial) is
    whenHostAllowed(fetched, serial, target, [reply] { Q_EMIT reply->redirectAllowed(); });
}

void ThumbnailCache::stop(const QUrl &fetched, quint64 serial, const QString &reason)
{
    Fetch *fetch = current(fetched, serial);
    if (!fetch)
        return;
    if (QNetworkReply *reply = fetch->reply) {
        fetch->stopReason = reason;
        reply->abort(); // finished() follows, and reports the reason
        return;
    }
    m_loading.remove(fetched);
    fail(fetched, reason);
}

void ThumbnailCache::finished(const QUrl &fetched, QNetworkReply *reply)
{
    reply->deleteLater();
    const Fetch fetch = m_loading.take(fetched);

    if (reply->error() != QNetworkReply::NoError)
        return fail(fetched, fetch.stopReason.isEmpty() ? reply->errorString() : fetch.stopReason);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return fail(fetched, u"HTTP status %1"_s.arg(status));
    const QByteArray bytes = reply->readAll();
    const auto refuse = [&](const QString &why) {
        // Left on disk by an earlier version, which kept any answer: the next try asks the server.
        if (fetch.fromDisk)
            m_network->cache()->remove(fetched);
        fail(fetched, why);
    };
    if (bytes.size() > maxImageBytes)
        return refuse(u"bigger than %1 bytes"_s.arg(maxImageBytes));
    const QByteArray type = sniffImageType(bytes);
    if (type.isEmpty())
        return refuse(u"not an image (%1 bytes)"_s.arg(bytes.size()));
    if (!decodesAsImage(bytes))
        return refuse(u"does not decode as %1 (%2 bytes)"_s.arg(QString::fromLatin1(type)).arg(bytes.size()));

    m_images.insert(fetched, new Image { bytes, type }, qMax<qsizetype>(1, bytes.size()));
    Q_EMIT imageReady(fetched);
}

void ThumbnailCache::fail(const QUrl &url, const QString &why)
{
    qCWarning(lcThumbnails) << "thumbnail failed:" << url.toDisplayString() << why;
    m_failedUntil.insert(url, QDeadlineTimer(m_retryDelay));
    Q_EMIT imageFailed(url, why);
}

bool ThumbnailCache::decodesAsImage(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return !reader.read().isNull();
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
