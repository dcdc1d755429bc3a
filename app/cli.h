#pragma once

#include "result.h"

#include <QStringList>

namespace hanji::cli {

// The arguments as text, or an error naming the first that is not UTF-8. Such a path could
// not be named again (it would come back with U+FFFD in it), so it is refused, not guessed.
[[nodiscard]] Result<QStringList> decodeArguments(int argc, const char *const *argv);

// True when the arguments ask for a subcommand, --help or --version: those run without a display.
[[nodiscard]] bool wantsCommandLine(const QStringList &arguments);

// Runs a subcommand; returns the process exit code (0 done, 1 failed, 2 bad usage). Output
// that could not be written whole (a full disk, /dev/full) is a failure with a message.
[[nodiscard]] int run(const QStringList &arguments);

} // namespace hanji::cli
