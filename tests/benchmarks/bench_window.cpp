// The reader window on a generated archive of ten years (~3,650 files, ~60,000 entries):
// how long the UI thread is blocked while the import runs on its worker, how fast selecting
// a node, sorting, filtering and searching answer, how a window starts on the ten years and
// what a sync that brought read marks costs. Offscreen, a stand-in pane.
// Under an X server (xvfb-run), a second process then starts the window with the real
// QtWebEngine pane on the same library, shows a paper and tells the memory it took.
//   bench_window [--days N]
//   bench_window --memory LIBRARY_DIR   (that second process)
#include "archivegenerator.h"
#include "datetreemodel.h"
#include "filterbar.h"
#include "library.h"
#include "mainwindow.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"
#include "paperview.h"
#include "scenegraphchoice.h"
#include "similarityservice.h"
#include "synccontroller.h"
#include "thumbnailcache.h"
#include "urlscheme.h"
#include "webpaperview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWebEngineView>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

using namespace hanji;

namespace {

class NullView : public PaperView
{
public:
    void showPaper(const Paper &) override { }
    void clear() override { }
    void scrollPage() override { }
    void scrollPageBack() override { }
    [[nodiscard]] QWidget *widget() const override { return m_widget; }

private:
    QWidget *m_widget = new QWidget;
};

// Times an action including the events it leaves behind (a view's relayout).
double timed(const std::function<void()> &action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    QCoreApplication::processEvents();
    return double(timer.nsecsElapsed()) / 1e6;
}

void row(const QString &what, double ms)
{
    std::printf("| %-52s | %8.1f ms |\n", qPrintable(what), ms);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A 1 ms timer on the UI thread: the gap between two beats is how long the window could not
// answer, give or take the interval (a 10 ms one, as before, counted up to 10 ms of its own
// waiting into a stall). The first gap after start() is kept apart: it holds whatever blocked
// before the event loop ran (a window's constructor).
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { beat(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_first = -1;
        m_worst = 0;
        m_timer.start();
    }
    void stop()
    {
        beat();
        m_timer.stop();
    }
    [[nodiscard]] qint64 worst() const { return std::max(m_first, m_worst); }
    [[nodiscard]] qint64 first() const { return m_first; }
    [[nodiscard]] qint64 worstAfterFirst() const { return m_worst; }
    [[nodiscard]] qint64 worstEnded() const { return m_worstEnded; } // ms after start()
    // The longest gap that ended within [from, to] (ms after start()).
    [[nodiscard]] qint64 worstEndingBetween(double from, double to) const
    {
        qint64 worst = 0;
        for (const auto &[ended, gap] : m_gaps) {
            if (double(ended) >= from && double(ended) <= to)
                worst = std::max(worst, gap);
        }
        return worst;
    }

private:
    void beat()
    {
        const qint64 now = m_clock.elapsed();
        if (m_first < 0) {
            m_first = now - m_last;
        } else {
            m_gaps.append({ now, now - m_last });
            if (now - m_last > m_worst) {
                m_worst = now - m_last;
                m_worstEnded = now;
            }
        }
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_first = -1;
    qint64 m_worst = 0;
    qint64 m_worstEnded = 0;
    QList<std::pair<qint64, qint64>> m_gaps; // when each ended, how long it was
};

// VmHWM, VmRSS (KiB) of a process and its Pss from smaps_rollup.
struct ProcessMemory {
    long hwm = 0;
    long rss = 0;
    long pss = 0;
};

long statusField(const QByteArray &text, const QByteArray &field)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

// What the process has allocated and not freed (glibc's count): our own data, apart from
// the libraries' code and the pages malloc keeps for later.
long heapInUseMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return long((info.uordblks + info.hblkhd) / (1024 * 1024)); // in the arenas, and blocks mapped alone
}

ProcessMemory memoryOf(qint64 pid)
{
    ProcessMemory memory;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        memory.hwm = statusField(text, "VmHWM:");
        memory.rss = statusField(text, "VmRSS:");
    }
    QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (rollup.open(QIODevice::ReadOnly))
        memory.pss = statusField(rollup.readAll(), "Pss:");
    return memory;
}

// This process and every descendant (QtWebEngineProcess: zygote, renderer, GPU, utility),
// found through the parent pid in /proc/*/stat.
QList<qint64> processTree()
{
    QHash<qint64, QList<qint64>> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid …": comm may hold spaces, so count from its closing parenthesis.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        children[fields.value(1).toLongLong()].append(pid);
    }
    QList<qint64> tree { QCoreApplication::applicationPid() };
    for (qsizetype i = 0; i < tree.size(); ++i)
        tree += children.value(tree[i]);
    return tree;
}

