#pragma once

#include "paper.h"

#include <QList>
#include <QString>

#include <optional>

namespace hanji {

// One ISO 8601 week of the archive: Monday to Sunday, numbered as QDate::weekNumber does.
struct WeekCount {
    int year = 0; // the ISO week-numbering year (2024-12-30 is in 2025-W01)
    int week = 0;
    int entries = 0; // date-paper pairs in the week
    int papers = 0; // distinct papers listed in the week
    [[nodiscard]] QString label() const; // "2024-W05"
    [[nodiscard]] QDate monday() const;
    [[nodiscard]] QDate sunday() const { return monday().addDays(6); }
};

struct DayVotes {
    QDate date;
    int entries = 0;
    std::optional<int> votesMax; // over the day's entries that have votes; none when none do
    std::optional<double> votesMedian; // the middle one, or the mean of the two middle ones
};

// Entries whose votes v satisfy from <= v < to (to open on the last bucket).
struct VotesBucket {
    int from = 0;
    std::optional<int> to;
    int entries = 0;
    [[nodiscard]] QString label() const; // "0", "1–4", "500+"
};

struct NameCount {
    QString name;
    int papers = 0;
};

// The edges of the votes histogram: [0,1) [1,5) [5,10) [10,20) [20,50) [50,100) [100,200)
// [200,500) [500,∞). Roughly logarithmic, as votes are: most papers get a few, a few get
// hundreds. Entries of unknown votes are in no bucket.
[[nodiscard]] const QList<int> &votesBucketEdges();

// What the Insights charts draw and `hanji stats --json` prints, for any set of papers.
struct ArchiveStats {
    int papers = 0;
    int entries = 0;
    QList<WeekCount> perWeek; // weeks with at least one entry, oldest first
    QList<DayVotes> perDay; // days with at least one entry, oldest first
    QList<VotesBucket> votesHistogram; // every bucket, empty ones too
    QList<NameCount> topAuthors; // most papers first, then by name
    QList<NameCount> topTitleWords; // titleWords(), papers whose title has the word

    [[nodiscard]] static ArchiveStats of(const QList<PaperRow> &papers, int top = 20);
};

} // namespace hanji
