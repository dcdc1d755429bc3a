#include "userdatabase.h"

#include "logging.h"
#include "sqlitefile.h"
#include "sqlutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Each entry brings the schema from its index to index + 1. Append; never edit one that shipped.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps {
        // 0 -> 1: bookmarks and read state
        { u"CREATE TABLE bookmarks(paper_id TEXT PRIMARY KEY, added_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')"_s,
          u"CREATE TABLE read_state(paper_id TEXT PRIMARY KEY, read_at TEXT NOT NULL)"_s },
        // 1 -> 2: tags on bookmarks, the library's folders, small settings such as the last paper opened
        // Title and link are kept with a bookmark so the reading list reads well even when
        // the digest that listed the paper is gone.
        { u"ALTER TABLE bookmarks ADD COLUMN tags TEXT NOT NULL DEFAULT ''"_s,
          u"ALTER TABLE bookmarks ADD COLUMN title TEXT NOT NULL DEFAULT ''"_s,
          u"ALTER TABLE bookmarks ADD COLUMN url TEXT NOT NULL DEFAULT ''"_s,
          u"CREATE TABLE folders(path TEXT PRIMARY KEY, added_at TEXT NOT NULL)"_s,
          u"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s },
        // 2 -> 3: when each paper first arrived (what is new survives a rebuilt index), saved searches.
        // An empty arrived_at: the paper was there before Hanji kept track, never "new".
        { u"CREATE TABLE paper_arrivals(paper_id TEXT PRIMARY KEY, arrived_at TEXT NOT NULL)"_s,
          u"CREATE INDEX paper_arrivals_by_time ON paper_arrivals(arrived_at)"_s,
          u"CREATE TABLE saved_searches(name TEXT PRIMARY KEY, query TEXT NOT NULL, min_votes INTEGER, "
          "max_votes INTEGER, date_from TEXT NOT NULL DEFAULT '', date_to TEXT NOT NULL DEFAULT '', "
          "bookmarked INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL)"_s },
        // 3 -> 4: every field of the user's data with the clock of its last change (time and
        // machine), removals included, for sync and user-data import; this machine's id, made
        // once. What exists takes its clocks from the times it stored.
        { u"CREATE TABLE fields(kind TEXT NOT NULL, key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, "
          "at INTEGER NOT NULL, machine TEXT NOT NULL, PRIMARY KEY(kind, key, field)) WITHOUT ROWID"_s,
          u"INSERT OR IGNORE INTO settings(key, value) VALUES ('sync.machine', lower(hex(randomblob(8))))"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'bookmarked', added_at, COALESCE(CAST(ROUND((julianday(added_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM bookmarks"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'note', note, COALESCE(CAST(ROUND((julianday(added_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM bookmarks"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'tags', tags, COALESCE(CAST(ROUND((julianday(added_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM bookmarks"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'title', title, COALESCE(CAST(ROUND((julianday(added_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM bookmarks"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'url', url, COALESCE(CAST(ROUND((julianday(added_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM bookmarks"_s,
          u"INSERT OR IGNORE INTO fields SELECT 'paper', paper_id, 'read', read_at, COALESCE(CAST(ROUND((julianday(read_at) - 2440587.5) * 86400000) AS INTEGER), 0), (SELECT value FROM settings WHERE key = 'sync.machine') FROM read_state"_s },
    };
    return steps;
}

// The tables each schema version has: a file with exactly these and no application id is
// Hanji's, from before it marked its files.
QStringList tablesOfVersion(int version)
{
    if (version == 1)
        return { u"bookmarks"_s, u"read_state"_s };
    if (version == 2)
        return { u"bookmarks"_s, u"folders"_s, u"read_state"_s, u"settings"_s };
    if (version == 3)
        return { u"bookmarks"_s, u"fields"_s, u"folders"_s, u"read_state"_s, u"settings"_s };
    return {};
}

enum class Found { Fresh, Ours, Damaged, Foreign };

// Only SQLITE_CORRUPT / SQLITE_NOTADB, or problems integrity_check lists, are damage. A full
// disk, a lock held by another program or an unreadable file is an error to report, with
// the file left exactly where it is.
Result<Found> inspect(const QSqlDatabase &db, const QString &path)
{
    const auto reading = [&](const Error &error) -> Result<Found> {
        if (error.kind == Error::Kind::Corrupt)
            return Found::Damaged;
        return failure(explainFailure(error, path));
    };
    const Result<qint32> id = applicationId(db);
    if (!id)
        return reading(id.error());
    const Result<QStringList> tables = tableNames(db);
    if (!tables)
        return reading(tables.error());
    const Result<QVariant> version = querySingle(db, u"PRAGMA user_version"_s);
    if (!version)
        return reading(version.error());
    if (*id != kUserDataApplicationId) {
        if (*id != 0)
            return Found::Foreign;
        if (!tables->isEmpty() && *tables != tablesOfVersion(version->toInt()))
            return Found::Foreign;
    }
    if (tables->isEmpty())
        return Found::Fresh;
    QSqlQuery check(db);
    if (!check.exec(u"PRAGMA integrity_check"_s))
        return reading(sqlError(check, u"cannot check your bookmarks file"_s));
    bool healthy = true;
    while (check.next())
        healthy = healthy && check.value(0).toString() == u"ok"_s;
    if (check.lastError().isValid())
        return reading(sqlError(check, u"cannot check your bookmarks file"_s));
    return healthy ? Found::Ours : Found::Damaged;
}

Result<> backUp(const QSqlDatabase &db, const QString &path, int version)
{
    // A consistent copy, even while another connection writes (WAL).
    const QFileInfo info(path);
    const QString backup = info.dir().filePath(u"%1.backup-v%2-%3.sqlite"_s.arg(info.completeBaseName()).arg(version)
                                                   .arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s)));
    QSqlQuery copy = prepared(db, u"VACUUM INTO ?"_s);
    copy.addBindValue(backup);
    if (Result<> done = run(copy, u"could not back up the user data before upgrading it"_s); !done)
        return done;
    qCInfo(lcLibrary) << "backed up user data to" << backup;
    return {};
}

// Brings the file to the current schema and marks it as Hanji's, in one transaction under
// the write lock, deciding from the version read under that lock: two processes starting
// together on a new library must not both create its tables.
Result<> migrate(const QSqlDatabase &db, const QString &path, int seenVersion)
{
    if (seenVersion > 0) {
        if (Result<> saved = backUp(db, path, seenVersion); !saved)
            return saved;
    }
    if (Result<> locked = execSql(db, u"BEGIN IMMEDIATE"_s); !locked)
        return locked;
    Result<> done = [&]() -> Result<> {
        const Result<QVariant> version = querySingle(db, u"PRAGMA user_version"_s);
        if (!version)
            return failure(version.error());
        for (int next = version->toInt() + 1; next <= UserDatabase::schemaVersion(); ++next) {
            for (const QString &statement : UserDatabase::migrationTo(next)) {
                if (Result<> applied = execSql(db, statement); !applied)
                    return applied;
            }
        }
        if (Result<> marked = execSql(db, u"PRAGMA application_id = %1"_s.arg(kUserDataApplicationId)); !marked)
            return marked;
        return execSql(db, u"PRAGMA user_version = %1"_s.arg(UserDatabase::schemaVersion()));
    }();
    if (done)
        done = execSql(db, u"COMMIT"_s);
    if (!done)
        (void)execSql(db, u"ROLLBACK"_s);
    return done;
}

} // namespace

int UserDatabase::schemaVersion() { return int(migrations().size()); }

QStringList UserDatabase::migrationTo(int version) { return migrations().value(version - 1); }

Result<UserDatabase::Opened> UserDatabase::open(const QString &path, const QString &connectionName)
{
    OpenGuard guard(path); // another process may be creating or upgrading it right now
    if (Result<> held = guard.acquire(); !held)
        return failure(held.error());
    Opened opened;
    Result<QSqlDatabase> db = openSqlite(path, connectionName);
    if (!db)
        return failure(explainFailure(db.error(), path));
    const Result<Found> found = inspect(*db, path);
    if (!found)
        return failure(found.error());
    if (*found == Found::Foreign) {
        return failure(u"%1 is not Hanji's bookmarks file (another program's database?); Hanji leaves it untouched. "
                       "Move it elsewhere, or choose another library folder with --library."_s.arg(path),
                       Error::Kind::Foreign);
    }
    if (*found == Found::Damaged) {
        db = QSqlDatabase();
        closeSqlite(connectionName);
        const Result<QString> aside = moveAside(path, u"damaged"_s);
        if (!aside)
            return failure(u"the bookmarks file %1 is damaged and could not be moved aside: %2"_s.arg(path, aside.error().message));
        opened.notice = u"Your bookmarks file was damaged. It was kept as %1 and a new one was started."_s.arg(*aside);
        db = openSqlite(path, connectionName);
        if (!db)
            return failure(explainFailure(db.error(), path));
    }
    Result<> ready = execSql(*db, u"PRAGMA journal_mode = WAL"_s);
    const Result<QVariant> read = ready ? querySingle(*db, u"PRAGMA user_version"_s) : failure(ready.error());
    if (!read)
        return failure(explainFailure(read.error(), path));
    const int version = read->toInt();
    if (version > schemaVersion()) {
        return failure(u"the user data at %1 was written by a newer Hanji (schema %2); this one knows %3"_s.arg(path)
                           .arg(version)
                           .arg(schemaVersion()));
    }
    if (version < schemaVersion())
        ready = migrate(*db, path, version);
    else if (Result<qint32> id = applicationId(*db); id && *id != kUserDataApplicationId)
        ready = execSql(*db, u"PRAGMA application_id = %1"_s.arg(kUserDataApplicationId)); // ours, from before the mark
    if (!ready)
        return failure(explainFailure(ready.error(), path));
    opened.db = *db;
    return opened;
}

} // namespace hanji
