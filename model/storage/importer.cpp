#include "importer.h"

#include "digestparser.h"
#include "fileprefetcher.h"
#include "indexdatabase.h"
#include "ngramtokenizer.h"
#include "logging.h"
#include "paper.h"
#include "postingswriter.h"
#include "sqlitefile.h"
#include "sqlitestatement.h"
#include "sqlutil.h"
#include "workahead.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

constexpr int kFilesPerTransaction = 64;
// Building a new index: batches as large as memory allows (each holds its parsed entries).
constexpr int kFilesPerColdTransaction = 512;
// Files prepared ahead of the writer. A cold build's writer spends half its time on each
// batch's papers, while the files of the next batch can be read (~50 kB each).
constexpr size_t kFilesAhead = 16;
constexpr size_t kFilesAheadCold = 256;
// FTS5's pending terms, flushed as one segment when they outgrow this or at a commit.
constexpr int kHashBytes = 1024 * 1024; // FTS5's default
constexpr int kColdHashBytes = 32 * 1024 * 1024;
// Papers tokenized ahead of their insert: each holds its tokens, some 20 kB.
constexpr size_t kPapersAhead = 64;

// One import's work on an open index: the statements prepared once, the papers it touched.
class ImportSession
{
public:
    explicit ImportSession(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery papers(m_db);
        papers.setForwardOnly(true);
        if (!papers.exec(u"SELECT id, key FROM papers"_s))
            fail(papers);
        while (papers.next()) {
            m_paperIds.insert(papers.value(1).toString(), papers.value(0).toLongLong());
            m_paperKeys.insert(papers.value(0).toLongLong(), papers.value(1).toString());
        }
        m_insertFile = SqliteStatement(m_db, "INSERT INTO files(path, size, mtime, hash, format) VALUES (?, ?, ?, ?, ?)");
        m_setFormat = SqliteStatement(m_db, "UPDATE files SET format = ? WHERE id = ?");
        m_updateFile = SqliteStatement(m_db, "UPDATE files SET size = ?, mtime = ?, hash = ? WHERE id = ?");
        m_entryPapers = prepared(m_db, u"SELECT DISTINCT paper_id FROM entries WHERE file_id = ?"_s);
        m_deleteEntries = SqliteStatement(m_db, "DELETE FROM entries WHERE file_id = ?");
        m_deleteWarnings = SqliteStatement(m_db, "DELETE FROM warnings WHERE file_id = ?");
        m_deleteFile = SqliteStatement(m_db, "DELETE FROM files WHERE id = ?");
        m_insertWarning = SqliteStatement(m_db, "INSERT INTO warnings(file_id, line, message) VALUES (?, ?, ?)");
        m_insertPaper = SqliteStatement(m_db, "INSERT INTO papers(key, arxiv_id, title, original_title, authors, max_votes, latest_date)"
                                       " VALUES (?, ?, '', '', '', NULL, 0)");
        // An entry's title and authors are in its text; the paper's, chosen over all its
        // entries, in papers.
        m_insertEntry = SqliteStatement(m_db, "INSERT INTO entries(file_id, paper_id, date, votes, url, first_line, last_line,"
                                       " text_start, text_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        m_insertFileText = SqliteStatement(m_db, "INSERT INTO file_texts(file_id, text) VALUES (?, COALESCE(?, x''))");
        m_deleteFileText = SqliteStatement(m_db, "DELETE FROM file_texts WHERE file_id = ?");
        m_paperEntries = prepared(m_db, u"SELECT e.id, e.date, t.text, e.text_start, e.text_length, f.format, e.file_id FROM entries e"
                                        " JOIN files f ON f.id = e.file_id JOIN file_texts t ON t.file_id = e.file_id"
                                        " WHERE e.paper_id = ? ORDER BY e.date, e.id"_s);
        m_updatePaper = SqliteStatement(m_db, "UPDATE papers SET title = ?, original_title = ?,"
                                       " authors = ?, max_votes = ?, latest_date = ?,"
                                       " folded_title = ?, folded_authors = ?, text_segment = NULLIF(?, 0) WHERE id = ?");
        m_deletePaper = SqliteStatement(m_db, "DELETE FROM papers WHERE id = ?");
        if (indexLayout() == IndexLayout::Postings) {
            m_postings.emplace(m_db);
            return;
        }
        m_deleteText = SqliteStatement(m_db, "DELETE FROM papers_fts WHERE rowid = ?");
        if (indexLayout() == IndexLayout::Pairs) {
            m_insertText = SqliteStatement(m_db, "INSERT INTO papers_fts(rowid, text) VALUES (?, ?)");
            m_deleteCharacters = SqliteStatement(m_db, "DELETE FROM papers_chars WHERE rowid = ?");
            m_insertCharacters = SqliteStatement(m_db, "INSERT INTO papers_chars(rowid, text) VALUES (?, ?)");
        } else {
            m_insertText = SqliteStatement(m_db, "INSERT INTO papers_fts(rowid, title, authors, summary)"
                                          " VALUES (?, ?, ?, ?)");
        }
    }

    // A cold build (an empty index) keeps a large batch of terms in memory, so that FTS5
    // writes a few large segments instead of one a megabyte, leaves them unmerged while it
    // writes and merges them once at the end (finishBuild). Merging each level as it fills
    // cost a third of the import (callgrind, issue 12). Other imports keep FTS5's defaults,
    // so that small segments never pile up. Set on every import: a build that was cut short
    // leaves no lasting setting behind.
    bool prepareBuild(bool cold)
    {
        if (m_error)
            return false;
        QSqlQuery config(m_db);
        if (m_postings) // not FTS5's
            return config.exec(cold ? u"PRAGMA synchronous = OFF"_s : u"PRAGMA synchronous = NORMAL"_s) || fail(config);
        for (const QString &statement : { u"INSERT INTO papers_fts(papers_fts, rank) VALUES ('automerge', %1)"_s.arg(cold ? 0 : 4),
                                          u"INSERT INTO papers_fts(papers_fts, rank) VALUES ('crisismerge', %1)"_s.arg(cold ? 64 : 16),
                                          u"INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', %1)"_s.arg(cold ? kColdHashBytes : kHashBytes),
                                          // The index is a cache: a build cut short by a crash is found
                                          // damaged and built again, so it need not wait for the disk;
                                          // finishBuild's checkpoint does, once.
                                          cold ? u"PRAGMA synchronous = OFF"_s : u"PRAGMA synchronous = NORMAL"_s }) {
            if (!config.exec(statement))
                return fail(config);
        }
        return true;
    }

    // After a cold build: the default merging again, and FTS5's segments merged into one
    // (Hanji's own postings are merged after every import: mergePostings).
    bool finishBuild(bool optimize)
    {
        if (!prepareBuild(false))
            return false;
        if (!optimize)
            return true;
        // The build's write-ahead log (as large as the index) goes back into the file at once.
        QSqlQuery merge(m_db);
        return ((m_postings || merge.exec(u"INSERT INTO papers_fts(papers_fts) VALUES ('optimize')"_s))
                && merge.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            || fail(merge);
    }

    // Hanji's own postings: segments of about one size merged, in a transaction of its own.
    bool mergeSegments()
    {
        if (!m_postings)
            return true;
        const Result<> merged = inTransaction(m_db, [&] { return mergePostings(m_db); });
        return merged || fail(merged.error());
    }

    // False when the constructor could not read the index already.
    bool begin()
    {
        if (m_error)
            return false;
        const Result<> begun = beginWriting(m_db);
        return begun || fail(begun.error());
    }

    // Refreshes the papers this batch touched, then commits it: each batch leaves a consistent index.
    bool commit()
    {
        if (!refreshTouchedPapers())
            return false;
        if (m_postings) {
            if (const Result<> flushed = m_postings->flush(); !flushed)
                return fail(flushed.error());
        }
        if (!m_db.commit())
            return fail(m_db.lastError());
        return true;
    }

    void rollback() { m_db.rollback(); }

    bool replaceFile(const std::optional<KnownFile> &known, const PreparedFile &file, int *entriesWritten)
    {
        const ParsedDigest &digest = file.digest;
        qint64 fileId = 0;
        if (known) {
            fileId = known->id;
            if (!forgetEntriesOf(fileId) || !updateStat(fileId, file))
                return false;
            if (!run(m_setFormat, digest.format, fileId))
                return false;
        } else {
            if (!run(m_insertFile, file.path, file.size, file.mtime, file.hash, digest.format))
                return false;
            fileId = m_insertFile.lastInsertId();
        }
        for (const ParseWarning &warning : digest.warnings) {
            if (!run(m_insertWarning, fileId, warning.line, warning.message))
                return false;
        }
        for (qsizetype i = 0; i < digest.entries.size(); ++i) {
            const DigestEntry &entry = digest.entries.at(i);
            const qint64 paperId = paperIdFor(entry);
            if (paperId == 0)
                return false;
            const auto [start, length] = file.entrySpans.at(i);
            if (!run(m_insertEntry, fileId, paperId, entry.date.toJulianDay(), entry.votes, IndexDatabase::storedUrl(entry.url, entry.arxivId),
                     entry.firstLine, entry.lastLine, start, length))
                return false;
            const qint64 entryId = m_insertEntry.lastInsertId();
            m_parsed.insert(entryId, entry);
            if (m_newPapers.contains(paperId))
                m_entriesOfNewPapers[paperId].append(entryId);
            m_touched.insert(paperId);
            ++*entriesWritten;
        }
        return run(m_insertFileText, fileId, file.packedText);
    }

    bool updateStat(qint64 fileId, const PreparedFile &file)
    {
        return run(m_updateFile, file.size, file.mtime, file.hash, fileId);
    }

    bool removeFile(qint64 fileId)
    {
        if (!forgetEntriesOf(fileId))
            return false;
        return run(m_deleteFile, fileId);
    }

    [[nodiscard]] Error error() const { return m_error.value_or(Error { Error::Kind::Failed, u"the index could not be written"_s }); }

private:
    static void bind(QSqlQuery &query, const QVariantList &values)
    {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
    }

    bool run(QSqlQuery &query) { return query.exec() || fail(query); }

    template <typename... Values>
    bool run(SqliteStatement &statement, const Values &...values)
    {
        const Result<> done = statement.run(u"the index could not be written"_s, values...);
        return done || fail(done.error());
    }

    bool fail(const QSqlQuery &query)
    {
        return fail(sqlError(query, u"the index could not be written"_s));
    }

    bool fail(const QSqlError &error)
    {
        qCWarning(lcLibrary) << "import failed:" << error.text();
        return fail(sqlError(error, u"the index could not be written"_s));
    }

    bool fail(Error error)
    {
        if (error.kind == Error::Kind::Corrupt)
            IndexDatabase::markDamaged(m_db.databaseName()); // the next import starts it again
        m_error = explainFailure(std::move(error), m_db.databaseName());
        return false;
    }

    bool forgetEntriesOf(qint64 fileId)
    {
        bind(m_entryPapers, { fileId });
        if (!run(m_entryPapers))
            return false;
        while (m_entryPapers.next())
            m_touched.insert(m_entryPapers.value(0).toLongLong());
        return run(m_deleteEntries, fileId) && run(m_deleteWarnings, fileId) && run(m_deleteFileText, fileId);
    }

    qint64 paperIdFor(const DigestEntry &entry)
    {
        const QString key = entry.identity();
        if (const auto found = m_paperIds.constFind(key); found != m_paperIds.cend())
            return *found;
        if (!run(m_insertPaper, key, entry.arxivId))
            return 0;
        const qint64 id = m_insertPaper.lastInsertId();
        m_paperIds.insert(key, id);
        m_paperKeys.insert(id, key);
        m_newPapers.insert(id);
        return id;
    }

    // What a paper's row and text become, worked out before the batch writes any of them.
    // A paper's row in papers as its entries give it.
    struct PaperRow {
        QString title;
        QString originalTitle;
        QString authors; // joined by IndexDatabase::kAuthorSeparator
        std::optional<int> maxVotes;
        qint64 latestDay = 0; // Julian day
        QByteArray foldedTitle; // null where search reads the title shown
        QByteArray foldedAuthors;
    };

    struct PaperRefresh {
        qint64 paperId = 0;
        bool replacesText = false; // the index holds an older text of it
        bool gone = false; // no entries left
        PaperRow row;
        SearchableText text;
    };

    // A paper's title is the latest any entry gives, its text in search that of every entry; one
    // with no entries left is gone. Each paper's text is tokenized on the second core, a few
    // papers ahead of its insert, while SQLite writes the ones before (issue 12).
    bool refreshTouchedPapers()
    {
        // Ascending rowids let FTS5 keep appending to its pending segment; any other order
        // makes it flush at every step, which costs five times as much.
        QList<qint64> touched(m_touched.cbegin(), m_touched.cend());
        std::sort(touched.begin(), touched.end());
        std::vector<PaperRefresh> refreshes;
        refreshes.reserve(size_t(touched.size()));
        {
            EntryTexts storedTexts; // for this batch's files as written, never kept past it
            for (const qint64 paperId : std::as_const(touched)) {
                if (!addRefresh(paperId, storedTexts, &refreshes))
                    return false;
            }
        }
        const IndexLayout layout = indexLayout();
        qint64 segment = 0;
        if (m_postings && std::any_of(refreshes.cbegin(), refreshes.cend(), [](const PaperRefresh &r) { return !r.gone; })) {
            const Result<qint64> made = m_postings->segment();
            if (!made)
                return fail(made.error());
            segment = *made;
        }
        WorkAhead<ReadyText> tokenized(refreshes.size(), [&](size_t i) {
            const PaperRefresh &refresh = refreshes[i];
            const SearchableText &text = refresh.text;
            if (layout == IndexLayout::EveryCharacterAndPair || refresh.gone)
                return ReadyText {};
            const QString fields = fieldsText({ text.summary, text.title, text.authors });
            if (layout == IndexLayout::Postings)
                return ReadyText { .fts = std::nullopt, .postings = indexTokens(fields) };
            return ReadyText { .fts = TokenizedText(fields), .postings = {} };
        }, kPapersAhead);
        for (const PaperRefresh &refresh : refreshes) {
            if (!write(refresh, tokenized.next(), segment))
                return false;
        }
        m_touched.clear();
        m_parsed.clear();
        m_newPapers.clear();
        m_entriesOfNewPapers.clear();
        return true;
    }

    bool addRefresh(qint64 paperId, EntryTexts &storedTexts, std::vector<PaperRefresh> *refreshes)
    {
        const bool isNew = m_newPapers.contains(paperId);
        QList<DigestEntry> stored; // entries of earlier batches, read again from their lines
        QList<std::pair<qint64, const DigestEntry *>> entries;
        if (isNew) {
            for (const qint64 entryId : m_entriesOfNewPapers.value(paperId))
                entries.append({ entryId, &m_parsed[entryId] });
        } else {
            bind(m_paperEntries, { paperId });
            if (!run(m_paperEntries))
                return false;
            QList<std::pair<qint64, qsizetype>> storedAt;
            while (m_paperEntries.next()) {
                const qint64 entryId = m_paperEntries.value(0).toLongLong();
                if (const auto parsed = m_parsed.constFind(entryId); parsed != m_parsed.cend()) {
                    entries.append({ entryId, &*parsed });
                    continue;
                }
                const QDate date = QDate::fromJulianDay(m_paperEntries.value(1).toLongLong());
                const std::optional<QString> markdown
                    = storedTexts.markdown(m_paperEntries.value(6).toLongLong(), m_paperEntries.value(3).toLongLong(),
                                             m_paperEntries.value(4).toLongLong(), [&] { return m_paperEntries.value(2).toByteArray(); });
                if (!markdown)
                    return fail(Error { Error::Kind::Corrupt, u"an entry's stored text is damaged"_s });
                std::optional<DigestEntry> entry = parseStoredEntry(m_paperEntries.value(5).toString(), date, *markdown);
                if (entry) {
                    storedAt.append({ entryId, stored.size() });
                    stored.append(std::move(*entry));
                }
            }
            m_paperEntries.finish();
            for (const auto &[entryId, at] : std::as_const(storedAt))
                entries.append({ entryId, &stored[at] });
        }
        if (entries.isEmpty()) {
            if (!isNew)
                refreshes->push_back({ .paperId = paperId, .replacesText = true, .gone = true, .row = {}, .text = {} });
            return true;
        }
        refreshes->push_back(refreshOf(paperId, std::move(entries)));
        refreshes->back().replacesText = !isNew;
        return true;
    }

    // No entry has a title: the id, with the latest bold sentence any entry's summary opens with.
    static QString untitledTitle(const QList<const DigestEntry *> &appearances)
    {
        for (auto it = appearances.crbegin(); it != appearances.crend(); ++it) {
            if (const QString label = untitledLabel(**it); label != (*it)->identity())
                return label;
        }
        return untitledLabel(*appearances.constLast());
    }

    // entries: by row id; a later listing of the same date wins, as the parser has it.
    static PaperRefresh refreshOf(qint64 paperId, QList<std::pair<qint64, const DigestEntry *>> entries)
    {
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
            return std::pair(a.second->date, a.first) < std::pair(b.second->date, b.first);
        });
        const DigestEntry &latest = *entries.constLast().second;
        const DigestEntry *titled = nullptr;
        const DigestEntry *withAuthors = nullptr;
        std::optional<int> maxVotes;
        QList<const DigestEntry *> appearances;
        for (const auto &[entryId, entry] : std::as_const(entries)) {
            if (!entry->title.isEmpty())
                titled = entry;
            if (!entry->authors.isEmpty())
                withAuthors = entry;
            maxVotes = higherVotes(maxVotes, entry->votes);
            appearances.append(entry);
        }
        // An archive that names papers by id alone gives no title: another archive's, else the id.
        const QString title = titled ? titled->title : untitledTitle(appearances);
        const QString originalTitle = titled ? titled->originalTitle : QString();
        const QStringList authorList = withAuthors ? withAuthors->authors : QStringList();
        PaperRefresh refresh { .paperId = paperId, .replacesText = false, .gone = false, .row = {},
                               .text = searchableText(appearances, title) };
        // Kept only where search reads other than what is shown (IndexReader folds that).
        const auto foldedUnlessShown = [](const QString &searched, const QString &shown) {
            return searched == shown ? QByteArray() : foldedText(searched);
        };
        refresh.row = { .title = title, .originalTitle = originalTitle, .authors = authorList.join(IndexDatabase::kAuthorSeparator),
                        .maxVotes = maxVotes, .latestDay = latest.date.toJulianDay(),
                        .foldedTitle = foldedUnlessShown(refresh.text.title, title),
                        .foldedAuthors = foldedUnlessShown(refresh.text.authors, authorsText(authorList)) };
        return refresh;
    }

