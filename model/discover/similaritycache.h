#pragma once

#include "result.h"
#include "similarityindex.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace hanji {

// The similarity index saved beside the index file, so that a start or a command maps it
// rather than builds it again (ten seconds of a core at ten years): its arrays as they are in
// memory, after a header naming what it was built from (its stamp) and a checksum of the
// rest. It is only a cache: a file of another stamp, another format or damaged is not read,
// and the index is built and saved again.

[[nodiscard]] QString similarityCachePath(const QString &indexPath);

// What the index holds that similarity reads, as a digest: its files (each one's id, size,
// time and hash), its papers' count and highest id, the index's layout and Hanji's version.
// Any import that changes a paper changes one of them.
[[nodiscard]] Result<QByteArray> similarityStamp(const QSqlDatabase &index);

// Writes the index atomically (QSaveFile): a reader never sees half a file.
[[nodiscard]] Result<> saveSimilarityIndex(const SimilarityIndex &index, const QString &path, const QByteArray &stamp);

// The saved index, its arrays in the file mapped (pages read as lookups touch them); nullopt
// when there is none of this stamp, or it is not whole.
[[nodiscard]] std::optional<SimilarityIndex> loadSimilarityIndex(const QString &path, const QByteArray &stamp);

} // namespace hanji
