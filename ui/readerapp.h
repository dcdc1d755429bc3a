#pragma once

class QApplication;

namespace hanji {

// The window's entry: reads the window's options (FOLDER, --library, --screenshot,
// --select, --lang), installs the translations of the chosen language, opens the main
// window and runs the event loop.
[[nodiscard]] int runReader(QApplication &app);

} // namespace hanji
