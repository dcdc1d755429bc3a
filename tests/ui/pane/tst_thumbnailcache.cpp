#include "localhttpserver.h"
#include "thumbnailcache.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkDiskCache>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using hanji::ThumbnailCache;

namespace {

QByteArray imageBytes(QColor color, const char *format)
{
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray pngBytes(QColor color) { return imageBytes(color, "PNG"); }

} // namespace

class TestThumbnailCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fetchesOnlyWhenAsked();
    void diskCacheServesWhenServerIsDown();
    void failureIsRememberedNotRetried();
    void failureRetriedAfterDelayOrInTheNextRun();
    void serverDownIsAFailure();
    void notAnImageIsAFailure();
    void disabledNeverTouchesTheNetwork();
    void disablingAbortsFetches();
    void timeoutEndsAHangingFetch();
    void onlyHttpUrls();
    void loopbackRefusedOutsideTests();
    void privateAndLinkLocalRefused_data();
    void privateAndLinkLocalRefused();
    void oversizedAnswerRefused_data();
    void oversizedAnswerRefused();
    void undecodableImageNotCached();
    void nonImageLeftOnDiskIsDropped();
    void redirectsBoundedAndChecked_data();
    void redirectsBoundedAndChecked();
    void sniff_data();
    void sniff();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalHttpServer> m_server;
    QByteArray m_png = pngBytes(Qt::magenta);
};

// The server is on 127.0.0.1, which a cache refuses unless told it runs in a test
// (allowLoopbackForTests); loopbackRefusedOutsideTests holds the refusal.
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
    cache.allowLoopbackForTests();
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
        cache.allowLoopbackForTests();
        QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
        cache.request(url);
        QTRY_COMPARE(ready.size(), 1);
    }
    m_server->close();
    ThumbnailCache offline(m_dir->path()); // a new run: nothing in memory
    offline.allowLoopbackForTests();
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
    cache.allowLoopbackForTests();
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

void TestThumbnailCache::failureRetriedAfterDelayOrInTheNextRun()
{
    ThumbnailCache cache(m_dir->path());
    cache.allowLoopbackForTests();
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

    // Failures are remembered in memory only: the next run tries again.
    ThumbnailCache nextRun(m_dir->path());
    nextRun.allowLoopbackForTests();
    QSignalSpy failedNextRun(&nextRun, &ThumbnailCache::imageFailed);
    QCOMPARE(nextRun.request(url), ThumbnailCache::State::Loading);
    QTRY_COMPARE(failedNextRun.size(), 1);
    QCOMPARE(failed.size(), 3);
    QCOMPARE(m_server->requestCount("/missing.png"), 4);
}

void TestThumbnailCache::serverDownIsAFailure()
{
    const QUrl url = m_server->url("/thumb.png");
    m_server->close();
    ThumbnailCache cache(m_dir->path());
    cache.allowLoopbackForTests();
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
    cache.allowLoopbackForTests();
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/page.png");
    cache.request(url);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!cache.image(url));
}

void TestThumbnailCache::disabledNeverTouchesTheNetwork()
{
    ThumbnailCache cache(m_dir->path());
    cache.allowLoopbackForTests();
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
    cache.allowLoopbackForTests();
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
    cache.allowLoopbackForTests();
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
    cache.allowLoopbackForTests();
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    QCOMPARE(cache.request(QUrl(u"file:///etc/passwd"_s)), ThumbnailCache::State::Failed);
    QCOMPARE(cache.request(QUrl(u"data:image/png;base64,AAAA"_s)), ThumbnailCache::State::Failed);
    QCOMPARE(cache.request(QUrl()), ThumbnailCache::State::Failed);
    QTest::qWait(50);
    QCOMPARE(failed.size(), 0);
}

void TestThumbnailCache::loopbackRefusedOutsideTests()
{
    ThumbnailCache cache(m_dir->path()); // as in the reader: no test setting
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const quint16 port = m_server->url("/").port();
    // Addresses are refused at once, and for good.
    for (const QString &host : { u"127.0.0.1"_s, u"127.8.9.10"_s, u"[::1]"_s, u"[::ffff:127.0.0.1]"_s }) {
        const QUrl url(u"http://%1:%2/thumb.png"_s.arg(host).arg(port));
        QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
        QCOMPARE(cache.request(url), ThumbnailCache::State::Failed);
    }
    // A name is looked up first: one that means this machine is refused as well.
    const QUrl named(u"http://localhost:%1/thumb.png"_s.arg(port));
    QCOMPARE(cache.request(named), ThumbnailCache::State::Loading);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toUrl(), named);
    QVERIFY2(failed.at(0).at(1).toString().contains(u"loopback"_s), qPrintable(failed.at(0).at(1).toString()));
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(!cache.image(named));
}

