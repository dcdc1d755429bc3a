#pragma once

#include <QStringList>
#include <QTextStream>

namespace hanji::cli {

enum ExitCode { Ok = 0, Failed = 1, BadUsage = 2 };

// Streams a command writes to, so tests and the dispatcher agree on where output goes.
struct Io {
    QTextStream &out;
    QTextStream &err;
};

// Each takes the arguments after the command's name.
[[nodiscard]] int checkCommand(const QStringList &arguments, Io io);
[[nodiscard]] int importCommand(const QStringList &arguments, Io io);
[[nodiscard]] int searchCommand(const QStringList &arguments, Io io);
[[nodiscard]] int bookmarkCommand(const QStringList &arguments, Io io);
[[nodiscard]] int readCommand(const QStringList &arguments, Io io);
[[nodiscard]] int statsCommand(const QStringList &arguments, Io io);
[[nodiscard]] int exportCommand(const QStringList &arguments, Io io);
[[nodiscard]] int showCommand(const QStringList &arguments, Io io);
[[nodiscard]] int updateCommand(const QStringList &arguments, Io io);
[[nodiscard]] int addCommand(const QStringList &arguments, Io io);
[[nodiscard]] int savedCommand(const QStringList &arguments, Io io);
[[nodiscard]] int syncCommand(const QStringList &arguments, Io io);
[[nodiscard]] int userdataCommand(const QStringList &arguments, Io io);
[[nodiscard]] int relatedCommand(const QStringList &arguments, Io io);

} // namespace hanji::cli
