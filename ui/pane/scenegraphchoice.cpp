#include "scenegraphchoice.h"

#include <QDir>
#include <QLoggingCategory>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <algorithm>
#include <array>
#include <utility>

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

constexpr char kGlIntegration[] = "QT_XCB_GL_INTEGRATION";

// What Qt and QtWebEngine say when their probes find no OpenGL (and then no Vulkan driver).
constexpr std::array<QStringView, 5> kProbeWarnings {
    u"QXcbIntegration: Cannot create platform", u"QRhiGles2: Failed to create", u"Failed to create Vulkan instance",
    u"Failed to create platform Vulkan instance", u"Unable to detect GPU vendor",
};

QtMessageHandler g_handlerBefore = nullptr; // set while a start without OpenGL lasts

void dropProbeWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool probe = type == QtWarningMsg && std::any_of(kProbeWarnings.begin(), kProbeWarnings.end(),
                                                           [&](QStringView start) { return message.startsWith(start); });
    if (!probe)
        g_handlerBefore(type, context, message);
}

void beginStartWithoutOpenGl()
{
    if (qEnvironmentVariableIsSet(kGlIntegration) || g_handlerBefore)
        return;
    qputenv(kGlIntegration, "none");
    g_handlerBefore = qInstallMessageHandler(dropProbeWarnings);
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
        beginStartWithoutOpenGl();
    }
    return choice;
}

void endStartWithoutOpenGl()
{
    if (!g_handlerBefore)
        return;
    qunsetenv(kGlIntegration);
    qInstallMessageHandler(std::exchange(g_handlerBefore, nullptr));
}

} // namespace hanji
