#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace hanji {

// QtWebEngine's pane draws through Qt Quick, with OpenGL by default. On a machine without a
// GPU (a VM, a remote X display, a container) Mesa's OpenGL is llvmpipe, a GPU emulated on
// the processor, and Qt Quick's own software renderer draws the same page for less: with
// ten years in the list, the window process's Pss 401 → 331 MiB, a paper's page loaded in
// 261 ms instead of 416 (bench_window --memory under Xvfb); the reader's screenshot came out
// byte for byte the same.
enum class SceneGraph {
    Default, // Qt's choice: OpenGL where there is one
    Software,
};

// Software where no GPU would draw: Mesa is told to use software (LIBGL_ALWAYS_SOFTWARE) or
// driDirectory holds no render node (renderD*), which Linux's GPU drivers make, Mesa's and
// NVIDIA's alike. A scene graph the environment names (QT_QUICK_BACKEND, QSG_RHI_BACKEND)
// is the user's choice and stays.
[[nodiscard]] SceneGraph sceneGraphFor(const QProcessEnvironment &environment, const QString &driDirectory);

// Chooses for this machine (its environment, /dev/dri) and applies the choice; before the
// QApplication, as Qt Quick requires. Elsewhere than Linux, Default.
//
// Software also begins a start without OpenGL. Nothing in the window draws with OpenGL then,
// yet Qt (the context it shares with QtWebEngine) and QtWebEngine (which asks OpenGL which GPU
// there is) would start Mesa's llvmpipe all the same. At ten years in the list that cost the
// window 38 MiB of libLLVM and libgallium and 30 MiB of heap. Until endStartWithoutOpenGl(),
// Qt's X11 platform offers no OpenGL (QT_XCB_GL_INTEGRATION=none; it reads that once, for its
// first context), and the warnings of those probes failing, expected now, are not printed. A
// QT_XCB_GL_INTEGRATION the user set is the user's choice: no such start then.
SceneGraph chooseSceneGraph();

// Ends what chooseSceneGraph() began, if it did: call once the window and its pane, and so
// QtWebEngine, have started. Programs started from then on (a browser, git) get the
// environment as it was.
void endStartWithoutOpenGl();

} // namespace hanji
