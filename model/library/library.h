#pragma once

#include "importer.h"
#include "paper.h"
#include "searchquery.h"

#include <QHash>
#include <QSqlDatabase>

#include <memory>

namespace hanji {

struct LibraryStats {
    int files = 0;
    int days = 0;
    int entries = 0; // distinct date-paper pairs
    int papers = 0;
    qint64 votesTotal = 0;
    int bookmarks = 0;
    int read = 0;
    int warnings = 0;
    qint64 indexBytes = 0;
    qint64 userDataBytes = 0;
    QStringList folders;
};

struct SearchResult {
    QStringList ids; // paper ids, in the order asked for
    QString error;
};

// A folder of digests made into a library: the index (a rebuildable cache of the files)
// and the user's data (bookmarks, notes, read state), two SQLite files in one directory.
// Lives on one thread; imports may run elsewhere through Importer on the same index file.
class Library
{
public:
    struct OpenResult {
        std::unique_ptr<Library> library;
        QString error;
        QStringList notices; // what the user should be told, e.g. a rebuilt index
    };

    [[nodiscard]] static OpenResult open(const QString &directory = QString());
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
    [[nodiscard]] QStringList folders() const;
    [[nodiscard]] bool addFolders(const QStringList &folders, QString *error);
    [[nodiscard]] ImportReport import(const QStringList &folders, const Importer::ProgressCallback &progress = {},
                                      const std::atomic_bool *cancel = nullptr);

    // What search filters and orders by, for every paper (by index row), kept in memory:
    // FTS5 then only has to name the matching rows.
    struct PaperFacts {
        QString key;
        qint64 latestDate = 0;
        int votes = 0; // highest; unknown counts as 0, as in the filters
        bool votesKnown = false;
        QList<qint64> dates;
    };
    using SearchFacts = QHash<qint64, PaperFacts>;
    // Reads them from an index, on any thread with its own connection.
    [[nodiscard]] static SearchFacts readSearchFacts(const QSqlDatabase &index);

    // Call after an import made elsewhere (another thread's Importer): drops what is cached,
    // or takes the facts that thread already read.
    void indexChanged(std::optional<SearchFacts> facts = std::nullopt)
    {
        m_factsValid = facts.has_value();
        m_facts = facts ? std::move(*facts) : SearchFacts();
    }

    [[nodiscard]] QList<PaperRow> rows() const;
    // The rows as stored in an index, without the user's state: for a worker thread with a
    // connection of its own, so the UI thread does not wait for tens of thousands of rows.
    [[nodiscard]] static QList<PaperRow> readRows(const QSqlDatabase &index);
    // Fills in bookmark and read state, which only this object knows.
    void applyUserState(QList<PaperRow> &rows) const;
    [[nodiscard]] std::optional<Paper> paper(const QString &id) const;
    [[nodiscard]] QList<Paper> papers(const QStringList &ids) const;
    [[nodiscard]] SearchResult search(const SearchQuery &query) const;
    // "2401.04088", "2401.04088v2", an arXiv or Hugging Face link, or a paper URL: the id it names, if known.
    [[nodiscard]] QString resolveId(const QString &text) const;
    [[nodiscard]] LibraryStats stats() const;
    [[nodiscard]] QList<ParseWarning> warnings() const;

    // The user's data: each call is one transaction, saved when it returns true.
    [[nodiscard]] UserState userState(const QString &id) const { return m_userStates.value(id); }
    [[nodiscard]] QStringList bookmarkIds() const; // in the order added
    [[nodiscard]] bool setBookmarked(const QStringList &ids, bool bookmarked, QString *error);
    [[nodiscard]] bool setNote(const QString &id, const QString &note, QString *error);
    [[nodiscard]] bool setTags(const QString &id, const QStringList &tags, QString *error);
    [[nodiscard]] bool setRead(const QStringList &ids, bool read, QString *error);
    [[nodiscard]] QString setting(const QString &key) const;
    [[nodiscard]] bool setSetting(const QString &key, const QString &value, QString *error);

private:
    Library() = default;
    void ensureFacts() const;
    void loadUserStates();
    [[nodiscard]] bool inUserTransaction(const std::function<bool()> &work, QString *error);
    [[nodiscard]] QString bookmarkTitle(const QString &id, QString *url) const;

    QString m_directory;
    QString m_indexConnection;
    QString m_userConnection;
    QSqlDatabase m_index;
    QSqlDatabase m_user;
    bool m_indexIsNew = false;
    QHash<QString, UserState> m_userStates;
    mutable SearchFacts m_facts;
    mutable bool m_factsValid = false;
};

} // namespace hanji
