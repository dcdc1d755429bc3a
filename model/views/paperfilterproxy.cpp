#include "paperfilterproxy.h"

#include "paperlistmodel.h"

#include <algorithm>

namespace hanji {

namespace {

// Qt applies a filter change one interval of rows at a time, each interval moving the whole
// mapping: beyond this many intervals, filtering and sorting anew is cheaper.
constexpr int kMaxIncrementalIntervals = 300;

template<typename T>
int threeWay(const T &a, const T &b)
{
    return (b < a) - (a < b);
}

// Each column breaks its ties with the next most telling key, and the id last, so the order
// never depends on where rows happen to sit in the source.
int compareRows(const PaperListModel &model, int left, int right, int column)
{
    const PaperListModel::Keys &a = model.keysAt(left);
    const PaperListModel::Keys &b = model.keysAt(right);
    int result = 0;
    switch (column) {
    case PaperListModel::BookmarkColumn:
        result = threeWay(a.bookmarkTime, b.bookmarkTime); // not bookmarked is -1: lowest
        if (result == 0)
            result = threeWay(a.latestDay, b.latestDay);
        break;
    case PaperListModel::VotesColumn:
        result = threeWay(a.votes, b.votes); // unknown is -1: lowest
        if (result == 0)
            result = threeWay(a.latestDay, b.latestDay);
        break;
    case PaperListModel::TitleColumn:
        result = model.compareTitles(left, right);
        if (result == 0)
            result = threeWay(a.latestDay, b.latestDay);
        break;
    case PaperListModel::AuthorsColumn:
        result = model.compareAuthors(left, right);
        if (result == 0)
            result = model.compareTitles(left, right);
        break;
    case PaperListModel::DateColumn:
        result = threeWay(a.latestDay, b.latestDay);
        if (result == 0)
            result = threeWay(a.votes, b.votes);
        break;
    case PaperListModel::ArxivIdColumn:
        result = model.paperAt(left).arxivId.compare(model.paperAt(right).arxivId);
        break;
    default:
        Q_ASSERT_X(false, "compareRows", "column out of range");
        break;
    }
    return result != 0 ? result : model.paperAt(left).id.compare(model.paperAt(right).id);
}

} // namespace

PaperFilterProxy::PaperFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // For generic consumers of sortRole(); our lessThan reads the keys directly.
    setSortRole(PaperListModel::SortRole);
    // A typed pointer once, not a cast in each of the 800,000 calls of a sort.
    connect(this, &QAbstractProxyModel::sourceModelChanged, this,
            [this] { m_papers = qobject_cast<const PaperListModel *>(sourceModel()); });
}

template<typename Change>
void PaperFilterProxy::changeFilter(Change &&change)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
    beginFilterChange();
    change();
    if (changesManyIntervals())
        invalidate();
    else
        endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    change();
    if (changesManyIntervals())
        invalidate();
    else
        invalidateRowsFilter();
#endif
}

bool PaperFilterProxy::changesManyIntervals() const
{
    if (!m_papers)
        return false;
    // The mapping still holds what the old filter accepted. Rows that come or go can only make
    // as many intervals as there are rows staying between them, plus one.
    const int shown = rowCount();
    if (shown <= kMaxIncrementalIntervals)
        return false;
    int staying = 0;
    int changing = 0;
    for (int row = 0, count = m_papers->rowCount(); row < count; ++row) {
        const bool accepted = filterAcceptsRow(row, {});
        const bool mapped = mapFromSource(m_papers->index(row, 0)).isValid();
        if (accepted && mapped)
            ++staying;
        else if (accepted || mapped)
            ++changing;
        if (staying > kMaxIncrementalIntervals && changing > kMaxIncrementalIntervals)
            return true;
    }
    return false;
}

void PaperFilterProxy::setScope(const DateScope &scope)
{
    if (scope == m_scope)
        return;
    changeFilter([&] {
        m_scope = scope;
        m_days = scope.dayRange();
    });
}

void PaperFilterProxy::setScopeIds(std::optional<QSet<QString>> ids)
{
    if (ids == m_scopeIds)
        return;
    changeFilter([&] { m_scopeIds = std::move(ids); });
}

