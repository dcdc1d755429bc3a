#include "userdatabase.h"

#include "logging.h"
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
    };
    return steps;
}

QString timestamp() { return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s); }

// A name next to path that is not taken yet.
QString freeName(const QString &path, const QString &tag)
{
    const QFileInfo info(path);
    const QString base = info.dir().filePath(info.completeBaseName() + u'.' + tag + u'-' + timestamp());
    QString candidate = base + u".sqlite"_s;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + u'-' + QString::number(n) + u".sqlite"_s;
    return candidate;
}

bool isHealthy(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(u"PRAGMA integrity_check"_s) && query.next() && query.value(0).toString() == u"ok"_s;
}

// Moves a damaged database and its journal files aside, never deleting them.
QString moveAside(const QString &path)
{
    const QString target = freeName(path, u"damaged"_s);
    if (!QFile::rename(path, target))
        return QString();
    for (const QString &suffix : { u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

Result<> migrate(const QSqlDatabase &db, const QString &path, int from)
{
    if (from > 0) {
        // A consistent copy, even while another connection writes (WAL).
        const QString backup = freeName(path, u"backup-v"_s + QString::number(from));
        QSqlQuery copy = prepared(db, u"VACUUM INTO ?"_s);
        copy.addBindValue(backup);
        if (Result<> done = run(copy, u"could not back up the user data before upgrading it"_s); !done)
            return done;
        qCInfo(lcLibrary) << "backed up user data to" << backup;
    }
    for (int version = from + 1; version <= UserDatabase::schemaVersion(); ++version) {
        Result<> step = inTransaction(db, [&]() -> Result<> {
            for (const QString &statement : UserDatabase::migrationTo(version)) {
                if (Result<> done = execSql(db, statement); !done)
                    return done;
            }
            return execSql(db, u"PRAGMA user_version = %1"_s.arg(version));
        });
        if (!step)
            return step;
    }
    return {};
}

} // namespace

int UserDatabase::schemaVersion() { return int(migrations().size()); }

QStringList UserDatabase::migrationTo(int version) { return migrations().value(version - 1); }

Result<UserDatabase::Opened> UserDatabase::open(const QString &path, const QString &connectionName)
{
    Opened opened;
    Result<QSqlDatabase> db = openSqlite(path, connectionName);
    if (!db)
        return failure(db.error());
    const bool existed = QFileInfo(path).size() > 0;
    if (existed && !isHealthy(*db)) {
        db = QSqlDatabase();
        closeSqlite(connectionName);
        const QString aside = moveAside(path);
        if (aside.isEmpty())
            return failure(u"the user data at %1 is damaged and could not be moved aside"_s.arg(path));
        opened.notice = u"Your bookmarks file was damaged. It was kept as %1 and a new one was started."_s.arg(aside);
        qCCritical(lcLibrary) << opened.notice;
        db = openSqlite(path, connectionName);
        if (!db)
            return failure(db.error());
    }
    if (Result<> wal = execSql(*db, u"PRAGMA journal_mode = WAL"_s); !wal)
        return failure(wal.error());
    const Result<QVariant> read = querySingle(*db, u"PRAGMA user_version"_s);
    if (!read)
        return failure(read.error());
    const int version = read->toInt();
    if (version > schemaVersion()) {
        return failure(u"the user data at %1 was written by a newer Hanji (schema %2); this one knows %3"_s.arg(path)
                           .arg(version)
                           .arg(schemaVersion()));
    }
    if (version < schemaVersion()) {
        if (Result<> migrated = migrate(*db, path, version); !migrated)
            return failure(migrated.error());
    }
    opened.db = *db;
    return opened;
}

} // namespace hanji
