// The reader started where its pane draws in software (LIBGL_ALWAYS_SOFTWARE says so on any
// machine): no OpenGL driver is loaded into it, nothing it did not say reaches the terminal,
// and the window looks as it does with OpenGL loaded. The kernel's map of the running reader
// is the witness for the first, the screenshot of a run with OpenGL for the last.

#include "testpaths.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What a software OpenGL brings into a process: Mesa's drivers and the LLVM they compile with.
bool isOpenGlDriver(QByteArrayView path)
{
    return path.contains("libgallium") || path.contains("libLLVM") || path.contains("libGLX_mesa")
        || path.contains("/dri/");
}

struct ReaderRun {
    QImage screenshot;
    QSet<QByteArray> openGlMapped; // the drivers' files mapped into the reader at any time
    QByteArray err;
};

ReaderRun runReader(const QString &digests, const QString &home, const QProcessEnvironment &extra)
{
    QProcessEnvironment env = hanjiEnvironmentIn(home);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s); // as a user's desktop runs it
    env.insert(u"LIBGL_ALWAYS_SOFTWARE"_s, u"1"_s);
    env.remove(u"QT_XCB_GL_INTEGRATION"_s);
    env.insert(extra);
    QProcess hanji;
    hanji.setProcessEnvironment(env);
    const QString file = home + u"/shot.png"_s;
    hanji.start(QStringLiteral(HANJI_BINARY),
                { digests, u"--library"_s, home + u"/library"_s, u"--lang"_s, u"en"_s, u"--screenshot"_s, file });
    ReaderRun run;
    if (!hanji.waitForStarted())
        return run;
    QFile maps(u"/proc/%1/maps"_s.arg(hanji.processId()));
    QElapsedTimer clock;
    clock.start();
    while (!hanji.waitForFinished(20) && clock.elapsed() < 120000) {
        if (!maps.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : maps.readAll().split('\n')) {
            const qsizetype path = line.indexOf('/');
            if (path >= 0 && isOpenGlDriver(QByteArrayView(line).sliced(path)))
                run.openGlMapped.insert(line.mid(path));
        }
        maps.close();
    }
    run.err = hanji.readAllStandardError();
    if (hanji.exitStatus() == QProcess::NormalExit && hanji.exitCode() == 0)
        run.screenshot = QImage(file);
    return run;
}

} // namespace

class TestSoftwareStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOpenGlWhereThePaneDrawsInSoftware()
    {
        if (!qEnvironmentVariableIsSet("DISPLAY"))
            QSKIP("QtWebEngine needs an X server: run under xvfb-run (packaging/dev test does)");
        QTemporaryDir dir;
        const QString digests = dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_TEST_DATA_DIR) + u"/english-digests"_s, digests));

        // The user's own choice of OpenGL on X11 keeps it loaded: the witness sees drivers.
        const ReaderRun withOpenGl = runReader(digests, dir.filePath(u"glx"_s), [] {
            QProcessEnvironment env;
            env.insert(u"QT_XCB_GL_INTEGRATION"_s, u"xcb_glx"_s);
            return env;
        }());
        QVERIFY2(!withOpenGl.screenshot.isNull(), withOpenGl.err.constData());
        if (withOpenGl.openGlMapped.isEmpty())
            QSKIP("no OpenGL driver on this machine: nothing to keep out");

        const ReaderRun software = runReader(digests, dir.filePath(u"software"_s), {});
        QVERIFY2(!software.screenshot.isNull(), software.err.constData());
        QVERIFY2(software.openGlMapped.isEmpty(), software.openGlMapped.values().join('\n').constData());
        for (const char *probe : { "Cannot create platform OpenGL context", "QRhiGles2", "Vulkan", "GPU vendor" })
            QVERIFY2(!software.err.contains(probe), software.err.constData());
        QCOMPARE(software.screenshot.size(), QSize(1440, 880));
        // All but the status bar, which tells how many milliseconds the import took.
        const QRect window(0, 0, 1440, 880 - 30);
        QVERIFY2(software.screenshot.copy(window) == withOpenGl.screenshot.copy(window),
                 "the window looks other without OpenGL loaded");
    }
};

QTEST_GUILESS_MAIN(TestSoftwareStart)
#include "tst_softwarestart.moc"
