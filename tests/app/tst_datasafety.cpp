#include "testpaths.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sha1Of(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1) : QByteArray();
}

// Runs SQL on a file as another program would, on a connection of its own.
bool runSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-program"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"other-program"_s);
    return ok;
}

bool checkpointed(const QString &index)
{
    return runSql(index, { u"PRAGMA wal_checkpoint(TRUNCATE)"_s });
}

// Overwrites the first page of a table with bytes no b-tree page has.
bool damageRootPage(const QString &index, const QString &table)
{
    int rootPage = 0;
    int pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        db.setDatabaseName(index);
        QSqlQuery query(db);
        if (db.open() && query.exec(u"SELECT rootpage FROM sqlite_master WHERE name = '%1'"_s.arg(table)) && query.next())
            rootPage = query.value(0).toInt();
        if (query.exec(u"PRAGMA page_size"_s) && query.next())
            pageSize = query.value(0).toInt();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    QFile file(index);
    if (rootPage <= 1 || pageSize <= 0 || !file.open(QIODevice::ReadWrite) || !file.seek(qint64(rootPage - 1) * pageSize))
        return false;
    QByteArray garbage(pageSize, '\0');
    for (int i = 0; i < pageSize; ++i)
        garbage[i] = char((i * 131 + 7) & 0xff);
    return file.write(garbage) == pageSize;
}

QStringList damagedCopies(const QString &library)
{
    return QDir(library).entryList({ u"*.damaged-*"_s });
}

} // namespace

