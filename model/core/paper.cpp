#include "paper.h"

namespace hanji {

std::optional<Appearance> latestAppearance(const QList<Appearance> &appearances)
{
    // Kept ascending by date, but a hand-made paper need not be: look at them all.
    const auto latest = std::max_element(appearances.cbegin(), appearances.cend(),
                                         [](const Appearance &a, const Appearance &b) { return a.date < b.date; });
    return latest == appearances.cend() ? std::nullopt : std::optional(*latest);
}

std::optional<int> highestVotes(const QList<Appearance> &appearances)
{
    std::optional<int> highest;
    for (const Appearance &appearance : appearances)
        highest = higherVotes(highest, appearance.votes);
    return highest;
}

} // namespace hanji
