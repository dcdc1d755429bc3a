#pragma once

#include "paper.h"
#include "result.h"

#include <QHash>
#include <QSqlDatabase>

namespace hanji {

// What search filters and orders by, for one paper (by index row): kept in memory so that
// FTS5 only has to name the matching rows.
struct PaperFacts {
    QString key;
    qint64 latestDate = 0; // Julian day
    int votes = 0; // highest; unknown counts as 0, as in the filters
    bool votesKnown = false;
    QList<qint64> dates; // Julian days
};
using SearchFacts = QHash<qint64, PaperFacts>;

// A search as the full-text index answers it (SearchQuery's fullTextQuery): the FTS5
// expression that names the candidates, and each term folded (foldedText) with whether the
// candidates must be checked for it, where its tokens alone do not say it is there.
struct FullTextQuery {
    enum class Field { Any, Title, Authors };
    struct Term {
        Field field = Field::Any;
        QByteArray folded;
        bool checked = false;
        bool operator==(const Term &) const = default;
    };
    QString match; // empty: no text to match
    QList<Term> terms;
    // The version 2 index (IndexLayout::EveryCharacterAndPair): match is of phrases, exact as
    // it is, and ranked by bm25.
    bool phrases = false;
};

// One row the full-text index matched, with its rank when asked (lower is better).
struct FullTextHit {
    qint64 row = 0;
    double rank = 0;
};

// What the index holds, counted.
struct IndexCounts {
    int files = 0;
    int days = 0;
    int entries = 0; // distinct date-paper pairs
    int papers = 0;
    qint64 votesTotal = 0;
    int warnings = 0;
};

// How a bookmark names its paper, so the reading list reads well without the digests.
struct PaperLabel {
    QString title;
    QString url;
};

// Every question asked of the index, on one connection: the only place that reads its SQL.
// Works on any thread that owns the connection.
class IndexReader
{
public:
    explicit IndexReader(QSqlDatabase index);

    // The list's rows, without the user's state.
    [[nodiscard]] Result<QList<PaperRow>> rows() const;
    // The rows and the search facts, read together: the same two queries answer both.
    struct RowsAndFacts {
        QList<PaperRow> rows;
        SearchFacts facts;
    };
    [[nodiscard]] Result<RowsAndFacts> rowsAndFacts() const;
    [[nodiscard]] Result<SearchFacts> searchFacts() const;
    // Whole papers, in the order of keys; keys the index does not know are left out.
    [[nodiscard]] Result<QList<Paper>> papers(const QStringList &keys) const;
    // Every entry of one paper, as each digest tells it, oldest first.
    [[nodiscard]] Result<QList<DigestEntry>> entries(const QString &key) const;
    // Rows whose text holds every term. Ranked: each term found in a title counts 10, in
    // authors 4, in a summary alone 1, and the rank is the negated sum (bm25 in version 2).
    [[nodiscard]] Result<QList<FullTextHit>> fullTextMatches(const FullTextQuery &query, bool ranked) const;
    [[nodiscard]] Result<bool> contains(const QString &key) const;
    // Every paper's key (its id), in no order.
    [[nodiscard]] Result<QStringList> keys() const;
    [[nodiscard]] Result<QHash<QString, PaperLabel>> labels(const QStringList &keys) const;
    [[nodiscard]] Result<IndexCounts> counts() const;

private:
    // Damage marks the index for rebuilding; a lock says who holds it.
    [[nodiscard]] Error checked(Error error) const;

    QSqlDatabase m_index;
};

} // namespace hanji
