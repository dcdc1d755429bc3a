#include "indexdatabase.h"

#include "logging.h"
#include "ngramtokenizer.h"
#include "sqlutil.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Dates are Julian day numbers; authors are joined with kAuthorSeparator.
const char *const kSchema[] = {
    "CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,"
    " mtime INTEGER NOT NULL, hash BLOB NOT NULL)",
    "CREATE TABLE warnings(file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " line INTEGER NOT NULL, message TEXT NOT NULL)",
    "CREATE TABLE papers(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, arxiv_id TEXT NOT NULL,"
    " title TEXT NOT NULL, authors TEXT NOT NULL, max_votes INTEGER, latest_date INTEGER NOT NULL)",
    "CREATE TABLE entries(id INTEGER PRIMARY KEY,"
    " file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " paper_id INTEGER NOT NULL REFERENCES papers(id), date INTEGER NOT NULL, votes INTEGER,"
    " title TEXT NOT NULL, url TEXT NOT NULL, authors TEXT NOT NULL,"
    " first_line INTEGER NOT NULL, last_line INTEGER NOT NULL, markdown TEXT NOT NULL)",
    "CREATE INDEX entries_by_paper ON entries(paper_id, date)",
    "CREATE INDEX entries_by_date ON entries(date)",
    "CREATE INDEX entries_by_file ON entries(file_id)",
    "CREATE INDEX papers_by_date ON papers(latest_date)",
    // Contentless: the text lives in entries.markdown; the index keeps only what it needs.
    "CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, summary, content='', contentless_delete=1,"
    " tokenize='hanji_ngram')",
};

Result<> createSchema(const QSqlDatabase &db)
{
    for (const char *statement : kSchema) {
        if (Result<> done = execSql(db, QString::fromLatin1(statement)); !done)
            return done;
    }
    return execSql(db, u"PRAGMA user_version = %1"_s.arg(IndexDatabase::kSchemaVersion));
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s })
        QFile::remove(path + suffix);
}

} // namespace

Result<IndexDatabase::Opened> IndexDatabase::open(const QString &path, const QString &connectionName)
{
    Opened opened;
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<QSqlDatabase> db = openSqlite(path, connectionName);
        if (!db)
            return failure(db.error());
        if (!registerNgramTokenizer(*db))
            return failure(u"SQLite's full-text search (FTS5) is not available"_s);
        const Result<QVariant> objects = querySingle(*db, u"SELECT count(*) FROM sqlite_master"_s);
        const bool readable = objects.has_value(); // "file is not a database" fails right here
        const bool fresh = readable && objects->toInt() == 0;
        const Result<QVariant> version = querySingle(*db, u"PRAGMA user_version"_s);
        // A damaged header fails the read above. A full quick_check would read the whole cache
        // (a quarter of a gigabyte for ten years) on every start, so it is left out.
        const bool healthy = readable && !fresh && version;
        if (fresh || (healthy && version->toInt() == kSchemaVersion)) {
            for (const QString &pragma : { u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                           u"PRAGMA foreign_keys = ON"_s }) {
                if (Result<> done = execSql(*db, pragma); !done)
                    return failure(done.error());
            }
            if (fresh) {
                if (Result<> created = createSchema(*db); !created)
                    return failure(created.error());
            }
            opened.db = *db;
            return opened;
        }
        // Damaged or from another version: it is only a cache, so start it again.
        opened.notice = healthy ? u"The index was made by another version of Hanji and is rebuilt from the digest files."_s
                                : u"The index was damaged and is rebuilt from the digest files."_s;
        opened.rebuilt = true;
        qCWarning(lcLibrary) << opened.notice << path;
        db = QSqlDatabase();
        closeSqlite(connectionName);
        removeDatabaseFiles(path);
    }
    return failure(u"cannot create the index at %1"_s.arg(path));
}

} // namespace hanji
