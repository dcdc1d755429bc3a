#pragma once

// What several tests need: a fixture folder copied somewhere writable, and the real hanji
// binary run as a user runs it.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

// Copies every file below from to the same place below to; false at the first that fails.
inline bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

struct HanjiRun {
    int exitCode = -1; // -1 when it crashed or did not finish
    QByteArray out;
    QByteArray err;
};

// The environment hanji runs in from a test: a home of its own for this test process, so
// that settings, the default library and caches never touch the real home, even when the
// test is started outside ctest.
inline QProcessEnvironment hanjiEnvironment()
{
    static const QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral(".local/state")));
    return environment;
}

// Runs the freshly built hanji (HANJI_BINARY, set by tests/CMakeLists.txt) to the end.
inline HanjiRun runHanji(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(hanjiEnvironment());
    process.start(QStringLiteral(HANJI_BINARY), arguments);
    process.waitForFinished(120000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
             process.readAllStandardError() };
}

// A Result's error for QVERIFY2, which builds its message even when the check passes.
template <typename R>
QByteArray errorOf(const R &result)
{
    return result ? QByteArray() : result.error().message.toLocal8Bit();
}
