#include "indexdatabase.h"

#include "logging.h"
#include "ngramtokenizer.h"
#include "packedtext.h"
#include "paperid.h"
#include "postingswriter.h"
#include "sqlitefile.h"
#include "sqlutil.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Dates are Julian day numbers; authors are joined with kAuthorSeparator. A file's format is
// the digest family that read it (DigestFormat::name), which reads its entries' lines again.
const char *const kSchema[] = {
    "CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,"
    " mtime INTEGER NOT NULL, hash BLOB NOT NULL, format TEXT NOT NULL)",
    "CREATE TABLE warnings(file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " line INTEGER NOT NULL, message TEXT NOT NULL)",
    // folded_title and folded_authors: the title and authors search reads (searchableText),
    // folded (foldedText), by which search checks a field and weighs each hit in memory
    // (SearchEngine); NULL where they are the title and authors shown, as for most papers
    // (IndexReader folds those as it reads them): a twentieth of the index. text_segment: the
    // segment of Hanji's own full-text postings that holds its text (postingswriter.h).
    "CREATE TABLE papers(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, arxiv_id TEXT NOT NULL,"
    " title TEXT NOT NULL, original_title TEXT NOT NULL, authors TEXT NOT NULL, max_votes INTEGER,"
    " latest_date INTEGER NOT NULL, folded_title BLOB, folded_authors BLOB, text_segment INTEGER)",
    // entries.url: '' where it is the paper's arXiv page (storedUrl).
    "CREATE TABLE entries(id INTEGER PRIMARY KEY,"
    " file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
    " paper_id INTEGER NOT NULL REFERENCES papers(id), date INTEGER NOT NULL, votes INTEGER, url TEXT NOT NULL,"
    " first_line INTEGER NOT NULL, last_line INTEGER NOT NULL, text_start INTEGER NOT NULL, text_length INTEGER NOT NULL)",
    // The Markdown of a file's entries, one after another in UTF-8, compressed together
    // (packText): a day's digest compresses to 40%, an entry alone to 60%. Entries name their
    // bytes in it. Apart from files, which every rescan reads whole.
    "CREATE TABLE file_texts(file_id INTEGER PRIMARY KEY REFERENCES files(id), text BLOB NOT NULL)",
    "CREATE INDEX entries_by_paper ON entries(paper_id, date)",
    "CREATE INDEX entries_by_date ON entries(date)",
    "CREATE INDEX entries_by_file ON entries(file_id)",
    "CREATE INDEX papers_by_date ON papers(latest_date)",
};

// Version 6 keeps Hanji's own postings (postingsSchema) of the same pairs and characters
// that version 5 had FTS5 keep:
// contentless: the text lives in file_texts; the index keeps only what it needs: each
// paper's summary, title and authors over all its entries (searchableText), as one text
// (fieldsText). Its pairs at their positions (papers_fts): one column, as three had cost a
// column marker in every title's and author's posting, a tenth of the index; a term in one
// field is checked in the folded field (SearchEngine). And apart, without positions, which
// characters each paper holds (papers_chars): a search of one character needs no more, and
// kept among the positions they had made the index a third larger. Version 2 kept every
// character at every position, in three columns.
QStringList fullTextSchema()
{
    if (indexLayout() == IndexLayout::Postings)
        return postingsSchema();
    if (indexLayout() == IndexLayout::EveryCharacterAndPair)
        return { u"CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, summary, content='', contentless_delete=1,"
                 " tokenize='hanji_ngram_v2')"_s };
    return { u"CREATE VIRTUAL TABLE papers_fts USING fts5(text, content='', contentless_delete=1,"
             " tokenize='hanji_ngram')"_s,
             u"CREATE VIRTUAL TABLE papers_chars USING fts5(text, content='', contentless_delete=1, detail=none,"
             " tokenize='hanji_chars')"_s };
}

Result<> createSchema(const QSqlDatabase &db)
{
    for (const char *statement : kSchema) {
        if (Result<> done = execSql(db, QString::fromLatin1(statement)); !done)
            return done;
    }
    for (const QString &statement : fullTextSchema()) {
        if (Result<> done = execSql(db, statement); !done)
            return done;
    }
    if (Result<> marked = execSql(db, u"PRAGMA application_id = %1"_s.arg(kIndexApplicationId)); !marked)
        return marked;
    return execSql(db, u"PRAGMA user_version = %1"_s.arg(IndexDatabase::schemaVersion()));
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s })
        QFile::remove(path + suffix);
}

QString damageMarker(const QString &path) { return path + u".damaged"_s; }

enum class Found { Fresh, Current, OtherVersion, Damaged, Foreign };

