#pragma once

#include <QStringList>
#include <QStringView>

namespace hanji {

// The terms similarity compares, language-aware without a word segmenter: Latin (and other
// alphabetic) words lower-cased, English stop words and single letters dropped; Hangul, Han
// and kana runs as overlapping character pairs ("확산모델" gives 확산, 산모, 모델), a run of
// one character as itself. Numbers alone are not terms.
[[nodiscard]] QStringList similarityTerms(QStringView text);

// The English words of a title the Insights chart counts: alphabetic words of two letters or
// more, lower-cased, minus stop words (and a few words every title uses: via, towards, using).
[[nodiscard]] QStringList titleWords(QStringView title);

[[nodiscard]] bool isStopWord(QStringView lowerCaseWord);

} // namespace hanji
