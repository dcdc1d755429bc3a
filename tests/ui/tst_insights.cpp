#include "datetreemodel.h"
#include "filterbar.h"
#include "insightsview.h"
#include "library.h"
#include "mainwindow.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"
#include "paperview.h"
#include "similarityservice.h"
#include "testpaths.h"
#include "thumbnailcache.h"

#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QBarSeries>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// Stands in for the QtWebEngine pane: keeps the related links it was handed last.
class RelatedRecorder : public PaperView
{
public:
    RelatedRecorder()
        : m_widget(new QWidget)
    {
    }
    void showPaper(const Paper &paper) override { shown = paper.id; }
    void setRelatedPapers(const QList<RelatedLink> &links) override { related = links; }
    void clear() override { }
    void scrollPage() override { }
    void scrollPageBack() override { }
    [[nodiscard]] QWidget *widget() const override { return m_widget; }

    QString shown;
    QList<RelatedLink> related;

private:
    QWidget *m_widget;
};

QList<qreal> barValues(QChart *chart)
{
    QList<qreal> values;
    const auto *series = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
    if (!series || series->barSets().isEmpty())
        return values;
    const QBarSet *set = series->barSets().constFirst();
    for (int i = 0; i < set->count(); ++i)
        values += set->at(i);
    return values;
}

} // namespace

