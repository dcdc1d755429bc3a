#pragma once

#include "result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

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

// The saved searches, in the user database (they survive a rebuilt index), by name.
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
    QSqlDatabase m_db;
};

} // namespace hanji
