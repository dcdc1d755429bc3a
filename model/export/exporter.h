#pragma once

#include "paper.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace hanji {

// Papers leave Hanji in these formats: the digest Markdown (re-imports into Hanji), three
// citation formats, and two data formats.
enum class ExportFormat { Markdown, BibTeX, Ris, Csv, Json, CslJson };

struct ExportOptions {
    bool summaries = true; // the Korean summary bullets
    bool notes = false; // the user's note and tags
    bool votesAndDates = true; // votes and listing dates (Markdown, CSV, JSON; citations always carry year and month)
    bool csvBom = false; // CSV only: a UTF-8 byte-order mark so spreadsheet programs read Korean as UTF-8
};

// The papers in the format, as UTF-8. maxPapers >= 0 writes only the first ones (the preview),
// with the citation keys the whole list gets, so a preview never shows a key the file lacks.
[[nodiscard]] QByteArray exportPapers(const QList<Paper> &papers, ExportFormat format, const ExportOptions &options,
                                      qsizetype maxPapers = -1);

// Writes through QSaveFile: the file is replaced whole or not at all.
[[nodiscard]] Result<> writeExport(const QString &path, const QByteArray &bytes);

[[nodiscard]] QList<ExportFormat> exportFormats();
// "markdown", "bibtex", "ris", "csv", "json", "csljson": the names the command line takes.
[[nodiscard]] QString formatName(ExportFormat format);
// "Markdown", "BibTeX", "RIS", "CSV", "JSON", "CSL-JSON": for people.
[[nodiscard]] QString formatTitle(ExportFormat format);
// "md", "bib", "ris", "csv", "json" (CSL-JSON too), without the dot.
[[nodiscard]] QString fileExtension(ExportFormat format);
// A format name or file extension, case-insensitive ("BibTeX", "bib", "md"…).
[[nodiscard]] std::optional<ExportFormat> formatFromName(QStringView name);

// How a list is ordered before export. Every order is stable: ties keep the list's order.
enum class ExportOrder {
    AsListed,
    Bookmarked, // the order the papers were bookmarked in, oldest first
    Newest, // latest listing date first
    MostVotes, // highest votes first, unknown last
    Title, // by title, locale-aware
};
void sortForExport(QList<Paper> &papers, ExportOrder order);

} // namespace hanji
