#include "searchfacts.h"

#include <algorithm>
#include <numeric>

namespace hanji {

SearchFacts::SearchFacts(QHash<qint64, PaperFacts> byRow)
{
    m_papers.reserve(size_t(byRow.size()));
    for (auto it = byRow.begin(); it != byRow.end(); ++it) {
        it->row = it.key();
        m_papers.push_back(std::move(*it));
    }
    byRow = {};
    std::sort(m_papers.begin(), m_papers.end(), [](const PaperFacts &a, const PaperFacts &b) { return a.row < b.row; });
    m_rows.reserve(m_papers.size());
    for (const PaperFacts &paper : m_papers)
        m_rows.push_back(paper.row);
    m_newest.resize(m_papers.size());
    std::iota(m_newest.begin(), m_newest.end(), 0);
    std::sort(m_newest.begin(), m_newest.end(), [&](qsizetype left, qsizetype right) {
        const PaperFacts &a = at(left);
        const PaperFacts &b = at(right);
        if (a.latestDate != b.latestDate)
            return a.latestDate > b.latestDate;
        if (a.votes != b.votes) // unknown counts as 0 here, as in the filters
            return a.votes > b.votes;
        return a.row > b.row;
    });
}

qsizetype SearchFacts::indexOfRow(qint64 row) const
{
    const auto found = std::lower_bound(m_rows.cbegin(), m_rows.cend(), row);
    return found != m_rows.cend() && *found == row ? qsizetype(found - m_rows.cbegin()) : -1;
}

} // namespace hanji
