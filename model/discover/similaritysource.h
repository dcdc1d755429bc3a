#pragma once

#include "indexreader.h"
#include "result.h"
#include "similarityindex.h"

#include <atomic>

namespace hanji {

// The title and summary of every paper the index holds, read in batches so that ten years
// of summaries are never all in memory as whole Papers at once.
[[nodiscard]] Result<QList<PaperText>> readPaperTexts(const IndexReader &index, const std::atomic_bool *cancel = nullptr);

// The similarity index of the index file at indexPath, read on a connection of this thread's
// own: for a worker thread, or a command. Cancelled: an empty index.
[[nodiscard]] Result<SimilarityIndex> buildSimilarityIndex(const QString &indexPath,
                                                          const std::atomic_bool *cancel = nullptr);

} // namespace hanji
