// The reader window on a generated archive of ten years (~3,650 files, ~60,000 entries):
// how long the UI thread is blocked while the import runs on its worker, and how fast
// selecting a node, sorting, filtering and searching answer. Offscreen, a stand-in pane.
//   bench_window [--days N]
#include "archivegenerator.h"
#include "datetreemodel.h"
#include "filterbar.h"
#include "library.h"
#include "mainwindow.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"
#include "paperview.h"
#include "thumbnailcache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <memory>

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

long peakMemoryKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hanji-bench"));
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

    // While the import runs on its worker, a 10 ms timer on the UI thread measures how late
    // it fires: the longest delay is the longest the window could not answer.
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.elapsed();
    qint64 worstGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - last);
        last = now;
    });
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QElapsedTimer importTimer;
    importTimer.start();
    heartbeat.start();
    window.openFolders({ dir.filePath(QStringLiteral("digests")) });
    imported.wait(600000);
    heartbeat.stop();
    row(QStringLiteral("import of %1 files in the window (worker thread)").arg(archive.files), double(importTimer.elapsed()));
    row(QStringLiteral("longest UI-thread stall during the import"), double(worstGap));

    PaperFilterProxy *proxy = window.paperProxy();
    QTreeView *tree = window.dateTreeView();
    QTreeView *list = window.paperListView();
    auto *dates = qobject_cast<DateTreeModel *>(tree->model());
    std::printf("| %-52s | %8d    |\n", "papers in the list", proxy->rowCount());

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
        QStringList ids;
        const double searchOnly = timed([&] { ids = library->search({ .text = query, .order = SearchQuery::Order::None }).value(); });
        QSet<QString> set;
        const double setOnly = timed([&] { set = QSet<QString>(ids.cbegin(), ids.cend()); });
        const double filterOnly = timed([&] { proxy->setSearchMatches(set); });
        timed([&] { proxy->setSearchMatches(std::nullopt); });
        std::printf("| %-52s | %5.1f + %5.1f + %5.1f ms |\n",
                    qPrintable(QStringLiteral("  \"%1\": library search + id set + list filter (before)").arg(query)), searchOnly,
                    setOnly, filterOnly);
        QSet<QString> matching;
        const double matchOnly = timed([&] { matching = library->matchingIds({ .text = query }).value(); });
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

    // Start-up with the ten years in the library: a second window opens on it, as at the next
    // start. Everything until it has painted runs on the UI thread, so the time is also the
    // longest stall.
    {
        auto again = std::move(Library::open(dir.filePath(QStringLiteral("library"))).value().library);
        std::unique_ptr<MainWindow> second;
        const double open = timed([&] {
            auto *secondView = new NullView;
            second = std::make_unique<MainWindow>(*again, &thumbnails, secondView);
            secondView->setParent(second.get());
            second->resize(1440, 880);
            second->show();
            (void)QTest::qWaitForWindowExposed(second.get());
        });
        row(QStringLiteral("start-up: a window on the ten years, to the list shown"), open);
        QLineEdit *field = second->filterBar()->searchField();
        const double first = timed([&] {
            field->setText(QStringLiteral("확산"));
            Q_EMIT field->returnPressed();
        });
        row(QStringLiteral("  then its first search (확산)"), first);
    }
    std::printf("| %-52s | %8ld MiB |\n", "peak memory (VmHWM; a stand-in pane, no WebEngine)", peakMemoryKiB() / 1024);
    return 0;
}
