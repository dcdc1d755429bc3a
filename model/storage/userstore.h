#pragma once

#include "indexreader.h"
#include "paper.h"
#include "result.h"

#include <QHash>
#include <QSqlDatabase>

namespace hanji {

// The user's data as the library uses it: bookmarks with notes and tags, read state, the
// library's folders and small settings. Every read and write of the user database after
// it is opened (UserDatabase) happens here. States are cached in memory and written
// through: each change is one transaction, and the cache follows only what was committed.
class UserStore
{
public:
    explicit UserStore(QSqlDatabase db);

    // (Re)reads the cache from disk.
    [[nodiscard]] Result<> load();

    [[nodiscard]] UserState state(const QString &id) const { return m_states.value(id); }
    [[nodiscard]] bool knows(const QString &id) const { return m_states.contains(id); }
    [[nodiscard]] const QHash<QString, UserState> &states() const { return m_states; }

    [[nodiscard]] Result<QStringList> bookmarkIds() const; // in the order added
    // labels: what the index says of each paper, kept with the bookmark.
    [[nodiscard]] Result<> addBookmarks(const QStringList &ids, const QHash<QString, PaperLabel> &labels);
    [[nodiscard]] Result<> removeBookmarks(const QStringList &ids);
    [[nodiscard]] Result<> setNote(const QString &id, const QString &note); // the paper must be bookmarked
    [[nodiscard]] Result<> setTags(const QString &id, const QStringList &tags); // likewise; cleaned here
    [[nodiscard]] Result<> setRead(const QStringList &ids, bool read);

    [[nodiscard]] Result<QStringList> folders() const; // in the order added
    [[nodiscard]] Result<> addFolders(const QStringList &folders);
    // An unset key reads as an empty string.
    [[nodiscard]] Result<QString> setting(const QString &key) const;
    [[nodiscard]] Result<> setSetting(const QString &key, const QString &value);

private:
    // Runs work in a transaction; on failure the cache is read again from what is on disk.
    [[nodiscard]] Result<> change(const std::function<Result<>()> &work);
    [[nodiscard]] Result<QStringList> column(const QString &sql) const;

    QSqlDatabase m_db;
    QHash<QString, UserState> m_states;
};

} // namespace hanji