// What must never happen to a reading list, tried with the real binary: a full disk, a lock
// held by another program, another program's files, a damaged index page, and several
// commands starting at once on a new library. Each fails clearly and loses nothing.
class TestDataSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_digests;

    HanjiRun hanji(const QString &library, QStringList arguments)
    {
        return runHanji(arguments << u"--library"_s << library);
    }

    QJsonArray bookmarks(const QString &library)
    {
        const HanjiRun run = hanji(library, { u"bookmark"_s, u"list"_s, u"--json"_s });
        [&] { QVERIFY2(run.exitCode == 0, run.err); }();
        return QJsonDocument::fromJson(run.out).array();
    }

    // A library with the samples imported and one bookmark with a note.
    void makeLibrary(const QString &library)
    {
        QCOMPARE(hanji(library, { u"import"_s, m_digests }).exitCode, 0);
        const HanjiRun added = hanji(library, { u"bookmark"_s, u"add"_s, u"1706.03762"_s, u"--note"_s, u"다시 읽기"_s });
        QVERIFY2(added.exitCode == 0, added.err);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), m_digests));
    }

    void aFullDiskIsNotDamage()
    {
        const QString mountPoint = m_dir.filePath(u"small-disk"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=3m"_s, u"tmpfs"_s, mountPoint }) != 0)
            QSKIP("cannot mount a small tmpfs here (needs root): the full-disk test is skipped");
        const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, { u"-l"_s, mountPoint }); });
        const QString library = mountPoint + u"/library"_s;
        makeLibrary(library);

        // Fill the disk to the last byte.
        QFile filler(mountPoint + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) { }
        filler.close();

        for (const QStringList &command : { QStringList { u"stats"_s }, QStringList { u"bookmark"_s, u"list"_s, u"--json"_s },
                                            QStringList { u"search"_s, u"모델"_s } }) {
            const HanjiRun run = hanji(library, command);
            QVERIFY2(!run.err.contains("damaged"), run.err);
            // Either it could still read, or it says why it could not: never an empty list.
            if (run.exitCode != 0)
                QVERIFY2(run.err.contains("disk is full"), run.err);
            else if (command.contains(u"list"_s))
                QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 1);
        }
        const HanjiRun add = hanji(library, { u"bookmark"_s, u"add"_s, u"2106.09685"_s });
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains("disk is full"), add.err);
        QVERIFY2(damagedCopies(library).isEmpty(), qPrintable(damagedCopies(library).join(u' ')));

        // Space again: the reading list is all there.
        QVERIFY(filler.remove());
        const QJsonArray kept = bookmarks(library);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.at(0).toObject().value(u"note"_s).toString(), u"다시 읽기"_s);
    }

    void aLockHeldByAnotherProgramIsNotDamage()
    {
        const QString library = m_dir.filePath(u"locked"_s);
        makeLibrary(library);
        // Another program takes the whole file for itself and keeps it past Hanji's wait.
        QProcess holder;
        holder.start(u"python3"_s, { u"-c"_s, uR"(
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA locking_mode = EXCLUSIVE")
c.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
)"_s, library + u"/userdata.sqlite"_s });
        QVERIFY(holder.waitForReadyRead(20000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("locked"));
        const auto release = qScopeGuard([&] { holder.kill(); holder.waitForFinished(); });

        for (const QStringList &command : { QStringList { u"stats"_s }, QStringList { u"bookmark"_s, u"add"_s, u"2106.09685"_s } }) {
            const HanjiRun run = hanji(library, command);
            QCOMPARE(run.exitCode, 1);
            const QByteArray pid = QByteArray::number(holder.processId());
            QVERIFY2(run.err.contains("in use by another program (PID " + pid + ")"), run.err);
        }
        QVERIFY2(damagedCopies(library).isEmpty(), qPrintable(damagedCopies(library).join(u' ')));
        holder.kill();
        holder.waitForFinished();
        QCOMPARE(bookmarks(library).size(), 1);
    }

    void anotherProgramsFileIsNeverModified_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addRow("its own tables") << QStringList { u"CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)"_s,
                                                         u"INSERT INTO notes(text) VALUES ('shopping list')"_s };
        QTest::addRow("its own bookmarks table") << QStringList { u"CREATE TABLE bookmarks(url TEXT, folder INTEGER)"_s,
                                                                  u"INSERT INTO bookmarks VALUES ('https://example.org', 3)"_s };
        QTest::addRow("schema version 2, other tables") << QStringList { u"CREATE TABLE items(x)"_s, u"PRAGMA user_version = 2"_s };
        QTest::addRow("another application id") << QStringList { u"PRAGMA application_id = 1234"_s,
                                                                 u"CREATE TABLE bookmarks(paper_id TEXT PRIMARY KEY, added_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')"_s,
                                                                 u"CREATE TABLE read_state(paper_id TEXT PRIMARY KEY, read_at TEXT NOT NULL)"_s,
                                                                 u"PRAGMA user_version = 1"_s };
    }

    void anotherProgramsFileIsNeverModified()
    {
        QFETCH(QStringList, statements);
        const QString library = m_dir.filePath(u"foreign-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(QDir().mkpath(library));
        const QString file = library + u"/userdata.sqlite"_s;
        QVERIFY(runSql(file, statements));
        const QByteArray before = sha1Of(file);
        for (const QStringList &command : { QStringList { u"stats"_s }, QStringList { u"bookmark"_s, u"add"_s, u"1706.03762"_s } }) {
            const HanjiRun run = hanji(library, command);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("is not Hanji's bookmarks file"), run.err);
            QVERIFY2(!run.err.contains("SQL") && !run.err.contains("already exists"), run.err);
        }
        QCOMPARE(sha1Of(file), before);
        QVERIFY(!QFileInfo::exists(file + u"-wal"_s));
        // Nothing beside it but the empty lock file Hanji opens under.
        QCOMPARE(QDir(library).entryList(QDir::Files), (QStringList { u"userdata.sqlite"_s, u"userdata.sqlite.open.lock"_s }));
        QCOMPARE(QFileInfo(library + u"/userdata.sqlite.open.lock"_s).size(), 0);
    }

    void aForeignIndexIsKeptAsideAndRebuilt()
    {
        const QString library = m_dir.filePath(u"foreign-index"_s);
        makeLibrary(library);
        const QString index = library + u"/index.sqlite"_s;
        QVERIFY(QFile::remove(index));
        QVERIFY(runSql(index, { u"CREATE TABLE photos(path TEXT)"_s, u"INSERT INTO photos VALUES ('/home/me/a.jpg')"_s }));
        const QByteArray before = sha1Of(index);
        const HanjiRun stats = hanji(library, { u"stats"_s, u"--json"_s });
        QVERIFY2(stats.exitCode == 0, stats.err);
        QVERIFY2(stats.err.contains("was not Hanji's index"), stats.err);
        const QStringList aside = QDir(library).entryList({ u"index.foreign-*.sqlite"_s });
        QCOMPARE(aside.size(), 1);
        QCOMPARE(sha1Of(library + u'/' + aside.constFirst()), before);
        QVERIFY(QJsonDocument::fromJson(stats.out).object().value(u"papers"_s).toInt() > 10); // rebuilt from the folder
    }

    void aDamagedIndexPageIsAnErrorThenRebuilt()
    {
        const QString library = m_dir.filePath(u"damaged-page"_s);
        makeLibrary(library);
        const HanjiRun healthy = hanji(library, { u"stats"_s, u"--json"_s });
        QCOMPARE(healthy.exitCode, 0);
        const QJsonObject expected = QJsonDocument::fromJson(healthy.out).object();
        const int papers = expected.value(u"papers"_s).toInt();
        QVERIFY(papers > 10);

        // Each command meets damage in a table it must read, as a bad sector would make it:
        // it fails, says so, and marks the index for rebuilding.
        const QString index = library + u"/index.sqlite"_s;
        const QString pristine = m_dir.filePath(u"pristine-index.sqlite"_s);
        QVERIFY(checkpointed(index));
        QVERIFY(QFile::copy(index, pristine));
        const QList<std::pair<QStringList, QString>> cases {
            { { u"search"_s, u"모델"_s }, u"papers"_s },
            { { u"export"_s, u"--format"_s, u"json"_s }, u"papers"_s },
            { { u"stats"_s }, u"entries"_s }, // votes_total reads every entry
        };
        for (const auto &[command, table] : cases) {
            QFile::remove(index);
            QFile::remove(index + u".damaged"_s);
            QVERIFY(QFile::copy(pristine, index));
            QVERIFY(damageRootPage(index, table));
            const HanjiRun run = hanji(library, command);
            QVERIFY2(run.exitCode == 1, qPrintable(command.join(u' ') + u": "_s + QString::fromUtf8(run.err))); // never a shorter answer
            QVERIFY2(run.err.contains("the index is damaged"), run.err);
            QVERIFY(run.out.isEmpty());
            QVERIFY(QFileInfo::exists(index + u".damaged"_s));
        }
        // The next command rebuilds it from the folder, and the reading list was never touched.
        const HanjiRun rebuilt = hanji(library, { u"stats"_s, u"--json"_s });
        QVERIFY2(rebuilt.exitCode == 0, rebuilt.err);
        QVERIFY2(rebuilt.err.contains("rebuilt"), rebuilt.err);
        QCOMPARE(QJsonDocument::fromJson(rebuilt.out).object().value(u"papers"_s).toInt(), papers);
        QCOMPARE(QJsonDocument::fromJson(rebuilt.out).object().value(u"votes_total"_s), expected.value(u"votes_total"_s));
        QCOMPARE(bookmarks(library).size(), 1);
    }

    void commandsStartingTogetherOnANewLibrary()
    {
        for (int round = 0; round < 8; ++round) {
            const QString library = m_dir.filePath(u"together-%1"_s.arg(round));
            QList<QProcess *> processes;
            const QList<QStringList> commands { { u"import"_s, m_digests }, { u"bookmark"_s, u"list"_s }, { u"stats"_s },
                                                { u"search"_s, u"모델"_s } };
            for (const QStringList &command : commands) {
                auto *process = new QProcess(this);
                process->start(QStringLiteral(HANJI_BINARY), command + QStringList { u"--library"_s, library });
                processes.append(process);
            }
            for (QProcess *process : std::as_const(processes)) {
                QVERIFY(process->waitForFinished(60000));
                const QByteArray err = process->readAllStandardError();
                QVERIFY2(process->exitCode() == 0, qPrintable(u"round %1, %2: %3"_s.arg(round).arg(process->arguments().constFirst(),
                                                                                                 QString::fromUtf8(err))));
                delete process;
            }
            const HanjiRun stats = hanji(library, { u"stats"_s, u"--json"_s });
            QCOMPARE(stats.exitCode, 0);
            QVERIFY2(QJsonDocument::fromJson(stats.out).object().value(u"papers"_s).toInt() > 10, stats.out);
        }
    }
};

QTEST_GUILESS_MAIN(TestDataSafety)

#include "tst_datasafety.moc"
