#pragma once

#include "digest.h"

#include <QStringView>

namespace hanji {

// One family of daily-paper digests: how its files look, and how to read one. Each family is
// a small reader behind this interface; which one reads a file is decided by the file's own
// headings (recogniseFormat), and every reader gives the same value structs.
class DigestFormat
{
public:
    virtual ~DigestFormat() = default;

    // Stable, stored in the index beside each file: "daily-papers", "arxiv-digest"…
    [[nodiscard]] virtual QStringView name() const = 0;
    // For people: "Daily Papers".
    [[nodiscard]] virtual QStringView label() const = 0;

    // heading: a line starting with '#', right-trimmed. True when this heading is one only
    // this family writes.
    [[nodiscard]] virtual bool recognises(QStringView heading) const = 0;

    // text: decoded, without a BOM. Never fails: what it cannot understand becomes a warning.
    [[nodiscard]] virtual ParsedDigest read(QStringView text, const QString &file) const = 0;

    // What to put before an entry's raw lines (DigestEntry::markdown) so that read() gives
    // that entry back, on that date.
    [[nodiscard]] virtual QString storedEntryPrefix(QDate date) const = 0;
};

// Every family Hanji reads, the first format first.
[[nodiscard]] const QList<const DigestFormat *> &digestFormats();
[[nodiscard]] const DigestFormat *digestFormatNamed(QStringView name);

// The family whose heading comes first in the text; null when no heading is any family's.
[[nodiscard]] const DigestFormat *recogniseFormat(QStringView text);

} // namespace hanji
