#include "library.h"

#include "digestparser.h"
#include "indexdatabase.h"
#include "logging.h"
#include "sqlutil.h"
#include "userdatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QStringList splitAuthors(const QString &joined)
{
    return joined.isEmpty() ? QStringList() : joined.split(IndexDatabase::kAuthorSeparator);
}

std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toInt());
}

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

} // namespace

QString Library::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Library::OpenResult Library::open(const QString &directory)
{
    OpenResult result;
    const QString dir = QFileInfo(directory.isEmpty() ? defaultDirectory() : directory).absoluteFilePath();
    if (!QDir().mkpath(dir)) {
        result.error = u"cannot create the library folder %1"_s.arg(dir);
        return result;
    }
    if (!QFileInfo(dir).isWritable()) {
        result.error = u"the library folder %1 is read-only"_s.arg(dir);
        return result;
    }
    std::unique_ptr<Library> library(new Library);
    library->m_directory = dir;
    library->m_userConnection = uniqueConnectionName(u"user"_s);
    library->m_indexConnection = uniqueConnectionName(u"index"_s);

    // The user's data first: if it cannot be opened safely, nothing else matters.
    UserDatabase::OpenResult user = UserDatabase::open(library->userDataPath(), library->m_userConnection);
    if (!user.notice.isEmpty())
        result.notices += user.notice;
    if (!user.error.isEmpty()) {
        result.error = user.error;
        return result;
    }
    library->m_user = user.db;

    const bool indexExisted = QFileInfo(library->indexPath()).size() > 0;
    IndexDatabase::OpenResult index = IndexDatabase::open(library->indexPath(), library->m_indexConnection);
    if (!index.notice.isEmpty())
        result.notices += index.notice;
    if (!index.error.isEmpty()) {
        result.error = index.error;
        return result;
    }
    library->m_index = index.db;
    library->m_indexIsNew = !indexExisted || index.rebuilt;
    library->loadUserStates();
    result.library = std::move(library);
    return result;
}

Library::~Library()
{
    m_index = QSqlDatabase();
    m_user = QSqlDatabase();
    closeSqlite(m_indexConnection);
    closeSqlite(m_userConnection);
}

QString Library::indexPath() const { return QDir(m_directory).filePath(u"index.sqlite"_s); }

QString Library::userDataPath() const { return QDir(m_directory).filePath(u"userdata.sqlite"_s); }

void Library::loadUserStates()
{
    m_userStates.clear();
    QSqlQuery query(m_user);
    query.exec(u"SELECT paper_id, added_at, note, tags FROM bookmarks"_s);
    while (query.next()) {
        UserState &state = m_userStates[query.value(0).toString()];
        state.bookmarked = true;
        state.bookmarkedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        state.note = query.value(2).toString();
        state.tags = query.value(3).toString().split(u',', Qt::SkipEmptyParts);
    }
    query.exec(u"SELECT paper_id FROM read_state"_s);
    while (query.next())
        m_userStates[query.value(0).toString()].read = true;
}

bool Library::inUserTransaction(const std::function<bool()> &work, QString *error)
{
    if (!m_user.transaction()) {
        if (error)
            *error = describeSqlError(m_user.lastError());
        return false;
    }
    if (!work() || !m_user.commit()) {
        if (error && error->isEmpty())
            *error = describeSqlError(m_user.lastError());
        m_user.rollback();
        loadUserStates(); // the cache follows what is on disk
        return false;
    }
    return true;
}

QStringList Library::folders() const
{
    QStringList list;
    QSqlQuery query(m_user);
    query.exec(u"SELECT path FROM folders ORDER BY added_at, path"_s);
    while (query.next())
        list += query.value(0).toString();
    return list;
}

bool Library::addFolders(const QStringList &folders, QString *error)
{
    return inUserTransaction(
        [&] {
            QSqlQuery insert = prepared(m_user, u"INSERT OR IGNORE INTO folders(path, added_at) VALUES (?, ?)"_s);
            for (const QString &folder : folders) {
                insert.bindValue(0, QFileInfo(folder).absoluteFilePath());
                insert.bindValue(1, nowUtc());
                if (!insert.exec()) {
                    *error = describeSqlError(insert.lastError());
                    return false;
                }
            }
            return true;
        },
        error);
}

