#include "indexreader.h"

#include "digestparser.h"
#include "indexdatabase.h"
#include "ngramtokenizer.h"
#include "postingsreader.h"
#include "sqlitefile.h"
#include "sqlitestatement.h"
#include "sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>

#include <sqlite3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QStringList splitAuthors(const QString &joined)
{
    return joined.isEmpty() ? QStringList() : joined.split(IndexDatabase::kAuthorSeparator);
}

// folded_title and folded_authors are NULL where search reads the title and authors shown.
QByteArray foldedOrShown(const QVariant &folded, QStringView shown)
{
    return folded.isNull() ? foldedText(shown) : folded.toByteArray();
}

std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toInt());
}

// Keys as one bound value, for "IN (SELECT value FROM json_each(?))": one statement for any number.
QString jsonArray(const QStringList &keys)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
}

const QString kCannotRead = u"cannot read the index"_s;

} // namespace

Error IndexReader::checked(Error error) const
{
    if (error.kind == Error::Kind::Corrupt) {
        // Never a shorter answer: the index is only a cache, so the next open rebuilds it.
        IndexDatabase::markDamaged(m_index.databaseName());
        error.message = u"the index is damaged; it is rebuilt from the digest files the next time the library is "
                        "opened (or run hanji import)"_s;
    }
    return explainFailure(std::move(error), m_index.databaseName());
}

IndexReader::IndexReader(QSqlDatabase index)
    : m_index(std::move(index))
{
}

Result<QList<PaperRow>> IndexReader::rows() const
{
    Result<RowsAndFacts> both = rowsAndFacts();
    if (!both)
        return failure(both.error());
    return std::move(both->rows);
}

Result<IndexReader::RowsAndFacts> IndexReader::rowsAndFacts() const
{
    RowsAndFacts both;
    QList<PaperRow> &rows = both.rows;
    QHash<qint64, PaperFacts> facts;
    QHash<qint64, qsizetype> rowOfPaper; // not pointers into facts: a QHash moves its values as it grows
    QSqlQuery papers(m_index);
    papers.setForwardOnly(true);
    if (!papers.exec(u"SELECT id, key, arxiv_id, title, authors, max_votes, latest_date, folded_title, folded_authors FROM papers"_s))
        return failure(checked(sqlError(papers, kCannotRead)));
    // One copy of each author's name for all their papers, and an arXiv id that is the key
    // shares its text: the window's heap at ten years 324 → 301 MiB (in a year of real
    // digests, 40% of author names are ones seen before).
    QSet<QString> names;
    while (papers.next()) {
        const qint64 id = papers.value(0).toLongLong();
        PaperRow row;
        row.id = papers.value(1).toString();
        const QString arxivId = papers.value(2).toString();
        row.arxivId = arxivId == row.id ? row.id : arxivId;
        row.title = papers.value(3).toString();
        row.authors = splitAuthors(papers.value(4).toString());
        for (QString &name : row.authors) {
            if (const auto seen = names.constFind(name); seen != names.cend())
                name = *seen;
            else
                names.insert(name);
        }
        const QVariant votes = papers.value(5);
        row.votes = optionalInt(votes);
        PaperFacts &paper = facts[id];
        paper.key = row.id;
        paper.votesKnown = !votes.isNull();
        paper.votes = votes.toInt();
        paper.latestDate = papers.value(6).toLongLong();
        paper.foldedTitle = foldedOrShown(papers.value(7), row.title);
        paper.foldedAuthors = foldedOrShown(papers.value(8), authorsText(row.authors));
        rowOfPaper.insert(id, rows.size());
        rows.append(std::move(row));
    }
    if (papers.lastError().isValid())
        return failure(checked(sqlError(papers, kCannotRead)));
    QSqlQuery dates(m_index);
    dates.setForwardOnly(true);
    if (!dates.exec(u"SELECT paper_id, date, MAX(votes) FROM entries GROUP BY paper_id, date ORDER BY paper_id, date"_s))
        return failure(checked(sqlError(dates, kCannotRead)));
    while (dates.next()) {
        const qint64 id = dates.value(0).toLongLong();
        const auto row = rowOfPaper.constFind(id);
        if (row == rowOfPaper.cend())
            continue;
        const qint64 day = dates.value(1).toLongLong();
        rows[*row].appearances.append({ QDate::fromJulianDay(day), optionalInt(dates.value(2)) });
        facts[id].dates.append(day);
    }
    if (dates.lastError().isValid())
        return failure(checked(sqlError(dates, kCannotRead)));
    both.facts = SearchFacts(std::move(facts));
    return both;
}

