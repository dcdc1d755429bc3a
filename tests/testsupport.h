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

// The environment hanji runs in from a test with home as its home: settings, the default
// library and caches go there, never to the real home.
inline QProcessEnvironment hanjiEnvironmentIn(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
    return environment;
}

// The same with a home of its own for this test process, even when the test is started
// outside ctest.
inline QProcessEnvironment hanjiEnvironment()
{
    static const QTemporaryDir home;
    return hanjiEnvironmentIn(home.path());
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