ImportReport Library::import(const QStringList &folders, const Importer::ProgressCallback &progress,
                             const std::atomic_bool *cancel)
{
    QStringList existing;
    for (const QString &folder : folders) {
        if (QFileInfo(folder).isDir())
            existing += folder;
    }
    QString error;
    if (!addFolders(existing, &error)) {
        ImportReport report;
        report.error = error;
        return report;
    }
    ImportReport report = Importer(indexPath()).run(folders, progress, cancel);
    if (report.ok() && !report.cancelled)
        m_indexIsNew = false;
    indexChanged();
    return report;
}

QList<PaperRow> Library::rows() const
{
    QList<PaperRow> rows = readRows(m_index);
    applyUserState(rows);
    return rows;
}

void Library::applyUserState(QList<PaperRow> &rows) const
{
    for (PaperRow &row : rows) {
        const auto state = m_userStates.constFind(row.id);
        if (state == m_userStates.cend())
            continue;
        row.bookmarked = state->bookmarked;
        row.bookmarkedAt = state->bookmarkedAt;
        row.read = state->read;
    }
}

QList<PaperRow> Library::readRows(const QSqlDatabase &index)
{
    QList<PaperRow> rows;
    QHash<qint64, qsizetype> rowOfPaper;
    QSqlQuery papers(index);
    papers.setForwardOnly(true);
    papers.exec(u"SELECT id, key, arxiv_id, title, authors, max_votes FROM papers"_s);
    while (papers.next()) {
        PaperRow row;
        row.id = papers.value(1).toString();
        row.arxivId = papers.value(2).toString();
        row.title = papers.value(3).toString();
        row.authors = splitAuthors(papers.value(4).toString());
        row.votes = optionalInt(papers.value(5));
        rowOfPaper.insert(papers.value(0).toLongLong(), rows.size());
        rows.append(std::move(row));
    }
    QSqlQuery dates(index);
    dates.setForwardOnly(true);
    dates.exec(u"SELECT paper_id, date, MAX(votes) FROM entries GROUP BY paper_id, date ORDER BY paper_id, date"_s);
    while (dates.next()) {
        const auto row = rowOfPaper.constFind(dates.value(0).toLongLong());
        if (row != rowOfPaper.cend())
            rows[*row].appearances.append({ QDate::fromJulianDay(dates.value(1).toLongLong()), optionalInt(dates.value(2)) });
    }
    return rows;
}

std::optional<Paper> Library::paper(const QString &id) const
{
    QSqlQuery latest = prepared(m_index, u"SELECT p.id, e.date, e.markdown, e.first_line, e.last_line, f.path"
                                         " FROM papers p JOIN entries e ON e.paper_id = p.id JOIN files f ON f.id = e.file_id"
                                         " WHERE p.key = ? ORDER BY e.date DESC, e.id DESC LIMIT 1"_s);
    latest.addBindValue(id);
    if (!latest.exec() || !latest.next())
        return std::nullopt;
    const qint64 paperId = latest.value(0).toLongLong();
    const QDate date = QDate::fromJulianDay(latest.value(1).toLongLong());
    const QString markdown = latest.value(2).toString();
    std::optional<DigestEntry> entry = parseStoredEntry(date, markdown);
    if (!entry)
        return std::nullopt;

    Paper paper;
    paper.id = id;
    paper.arxivId = entry->arxivId;
    paper.title = entry->title;
    paper.url = entry->url;
    paper.thumbnailUrl = entry->thumbnailUrl;
    paper.videoUrl = entry->videoUrl;
    paper.authors = entry->authors;
    paper.sections = entry->sections;
    paper.markdown = markdown;
    paper.firstLine = latest.value(3).toInt();
    paper.lastLine = latest.value(4).toInt();
    paper.sourceFile = latest.value(5).toString();
    paper.user = m_userStates.value(id);

    QSqlQuery dates = prepared(m_index, u"SELECT date, MAX(votes) FROM entries WHERE paper_id = ? GROUP BY date ORDER BY date"_s);
    dates.addBindValue(paperId);
    dates.exec();
    while (dates.next())
        paper.appearances.append({ QDate::fromJulianDay(dates.value(0).toLongLong()), optionalInt(dates.value(1)) });
    return paper;
}

