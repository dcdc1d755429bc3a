#include "library.h"

#include "indexdatabase.h"
#include "paperid.h"
#include "sqlutil.h"
#include "userdatabase.h"

#include <QDir>
#include <algorithm>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
const QString kSessionEndKey = u"previous_session_end"_s;
} // namespace

QString Library::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<Library::Opened> Library::open(const QString &directory)
{
    const QString dir = QFileInfo(directory.isEmpty() ? defaultDirectory() : directory).absoluteFilePath();
    if (!QDir().mkpath(dir))
        return failure(u"cannot create the library folder %1"_s.arg(dir));
    if (!QFileInfo(dir).isWritable())
        return failure(u"the library folder %1 is read-only"_s.arg(dir), Error::Kind::ReadOnly);
    Opened opened;
    std::unique_ptr<Library> library(new Library);
    library->m_directory = dir;
    library->m_userConnection = uniqueConnectionName(u"user"_s);
    library->m_indexConnection = uniqueConnectionName(u"index"_s);

    // The user's data first: if it cannot be opened safely, nothing else matters.
    Result<UserDatabase::Opened> user = UserDatabase::open(library->userDataPath(), library->m_userConnection);
    if (!user)
        return failure(user.error());
    if (!user->notice.isEmpty())
        opened.notices += user->notice;
    library->m_user = std::make_unique<UserStore>(user->db);
    if (Result<> loaded = library->m_user->load(); !loaded)
        return failure(loaded.error());
    library->m_arrivals = std::make_unique<ArrivalLog>(user->db);
    library->m_saved = std::make_unique<SavedSearchStore>(user->db);
    const Result<QString> since = library->m_user->setting(kSessionEndKey);
    if (!since)
        return failure(since.error());
    library->m_newSince = QDateTime::fromString(*since, Qt::ISODateWithMs);

    const bool indexExisted = QFileInfo(library->indexPath()).size() > 0;
    Result<IndexDatabase::Opened> index = IndexDatabase::open(library->indexPath(), library->m_indexConnection);
    if (!index)
        return failure(index.error());
    if (!index->notice.isEmpty())
        opened.notices += index->notice;
    library->m_index = std::make_unique<IndexReader>(index->db);
    library->m_search = std::make_unique<SearchEngine>(*library->m_index, *library->m_user);
    library->m_indexIsNew = !indexExisted || index->rebuilt;
    // A library from before arrivals were noted: what it holds is where "new" starts from.
    if (!library->m_indexIsNew) {
        const Result<bool> none = library->m_arrivals->isEmpty();
        if (!none)
            return failure(none.error());
        if (*none) {
            if (Result<QStringList> noted = library->noteArrivals(); !noted)
                return failure(noted.error());
        }
    }
    opened.library = std::move(library);
    return opened;
}

Library::~Library()
{
    // The handles go before their connections.
    m_saved.reset();
    m_arrivals.reset();
    m_search.reset();
    m_index.reset();
    m_user.reset();
    closeSqlite(m_indexConnection);
    closeSqlite(m_userConnection);
}

QString Library::indexPath() const { return QDir(m_directory).filePath(u"index.sqlite"_s); }

QString Library::userDataPath() const { return QDir(m_directory).filePath(u"userdata.sqlite"_s); }

ImportReport Library::import(const QStringList &folders, const Importer::ProgressCallback &progress,
                             const std::atomic_bool *cancel)
{
    QStringList existing;
    for (const QString &folder : folders) {
        if (QFileInfo(folder).isDir())
            existing += folder;
    }
    if (Result<> added = addFolders(existing); !added) {
        ImportReport report;
        report.error = added.error();
        return report;
    }
    ImportReport report = Importer(indexPath()).run(folders, progress, cancel);
    if (report.ok() && !report.cancelled)
        m_indexIsNew = false;
    setIndexChanged();
    // Even a cancelled import kept what it read: those papers have arrived.
    if (report.ok() && (report.parsed > 0 || report.removed > 0)) {
        if (Result<QStringList> arrived = noteArrivals(); arrived)
            report.arrived = *arrived;
        else
            report.error = arrived.error();
    }
    return report;
}

Result<QList<PaperRow>> Library::rows() const
{
    // The search facts come with the rows at no cost: the window's first search then reads
    // nothing (it took 160 ms on the UI thread at ten years). A cache, hence in a const call.
    Result<IndexReader::RowsAndFacts> both = m_index->rowsAndFacts();
    if (!both)
        return failure(both.error());
    m_search->resetFacts(std::move(both->facts));
    applyUserState(both->rows);
    return std::move(both->rows);
}

void Library::applyUserState(QList<PaperRow> &rows, const QHash<QString, UserState> &states)
{
    for (PaperRow &row : rows) {
        const auto state = states.constFind(row.id);
        if (state == states.cend())
            continue;
        row.bookmarked = state->bookmarked;
        row.bookmarkedAt = state->bookmarkedAt;
        row.read = state->read;
    }
}

namespace {

// The entries whose summary or fields say something the shown text does not: another
// archive's telling of the paper, not the same digest text repeated on a later day.
QList<DigestEntry> differentTexts(const Paper &shown, const QList<DigestEntry> &entries)
{
    QList<DigestEntry> different;
    const auto sameText = [](const DigestEntry &entry, const QList<SummarySection> &sections,
                             const QList<SummarySection> &fields) {
        return entry.sections == sections && entry.fields == fields;
    };
    for (const DigestEntry &entry : entries) {
        if (entry.sections.isEmpty() && entry.fields.isEmpty())
            continue;
        if (sameText(entry, shown.sections, shown.fields))
            continue;
        if (std::ranges::any_of(different, [&](const DigestEntry &kept) { return sameText(entry, kept.sections, kept.fields); }))
            continue;
        different.append(entry);
    }
    return different;
}

} // namespace

