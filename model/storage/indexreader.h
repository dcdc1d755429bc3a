#pragma once

#include "paper.h"
#include "result.h"
#include "searchfacts.h"

#include <QHash>
#include <QSqlDatabase>

namespace hanji {

// A search of the full-text index: the terms Hanji's own postings must all hold; or, in the
// FTS5 layouts kept for comparison, phrases of papers_fts and characters of papers_chars, each
// an FTS5 expression, empty for none; a row must match both.
struct FullTextMatch {
    QStringList terms;
    QString phrases;
    QString characters;
    [[nodiscard]] bool isEmpty() const { return terms.isEmpty() && phrases.isEmpty() && characters.isEmpty(); }
};

// One row the full-text index matched, with its bm25 rank when asked (lower is better).
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
    // Rows whose text matches, ascending. Ranked by bm25 only for phrases alone (the version 2 index).
    [[nodiscard]] Result<QList<FullTextHit>> fullTextMatches(const FullTextMatch &match, bool ranked = false) const;
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