// What the file at the end of the connection is. A damaged header fails right here; a full
// quick_check would read the whole cache (a quarter of a gigabyte for ten years) on every
// start, so damage further in is found by the query that meets it (IndexReader marks it).
Result<Found> inspect(const QSqlDatabase &db, const QString &path)
{
    if (QFileInfo::exists(damageMarker(path)))
        return Found::Damaged;
    const Result<qint32> id = applicationId(db);
    const Result<QStringList> tables = id ? tableNames(db) : failure(id.error());
    const Result<QVariant> version = tables ? querySingle(db, u"PRAGMA user_version"_s) : failure(tables.error());
    if (!version)
        return version.error().kind == Error::Kind::Corrupt ? Result<Found>(Found::Damaged)
                                                            : failure(explainFailure(version.error(), path));
    if (tables->isEmpty())
        return Found::Fresh;
    // Files written before Hanji marked its files carry no id, but Hanji's tables.
    const bool ours = *id == kIndexApplicationId
        || (*id == 0 && tables->contains(u"files"_s) && tables->contains(u"papers_fts"_s));
    if (!ours)
        return Found::Foreign;
    return version->toInt() == IndexDatabase::schemaVersion() ? Found::Current : Found::OtherVersion;
}

Result<> prepareConnection(const QSqlDatabase &db)
{
    for (const QString &pragma : { u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                   u"PRAGMA foreign_keys = ON"_s }) {
        if (Result<> done = execSql(db, pragma); !done)
            return done;
    }
    return {};
}

} // namespace

std::optional<QString> EntryTexts::markdown(qint64 fileId, qint64 start, qint64 length, const std::function<QByteArray()> &fileText)
{
    if (fileId != m_fileId) {
        m_text = unpackText(fileText());
        m_fileId = fileId;
    }
    if (!m_text || start < 0 || length < 0 || start + length > m_text->size())
        return std::nullopt;
    return QString::fromUtf8(QByteArrayView(*m_text).sliced(start, length));
}

int IndexDatabase::schemaVersion()
{
    switch (indexLayout()) {
    case IndexLayout::Postings:
        return kSchemaVersion;
    case IndexLayout::Pairs:
        return 5;
    case IndexLayout::EveryCharacterAndPair:
        return 2;
    }
    return kSchemaVersion;
}

QString IndexDatabase::storedUrl(const QString &url, const QString &arxivId)
{
    return !arxivId.isEmpty() && url == arxivAbstractUrl(arxivId) ? u""_s : url;
}

QString IndexDatabase::urlFromStored(const QString &stored, const QString &arxivId)
{
    return stored.isEmpty() ? arxivAbstractUrl(arxivId) : stored;
}

void IndexDatabase::markDamaged(const QString &path)
{
    QFile marker(damageMarker(path));
    if (!marker.open(QIODevice::WriteOnly))
        qCWarning(lcLibrary) << "cannot mark the index for rebuilding:" << marker.errorString();
}

Result<IndexDatabase::Opened> IndexDatabase::open(const QString &path, const QString &connectionName)
{
    // Processes starting together must not create the index twice, nor delete one another
    // makes: creating and rebuilding happen under one lock, checked again once it is held.
    OpenGuard guard(path);
    if (Result<> held = guard.acquire(); !held)
        return failure(held.error());
    Opened opened;
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<QSqlDatabase> db = openSqlite(path, connectionName);
        if (!db)
            return failure(explainFailure(db.error(), path));
        if (!registerNgramTokenizer(*db))
            return failure(u"SQLite's full-text search (FTS5) is not available"_s);
        const Result<Found> found = inspect(*db, path);
        if (!found)
            return failure(found.error());
        switch (*found) {
        case Found::Current:
        case Found::Fresh: {
            Result<> ready = prepareConnection(*db);
            if (ready && *found == Found::Fresh)
                ready = inTransaction(*db, [&] { return createSchema(*db); });
            if (ready && *found == Found::Current) {
                // Written only once: a write on every open would wait behind a running import.
                const Result<qint32> id = applicationId(*db);
                if (id && *id != kIndexApplicationId)
                    ready = execSql(*db, u"PRAGMA application_id = %1"_s.arg(kIndexApplicationId));
            }
            if (!ready)
                return failure(explainFailure(ready.error(), path));
            QFile::remove(damageMarker(path));
            opened.db = *db;
            return opened;
        }
        case Found::Foreign: {
            db = QSqlDatabase();
            closeSqlite(connectionName);
            const Result<QString> aside = hanji::moveAside(path, u"foreign"_s);
            if (!aside)
                return failure(u"%1 is not Hanji's index and could not be moved aside: %2"_s.arg(path, aside.error().message),
                               Error::Kind::Foreign);
            opened.notice = u"%1 was not Hanji's index; it was kept as %2 and a new index is built from the digest files."_s
                                .arg(path, *aside);
            break;
        }
        case Found::Damaged:
        case Found::OtherVersion:
            // It is only a cache, so start it again.
            opened.notice = *found == Found::OtherVersion
                ? u"The index was made by another version of Hanji and is rebuilt from the digest files."_s
                : u"The index was damaged and is rebuilt from the digest files."_s;
            db = QSqlDatabase();
            closeSqlite(connectionName);
            removeDatabaseFiles(path);
            QFile::remove(damageMarker(path));
            break;
        }
        opened.rebuilt = true; // the caller tells the user
    }
    return failure(u"cannot create the index at %1"_s.arg(path));
}

} // namespace hanji