void TestThumbnailCache::privateAndLinkLocalRefused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addRow("10/8") << u"10.1.2.3"_s;
    QTest::addRow("172.16/12") << u"172.31.0.1"_s;
    QTest::addRow("192.168/16") << u"192.168.1.1"_s;
    QTest::addRow("CGNAT") << u"100.64.0.1"_s;
    QTest::addRow("link-local, cloud metadata") << u"169.254.169.254"_s;
    QTest::addRow("IPv6 link-local") << u"[fe80::1]"_s;
    QTest::addRow("IPv6 unique local") << u"[fd12:3456::1]"_s;
    QTest::addRow("unspecified") << u"0.0.0.0"_s;
    QTest::addRow("multicast") << u"224.0.0.1"_s;
}

void TestThumbnailCache::privateAndLinkLocalRefused()
{
    QFETCH(QString, host);
    ThumbnailCache cache(m_dir->path());
    cache.allowLoopbackForTests(); // loopback only: the rest stays refused
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    QCOMPARE(cache.request(QUrl(u"http://%1/thumb.png"_s.arg(host))), ThumbnailCache::State::Failed);
    QTest::qWait(20);
    QCOMPARE(failed.size(), 0); // refused before anything started
}

void TestThumbnailCache::oversizedAnswerRefused_data()
{
    QTest::addColumn<bool>("omitLength");
    QTest::addColumn<QString>("reason");
    // Said up front: refused on the header.
    QTest::addRow("Content-Length over the limit") << false << u"bigger than"_s;
    // Not said: counted as it arrives, stopped past the limit.
    QTest::addRow("no Content-Length") << true << u"bigger than"_s;
}

void TestThumbnailCache::oversizedAnswerRefused()
{
    QFETCH(bool, omitLength);
    QFETCH(QString, reason);
    QByteArray huge = m_png;
    huge.append(QByteArray(ThumbnailCache::maxImageBytes + 1024 * 1024, '\0'));
    m_server->setRoute("/huge.png", { .status = 200, .contentType = "image/png", .body = huge, .omitLength = omitLength });
    const QUrl url = m_server->url("/huge.png");
    {
        ThumbnailCache cache(m_dir->path());
        cache.allowLoopbackForTests();
        QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
        QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
        cache.request(url);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(1).toString().contains(reason), qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(ready.size(), 0);
        QVERIFY(!cache.image(url));
    }
    // Nor kept on disk for the next run.
    m_server->close();
    ThumbnailCache offline(m_dir->path());
    offline.allowLoopbackForTests();
    QSignalSpy failed(&offline, &ThumbnailCache::imageFailed);
    offline.request(url);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!offline.image(url));
}

void TestThumbnailCache::undecodableImageNotCached()
{
    // PNG's signature, then nothing a decoder can read: sniffing alone would take it.
    const QByteArray broken = QByteArray("\x89PNG\r\n\x1a\n") + QByteArray(4000, 'x');
    QCOMPARE(ThumbnailCache::sniffImageType(broken), "image/png"_ba);
    QVERIFY(!ThumbnailCache::decodesAsImage(broken));
    QVERIFY(ThumbnailCache::decodesAsImage(m_png));
    // Thumbnails served as WebP decode too (Qt's image-format plugins, which the package
    // recommends and the build root installs).
    const QByteArray webp = imageBytes(Qt::cyan, "WEBP");
    QCOMPARE(ThumbnailCache::sniffImageType(webp), "image/webp"_ba);
    QVERIFY(ThumbnailCache::decodesAsImage(webp));
    m_server->setRoute("/broken.png", { 200, "image/png", broken, false });
    // A Content-Length that claims less than the body: only that much is read, and it is
    // no image either.
    m_server->setRoute("/short.png", { .status = 200, .contentType = "image/png", .body = m_png, .claimedLength = 100 });
    for (const QByteArray &path : { "/broken.png"_ba, "/short.png"_ba, "/page.png"_ba }) {
        const QUrl url = m_server->url(path);
        {
            ThumbnailCache cache(m_dir->path());
            cache.allowLoopbackForTests();
            QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
            cache.request(url);
            QTRY_COMPARE(failed.size(), 1);
            QVERIFY(!cache.image(url));
        }
        // Not on disk: a second run asks the server again.
        ThumbnailCache again(m_dir->path());
        again.allowLoopbackForTests();
        QSignalSpy failed(&again, &ThumbnailCache::imageFailed);
        again.request(url);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(m_server->requestCount(path), 2);
    }
}

