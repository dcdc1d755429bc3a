#pragma once

#include "indexreader.h"
#include "result.h"
#include "searchquery.h"
#include "userstore.h"

#include <QSet>

#include <functional>

namespace hanji {

// Answers a SearchQuery: the full-text index names the rows whose text matches, the facts
// kept in memory filter and order them, the user's store answers bookmarked and unread.
class SearchEngine
{
public:
    SearchEngine(const IndexReader &index, const UserStore &user);

    // Paper ids, best first, at most query.limit of them.
    [[nodiscard]] Result<QStringList> search(const SearchQuery &query) const;
    // The ids of every paper the query matches, in no order: what the window's list filters
    // by, made in one pass (query.order and query.limit are ignored).
    [[nodiscard]] Result<QStringList> matchingIds(const SearchQuery &query) const;

    // After an import: drop the facts, or take those another thread already read.
    void resetFacts();
    void resetFacts(SearchFacts facts);

private:
    void dropFacts();
    [[nodiscard]] Result<> ensureFacts() const;
    // Hands take each paper the query matches, by its index in the facts, with its bm25 rank
    // when asked (the version 2 index), in no particular order.
    [[nodiscard]] Result<> collect(const SearchQuery &query, bool ranked, const QList<SearchTerm> &terms,
                                   const std::function<void(qsizetype index, double rank)> &take) const;

    const IndexReader &m_index;
    const UserStore &m_user;
    mutable std::optional<SearchFacts> m_facts;
};

} // namespace hanji
