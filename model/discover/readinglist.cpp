#include "readinglist.h"

namespace hanji {

QStringList readingListSeeds(const QStringList &bookmarkIds, const std::function<UserState(const QString &)> &stateOf,
                             const QString &tag)
{
    if (tag.isEmpty())
        return bookmarkIds;
    QStringList seeds;
    for (const QString &id : bookmarkIds) {
        if (stateOf(id).tags.contains(tag, Qt::CaseInsensitive))
            seeds += id;
    }
    return seeds;
}

QList<RelatedPaper> likeReadingList(const SimilarityIndex &index, const QStringList &bookmarkIds,
                                    const std::function<UserState(const QString &)> &stateOf, const QString &tag,
                                    int limit, const std::function<bool(const QString &)> &allowed)
{
    const QStringList seeds = readingListSeeds(bookmarkIds, stateOf, tag);
    return index.likeMean(seeds, limit, [&](const QString &id) {
        const UserState state = stateOf(id);
        return !state.read && !state.bookmarked && (!allowed || allowed(id));
    });
}

} // namespace hanji
