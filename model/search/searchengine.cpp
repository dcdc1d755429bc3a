#include "searchengine.h"

#include "ngramtokenizer.h"

#include <algorithm>
#include <limits>

namespace hanji {

SearchEngine::SearchEngine(const IndexReader &index, const UserStore &user)
    : m_index(index)
    , m_user(user)
{
}

void SearchEngine::resetFacts(std::optional<SearchFacts> facts)
{
    m_facts = std::move(facts);
}

Result<> SearchEngine::ensureFacts() const
{
    if (m_facts)
        return {};
    Result<SearchFacts> facts = m_index.searchFacts();
    if (!facts)
        return failure(facts.error());
    m_facts = std::move(*facts);
    return {};
}

// Every paper the query matches, with its bm25 rank when ranked (version 2), in no particular order.
Result<> SearchEngine::collect(const SearchQuery &query, bool ranked, const QList<SearchTerm> &terms,
                               const std::function<void(qint64, double, const PaperFacts &)> &take) const
{
    const SearchFacts &allFacts = *m_facts;
    const FullTextMatch match = fullTextMatch(terms);
    // The index has no columns (but version 2's): a term looked for in one field is checked in it.
    QList<std::pair<SearchTerm::Field, QByteArray>> fieldTerms;
    if (indexLayout() == IndexLayout::Pairs) {
        for (const SearchTerm &term : terms) {
            if (term.field != SearchTerm::Field::Any)
                fieldTerms.append({ term.field, foldedText(term.text) });
        }
    }
    const auto inFields = [&](const PaperFacts &facts) {
        return std::all_of(fieldTerms.cbegin(), fieldTerms.cend(), [&](const auto &check) {
            return (check.first == SearchTerm::Field::Title ? facts.foldedTitle : facts.foldedAuthors).contains(check.second);
        });
    };
    const qint64 from = query.from.isValid() ? query.from.toJulianDay() : std::numeric_limits<qint64>::min();
    const qint64 to = query.to.isValid() ? query.to.toJulianDay() : std::numeric_limits<qint64>::max();
    const auto consider = [&](qint64 rowid, double rank, const PaperFacts &facts) {
        // Unknown votes count as none: they pass no minimum above zero.
        if ((query.minVotes && facts.votes < *query.minVotes) || (query.maxVotes && facts.votes > *query.maxVotes))
            return;
        if ((query.from.isValid() || query.to.isValid())
            && std::none_of(facts.dates.cbegin(), facts.dates.cend(), [&](qint64 d) { return d >= from && d <= to; }))
            return;
        if (query.bookmarkedOnly || query.unreadOnly) {
            const UserState state = m_user.state(facts.key);
            if ((query.bookmarkedOnly && !state.bookmarked) || (query.unreadOnly && state.read))
                return;
        }
        take(rowid, rank, facts);
    };
    if (match.isEmpty()) {
        for (auto it = allFacts.cbegin(); it != allFacts.cend(); ++it)
            consider(it.key(), 0, *it);
        return {};
    }
    const Result<QList<FullTextHit>> matches = m_index.fullTextMatches(match, ranked);
    if (!matches)
        return failure(matches.error());
    for (const FullTextHit &hit : *matches) {
        if (const auto found = allFacts.constFind(hit.row); found != allFacts.cend() && inFields(*found))
            consider(hit.row, hit.rank, *found);
    }
    return {};
}

Result<QSet<QString>> SearchEngine::matchingIds(const SearchQuery &query) const
{
    if (Result<> ready = ensureFacts(); !ready)
        return failure(ready.error());
    const Result<QList<SearchTerm>> terms = parseBoundedSearchText(query.text);
    if (!terms)
        return failure(terms.error());
    // Gathered first, then hashed once into a set of the right size: inserting one by one
    // rehashes the set a dozen times on the way to 50,000 ids.
    QStringList keys;
    const Result<> done = collect(query, false, *terms,
                                  [&](qint64, double, const PaperFacts &facts) { keys.append(facts.key); });
    if (!done)
        return failure(done.error());
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// Each word looked for anywhere counts 10 in a title, 4 in the authors, 1 in a summary alone:
// the weights bm25 gave the columns, without its cost (it read every hit's positions and
// sizes: 50 ms for a syllable at ten years). Words of a field of their own (title:, author:)
// count alike in every hit.
double SearchEngine::relevance(const QList<QByteArray> &words, const PaperFacts &facts)
{
    double score = 0;
    for (const QByteArray &word : words)
        score += facts.foldedTitle.contains(word) ? 10 : facts.foldedAuthors.contains(word) ? 4 : 1;
    return score;
}

Result<QStringList> SearchEngine::search(const SearchQuery &query) const
{
    if (Result<> ready = ensureFacts(); !ready)
        return failure(ready.error());
    // Bounded: a pasted page of text is refused at once, not matched for minutes.
    const Result<QList<SearchTerm>> terms = parseBoundedSearchText(query.text);
    if (!terms)
        return failure(terms.error());
    const bool ranked = query.order == SearchQuery::Order::Relevance && !terms->isEmpty();
    // The version 2 index, kept for comparison, ranks by bm25 as it did.
    const bool byBm25 = ranked && indexLayout() == IndexLayout::EveryCharacterAndPair;
    QList<QByteArray> weighed; // the words looked for anywhere, folded
    for (const SearchTerm &term : *terms) {
        if (term.field == SearchTerm::Field::Any)
            weighed += foldedText(term.text);
    }

    // What the orders compare, copied beside each hit: sorting 48,000 hits through pointers
    // into the facts' hash missed the cache at nearly every comparison.
    struct Hit {
        qint64 rowid;
        double rank;
        qint64 latestDate;
        int votes; // -1 when unknown
        const PaperFacts *facts;
    };
    QList<Hit> hits;
    if (terms->isEmpty())
        hits.reserve(m_facts->size());
    const Result<> done = collect(query, byBm25, *terms, [&](qint64 rowid, double rank, const PaperFacts &facts) {
        hits.append({ rowid, ranked && !byBm25 ? -relevance(weighed, facts) : rank, facts.latestDate,
                      facts.votesKnown ? facts.votes : -1, &facts });
    });
    if (!done)
        return failure(done.error());

    const auto newer = [](const Hit &a, const Hit &b) {
        if (a.latestDate != b.latestDate)
            return a.latestDate > b.latestDate;
        const int va = std::max(a.votes, 0); // unknown counts as 0 here, as in the filters
        const int vb = std::max(b.votes, 0);
        if (va != vb)
            return va > vb;
        return a.rowid > b.rowid;
    };
    const qsizetype count = query.limit >= 0 ? std::min<qsizetype>(query.limit, hits.size()) : hits.size();
    // Every order ends on the row id, so the first count of a partial sort are those of a
    // whole one; a syllable's 30,000 hits need not all be put in order for the first 100.
    const auto sortFirst = [&](auto &&before) {
        if (count == hits.size())
            std::sort(hits.begin(), hits.end(), before);
        else
            std::partial_sort(hits.begin(), hits.begin() + count, hits.end(), before);
    };
    switch (ranked ? SearchQuery::Order::Relevance
                   : query.order == SearchQuery::Order::Relevance ? SearchQuery::Order::Newest : query.order) {
    case SearchQuery::Order::Relevance: // lower is better
        sortFirst([&](const Hit &a, const Hit &b) { return a.rank != b.rank ? a.rank < b.rank : newer(a, b); });
        break;
    case SearchQuery::Order::Newest:
        sortFirst(newer);
        break;
    case SearchQuery::Order::None:
        break;
    case SearchQuery::Order::MostVotes:
        sortFirst([&](const Hit &a, const Hit &b) { return a.votes != b.votes ? a.votes > b.votes : newer(a, b); });
        break;
    }
    QStringList ids;
    ids.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        ids.append(hits.at(i).facts->key);
    return ids;
}

} // namespace hanji