    // A paper's text tokenized for FTS5's tables (Pairs) or for Hanji's own postings.
    struct ReadyText {
        std::optional<TokenizedText> fts;
        IndexTokens postings;
    };

    // segment: of Hanji's own postings, where the paper's text goes.
    bool write(const PaperRefresh &refresh, const ReadyText &ready, qint64 segment)
    {
        const bool pairs = indexLayout() == IndexLayout::Pairs;
        if (refresh.replacesText) {
            if (m_postings) {
                if (const Result<> forgotten = m_postings->forget(refresh.paperId); !forgotten)
                    return fail(forgotten.error());
            } else if (!run(m_deleteText, refresh.paperId) || (pairs && !run(m_deleteCharacters, refresh.paperId))) {
                return false;
            }
        }
        if (refresh.gone) {
            if (!run(m_deletePaper, refresh.paperId))
                return false;
            m_paperIds.remove(m_paperKeys.take(refresh.paperId));
            return true;
        }
        if (m_postings && !m_postings->builder().add(refresh.paperId, ready.postings))
            return fail(Error { Error::Kind::Failed, u"the index's papers came out of order"_s });
        const PaperRow &row = refresh.row;
        if (!run(m_updatePaper, row.title, row.originalTitle, row.authors, row.maxVotes, row.latestDay, row.foldedTitle,
                 row.foldedAuthors, segment, refresh.paperId))
            return false;
        if (m_postings)
            return true;
        if (!pairs)
            return run(m_insertText, refresh.paperId, refresh.text.title, refresh.text.authors, refresh.text.summary);
        // Bound as UTF-8 bytes, which SQLite hands the tokenizers as they are.
        const TokenizedTextInUse inUse(*ready.fts);
        return run(m_insertText, refresh.paperId, ready.fts->utf8()) && run(m_insertCharacters, refresh.paperId, ready.fts->utf8());
    }

