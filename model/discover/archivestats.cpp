#include "archivestats.h"

#include "textterms.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QList<NameCount> topCounts(const QHash<QString, int> &counts, int top)
{
    QList<NameCount> list;
    list.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append({ it.key(), it.value() });
    const auto end = list.begin() + std::min<qsizetype>(top, list.size());
    std::partial_sort(list.begin(), end, list.end(), [](const NameCount &a, const NameCount &b) {
        return a.papers != b.papers ? a.papers > b.papers : a.name < b.name;
    });
    list.erase(end, list.end());
    return list;
}

std::optional<double> median(std::vector<int> &values)
{
    if (values.empty())
        return std::nullopt;
    const size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + middle, values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + middle);
    return (lower + upper) / 2;
}

} // namespace

QString WeekCount::label() const
{
    return u"%1-W%2"_s.arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

QDate WeekCount::monday() const
{
    // January 4th is always in week 1.
    const QDate fourth(year, 1, 4);
    return fourth.addDays(1 - fourth.dayOfWeek()).addDays(qint64(week - 1) * 7);
}

QString VotesBucket::label() const
{
    if (!to)
        return u"%1+"_s.arg(from);
    if (*to == from + 1)
        return QString::number(from);
    return u"%1–%2"_s.arg(from).arg(*to - 1);
}

const QList<int> &votesBucketEdges()
{
    static const QList<int> edges { 0, 1, 5, 10, 20, 50, 100, 200, 500 };
    return edges;
}

ArchiveStats ArchiveStats::of(const QList<PaperRow> &papers, int top)
{
    ArchiveStats stats;
    stats.papers = int(papers.size());
    const QList<int> &edges = votesBucketEdges();
    for (qsizetype i = 0; i < edges.size(); ++i)
        stats.votesHistogram.append({ edges[i], i + 1 < edges.size() ? std::optional(edges[i + 1]) : std::nullopt, 0 });

    struct Week {
        int entries = 0;
        QSet<qsizetype> papers;
    };
    std::map<std::pair<int, int>, Week> weeks;
    struct Day {
        int entries = 0;
        std::vector<int> votes;
    };
    std::map<qint64, Day> days;
    QHash<QString, int> authors;
    QHash<QString, int> words;
    for (qsizetype p = 0; p < papers.size(); ++p) {
        const PaperRow &paper = papers.at(p);
        for (const Appearance &appearance : paper.appearances) {
            ++stats.entries;
            int weekYear = 0;
            const int week = appearance.date.weekNumber(&weekYear);
            Week &w = weeks[{ weekYear, week }];
            ++w.entries;
            w.papers.insert(p);
            Day &day = days[appearance.date.toJulianDay()];
            ++day.entries;
            if (appearance.votes) {
                day.votes.push_back(*appearance.votes);
                const auto bucket = std::upper_bound(edges.cbegin(), edges.cend(), *appearance.votes) - edges.cbegin() - 1;
                if (bucket >= 0)
                    ++stats.votesHistogram[bucket].entries;
            }
        }
        QSet<QString> seenAuthors;
        for (const QString &author : paper.authors) {
            const QString name = author.trimmed();
            if (!name.isEmpty() && name != u"+"_s && !seenAuthors.contains(name)) {
                seenAuthors.insert(name);
                ++authors[name];
            }
        }
        const QStringList titleWordList = titleWords(paper.title);
        for (const QString &word : QSet<QString>(titleWordList.cbegin(), titleWordList.cend()))
            ++words[word];
    }
    for (const auto &[key, week] : weeks)
        stats.perWeek.append({ key.first, key.second, week.entries, int(week.papers.size()) });
    for (auto &[julian, day] : days) {
        const auto highest = day.votes.empty() ? std::nullopt
                                               : std::optional(*std::max_element(day.votes.cbegin(), day.votes.cend()));
        stats.perDay.append({ QDate::fromJulianDay(julian), day.entries, highest, median(day.votes) });
    }
    stats.topAuthors = topCounts(authors, top);
    stats.topTitleWords = topCounts(words, top);
    return stats;
}

} // namespace hanji
