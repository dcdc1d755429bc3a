#pragma once

#include "paper.h"
#include "similarityindex.h"

#include <functional>

namespace hanji {

// "More like my reading list": the unread papers ranked by cosine to the mean vector of the
// bookmarked ones (of the bookmarks with this tag, when tag is not empty), best first.
// Bookmarked papers are not candidates; allowed, when given, narrows them further (a search).
// stateOf answers what the user keeps about a paper. Empty when no bookmark qualifies.
[[nodiscard]] QList<RelatedPaper> likeReadingList(const SimilarityIndex &index, const QStringList &bookmarkIds,
                                                  const std::function<UserState(const QString &)> &stateOf,
                                                  const QString &tag, int limit,
                                                  const std::function<bool(const QString &)> &allowed = {});

// The bookmarks that seed the ranking: all of them, or those with the tag (any case).
[[nodiscard]] QStringList readingListSeeds(const QStringList &bookmarkIds,
                                           const std::function<UserState(const QString &)> &stateOf, const QString &tag);

} // namespace hanji
