#include "paperfilterproxy.h"

#include "paperlistmodel.h"

#include <algorithm>
#include <numeric>

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
    if (const std::vector<qint32> *ranks = model.keyRanks(column))
        return threeWay((*ranks)[std::size_t(left)], (*ranks)[std::size_t(right)]);
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
    case PaperListModel::DateColumn:
        return PaperListModel::compareByKeys(column, a, model.paperAt(left).id, b, model.paperAt(right).id);
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
}

void PaperFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    forgetRows();
    // A typed pointer once, not a cast in each of the 800,000 calls of a sort.
    m_papers = qobject_cast<const PaperListModel *>(model);
    if (model) {
        // Connected before the base class is: the places must be forgotten before it follows
        // a change by comparing rows.
        const auto forget = [this] { forgetRows(); };
        const auto forgetOrder = [this] { m_placeOfRow.clear(); }; // a row's keys, not its paper
        m_sourceConnections = {
            connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, forget),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, forget),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, forget),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, forget),
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, forget),
            connect(model, &QAbstractItemModel::dataChanged, this, forgetOrder),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void PaperFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_placeOfRow.clear();
    QSortFilterProxyModel::sort(column, order);
}

void PaperFilterProxy::forgetRows()
{
    m_placeOfRow.clear();
    m_matchedRows.clear();
}

void PaperFilterProxy::prepareOrder()
{
    // A ranking orders by itself; the places are the column's.
    const int column = sortColumn();
    if (!m_papers || m_ranking || column < 0 || !m_placeOfRow.empty())
        return;
    const int count = m_papers->rowCount();
    // Asked before any place is known: a list not yet made is sorted by comparing papers.
    const bool everyRowListed = rowCount() == count;
    std::vector<int> places(static_cast<std::size_t>(count));
    if (everyRowListed) {
        // Listed in the column's order already: the places are read off the list.
        const bool descending = sortOrder() == Qt::DescendingOrder;
        for (int row = 0; row < count; ++row)
            places[std::size_t(mapToSource(index(row, 0)).row())] = descending ? count - 1 - row : row;
    } else {
        std::vector<int> rows(places.size());
        std::iota(rows.begin(), rows.end(), 0);
        std::sort(rows.begin(), rows.end(), [&](int a, int b) { return compareRows(*m_papers, a, b, column) < 0; });
        for (std::size_t place = 0; place < rows.size(); ++place)
            places[std::size_t(rows[place])] = int(place);
    }
    m_placeOfRow = std::move(places);
}

void PaperFilterProxy::flagMatchedRows() const
{
    m_matchedRows.clear();
    if (!m_papers || !m_matches)
        return;
    // By the matches, not the rows: a narrow search looks up few ids.
    m_matchedRows.resize(std::size_t(m_papers->rowCount()), false);
    for (const QString &id : std::as_const(*m_matches)) {
        if (const int row = m_papers->indexOfId(id); row >= 0)
            m_matchedRows[std::size_t(row)] = true;
    }
}

template<typename Change>
void PaperFilterProxy::changeFilter(Change &&change)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
    beginFilterChange();
    change();
    prepareOrder();
    if (changesManyIntervals())
        invalidate();
    else
        endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    change();
    prepareOrder();
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

void PaperFilterProxy::setSearchMatches(std::optional<QStringList> ids)
{
    if (ids == m_matches)
        return;
    changeFilter([&] {
        m_matches = std::move(ids);
        m_matchedRows.clear();
    });
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
    if (!m_matches)
        return true;
    if (m_matchedRows.size() != std::size_t(m_papers->rowCount()))
        flagMatchedRows();
    return m_matchedRows[std::size_t(sourceRow)];
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
    if (!m_placeOfRow.empty() && left.column() == sortColumn())
        return m_placeOfRow[std::size_t(left.row())] < m_placeOfRow[std::size_t(right.row())];
    return compareRows(*model, left.row(), right.row(), left.column()) < 0;
}

} // namespace hanji