Result<SearchFacts> IndexReader::searchFacts() const
{
    QHash<qint64, PaperFacts> facts;
    QSqlQuery papers(m_index);
    papers.setForwardOnly(true);
    if (!papers.exec(u"SELECT id, key, max_votes, latest_date, folded_title, folded_authors, title, authors FROM papers"_s))
        return failure(checked(sqlError(papers, kCannotRead)));
    while (papers.next()) {
        PaperFacts &paper = facts[papers.value(0).toLongLong()];
        paper.key = papers.value(1).toString();
        paper.votesKnown = !papers.value(2).isNull();
        paper.votes = papers.value(2).toInt();
        paper.latestDate = papers.value(3).toLongLong();
        paper.foldedTitle = foldedOrShown(papers.value(4), papers.value(6).toString());
        paper.foldedAuthors = foldedOrShown(papers.value(5), authorsText(splitAuthors(papers.value(7).toString())));
    }
    if (papers.lastError().isValid())
        return failure(checked(sqlError(papers, kCannotRead)));
    QSqlQuery dates(m_index);
    dates.setForwardOnly(true);
    if (!dates.exec(u"SELECT DISTINCT paper_id, date FROM entries"_s))
        return failure(checked(sqlError(dates, kCannotRead)));
    while (dates.next()) {
        const auto paper = facts.find(dates.value(0).toLongLong());
        if (paper != facts.end())
            paper->dates.append(dates.value(1).toLongLong());
    }
    if (dates.lastError().isValid())
        return failure(checked(sqlError(dates, kCannotRead)));
    return SearchFacts(std::move(facts));
}

Result<QList<Paper>> IndexReader::papers(const QStringList &keys) const
{
    // Each paper's most recent entry (its text), the title and authors the importer chose over
    // all its entries, and all its days with their votes.
    QSqlQuery query = prepared(m_index, uR"(
        WITH wanted(position, key) AS (SELECT key, value FROM json_each(?))
        SELECT w.key, e.date, t.text, e.first_line, e.last_line, f.path, f.format, p.title, p.original_title, p.authors,
               (SELECT json_group_array(json_array(d.date, d.votes))
                  FROM (SELECT date, MAX(votes) AS votes FROM entries WHERE paper_id = p.id
                        GROUP BY date ORDER BY date) d),
               e.text_start, e.text_length, e.file_id
          FROM wanted w
          JOIN papers p ON p.key = w.key
          JOIN entries e ON e.id = (SELECT id FROM entries WHERE paper_id = p.id ORDER BY date DESC, id DESC LIMIT 1)
          JOIN files f ON f.id = e.file_id
          JOIN file_texts t ON t.file_id = e.file_id
         ORDER BY w.position)"_s);
    query.setForwardOnly(true);
    query.addBindValue(jsonArray(keys));
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(checked(done.error()));
    QList<Paper> papers;
    papers.reserve(keys.size());
    EntryTexts texts;
    while (query.next()) {
        const QDate date = QDate::fromJulianDay(query.value(1).toLongLong());
        const std::optional<QString> stored = texts.markdown(query.value(13).toLongLong(), query.value(11).toLongLong(),
                                                             query.value(12).toLongLong(), [&] { return query.value(2).toByteArray(); });
        const QString markdown = stored.value_or(QString());
        std::optional<DigestEntry> entry = stored ? parseStoredEntry(query.value(6).toString(), date, markdown) : std::nullopt;
        if (!entry)
            return failure(checked({ Error::Kind::Corrupt, QString() }));
        Paper paper;
        paper.id = query.value(0).toString();
        paper.arxivId = entry->arxivId;
        paper.title = query.value(7).toString();
        paper.originalTitle = query.value(8).toString();
        paper.url = entry->url;
        paper.thumbnailUrl = entry->thumbnailUrl;
        paper.videoUrl = entry->videoUrl;
        paper.authors = splitAuthors(query.value(9).toString());
        paper.sections = entry->sections;
        paper.fields = entry->fields;
        paper.categories = entry->categories;
        paper.markdown = markdown;
        paper.firstLine = query.value(3).toInt();
        paper.lastLine = query.value(4).toInt();
        paper.sourceFile = query.value(5).toString();
        const QJsonArray days = QJsonDocument::fromJson(query.value(10).toString().toUtf8()).array();
        for (const QJsonValue &day : days) {
            const QJsonArray pair = day.toArray();
            paper.appearances.append({ QDate::fromJulianDay(pair.at(0).toInteger()),
                                       pair.at(1).isNull() ? std::nullopt : std::optional(pair.at(1).toInt()) });
        }
        papers.append(std::move(paper));
    }
    if (query.lastError().isValid())
        return failure(checked(sqlError(query, kCannotRead)));
    return papers;
}

