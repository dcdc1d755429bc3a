// The reader window's models on a generated 10-year archive: 50,000 papers listed 60,000
// times over 3,650 days. Times every step a reader waits for (loading, choosing a tree node,
// sorting, filtering, searching, marking read) and prints the median of several runs.
// Goal: each under 100 ms. Usage: bench_models [runs, default 7]
#include "datetreemodel.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

constexpr int kPapers = 50000;
constexpr int kAppearances = 60000;
constexpr int kDays = 3650;
const QDate kFirstDay(2015, 1, 1);
const QDate kVotesSince(2017, 1, 1); // the oldest digests gave no votes

QList<PaperRow> generateArchive(QRandomGenerator &random)
{
    const QStringList english{ u"Large"_s, u"Language"_s, u"Models"_s, u"Diffusion"_s, u"Agents"_s, u"Efficient"_s,
                               u"Reasoning"_s, u"Vision"_s, u"Transformer"_s, u"Scaling"_s, u"Benchmark"_s,
                               u"Video"_s, u"Alignment"_s, u"Retrieval"_s, u"3D"_s, u"Multimodal"_s, u"for"_s,
                               u"with"_s, u"of"_s, u"Learning"_s, u"Model 2"_s, u"Model 10"_s };
    const QStringList korean{ u"대규모"_s, u"언어"_s, u"모델"_s, u"확산"_s, u"에이전트"_s, u"효율적인"_s,
                              u"추론"_s, u"비전"_s, u"강화학습"_s, u"평가"_s, u"영상"_s, u"정렬"_s, u"검색"_s };
    const QStringList family{ u"Kim"_s, u"Lee"_s, u"Park"_s, u"Chen"_s, u"Wang"_s, u"Zhang"_s, u"Smith"_s,
                              u"Müller"_s, u"Garcia"_s, u"Tanaka"_s, u"김"_s, u"이"_s, u"박"_s, u"최"_s };
    const QStringList given{ u"Minji"_s, u"Jun"_s, u"Wei"_s, u"Anna"_s, u"Hiro"_s, u"Sara"_s, u"Tom"_s,
                             u"민지"_s, u"서준"_s, u"하은"_s, u"Li"_s, u"Yuki"_s };

    QList<PaperRow> rows;
    rows.reserve(kPapers);
    for (int i = 0; i < kPapers; ++i) {
        PaperRow row;
        const QDate first = kFirstDay.addDays(random.bounded(kDays));
        row.arxivId = u"%1.%2"_s.arg(first.toString(u"yyMM"_s)).arg(i, 5, 10, QChar(u'0'));
        row.id = row.arxivId;
        const QStringList &words = random.bounded(4) == 0 ? korean : english;
        QStringList title;
        for (int n = 5 + random.bounded(8); n > 0; --n)
            title.append(words[random.bounded(words.size())]);
        row.title = title.join(u' ');
        for (int n = 1 + random.bounded(12); n > 0; --n)
            row.authors.append(given[random.bounded(given.size())] + u' ' + family[random.bounded(family.size())]);
        const auto votesOn = [&](QDate date) {
            return date < kVotesSince ? std::optional<int>() : std::optional<int>(random.bounded(400));
        };
        row.appearances.append(Appearance{ first, votesOn(first) });
        // 10,000 papers come back on a later day, up to a month on.
        if (i < kAppearances - kPapers) {
            const QDate again = std::min(first.addDays(1 + random.bounded(30)), kFirstDay.addDays(kDays - 1));
            if (again > first)
                row.appearances.append(Appearance{ again, votesOn(again) });
        }
        for (const Appearance &a : std::as_const(row.appearances)) {
            if (a.votes && (!row.votes || *a.votes > *row.votes))
                row.votes = a.votes;
        }
        row.read = random.bounded(10) < 7;
        row.bookmarked = random.bounded(50) == 0;
        if (row.bookmarked)
            row.bookmarkedAt = QDateTime(row.appearances.constLast().date, QTime(9, 0), QTimeZone::UTC);
        rows.append(std::move(row));
    }
    return rows;
}