// The summed VmRSS and Pss of the process tree, their peaks sampled every 50 ms on a thread
// of its own: reading four processes' smaps_rollup takes some 20 ms, which on the UI thread
// had shown up among the stalls measured there.
class MemorySampler
{
public:
    MemorySampler()
        : m_thread([this] { run(); })
    {
    }
    ~MemorySampler() { stop(); }
    void stop()
    {
        m_running = false;
        if (m_thread.joinable())
            m_thread.join();
    }
    [[nodiscard]] long peakRss() const { return m_peakRss; }
    [[nodiscard]] long peakPss() const { return m_peakPss; }

private:
    void run()
    {
        while (m_running) {
            ProcessMemory sum;
            for (const qint64 pid : processTree()) {
                const ProcessMemory memory = memoryOf(pid);
                sum.rss += memory.rss;
                sum.pss += memory.pss;
            }
            m_peakRss = std::max(m_peakRss.load(), sum.rss);
            m_peakPss = std::max(m_peakPss.load(), sum.pss);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    std::atomic_bool m_running = true;
    std::atomic_long m_peakRss = 0;
    std::atomic_long m_peakPss = 0;
    std::thread m_thread; // last: it starts once the rest is made
};

// When a window first paints anything, and when its paper list first paints with rows in it.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(const QElapsedTimer &clock)
        : m_clock(clock)
    {
        qApp->installEventFilter(this);
    }
    void watch(MainWindow *window) { m_window = window; }
    double firstPaint = -1;
    double listShown = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !m_window || !watched->isWidgetType())
            return false;
        const auto *widget = static_cast<QWidget *>(watched);
        if (widget->window() != m_window)
            return false;
        const double now = double(m_clock.nsecsElapsed()) / 1e6;
        if (firstPaint < 0)
            firstPaint = now;
        if (listShown < 0 && widget == m_window->paperListView()->viewport() && m_window->paperProxy()->rowCount() > 0)
            listShown = now;
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    MainWindow *m_window = nullptr;
};

// A window opens on the library, as at the next start: the constructor, the first paint, the
// rows in, the list painted with them, and the longest stall of the UI thread meanwhile.
void measureStartup(Library &library, ThumbnailCache &thumbnails, PaperView *view, std::unique_ptr<MainWindow> &window,
                    const QString &label)
{
    QElapsedTimer clock;
    PaintWatch paints(clock);
    Heartbeat heartbeat;
    clock.start();
    heartbeat.start();
    window = std::make_unique<MainWindow>(library, &thumbnails, view);
    if (view)
        view->setParent(window.get());
    window->resize(1440, 880);
    window->show();
    paints.watch(window.get());
    const double constructed = double(clock.nsecsElapsed()) / 1e6;
    const long constructedRss = memoryOf(QCoreApplication::applicationPid()).rss;
    QSignalSpy loaded(window.get(), &MainWindow::rowsLoaded);
    if (window->isLoading())
        (void)loaded.wait(120000);
    const double rowsIn = double(clock.nsecsElapsed()) / 1e6;
    (void)QTest::qWaitFor([&] { return paints.listShown >= 0; }, 10000);
    heartbeat.stop();
    std::printf("| %-52s | %8s    |\n", qPrintable(label), "");
    row(QStringLiteral("  constructor and show() return"), constructed);
    std::printf("| %-52s | %8ld MiB |\n", "    the process then (VmRSS)", constructedRss / 1024);
    row(QStringLiteral("  first paint"), paints.firstPaint);
    row(QStringLiteral("  rows in (rowsLoaded)"), rowsIn);
    row(QStringLiteral("  list shown (its first paint with the rows)"), paints.listShown);
    row(QStringLiteral("  longest UI-thread stall: constructor to first beat"), double(heartbeat.first()));
    row(QStringLiteral("  longest UI-thread stall after that (ended at %1 ms)").arg(heartbeat.worstEnded()),
        double(heartbeat.worstAfterFirst()));
    // The rows go in within the last turns before rowsLoaded, then the list paints.
    row(QStringLiteral("  longest stall as the rows went in and showed"),
        double(heartbeat.worstEndingBetween(rowsIn - 100, std::max(rowsIn, paints.listShown) + 100)));
}