// Through SQLite's C API: QtSql costs a quarter of a microsecond a row, 15 ms of a search for
// one syllable at ten years (50,000 rows), this a twentieth of that.
Result<QList<FullTextHit>> IndexReader::fullTextMatches(const FullTextMatch &match, bool ranked) const
{
    if (!match.terms.isEmpty()) {
        const Result<std::vector<qint64>> papers = PostingsReader(m_index).papersWithAll(match.terms);
        if (!papers)
            return failure(checked(papers.error()));
        QList<FullTextHit> hits;
        hits.reserve(qsizetype(papers->size()));
        for (const qint64 paper : *papers)
            hits.append({ paper, 0.0 });
        return hits;
    }
    ranked = ranked && match.characters.isEmpty();
    QStringList selects;
    if (!match.phrases.isEmpty())
        selects += ranked ? u"SELECT rowid, bm25(papers_fts, 10.0, 4.0, 1.0) FROM papers_fts WHERE papers_fts MATCH ?"_s
                          : u"SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?"_s;
    if (!match.characters.isEmpty())
        selects += u"SELECT rowid FROM papers_chars WHERE papers_chars MATCH ?"_s;
    sqlite3 *db = sqliteHandle(m_index);
    if (!db)
        return failure(u"search failed: not an SQLite connection"_s);
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, selects.join(u" INTERSECT "_s).toUtf8().constData(), -1, &raw, nullptr) != SQLITE_OK)
        return failure(checked(sqlError(sqliteError(db), u"search failed"_s)));
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, sqlite3_finalize);
    int parameter = 0;
    for (const QString &expression : { match.phrases, match.characters }) {
        if (expression.isEmpty())
            continue;
        const QByteArray utf8 = expression.toUtf8();
        if (sqlite3_bind_text(raw, ++parameter, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            return failure(checked(sqlError(sqliteError(db), u"search failed"_s)));
    }
    QList<FullTextHit> hits;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        hits.append({ sqlite3_column_int64(raw, 0), ranked ? sqlite3_column_double(raw, 1) : 0.0 });
    if (rc != SQLITE_DONE)
        return failure(checked(sqlError(sqliteError(db), u"search failed"_s)));
    return hits;
}

Result<bool> IndexReader::contains(const QString &key) const
{
    QSqlQuery query = prepared(m_index, u"SELECT 1 FROM papers WHERE key = ?"_s);
    query.addBindValue(key);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(checked(done.error()));
    return query.next();
}

Result<QStringList> IndexReader::keys() const
{
    QSqlQuery query(m_index);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT key FROM papers"_s))
        return failure(checked(sqlError(query, kCannotRead)));
    QStringList keys;
    while (query.next())
        keys += query.value(0).toString();
    if (query.lastError().isValid())
        return failure(checked(sqlError(query, kCannotRead)));
    return keys;
}

Result<QHash<QString, PaperLabel>> IndexReader::labels(const QStringList &keys) const
{
    QSqlQuery query = prepared(m_index, u"SELECT key, title, (SELECT url FROM entries WHERE paper_id = p.id LIMIT 1), arxiv_id"
                                        " FROM papers p WHERE key IN (SELECT value FROM json_each(?))"_s);
    query.addBindValue(jsonArray(keys));
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(checked(done.error()));
    QHash<QString, PaperLabel> labels;
    while (query.next())
        labels.insert(query.value(0).toString(),
                      { query.value(1).toString(), IndexDatabase::urlFromStored(query.value(2).toString(), query.value(3).toString()) });
    if (query.lastError().isValid())
        return failure(checked(sqlError(query, kCannotRead)));
    return labels;
}

Result<QList<DigestEntry>> IndexReader::entries(const QString &key) const
{
    QSqlQuery query = prepared(m_index, uR"(
        SELECT e.date, t.text, e.first_line, e.last_line, f.path, f.format, e.text_start, e.text_length, e.file_id
          FROM entries e JOIN files f ON f.id = e.file_id JOIN file_texts t ON t.file_id = e.file_id
         WHERE e.paper_id = (SELECT id FROM papers WHERE key = ?)
         ORDER BY e.date, e.id)"_s);
    query.setForwardOnly(true);
    query.addBindValue(key);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(checked(done.error()));
    QList<DigestEntry> entries;
    EntryTexts texts;
    while (query.next()) {
        const std::optional<QString> markdown = texts.markdown(query.value(8).toLongLong(), query.value(6).toLongLong(),
                                                               query.value(7).toLongLong(), [&] { return query.value(1).toByteArray(); });
        std::optional<DigestEntry> entry = markdown ? parseStoredEntry(query.value(5).toString(),
                                                                       QDate::fromJulianDay(query.value(0).toLongLong()), *markdown)
                                                    : std::nullopt;
        if (!entry)
            return failure(checked({ Error::Kind::Corrupt, QString() }));
        entry->firstLine = query.value(2).toInt();
        entry->lastLine = query.value(3).toInt();
        entry->sourceFile = query.value(4).toString();
        entries.append(std::move(*entry));
    }
    if (query.lastError().isValid())
        return failure(checked(sqlError(query, kCannotRead)));
    return entries;
}

Result<IndexCounts> IndexReader::counts() const
{
    QSqlQuery query(m_index);
    if (!query.exec(u"SELECT (SELECT count(*) FROM files),"
                    " (SELECT count(DISTINCT date) FROM entries),"
                    " (SELECT count(*) FROM (SELECT DISTINCT date, paper_id FROM entries)),"
                    " (SELECT count(*) FROM papers),"
                    " (SELECT COALESCE(sum(v), 0) FROM (SELECT MAX(votes) AS v FROM entries GROUP BY date, paper_id)),"
                    " (SELECT count(*) FROM warnings)"_s)
        || !query.next())
        return failure(checked(sqlError(query, kCannotRead)));
    IndexCounts counts;
    counts.files = query.value(0).toInt();
    counts.days = query.value(1).toInt();
    counts.entries = query.value(2).toInt();
    counts.papers = query.value(3).toInt();
    counts.votesTotal = query.value(4).toLongLong();
    counts.warnings = query.value(5).toInt();
    return counts;
}

} // namespace hanji
