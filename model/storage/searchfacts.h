#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace hanji {

// What search filters and orders by, for one paper: kept in memory so that FTS5 only has to
// name the matching rows.
struct PaperFacts {
    qint64 row = 0; // in the index's papers table
    QString key;
    // The title and authors search reads, folded (foldedText): what relevance weighs.
    QByteArray foldedTitle;
    QByteArray foldedAuthors;
    qint64 latestDate = 0; // Julian day
    int votes = 0; // highest; unknown counts as 0, as in the filters
    bool votesKnown = false;
    QList<qint64> dates; // Julian days
};

// Every paper's facts, by row, and the order search calls Newest (the latest date, then the
// votes, then the row, each from the highest). Ordered searches walk their matches in that
// order rather than sort them: one syllable matches 47,000 papers at ten years, and sorting
// them was a third of the search. The facts themselves stay in the order of their rows, the
// order FTS5 names its matches in, so that weighing each match reads memory front to back.
class SearchFacts
{
public:
    SearchFacts() = default;
    explicit SearchFacts(QHash<qint64, PaperFacts> byRow);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_papers.size()); }
    [[nodiscard]] bool isEmpty() const { return m_papers.empty(); }
    [[nodiscard]] const PaperFacts &at(qsizetype index) const { return m_papers[size_t(index)]; }
    // The index of the paper of this row, or -1 when the facts have none.
    [[nodiscard]] qsizetype indexOfRow(qint64 row) const;
    // Every index, in the Newest order.
    [[nodiscard]] const std::vector<qsizetype> &newest() const { return m_newest; }

private:
    std::vector<PaperFacts> m_papers; // by row, ascending
    std::vector<qint64> m_rows; // the same rows, apart: what a lookup searches
    std::vector<qsizetype> m_newest;
};

} // namespace hanji
