#include "datescope.h"

#include <algorithm>

namespace hanji {

QDate DateScope::firstDay() const
{
    switch (kind) {
    case Year:
        return QDate(year, 1, 1);
    case Month:
        return QDate(year, month, 1);
    case Day:
        return QDate(year, month, day);
    case All:
    case Bookmarks:
    case New:
    case SavedSearches:
    case Saved:
        break;
    }
    return {};
}

QDate DateScope::lastDay() const
{
    switch (kind) {
    case Year:
        return QDate(year, 12, 31);
    case Month: {
        const QDate first(year, month, 1);
        return first.isValid() ? first.addMonths(1).addDays(-1) : QDate();
    }
    case Day:
        return QDate(year, month, day);
    case All:
    case Bookmarks:
    case New:
    case SavedSearches:
    case Saved:
        break;
    }
    return {};
}

bool DateScope::contains(const PaperRow &paper) const
{
    switch (kind) {
    case All:
        return true;
    case Bookmarks:
        return paper.bookmarked;
    case New:
    case SavedSearches:
    case Saved:
        return false; // sets of ids only the window holds
    case Year:
    case Month:
    case Day:
        break;
    }
    return dayRange().containsAny(paper.appearances);
}

DateScope::DayRange DateScope::dayRange() const
{
    if (!isDateRange())
        return {};
    return { firstDay().toJulianDay(), lastDay().toJulianDay() };
}

bool DateScope::DayRange::containsAny(const QList<Appearance> &appearances) const
{
    return std::any_of(appearances.cbegin(), appearances.cend(),
                       [this](const Appearance &a) { return contains(a.date.toJulianDay()); });
}

} // namespace hanji