QList<Paper> Library::papers(const QStringList &ids) const
{
    QList<Paper> list;
    list.reserve(ids.size());
    for (const QString &id : ids) {
        if (auto paper = this->paper(id))
            list.append(std::move(*paper));
    }
    return list;
}

void Library::ensureFacts() const
{
    if (m_factsValid)
        return;
    m_facts = readSearchFacts(m_index);
    m_factsValid = true;
}

Library::SearchFacts Library::readSearchFacts(const QSqlDatabase &index)
{
    SearchFacts facts;
    QSqlQuery papers(index);
    papers.setForwardOnly(true);
    papers.exec(u"SELECT id, key, max_votes, latest_date FROM papers"_s);
    while (papers.next()) {
        PaperFacts &paper = facts[papers.value(0).toLongLong()];
        paper.key = papers.value(1).toString();
        paper.votesKnown = !papers.value(2).isNull();
        paper.votes = papers.value(2).toInt();
        paper.latestDate = papers.value(3).toLongLong();
    }
    QSqlQuery dates(index);
    dates.setForwardOnly(true);
    dates.exec(u"SELECT DISTINCT paper_id, date FROM entries"_s);
    while (dates.next()) {
        const auto paper = facts.find(dates.value(0).toLongLong());
        if (paper != facts.end())
            paper->dates.append(dates.value(1).toLongLong());
    }
    return facts;
}

SearchResult Library::search(const SearchQuery &query) const
{
    SearchResult result;
    ensureFacts();
    const QString match = ftsExpression(parseSearchText(query.text));
    const bool ranked = query.order == SearchQuery::Order::Relevance && !match.isEmpty();

    struct Hit {
        qint64 rowid;
        double rank;
        const PaperFacts *facts;
    };
    QList<Hit> hits;
    const auto consider = [&](qint64 rowid, double rank) {
        const auto found = m_facts.constFind(rowid);
        if (found == m_facts.cend())
            return;
        const PaperFacts &facts = *found;
        // Unknown votes count as none: they pass no minimum above zero.
        if ((query.minVotes && facts.votes < *query.minVotes) || (query.maxVotes && facts.votes > *query.maxVotes))
            return;
        if (query.from.isValid() || query.to.isValid()) {
            const qint64 from = query.from.isValid() ? query.from.toJulianDay() : std::numeric_limits<qint64>::min();
            const qint64 to = query.to.isValid() ? query.to.toJulianDay() : std::numeric_limits<qint64>::max();
            if (std::none_of(facts.dates.cbegin(), facts.dates.cend(), [&](qint64 d) { return d >= from && d <= to; }))
                return;
        }
        if (query.bookmarkedOnly || query.unreadOnly) {
            const UserState state = m_userStates.value(facts.key);
            if ((query.bookmarkedOnly && !state.bookmarked) || (query.unreadOnly && state.read))
                return;
        }
        hits.append({ rowid, rank, &facts });
    };

    if (match.isEmpty()) {
        hits.reserve(m_facts.size());
        for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it)
            consider(it.key(), 0);
    } else {
        QSqlQuery select = prepared(m_index, ranked ? u"SELECT rowid, bm25(papers_fts, 10.0, 4.0, 1.0) FROM papers_fts"
                                                      " WHERE papers_fts MATCH ?"_s
                                                    : u"SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?"_s);
        select.setForwardOnly(true);
        select.addBindValue(match);
        if (!select.exec()) {
            result.error = describeSqlError(select.lastError());
            return result;
        }
        while (select.next())
            consider(select.value(0).toLongLong(), ranked ? select.value(1).toDouble() : 0.0);
    }

    const auto newer = [](const Hit &a, const Hit &b) {
        if (a.facts->latestDate != b.facts->latestDate)
            return a.facts->latestDate > b.facts->latestDate;
        if (a.facts->votes != b.facts->votes)
            return a.facts->votes > b.facts->votes;
        return a.rowid > b.rowid;
    };
    switch (ranked ? SearchQuery::Order::Relevance
                   : query.order == SearchQuery::Order::Relevance ? SearchQuery::Order::Newest : query.order) {
    case SearchQuery::Order::Relevance: // bm25: lower is better
        std::sort(hits.begin(), hits.end(), [&](const Hit &a, const Hit &b) { return a.rank != b.rank ? a.rank < b.rank : newer(a, b); });
        break;
    case SearchQuery::Order::Newest:
        std::sort(hits.begin(), hits.end(), newer);
        break;
    case SearchQuery::Order::None:
        break;
    case SearchQuery::Order::MostVotes:
        std::sort(hits.begin(), hits.end(), [&](const Hit &a, const Hit &b) {
            const int va = a.facts->votesKnown ? a.facts->votes : -1;
            const int vb = b.facts->votesKnown ? b.facts->votes : -1;
            return va != vb ? va > vb : newer(a, b);
        });
        break;
    }
    const qsizetype count = query.limit >= 0 ? std::min<qsizetype>(query.limit, hits.size()) : hits.size();
    result.ids.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        result.ids.append(hits.at(i).facts->key);
    return result;
}