void PaperFilterProxy::setExtraDays(QDate first, QDate last)
{
    DateScope::DayRange days;
    if (first.isValid() && last.isValid())
        days = { first.toJulianDay(), last.toJulianDay() };
    if (days.first == m_extraDays.first && days.last == m_extraDays.last)
        return;
    changeFilter([&] { m_extraDays = days; });
}

void PaperFilterProxy::setRanking(std::optional<QHash<QString, int>> rankOfId)
{
    if (rankOfId == m_ranking)
        return;
    m_ranking = std::move(rankOfId);
    invalidate(); // the order changes as well as the rows
}

void PaperFilterProxy::setVoteRange(int minimum, std::optional<int> maximum)
{
    minimum = std::max(minimum, 0);
    if (minimum == m_minimumVotes && maximum == m_maximumVotes)
        return;
    changeFilter([&] {
        m_minimumVotes = minimum;
        m_maximumVotes = maximum;
    });
}

void PaperFilterProxy::setBookmarkedOnly(bool on)
{
    if (on == m_bookmarkedOnly)
        return;
    changeFilter([&] { m_bookmarkedOnly = on; });
}

void PaperFilterProxy::setUnreadOnly(bool on)
{
    if (on == m_unreadOnly)
        return;
    changeFilter([&] { m_unreadOnly = on; });
}

void PaperFilterProxy::setPinnedId(const QString &id)
{
    if (id == m_pinnedId)
        return;
    if (!m_unreadOnly) {
        m_pinnedId = id; // no filter reads it now
        return;
    }
    changeFilter([&] { m_pinnedId = id; });
}

void PaperFilterProxy::setSearchMatches(std::optional<QSet<QString>> ids)
{
    if (ids == m_matches)
        return;
    changeFilter([&] { m_matches = std::move(ids); });
}

bool PaperFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_ASSERT_X(m_papers, "PaperFilterProxy", "the source must be a PaperListModel");
    Q_ASSERT(!sourceParent.isValid());
    if (!m_papers || sourceParent.isValid())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const PaperListModel::Keys &keys = m_papers->keysAt(sourceRow);

    // The compact keys first: most rows fail one of them when a filter is on.
    if ((m_bookmarkedOnly || m_scope.kind == DateScope::Bookmarks) && keys.bookmarkTime < 0)
        return false;
    if (keys.votes >= 0) {
        if (keys.votes < m_minimumVotes || (m_maximumVotes && keys.votes > *m_maximumVotes))
            return false;
    } else if (m_minimumVotes > 0) {
        return false;
    }
    if (m_scope.isDateRange()) {
        if (keys.latestDay < m_days.first || keys.firstDay > m_days.last)
            return false;
        // Between two appearances the scope may still hold none of them.
        const PaperRow &paper = m_papers->paperAt(sourceRow);
        if (paper.appearances.size() > 1 && !m_days.containsAny(paper.appearances))
            return false;
    }
    if (hasExtraDays()) {
        if (keys.latestDay < m_extraDays.first || keys.firstDay > m_extraDays.last)
            return false;
        if (!m_extraDays.containsAny(m_papers->paperAt(sourceRow).appearances))
            return false;
    }
    if (m_unreadOnly && keys.read && (m_pinnedId.isEmpty() || m_papers->paperAt(sourceRow).id != m_pinnedId))
        return false;
    if (m_scopeIds && !m_scopeIds->contains(m_papers->paperAt(sourceRow).id))
        return false;
    if (m_ranking && !m_ranking->contains(m_papers->paperAt(sourceRow).id))
        return false;
    return !m_matches || m_matches->contains(m_papers->paperAt(sourceRow).id);
}

bool PaperFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const PaperListModel *model = m_papers;
    Q_ASSERT_X(model, "PaperFilterProxy", "the source must be a PaperListModel");
    if (!model)
        return QSortFilterProxyModel::lessThan(left, right);
    Q_ASSERT(left.model() == model && right.model() == model);
    Q_ASSERT(left.column() == right.column());

    if (m_ranking) {
        // Best first in either direction of the header.
        const int a = m_ranking->value(model->paperAt(left.row()).id);
        const int b = m_ranking->value(model->paperAt(right.row()).id);
        return sortOrder() == Qt::DescendingOrder ? a > b : a < b;
    }
    return compareRows(*model, left.row(), right.row(), left.column()) < 0;
}

} // namespace hanji
