#pragma once

#include "indexreader.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace hanji {

// What a user asks of the library: words, quoted phrases, "title:" and "author:"
// prefixes, and filters. All terms must match; each is a case-insensitive substring.
struct SearchQuery {
    // None: whatever order is fastest, for callers that only want the set (the window's filter).
    enum class Order { Relevance, Newest, MostVotes, None };

    QString text {};
    std::optional<int> minVotes {};
    std::optional<int> maxVotes {};
    QDate from {}; // inclusive; invalid = open
    QDate to {};
    bool bookmarkedOnly = false;
    bool unreadOnly = false;
    Order order = Order::Relevance; // Relevance falls back to Newest without text
    int limit = -1;
};

struct SearchTerm {
    enum class Field { Any, Title, Authors };
    Field field = Field::Any;
    QString text;
    bool operator==(const SearchTerm &) const = default;
};

// The grammar alone, unbounded: for callers that check the bounds themselves.
[[nodiscard]] QList<SearchTerm> parseSearchText(QStringView text);

// What a search may ask at most. FTS5 intersects one posting list per term, and a term of
// one letter matches nearly every paper: a pasted page of text (6 KB of short words took
// minutes) must be refused, not answered slowly. 32 terms of any kind answer in well under
// a second on a year of digests.
inline constexpr qsizetype maxSearchTextLength = 500; // UTF-16 code units, as typed
inline constexpr qsizetype maxSearchTerms = 32;

// The terms of text, or an Invalid error saying which bound it passes: the one entry point
// for a query a user typed.
[[nodiscard]] Result<QList<SearchTerm>> parseBoundedSearchText(QStringView text);

// The FTS5 MATCH expression of phrases for the terms; empty when there are none.
[[nodiscard]] QString ftsExpression(const QList<SearchTerm> &terms);

// What the index of this process's layout is asked for the terms: the terms themselves (Hanji's
// own postings), or, with FTS5, the phrases of terms of two characters or more (papers_fts) and
// the terms of one character (papers_chars). None has columns: a term of one field is looked
// for anywhere, then checked in its field by SearchEngine. Version 2 keeps its columns
// (ftsExpression).
[[nodiscard]] FullTextMatch fullTextMatch(const QList<SearchTerm> &terms);

} // namespace hanji