    QSqlDatabase m_db;
    std::optional<PostingsWriter> m_postings; // IndexLayout::Postings
    std::optional<Error> m_error;
    QHash<QString, qint64> m_paperIds;
    QHash<qint64, QString> m_paperKeys;
    QSet<qint64> m_touched;
    QSet<qint64> m_newPapers;
    QHash<qint64, DigestEntry> m_parsed; // entries written this batch, by row id: no need to parse again
    QHash<qint64, QList<qint64>> m_entriesOfNewPapers; // paper first seen this batch -> its entries
    QSqlQuery m_entryPapers, m_paperEntries;
    SqliteStatement m_insertFile, m_setFormat, m_updateFile, m_deleteEntries, m_deleteWarnings, m_deleteFile, m_insertWarning,
        m_insertPaper, m_insertEntry, m_insertFileText, m_deleteFileText, m_updatePaper, m_deletePaper, m_deleteText, m_insertText,
        m_deleteCharacters, m_insertCharacters;
};

Result<QHash<QString, KnownFile>> knownFiles(const QSqlDatabase &db)
{
    QHash<QString, KnownFile> files;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, path, size, mtime, hash FROM files"_s))
        return failure(sqlError(query, u"cannot read the index"_s));
    while (query.next()) {
        files.insert(query.value(1).toString(), { query.value(0).toLongLong(), query.value(2).toLongLong(),
                                                  query.value(3).toLongLong(), query.value(4).toByteArray() });
    }
    return files;
}