Result<std::optional<Paper>> Library::paper(const QString &id) const
{
    Result<QList<Paper>> found = papers({ id });
    if (!found)
        return failure(found.error());
    if (found->isEmpty())
        return std::nullopt;
    Paper paper = found->takeFirst();
    Result<QList<DigestEntry>> entries = m_index->entries(id);
    if (!entries)
        return failure(entries.error());
    paper.otherTexts = differentTexts(paper, *entries);
    return paper;
}

Result<QList<Paper>> Library::papers(const QStringList &ids) const
{
    Result<QList<Paper>> papers = m_index->papers(ids);
    if (papers) {
        for (Paper &paper : *papers)
            paper.user = m_user->state(paper.id);
    }
    return papers;
}

Result<std::optional<QString>> Library::resolveId(const QString &text) const
{
    QString id = text.trimmed();
    if (const QString fromUrl = arxivIdFromUrl(id); !fromUrl.isEmpty()) {
        id = fromUrl;
    } else {
        static const QRegularExpression versioned(uR"(^(\d{4}\.\d{4,5})v\d+$)"_s);
        if (const auto match = versioned.match(id); match.hasMatch())
            id = match.captured(1);
    }
    if (m_user->knows(id))
        return id;
    const Result<bool> known = m_index->contains(id);
    if (!known)
        return failure(known.error());
    return *known ? std::optional(id) : std::nullopt;
}

Result<LibraryStats> Library::stats() const
{
    LibraryStats stats;
    Result<IndexCounts> counts = m_index->counts();
    if (!counts)
        return failure(counts.error());
    stats.index = *counts;
    Result<QStringList> folders = this->folders();
    if (!folders)
        return failure(folders.error());
    stats.folders = *folders;
    for (const UserState &state : m_user->states()) {
        stats.bookmarks += state.bookmarked ? 1 : 0;
        stats.read += state.read ? 1 : 0;
    }
    const Result<QStringList> fresh = newIds();
    if (!fresh)
        return failure(fresh.error());
    stats.newPapers = int(fresh->size());
    for (const QString &suffix : { QString(), u"-wal"_s }) {
        stats.indexBytes += QFileInfo(indexPath() + suffix).size();
        stats.userDataBytes += QFileInfo(userDataPath() + suffix).size();
    }
    return stats;
}

Result<> Library::setBookmarked(const QStringList &ids, bool bookmarked)
{
    if (!bookmarked)
        return m_user->removeBookmarks(ids);
    const Result<QHash<QString, PaperLabel>> labels = m_index->labels(ids);
    if (!labels)
        return failure(labels.error());
    return m_user->addBookmarks(ids, *labels);
}

Result<> Library::addBookmarks(const QStringList &ids, const QHash<QString, PaperLabel> &given)
{
    Result<QHash<QString, PaperLabel>> labels = m_index->labels(ids);
    if (!labels)
        return failure(labels.error());
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!labels->contains(it.key()) || labels->value(it.key()).title.isEmpty())
            labels->insert(it.key(), it.value());
    }
    return m_user->addBookmarks(ids, *labels);
}

Result<> Library::ensureBookmarked(const QString &id)
{
    return m_user->state(id).bookmarked ? Result<>() : setBookmarked({ id }, true);
}

Result<> Library::setNote(const QString &id, const QString &note)
{
    if (Result<> bookmarked = ensureBookmarked(id); !bookmarked)
        return bookmarked;
    return m_user->setNote(id, note);
}

Result<> Library::setTags(const QString &id, const QStringList &tags)
{
    if (Result<> bookmarked = ensureBookmarked(id); !bookmarked)
        return bookmarked;
    return m_user->setTags(id, tags);
}

Result<QStringList> Library::noteArrivals()
{
    const Result<QStringList> keys = m_index->keys();
    if (!keys)
        return failure(keys.error());
    return m_arrivals->record(*keys);
}

Result<QStringList> Library::newIds() const
{
    Result<QStringList> arrived = m_arrivals->arrivedAfter(m_newSince);
    if (!arrived)
        return arrived;
    // Only those the index still lists: a paper whose digest went away is not news.
    QStringList present;
    for (const QString &id : std::as_const(*arrived)) {
        const Result<bool> known = m_index->contains(id);
        if (!known)
            return failure(known.error());
        if (*known)
            present += id;
    }
    return present;
}

Result<> Library::endSession()
{
    return m_user->setSetting(kSessionEndKey, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

Result<> Library::saveSearch(const SavedSearch &search)
{
    // A query the search would refuse is refused now, not each time the tree is counted.
    if (const auto terms = parseBoundedSearchText(search.query); !terms)
        return failure(terms.error());
    return m_saved->save(search);
}

SearchQuery Library::queryOf(const SavedSearch &search)
{
    return SearchQuery {
        .text = search.query,
        .minVotes = search.minVotes,
        .maxVotes = search.maxVotes,
        .from = search.from,
        .to = search.to,
        .bookmarkedOnly = search.bookmarkedOnly,
        .unreadOnly = search.unreadOnly,
        .order = SearchQuery::Order::None,
    };
}

Result<QStringList> Library::savedSearchIds(const SavedSearch &search) const { return m_search->search(queryOf(search)); }

} // namespace hanji
