#pragma once

#include "publicaddress.h"

#include <QByteArray>
#include <QCache>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace hanji {

// Remote thumbnails, fetched only when asked (the pane asks for the paper on screen), kept
// in memory and in a QNetworkDiskCache so that they also show offline. A digest names the
// URL, so a fetch is held on a short leash: http(s) only, from public addresses only (the
// host name is resolved and every address checked, before the request and at each of at
// most three redirects), at most 5 MB, within the transfer timeout from start to end, and
// kept (in memory or on disk) only when the bytes decode as an image. A failed fetch is
// remembered and not tried again before the retry delay; disabled, it never touches the network.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    struct Image {
        QByteArray bytes;
        QByteArray mimeType; // sniffed from the bytes: only image types are ever served
    };
    enum class State { Absent, Loading, Ready, Failed, Disabled };

    static constexpr qint64 maxImageBytes = 5 * 1024 * 1024;
    static constexpr int maxRedirects = 3;

    explicit ThumbnailCache(const QString &diskCacheDirectory, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // Lets fetches reach this machine (127.0.0.0/8, ::1), for tests against a local server.
    // Private and link-local networks stay refused.
    void allowLoopbackForTests() { m_loopback = LoopbackPolicy::AllowForTests; }

    // The "remote images" setting. Turning it off aborts fetches in flight.
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    // For the whole fetch: name lookup, redirects and transfer (20 s).
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // How long a failure is remembered (10 min).
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }

    // Starts a fetch unless the image is here, on its way, or failed recently; the state
    // after the call. Ready or Failed come later through imageReady/imageFailed. A URL that
    // can never be fetched (not http(s), no host, a refused address) is Failed at once.
    State request(const QUrl &url);
    [[nodiscard]] State state(const QUrl &url) const;
    [[nodiscard]] std::optional<Image> image(const QUrl &url) const;

    [[nodiscard]] static QByteArray sniffImageType(const QByteArray &bytes);
    [[nodiscard]] static bool decodesAsImage(const QByteArray &bytes);

Q_SIGNALS:
    void imageReady(const QUrl &url);
    // reason: for the log and for tests, in English.
    void imageFailed(const QUrl &url, const QString &reason);
    void enabledChanged(bool enabled);

private:
    struct Fetch {
        quint64 serial = 0; // tells this fetch's late callbacks from a newer fetch's
        QNetworkReply *reply = nullptr; // none while the host name is looked up
        bool secure = false; // https so far: a redirect may not fall back to plain http
        bool fromDisk = false; // served by the disk cache, never the network
        QString stopReason; // set when we abort the reply ourselves
    };

    // Calls proceed once every address of url's host is allowed; fails the fetch otherwise.
    void whenHostAllowed(const QUrl &fetched, quint64 serial, const QUrl &url, std::function<void()> proceed);
    [[nodiscard]] Result<> checkAddresses(const QList<QHostAddress> &addresses) const;
    void startTransfer(const QUrl &url, quint64 serial, bool fromDiskOnly);
    void onRedirected(const QUrl &fetched, quint64 serial, const QUrl &target);
    // Ends the fetch (if it is still this one) as a failure, for this reason.
    void stop(const QUrl &fetched, quint64 serial, const QString &reason);
    [[nodiscard]] Fetch *current(const QUrl &fetched, quint64 serial);
    void finished(const QUrl &fetched, QNetworkReply *reply);
    void fail(const QUrl &url, const QString &why);

    QNetworkAccessManager *m_network;
    QCache<QUrl, Image> m_images;
    QHash<QUrl, Fetch> m_loading;
    QHash<QUrl, QDeadlineTimer> m_failedUntil;
    quint64 m_nextSerial = 1;
    std::chrono::milliseconds m_timeout { 20'000 };
    std::chrono::milliseconds m_retryDelay { 10 * 60'000 };
    LoopbackPolicy m_loopback = LoopbackPolicy::Refuse;
    bool m_enabled = true;
};

} // namespace hanji