QString Library::resolveId(const QString &text) const
{
    QString id = text.trimmed();
    if (const QString fromUrl = arxivIdFromUrl(id); !fromUrl.isEmpty()) {
        id = fromUrl;
    } else {
        static const QRegularExpression versioned(uR"(^(\d{4}\.\d{4,5})v\d+$)"_s);
        if (const auto match = versioned.match(id); match.hasMatch())
            id = match.captured(1);
    }
    QSqlQuery query = prepared(m_index, u"SELECT 1 FROM papers WHERE key = ?"_s);
    query.addBindValue(id);
    if ((query.exec() && query.next()) || m_userStates.contains(id))
        return id;
    return QString();
}

LibraryStats Library::stats() const
{
    LibraryStats stats;
    stats.files = querySingle(m_index, u"SELECT count(*) FROM files"_s).toInt();
    stats.days = querySingle(m_index, u"SELECT count(DISTINCT date) FROM entries"_s).toInt();
    stats.entries = querySingle(m_index, u"SELECT count(*) FROM (SELECT DISTINCT date, paper_id FROM entries)"_s).toInt();
    stats.papers = querySingle(m_index, u"SELECT count(*) FROM papers"_s).toInt();
    stats.votesTotal = querySingle(m_index, u"SELECT COALESCE(sum(v), 0) FROM (SELECT MAX(votes) AS v FROM entries"
                                            " GROUP BY date, paper_id)"_s)
                           .toLongLong();
    stats.warnings = querySingle(m_index, u"SELECT count(*) FROM warnings"_s).toInt();
    for (const UserState &state : m_userStates) {
        stats.bookmarks += state.bookmarked ? 1 : 0;
        stats.read += state.read ? 1 : 0;
    }
    for (const QString &suffix : { QString(), u"-wal"_s }) {
        stats.indexBytes += QFileInfo(indexPath() + suffix).size();
        stats.userDataBytes += QFileInfo(userDataPath() + suffix).size();
    }
    stats.folders = folders();
    return stats;
}

QList<ParseWarning> Library::warnings() const
{
    QList<ParseWarning> list;
    QSqlQuery query(m_index);
    query.exec(u"SELECT f.path, w.line, w.message FROM warnings w JOIN files f ON f.id = w.file_id"
               " ORDER BY f.path, w.line"_s);
    while (query.next())
        list.append({ query.value(0).toString(), query.value(1).toInt(), query.value(2).toString() });
    return list;
}

QStringList Library::bookmarkIds() const
{
    QStringList ids;
    QSqlQuery query(m_user);
    query.exec(u"SELECT paper_id FROM bookmarks ORDER BY added_at, rowid"_s);
    while (query.next())
        ids += query.value(0).toString();
    return ids;
}

