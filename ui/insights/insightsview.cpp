#include "insightsview.h"

#include "palettecolors.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QSaveFile>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSvgGenerator>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

constexpr int kChartHeight = 250;
constexpr int kRankingHeight = 440; // twenty names, each in a line of its own

// Category labels a little smaller than the text: twenty names, or nine vote ranges, fit
// without the axis eliding every other one.
void useSmallLabels(QAbstractAxis *axis, const QFont &font)
{
    QFont small = font;
    small.setPixelSize(std::max(9, QFontInfo(font).pixelSize() - 2));
    axis->setLabelsFont(small);
    axis->setTruncateLabels(false); // a name cut to "…" says nothing
}
constexpr int kTwoColumnsFrom = 760; // px of width: narrower, the charts stack

qint64 msecs(QDate date)
{
    return date.startOfDay(QTimeZone::UTC).toMSecsSinceEpoch();
}

QDate dateOf(qreal msecs)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(msecs), QTimeZone::UTC).date();
}

QDate mondayOf(QDate day)
{
    return day.addDays(1 - day.dayOfWeek());
}

void removeAxes(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A time axis labelled by month or by year, whichever fits the span.
QDateTimeAxis *timeAxis(QDate first, QDate last)
{
    auto *axis = new QDateTimeAxis;
    const qint64 days = first.daysTo(last);
    axis->setFormat(days > 3 * 365 ? u"yyyy"_s : days > 60 ? u"yyyy-MM"_s : u"MM-dd"_s);
    axis->setTickCount(days > 3 * 365 ? int(std::min<qint64>(days / 365 + 1, 11)) : 7);
    axis->setRange(first.startOfDay(QTimeZone::UTC), last.addDays(1).startOfDay(QTimeZone::UTC));
    return axis;
}

} // namespace

InsightsView::InsightsView(PaperFilterProxy *proxy, const PaperListModel *papers, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_papers(papers)
    , m_summary(new QLabel(this))
    , m_clearWeek(new QToolButton(this))
    , m_log(new QCheckBox(tr("Log scale"), this))
    , m_canvas(new QWidget)
    , m_grid(new QGridLayout(m_canvas))
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 2);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_summary, 1);
    m_clearWeek->setToolTip(tr("Show every week again"));
    m_clearWeek->hide();
    bar->addWidget(m_clearWeek);
    m_log->setToolTip(tr("The votes histogram on a logarithmic scale"));
    bar->addWidget(m_log);
    auto *png = new QToolButton(this);
    png->setText(tr("Export PNG…"));
    auto *svg = new QToolButton(this);
    svg->setText(tr("Export SVG…"));
    bar->addWidget(png);
    bar->addWidget(svg);

    const QStringList titles { tr("Papers per week"), tr("Votes per day"), tr("Votes per entry"),
                               tr("Most frequent authors"), tr("Most frequent title words") };
    for (const QString &title : titles) {
        auto *chart = new QChart;
        chart->setTitle(title);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->setAnimationOptions(QChart::NoAnimation); // ten years of points: no animations
        auto *view = new QChartView(chart, m_canvas);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(kChartHeight);
        m_views.append(view);
    }
    m_views[int(Chart::Authors)]->setMinimumHeight(kRankingHeight);
    m_views[int(Chart::Words)]->setMinimumHeight(kRankingHeight);
    m_grid->setContentsMargins(4, 4, 4, 4);
    layoutCharts();

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_canvas);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150); // a burst of filter changes is one refresh
    connect(&m_debounce, &QTimer::timeout, this, &InsightsView::startRefresh);
    connect(&m_watcher, &QFutureWatcher<ArchiveStats>::finished, this, [this] {
        if (m_watcherGeneration != m_generation)
            return; // refreshNow() drew newer numbers meanwhile
        if (m_again) {
            m_again = false;
            startRefresh();
            return;
        }
        showStats(m_watcher.result());
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &InsightsView::scheduleRefresh);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &InsightsView::scheduleRefresh);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &InsightsView::scheduleRefresh);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &InsightsView::scheduleRefresh);
    connect(m_log, &QCheckBox::toggled, this, &InsightsView::setLogScale);
    connect(m_clearWeek, &QToolButton::clicked, this, &InsightsView::clearWeek);
    connect(png, &QToolButton::clicked, this, [this] { chooseExportFile(u"png"_s); });
    connect(svg, &QToolButton::clicked, this, [this] { chooseExportFile(u"svg"_s); });
    applyTheme();
}

