// What sync and the clocked user data cost: a year of read marks written, exported, merged
// into an empty library and synced again with nothing new. Prints a Markdown table.

#include "sqlutil.h"
#include "syncfolder.h"
#include "userdatabase.h"
#include "userstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

using namespace hanji;

void row(const char *what, const QString &value) { std::printf("| %-48s | %22s |\n", what, qPrintable(value)); }

double ms(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

struct Opened {
    QString connection;
    std::unique_ptr<UserStore> store;
};

Opened open(const QString &path)
{
    Opened opened { uniqueConnectionName(u"bench"_s), nullptr };
    Result<UserDatabase::Opened> db = UserDatabase::open(path, opened.connection);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    opened.store = std::make_unique<UserStore>(db->db);
    if (!opened.store->load())
        qFatal("cannot load");
    return opened;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int reads = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    const int bookmarks = reads / 10;
    QTemporaryDir dir;
    const QString shared = dir.filePath(u"shared"_s);
    std::printf("\n### Sync (%d read marks, %d bookmarks with notes)\n\n| measure | value |\n|---|---:|\n", reads, bookmarks);

    QStringList ids;
    for (int i = 0; i < reads; ++i)
        ids += u"24%1.%2"_s.arg(1 + i / 9000, 2, 10, QChar(u'0')).arg(10000 + i % 9000);
    Opened a = open(dir.filePath(u"a.sqlite"_s));
    QElapsedTimer timer;
    timer.start();
    if (!a.store->setRead(ids, true))
        qFatal("setRead failed");
    row("mark read, one call", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));
    timer.restart();
    if (!a.store->addBookmarks(ids.first(bookmarks), {}))
        qFatal("addBookmarks failed");
    for (int i = 0; i < 100; ++i)
        (void)a.store->setNote(ids[i], u"note %1"_s.arg(i));
    row("bookmark in one call, then 100 notes one by one", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));

    timer.restart();
    const Result<SyncReport> first = syncWithFolder(*a.store, shared);
    row("first sync (writes its file)", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));
    QFile file(syncfolder::fileOf(shared, a.store->machineId()));
    row("sync file size", u"%1 KiB"_s.arg(file.size() / 1024));
    timer.restart();
    (void)syncWithFolder(*a.store, shared);
    row("sync again, nothing new", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));

    Opened b = open(dir.filePath(u"b.sqlite"_s));
    timer.restart();
    const Result<SyncReport> into = syncWithFolder(*b.store, shared);
    row("sync into an empty library (takes everything)", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));
    if (!into || b.store->states().size() != a.store->states().size())
        qFatal("the empty library did not take everything");
    timer.restart();
    (void)syncWithFolder(*b.store, shared);
    row("sync again, two files, nothing new", u"%1 ms"_s.arg(ms(timer), 0, 'f', 0));
    a.store.reset();
    b.store.reset();
    closeSqlite(a.connection);
    closeSqlite(b.connection);
    return 0;
}