// The next day's import: 16 new papers, 4 old ones listed again with new votes.
QList<PaperRow> nextImport(QList<PaperRow> rows, QRandomGenerator &random)
{
    const QDate today = kFirstDay.addDays(kDays);
    for (int i = 0; i < 4; ++i) {
        PaperRow &row = rows[random.bounded(rows.size())];
        row.appearances.append(Appearance{ today, 450 + i });
        row.votes = 450 + i;
    }
    for (int i = 0; i < 16; ++i) {
        PaperRow row;
        row.id = row.arxivId = u"2501.9%1"_s.arg(i, 4, 10, QChar(u'0'));
        row.title = u"New paper %1"_s.arg(i);
        row.authors = { u"New Author"_s };
        row.appearances.append(Appearance{ today, i });
        row.votes = i;
        rows.append(std::move(row));
    }
    return rows;
}

// Qt's floor: the cheapest possible lessThan, so the table shows what QSortFilterProxyModel
// itself costs per sort.
class RowOrderProxy : public QSortFilterProxyModel
{
protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return left.row() < right.row();
    }
};

struct Result {
    QByteArray name;
    double median = 0; // wall clock: what the reader waits
    double worst = 0;
    double cpu = 0; // median CPU time of this thread: the work, without waiting for a busy machine
    double allCpu = 0; // median CPU time of the process: with the collation worker
    qsizetype rows = -1;
};

double cpuMs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}
QList<Result> g_results;
int g_runs = 7;