void TestThumbnailCache::nonImageLeftOnDiskIsDropped()
{
    // An earlier version's disk cache kept any answer, a login page too.
    const QUrl url = m_server->url("/thumb.png");
    {
        QNetworkDiskCache earlier;
        earlier.setCacheDirectory(m_dir->path());
        QNetworkCacheMetaData metaData;
        metaData.setUrl(url);
        metaData.setSaveToDisk(true);
        metaData.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(1));
        metaData.setAttributes({ { QNetworkRequest::HttpStatusCodeAttribute, 200 } });
        metaData.setRawHeaders({ { "Content-Type"_ba, "text/html"_ba } });
        QIODevice *device = earlier.prepare(metaData);
        QVERIFY(device);
        device->write("<html><body>login</body></html>");
        earlier.insert(device);
    }
    QNetworkDiskCache reopened;
    reopened.setCacheDirectory(m_dir->path());
    QVERIFY(reopened.metaData(url).isValid());
    {
        ThumbnailCache cache(m_dir->path());
        cache.allowLoopbackForTests();
        QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
        cache.request(url);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(1).toString().contains(u"not an image"_s), qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(m_server->requestCount(), 0); // it came from the disk
    }
    // Dropped from the disk: the next run asks the server and gets the image.
    ThumbnailCache nextRun(m_dir->path());
    nextRun.allowLoopbackForTests();
    QSignalSpy ready(&nextRun, &ThumbnailCache::imageReady);
    nextRun.request(url);
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(nextRun.image(url)->bytes, m_png);
    QCOMPARE(m_server->requestCount("/thumb.png"), 1);
}

void TestThumbnailCache::redirectsBoundedAndChecked_data()
{
    QTest::addColumn<QList<QByteArray>>("hops"); // Location of each redirect, in order
    QTest::addColumn<bool>("served");
    QTest::addColumn<QString>("reason");
    QTest::addRow("one hop") << QList<QByteArray> { "/thumb.png" } << true << QString();
    QTest::addRow("three hops") << QList<QByteArray> { "/r2", "/r3", "/thumb.png" } << true << QString();
    QTest::addRow("four hops") << QList<QByteArray> { "/r2", "/r3", "/r4", "/thumb.png" } << false << QString();
    QTest::addRow("to a private address") << QList<QByteArray> { "http://192.168.1.1/thumb.png" } << false
                                          << u"private"_s;
    QTest::addRow("to link-local") << QList<QByteArray> { "/r2", "http://169.254.169.254/latest/meta-data" } << false
                                   << u"link-local"_s;
    // Qt's HTTP code stops these itself ("Unknown protocol"); the cache would too.
    QTest::addRow("to a file") << QList<QByteArray> { "file:///etc/passwd" } << false << QString();
    QTest::addRow("to another scheme") << QList<QByteArray> { "ftp://example.org/thumb.png" } << false << QString();
}

void TestThumbnailCache::redirectsBoundedAndChecked()
{
    QFETCH(QList<QByteArray>, hops);
    QFETCH(bool, served);
    QFETCH(QString, reason);
    m_server->setRoute("/r1", { .status = 302, .contentType = "text/plain", .body = "moved", .location = hops.value(0) });
    for (int i = 1; i < hops.size(); ++i) {
        m_server->setRoute("/r" + QByteArray::number(i + 1),
                           { .status = 302, .contentType = "text/plain", .body = "moved", .location = hops.at(i) });
    }
    ThumbnailCache cache(m_dir->path());
    cache.allowLoopbackForTests();
    QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QUrl url = m_server->url("/r1");
    cache.request(url);
    QTRY_COMPARE(ready.size() + failed.size(), 1);
    QCOMPARE(ready.size(), served ? 1 : 0);
    if (served) {
        QCOMPARE(cache.image(url)->bytes, m_png);
        QCOMPARE(m_server->requestCount("/thumb.png"), 1);
        return;
    }
    QVERIFY(!cache.image(url));
    QCOMPARE(m_server->requestCount("/thumb.png"), 0); // the chain was never followed to its end
    if (!reason.isEmpty())
        QVERIFY2(failed.at(0).at(1).toString().contains(reason), qPrintable(failed.at(0).at(1).toString()));
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
