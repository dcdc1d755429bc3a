#pragma once

#include "arrivallog.h"
#include "importer.h"
#include "indexreader.h"
#include "paper.h"
#include "result.h"
#include "searchengine.h"
#include "savedsearchstore.h"
#include "searchquery.h"
#include "userstore.h"

#include <QSqlDatabase>

#include <memory>

namespace hanji {

struct LibraryStats {
    IndexCounts index;
    int newPapers = 0; // arrived since the previous session
    int bookmarks = 0;
    int read = 0;
    qint64 indexBytes = 0;
    qint64 userDataBytes = 0;
    QStringList folders;
};

// A folder of digests made into a library: the index (a rebuildable cache of the files)
// and the user's data (bookmarks, notes, read state), two SQLite files in one directory.
// A thin facade over the classes that do the work: UserStore, IndexReader, SearchEngine and
// Importer. Lives on one thread; imports may run elsewhere through Importer on the same index.
class Library
{
public:
    struct Opened {
        std::unique_ptr<Library> library;
        QStringList notices; // what the user should be told, e.g. a rebuilt index
    };

    [[nodiscard]] static Result<Opened> open(const QString &directory = QString());
    [[nodiscard]] static QString defaultDirectory();
    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString indexPath() const;
    [[nodiscard]] QString userDataPath() const;
    // True when the index was (re)created on open: it must be filled from the folders again.
    [[nodiscard]] bool indexIsNew() const { return m_indexIsNew; }

    // Folders the library reads; importing a folder adds it.
    [[nodiscard]] Result<QStringList> folders() const { return m_user->folders(); }
    [[nodiscard]] Result<> addFolders(const QStringList &folders) { return m_user->addFolders(folders); }
    [[nodiscard]] ImportReport import(const QStringList &folders, const Importer::ProgressCallback &progress = {},
                                      const std::atomic_bool *cancel = nullptr);
    // After an import made elsewhere (another thread's Importer): forget the cached search
    // facts, or take those that thread already read.
    void setIndexChanged() { m_search->resetFacts(); }
    void setIndexChanged(SearchFacts facts) { m_search->resetFacts(std::move(facts)); }

    [[nodiscard]] Result<QList<PaperRow>> rows() const;
    // Fills in bookmark and read state, which only this object knows.
    void applyUserState(QList<PaperRow> &rows) const { applyUserState(rows, m_user->states()); }
    // The same from a copy of the states taken on this thread (userStore().states()), on any
    // thread: the copy is implicitly shared, and a write here detaches from it.
    static void applyUserState(QList<PaperRow> &rows, const QHash<QString, UserState> &states);
    [[nodiscard]] Result<std::optional<Paper>> paper(const QString &id) const;
    [[nodiscard]] Result<QList<Paper>> papers(const QStringList &ids) const;
    [[nodiscard]] Result<QStringList> search(const SearchQuery &query) const { return m_search->search(query); }
    // Every matching id, unordered: the window's search, in one step.
    [[nodiscard]] Result<QStringList> matchingIds(const SearchQuery &query) const { return m_search->matchingIds(query); }
    // "2401.04088", "2401.04088v2", an arXiv or Hugging Face link, or a paper URL: the id it
    // names, if the library knows it.
    [[nodiscard]] Result<std::optional<QString>> resolveId(const QString &text) const;
    [[nodiscard]] Result<LibraryStats> stats() const;

    // The user's data: each call is one transaction, saved when it succeeds.
    [[nodiscard]] UserState userState(const QString &id) const { return m_user->state(id); }
    [[nodiscard]] Result<QStringList> bookmarkIds() const { return m_user->bookmarkIds(); }
    [[nodiscard]] Result<> setBookmarked(const QStringList &ids, bool bookmarked);
    // Bookmarks with the index's title and link, or the given ones for papers the index lacks
    // (a reading list made elsewhere names papers of no digest here).
    [[nodiscard]] Result<> addBookmarks(const QStringList &ids, const QHash<QString, PaperLabel> &given);
    // A note or tags bookmark the paper first.
    [[nodiscard]] Result<> setNote(const QString &id, const QString &note);
    [[nodiscard]] Result<> setTags(const QString &id, const QStringList &tags);
    [[nodiscard]] Result<> setRead(const QStringList &ids, bool read) { return m_user->setRead(ids, read); }
    [[nodiscard]] Result<QString> setting(const QString &key) const { return m_user->setting(key); }

    // What is new: the papers that arrived after the previous session of the window ended
    // (that moment is read once, on open). Imports note arrivals in the user database.
    [[nodiscard]] QDateTime newSince() const { return m_newSince; }
    [[nodiscard]] Result<QStringList> newIds() const;
    // Notes the index's papers not seen before as arrived now; returns those.
    [[nodiscard]] Result<QStringList> noteArrivals();
    // (The window's imports note them on their worker: ArrivalLog::recordInFile.)
    // The window closes: what arrived until now is not new the next time.
    [[nodiscard]] Result<> endSession();

    // Saved searches (in the user database) and what each finds now.
    [[nodiscard]] Result<QList<SavedSearch>> savedSearches() const { return m_saved->all(); }
    [[nodiscard]] Result<std::optional<SavedSearch>> savedSearch(const QString &name) const { return m_saved->find(name); }
    [[nodiscard]] Result<> saveSearch(const SavedSearch &search);
    [[nodiscard]] Result<> renameSavedSearch(const QString &name, const QString &newName)
    {
        return m_saved->rename(name, newName);
    }
    [[nodiscard]] Result<> removeSavedSearch(const QString &name) { return m_saved->remove(name); }
    [[nodiscard]] static SearchQuery queryOf(const SavedSearch &search);
    // The ids a saved search finds, in no particular order.
    [[nodiscard]] Result<QStringList> savedSearchIds(const SavedSearch &search) const;
    [[nodiscard]] Result<> setSetting(const QString &key, const QString &value) { return m_user->setSetting(key, value); }

    // For sync and user-data import, which merge fields into the store directly.
    [[nodiscard]] UserStore &userStore() { return *m_user; }
    // After another connection changed the user data (a sync on a worker thread).
    [[nodiscard]] Result<> reloadUserData() { return m_user->load(); }

private:
    Library() = default;
    [[nodiscard]] Result<> ensureBookmarked(const QString &id);

    QString m_directory;
    QString m_indexConnection;
    QString m_userConnection;
    bool m_indexIsNew = false;
    std::unique_ptr<IndexReader> m_index;
    std::unique_ptr<UserStore> m_user;
    std::unique_ptr<SearchEngine> m_search;
    std::unique_ptr<ArrivalLog> m_arrivals;
    std::unique_ptr<SavedSearchStore> m_saved;
    QDateTime m_newSince;
};

} // namespace hanji
