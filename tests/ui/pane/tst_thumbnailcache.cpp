#include "localhttpserver.h"
#include "thumbnailcache.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using hanji::ThumbnailCache;

namespace {

QByteArray pngBytes(QColor color)
{
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestThumbnailCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fetchesOnlyWhenAsked();
    void diskCacheServesWhenServerIsDown();
    void failureIsRememberedNotRetried();
    void failureRetriedAfterDelayOrOnRequest();
    void serverDownIsAFailure();
    void notAnImageIsAFailure();
    void disabledNeverTouchesTheNetwork();
    void disablingAbortsFetches();
    void timeoutEndsAHangingFetch();
    void onlyHttpUrls();
    void sniff_data();
    void sniff();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalHttpServer> m_server;
    QByteArray m_png = pngBytes(Qt::magenta);
};

void TestThumbnailCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<LocalHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setRoute("/thumb.png", { 200, "image/png", m_png, false });
    m_server->setRoute("/missing.png", { 404, "text/plain", "gone", false });
    m_server->setRoute("/page.png", { 200, "image/png", "<html><body>login</body></html>", false });
    m_server->setRoute("/hang.png", { 200, "image/png", {}, true });
}

void TestThumbnailCache::fetchesOnlyWhenAsked()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
    const QUrl url = m_server->url("/thumb.png");
    QCOMPARE(cache.state(url), ThumbnailCache::State::Absent);
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);

    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading);
    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading); // no second fetch
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toUrl(), url);
    QCOMPARE(cache.state(url), ThumbnailCache::State::Ready);
    const auto image = cache.image(url);
    QVERIFY(image);
    QCOMPARE(image->bytes, m_png);
    QCOMPARE(image->mimeType, "image/png"_ba);

    QCOMPARE(cache.request(url), ThumbnailCache::State::Ready);
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount("/thumb.png"), 1);
}

void TestThumbnailCache::diskCacheServesWhenServerIsDown()
{
    const QUrl url = m_server->url("/thumb.png");
    {
        ThumbnailCache cache(m_dir->path());
        QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
        cache.request(url);
        QTRY_COMPARE(ready.size(), 1);
    }
    m_server->close();
    ThumbnailCache offline(m_dir->path()); // a new run: nothing in memory
    QSignalSpy ready(&offline, &ThumbnailCache::imageReady);
    QSignalSpy failed(&offline, &ThumbnailCache::imageFailed);
    offline.request(url);
    QTRY_COMPARE(ready.size() + failed.size(), 1);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(offline.image(url)->bytes, m_png);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestThumbnailCache::failureIsRememberedNotRetried()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/missing.png");
    cache.request(url);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(cache.state(url), ThumbnailCache::State::Failed);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
        QTest::qWait(20);
    }
    QCOMPARE(m_server->requestCount("/missing.png"), 1);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!cache.image(url));
}

void TestThumbnailCache::failureRetriedAfterDelayOrOnRequest()
{
    ThumbnailCache cache(m_dir->path());
    cache.setRetryDelay(1s); // wide enough that a busy machine cannot outrun it between two lines
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/missing.png");
    cache.request(url);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
    QTest::qWait(1200);
    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading);
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(m_server->requestCount("/missing.png"), 2);

    cache.setRetryDelay(10min);
    QTest::qWait(1200);
    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading);
    QTRY_COMPARE(failed.size(), 3);
    QTest::qWait(400); // now remembered for ten minutes
    QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
    QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
    cache.retryFailed();
    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading);
    QTRY_COMPARE(failed.size(), 4);
    QCOMPARE(m_server->requestCount("/missing.png"), 4);
}

void TestThumbnailCache::serverDownIsAFailure()
{
    const QUrl url = m_server->url("/thumb.png");
    m_server->close();
    ThumbnailCache cache(m_dir->path());
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    cache.request(url);
    QTRY_COMPARE(failed.size(), 1);

    // Back up on the same port: a retry loop would show up here as requests.
    QVERIFY(m_server->reopen());
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
        QTest::qWait(30);
    }
    QCOMPARE(m_server->requestCount(), 0);
}

void TestThumbnailCache::notAnImageIsAFailure()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/page.png");
    cache.request(url);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!cache.image(url));
}

void TestThumbnailCache::disabledNeverTouchesTheNetwork()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy changed(&cache, &ThumbnailCache::enabledChanged);
    cache.setEnabled(false);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!cache.isEnabled());
    const QUrl url = m_server->url("/thumb.png");
    QCOMPARE(cache.request(url), ThumbnailCache::State::Disabled);
    QTest::qWait(200);
    QCOMPARE(m_server->requestCount(), 0);

    cache.setEnabled(true);
    QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
    cache.request(url);
    QTRY_COMPARE(ready.size(), 1);
}

void TestThumbnailCache::disablingAbortsFetches()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/hang.png");
    QCOMPARE(cache.request(url), ThumbnailCache::State::Loading);
    QTRY_COMPARE(m_server->requestCount("/hang.png"), 1);
    cache.setEnabled(false);
    QCOMPARE(failed.size(), 1); // whoever waited is answered at once
    QCOMPARE(cache.state(url), ThumbnailCache::State::Disabled);
    // Not remembered as a failure: turned back on, it may be fetched.
    cache.setEnabled(true);
    QCOMPARE(cache.state(url), ThumbnailCache::State::Absent);
}

void TestThumbnailCache::timeoutEndsAHangingFetch()
{
    ThumbnailCache cache(m_dir->path());
    cache.setTransferTimeout(300ms);
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    QElapsedTimer clock;
    clock.start();
    cache.request(m_server->url("/hang.png"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(clock.elapsed() >= 250);
}

void TestThumbnailCache::onlyHttpUrls()
{
    ThumbnailCache cache(m_dir->path());
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    QCOMPARE(cache.request(QUrl(u"file:///etc/passwd"_s)), ThumbnailCache::State::Failed);
    QCOMPARE(cache.request(QUrl(u"data:image/png;base64,AAAA"_s)), ThumbnailCache::State::Failed);
    QCOMPARE(cache.request(QUrl()), ThumbnailCache::State::Failed);
    QTest::qWait(50);
    QCOMPARE(failed.size(), 0);
}

void TestThumbnailCache::sniff_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("type");
    QTest::addRow("png") << pngBytes(Qt::red) << "image/png"_ba;
    QTest::addRow("jpeg") << "\xff\xd8\xff\xe0\x00\x10JFIF"_ba << "image/jpeg"_ba;
    QTest::addRow("gif") << "GIF89a\x01\x00"_ba << "image/gif"_ba;
    QTest::addRow("webp") << "RIFF\x10\x00\x00\x00WEBPVP8 "_ba << "image/webp"_ba;
    QTest::addRow("avif") << "\x00\x00\x00\x1c" "ftypavif"_ba << "image/avif"_ba;
    QTest::addRow("svg") << "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"_ba
                         << "image/svg+xml"_ba;
    QTest::addRow("html") << "<!DOCTYPE html><html>"_ba << QByteArray();
    QTest::addRow("empty") << QByteArray() << QByteArray();
}

void TestThumbnailCache::sniff()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, type);
    QCOMPARE(ThumbnailCache::sniffImageType(bytes), type);
}

QTEST_GUILESS_MAIN(TestThumbnailCache)
#include "tst_thumbnailcache.moc"
