#pragma once

#include "commands.h"
#include "library.h"
#include "similarityindex.h"

namespace hanji::cli {

// Scored papers as `related` and `search --like-bookmarks` print them: a JSON array of
// {id, title, score} (score rounded to 4 places), or one line each, best first.
[[nodiscard]] Result<> printScored(const Library &library, Io io, const QList<RelatedPaper> &scored, bool json);

} // namespace hanji::cli
