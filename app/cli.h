#pragma once

#include <QStringList>

namespace hanji::cli {

// True when the arguments ask for a subcommand, --help or --version: those run without a display.
[[nodiscard]] bool wantsCommandLine(const QStringList &arguments);

// Runs a subcommand; returns the process exit code (0 done, 1 failed, 2 bad usage).
[[nodiscard]] int run(const QStringList &arguments);

} // namespace hanji::cli
