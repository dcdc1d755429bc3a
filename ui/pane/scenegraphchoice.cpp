#include "scenegraphchoice.h"

#include <QDir>
#include <QLoggingCategory>
#include <QQuickWindow>
#include <QSGRendererInterface>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcSceneGraph, "hanji.ui.pane")

// As Mesa reads its boolean variables: unset, or one of its words for false, is false.
bool mesaTrue(const QString &value)
{
    static const QStringList no { u"0"_s, u"n"_s, u"no"_s, u"f"_s, u"false"_s };
    return !value.isEmpty() && !no.contains(value, Qt::CaseInsensitive);
}
} // namespace

SceneGraph sceneGraphFor(const QProcessEnvironment &environment, const QString &driDirectory)
{
    for (const QString &chosen : { u"QT_QUICK_BACKEND"_s, u"QSG_RHI_BACKEND"_s }) {
        if (!environment.value(chosen).isEmpty())
            return SceneGraph::Default;
    }
    if (mesaTrue(environment.value(u"LIBGL_ALWAYS_SOFTWARE"_s)))
        return SceneGraph::Software;
    const bool renderNode = !QDir(driDirectory).entryList({ u"renderD*"_s }, QDir::System | QDir::Files).isEmpty();
    return renderNode ? SceneGraph::Default : SceneGraph::Software;
}

SceneGraph chooseSceneGraph()
{
#ifdef Q_OS_LINUX
    const SceneGraph choice = sceneGraphFor(QProcessEnvironment::systemEnvironment(), u"/dev/dri"_s);
#else
    const SceneGraph choice = SceneGraph::Default;
#endif
    if (choice == SceneGraph::Software) {
        qCInfo(lcSceneGraph, "no GPU to draw with (LIBGL_ALWAYS_SOFTWARE, or no render node in /dev/dri): the pane draws in software");
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    }
    return choice;
}

} // namespace hanji
