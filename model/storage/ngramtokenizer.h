#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace hanji {

// Registers the FTS5 tokenizers on a connection, and the SQL function hanji_packed_contains. FTS5's trigram tokenizer cannot find terms
// under three characters, yet Korean words are often one or two syllables (모델, 확산).
// "hanji_ngram" gives each distinct character and each distinct pair of adjacent characters
// of a text once (case-folded, white space collapsed), for an index that keeps no positions
// (detail=none): a query of one character or two is one token, an exact match; a longer one
// is the AND of its pairs, whose texts are then checked for the term (SearchPlan).
// "hanji_ngram_v2" is the tokenizer of index version 2 (every character at every position
// and every pair, searched as phrases), kept so that benchmarks can measure both in one run.
[[nodiscard]] bool registerNgramTokenizer(QSqlDatabase &db);

// Which index new databases get: Distinct, or the version 2 layout for comparison.
// Process-wide; only benchmarks change it, before they open a library.
enum class IndexLayout { Distinct, EveryCharacterAndPair };
[[nodiscard]] IndexLayout indexLayout();
void setIndexLayout(IndexLayout layout);

// The tokens "hanji_ngram" looks a term up by, each its own text: one character, or the
// distinct pairs of a longer term. None for a term of white space alone.
[[nodiscard]] QStringList ngramQueryTokens(QStringView term);

// Text folded as the tokenizer folds it (case folded, white space collapsed and trimmed), in
// UTF-8: a term is in a text exactly when its folded form is a substring of the text's.
[[nodiscard]] QByteArray foldedText(QStringView text);

// foldedText compressed (packText), as the index keeps summaries; the connections of
// registerNgramTokenizer answer hanji_packed_contains(packed, folded term).
[[nodiscard]] QByteArray packedFoldedText(QStringView text);

// A search term as an FTS5 phrase of the index, quoted (white space inside a term is the
// tokenizer's business).
[[nodiscard]] QString ngramPhrase(QStringView text);

} // namespace hanji
