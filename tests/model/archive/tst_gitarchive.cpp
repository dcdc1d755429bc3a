#include "archivegit.h"
#include "gitarchive.h"
#include "testsupport.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

// Updating and cloning archives with the real git: a bare repository on the file system and
// served by git daemon on 127.0.0.1, new digests pushed from a writer's clone. Every refusal
// is checked against git itself: HEAD and the files are what they were.
class TestGitArchive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_remote;
    QString m_writer;
    int m_next = 100;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A fresh reader's clone of the remote.
    QString cloneReader(const QString &name)
    {
        const QString reader = path(name);
        const Result<> cloned = GitArchive::clone(m_remote, reader);
        [&] { QVERIFY2(cloned, errorOf(cloned)); }();
        return reader;
    }

    // A new day pushed by the writer; its path relative to the archive.
    QString pushNewDay(int day)
    {
        const QString date = u"2024-06-%1"_s.arg(day, 2, 10, QChar(u'0'));
        const QString file = u"2024/06/%1.md"_s.arg(day, 2, 10, QChar(u'0'));
        [&] { QVERIFY(pushDigest(m_writer, file, digestText(date, { u"Paper of day %1"_s.arg(day) }, m_next++))); }();
        return file;
    }

    struct Snapshot {
        QString head;
        QByteArray digest;
        QStringList files;
    };
    static Snapshot snapshot(const QString &reader)
    {
        QStringList files;
        QDirIterator it(reader, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (!file.contains(u"/.git/"_s))
                files += file;
        }
        files.sort();
        return { headOf(reader), readFile(QDir(reader).filePath(u"2024/06/03.md"_s)), files };
    }
    static void compareUnchanged(const Snapshot &before, const QString &reader)
    {
        const Snapshot after = snapshot(reader);
        QCOMPARE(after.head, before.head);
        QCOMPARE(after.digest, before.digest);
        QCOMPARE(after.files, before.files);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setGitIdentity();
        m_remote = path(u"remote.git"_s);
        m_writer = path(u"writer"_s);
        QVERIFY(makeRemote(m_remote, m_writer));
    }

    void progressLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<int>("percent");
        QTest::addRow("receiving") << u"Receiving objects:  45% (450/1000), 1.2 MiB | 3 MiB/s"_s << u"Receiving objects"_s << 45;
        QTest::addRow("remote counting") << u"remote: Counting objects: 100% (7/7), done."_s << u"Counting objects"_s << 100;
        QTest::addRow("resolving") << u"Resolving deltas:   3% (1/30)"_s << u"Resolving deltas"_s << 3;
        QTest::addRow("not progress") << u"Cloning into 'x'..."_s << QString() << -1;
    }
    void progressLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, phase);
        QFETCH(int, percent);
        const std::optional<GitProgress> progress = parseGitProgress(line);
        QCOMPARE(progress.has_value(), percent >= 0);
        if (progress) {
            QCOMPARE(progress->phase, phase);
            QCOMPARE(progress->percent, percent);
        }
    }

    void folderNames()
    {
        QCOMPARE(GitArchive::folderNameFor(u"https://github.com/someone/daily-papers.git"_s), u"daily-papers"_s);
        QCOMPARE(GitArchive::folderNameFor(u"git@github.com:someone/papers"_s), u"papers"_s);
        QCOMPARE(GitArchive::folderNameFor(u"/srv/archives/digests.git/"_s), u"digests"_s);
        QCOMPARE(GitArchive::folderNameFor(u"???"_s), u"archive"_s);
    }

    void findsTheWorkTreeAndItsUpstream()
    {
        const QString reader = cloneReader(u"find"_s);
        const Result<std::optional<GitWorkTree>> found = GitArchive::find(QDir(reader).filePath(u"2024/06"_s));
        QVERIFY2(found, errorOf(found));
        QVERIFY(found->has_value());
        QCOMPARE(QFileInfo((*found)->root).canonicalFilePath(), QFileInfo(reader).canonicalFilePath());
        QCOMPARE((*found)->branch, u"main"_s);
        QCOMPARE((*found)->upstream, u"origin/main"_s);
        QCOMPARE((*found)->remoteUrl, m_remote);
    }

    void notAWorkTreeHasNoUpdate()
    {
        const QString plain = path(u"plain"_s);
        QVERIFY(writeFile(QDir(plain).filePath(u"2024/06/03.md"_s), digestText(u"2024-06-03"_s, { u"Alone"_s }, 1)));
        const Result<std::optional<GitWorkTree>> found = GitArchive::find(plain);
        QVERIFY2(found, errorOf(found));
        QVERIFY(!found->has_value());
        const Result<ArchiveUpdate> updated = GitArchive::update(plain);
        QVERIFY(!updated);
        QCOMPARE(updated.error().kind, Error::Kind::Invalid);
        QVERIFY2(updated.error().message.contains(u"not in a git work tree"_s), qPrintable(updated.error().message));

        // A local repository without a remote: a work tree, but nothing to update from.
        QCOMPARE(runGitIn(plain, { u"init"_s, u"-q"_s }).exitCode, 0);
        const Result<std::optional<GitWorkTree>> local = GitArchive::find(plain);
        QVERIFY2(local, errorOf(local));
        QVERIFY(!local->has_value());
    }

    void updateBringsNewDigests()
    {
        const QString reader = cloneReader(u"reader"_s);
        const QString before = headOf(reader);
        const QString first = pushNewDay(4);
        const QString second = pushNewDay(5);
        QList<GitProgress> steps;
        const Result<ArchiveUpdate> updated
            = GitArchive::update(reader, [&](const GitProgress &step) { steps += step; });
        QVERIFY2(updated, errorOf(updated));
        QCOMPARE(updated->before, before);
        QCOMPARE(updated->after, headOf(m_writer)); // the oracle: what the writer pushed
        QCOMPARE(headOf(reader), headOf(m_writer));
        QVERIFY(!updated->upToDate());
        QCOMPARE(updated->changedFiles, (QStringList { first, second }));
        QCOMPARE(readFile(QDir(reader).filePath(first)), readFile(QDir(m_writer).filePath(first)));

        const Result<ArchiveUpdate> again = GitArchive::update(reader);
        QVERIFY2(again, errorOf(again));
        QVERIFY(again->upToDate());
        QVERIFY(again->changedFiles.isEmpty());
    }

    void dirtyTreeIsRefused()
    {
        const QString reader = cloneReader(u"dirty"_s);
        QVERIFY(writeFile(QDir(reader).filePath(u"2024/06/03.md"_s), "my own edit\n"));
        const Snapshot before = snapshot(reader);
        pushNewDay(6);
        const Result<ArchiveUpdate> updated = GitArchive::update(reader);
        QVERIFY(!updated);
        QVERIFY2(updated.error().message.contains(u"not committed"_s), qPrintable(updated.error().message));
        QVERIFY2(updated.error().message.contains(u"2024/06/03.md"_s), qPrintable(updated.error().message));
        QVERIFY(updated.error().message.contains(u"nothing was changed"_s));
        compareUnchanged(before, reader);
        QCOMPARE(readFile(QDir(reader).filePath(u"2024/06/03.md"_s)), QByteArray("my own edit\n"));
    }

    void divergedBranchIsRefused()
    {
        const QString reader = cloneReader(u"diverged"_s);
        QVERIFY(writeFile(QDir(reader).filePath(u"notes.md"_s), "mine\n"));
        QCOMPARE(runGitIn(reader, { u"add"_s, u"notes.md"_s }).exitCode, 0);
        QCOMPARE(runGitIn(reader, { u"commit"_s, u"-q"_s, u"-m"_s, u"local"_s }).exitCode, 0);
        const Snapshot before = snapshot(reader);
        pushNewDay(7);
        const Result<ArchiveUpdate> updated = GitArchive::update(reader);
        QVERIFY(!updated);
        QVERIFY2(updated.error().message.contains(u"diverged"_s), qPrintable(updated.error().message));
        compareUnchanged(before, reader);
    }

    void localCommitsAheadAreKept()
    {
        const QString reader = cloneReader(u"ahead"_s);
        QVERIFY(writeFile(QDir(reader).filePath(u"notes.md"_s), "mine\n"));
        QCOMPARE(runGitIn(reader, { u"add"_s, u"notes.md"_s }).exitCode, 0);
        QCOMPARE(runGitIn(reader, { u"commit"_s, u"-q"_s, u"-m"_s, u"local"_s }).exitCode, 0);
        const QString head = headOf(reader);
        const Result<ArchiveUpdate> updated = GitArchive::update(reader);
        QVERIFY2(updated, errorOf(updated));
        QVERIFY(updated->upToDate());
        QCOMPARE(updated->localCommitsAhead, 1);
        QCOMPARE(headOf(reader), head);
    }

    void vanishedRemoteIsAnErrorAndNothingChanges()
    {
        // A copy of the remote that goes away after the clone.
        const QString copy = path(u"copy.git"_s);
        QCOMPARE(runGitIn(m_dir.path(), { u"clone"_s, u"-q"_s, u"--bare"_s, m_remote, copy }).exitCode, 0);
        const QString reader = path(u"orphan"_s);
        QVERIFY(GitArchive::clone(copy, reader));
        const Snapshot before = snapshot(reader);
        QVERIFY(QDir(copy).removeRecursively());
        const Result<ArchiveUpdate> updated = GitArchive::update(reader);
        QVERIFY(!updated);
        QVERIFY2(updated.error().message.contains(u"could not reach"_s), qPrintable(updated.error().message));
        QVERIFY(updated.error().message.contains(copy));
        compareUnchanged(before, reader);
    }

    void cloneRefusesANonEmptyFolderAndCleansUpAfterFailure()
    {
        const QString taken = path(u"taken"_s);
        QVERIFY(writeFile(QDir(taken).filePath(u"keep.txt"_s), "keep\n"));
        const Result<> refused = GitArchive::clone(m_remote, taken);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"not an empty folder"_s), qPrintable(refused.error().message));
        QCOMPARE(readFile(QDir(taken).filePath(u"keep.txt"_s)), QByteArray("keep\n"));

        const QString target = path(u"never"_s);
        const Result<> missing = GitArchive::clone(path(u"no-such-remote.git"_s), target);
        QVERIFY(!missing);
        QVERIFY(!QFileInfo::exists(target));

        std::atomic_bool cancel = true;
        const Result<> cancelled = GitArchive::clone(m_remote, target, {}, &cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFileInfo::exists(target));
    }

    // The network path: git daemon on 127.0.0.1, then the daemon stopped.
    void overGitDaemon()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess daemon;
        daemon.start(u"git"_s, { u"daemon"_s, u"--export-all"_s, u"--reuseaddr"_s, u"--base-path="_s + m_dir.path(),
                                 u"--port=%1"_s.arg(port), u"--listen=127.0.0.1"_s });
        QVERIFY2(daemon.waitForStarted(), qPrintable(daemon.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                return socket.waitForConnected(200);
            }(),
            20000);

        const QString url = u"git://127.0.0.1:%1/remote.git"_s.arg(port);
        const QString reader = path(u"network"_s);
        QList<GitProgress> steps;
        const Result<> cloned = GitArchive::clone(url, reader, [&](const GitProgress &step) { steps += step; });
        QVERIFY2(cloned, errorOf(cloned));
        QVERIFY(QFileInfo::exists(QDir(reader).filePath(u"2024/06/03.md"_s)));
        QVERIFY(!steps.isEmpty()); // git daemon's counting and the receiving, read from --progress
        QCOMPARE(steps.constLast().percent, 100);

        const QString file = pushNewDay(8);
        const Result<ArchiveUpdate> updated = GitArchive::update(reader);
        QVERIFY2(updated, errorOf(updated));
        QVERIFY(updated->changedFiles.contains(file));
        QCOMPARE(headOf(reader), headOf(m_writer));

        daemon.terminate();
        QVERIFY(daemon.waitForFinished());
        pushNewDay(9);
        const Snapshot before = snapshot(reader);
        const Result<ArchiveUpdate> unreachable = GitArchive::update(reader);
        QVERIFY(!unreachable);
        QVERIFY2(unreachable.error().message.contains(u"could not reach"_s), qPrintable(unreachable.error().message));
        QVERIFY(unreachable.error().message.contains(url));
        compareUnchanged(before, reader);
    }
};

QTEST_GUILESS_MAIN(TestGitArchive)
#include "tst_gitarchive.moc"
