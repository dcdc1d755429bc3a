#pragma once

#include "paper.h"
#include "result.h"

#include <QStringList>

#include <functional>

namespace hanji {

struct DateScope;
class DateTreeModel;
class Library;
class PaperListModel;

// The reader's commands on the user's data: bookmark, note, read and unread, a whole date
// read. The one place in the window that writes through the Library; each command is one
// transaction, and once it is saved the list and the date tree show the new state.
class UserDataCommands
{
public:
    UserDataCommands(Library &library, PaperListModel *papers, DateTreeModel *dates);

    [[nodiscard]] UserState state(const QString &id) const;

    // One state for the whole selection: bookmarks all unless all are bookmarked already,
    // then says which it did (true: bookmarked).
    [[nodiscard]] Result<bool> toggleBookmark(const QStringList &ids);
    // The same for the read state (true: marked read).
    [[nodiscard]] Result<bool> toggleRead(const QStringList &ids);
    // Marks these read, leaving alone (and not writing) those that are read already.
    [[nodiscard]] Result<> markRead(const QStringList &ids);
    // Every unread paper of the list within the scope (a day, a month, the bookmarks…).
    [[nodiscard]] Result<> markScopeRead(const DateScope &scope);
    [[nodiscard]] Result<> setNote(const QString &id, const QString &note);
    // After the user data changed elsewhere (a sync): the list and the tree show the bookmark
    // and read marks the library has now. The rows are the models' own: nothing is read.
    void showStoredStates();
    // Called after every change is saved (the window schedules a sync).
    void setOnChanged(std::function<void()> changed) { m_changed = std::move(changed); }

private:
    // What the setters' bool and error text become, the models updated on success.
    [[nodiscard]] Result<> stored(const Result<> &saved, const QStringList &ids);
    void showStates(const QStringList &ids);
    [[nodiscard]] bool allHave(const QStringList &ids, bool UserState::*flag) const;

    Library &m_library;
    PaperListModel *m_papers;
    DateTreeModel *m_dates;
    std::function<void()> m_changed;
};

} // namespace hanji
