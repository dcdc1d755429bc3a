#pragma once

#include <QString>
#include <QStringView>

namespace hanji {

// What names a paper: its arXiv id, or the URL of its heading, or, for a heading with no
// link at all, its title behind this prefix (never a real URL, so never opened or exported).
inline constexpr QStringView titleOnlyUrlPrefix = u"title:";
[[nodiscard]] QString titleOnlyPaperUrl(const QString &title);
[[nodiscard]] bool isTitleOnlyPaperUrl(QStringView url);

// "https://arxiv.org/abs/2410.05258v2" -> "2410.05258"; also pdf links, old-style ids
// ("hep-th/9901001") and Hugging Face paper pages. Empty when the URL names no arXiv paper.
[[nodiscard]] QString arxivIdFromUrl(QStringView url);

// Links a paper page offers: abstract, PDF and Hugging Face page for arXiv papers.
[[nodiscard]] QString arxivAbstractUrl(QStringView arxivId);
[[nodiscard]] QString arxivPdfUrl(QStringView arxivId);
[[nodiscard]] QString huggingFacePaperUrl(QStringView arxivId);

} // namespace hanji
