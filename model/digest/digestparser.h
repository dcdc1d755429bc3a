#pragma once

#include "digest.h"
#include "paperid.h"
#include "result.h"

#include <QByteArrayView>
#include <QString>

namespace hanji {

// Reads the "Daily Papers" Markdown digests, as real archives have them (2023-2025):
// day sections "## Daily Papers (YYYY-MM-DD)", papers "### [Title](URL)" with optional
// thumbnail, video, votes, authors and summary bullets in any order. Never fails: what it
// cannot understand becomes a warning with the line, and the rest is still read.
class DigestParser
{
public:
    [[nodiscard]] static ParsedDigest parse(QByteArrayView bytes, const QString &fileName);
};

// Fails only when the file cannot be read at all; what it says is never an error.
[[nodiscard]] Result<ParsedDigest> readDigestFile(const QString &path);

// Parses the raw lines of one paper (DigestEntry::markdown) as listed on date: the index
// keeps those lines and derives the rest from them when asked.
[[nodiscard]] std::optional<DigestEntry> parseStoredEntry(QDate date, const QString &markdown);

// The three texts full-text search looks in: title, authors, summary.
struct SearchableText {
    QString title;
    QString authors;
    QString summary;
};
[[nodiscard]] SearchableText searchableText(const DigestEntry &entry);


} // namespace hanji
