#pragma once

#include "digest.h"
#include "paperid.h"
#include "result.h"

#include <QByteArrayView>
#include <QString>

namespace hanji {

// Reads a digest file of any family Hanji knows (digestformat.h), chosen by its headings; the
// first, "Daily Papers" (2023-2025): day sections "## Daily Papers (YYYY-MM-DD)", papers
// "### [Title](URL)" with optional thumbnail, video, votes, authors and summary bullets in
// any order. Never fails: what it cannot understand becomes a warning with the line, and the
// rest is still read; a file of no known family gives one warning (line 0) and no papers.
class DigestParser
{
public:
    [[nodiscard]] static ParsedDigest parse(QByteArrayView bytes, const QString &fileName);
};

// Fails only when the file cannot be read at all; what it says is never an error.
[[nodiscard]] Result<ParsedDigest> readDigestFile(const QString &path);

// Parses the raw lines of one paper (DigestEntry::markdown) as listed on date, by the format
// that read its file (ParsedDigest::format): the index keeps those lines and derives the rest
// from them when asked.
[[nodiscard]] std::optional<DigestEntry> parseStoredEntry(QStringView format, QDate date, const QString &markdown);

// A paper's authors as search reads them, one line of a SearchableText's authors.
[[nodiscard]] QString authorsText(const QStringList &authors);

// The three texts full-text search looks in: title, authors, summary (its sections, then its
// fields and categories).
struct SearchableText {
    QString title;
    QString authors;
    QString summary;
};
[[nodiscard]] SearchableText searchableText(const DigestEntry &entry);
// Over every appearance of one paper, and the title it is shown by: each text once, sorted,
// one a line, so that neither the order of the files nor a repeated listing changes it.
[[nodiscard]] SearchableText searchableText(const QList<const DigestEntry *> &appearances, const QString &title);


} // namespace hanji
