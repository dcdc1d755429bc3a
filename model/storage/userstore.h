#pragma once

#include "indexreader.h"
#include "paper.h"
#include "result.h"
#include "userfield.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <map>

namespace hanji {

// The user's data as the library uses it: bookmarks with notes and tags, read state, the
// library's folders and small settings. Every read and write of the user database after
// it is opened (UserDatabase) happens here. States are cached in memory and written
// through: each change is one transaction, and the cache follows only what was committed.
// Every change of a paper's user data is also written, in the same transaction, as fields
// with their clocks (UserField), which sync and user-data import merge; the bookmarks and
// read_state tables are what those fields come to, and so is saved_searches (whose own
// writes are SavedSearchStore's, fields included).
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
    // The title and link kept with a bookmark (what a reading list or the index gave).
    [[nodiscard]] Result<PaperLabel> bookmarkLabel(const QString &id) const;
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

    // A consistent copy of the whole user database beside it, named for why it was made
    // ("userdata.before-import-<time>.sqlite"); returns its path.
    [[nodiscard]] Result<QString> backUp(const QString &reason) const;

    // This library's machine id, made once by the schema migration: the clock of its changes.
    [[nodiscard]] QString machineId() const { return m_machine; }
    // Every field with its clock, removals included, ordered by kind, key and field.
    [[nodiscard]] Result<QList<UserField>> fields() const;
    // Sync takes every field that supersedes the one held (UserField::supersedes: last writer
    // wins); an import only adds, taking such a field only where this library holds no value
    // (an empty or missing one), so nothing it has is removed or overwritten; a saved search
    // this library holds is left whole (none of its filters taken from the other).
    enum class Merge { LastWriterWins, OnlyAdd };
    // In one transaction, applied to bookmarks, read state and saved searches; returns the fields taken.
    [[nodiscard]] Result<QList<UserField>> mergeFields(const QList<UserField> &incoming, Merge mode = Merge::LastWriterWins);
    // Makes the data equal to wanted: every field that differs, or that wanted lacks (which
    // then becomes empty: a removal), is written with a new clock of this machine, so the
    // change wins over what other machines hold and reaches them by sync.
    [[nodiscard]] Result<QList<UserField>> replaceFields(const QList<UserField> &wanted);

private:
    // Runs work in a transaction; on failure the cache is read again from what is on disk.
    [[nodiscard]] Result<> change(const std::function<Result<>()> &work);
    [[nodiscard]] Result<QStringList> column(const QString &sql) const;
    // Sets paper fields under this machine's clock (later than the one each field holds), then
    // brings the papers' rows and cached states to what their fields say. Inside change().
    [[nodiscard]] Result<> writePaperFields(const QList<std::pair<QString, QHash<QString, QString>>> &changes);
    [[nodiscard]] Result<> storeField(const UserField &field);
    [[nodiscard]] Result<std::optional<UserField>> storedField(const QString &kind, const QString &key, const QString &field) const;
    // Rewrites a paper's bookmark and read rows from its fields; the cache follows after commit.
    [[nodiscard]] Result<UserState> materialize(const QString &id);
    [[nodiscard]] Result<> applyAll(const QList<UserField> &fields);

    QSqlDatabase m_db;
    QHash<QString, UserState> m_states;
    QHash<QString, UserState> m_pending; // states materialized in the open transaction
    QString m_machine;
    // Statements run once a field, kept prepared: marking a year read is thousands of them.
    [[nodiscard]] QSqlQuery &statement(const QString &sql) const;
    mutable std::map<QString, QSqlQuery> m_statements;
};

} // namespace hanji