InsightsView::~InsightsView()
{
    m_watcher.waitForFinished();
}

QChart *InsightsView::chart(Chart which) const
{
    return m_views.at(int(which))->chart();
}

void InsightsView::scheduleRefresh()
{
    m_dirty = true;
    if (isVisible())
        m_debounce.start();
}

void InsightsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        m_debounce.start();
}

void InsightsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutCharts();
}

void InsightsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange)
        applyTheme();
}

QList<PaperRow> InsightsView::shownRows()
{
    QElapsedTimer timer;
    timer.start();
    const auto measured = qScopeGuard([&] { m_gatherMs = double(timer.nsecsElapsed()) / 1e6; });
    QList<PaperRow> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0, count = m_proxy->rowCount(); row < count; ++row)
        rows.append(m_papers->paperAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return rows;
}

void InsightsView::startRefresh()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    m_dirty = false;
    m_watcherGeneration = ++m_generation;
    // The rows are shared, not copied: the worker reads them while the list moves on.
    m_watcher.setFuture(QtConcurrent::run([rows = shownRows()] { return ArchiveStats::of(rows); }));
}

void InsightsView::refreshNow()
{
    m_debounce.stop();
    m_watcher.waitForFinished();
    m_dirty = false;
    m_again = false;
    ++m_generation;
    showStats(ArchiveStats::of(shownRows()));
}

void InsightsView::showStats(const ArchiveStats &stats)
{
    QElapsedTimer timer;
    timer.start();
    m_stats = stats;
    QString summary = tr("%Ln papers", nullptr, stats.papers) + u" · "_s + tr("%Ln entries", nullptr, stats.entries);
    if (!stats.perDay.isEmpty())
        summary += u" · %1 – %2"_s.arg(stats.perDay.constFirst().date.toString(Qt::ISODate),
                                        stats.perDay.constLast().date.toString(Qt::ISODate));
    m_summary->setText(summary);
    drawWeeks();
    drawDays();
    drawVotes();
    drawRanking(Chart::Authors, stats.topAuthors);
    drawRanking(Chart::Words, stats.topTitleWords);
    colorAxes(); // new series take the theme's colours by themselves; new axes need the palette's text
    m_drawMs = double(timer.nsecsElapsed()) / 1e6;
    Q_EMIT statsShown();
}

void InsightsView::drawWeeks()
{
    QChart *chart = this->chart(Chart::Weeks);
    chart->removeAllSeries();
    removeAxes(chart);
    if (m_stats.perWeek.isEmpty())
        return;
    auto *series = new QLineSeries;
    series->setName(tr("papers"));
    series->setPointsVisible(m_stats.perWeek.size() < 60);
    // Weeks without a digest are drawn as zero, so a gap in the archive shows as one.
    QList<QPointF> points;
    QDate monday = m_stats.perWeek.constFirst().monday();
    for (const WeekCount &week : m_stats.perWeek) {
        for (; monday < week.monday(); monday = monday.addDays(7))
            points.append(QPointF(qreal(msecs(monday)), 0));
        points.append(QPointF(qreal(msecs(week.monday())), week.papers));
        monday = week.monday().addDays(7);
    }
    series->replace(points);
    chart->addSeries(series);
    auto *x = timeAxis(m_stats.perWeek.constFirst().monday(), m_stats.perWeek.constLast().sunday());
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    y->setMin(0);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->applyNiceNumbers();
    chart->legend()->hide();
    connect(series, &QLineSeries::clicked, this, [this](const QPointF &point) { clickWeek(dateOf(point.x())); });
}

