#pragma once

// What tests of git archives share: the real git run in a folder, a bare "remote" with a
// writer's clone that pushes new digests, and small digest files written for them.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

struct GitResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Commits need a name; tests have a home of their own with no git configuration.
inline void setGitIdentity()
{
    for (const char *name : { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
        qputenv(name, "Hanji Test");
    for (const char *name : { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
        qputenv(name, "test@hanji.invalid");
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
}

inline GitResult runGitIn(const QString &directory, const QStringList &arguments)
{
    QProcess git;
    git.setWorkingDirectory(directory);
    git.start(QStringLiteral("git"), QStringList { QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main") } + arguments);
    git.waitForFinished(60000);
    return { git.exitStatus() == QProcess::NormalExit ? git.exitCode() : -1, QString::fromUtf8(git.readAllStandardOutput()),
             QString::fromUtf8(git.readAllStandardError()) };
}

// A digest of one day with one paper per title, in our own words.
inline QByteArray digestText(const QString &date, const QStringList &titles, int firstId)
{
    QByteArray text = "# Daily Papers\n\n## Daily Papers (" + date.toUtf8() + ")\n\n";
    int id = firstId;
    for (const QString &title : titles) {
        text += "### [" + title.toUtf8() + "](https://arxiv.org/abs/2406." + QByteArray::number(id++).rightJustified(5, '0')
            + ")\n\nVote: 3\n\nAuthors: Test Author\n\n- A short summary written for this test about " + title.toUtf8()
            + ".\n\n";
    }
    return text;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Adds a digest in the writer's clone, commits and pushes it.
inline bool pushDigest(const QString &writer, const QString &relativePath, const QByteArray &content)
{
    if (!writeFile(QDir(writer).filePath(relativePath), content))
        return false;
    return runGitIn(writer, { QStringLiteral("add"), relativePath }).exitCode == 0
        && runGitIn(writer, { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), relativePath }).exitCode == 0
        && runGitIn(writer, { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main") }).exitCode == 0;
}

// A bare repository at remote with a first digest, and the writer's clone of it.
inline bool makeRemote(const QString &remote, const QString &writer)
{
    if (runGitIn(QFileInfo(remote).path(), { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), remote }).exitCode != 0)
        return false;
    if (runGitIn(QFileInfo(writer).path(), { QStringLiteral("clone"), QStringLiteral("-q"), remote, writer }).exitCode != 0)
        return false;
    return pushDigest(writer, QStringLiteral("2024/06/03.md"),
                      digestText(QStringLiteral("2024-06-03"), { QStringLiteral("Sparse Mixtures of Reading Experts") }, 1));
}

inline QString headOf(const QString &workTree)
{
    return runGitIn(workTree, { QStringLiteral("rev-parse"), QStringLiteral("HEAD") }).out.trimmed();
}
