#pragma once

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

[[nodiscard]] QList<SearchTerm> parseSearchText(QStringView text);

// The FTS5 MATCH expression for the terms of the "hanji_ngram" index; empty when there are none.
[[nodiscard]] QString ftsExpression(const QList<SearchTerm> &terms);

} // namespace hanji
