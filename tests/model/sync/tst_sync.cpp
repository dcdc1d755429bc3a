#include "readinglistfile.h"
#include "savedsearchstore.h"
#include "sqlutil.h"
#include "syncfolder.h"
#include "testsupport.h"
#include "userdatabase.h"
#include "userdatafile.h"
#include "userstore.h"

#include <QDateTime>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// One library's user data on a connection of its own, as one machine holds it.
class Machine
{
public:
    explicit Machine(const QString &path)
        : m_connection(uniqueConnectionName(u"machine"_s))
    {
        Result<UserDatabase::Opened> opened = UserDatabase::open(path, m_connection);
        if (!opened)
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(opened.error().message));
        m_store = std::make_unique<UserStore>(opened->db);
        if (!m_store->load())
            qFatal("cannot load %s", qPrintable(path));
    }
    ~Machine()
    {
        m_store.reset();
        closeSqlite(m_connection);
    }
    UserStore &store() { return *m_store; }
    UserStore *operator->() { return m_store.get(); }
    SavedSearchStore searches() const { return SavedSearchStore(QSqlDatabase::database(m_connection)); }

    // The saved searches as a user sees them: each name with its query and filters.
    QString savedSearches() const
    {
        const Result<QList<SavedSearch>> all = searches().all();
        if (!all)
            return u"(error) "_s + all.error().message;
        QStringList lines;
        for (const SavedSearch &search : *all) {
            lines += u"%1: %2 votes %3..%4 dates %5..%6%7%8"_s.arg(search.name, search.query)
                         .arg(search.minVotes ? QString::number(*search.minVotes) : QString())
                         .arg(search.maxVotes ? QString::number(*search.maxVotes) : QString())
                         .arg(search.from.toString(Qt::ISODate), search.to.toString(Qt::ISODate))
                         .arg(search.bookmarkedOnly ? u" bookmarked"_s : QString(), search.unreadOnly ? u" unread"_s : QString());
        }
        return lines.join(u'\n');
    }

    // What a user sees, for comparing machines: bookmarks in order with note and tags, read papers.
    QString visible() const
    {
        QStringList lines;
        const Result<QStringList> ids = m_store->bookmarkIds();
        for (const QString &id : ids.value_or(QStringList { u"(error)"_s })) {
            const UserState state = m_store->state(id);
            lines += u"★ %1 [%2] {%3} %4"_s.arg(id, state.note, state.tags.join(u','), state.bookmarkedAt.toString(Qt::ISODateWithMs));
        }
        QStringList read;
        for (auto it = m_store->states().cbegin(); it != m_store->states().cend(); ++it) {
            if (it->read)
                read += it.key();
        }
        read.sort();
        return lines.join(u'\n') + u"\nread: "_s + read.join(u' ');
    }

private:
    QString m_connection;
    std::unique_ptr<UserStore> m_store;
};

UserField field(const QString &key, const QString &name, const QString &value, qint64 at, const QString &machine)
{
    return { paperfield::kind, key, name, value, at, machine };
}