// A file vanished from a folder that is still there; files of folders not scanned now, or
// of a folder that is missing altogether (an unplugged disk), stay in the index.
bool isGone(const QString &path, const QSet<QString> &present, const QStringList &roots)
{
    if (present.contains(path))
        return false;
    for (const QString &root : roots) {
        if (path.startsWith(root.endsWith(u'/') ? root : root + u'/'))
            return QFileInfo(root).isDir();
    }
    return false;
}

} // namespace

Importer::Importer(QString indexPath)
    : m_indexPath(std::move(indexPath))
{
}

ImportReport Importer::run(const QStringList &folders, const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    ImportReport report;
    QElapsedTimer timer;
    timer.start();

    QLockFile lock(m_indexPath + u".lock"_s);
    if (!lock.tryLock(0)) {
        report.error = lock.error() == QLockFile::LockFailedError
            ? Error { Error::Kind::Busy, u"another import into this library is running"_s }
            : explainFailure({ Error::Kind::Failed, u"cannot create the import lock beside %1: is the folder read-only?"_s.arg(m_indexPath) },
                             m_indexPath);
        return report;
    }
    const QString connection = uniqueConnectionName(u"import"_s);
    {
        Result<IndexDatabase::Opened> index = IndexDatabase::open(m_indexPath, connection);
        Result<QHash<QString, KnownFile>> knownOrError = index ? knownFiles(index->db) : failure(index.error());
        if (!knownOrError) {
            report.error = knownOrError.error();
            index = failure(knownOrError.error()); // drops the handle before the connection goes
            closeSqlite(connection);
            return report;
        }
        const QHash<QString, KnownFile> known = std::move(*knownOrError);
        const DigestFileList list = collectDigestFiles(folders);
        report.errors = list.errors;
        report.files = int(list.files.size());

        QStringList roots;
        for (const QString &folder : folders)
            roots += QFileInfo(folder).absoluteFilePath();
        const QSet<QString> present(list.files.cbegin(), list.files.cend());
        QList<qint64> gone;
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (isGone(it.key(), present, roots))
                gone.append(it->id);
        }

        // A new index is built differently (ImportSession::prepareBuild); the layout of
        // version 2 is built as it always was, for benchmarks to compare.
        const bool cold = known.isEmpty() && indexLayout() != IndexLayout::EveryCharacterAndPair;
        const int filesPerTransaction = cold ? kFilesPerColdTransaction : kFilesPerTransaction;
        ImportSession session(index->db);
        bool ok = (indexLayout() == IndexLayout::EveryCharacterAndPair || session.prepareBuild(cold)) && session.begin();
        int inBatch = 0;
        FilePrefetcher files(list.files, known, cold ? kFilesAheadCold : kFilesAhead);
        for (int i = 0; ok && i < list.files.size(); ++i) {
            if (cancel && cancel->load()) {
                report.cancelled = true;
                break;
            }
            const PreparedFile file = files.next();
            const QString &path = file.path;
            const auto found = known.constFind(path);
            const std::optional<KnownFile> previous = found == known.cend() ? std::nullopt : std::optional(*found);
            switch (file.state) {
            case PreparedFile::State::Unchanged:
                ++report.unchanged;
                break;
            case PreparedFile::State::Unreadable:
                report.errors.append({ path, file.error });
                break;
            case PreparedFile::State::Touched:
                ++report.unchanged; // touched, not changed
                ok = session.updateStat(previous->id, file);
                break;
            case PreparedFile::State::Changed:
                report.warnings += file.digest.warnings;
                ok = session.replaceFile(previous, file, &report.entries);
                ++report.parsed;
                ++inBatch;
                break;
            }
            if (ok && inBatch >= filesPerTransaction) {
                ok = session.commit() && session.begin();
                inBatch = 0;
            }
            if (progress)
                progress({ i + 1, report.files, path });
        }
        if (ok && !report.cancelled) {
            for (const qint64 fileId : std::as_const(gone)) {
                ok = session.removeFile(fileId);
                if (!ok)
                    break;
                ++report.removed;
            }
        }
        ok = ok && session.commit();
        if (!ok) {
            session.rollback();
            report.error = session.error();
        }
        if (ok && !session.mergeSegments())
            report.error = session.error();
        if (cold && !session.finishBuild(ok && !report.cancelled && report.parsed > 0) && ok)
            report.error = session.error();
    }
    closeSqlite(connection);
    report.milliseconds = timer.elapsed();
    qCInfo(lcLibrary) << "import:" << report.parsed << "parsed," << report.unchanged << "unchanged," << report.removed
                      << "removed in" << report.milliseconds << "ms";
    return report;
}

} // namespace hanji