// What the window does with the rows once they are in, piece by piece, on fresh models: what
// the worker does now, and what is left to the UI thread.
void measureSetRows(const QList<PaperRow> &rows)
{
    std::printf("| %-52s | %8s    |\n", "setRows at ten years, piece by piece:", "");
    int ceiling = 0;
    row(QStringLiteral("  vote ceiling (worker)"), timed([&] {
            for (const PaperRow &paper : rows)
                ceiling = std::max(ceiling, paper.votes.value_or(0));
        }));
    {
        DateTreeModel dates;
        row(QStringLiteral("  DateTreeModel::setRows, all on the UI thread (before)"), timed([&] { dates.setRows(rows); }));
        row(QStringLiteral("  DateTreeModel::setRows again, unchanged (an import, before)"), timed([&] { dates.setRows(rows); }));
    }
    {
        DateTreeModel dates;
        DateTreeModel::Census census;
        row(QStringLiteral("  DateTreeModel::census (worker)"), timed([&] { census = DateTreeModel::census(rows); }));
        row(QStringLiteral("  DateTreeModel::setCensus (UI thread)"), timed([&] { dates.setCensus(std::move(census)); }));
        census = DateTreeModel::census(rows);
        row(QStringLiteral("  DateTreeModel::setCensus again, unchanged (an import)"),
            timed([&] { dates.setCensus(std::move(census)); }));
    }
    {
        PaperListModel papers;
        row(QStringLiteral("  PaperListModel::setRows, a shared list (no proxy)"), timed([&] { papers.setRows(rows); }));
    }
    {
        PaperListModel papers;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&papers);
        proxy.sort(PaperListModel::DateColumn, Qt::DescendingOrder);
        row(QStringLiteral("  PaperListModel::setRows + proxy sort (before)"), timed([&] { papers.setRows(rows); }));
    }
    {
        PaperListModel papers;
        PaperFilterProxy proxy;
        proxy.setSourceModel(&papers);
        proxy.sort(PaperListModel::DateColumn, Qt::DescendingOrder);
        PaperListModel::Prepared prepared;
        row(QStringLiteral("  PaperListModel::prepare (worker)"), timed([&] { prepared = PaperListModel::prepare(rows); }));
        row(QStringLiteral("  PaperListModel::setPrepared + proxy sort (UI thread)"),
            timed([&] { papers.setPrepared(std::move(prepared)); }));
        // An import that changed a few papers: the rows compared with those the list has.
        QList<PaperRow> changed = rows;
        for (qsizetype i = 0; i < changed.size(); i += changed.size() / 8)
            changed[i].votes = changed[i].votes.value_or(0) + 1;
        prepared = PaperListModel::prepare(changed);
        row(QStringLiteral("  PaperListModel::updatePrepared, 8 changed (an import)"),
            timed([&] { papers.updatePrepared(std::move(prepared)); }));
    }
}