QString Library::bookmarkTitle(const QString &id, QString *url) const
{
    QSqlQuery query = prepared(m_index, u"SELECT title, (SELECT url FROM entries WHERE paper_id = p.id LIMIT 1)"
                                        " FROM papers p WHERE key = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return QString();
    *url = query.value(1).toString();
    return query.value(0).toString();
}

bool Library::setBookmarked(const QStringList &ids, bool bookmarked, QString *error)
{
    const QString now = nowUtc();
    const bool ok = inUserTransaction(
        [&] {
            QSqlQuery change = bookmarked
                ? prepared(m_user, u"INSERT OR IGNORE INTO bookmarks(paper_id, added_at, title, url) VALUES (?, ?, ?, ?)"_s)
                : prepared(m_user, u"DELETE FROM bookmarks WHERE paper_id = ?"_s);
            for (const QString &id : ids) {
                change.bindValue(0, id);
                if (bookmarked) {
                    QString url;
                    const QString title = bookmarkTitle(id, &url);
                    change.bindValue(1, now);
                    change.bindValue(2, title);
                    change.bindValue(3, url);
                }
                if (!change.exec()) {
                    *error = describeSqlError(change.lastError());
                    return false;
                }
            }
            return true;
        },
        error);
    if (ok) {
        for (const QString &id : ids) {
            UserState &state = m_userStates[id];
            if (bookmarked && !state.bookmarked)
                state.bookmarkedAt = QDateTime::fromString(now, Qt::ISODateWithMs);
            state.bookmarked = bookmarked;
            if (!bookmarked) {
                state.note.clear();
                state.tags.clear();
            }
        }
    }
    return ok;
}

bool Library::setNote(const QString &id, const QString &note, QString *error)
{
    if (!m_userStates.value(id).bookmarked && !setBookmarked({ id }, true, error))
        return false;
    const bool ok = inUserTransaction(
        [&] {
            QSqlQuery update = prepared(m_user, u"UPDATE bookmarks SET note = ? WHERE paper_id = ?"_s);
            update.addBindValue(note);
            update.addBindValue(id);
            return update.exec() || (*error = describeSqlError(update.lastError()), false);
        },
        error);
    if (ok)
        m_userStates[id].note = note;
    return ok;
}

bool Library::setTags(const QString &id, const QStringList &tags, QString *error)
{
    if (!m_userStates.value(id).bookmarked && !setBookmarked({ id }, true, error))
        return false;
    QStringList clean;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed().remove(u',');
        if (!t.isEmpty() && !clean.contains(t))
            clean += t;
    }
    const bool ok = inUserTransaction(
        [&] {
            QSqlQuery update = prepared(m_user, u"UPDATE bookmarks SET tags = ? WHERE paper_id = ?"_s);
            update.addBindValue(clean.join(u','));
            update.addBindValue(id);
            return update.exec() || (*error = describeSqlError(update.lastError()), false);
        },
        error);
    if (ok)
        m_userStates[id].tags = clean;
    return ok;
}

bool Library::setRead(const QStringList &ids, bool read, QString *error)
{
    const QString now = nowUtc();
    const bool ok = inUserTransaction(
        [&] {
            QSqlQuery change = read ? prepared(m_user, u"INSERT OR IGNORE INTO read_state(paper_id, read_at) VALUES (?, ?)"_s)
                                    : prepared(m_user, u"DELETE FROM read_state WHERE paper_id = ?"_s);
            for (const QString &id : ids) {
                change.bindValue(0, id);
                if (read)
                    change.bindValue(1, now);
                if (!change.exec()) {
                    *error = describeSqlError(change.lastError());
                    return false;
                }
            }
            return true;
        },
        error);
    if (ok) {
        for (const QString &id : ids)
            m_userStates[id].read = read;
    }
    return ok;
}

QString Library::setting(const QString &key) const
{
    QSqlQuery query = prepared(m_user, u"SELECT value FROM settings WHERE key = ?"_s);
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool Library::setSetting(const QString &key, const QString &value, QString *error)
{
    return inUserTransaction(
        [&] {
            QSqlQuery upsert = prepared(m_user, u"INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)"_s);
            upsert.addBindValue(key);
            upsert.addBindValue(value);
            return upsert.exec() || (*error = describeSqlError(upsert.lastError()), false);
        },
        error);
}

} // namespace hanji