// The window's discover features on the fixtures of tests/data/discover (12 papers over three
// days; the numbers below counted by hand): related papers in the pane, the Insights charts,
// their click-through to the list, the palette and the export.
class TestInsights : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<ThumbnailCache> m_thumbnails;
    RelatedRecorder *m_view = nullptr;
    std::unique_ptr<MainWindow> m_window;

    InsightsView *insights() const { return m_window->insightsView(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"hanji-tests"_s);
        QSettings().clear();
        m_library = std::move(Library::open(m_dir.filePath(u"library"_s)).value().library);
        m_thumbnails = std::make_unique<ThumbnailCache>(m_dir.filePath(u"cache"_s));
        m_thumbnails->setEnabled(false);
        m_view = new RelatedRecorder;
        m_window = std::make_unique<MainWindow>(*m_library, m_thumbnails.get(), m_view);
        m_view->setParent(m_window.get());
        m_window->resize(1400, 900);
        m_window->show();
        QSignalSpy imported(m_window.get(), &MainWindow::importFinished);
        m_window->openFolders({ u"" HANJI_TEST_DATA_DIR "/discover"_s });
        QVERIFY(imported.wait(30000));
        QCOMPARE(m_window->paperProxy()->rowCount(), 12);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->similarity()->isReady() && !m_window->similarity()->isBuilding(), 20000);
    }

    void paneListsRelatedPapersThatSelect()
    {
        QVERIFY(m_window->selectPaper(u"2412.90002"_s));
        QCOMPARE(m_view->shown, u"2412.90002"_s);
        QVERIFY(!m_view->related.isEmpty() && m_view->related.size() <= 8);
        const QSet<QString> top { m_view->related.value(0).id, m_view->related.value(1).id };
        QCOMPARE(top, (QSet<QString> { u"2412.90006"_s, u"2501.90011"_s }));
        for (const RelatedLink &link : std::as_const(m_view->related)) {
            QVERIFY(link.id != u"2412.90002"_s);
            QVERIFY(!link.title.isEmpty());
        }
        Q_EMIT m_view->paperLinkRequested(u"2501.90011"_s);
        QCOMPARE(m_window->currentPaperId(), u"2501.90011"_s);
        QCOMPARE(m_view->shown, u"2501.90011"_s);
    }

    void chartsShowTheListsNumbers()
    {
        m_window->showInsights();
        QTRY_COMPARE(insights()->stats().papers, 12);
        insights()->refreshNow();
        const auto *weeks = qobject_cast<QLineSeries *>(insights()->chart(InsightsView::Chart::Weeks)->series().value(0));
        QVERIFY(weeks);
        QCOMPARE(weeks->count(), 2); // 2024-W52 and 2025-W01, next to each other
        QCOMPARE(weeks->at(0).y(), 4.0);
        QCOMPARE(weeks->at(1).y(), 9.0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(weeks->at(1).x()), QTimeZone::UTC).date(), QDate(2024, 12, 30));
        QCOMPARE(barValues(insights()->chart(InsightsView::Chart::Votes)), (QList<qreal> { 1, 2, 1, 2, 3, 1, 2, 0, 0 }));
        const QList<qreal> authors = barValues(insights()->chart(InsightsView::Chart::Authors));
        QCOMPARE(authors.size(), 7);
        QCOMPARE(authors.constLast(), 4.0); // the top bar: Hana Kim
        const auto *days = insights()->chart(InsightsView::Chart::Days);
        QCOMPARE(days->series().size(), 2);
        QCOMPARE(qobject_cast<QLineSeries *>(days->series().at(0))->at(0).y(), 120.0); // maximum of 2024-12-27
        QCOMPARE(qobject_cast<QLineSeries *>(days->series().at(1))->at(0).y(), 45.0); // median

        insights()->setLogScale(true);
        QCOMPARE(barValues(insights()->chart(InsightsView::Chart::Votes)).constLast(), 0.5); // drawable on a log axis
        insights()->setLogScale(false);
    }

    void clicksNarrowTheList()
    {
        PaperFilterProxy *proxy = m_window->paperProxy();
        insights()->clickWeek(QDate(2024, 12, 28));
        QCOMPARE(proxy->rowCount(), 4); // the week of 2024-12-27
        QTRY_COMPARE(insights()->stats().papers, 4); // the charts follow the list
        insights()->clearWeek();
        QCOMPARE(proxy->rowCount(), 12);

        insights()->refreshNow();
        insights()->clickAuthor(1); // Jonas Feld, second after Hana Kim
        QCOMPARE(m_window->filterBar()->searchField()->text(), u"author:\"Jonas Feld\""_s);
        QTRY_COMPARE(proxy->rowCount(), 4);
        QTRY_COMPARE(insights()->stats().papers, 4);
        m_window->filterBar()->searchField()->clear();
        QTRY_COMPARE(proxy->rowCount(), 12);

        insights()->refreshNow();
        insights()->clickWord(0); // gaussian
        QTRY_COMPARE(proxy->rowCount(), 4);
        m_window->filterBar()->searchField()->clear();
        QTRY_COMPARE(proxy->rowCount(), 12);

        insights()->refreshNow();
        insights()->clickVotesBucket(6); // 100–199: the Mamba paper, twice listed
        QCOMPARE(proxy->rowCount(), 1);
        m_window->filterBar()->setMinimumVotes(0);
        m_window->filterBar()->setMaximumVotes(std::nullopt);
        QCOMPARE(proxy->rowCount(), 12);

        insights()->clickVotesBucket(0); // no votes: a maximum of 0, not "no limit"
        QCOMPARE(m_window->filterBar()->maximumVotes(), std::optional(0));
        QVERIFY(proxy->rowCount() < 12);
        m_window->filterBar()->setMaximumVotes(std::nullopt);
        QCOMPARE(proxy->rowCount(), 12);

        insights()->clickDay(QDate(2025, 1, 2));
        QCOMPARE(proxy->rowCount(), 4);
        QVERIFY(!insights()->week()); // a node chosen lifts the week
        auto *dates = qobject_cast<DateTreeModel *>(m_window->dateTreeView()->model());
        m_window->dateTreeView()->setCurrentIndex(dates->allIndex());
        QCOMPARE(proxy->rowCount(), 12);
    }

    void likeBookmarksRanksTheList()
    {
        PaperFilterProxy *proxy = m_window->paperProxy();
        m_window->filterBar()->setLikeBookmarks(true);
        QCOMPARE(proxy->rowCount(), 0); // no bookmarks yet: nothing to rank by, and the status bar says so
        m_window->filterBar()->setLikeBookmarks(false);
        QVERIFY(m_library->setBookmarked({ u"2412.90001"_s, u"2412.90005"_s }, true));
        QVERIFY(m_library->setRead({ u"2412.90004"_s }, true));
        m_window->filterBar()->setLikeBookmarks(true);
        QVERIFY(proxy->isRanked());
        QVERIFY(proxy->rowCount() > 0);
        QCOMPARE(proxy->index(0, 0).data(PaperListModel::IdRole).toString(), u"2501.90010"_s); // the third state space paper
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QString id = proxy->index(row, 0).data(PaperListModel::IdRole).toString();
            QVERIFY(id != u"2412.90001"_s && id != u"2412.90005"_s && id != u"2412.90004"_s); // bookmarked, read
        }
        // Best first whichever way the header sorts.
        m_window->paperListView()->sortByColumn(PaperListModel::VotesColumn, Qt::AscendingOrder);
        QCOMPARE(proxy->index(0, 0).data(PaperListModel::IdRole).toString(), u"2501.90010"_s);
        m_window->paperListView()->sortByColumn(PaperListModel::DateColumn, Qt::DescendingOrder);
        m_window->filterBar()->setLikeBookmarks(false);
        QVERIFY(!proxy->isRanked());
        QCOMPARE(proxy->rowCount(), 12);
    }

    void followsTheDarkPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(u"#1e1f22"_s));
        dark.setColor(QPalette::Window, QColor(u"#2b2d30"_s));
        dark.setColor(QPalette::Text, QColor(u"#dfe1e5"_s));
        dark.setColor(QPalette::WindowText, QColor(u"#dfe1e5"_s));
        insights()->setPalette(dark);
        QCOMPARE(insights()->chart(InsightsView::Chart::Weeks)->backgroundBrush().color(), QColor(u"#1e1f22"_s));
        QCOMPARE(insights()->chart(InsightsView::Chart::Weeks)->titleBrush().color(), QColor(u"#dfe1e5"_s));
        insights()->setPalette(QPalette());
        QVERIFY(insights()->chart(InsightsView::Chart::Weeks)->backgroundBrush().color().lightness() > 128);
    }

    void exportsPngAndSvg()
    {
        insights()->refreshNow();
        const QString png = m_dir.filePath(u"insights.png"_s);
        const QString svg = m_dir.filePath(u"insights.svg"_s);
        QVERIFY(insights()->exportTo(png));
        QVERIFY(insights()->exportTo(svg));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300 && image.height() > 300);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("Papers per week"));
        QVERIFY(!insights()->exportTo(m_dir.filePath(u"no/such/folder/x.png"_s)));
    }
};

QTEST_MAIN(TestInsights)
#include "tst_insights.moc"