// After a sync brought read marks and bookmarks: the window shows them on the rows it has.
void measureSyncReapply(MainWindow &window, Library &library)
{
    auto *sync = window.findChild<SyncController *>();
    auto *papers = qobject_cast<PaperListModel *>(window.paperProxy()->sourceModel());
    for (const int count : { 10, 1000, 20000 }) {
        QStringList ids;
        const int step = std::max(1, papers->rowCount() / count);
        for (int row = 0; row < papers->rowCount() && ids.size() < count; row += step)
            ids += papers->paperAt(row).id;
        // As a sync leaves the library: the store has them, the models do not yet.
        if (!library.setRead(ids, true) || !library.setBookmarked(ids.first(std::max(1, count / 10)), true)) {
            std::printf("cannot write the user data\n");
            return;
        }
        row(QStringLiteral("sync brought %L1 read marks, %L2 bookmarks: re-apply").arg(count).arg(std::max(1, count / 10)),
            timed([&] { Q_EMIT sync->userDataChanged(); }));
    }
}

// The window with the real pane (QtWebEngine) on the library, a paper shown: the memory of
// the whole process tree.
int measureMemory(const QString &libraryDir, SceneGraph sceneGraph)
{
    if (QGuiApplication::platformName() != QStringLiteral("xcb")) {
        std::printf("QtWebEngine needs an X server: run under xvfb-run\n");
        return 1;
    }
    std::printf("the pane drawn by Qt Quick's %s scene graph\n\n",
                sceneGraph == SceneGraph::Software ? "software" : "default (OpenGL, unless QT_QUICK_BACKEND says)");
    MemorySampler sampler;

    QElapsedTimer started;
    started.start();
    auto library = std::move(Library::open(libraryDir).value().library);
    QTemporaryDir cache;
    ThumbnailCache thumbnails(cache.filePath(QStringLiteral("cache")));
    thumbnails.setEnabled(false);
    std::unique_ptr<MainWindow> window;
    measureStartup(*library, thumbnails, nullptr, window, QStringLiteral("start-up with the QtWebEngine pane:"));
    endStartWithoutOpenGl(); // as the reader does once its window exists
    std::printf("| %-52s | %8ld MiB |\n", "  the window process once the list shows (VmRSS)",
                memoryOf(QCoreApplication::applicationPid()).rss / 1024);
    std::printf("| %-52s | %8ld MiB |\n", "    of it allocated by malloc", heapInUseMiB());
    std::printf("| %-52s | %8ld MiB |\n", "    its peak until then (VmHWM)", memoryOf(QCoreApplication::applicationPid()).hwm / 1024);
    auto *web = qobject_cast<WebPaperView *>(window->paperView());
    if (!web) {
        std::printf("not the QtWebEngine pane\n");
        return 1;
    }
    QSignalSpy pageLoaded(web->webView(), &QWebEngineView::loadFinished);
    QElapsedTimer shown;
    shown.start();
    window->paperListView()->setCurrentIndex(window->paperProxy()->index(0, PaperListModel::TitleColumn));
    if (!pageLoaded.wait(60000)) {
        std::printf("the pane did not load the paper\n");
        return 1;
    }
    row(QStringLiteral("  a paper selected, to its page loaded"), double(shown.elapsed()));
    // The related papers' index is built on a worker after start: its peak counts too, and
    // the window must answer meanwhile.
    Heartbeat heartbeat;
    heartbeat.start();
    if (!window->similarity()->isReady()) {
        QSignalSpy similarityReady(window->similarity(), &SimilarityService::ready);
        if (!similarityReady.wait(300000)) {
            std::printf("the similarity index was not built\n");
            return 1;
        }
    }
    heartbeat.stop();
    row(QStringLiteral("  start to the similarity index built"), double(started.elapsed()));
    row(QStringLiteral("  longest UI-thread stall meanwhile"), double(heartbeat.worst()));
    std::printf("| %-52s | %8ld MiB |\n", "  the similarity index (its own estimate)",
                long(window->similarity()->index()->memoryBytes() / (1024 * 1024)));
    std::printf("| %-52s | %8ld MiB |\n", "  allocated by malloc in the window process then", heapInUseMiB());
    QTest::qWait(2000); // painted, and the renderer settled
    sampler.stop();
    ProcessMemory sum;
    const QList<qint64> tree = processTree();
    for (const qint64 pid : tree) {
        const ProcessMemory memory = memoryOf(pid);
        sum.hwm += memory.hwm;
        sum.rss += memory.rss;
        sum.pss += memory.pss;
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(pid));
        const QByteArray arguments = commandLine.open(QIODevice::ReadOnly) ? commandLine.readAll() : QByteArray();
        const qsizetype type = arguments.indexOf("--type=");
        const QByteArray name = type < 0 ? QByteArray("the window") : arguments.mid(type + 7, arguments.indexOf('\0', type) - type - 7);
        std::printf("| %-52s | %8ld MiB |\n", qPrintable(QStringLiteral("    Pss of %1").arg(QString::fromLatin1(name))), memory.pss / 1024);
    }
    const ProcessMemory self = memoryOf(QCoreApplication::applicationPid());
    std::printf("| %-52s | %8ld MiB |\n", "  peak memory, the window process alone (VmHWM)", self.hwm / 1024);
    std::printf("| %-52s | %8ld MiB |\n",
                qPrintable(QStringLiteral("  peak memory, sum of VmHWM over %1 processes").arg(tree.size())), sum.hwm / 1024);
    std::printf("| %-52s | %8ld MiB |\n", "  peak of the summed VmRSS (sampled every 50 ms)", sampler.peakRss() / 1024);
    std::printf("| %-52s | %8ld MiB |\n", "  peak of the summed Pss (sampled every 50 ms)", sampler.peakPss() / 1024);
    std::printf("| %-52s | %8ld MiB |\n", "  summed Pss at the end (shared pages split)", sum.pss / 1024);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool memoryMode = argc >= 3 && qstrcmp(argv[1], "--memory") == 0;
    // QtWebEngine needs the X server xvfb-run gives; the rest runs offscreen.
    qputenv("QT_QPA_PLATFORM", memoryMode && qEnvironmentVariableIsSet("DISPLAY") ? "xcb" : "offscreen");
    registerHanjiUrlScheme(); // before the application, as QtWebEngine requires
    // As the reader chooses (QT_QUICK_BACKEND=rhi: OpenGL, whatever the machine has).
    const SceneGraph sceneGraph = memoryMode ? chooseSceneGraph() : SceneGraph::Default;
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hanji-bench"));
    if (memoryMode)
        return measureMemory(QString::fromLocal8Bit(argv[2]), sceneGraph);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--days"));
    const int days = at >= 0 ? args.value(at + 1).toInt() : 3650;

    QTemporaryDir dir;
    const GeneratedArchive archive = generateArchive(dir.filePath(QStringLiteral("digests")), QDate(2015, 1, 1), days);
    std::printf("generated %d files, %d entries\n\n| measure | time |\n|---|---:|\n", archive.files, archive.entries);

    auto library = std::move(Library::open(dir.filePath(QStringLiteral("library"))).value().library);
    ThumbnailCache thumbnails(dir.filePath(QStringLiteral("cache")));
    thumbnails.setEnabled(false);
    auto *view = new NullView;
    MainWindow window(*library, &thumbnails, view);
    view->setParent(&window);
    window.resize(1440, 880);
    window.show();

    // While the import runs on its worker, the heartbeat measures how long the window could
    // not answer.
    Heartbeat heartbeat;
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QElapsedTimer importTimer;
    importTimer.start();
    heartbeat.start();
    window.openFolders({ dir.filePath(QStringLiteral("digests")) });
    imported.wait(600000);
    heartbeat.stop();
    row(QStringLiteral("import of %1 files in the window (worker thread)").arg(archive.files), double(importTimer.elapsed()));
    row(QStringLiteral("longest UI-thread stall during the import"), double(heartbeat.worst()));

    PaperFilterProxy *proxy = window.paperProxy();
    QTreeView *tree = window.dateTreeView();
    QTreeView *list = window.paperListView();
    auto *dates = qobject_cast<DateTreeModel *>(tree->model());
    std::printf("| %-52s | %8d    |\n", "papers in the list", proxy->rowCount());
    {
        // What QTreeView does once rows come or go, before it paints: the fastest of 25.
        std::vector<double> samples;
        for (int i = 0; i < 25; ++i)
            samples.push_back(timed([&] { list->doItemsLayout(); }));
        row(QStringLiteral("the list's layout of all its rows (QTreeView)"), *std::min_element(samples.begin(), samples.end()));
    }

    const QDate lastDay = QDate(2015, 1, 1).addDays(days - 1);
    const QList<std::pair<QString, DateScope>> scopes {
        { QStringLiteral("select a day"), DateScope::ofDay(lastDay.addDays(-40)) },
        { QStringLiteral("select a month"), DateScope::ofMonth(lastDay.year() - 1, 6) },
        { QStringLiteral("select a year"), DateScope::ofYear(lastDay.year() - 2) },
        { QStringLiteral("select all papers"), DateScope::all() },
    };
    for (const auto &[label, scope] : scopes) {
        std::vector<double> samples;
        for (int i = 0; i < 5; ++i) {
            tree->setCurrentIndex(dates->bookmarksIndex());
            samples.push_back(timed([&] { tree->setCurrentIndex(dates->indexForScope(scope)); }));
        }
        row(label + QStringLiteral(" (%1 papers)").arg(proxy->rowCount()), median(samples));
    }
    for (const auto &[label, column] : { std::pair(QStringLiteral("sort by votes"), int(PaperListModel::VotesColumn)),
                                          std::pair(QStringLiteral("sort by title (QCollator)"), int(PaperListModel::TitleColumn)),
                                          std::pair(QStringLiteral("sort by authors (QCollator)"), int(PaperListModel::AuthorsColumn)),
                                          std::pair(QStringLiteral("sort by date"), int(PaperListModel::DateColumn)) }) {
        std::vector<double> samples;
        for (int i = 0; i < 3; ++i) {
            samples.push_back(timed([&] { list->sortByColumn(column, Qt::AscendingOrder); }));
            samples.push_back(timed([&] { list->sortByColumn(column, Qt::DescendingOrder); }));
        }
        row(label, median(samples));
    }
    std::vector<double> votes;
    for (int minimum : { 50, 150, 0, 250, 0 })
        votes.push_back(timed([&] { window.filterBar()->setMinimumVotes(minimum); }));
    row(QStringLiteral("change the minimum votes"), median(votes));
    std::vector<double> unread;
    for (bool on : { true, false, true, false })
        unread.push_back(timed([&] { window.filterBar()->setUnreadOnly(on); }));
    row(QStringLiteral("toggle unread-only"), median(unread));
    for (const QString &query : { QStringLiteral("모"), QStringLiteral("확산"), QStringLiteral("강화학습"), QStringLiteral("diffusion") }) {
        QStringList matching;
        const double matchOnly = timed([&] { matching = library->matchingIds({ .text = query }).value(); });
        // What the list was handed until it took the ids as they come.
        const double setOnly = timed([&] { QSet<QString> set(matching.cbegin(), matching.cend()); });
        std::printf("| %-52s | %5.1f ms |\n", qPrintable(QStringLiteral("  \"%1\": the id set once made of them").arg(query)),
                    setOnly);
        const double filterMatching = timed([&] { proxy->setSearchMatches(std::move(matching)); });
        timed([&] { proxy->setSearchMatches(std::nullopt); });
        std::printf("| %-52s | %5.1f + %5.1f ms |\n", qPrintable(QStringLiteral("  \"%1\": matching ids + list filter (now)").arg(query)),
                    matchOnly, filterMatching);
        QLineEdit *field = window.filterBar()->searchField();
        const double ms = timed([&] {
            field->setText(query);
            Q_EMIT field->returnPressed();
        });
        row(QStringLiteral("search \"%1\" (%2 papers)").arg(query).arg(proxy->rowCount()), ms);
        timed([&] {
            field->clear();
            Q_EMIT field->returnPressed();
        });
    }

    // Every morning: a rescan finds one new day among the ten years; then the day goes again,
    // leaving the library as the start-up below expects it. As in the morning, the related
    // papers' index of the import before is built (its worker had shared the two cores).
    const QString digests = dir.filePath(QStringLiteral("digests"));
    const QDate nextDay = QDate(2015, 1, 1).addDays(days);
    for (const bool add : { true, false }) {
        if (!window.similarity()->isReady() || window.similarity()->isBuilding()) {
            QSignalSpy similarityReady(window.similarity(), &SimilarityService::ready);
            (void)similarityReady.wait(300000);
        }
        if (add)
            generateArchive(digests, nextDay, 1, 16, 7);
        else
            QFile::remove(digests + nextDay.toString(QStringLiteral("/yyyy/MM/dd'.md'")));
        QSignalSpy rescanned(&window, &MainWindow::importFinished);
        QElapsedTimer rescanTimer;
        rescanTimer.start();
        heartbeat.start();
        window.rescan();
        rescanned.wait(60000);
        const double rescanTook = double(rescanTimer.elapsed());
        QTest::qWait(200); // and the turns after, where the list paints
        heartbeat.stop();
        const QString what = add ? QStringLiteral("a rescan that found a new day (%1 papers)").arg(proxy->rowCount())
                                 : QStringLiteral("a rescan that found that day gone");
        row(what, rescanTook);
        row(QStringLiteral("  longest UI-thread stall during it and 200 ms after"), double(heartbeat.worst()));
    }

    // Start-up with the ten years in the library: a second window opens on it, as at the next
    // start. The first one hidden: shown, it repainted all of itself as it lost the focus, some
    // 30-60 ms in the second's first turns.
    window.hide();
    {
        auto again = std::move(Library::open(dir.filePath(QStringLiteral("library"))).value().library);
        std::unique_ptr<MainWindow> second;
        measureStartup(*again, thumbnails, new NullView, second, QStringLiteral("start-up: a window on the ten years"));
        QLineEdit *field = second->filterBar()->searchField();
        const double first = timed([&] {
            field->setText(QStringLiteral("확산"));
            Q_EMIT field->returnPressed();
        });
        row(QStringLiteral("  then its first search (확산)"), first);
        timed([&] {
            field->clear();
            Q_EMIT field->returnPressed();
        });

        QList<PaperRow> rows;
        row(QStringLiteral("Library::rows() (the read the window left to its worker)"), timed([&] { rows = again->rows().value(); }));
        measureSetRows(rows);
        measureSyncReapply(*second, *again);
    }
    std::printf("| %-52s | %8ld MiB |\n", "peak memory (VmHWM; a stand-in pane, no WebEngine)",
                memoryOf(QCoreApplication::applicationPid()).hwm / 1024);

    if (!qEnvironmentVariableIsSet("DISPLAY")) {
        std::printf("\n(no X server: run under xvfb-run for the memory with QtWebEngine)\n");
        return 0;
    }
    // A process of its own: its peak is the start-up's, not the import's above.
    QProcess withWebEngine;
    withWebEngine.setProcessChannelMode(QProcess::ForwardedChannels);
    withWebEngine.start(QCoreApplication::applicationFilePath(),
                        { QStringLiteral("--memory"), dir.filePath(QStringLiteral("library")) });
    withWebEngine.waitForFinished(300000);
    return withWebEngine.exitCode();
}
