#include "userdatacommands.h"

#include "datescope.h"
#include "datetreemodel.h"
#include "library.h"
#include "paperlistmodel.h"

#include <algorithm>

namespace hanji {

UserDataCommands::UserDataCommands(Library &library, PaperListModel *papers, DateTreeModel *dates)
    : m_library(library)
    , m_papers(papers)
    , m_dates(dates)
{
}

UserState UserDataCommands::state(const QString &id) const { return m_library.userState(id); }

bool UserDataCommands::allHave(const QStringList &ids, bool UserState::*flag) const
{
    return std::all_of(ids.cbegin(), ids.cend(), [this, flag](const QString &id) { return state(id).*flag; });
}

Result<bool> UserDataCommands::toggleBookmark(const QStringList &ids)
{
    const bool bookmark = !allHave(ids, &UserState::bookmarked);
    return stored(m_library.setBookmarked(ids, bookmark), ids).transform([bookmark] { return bookmark; });
}

Result<bool> UserDataCommands::toggleRead(const QStringList &ids)
{
    const bool read = !allHave(ids, &UserState::read);
    return stored(m_library.setRead(ids, read), ids).transform([read] { return read; });
}

Result<> UserDataCommands::markRead(const QStringList &ids)
{
    QStringList unread;
    for (const QString &id : ids) {
        if (!state(id).read)
            unread += id;
    }
    if (unread.isEmpty())
        return {};
    return stored(m_library.setRead(unread, true), unread);
}

Result<> UserDataCommands::markScopeRead(const DateScope &scope)
{
    QStringList ids;
    for (int row = 0; row < m_papers->rowCount(); ++row) {
        const PaperRow &paper = m_papers->paperAt(row);
        if (!paper.read && scope.contains(paper))
            ids += paper.id;
    }
    return markRead(ids);
}

Result<> UserDataCommands::setNote(const QString &id, const QString &note)
{
    return stored(m_library.setNote(id, note), { id });
}

void UserDataCommands::showStoredStates()
{
    // Looked up, not copied: 52,830 rows at ten years, nearly all of them unchanged.
    const QHash<QString, UserState> &states = m_library.userStore().states();
    const UserState none;
    QStringList changed;
    for (int row = 0; row < m_papers->rowCount(); ++row) {
        const PaperRow &paper = m_papers->paperAt(row);
        const auto found = states.constFind(paper.id);
        const UserState &now = found == states.cend() ? none : *found;
        if (now.bookmarked != paper.bookmarked || now.bookmarkedAt != paper.bookmarkedAt || now.read != paper.read)
            changed += paper.id;
    }
    showStates(changed);
}

void UserDataCommands::showStates(const QStringList &ids)
{
    // All at once: a year marked read or a sync's thousands of read marks re-sort the list
    // once, not once per paper.
    QList<PaperListModel::UserStateChange> papers;
    QList<DateTreeModel::UserStateChange> dates;
    papers.reserve(ids.size());
    dates.reserve(ids.size());
    for (const QString &id : ids) {
        const UserState now = state(id);
        papers.append({ id, now.bookmarked, now.bookmarkedAt, now.read });
        dates.append({ id, now.bookmarked, now.read });
    }
    m_papers->updateUserStates(papers);
    m_dates->updateUserStates(dates);
}

Result<> UserDataCommands::stored(const Result<> &saved, const QStringList &ids)
{
    if (!saved)
        return saved;
    showStates(ids);
    if (m_changed && !ids.isEmpty())
        m_changed();
    return {};
}

} // namespace hanji
