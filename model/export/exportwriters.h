#pragma once

#include "exporter.h"

// One function a format; exportPapers() picks one. Each writes every paper it is given;
// keys are the citation keys of those papers, index for index.

namespace hanji::exportwriters {

// The digest format ("## Daily Papers (date)", "### [Title](URL)"…), read back by DigestParser.
[[nodiscard]] QString markdown(const QList<Paper> &papers, const ExportOptions &options);
[[nodiscard]] QString bibtex(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options);
[[nodiscard]] QString ris(const QList<Paper> &papers, const ExportOptions &options);
[[nodiscard]] QString csv(const QList<Paper> &papers, const ExportOptions &options);
[[nodiscard]] QByteArray json(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options);
// CSL-JSON, the bibliography input of pandoc --citeproc, Zotero and other CSL processors.
[[nodiscard]] QByteArray cslJson(const QList<Paper> &papers, const QStringList &keys, const ExportOptions &options);

// BibTeX's special characters made literal: "50% & $x_1$" -> "50\% \& \$x\_1\$".
[[nodiscard]] QString latexEscaped(QStringView text);

} // namespace hanji::exportwriters