QByteArray fileWith(const QString &machine, const QList<UserField> &fields)
{
    return toJson({ machine, machine + u"-host"_s, fields });
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Three machines' concurrent edits of the same papers, with equal times and a tie of machines.
QList<QList<UserField>> threeMachines()
{
    return {
        { field(u"p1"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 100, u"a"_s), field(u"p1"_s, u"note"_s, u"from a"_s, 300, u"a"_s),
          field(u"p2"_s, u"read"_s, u"2026-01-01T10:00:00.000Z"_s, 100, u"a"_s), field(u"p3"_s, u"tags"_s, u"x,y"_s, 250, u"a"_s) },
        { field(u"p1"_s, u"bookmarked"_s, QString(), 200, u"b"_s), field(u"p1"_s, u"note"_s, u"from b"_s, 300, u"b"_s),
          field(u"p2"_s, u"read"_s, QString(), 100, u"b"_s), field(u"p3"_s, u"tags"_s, u"z"_s, 240, u"b"_s) },
        { field(u"p1"_s, u"bookmarked"_s, u"2026-01-01T11:00:00.000Z"_s, 150, u"c"_s), field(u"p1"_s, u"note"_s, u"from c"_s, 299, u"c"_s),
          field(u"p4"_s, u"bookmarked"_s, u"2026-01-01T11:00:00.000Z"_s, 10, u"c"_s) },
    };
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeIsCommutativeAssociativeIdempotent()
    {
        const QList<QList<UserField>> machines = threeMachines();
        QList<int> order { 0, 1, 2 };
        QList<UserField> first;
        int permutations = 0;
        do {
            FieldSet set;
            for (int i : order)
                set.merge(machines[i]);
            if (permutations++ == 0)
                first = set.fields();
            QCOMPARE(set.fields(), first);
            set.merge(machines[order[1]]); // again: nothing changes
            QCOMPARE(set.fields(), first);
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(permutations, 6);
        // (a ∪ b) ∪ c == a ∪ (b ∪ c), merging merged sets
        FieldSet bc;
        bc.merge(machines[1]);
        bc.merge(machines[2]);
        FieldSet a;
        a.merge(machines[0]);
        a.merge(bc.fields());
        QCOMPARE(a.fields(), first);

        FieldSet result;
        result.merge(first);
        QCOMPARE(result.field(paperfield::kind, u"p1"_s, u"bookmarked"_s)->value, QString()); // b's removal is the latest
        QCOMPARE(result.field(paperfield::kind, u"p1"_s, u"note"_s)->value, u"from b"_s); // tie at 300: machine "b" > "a"
        QCOMPARE(result.field(paperfield::kind, u"p2"_s, u"read"_s)->value, QString()); // tie at 100: "b" > "a"
        QCOMPARE(result.field(paperfield::kind, u"p3"_s, u"tags"_s)->value, u"x,y"_s);
    }

    void threeLibrariesConvergeInEveryOrder()
    {
        QTemporaryDir dir;
        const QStringList names { u"laptop"_s, u"desktop"_s, u"office"_s };
        const QString shared = dir.filePath(u"template/shared"_s);
        QVERIFY(QDir().mkpath(shared));
        {
            Machine laptop(dir.filePath(u"template/laptop.sqlite"_s));
            Machine desktop(dir.filePath(u"template/desktop.sqlite"_s));
            Machine office(dir.filePath(u"template/office.sqlite"_s));
            QVERIFY(laptop->addBookmarks({ u"1706.03762"_s, u"2106.09685"_s }, {}));
            QVERIFY(laptop->setNote(u"1706.03762"_s, u"laptop note"_s));
            QVERIFY(laptop->setRead({ u"2106.09685"_s }, true));
            QVERIFY(syncWithFolder(laptop.store(), shared));
            QVERIFY(syncWithFolder(desktop.store(), shared)); // desktop sees laptop's
            QVERIFY(desktop->setTags(u"2106.09685"_s, { u"lora"_s, u"fine-tuning"_s }));
            QVERIFY(desktop->removeBookmarks({ u"1706.03762"_s }));
            QVERIFY(desktop->setRead({ u"2106.09685"_s }, false));
            QVERIFY(office->addBookmarks({ u"2312.00752"_s }, { { u"2312.00752"_s, { u"Mamba"_s, u"https://arxiv.org/abs/2312.00752"_s } } }));
            QVERIFY(office->setRead({ u"2312.00752"_s, u"1810.04805"_s }, true));
            QVERIFY(laptop->setNote(u"2106.09685"_s, u"laptop, later"_s));
            QVERIFY(syncWithFolder(desktop.store(), shared));
            QVERIFY(syncWithFolder(office.store(), shared));
        }
        // Each order starts from the same files and syncs each machine twice round.
        QList<int> order { 0, 1, 2 };
        QString agreed;
        int runs = 0;
        do {
            const QString run = dir.filePath(u"run%1"_s.arg(runs++));
            QVERIFY(copyFolder(dir.filePath(u"template"_s), run));
            std::vector<std::unique_ptr<Machine>> machines;
            for (const QString &name : names)
                machines.push_back(std::make_unique<Machine>(run + u'/' + name + u".sqlite"_s));
            for (int round = 0; round < 2; ++round) {
                for (int i : order) {
                    const Result<SyncReport> report = syncWithFolder(machines[i]->store(), run + u"/shared"_s);
                    QVERIFY2(report, errorOf(report));
                    QVERIFY(report->skipped.isEmpty());
                }
            }
            for (const auto &machine : machines) {
                if (agreed.isEmpty())
                    agreed = machine->visible();
                QCOMPARE(machine->visible(), agreed);
            }
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(runs, 6);
        // The state they agree on is the one the edits say.
        QVERIFY2(!agreed.contains(u"1706.03762"_s), qPrintable(agreed)); // removed on desktop after it saw it: not resurrected
        QVERIFY2(agreed.contains(u"★ 2106.09685 [laptop, later] {lora,fine-tuning}"_s), qPrintable(agreed));
        QVERIFY2(agreed.contains(u"★ 2312.00752 [] {}"_s), qPrintable(agreed));
        QVERIFY2(agreed.endsWith(u"read: 1810.04805 2312.00752"_s), qPrintable(agreed)); // 2106.09685 unread again
    }

    void removalIsNotResurrectedByAnOlderFile()
    {
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"shared"_s);
        Machine a(dir.filePath(u"a.sqlite"_s));
        Machine b(dir.filePath(u"b.sqlite"_s));
        QVERIFY(a->addBookmarks({ u"2401.00001"_s }, {}));
        QVERIFY(a->setNote(u"2401.00001"_s, u"keep?"_s));
        QVERIFY(syncWithFolder(a.store(), shared));
        const QByteArray aBefore = readFile(syncfolder::fileOf(shared, a->machineId()));
        QVERIFY(syncWithFolder(b.store(), shared));
        QVERIFY(b->state(u"2401.00001"_s).bookmarked);
        QVERIFY(b->removeBookmarks({ u"2401.00001"_s }));
        QVERIFY(syncWithFolder(b.store(), shared));
        // a's old file (still saying "bookmarked") is read again and again, also as a conflict copy
        QVERIFY(writeFile(QDir(syncfolder::directory(shared)).filePath(a->machineId() + u" (conflicted copy 2026-12-01).json"_s), aBefore));
        QVERIFY(syncWithFolder(a.store(), shared));
        QVERIFY(syncWithFolder(b.store(), shared));
        QVERIFY(syncWithFolder(a.store(), shared));
        QVERIFY(!a->state(u"2401.00001"_s).bookmarked);
        QVERIFY(!b->state(u"2401.00001"_s).bookmarked);
        QCOMPARE(a->state(u"2401.00001"_s).note, QString());
        // Bookmarked again later, it stays bookmarked: the tombstone is older.
        QVERIFY(a->addBookmarks({ u"2401.00001"_s }, {}));
        QVERIFY(syncWithFolder(a.store(), shared));
        QVERIFY(syncWithFolder(b.store(), shared));
        QVERIFY(b->state(u"2401.00001"_s).bookmarked);
    }

    void clockSkewDoesNotLoseAnEditMadeAfterSeeingIt()
    {
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"shared"_s);
        Machine b(dir.filePath(u"b.sqlite"_s));
        QVERIFY(b->addBookmarks({ u"2401.00002"_s }, {}));
        QVERIFY(syncWithFolder(b.store(), shared));
        // A machine whose clock runs five minutes ahead wrote a note.
        const qint64 skew = 5 * 60 * 1000;
        const qint64 fastNow = QDateTime::currentMSecsSinceEpoch() + skew;
        const QString fastFile = syncfolder::fileOf(shared, u"fast"_s);
        QVERIFY(writeFile(fastFile, fileWith(u"fast"_s, { field(u"2401.00002"_s, u"note"_s, u"fast clock"_s, fastNow, u"fast"_s) })));
        const Result<SyncReport> seen = syncWithFolder(b.store(), shared);
        QVERIFY(seen);
        QCOMPARE(b->state(u"2401.00002"_s).note, u"fast clock"_s);
        QCOMPARE(seen->incoming.size(), 1);
        QCOMPARE(seen->incoming[0].from, u"fast-host"_s);
        QCOMPARE(seen->incoming[0].notes, 1);
        // b edits after seeing it, on its slower clock: the edit is stamped after the one it saw.
        QVERIFY(b->setNote(u"2401.00002"_s, u"slow clock, newer"_s));
        QVERIFY(syncWithFolder(b.store(), shared));
        QCOMPARE(b->state(u"2401.00002"_s).note, u"slow clock, newer"_s);
        const Result<UserDataFile> written = readUserDataFile(syncfolder::fileOf(shared, b->machineId()));
        QVERIFY(written);
        FieldSet set;
        set.merge(written->fields);
        QVERIFY(set.field(paperfield::kind, u"2401.00002"_s, u"note"_s)->at > fastNow);
        // A third machine merging both files in either order gets b's note.
        for (const bool fastFirst : { true, false }) {
            FieldSet third;
            const QList<UserField> fast = readUserDataFile(fastFile)->fields;
            third.merge(fastFirst ? fast : written->fields);
            third.merge(fastFirst ? written->fields : fast);
            QCOMPARE(third.field(paperfield::kind, u"2401.00002"_s, u"note"_s)->value, u"slow clock, newer"_s);
        }
    }

    void damagedFilesAreSkippedAndKept_data()
    {
        QTest::addColumn<QByteArray>("damage");
        const QByteArray whole = fileWith(u"m2"_s, { field(u"2401.00003"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m2"_s),
                                                    field(u"2401.00004"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m2"_s) });
        QTest::addRow("cut in half") << whole.first(whole.size() / 2);
        QTest::addRow("cut before the last brace") << whole.first(whole.lastIndexOf('}'));
        QTest::addRow("empty (half-synced)") << QByteArray();
        QTest::addRow("not JSON") << QByteArray("\x00\x01garbage", 9);
        QByteArray wrongTime = whole;
        wrongTime.replace("2026-01-01T10:00:00.000Z", "yesterday");
        QTest::addRow("a time that is not one") << wrongTime;
        QByteArray noClock = whole;
        noClock.replace("\"at\"", "\"when\"");
        QTest::addRow("a field with no clock") << noClock;
        QTest::addRow("another format") << QByteArray(R"({"format": "something-else", "version": 1})");
    }

    void damagedFilesAreSkippedAndKept()
    {
        QFETCH(QByteArray, damage);
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"shared"_s);
        const QString good = syncfolder::fileOf(shared, u"m1"_s);
        const QString bad = syncfolder::fileOf(shared, u"m2"_s);
        QVERIFY(writeFile(good, fileWith(u"m1"_s, { field(u"2401.00005"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m1"_s) })));
        QVERIFY(writeFile(bad, damage));
        Machine a(dir.filePath(u"a.sqlite"_s));
        const Result<SyncReport> report = syncWithFolder(a.store(), shared);
        QVERIFY2(report, errorOf(report));
        QCOMPARE(report->skipped.size(), 1);
        QVERIFY2(report->skipped[0].startsWith(bad + u": "_s), qPrintable(report->skipped[0]));
        QCOMPARE(report->filesRead, 1);
        QVERIFY(a->state(u"2401.00005"_s).bookmarked); // the good file still merged
        QVERIFY(!a->state(u"2401.00003"_s).bookmarked); // nothing of the damaged one
        QCOMPARE(readFile(bad), damage); // left as it was
    }

    void conflictCopiesAreMerged()
    {
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"shared"_s);
        const QString folder = syncfolder::directory(shared);
        QVERIFY(writeFile(folder + u"/m1.json"_s, fileWith(u"m1"_s, { field(u"2401.00006"_s, u"read"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m1"_s) })));
        QVERIFY(writeFile(folder + u"/m1.sync-conflict-20261201-101500-ABCDEFG.json"_s,
                          fileWith(u"m1"_s, { field(u"2401.00007"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m1"_s) })));
        QVERIFY(writeFile(folder + u"/m1 (conflicted copy 2026-12-01).json"_s,
                          fileWith(u"m1"_s, { field(u"2401.00008"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, 5, u"m1"_s) })));
        QVERIFY(writeFile(folder + u"/.syncthing.m1.json.tmp"_s, "{ half"));
        Machine a(dir.filePath(u"a.sqlite"_s));
        const Result<SyncReport> report = syncWithFolder(a.store(), shared);
        QVERIFY2(report, errorOf(report));
        QCOMPARE(report->filesRead, 3);
        QVERIFY(report->skipped.isEmpty());
        QVERIFY(a->state(u"2401.00006"_s).read);
        QVERIFY(a->state(u"2401.00007"_s).bookmarked);
        QVERIFY(a->state(u"2401.00008"_s).bookmarked);
        QVERIFY(report->wrote);
        QVERIFY(QFileInfo::exists(syncfolder::fileOf(shared, a->machineId())));
        // Nothing new: the own file is not written again (a sync tool would carry it for nothing).
        const Result<SyncReport> again = syncWithFolder(a.store(), shared);
        QVERIFY(again);
        QVERIFY(!again->wrote);
        QVERIFY(again->incoming.isEmpty());
    }

    void replaceMakesTheDataTheFilesAndWins()
    {
        QTemporaryDir dir;
        Machine a(dir.filePath(u"a.sqlite"_s));
        QVERIFY(a->addBookmarks({ u"2401.00009"_s, u"2401.00010"_s }, {}));
        QVERIFY(a->setRead({ u"2401.00009"_s }, true));
        const QList<UserField> wanted { field(u"2401.00010"_s, u"bookmarked"_s, u"2020-01-01T00:00:00.000Z"_s, 1, u"old"_s),
                                        field(u"2401.00010"_s, u"note"_s, u"from the backup"_s, 1, u"old"_s) };
        const Result<QString> backup = a->backUp(u"import"_s);
        QVERIFY2(backup, errorOf(backup));
        QVERIFY(QFileInfo(*backup).size() > 0);
        QVERIFY(a->replaceFields(wanted));
        QCOMPARE(a->bookmarkIds().value(), QStringList { u"2401.00010"_s });
        QCOMPARE(a->state(u"2401.00010"_s).note, u"from the backup"_s);
        QVERIFY(!a->state(u"2401.00009"_s).read);
        // The replaced values carry new clocks, so merging the old data back changes nothing.
        Machine old(*backup);
        const Result<QList<UserField>> before = old->fields();
        QVERIFY(before);
        QVERIFY(a->mergeFields(*before));
        QCOMPARE(a->bookmarkIds().value(), QStringList { u"2401.00010"_s });
    }

    void importOnlyAdds()
    {
        QTemporaryDir dir;
        Machine a(dir.filePath(u"a.sqlite"_s));
        QVERIFY(a->addBookmarks({ u"2401.00020"_s, u"2401.00021"_s }, {}));
        QVERIFY(a->setNote(u"2401.00020"_s, u"mine"_s));
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 60'000;
        const QList<UserField> file { field(u"2401.00020"_s, u"note"_s, u"theirs, newer"_s, later, u"z"_s),
                                      field(u"2401.00021"_s, u"bookmarked"_s, QString(), later, u"z"_s),
                                      field(u"2401.00021"_s, u"tags"_s, u"new"_s, later, u"z"_s),
                                      field(u"2401.00022"_s, u"read"_s, u"2026-01-01T10:00:00.000Z"_s, later, u"z"_s) };
        const Result<QList<UserField>> taken = a->mergeFields(file, UserStore::Merge::OnlyAdd);
        QVERIFY2(taken, errorOf(taken));
        QCOMPARE(taken->size(), 2); // the tags where there were none, the read mark
        QCOMPARE(a->state(u"2401.00020"_s).note, u"mine"_s);
        QVERIFY(a->state(u"2401.00021"_s).bookmarked);
        QCOMPARE(a->state(u"2401.00021"_s).tags, QStringList { u"new"_s });
        QVERIFY(a->state(u"2401.00022"_s).read);
        // Sync, by contrast, lets the newer change win.
        QVERIFY(a->mergeFields(file));
        QCOMPARE(a->state(u"2401.00020"_s).note, u"theirs, newer"_s);
        QVERIFY(!a->state(u"2401.00021"_s).bookmarked);
    }

    void migrationGivesExistingDataClocksFromItsTimes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"userdata.sqlite"_s);
        {
            QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
            old.setDatabaseName(path);
            QVERIFY(old.open());
            QSqlQuery query(old);
            for (int version = 1; version <= 2; ++version) {
                for (const QString &statement : UserDatabase::migrationTo(version))
                    QVERIFY2(query.exec(statement), qPrintable(statement));
            }
            QVERIFY(query.exec(u"INSERT INTO bookmarks(paper_id, added_at, note, tags, title) VALUES "
                               "('1706.03762', '2024-01-02T03:04:05.678Z', 'old note', 'a,b', 'Attention')"_s));
            QVERIFY(query.exec(u"INSERT INTO read_state(paper_id, read_at) VALUES ('2106.09685', '2024-02-01T00:00:00.000Z')"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 2"_s));
            old.close();
        }
        QSqlDatabase::removeDatabase(u"v2"_s);
        Machine a(path);
        QCOMPARE(a->machineId().size(), 16);
        QCOMPARE(a->state(u"1706.03762"_s).note, u"old note"_s);
        FieldSet set;
        set.merge(a->fields().value());
        const qint64 added = QDateTime::fromString(u"2024-01-02T03:04:05.678Z"_s, Qt::ISODateWithMs).toMSecsSinceEpoch();
        QCOMPARE(set.field(paperfield::kind, u"1706.03762"_s, u"bookmarked"_s)->at, added);
        QCOMPARE(set.field(paperfield::kind, u"1706.03762"_s, u"note"_s)->value, u"old note"_s);
        QCOMPARE(set.field(paperfield::kind, u"1706.03762"_s, u"tags"_s)->value, u"a,b"_s);
        QCOMPARE(set.field(paperfield::kind, u"1706.03762"_s, u"title"_s)->machine, a->machineId());
        QCOMPARE(set.field(paperfield::kind, u"2106.09685"_s, u"read"_s)->at,
                 QDateTime::fromString(u"2024-02-01T00:00:00.000Z"_s, Qt::ISODateWithMs).toMSecsSinceEpoch());
        // The id is made once: the same after opening again.
        const QString id = a->machineId();
        Machine again(path);
        QCOMPARE(again->machineId(), id);
    }

    void savedSearchesSyncAddRenameRemove()
    {
        QTemporaryDir dir;
        const QString shared = dir.filePath(u"shared"_s);
        Machine a(dir.filePath(u"a.sqlite"_s));
        Machine b(dir.filePath(u"b.sqlite"_s));
        const SavedSearch diffusion { .name = u"diffusion"_s, .query = u"diffusion model"_s, .minVotes = 10, .maxVotes = 200,
                                      .from = QDate(2024, 3, 1), .to = QDate(2024, 6, 30), .bookmarkedOnly = true,
                                      .unreadOnly = true };
        QVERIFY(a.searches().save(diffusion));
        QVERIFY(a.searches().save({ .name = u"agents"_s, .query = u"agent"_s }));
        QVERIFY(syncWithFolder(a.store(), shared));
        const Result<SyncReport> report = syncWithFolder(b.store(), shared);
        QVERIFY2(report, errorOf(report));
        QCOMPARE(report->incoming.size(), 1);
        QCOMPARE(report->incoming[0].searches, 2);
        QCOMPARE(report->incoming[0].other, 0);
        QCOMPARE(b.searches().find(u"diffusion"_s).value(), std::optional(diffusion)); // every filter came
        QCOMPARE(b.savedSearches(), a.savedSearches());
        const QByteArray bBefore = readFile(syncfolder::fileOf(shared, b->machineId()));

        // Renamed on b: renamed on a, the old name gone.
        QVERIFY(b.searches().rename(u"diffusion"_s, u"diffusion 2024"_s));
        QVERIFY(syncWithFolder(b.store(), shared));
        QVERIFY(syncWithFolder(a.store(), shared));
        QCOMPARE(a.searches().find(u"diffusion"_s).value(), std::nullopt);
        SavedSearch renamed = diffusion;
        renamed.name = u"diffusion 2024"_s;
        QCOMPARE(a.searches().find(u"diffusion 2024"_s).value(), std::optional(renamed));

        // Removed on a: b's older file, read again as a conflict copy, does not bring it back.
        QVERIFY(a.searches().remove(u"agents"_s));
        QVERIFY(syncWithFolder(a.store(), shared));
        QVERIFY(writeFile(QDir(syncfolder::directory(shared)).filePath(b->machineId() + u".sync-conflict-20261201-000000-XYZ.json"_s),
                          bBefore));
        for (int round = 0; round < 2; ++round) {
            QVERIFY(syncWithFolder(b.store(), shared));
            QVERIFY(syncWithFolder(a.store(), shared));
        }
        QCOMPARE(a.searches().find(u"agents"_s).value(), std::nullopt);
        QCOMPARE(b.searches().find(u"agents"_s).value(), std::nullopt);
        QCOMPARE(a.searches().find(u"diffusion"_s).value(), std::nullopt); // nor the old name
        QCOMPARE(b.savedSearches(), u"diffusion 2024: diffusion model votes 10..200 dates 2024-03-01..2024-06-30 bookmarked unread"_s);
        QCOMPARE(a.savedSearches(), b.savedSearches());
        // Saved again later, it stays: the tombstone is older.
        QVERIFY(b.searches().save({ .name = u"agents"_s, .query = u"agent tool"_s }));
        QVERIFY(syncWithFolder(b.store(), shared));
        QVERIFY(syncWithFolder(a.store(), shared));
        QCOMPARE(a.searches().find(u"agents"_s).value()->query, u"agent tool"_s);
    }

    void concurrentSavedSearchEditsConvergeInEveryOrder()
    {
        QTemporaryDir dir;
        const QStringList names { u"laptop"_s, u"desktop"_s, u"office"_s };
        const QString shared = dir.filePath(u"template/shared"_s);
        QVERIFY(QDir().mkpath(shared));
        {
            Machine laptop(dir.filePath(u"template/laptop.sqlite"_s));
            Machine desktop(dir.filePath(u"template/desktop.sqlite"_s));
            Machine office(dir.filePath(u"template/office.sqlite"_s));
            QVERIFY(laptop.searches().save({ .name = u"rl"_s, .query = u"reinforcement"_s }));
            QVERIFY(laptop.searches().save({ .name = u"gone"_s, .query = u"to remove"_s }));
            QVERIFY(syncWithFolder(laptop.store(), shared));
            QVERIFY(syncWithFolder(desktop.store(), shared));
            QVERIFY(syncWithFolder(office.store(), shared));
            // Unsynced, each edits the same names.
            QVERIFY(desktop.searches().save({ .name = u"rl"_s, .query = u"rlhf"_s, .minVotes = 5 }));
            QTest::qWait(2); // a later clock than desktop's
            QVERIFY(office.searches().save({ .name = u"rl"_s, .query = u"reward model"_s, .unreadOnly = true }));
            QVERIFY(laptop.searches().remove(u"gone"_s));
            QTest::qWait(2);
            QVERIFY(desktop.searches().rename(u"gone"_s, u"kept"_s));
            QVERIFY(office.searches().save({ .name = u"same"_s, .query = u"from office"_s }));
            QTest::qWait(2);
            QVERIFY(laptop.searches().save({ .name = u"same"_s, .query = u"from laptop"_s, .maxVotes = 3 }));
        }
        QList<int> order { 0, 1, 2 };
        QString agreed;
        int runs = 0;
        do {
            const QString run = dir.filePath(u"run%1"_s.arg(runs++));
            QVERIFY(copyFolder(dir.filePath(u"template"_s), run));
            std::vector<std::unique_ptr<Machine>> machines;
            for (const QString &name : names)
                machines.push_back(std::make_unique<Machine>(run + u'/' + name + u".sqlite"_s));
            for (int round = 0; round < 2; ++round) {
                for (int i : order)
                    QVERIFY(syncWithFolder(machines[i]->store(), run + u"/shared"_s));
            }
            for (const auto &machine : machines) {
                if (agreed.isEmpty())
                    agreed = machine->savedSearches();
                QCOMPARE(machine->savedSearches(), agreed);
            }
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(runs, 6);
        const QStringList lines = agreed.split(u'\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(!agreed.contains(u"gone"_s), qPrintable(agreed)); // removed on laptop, and renamed away on desktop
        QCOMPARE(lines[0], u"kept: to remove votes .. dates .."_s);
        // office's save was the last, and wins whole: not desktop's --min-votes 5 with office's query
        QCOMPARE(lines[1], u"rl: reward model votes .. dates .. unread"_s);
        QCOMPARE(lines[2], u"same: from laptop votes ..3 dates .."_s); // laptop saved "same" after office
    }

    void savedSearchesFromBeforeSyncGetClocksOnOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"userdata.sqlite"_s);
        {
            Machine a(path); // the schema as it is
        }
        {
            // A search saved by a Hanji that did not sync them: a row without fields.
            QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"unclocked"_s);
            old.setDatabaseName(path);
            QVERIFY(old.open());
            QSqlQuery query(old);
            QVERIFY(query.exec(u"INSERT INTO saved_searches(name, query, min_votes, max_votes, date_from, date_to, bookmarked, "
                               "unread, added_at) VALUES ('old one', 'mamba', 7, NULL, '2024-01-01', '', 0, 1, "
                               "'2024-05-06T07:08:09.010Z')"_s));
            old.close();
        }
        QSqlDatabase::removeDatabase(u"unclocked"_s);
        Machine a(path);
        FieldSet set;
        set.merge(a->fields().value());
        QCOMPARE(set.field(searchfield::kind, u"old one"_s, searchfield::saved)->value, u"2024-05-06T07:08:09.010Z"_s);
        QCOMPARE(set.field(searchfield::kind, u"old one"_s, searchfield::minVotes)->value, u"7"_s);
        QCOMPARE(set.field(searchfield::kind, u"old one"_s, searchfield::query)->machine, a->machineId());
        const qint64 at = set.field(searchfield::kind, u"old one"_s, searchfield::query)->at;
        {
            Machine again(path); // clocked once: opening again changes nothing
            FieldSet later;
            later.merge(again->fields().value());
            QCOMPARE(later.field(searchfield::kind, u"old one"_s, searchfield::query)->at, at);
        }
        Machine b(dir.filePath(u"b.sqlite"_s));
        QVERIFY(syncWithFolder(a.store(), dir.filePath(u"shared"_s)));
        QVERIFY(syncWithFolder(b.store(), dir.filePath(u"shared"_s)));
        QCOMPARE(b.savedSearches(), u"old one: mamba votes 7.. dates 2024-01-01.. unread"_s);
    }

    void fileFormRoundTrips()
    {
        const QList<UserField> fields { field(u"2401.00011"_s, u"note"_s, u"한글 \"따옴표\"\n줄"_s, 1764629400123, u"m"_s),
                                        { u"search"_s, u"diffusion"_s, u"query"_s, u"diffusion --min-votes 5"_s, 7, u"m"_s } };
        const QByteArray bytes = fileWith(u"m"_s, fields);
        const Result<UserDataFile> parsed = parseUserDataFile(bytes);
        QVERIFY2(parsed, errorOf(parsed));
        FieldSet expected;
        expected.merge(fields);
        FieldSet got;
        got.merge(parsed->fields);
        QCOMPARE(got.fields(), expected.fields());
        QCOMPARE(parsed->name, u"m-host"_s);
        QVERIFY(bytes.contains("\"format\":\"hanji-userdata\""));
    }

    void readingListsInEveryForm_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("form");
        QTest::addColumn<QStringList>("references");
        QTest::addColumn<QStringList>("titles");
        QTest::addRow("text") << QByteArray("# papers to read\n2401.04088\nhttps://arxiv.org/abs/1706.03762v7\n"
                                            "arXiv:2106.09685v2 LoRA, again\n\nhttps://huggingface.co/papers/2312.00752\n"
                                            "https://example.org/a-paper\nnot a paper\n")
                              << int(ReadingList::Form::Text)
                              << QStringList { u"2401.04088"_s, u"1706.03762"_s, u"2106.09685"_s, u"2312.00752"_s, u"https://example.org/a-paper"_s }
                              << QStringList { QString(), QString(), u"LoRA, again"_s, QString(), QString() };
        QTest::addRow("bibtex") << QByteArray("@comment{exported by hand}\n"
                                              "@misc{one, title = {{LLaVA}: Visual Instruction \\& Tuning}, eprint = {2304.08485}, archivePrefix = {arXiv}}\n"
                                              "@article{two,\n  title = \"A DOI only\",\n  doi = {10.48550/arXiv.2401.00012},\n}\n"
                                              "@online{three, title={By link}, url={https://arxiv.org/pdf/2401.00013v3}}\n"
                                              "@book{four, title={No link at all}}\n")
                                << int(ReadingList::Form::BibTeX)
                                << QStringList { u"2304.08485"_s, u"2401.00012"_s, u"2401.00013"_s }
                                << QStringList { u"LLaVA: Visual Instruction & Tuning"_s, u"A DOI only"_s, u"By link"_s };
        QTest::addRow("ris") << QByteArray("TY  - GEN\r\nTI  - From a URL\r\nUR  - https://arxiv.org/abs/2401.00014\r\nER  - \r\n"
                                           "TY  - JOUR\r\nT1  - From a DOI\r\nDO  - 10.48550/arXiv.2401.00015\r\nER  -\r\n"
                                           "TY  - ELEC\r\nTI  - Off arXiv\r\nUR  - https://example.org/paper\r\nER  - \r\n"
                                           "TY  - BOOK\r\nTI  - Nothing to find it by\r\nER  - \r\n")
                             << int(ReadingList::Form::Ris)
                             << QStringList { u"2401.00014"_s, u"2401.00015"_s, u"https://example.org/paper"_s }
                             << QStringList { u"From a URL"_s, u"From a DOI"_s, u"Off arXiv"_s };
    }

    void readingListsInEveryForm()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, form);
        QFETCH(QStringList, references);
        QFETCH(QStringList, titles);
        const ReadingList list = parseReadingList(bytes);
        QCOMPARE(int(list.form), form);
        QStringList gotReferences;
        QStringList gotTitles;
        for (const ListedPaper &paper : list.papers) {
            gotReferences += paper.reference;
            gotTitles += paper.title;
        }
        QCOMPARE(gotReferences, references);
        QCOMPARE(gotTitles, titles);
        QCOMPARE(list.skipped.size(), 1); // "not a paper", "@book{four", the RIS book: each form has one
    }
};

} // namespace hanji

QTEST_GUILESS_MAIN(hanji::TestSync)
#include "tst_sync.moc"
