#pragma once

#include <QByteArray>
#include <QString>

#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

class QSqlDatabase;

namespace hanji {

// Registers the FTS5 tokenizers on a connection. FTS5's trigram tokenizer cannot find terms
// under three characters, yet Korean words are often one or two syllables (모델, 확산).
// "hanji_ngram" indexes every pair of adjacent characters at its position (case-folded,
// white space collapsed): a term of two characters or more is the phrase of its overlapping
// pairs. "hanji_chars" gives each distinct character of a text once, for a table without
// positions: a term of one character is that token. Either is an exact substring match.
// Both read a paper's fields as one text (fieldsText), with no pair across two fields.
// "hanji_ngram_v2" is the tokenizer of index version 2 (every character at every position
// and every pair), kept so that benchmarks can measure both in one run.
[[nodiscard]] bool registerNgramTokenizer(QSqlDatabase &db);

// Which index new databases get: Hanji's own postings, or FTS5 with the tokenizers above (the
// version 5 index, Pairs, or version 2) for comparison. Process-wide; only benchmarks and
// tests change it, before they open a library.
enum class IndexLayout { Postings, Pairs, EveryCharacterAndPair };
[[nodiscard]] IndexLayout indexLayout();
void setIndexLayout(IndexLayout layout);

// A paper's fields as the one text both tokenizers index: joined by a break that no pair
// crosses, so that a phrase found is inside one field. A field's own break becomes a space.
[[nodiscard]] QString fieldsText(std::initializer_list<QStringView> fields);

// Text folded as the tokenizer folds it (case folded, white space collapsed and trimmed), in
// UTF-8: a term is in a text exactly when its folded form is a substring of the text's.
[[nodiscard]] QByteArray foldedText(QStringView text);

// Whether a term is one character once folded: answered by "hanji_chars", not by pairs.
[[nodiscard]] bool isOneCharacter(QStringView term);

// A search term as an FTS5 phrase of the index, quoted (white space inside a term is the
// tokenizer's business).
[[nodiscard]] QString ngramPhrase(QStringView text);

// A paper's indexed text (fieldsText) tokenized for both tables ahead of its insert: the
// importer makes the next papers' on the second core while SQLite writes (issue 12).
class TokenizedText
{
public:
    explicit TokenizedText(QStringView fields);
    TokenizedText(TokenizedText &&) noexcept;
    TokenizedText &operator=(TokenizedText &&) noexcept;
    ~TokenizedText();

    // The text to insert, as SQLite hands it to the tokenizers (bound as bytes, it is not
    // converted from UTF-16 again).
    [[nodiscard]] const QByteArray &utf8() const { return m_utf8; }
    [[nodiscard]] bool holds(const char *text, int size) const;

    struct Tokens; // the tokenizers' own
    [[nodiscard]] const Tokens &tokens() const { return *m_tokens; }

private:
    QByteArray m_utf8;
    std::unique_ptr<Tokens> m_tokens;
};

// A paper's text as Hanji's own index keeps it (IndexLayout::Postings): the same pairs
// hanji_ngram gives, each as a number (pairId), at its position (its index here; kNoPair
// holds the place of a field break, which no phrase crosses), and its distinct characters.
// Numbers instead of bytes: the index looks them up in a table of its own, not FTS5's hash,
// which cost most of a cold import (issue 12).
struct IndexTokens {
    static constexpr quint64 kNoPair = 0;
    std::vector<quint64> pairs;
    std::vector<char32_t> characters; // in no order
};
[[nodiscard]] IndexTokens indexTokens(QStringView fields);

// A search term as the index is asked for it: one character (characters), or the pairs
// (at consecutive positions) of a longer one. Both empty for a term of white space alone.
struct TermTokens {
    std::optional<char32_t> character;
    std::vector<quint64> pairs;
};
[[nodiscard]] TermTokens termTokens(QStringView term);

// While one lives, the tokenizers on this thread give the tokens of its text when SQLite hands
// them that very text, and tokenize any other as usual.
class TokenizedTextInUse
{
public:
    explicit TokenizedTextInUse(const TokenizedText &text);
    ~TokenizedTextInUse();
    TokenizedTextInUse(const TokenizedTextInUse &) = delete;
    TokenizedTextInUse &operator=(const TokenizedTextInUse &) = delete;

private:
    const TokenizedText *m_previous;
};

} // namespace hanji
