#pragma once

class QSqlDatabase;

namespace hanji {

// Registers the FTS5 tokenizer "hanji_ngram" on a connection. FTS5's trigram tokenizer
// cannot find terms under three characters, yet Korean words are often one or two
// syllables (모델, 확산). This one indexes every character and every pair of adjacent
// characters (case-folded, white space collapsed), so a query of any length becomes an
// exact substring match: one character or a pair is one token, longer text a phrase of
// overlapping pairs.
[[nodiscard]] bool registerNgramTokenizer(QSqlDatabase &db);

} // namespace hanji
