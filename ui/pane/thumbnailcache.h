#pragma once

#include <QByteArray>
#include <QCache>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace hanji {

// Remote thumbnails, fetched only when asked (the pane asks for the paper on screen), kept
// in memory and in a QNetworkDiskCache so that they also show offline. A failed fetch is
// remembered and not tried again before retryDelay() or retryFailed(); disabled, it never
// touches the network.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    struct Image {
        QByteArray bytes;
        QByteArray mimeType; // sniffed from the bytes: only image types are ever served
    };
    enum class State { Absent, Loading, Ready, Failed, Disabled };

    explicit ThumbnailCache(const QString &diskCacheDirectory, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // The "remote images" setting. Turning it off aborts fetches in flight.
    void setEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    [[nodiscard]] std::chrono::milliseconds retryDelay() const { return m_retryDelay; }

    // Starts a fetch unless the image is here, on its way, or failed recently; the state
    // after the call. Ready or Failed come later through imageReady/imageFailed.
    State request(const QUrl &url);
    [[nodiscard]] State state(const QUrl &url) const;
    [[nodiscard]] std::optional<Image> image(const QUrl &url) const;

    // Forgets remembered failures, for an explicit "try again".
    void retryFailed();

    [[nodiscard]] static QByteArray sniffImageType(const QByteArray &bytes);

Q_SIGNALS:
    void imageReady(const QUrl &url);
    void imageFailed(const QUrl &url);
    void enabledChanged(bool enabled);

private:
    void finished(QNetworkReply *reply);
    void fail(const QUrl &url, const QString &why);

    QNetworkAccessManager *m_network;
    QCache<QUrl, Image> m_images;
    QHash<QUrl, QNetworkReply *> m_loading;
    QHash<QUrl, QDeadlineTimer> m_failedUntil;
    std::chrono::milliseconds m_timeout { 20'000 };
    std::chrono::milliseconds m_retryDelay { 10 * 60'000 };
    bool m_enabled = true;
};

} // namespace hanji
