#pragma once

#include "indexreader.h"
#include "result.h"
#include "similarityindex.h"

#include <atomic>
#include <functional>

namespace hanji {

// The title and summary of every paper the index holds, handed to take one by one as they
// are read in batches: ten years of summaries are never all in memory at once.
[[nodiscard]] Result<> forEachPaperText(const IndexReader &index, const std::function<void(const PaperText &)> &take,
                                        const std::atomic_bool *cancel = nullptr);

// The similarity index of the index file at indexPath, read on a connection of this thread's
// own: for a worker thread, or a command. Cancelled: an empty index. Built from every paper's
// text; the one saved beside the index (similaritycache.h) when it was built from what the
// index holds now, else built and saved for the next time.
[[nodiscard]] Result<SimilarityIndex> similarityIndexOf(const QString &indexPath, const std::atomic_bool *cancel = nullptr);

// Always built, never saved or read: to measure and test the build itself.
[[nodiscard]] Result<SimilarityIndex> buildSimilarityIndex(const QString &indexPath,
                                                          const std::atomic_bool *cancel = nullptr);

} // namespace hanji
