#pragma once

#include "paper.h"

#include <QMetaType>

namespace hanji {

// Which papers a node of the date tree stands for. The list's filter takes it as is: a paper
// is in a Year/Month/Day scope when any of its appearances is.
struct DateScope {
    // New, SavedSearches and Saved are sets of ids the window hands the tree and the filter
    // (what arrived lately, what a saved search finds): contains() knows none of their papers.
    enum Kind { All, Year, Month, Day, Bookmarks, New, SavedSearches, Saved };
    Kind kind = All;
    int year = 0;
    int month = 0; // Month and Day only
    int day = 0; // Day only
    QString name {}; // Saved only: the saved search's name

    [[nodiscard]] static DateScope all() { return {}; }
    [[nodiscard]] static DateScope bookmarks() { return { Bookmarks, 0, 0, 0 }; }
    [[nodiscard]] static DateScope ofYear(int year) { return { Year, year, 0, 0 }; }
    [[nodiscard]] static DateScope ofMonth(int year, int month) { return { Month, year, month, 0 }; }
    [[nodiscard]] static DateScope ofDay(QDate date) { return { Day, date.year(), date.month(), date.day() }; }
    [[nodiscard]] static DateScope newPapers() { return { New, 0, 0, 0 }; }
    [[nodiscard]] static DateScope savedSearches() { return { SavedSearches, 0, 0, 0 }; }
    [[nodiscard]] static DateScope ofSavedSearch(const QString &name) { return { Saved, 0, 0, 0, name }; }
    // Whether the papers in it are a set of ids the window keeps (New, Saved).
    [[nodiscard]] bool isIdSet() const { return kind == New || kind == Saved || kind == SavedSearches; }

    // The first and last day of a Year/Month/Day scope; invalid dates for All and Bookmarks.
    [[nodiscard]] QDate firstDay() const;
    [[nodiscard]] QDate lastDay() const;
    [[nodiscard]] bool isDateRange() const { return kind == Year || kind == Month || kind == Day; }

    // The days of a Year/Month/Day scope as Julian day numbers, inclusive: what a filter over
    // tens of thousands of rows compares against. Empty (first > last) for All and Bookmarks.
    struct DayRange {
        qint64 first = 1;
        qint64 last = 0;
        [[nodiscard]] bool contains(qint64 day) const { return day >= first && day <= last; }
        [[nodiscard]] bool containsAny(const QList<Appearance> &appearances) const;
    };
    [[nodiscard]] DayRange dayRange() const;

    // Whether the paper belongs here.
    [[nodiscard]] bool contains(const PaperRow &paper) const;

    bool operator==(const DateScope &) const = default;
};

} // namespace hanji

Q_DECLARE_METATYPE(hanji::DateScope)
