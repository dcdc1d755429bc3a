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
};

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

QTEST_GUILESS_MAIN(TestSceneGraphChoice)

#include "tst_scenegraphchoice.moc"
