#pragma once

#include "archivestats.h"
#include "result.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QGridLayout;
class QLabel;
class QToolButton;

class QChart;
class QChartView;

namespace hanji {

class PaperFilterProxy;
class PaperListModel;

// What the papers the list shows are about, in five charts (Qt Charts): papers per ISO week,
// votes per day (maximum and median), the votes histogram (linear or log), the most frequent
// authors and title words. Follows the list: its node, search and filters; the numbers are
// computed off the UI thread and only while the view is visible. A click narrows the list:
// a week to its seven days (here, on the proxy), a day, a votes bucket, an author or a word
// through the signals, for the window's own controls. Export as PNG or SVG.
class InsightsView : public QWidget
{
    Q_OBJECT
public:
    InsightsView(PaperFilterProxy *proxy, const PaperListModel *papers, QWidget *parent = nullptr);
    ~InsightsView() override;

    [[nodiscard]] const ArchiveStats &stats() const { return m_stats; }
    // Computes and draws now, on this thread (tests, the screenshot).
    void refreshNow();
    // By the file's suffix: .svg as vector graphics, anything else as PNG.
    [[nodiscard]] Result<> exportTo(const QString &path);
    void setLogScale(bool on);
    // Lifts the week a click narrowed the list to.
    void clearWeek();
    [[nodiscard]] std::optional<std::pair<QDate, QDate>> week() const { return m_week; }

    enum class Chart { Weeks, Days, Votes, Authors, Words };
    [[nodiscard]] QChart *chart(Chart which) const;
    // What the last refresh cost the UI thread: gathering the list's rows, drawing (benchmarks).
    [[nodiscard]] double lastGatherMilliseconds() const { return m_gatherMs; }
    [[nodiscard]] double lastDrawMilliseconds() const { return m_drawMs; }

    // What a click on each chart does, callable by tests without pixel hunting.
    void clickWeek(QDate anyDay);
    void clickDay(QDate day);
    void clickVotesBucket(int index);
    void clickAuthor(int index);
    void clickWord(int index);

Q_SIGNALS:
    void searchRequested(const QString &text); // author:"…" or title:…
    void dayRequested(QDate day);
    void voteRangeRequested(int minimum, std::optional<int> maximum);
    void statsShown();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void startRefresh();
    [[nodiscard]] QList<PaperRow> shownRows();
    void showStats(const ArchiveStats &stats);
    void drawWeeks();
    void drawDays();
    void drawVotes();
    void drawRanking(Chart which, const QList<NameCount> &counts);
    void applyTheme();
    void colorAxes();
    void layoutCharts();
    void chooseExportFile(const QString &suffix);

    PaperFilterProxy *m_proxy;
    const PaperListModel *m_papers;
    ArchiveStats m_stats;
    QTimer m_debounce;
    QFutureWatcher<ArchiveStats> m_watcher;
    bool m_dirty = true;
    bool m_again = false;
    int m_generation = 0; // of the numbers asked for last
    int m_watcherGeneration = 0; // of those the worker computes
    std::optional<std::pair<QDate, QDate>> m_week;
    bool m_logScale = false;
    int m_columns = 0;
    double m_gatherMs = 0;
    double m_drawMs = 0;

    QLabel *m_summary;
    QToolButton *m_clearWeek;
    QCheckBox *m_log;
    QWidget *m_canvas;
    QGridLayout *m_grid;
    QList<QChartView *> m_views; // in Chart order
};

} // namespace hanji
