#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// The .deb in a clean Debian 13 root with nothing else (install-test.sh does the work and
// checks the command line there); here: it succeeded, and the window it drew is a real one.
class TestInstalledPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installsAndRunsInACleanRoot();
};

void TestInstalledPackage::installsAndRunsInACleanRoot()
{
    const QString out = QStringLiteral(HANJI_INSTALL_TEST_OUT);
    QDir(out).removeRecursively();
    QProcess test;
    test.setProcessChannelMode(QProcess::ForwardedChannels);
    QElapsedTimer timer;
    timer.start();
    test.start(u"bash"_s, { QStringLiteral(HANJI_INSTALL_TEST), QStringLiteral(HANJI_DEB), out,
                            QStringLiteral(HANJI_VERSION) });
    QVERIFY(test.waitForFinished(2600 * 1000));
    qInfo("install test: %lld s", timer.elapsed() / 1000);
    QCOMPARE(test.exitStatus(), QProcess::NormalExit);
    QCOMPARE(test.exitCode(), 0);

    const QImage window(out + u"/window.png"_s);
    QVERIFY2(!window.isNull(), "no readable screenshot");
    QCOMPARE(window.size(), QSize(1440, 880));
    // A window that drew its lists, text and pane has thousands of colours (anti-aliased
    // text above all); a blank or failed one has a handful.
    QSet<QRgb> colours;
    for (int y = 0; y < window.height(); y += 2) {
        for (int x = 0; x < window.width(); x += 2)
            colours.insert(window.pixel(x, y));
    }
    qInfo("screenshot: %lld colours", qsizetype(colours.size()));
    QVERIFY2(colours.size() > 200, qPrintable(u"only %1 colours"_s.arg(colours.size())));
}

QTEST_GUILESS_MAIN(TestInstalledPackage)
#include "tst_installedpackage.moc"
