#pragma once

#include "digest.h"

#include <QDateTime>

#include <algorithm>

namespace hanji {

// One date a paper was listed on, with that day's votes.
struct Appearance {
    QDate date;
    std::optional<int> votes;
    bool operator==(const Appearance &) const = default;
};

// Votes are unknown in the oldest digests: the higher of two counts, where unknown is no count
// at all (not zero). The one rule for "a paper's votes" wherever days are combined.
[[nodiscard]] constexpr std::optional<int> higherVotes(std::optional<int> a, std::optional<int> b)
{
    return !a ? b : !b ? a : std::optional(std::max(*a, *b));
}

// The newest of a paper's appearances, and the highest votes over them.
[[nodiscard]] std::optional<Appearance> latestAppearance(const QList<Appearance> &appearances);
[[nodiscard]] std::optional<int> highestVotes(const QList<Appearance> &appearances);

// What the user keeps about a paper; survives rebuilding the index and moving digests.
struct UserState {
    bool bookmarked = false;
    QDateTime bookmarkedAt; // UTC
    QString note;
    QStringList tags;
    bool read = false;
};

// A paper as the library knows it: the same paper on several days is one Paper with several
// appearances. Its title is the latest one any appearance gives (an archive that names papers
// by id alone gives none); the other text fields come from its most recent appearance.
struct Paper {
    QString id; // arXiv id without version, else the URL
    QString arxivId;
    QString title;
    QString originalTitle; // beside a translated title
    QString url;
    QString thumbnailUrl;
    QString videoUrl;
    QStringList authors;
    QList<SummarySection> sections;
    QList<SummarySection> fields; // short keyed facts ("Keywords", "Relevance Score")
    QStringList categories;
    QList<Appearance> appearances; // ascending by date
    UserState user;

    QString sourceFile; // where the most recent appearance was read
    int firstLine = 0;
    int lastLine = 0;
    QString markdown; // its raw lines

    // The same paper as other appearances tell it, where their text differs from the one
    // above (another archive's summary, often in another language), oldest first. Filled
    // for the pane (Library::paper), not for lists.
    QList<DigestEntry> otherTexts;

    // The highest votes over its appearances; unknown when no day gave any.
    [[nodiscard]] std::optional<int> votes() const { return highestVotes(appearances); }
    [[nodiscard]] QDate latestDate() const { return latestAppearance(appearances).value_or(Appearance()).date; }
};

// The light form of a paper for lists of tens of thousands: no summary, no markdown.
struct PaperRow {
    QString id;
    QString arxivId;
    QString title;
    QStringList authors;
    QList<Appearance> appearances; // ascending by date
    std::optional<int> votes; // highest over appearances
    bool bookmarked = false;
    QDateTime bookmarkedAt;
    bool read = false;

    [[nodiscard]] QDate latestDate() const { return latestAppearance(appearances).value_or(Appearance()).date; }
};

} // namespace hanji