// Runs prepare (not timed) and then action (timed) g_runs times. rows, when given, is timed
// too: asking a proxy for its row count makes it finish work it defers (a view asks at once),
// and the table shows the work was real.
void measure(const char *name, const std::function<void()> &prepare, const std::function<void()> &action,
             const std::function<qsizetype()> &rows = {})
{
    std::vector<double> times;
    std::vector<double> cpu;
    std::vector<double> allCpu;
    qsizetype count = -1;
    for (int run = 0; run < g_runs; ++run) {
        prepare();
        if (rows)
            (void)rows(); // so the timed part does not finish the preparation's deferred work
        const double cpuStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        const double allCpuStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        QElapsedTimer timer;
        timer.start();
        action();
        if (rows)
            count = rows();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(cpuMs(CLOCK_THREAD_CPUTIME_ID) - cpuStart);
        allCpu.push_back(cpuMs(CLOCK_PROCESS_CPUTIME_ID) - allCpuStart);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    std::sort(allCpu.begin(), allCpu.end());
    g_results.append({ name, times[times.size() / 2], times.back(), cpu[cpu.size() / 2], allCpu[allCpu.size() / 2],
                       count });
    std::fprintf(stderr, ".");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    g_runs = std::max(1, app.arguments().value(1, u"7"_s).toInt());
    QRandomGenerator random(2024);

    QElapsedTimer generation;
    generation.start();
    const QList<PaperRow> archive = generateArchive(random);
    const QList<PaperRow> imported = nextImport(archive, random);
    qsizetype appearances = 0;
    for (const PaperRow &row : archive)
        appearances += row.appearances.size();
    std::printf("archive: %lld papers, %lld appearances over %d days (generated in %lld ms), %d runs each\n\n",
                qlonglong(archive.size()), qlonglong(appearances), kDays, qlonglong(generation.elapsed()), g_runs);

    // Loading.
    std::unique_ptr<PaperListModel> list;
    std::unique_ptr<DateTreeModel> tree;
    std::unique_ptr<PaperFilterProxy> proxy;
    measure("list: setRows, first load", [&] { list = std::make_unique<PaperListModel>(); },
            [&] { list->setRows(archive); }, [&] { return qsizetype(list->rowCount()); });
    // The worker ranking titles competes for the CPU: steps that are not about it wait for it.
    list->waitForCollationRanks();
    measure("tree: setRows, first load", [&] { tree = std::make_unique<DateTreeModel>(); },
            [&] { tree->setRows(archive); }, [&] { return qsizetype(tree->rowCount(tree->allIndex())); });
    measure(
        "proxy: attach, sorted by date",
        [&] {
            list = std::make_unique<PaperListModel>();
            list->setRows(archive);
            list->waitForCollationRanks();
            proxy = std::make_unique<PaperFilterProxy>();
            proxy->sort(PaperListModel::DateColumn, Qt::DescendingOrder);
        },
        [&] { proxy->setSourceModel(list.get()); }, [&] { return qsizetype(proxy->rowCount()); });

    // Sorting all 50,000 rows. Titles and authors compare by collation ranks that a worker
    // thread makes after each load; until they are in, by QCollator directly.
    measure("collation ranks, on the worker thread", [&] { list = std::make_unique<PaperListModel>(); },
            [&] {
                list->setRows(archive);
                list->waitForCollationRanks();
            });
    const auto freshSortedBy = [&](int column, bool ranked) {
        return [&, column, ranked] {
            list = std::make_unique<PaperListModel>();
            list->setRows(archive);
            if (ranked)
                list->waitForCollationRanks();
            proxy = std::make_unique<PaperFilterProxy>();
            proxy->setSourceModel(list.get());
            proxy->sort(column, Qt::DescendingOrder);
        };
    };
    const auto rowsShown = [&] { return qsizetype(proxy->rowCount()); };
    measure("sort: votes", freshSortedBy(PaperListModel::DateColumn, true),
            [&] { proxy->sort(PaperListModel::VotesColumn, Qt::DescendingOrder); }, rowsShown);
    measure("sort: date", freshSortedBy(PaperListModel::VotesColumn, true),
            [&] { proxy->sort(PaperListModel::DateColumn, Qt::DescendingOrder); }, rowsShown);
    measure("sort: title, ranks in", freshSortedBy(PaperListModel::DateColumn, true),
            [&] { proxy->sort(PaperListModel::TitleColumn, Qt::AscendingOrder); }, rowsShown);
    measure("sort: authors, ranks in", freshSortedBy(PaperListModel::DateColumn, true),
            [&] { proxy->sort(PaperListModel::AuthorsColumn, Qt::AscendingOrder); }, rowsShown);
    measure("sort: title at once after load (no ranks)", freshSortedBy(PaperListModel::DateColumn, false),
            [&] { proxy->sort(PaperListModel::TitleColumn, Qt::AscendingOrder); }, rowsShown);
    measure("sort: authors at once after load (no ranks)", freshSortedBy(PaperListModel::DateColumn, false),
            [&] { proxy->sort(PaperListModel::AuthorsColumn, Qt::AscendingOrder); }, rowsShown);
    std::unique_ptr<RowOrderProxy> floor;
    measure(
        "sort: Qt's floor (lessThan compares rows)",
        [&] {
            floor = std::make_unique<RowOrderProxy>();
            floor->setSourceModel(list.get());
            floor->sort(1, Qt::AscendingOrder);
            (void)floor->rowCount();
        },
        [&] { floor->sort(1, Qt::DescendingOrder); });
    floor.reset();
    list->waitForCollationRanks();
    measure("sort: votes, reversed", [&] { proxy->sort(PaperListModel::VotesColumn, Qt::DescendingOrder); },
            [&] { proxy->sort(PaperListModel::VotesColumn, Qt::AscendingOrder); }, rowsShown);

    // Choosing tree nodes, the list sorted by date as the window opens it.
    freshSortedBy(PaperListModel::DateColumn, true)();
    tree = std::make_unique<DateTreeModel>();
    tree->setRows(archive);
    const QDate someDay = kFirstDay.addDays(2000);
    const DateScope day = DateScope::ofDay(someDay);
    const DateScope month = DateScope::ofMonth(someDay.year(), someDay.month());
    const DateScope year = DateScope::ofYear(someDay.year());
    measure("select: all -> a day", [&] { proxy->setScope(DateScope::all()); }, [&] { proxy->setScope(day); }, rowsShown);
    measure("select: a day -> its month", [&] { proxy->setScope(day); }, [&] { proxy->setScope(month); }, rowsShown);
    measure("select: a month -> another month", [&] { proxy->setScope(DateScope::ofMonth(2016, 3)); },
            [&] { proxy->setScope(month); }, rowsShown);
    measure("select: a month -> its year", [&] { proxy->setScope(month); }, [&] { proxy->setScope(year); }, rowsShown);
    measure("select: a day -> all", [&] { proxy->setScope(day); }, [&] { proxy->setScope(DateScope::all()); },
            rowsShown);
    measure("select: all -> bookmarks", [&] { proxy->setScope(DateScope::all()); },
            [&] { proxy->setScope(DateScope::bookmarks()); }, rowsShown);
    measure("tree: indexForScope(day) + ScopeRole", [] {},
            [&] { (void)tree->indexForScope(day).data(DateTreeModel::ScopeRole).value<DateScope>(); });

    // Filtering all papers.
    proxy->setScope(DateScope::all());
    measure("filter: votes >= 100", [&] { proxy->setVoteRange(0); }, [&] { proxy->setVoteRange(100); }, rowsShown);
    measure("filter: votes >= 100 -> none", [&] { proxy->setVoteRange(100); }, [&] { proxy->setVoteRange(0); },
            rowsShown);
    measure("filter: unread only", [&] { proxy->setUnreadOnly(false); }, [&] { proxy->setUnreadOnly(true); },
            rowsShown);
    measure("filter: unread only -> off", [&] { proxy->setUnreadOnly(true); }, [&] { proxy->setUnreadOnly(false); },
            rowsShown);

    // Searching: 5,000 matching ids.
    QStringList matches;
    for (int i = 0; i < 5000; ++i)
        matches.append(archive[(i * 9973) % archive.size()].id);
    measure("search: 5,000 ids", [&] { proxy->setSearchMatches(std::nullopt); },
            [&] { proxy->setSearchMatches(matches); }, rowsShown);
    measure("search: cleared", [&] { proxy->setSearchMatches(matches); },
            [&] { proxy->setSearchMatches(std::nullopt); }, rowsShown);
    // A syllable matches nearly every paper: one in fifty left out.
    QStringList broad;
    for (qsizetype i = 0; i < archive.size(); ++i) {
        if (i % 50 != 0)
            broad.append(archive[i].id);
    }
    measure("search: 49 of 50 papers", [&] { proxy->setSearchMatches(std::nullopt); },
            [&] { proxy->setSearchMatches(broad); }, rowsShown);
    measure("search: 49 of 50 -> 5,000 ids", [&] { proxy->setSearchMatches(broad); },
            [&] { proxy->setSearchMatches(matches); }, rowsShown);
    measure("search: 5,000 ids within a month + unread", [&] {
        proxy->setSearchMatches(std::nullopt);
        proxy->setScope(month);
        proxy->setUnreadOnly(true);
    }, [&] { proxy->setSearchMatches(matches); }, rowsShown);
    proxy->setSearchMatches(std::nullopt);
    proxy->setScope(DateScope::all());
    proxy->setUnreadOnly(false);

    // Marking one paper read or bookmarked, all 50,000 rows listed and sorted.
    const QString someId = archive[kPapers / 2].id;
    bool flip = false;
    measure("update: list, mark read/unread", [] {}, [&] {
        flip = !flip;
        list->updateUserState(someId, false, {}, flip);
    }, rowsShown);
    measure("update: list, bookmark (sorted by star)", [&] { proxy->sort(PaperListModel::BookmarkColumn, Qt::DescendingOrder); }, [&] {
        flip = !flip;
        list->updateUserState(someId, flip, QDateTime::currentDateTimeUtc(), true);
    }, rowsShown);
    measure("update: tree, mark read/unread", [] {}, [&] {
        flip = !flip;
        tree->updateUserState(someId, false, flip);
    });

    // The next day's import, models in use.
    const auto importedBefore = [&] {
        list->setRows(archive);
        list->waitForCollationRanks();
    };
    proxy->sort(PaperListModel::DateColumn, Qt::DescendingOrder);
    measure("import: list, +16 papers, 4 changed", importedBefore, [&] { list->setRows(imported); }, rowsShown);
    proxy->sort(PaperListModel::TitleColumn, Qt::AscendingOrder);
    measure("import: list, the same, sorted by title", importedBefore, [&] { list->setRows(imported); }, rowsShown);
    measure("import: tree, +1 day", [&] { tree->setRows(archive); }, [&] { tree->setRows(imported); });

    std::fprintf(stderr, "\n");
    std::printf("%-44s %8s %8s %8s %8s %7s\n", "step", "median", "worst", "cpu", "all cpu", "rows");
    bool allFast = true;
    for (const Result &r : std::as_const(g_results)) {
        std::printf("%-44s %8.1f %8.1f %8.1f %8.1f %7s\n", r.name.constData(), r.median, r.worst, r.cpu, r.allCpu,
                    r.rows < 0 ? "" : QByteArray::number(r.rows).constData());
        allFast = allFast && r.median < 100;
    }
    std::printf("\nms; median and worst wall clock; cpu: median CPU time of the GUI thread, all cpu: of the\n"
                "process, with the collation worker. Wall above cpu is time spent waiting for a busy machine\n"
                "or, after a load, for the worker's ranks.\n%s\n",
                allFast ? "Every median under 100 ms." : "SOME MEDIANS OVER 100 ms.");
    return 0;
}
