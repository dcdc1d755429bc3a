#include "searchengine.h"

#include "freedmemory.h"
#include "ngramtokenizer.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>

namespace hanji {

SearchEngine::SearchEngine(const IndexReader &index, const UserStore &user)
    : m_index(index)
    , m_user(user)
{
}

void SearchEngine::resetFacts()
{
    dropFacts();
}

void SearchEngine::resetFacts(SearchFacts facts)
{
    dropFacts();
    m_facts = std::move(facts);
}

void SearchEngine::dropFacts()
{
    // Freed on another thread: the facts of 52,830 papers took the UI thread 20-56 ms to
    // free at an import's end. Nothing else holds them (a search runs on this thread).
    if (m_facts)
        freeElsewhere(*std::exchange(m_facts, std::nullopt));
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

Result<> SearchEngine::collect(const SearchQuery &query, bool ranked, const QList<SearchTerm> &terms,
                               const std::function<void(qsizetype index, double rank)> &take) const
{
    const SearchFacts &allFacts = *m_facts;
    const FullTextMatch match = fullTextMatch(terms);
    // The index has no columns (but version 2's): a term looked for in one field is checked in it.
    QList<std::pair<SearchTerm::Field, QByteArray>> fieldTerms;
    if (indexLayout() != IndexLayout::EveryCharacterAndPair) {
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
    const auto consider = [&](qsizetype index, double rank) {
        const PaperFacts &facts = allFacts.at(index);
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
        take(index, rank);
    };
    if (match.isEmpty()) {
        for (qsizetype index = 0; index < allFacts.size(); ++index)
            consider(index, 0);
        return {};
    }
    const Result<QList<FullTextHit>> matches = m_index.fullTextMatches(match, ranked);
    if (!matches)
        return failure(matches.error());
    for (const FullTextHit &hit : *matches) {
        if (const qsizetype index = allFacts.indexOfRow(hit.row); index >= 0 && inFields(allFacts.at(index)))
            consider(index, hit.rank);
    }
    return {};
}

Result<QStringList> SearchEngine::matchingIds(const SearchQuery &query) const
{
    if (Result<> ready = ensureFacts(); !ready)
        return failure(ready.error());
    const Result<QList<SearchTerm>> terms = parseBoundedSearchText(query.text);
    if (!terms)
        return failure(terms.error());
    QStringList keys;
    const Result<> done = collect(query, false, *terms, [&](qsizetype index, double) { keys.append(m_facts->at(index).key); });
    if (!done)
        return failure(done.error());
    return keys;
}

namespace {

// Whether a folded text holds a folded word: memchr for the word's last byte, then a compare.
// That byte is rare elsewhere (in Korean, one of 64 trailing bytes; in English, a letter),
// where glibc's memmem prepared its general search anew for each of the 47,000 titles one
// syllable matches: some 1,400 instructions a match, now 300 (callgrind).
bool holds(QByteArrayView text, QByteArrayView word)
{
    const qsizetype size = word.size();
    if (size == 0)
        return true;
    if (size > text.size())
        return false;
    const char last = word.back();
    const char *at = text.data() + size - 1;
    const char *const end = text.data() + text.size();
    while ((at = static_cast<const char *>(std::memchr(at, last, size_t(end - at))))) {
        if (std::memcmp(at - size + 1, word.data(), size_t(size - 1)) == 0)
            return true;
        ++at;
    }
    return false;
}

} // namespace

Result<QStringList> SearchEngine::search(const SearchQuery &query) const
{
    if (Result<> ready = ensureFacts(); !ready)
        return failure(ready.error());
    // Bounded: a pasted page of text is refused at once, not matched for minutes.
    const Result<QList<SearchTerm>> terms = parseBoundedSearchText(query.text);
    if (!terms)
        return failure(terms.error());
    const SearchFacts &facts = *m_facts;
    const bool ranked = query.order == SearchQuery::Order::Relevance && !terms->isEmpty();
    // The version 2 index, kept for comparison, ranks by bm25 as it did.
    const bool byBm25 = ranked && indexLayout() == IndexLayout::EveryCharacterAndPair;
    // Each word looked for anywhere counts 10 in a title, 4 in the authors, 1 in a summary
    // alone: the weights bm25 gave the columns, without its cost (it read every hit's positions
    // and sizes: 50 ms for a syllable at ten years). Words of a field of their own (title:,
    // author:) count alike in every hit. Weighed as the index names the rows, in the order
    // their texts lie in memory.
    QList<QByteArray> words;
    for (const SearchTerm &term : *terms) {
        if (term.field == SearchTerm::Field::Any)
            words += foldedText(term.text);
    }
    const auto relevance = [&](const PaperFacts &paper) {
        int score = 0;
        for (const QByteArray &word : std::as_const(words))
            score += holds(paper.foldedTitle, word) ? 10 : holds(paper.foldedAuthors, word) ? 4 : 1;
        return score;
    };
    std::vector<double> bm25;
    std::vector<int> scores;
    if (byBm25)
        bm25.resize(size_t(facts.size()));
    else if (ranked)
        scores.resize(size_t(facts.size()));
    std::vector<bool> matched(size_t(facts.size()), false);
    const Result<> done = collect(query, byBm25, *terms, [&](qsizetype index, double rank) {
        matched[size_t(index)] = true;
        if (byBm25)
            bm25[size_t(index)] = rank;
        else if (ranked)
            scores[size_t(index)] = relevance(facts.at(index));
    });
    if (!done)
        return failure(done.error());

    const auto order = ranked ? SearchQuery::Order::Relevance
                              : query.order == SearchQuery::Order::Relevance ? SearchQuery::Order::Newest : query.order;
    // The matches in the Newest order; as many as are asked for when that is the order.
    const size_t wanted = query.limit >= 0 ? size_t(query.limit) : size_t(facts.size());
    std::vector<qsizetype> found;
    for (const qsizetype index : facts.newest()) {
        if (matched[size_t(index)]) {
            found.push_back(index);
            if (order == SearchQuery::Order::Newest && found.size() == wanted)
                break;
        }
    }
    // Every other order ends on the Newest one: a stable sort keeps it among equals.
    switch (order) {
    case SearchQuery::Order::Relevance:
        if (byBm25) { // lower is better
            std::stable_sort(found.begin(), found.end(), [&](qsizetype a, qsizetype b) { return bm25[size_t(a)] < bm25[size_t(b)]; });
        } else {
            // The scores are few: each match goes into its score's bucket, best first, in the
            // order it came in.
            int best = 0;
            for (const qsizetype index : found)
                best = std::max(best, scores[size_t(index)]);
            std::vector<size_t> start(size_t(best) + 2, 0); // where each score's bucket starts
            for (const qsizetype index : found)
                ++start[size_t(best - scores[size_t(index)]) + 1];
            for (size_t i = 1; i < start.size(); ++i)
                start[i] += start[i - 1];
            std::vector<qsizetype> bucketed(found.size());
            for (const qsizetype index : found)
                bucketed[start[size_t(best - scores[size_t(index)])]++] = index;
            found = std::move(bucketed);
        }
        break;
    case SearchQuery::Order::Newest:
    case SearchQuery::Order::None:
        break;
    case SearchQuery::Order::MostVotes: // unknown votes after none
        std::stable_sort(found.begin(), found.end(), [&](qsizetype a, qsizetype b) {
            const PaperFacts &pa = facts.at(a);
            const PaperFacts &pb = facts.at(b);
            return (pa.votesKnown ? pa.votes : -1) > (pb.votesKnown ? pb.votes : -1);
        });
        break;
    }
    const size_t count = std::min(wanted, found.size());
    QStringList ids;
    ids.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i)
        ids.append(facts.at(found[i]).key);
    return ids;
}

} // namespace hanji
