#include "scenegraphchoice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

Q_DECLARE_METATYPE(hanji::SceneGraph)

class TestSceneGraphChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choice_data();
    void choice();
    void noDirectoryIsNoGpu();
    void softwareStartsWithoutOpenGl();
    void theUsersGlIntegrationStays();
};

namespace {
QStringList g_printed; // what reached the handler under the one chooseSceneGraph() installs

void keepPrinted(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg) // not the choice's own line of information
        g_printed += message;
}

// The warnings Qt and QtWebEngine give when their probes find no OpenGL, then the reader's own.
void warnAsTheStartDoes()
{
    qWarning("QXcbIntegration: Cannot create platform OpenGL context, neither GLX nor EGL are enabled");
    qWarning("QRhiGles2: Failed to create temporary context");
    qWarning("Failed to create Vulkan instance: -9");
    qWarning("Unable to detect GPU vendor.");
    qWarning("hanji: a warning of the reader's own");
}
} // namespace

void TestSceneGraphChoice::choice_data()
{
    QTest::addColumn<QStringList>("environment"); // NAME=value
    QTest::addColumn<QStringList>("driEntries");
    QTest::addColumn<SceneGraph>("expected");

    const QStringList gpu { u"card0"_s, u"renderD128"_s };
    const QStringList displayOnly { u"card0"_s }; // a display controller, nothing to render with
    QTest::addRow("a render node: OpenGL") << QStringList() << gpu << SceneGraph::Default;
    QTest::addRow("a second GPU's node alone") << QStringList() << QStringList { u"renderD129"_s } << SceneGraph::Default;
    QTest::addRow("no render node: software") << QStringList() << displayOnly << SceneGraph::Software;
    QTest::addRow("nothing in /dev/dri: software") << QStringList() << QStringList() << SceneGraph::Software;
    QTest::addRow("Mesa told to use software") << QStringList { u"LIBGL_ALWAYS_SOFTWARE=1"_s } << gpu << SceneGraph::Software;
    QTest::addRow("Mesa's false (0)") << QStringList { u"LIBGL_ALWAYS_SOFTWARE=0"_s } << gpu << SceneGraph::Default;
    QTest::addRow("Mesa's false (False)") << QStringList { u"LIBGL_ALWAYS_SOFTWARE=False"_s } << gpu << SceneGraph::Default;
    QTest::addRow("Mesa's false, no GPU") << QStringList { u"LIBGL_ALWAYS_SOFTWARE=no"_s } << displayOnly << SceneGraph::Software;
    QTest::addRow("the user's QT_QUICK_BACKEND stays")
        << QStringList { u"QT_QUICK_BACKEND=rhi"_s } << displayOnly << SceneGraph::Default;
    QTest::addRow("the user's QSG_RHI_BACKEND stays")
        << QStringList { u"QSG_RHI_BACKEND=opengl"_s, u"LIBGL_ALWAYS_SOFTWARE=1"_s } << gpu << SceneGraph::Default;
    QTest::addRow("an empty QT_QUICK_BACKEND chooses nothing")
        << QStringList { u"QT_QUICK_BACKEND="_s } << displayOnly << SceneGraph::Software;
}

void TestSceneGraphChoice::choice()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, driEntries);
    QFETCH(SceneGraph, expected);

    QProcessEnvironment env;
    for (const QString &pair : std::as_const(environment))
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QTemporaryDir dri;
    QVERIFY(dri.isValid());
    for (const QString &name : std::as_const(driEntries)) {
        QFile entry(dri.filePath(name));
        QVERIFY(entry.open(QIODevice::WriteOnly));
    }
    QCOMPARE(sceneGraphFor(env, dri.path()), expected);
}

void TestSceneGraphChoice::noDirectoryIsNoGpu()
{
    QTemporaryDir parent;
    QCOMPARE(sceneGraphFor(QProcessEnvironment(), parent.filePath(u"dri"_s)), SceneGraph::Software);
}

void TestSceneGraphChoice::softwareStartsWithoutOpenGl()
{
    qputenv("LIBGL_ALWAYS_SOFTWARE", "1"); // software on any machine
    qunsetenv("QT_XCB_GL_INTEGRATION");
    g_printed.clear();
    const QtMessageHandler test = qInstallMessageHandler(keepPrinted);
    const SceneGraph chosen = chooseSceneGraph();
    const QByteArray during = qgetenv("QT_XCB_GL_INTEGRATION");
    warnAsTheStartDoes();
    endStartWithoutOpenGl();
    const bool setAfter = qEnvironmentVariableIsSet("QT_XCB_GL_INTEGRATION");
    qWarning("Unable to detect GPU vendor."); // once the start is over, said again
    qInstallMessageHandler(test);
    qunsetenv("LIBGL_ALWAYS_SOFTWARE");

    QCOMPARE(chosen, SceneGraph::Software);
    QCOMPARE(during, "none");
    QVERIFY2(!setAfter, "the programs the reader starts would find OpenGL off");
    QCOMPARE(g_printed, QStringList({ u"hanji: a warning of the reader's own"_s, u"Unable to detect GPU vendor."_s }));
}

void TestSceneGraphChoice::theUsersGlIntegrationStays()
{
    qputenv("LIBGL_ALWAYS_SOFTWARE", "1");
    qputenv("QT_XCB_GL_INTEGRATION", "xcb_egl");
    g_printed.clear();
    const QtMessageHandler test = qInstallMessageHandler(keepPrinted);
    const SceneGraph chosen = chooseSceneGraph();
    warnAsTheStartDoes(); // the user's OpenGL failing is news to the user
    endStartWithoutOpenGl();
    qInstallMessageHandler(test);
    const QByteArray after = qgetenv("QT_XCB_GL_INTEGRATION");
    qunsetenv("QT_XCB_GL_INTEGRATION");
    qunsetenv("LIBGL_ALWAYS_SOFTWARE");

    QCOMPARE(chosen, SceneGraph::Software);
    QCOMPARE(after, "xcb_egl");
    QCOMPARE(g_printed.size(), 5);
}

QTEST_GUILESS_MAIN(TestSceneGraphChoice)

#include "tst_scenegraphchoice.moc"
