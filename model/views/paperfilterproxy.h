#pragma once

#include "datescope.h"

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace hanji {

class PaperListModel;

// Filters and sorts a PaperListModel for the reader window's table. All filters combine:
// the tree node's scope, a vote range, bookmarked-only, unread-only and the search matches.
//
// Sorting is by the column the header asks for: votes and dates numeric (unknown votes
// lowest), titles and authors by collation (numeric, case-insensitive), each column breaking
// ties with the next telling one and finally the id, so the order never depends on chance.
class PaperFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PaperFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setScope(const DateScope &scope);
    [[nodiscard]] DateScope scope() const { return m_scope; }
    // The ids of a scope that is a set of ids (New, a saved search), or nullopt for none.
    void setScopeIds(std::optional<QSet<QString>> ids);
    [[nodiscard]] std::optional<QSet<QString>> scopeIds() const { return m_scopeIds; }

    // Days a paper must have been listed on as well as the scope's, first to last inclusive
    // (the Insights' week); invalid dates lift it.
    void setExtraDays(QDate first, QDate last);
    [[nodiscard]] bool hasExtraDays() const { return m_extraDays.first <= m_extraDays.last; }

    // A ranking of papers by id, 0 the best ("more like my reading list"): only they pass, and
    // they sort best first whatever the column; nullopt lifts it.
    void setRanking(std::optional<QHash<QString, int>> rankOfId);
    [[nodiscard]] bool isRanked() const { return m_ranking.has_value(); }

    // minimum <= 0 means no minimum, and only then do papers of unknown votes pass (the
    // oldest digests gave none): asking for "at least 10" must not list papers nobody counted.
    // A maximum alone keeps them.
    void setVoteRange(int minimum, std::optional<int> maximum = std::nullopt);
    [[nodiscard]] int minimumVotes() const { return m_minimumVotes; }
    [[nodiscard]] std::optional<int> maximumVotes() const { return m_maximumVotes; }

    void setBookmarkedOnly(bool on);
    [[nodiscard]] bool bookmarkedOnly() const { return m_bookmarkedOnly; }
    void setUnreadOnly(bool on);
    [[nodiscard]] bool unreadOnly() const { return m_unreadOnly; }
    // The paper open in the reader stays listed under unread-only after it is marked read, so
    // the row does not vanish under the reader's eyes; opening another one lets it go.
    void setPinnedId(const QString &id);
    [[nodiscard]] QString pinnedId() const { return m_pinnedId; }

    // The library's answer to a search: the matching ids in any order, or nullopt for no
    // search. A list, not a set: each id is looked up once, and hashing 50,000 ids into a set
    // first cost as much again.
    void setSearchMatches(std::optional<QStringList> ids);
    [[nodiscard]] bool isSearching() const { return m_matches.has_value(); }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    template<typename Change>
    void changeFilter(Change &&change);
    // Whether Qt would apply the filter change in so many pieces that a rebuild is cheaper.
    [[nodiscard]] bool changesManyIntervals() const;
    // Every row's place in the order of the sort column, found once and kept until a row
    // changes: a filter change then sorts what passes by these places, not by comparing
    // papers.
    void prepareOrder();
    // The search matches as a flag per row: each match looked up once, not every row twice
    // (once to count the pieces of a change, once to filter). Made when first asked after the
    // matches or the rows changed.
    void flagMatchedRows() const;
    void forgetRows(); // a row came, went or moved: the places and flags are stale

    QList<QMetaObject::Connection> m_sourceConnections;

    const PaperListModel *m_papers = nullptr;
    DateScope m_scope;
    DateScope::DayRange m_days; // of m_scope
    DateScope::DayRange m_extraDays; // empty: none
    int m_minimumVotes = 0;
    std::optional<int> m_maximumVotes;
    bool m_bookmarkedOnly = false;
    bool m_unreadOnly = false;
    QString m_pinnedId;
    std::optional<QStringList> m_matches;
    std::optional<QSet<QString>> m_scopeIds;
    std::optional<QHash<QString, int>> m_ranking;
    std::vector<int> m_placeOfRow; // in the sort column's ascending order; empty: none known
    mutable std::vector<bool> m_matchedRows; // of m_matches; empty: not made yet
};

} // namespace hanji
