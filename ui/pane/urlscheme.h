#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWebEngineUrlSchemeHandler>

class QWebEngineUrlRequestJob;

namespace hanji {

class ThumbnailCache;

// Registers "hanji" with QtWebEngine. Must run before the QApplication exists.
void registerHanjiUrlScheme();

// Serves the summary pane: hanji://paper/<n> is the current page's HTML, from a buffer
// (setHtml() cannot take more than 2 MB), and hanji://thumbnail/<key> the thumbnail of the
// paper on screen, from the ThumbnailCache or as a placeholder. Nothing else is served.
class PaneSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit PaneSchemeHandler(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    // Makes html the current page; the URL to load it from.
    [[nodiscard]] QUrl setPage(const QString &html);
    // The remote thumbnails the current page may ask for; any other key gets the placeholder.
    void setThumbnails(const QStringList &remoteUrls);

    void requestStarted(QWebEngineUrlRequestJob *job) override;

    [[nodiscard]] static QByteArray placeholderSvg();

Q_SIGNALS:
    // For diagnostics and tests: what a thumbnail request was answered with.
    void thumbnailServed(const QUrl &remoteUrl, bool placeholder);

private:
    void serveThumbnail(QWebEngineUrlRequestJob *job, const QUrl &remoteUrl);
    void answerWaiting(const QUrl &remoteUrl);

    ThumbnailCache *m_thumbnails;
    QByteArray m_html;
    int m_serial = 0;
    QHash<QString, QUrl> m_thumbnailUrls; // key -> remote URL
    // Jobs held open until their image arrives, so the page needs no reload; the engine
    // deletes a job when its page goes away, hence QPointer.
    QList<std::pair<QPointer<QWebEngineUrlRequestJob>, QUrl>> m_waiting;
};

} // namespace hanji