void InsightsView::drawDays()
{
    QChart *chart = this->chart(Chart::Days);
    chart->removeAllSeries();
    removeAxes(chart);
    if (m_stats.perDay.isEmpty())
        return;
    auto *highest = new QLineSeries;
    highest->setName(tr("maximum"));
    auto *median = new QLineSeries;
    median->setName(tr("median"));
    QList<QPointF> highestPoints, medianPoints;
    for (const DayVotes &day : m_stats.perDay) {
        if (!day.votesMax)
            continue; // no votes that day: no point, rather than a false zero
        const auto x = qreal(msecs(day.date));
        highestPoints.append(QPointF(x, *day.votesMax));
        medianPoints.append(QPointF(x, *day.votesMedian));
    }
    highest->replace(highestPoints);
    median->replace(medianPoints);
    chart->addSeries(highest);
    chart->addSeries(median);
    auto *x = timeAxis(m_stats.perDay.constFirst().date, m_stats.perDay.constLast().date);
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    y->setMin(0);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : { highest, median }) {
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QLineSeries::clicked, this, [this](const QPointF &point) { clickDay(dateOf(point.x())); });
    }
    y->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->show();
}

void InsightsView::drawVotes()
{
    QChart *chart = this->chart(Chart::Votes);
    chart->removeAllSeries();
    removeAxes(chart);
    auto *set = new QBarSet(tr("entries"));
    QStringList labels;
    int highest = 1;
    for (const VotesBucket &bucket : m_stats.votesHistogram) {
        // On a log scale an empty bar has no height at all; a hair below one keeps it drawable.
        *set << (m_logScale && bucket.entries == 0 ? 0.5 : bucket.entries);
        labels += bucket.label();
        highest = std::max(highest, bucket.entries);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.85);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    useSmallLabels(x, font());
    x->setLabelsAngle(-35); // "100–199" beside "200–499" in a narrow pane
    x->setTitleText(tr("votes"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QAbstractAxis *y = nullptr;
    if (m_logScale) {
        auto *log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(u"%g"_s);
        log->setRange(0.5, highest * 2.0);
        y = log;
    } else {
        auto *linear = new QValueAxis;
        linear->setLabelFormat(u"%d"_s);
        linear->setRange(0, highest);
        linear->applyNiceNumbers();
        y = linear;
    }
    y->setTitleText(tr("entries"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    connect(set, &QBarSet::clicked, this, &InsightsView::clickVotesBucket);
}

void InsightsView::drawRanking(Chart which, const QList<NameCount> &counts)
{
    QChart *chart = this->chart(which);
    chart->removeAllSeries();
    removeAxes(chart);
    if (counts.isEmpty())
        return;
    auto *set = new QBarSet(tr("papers"));
    QStringList names;
    int highest = 1;
    // Bottom to top: the most frequent on top, where the eye starts.
    for (auto it = counts.crbegin(); it != counts.crend(); ++it) {
        *set << it->papers;
        names += it->name;
        highest = std::max(highest, it->papers);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.8);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(names);
    useSmallLabels(y, font());
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    x->setLabelFormat(u"%d"_s);
    x->setRange(0, highest);
    x->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
    const int size = int(counts.size());
    connect(set, &QBarSet::clicked, this, [this, which, size](int index) {
        const int rank = size - 1 - index; // the set runs bottom to top
        which == Chart::Authors ? clickAuthor(rank) : clickWord(rank);
    });
}

void InsightsView::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    m_log->setChecked(on);
    drawVotes();
    colorAxes();
}

void InsightsView::applyTheme()
{
    const QPalette palette = this->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDarkScheme(base, text);
    for (QChartView *view : std::as_const(m_views)) {
        QChart *chart = view->chart();
        const QString title = chart->title();
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setTitle(title);
        chart->setBackgroundBrush(base);
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        QFont font = chart->titleFont();
        font.setBold(true);
        font.setPointSizeF(this->font().pointSizeF() * 1.05);
        chart->setTitleFont(font);
        view->setBackgroundBrush(base);
    }
    colorAxes();
}

void InsightsView::colorAxes()
{
    const QColor text = palette().color(QPalette::Text);
    for (QChartView *view : std::as_const(m_views)) {
        for (QAbstractAxis *axis : view->chart()->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
        }
    }
}

void InsightsView::layoutCharts()
{
    const int columns = width() >= kTwoColumnsFrom ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (QChartView *view : std::as_const(m_views))
        m_grid->removeWidget(view);
    // The weeks over the whole width: the archive's shape at a glance; the others in pairs.
    m_grid->addWidget(m_views[int(Chart::Weeks)], 0, 0, 1, columns);
    if (columns == 2) {
        m_grid->addWidget(m_views[int(Chart::Days)], 1, 0);
        m_grid->addWidget(m_views[int(Chart::Votes)], 1, 1);
        m_grid->addWidget(m_views[int(Chart::Authors)], 2, 0);
        m_grid->addWidget(m_views[int(Chart::Words)], 2, 1);
    } else {
        for (int chart = int(Chart::Days); chart <= int(Chart::Words); ++chart)
            m_grid->addWidget(m_views[chart], chart, 0);
    }
}

void InsightsView::clickWeek(QDate anyDay)
{
    const QDate monday = mondayOf(anyDay);
    m_week = std::pair(monday, monday.addDays(6));
    int year = 0;
    const int week = monday.weekNumber(&year);
    //: The button that lifts a week filter; %1 is the ISO week, like 2024-W05.
    m_clearWeek->setText(tr("Week %1 ✕").arg(WeekCount { year, week, 0, 0 }.label()));
    m_clearWeek->show();
    m_proxy->setExtraDays(m_week->first, m_week->second);
}

void InsightsView::clearWeek()
{
    m_week.reset();
    m_clearWeek->hide();
    m_proxy->setExtraDays({}, {});
}

void InsightsView::clickDay(QDate day)
{
    Q_EMIT dayRequested(day);
}

void InsightsView::clickVotesBucket(int index)
{
    if (index < 0 || index >= m_stats.votesHistogram.size())
        return;
    const VotesBucket &bucket = m_stats.votesHistogram.at(index);
    Q_EMIT voteRangeRequested(bucket.from, bucket.to ? std::optional(*bucket.to - 1) : std::nullopt);
}

void InsightsView::clickAuthor(int index)
{
    if (index >= 0 && index < m_stats.topAuthors.size())
        Q_EMIT searchRequested(u"author:\"%1\""_s.arg(m_stats.topAuthors.at(index).name));
}

void InsightsView::clickWord(int index)
{
    if (index >= 0 && index < m_stats.topTitleWords.size())
        Q_EMIT searchRequested(u"title:%1"_s.arg(m_stats.topTitleWords.at(index).name));
}

Result<> InsightsView::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    const QSize size = m_canvas->size();
    if (QFileInfo(path).suffix().compare(u"svg"_s, Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Hanji Insights"));
        QPainter painter(&svg);
        m_canvas->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.end();
    } else {
        const QImage image = m_canvas->grab().toImage();
        if (!image.save(&file, "PNG"))
            return failure(tr("Cannot write %1 as PNG").arg(path));
    }
    if (!file.commit())
        return failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void InsightsView::chooseExportFile(const QString &suffix)
{
    const QString filter = suffix == u"svg"_s ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Insights"), u"hanji-insights."_s + suffix, filter);
    if (path.isEmpty())
        return;
    if (const Result<> written = exportTo(path); !written)
        m_summary->setText(written.error().message);
}

} // namespace hanji
