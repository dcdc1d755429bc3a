#pragma once

#include <QString>

class QSqlDatabase;

namespace hanji {

// Registers the FTS5 tokenizers on a connection. FTS5's trigram tokenizer cannot find terms
// under three characters, yet Korean words are often one or two syllables (모델, 확산).
// "hanji_ngram" indexes every pair of adjacent characters, and each distinct character once
// (case-folded, white space collapsed): a query of one character is that character's token,
// a longer one the phrase of its overlapping pairs; either is an exact substring match.
// "hanji_ngram_v2" is the tokenizer of index version 2 (every character at every position
// and every pair), kept so that benchmarks can measure both in one run.
[[nodiscard]] bool registerNgramTokenizer(QSqlDatabase &db);

// Which index new databases get: Pairs, or the version 2 layout for comparison. Process-wide;
// only benchmarks change it, before they open a library.
enum class IndexLayout { Pairs, EveryCharacterAndPair };
[[nodiscard]] IndexLayout indexLayout();
void setIndexLayout(IndexLayout layout);

// A search term as an FTS5 phrase of the index, quoted (white space inside a term is the
// tokenizer's business).
[[nodiscard]] QString ngramPhrase(QStringView text);

} // namespace hanji
