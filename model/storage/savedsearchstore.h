#pragma once

#include "result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

#include <optional>

namespace hanji {

// A search the user keeps under a name: the words and the filters, as typed.
struct SavedSearch {
    QString name {};
    QString query {};
    std::optional<int> minVotes {};
    std::optional<int> maxVotes {};
    QDate from {}; // invalid = open
    QDate to {};
    bool bookmarkedOnly = false;
    bool unreadOnly = false;
    bool operator==(const SavedSearch &) const = default;
};

// The saved searches, in the user database (they survive a rebuilt index), by name. Every
// write is also, in the same transaction, a "search" record of fields with their clocks
// (userfield.h), which sync and user-data import merge; the saved_searches table is what
// those fields come to.
class SavedSearchStore
{
public:
    explicit SavedSearchStore(QSqlDatabase db);

    [[nodiscard]] Result<QList<SavedSearch>> all() const; // by name
    [[nodiscard]] Result<std::optional<SavedSearch>> find(const QString &name) const;
    // Adds it, or replaces the one of the same name.
    [[nodiscard]] Result<> save(const SavedSearch &search);
    // Invalid error when there is none of that name (or the new name is taken).
    [[nodiscard]] Result<> rename(const QString &name, const QString &newName);
    [[nodiscard]] Result<> remove(const QString &name);

private:
    [[nodiscard]] Result<> write(const std::function<Result<>(const QString &machine)> &work);

    QSqlDatabase m_db;
};

// Inside an open transaction on db: rewrites the saved_searches row of name from its
// "search" fields (removes it when they say removed).
[[nodiscard]] Result<> materializeSavedSearch(const QSqlDatabase &db, const QString &name);
// Gives fields under machine's clock, now, to every saved search that has none (one saved
// before searches synced), in one transaction; a no-op when all have theirs.
[[nodiscard]] Result<> clockSavedSearches(const QSqlDatabase &db, const QString &machine);

} // namespace hanji
