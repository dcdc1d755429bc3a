#include "paperfilterproxy.h"
#include "paperlistmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTimeZone>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using hanji::Appearance;
using hanji::DateScope;
using hanji::PaperFilterProxy;
using hanji::PaperListModel;
using hanji::PaperRow;

namespace {

struct Spec {
    QString id;
    QString title;
    std::optional<int> votes;
    QStringList dates;
    bool bookmarked = false;
    bool read = false;
    QStringList authors = { u"Kim"_s };
};

PaperRow paper(const Spec &spec)
{
    PaperRow row;
    row.id = spec.id;
    row.arxivId = spec.id;
    row.title = spec.title;
    row.authors = spec.authors;
    for (const QString &date : spec.dates)
        row.appearances.append(Appearance{ QDate::fromString(date, Qt::ISODate), spec.votes });
    row.votes = spec.votes;
    row.bookmarked = spec.bookmarked;
    if (spec.bookmarked)
        row.bookmarkedAt = QDateTime(row.appearances.constLast().date, QTime(12, 0), QTimeZone::UTC);
    row.read = spec.read;
    return row;
}

// A small library that every filter row below reads.
QList<PaperRow> library()
{
    return {
        paper({ u"p1"_s, u"Alpha"_s, 5, { u"2024-06-05"_s } }),
        paper({ u"p2"_s, u"Beta"_s, 50, { u"2024-06-05"_s }, true }),
        paper({ u"p3"_s, u"Gamma"_s, 120, { u"2024-06-06"_s }, false, true }),
        // Listed twice: in May and in June.
        paper({ u"p4"_s, u"Delta"_s, 12, { u"2024-05-31"_s, u"2024-06-07"_s }, true, true }),
        paper({ u"p5"_s, u"Epsilon"_s, std::nullopt, { u"2023-12-31"_s } }),
        paper({ u"p6"_s, u"Zeta"_s, 0, { u"2024-01-01"_s }, false, true }),
    };
}

// 2,000 papers of one day, their votes scattered over 0 to 499, every other one read, every
// fifth bookmarked: more than Qt's incremental path takes in pieces.
QList<PaperRow> manyPapers()
{
    QList<PaperRow> rows;
    for (int i = 0; i < 2000; ++i)
        rows.append(paper({ u"id%1"_s.arg(i, 4, 10, QChar(u'0')), u"t"_s, (i * 7919) % 500, { u"2024-06-05"_s },
                            i % 5 == 0, i % 2 == 1 }));
    return rows;
}

QStringList idsInOrder(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(PaperListModel::IdRole).toString());
    return ids;
}

QStringList sortedIds(const QAbstractItemModel &proxy)
{
    QStringList ids = idsInOrder(proxy);
    ids.sort();
    return ids;
}

// Counts the rows the filter looks at, to prove that a setter without change does nothing.
class CountingProxy : public PaperFilterProxy
{
public:
    mutable int filtered = 0;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        ++filtered;
        return PaperFilterProxy::filterAcceptsRow(sourceRow, sourceParent);
    }
};

// What a filter row sets; defaults are "no filter".
struct Filter {
    DateScope scope = DateScope::all();
    int minimum = 0;
    std::optional<int> maximum = std::nullopt;
    bool bookmarkedOnly = false;
    bool unreadOnly = false;
    std::optional<QStringList> matches = std::nullopt;
};

} // namespace

Q_DECLARE_METATYPE(Filter)
Q_DECLARE_METATYPE(std::optional<int>)

class TestPaperFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The models collate by QLocale(): our readers' Korean one, which these orders are for.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea)); }
    void filters_data();
    void filters();
    void sorting_data();
    void sorting();
    void tiesNeverDependOnSourceOrder();
    void rankedSortsOrderAsTheKeysDo();
    void settersWithoutChangeDoNotRefilter();
    void readPaperLeavesUnreadOnlyUnlessPinned();
    void updatesResortOneRow();
    void broadFilterChangesRebuildInOrder();
    void keptOrderFollowsChangedRows();
    void selectionSurvivesImport();
    void selectionAfterResetIsRestoredById();
};

void TestPaperFilterProxy::filters_data()
{
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<QStringList>("expected");

    const QStringList all{ u"p1"_s, u"p2"_s, u"p3"_s, u"p4"_s, u"p5"_s, u"p6"_s };
    QTest::addRow("nothing set") << Filter{} << all;
    QTest::addRow("year 2024") << Filter{ .scope = DateScope::ofYear(2024) }
                               << QStringList{ u"p1"_s, u"p2"_s, u"p3"_s, u"p4"_s, u"p6"_s };
    QTest::addRow("June: any appearance counts")
        << Filter{ .scope = DateScope::ofMonth(2024, 6) } << QStringList{ u"p1"_s, u"p2"_s, u"p3"_s, u"p4"_s };
    QTest::addRow("May: the earlier appearance") << Filter{ .scope = DateScope::ofMonth(2024, 5) } << QStringList{ u"p4"_s };
    QTest::addRow("a day") << Filter{ .scope = DateScope::ofDay(QDate(2024, 6, 5)) } << QStringList{ u"p1"_s, u"p2"_s };
    QTest::addRow("a day without papers") << Filter{ .scope = DateScope::ofDay(QDate(2024, 6, 1)) } << QStringList{};
    QTest::addRow("year end") << Filter{ .scope = DateScope::ofDay(QDate(2023, 12, 31)) } << QStringList{ u"p5"_s };
    QTest::addRow("bookmarks node") << Filter{ .scope = DateScope::bookmarks() } << QStringList{ u"p2"_s, u"p4"_s };
    QTest::addRow("bookmarked only") << Filter{ .bookmarkedOnly = true } << QStringList{ u"p2"_s, u"p4"_s };
    QTest::addRow("unread only") << Filter{ .unreadOnly = true } << QStringList{ u"p1"_s, u"p2"_s, u"p5"_s };
    QTest::addRow("minimum 10 drops unknown votes")
        << Filter{ .minimum = 10 } << QStringList{ u"p2"_s, u"p3"_s, u"p4"_s };
    QTest::addRow("minimum 0 keeps unknown and zero votes") << Filter{ .minimum = 0 } << all;
    QTest::addRow("maximum alone keeps unknown")
        << Filter{ .maximum = 12 } << QStringList{ u"p1"_s, u"p4"_s, u"p5"_s, u"p6"_s };
    QTest::addRow("range is inclusive") << Filter{ .minimum = 5, .maximum = 50 } << QStringList{ u"p1"_s, u"p2"_s, u"p4"_s };
    QTest::addRow("search set") << Filter{ .matches = QStringList{ u"p3"_s, u"p5"_s, u"zz"_s } }
                                << QStringList{ u"p3"_s, u"p5"_s };
    QTest::addRow("empty search answer") << Filter{ .matches = QStringList{} } << QStringList{};
    QTest::addRow("June + votes 10..100 + unread + search")
        << Filter{ .scope = DateScope::ofMonth(2024, 6), .minimum = 10, .maximum = 100, .unreadOnly = true,
                  .matches = QStringList{ u"p2"_s, u"p3"_s, u"p4"_s } }
        << QStringList{ u"p2"_s };
    QTest::addRow("day + minimum + search, nothing left")
        << Filter{ .scope = DateScope::ofDay(QDate(2024, 6, 5)), .minimum = 6, .matches = QStringList{ u"p1"_s } }
        << QStringList{};
    QTest::addRow("bookmarks node + unread only")
        << Filter{ .scope = DateScope::bookmarks(), .unreadOnly = true } << QStringList{ u"p2"_s };
}

void TestPaperFilterProxy::filters()
{
    QFETCH(Filter, filter);
    QFETCH(QStringList, expected);

    PaperListModel model;
    model.setRows(library());
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::TitleColumn);

    // Set one by one, so every step runs through the tester's checks.
    proxy.setScope(filter.scope);
    proxy.setVoteRange(filter.minimum, filter.maximum);
    proxy.setBookmarkedOnly(filter.bookmarkedOnly);
    proxy.setUnreadOnly(filter.unreadOnly);
    proxy.setSearchMatches(filter.matches);
    QCOMPARE(sortedIds(proxy), expected);

    // With the scope alone, DateScope::contains answers as the proxy's cached bounds do.
    if (filter.minimum == 0 && !filter.maximum && !filter.bookmarkedOnly && !filter.unreadOnly && !filter.matches) {
        for (const PaperRow &row : library())
            QCOMPARE(filter.scope.contains(row), expected.contains(row.id));
    }

    // Clearing every filter brings all rows back.
    proxy.setScope(DateScope::all());
    proxy.setVoteRange(0);
    proxy.setBookmarkedOnly(false);
    proxy.setUnreadOnly(false);
    proxy.setSearchMatches(std::nullopt);
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestPaperFilterProxy::sorting_data()
{
    QTest::addColumn<QList<PaperRow>>("rows");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");

    const QList<PaperRow> votes{
        paper({ u"v100"_s, u"c"_s, 100, { u"2024-06-05"_s } }),
        paper({ u"v9"_s, u"a"_s, 9, { u"2024-06-05"_s } }),
        paper({ u"unknown"_s, u"d"_s, std::nullopt, { u"2024-06-05"_s } }),
        paper({ u"v10"_s, u"b"_s, 10, { u"2024-06-05"_s } }),
    };
    QTest::addRow("votes numeric, unknown lowest")
        << votes << int(PaperListModel::VotesColumn) << Qt::AscendingOrder
        << QStringList{ u"unknown"_s, u"v9"_s, u"v10"_s, u"v100"_s };
    QTest::addRow("votes descending") << votes << int(PaperListModel::VotesColumn) << Qt::DescendingOrder
                                      << QStringList{ u"v100"_s, u"v10"_s, u"v9"_s, u"unknown"_s };

    const QList<PaperRow> titles{
        paper({ u"m10"_s, u"Model 10"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"na"_s, u"나"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"banana"_s, u"Banana"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"m2"_s, u"Model 2"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"ga"_s, u"가"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"apple"_s, u"apple"_s, 1, { u"2024-06-05"_s } }),
    };
    QTest::addRow("titles collated: Hangul, then case-free Latin, numbers by value")
        << titles << int(PaperListModel::TitleColumn) << Qt::AscendingOrder
        << QStringList{ u"ga"_s, u"na"_s, u"apple"_s, u"banana"_s, u"m2"_s, u"m10"_s };

    const QList<PaperRow> authors{
        paper({ u"x"_s, u"t"_s, 1, { u"2024-06-05"_s }, false, false, { u"이서준"_s, u"Kim"_s } }),
        paper({ u"y"_s, u"t"_s, 1, { u"2024-06-05"_s }, false, false, { u"김민지"_s } }),
        paper({ u"z"_s, u"t"_s, 1, { u"2024-06-05"_s }, false, false, { u"Author 10"_s } }),
        paper({ u"w"_s, u"t"_s, 1, { u"2024-06-05"_s }, false, false, { u"author 9"_s } }),
    };
    QTest::addRow("authors collated") << authors << int(PaperListModel::AuthorsColumn) << Qt::AscendingOrder
                                      << QStringList{ u"y"_s, u"x"_s, u"w"_s, u"z"_s };

    const QList<PaperRow> dates{
        paper({ u"dec"_s, u"a"_s, 1, { u"2023-12-31"_s } }),
        paper({ u"jun-low"_s, u"b"_s, 3, { u"2024-06-05"_s } }),
        paper({ u"both"_s, u"c"_s, 1, { u"2022-01-01"_s, u"2024-07-01"_s } }),
        paper({ u"jun-high"_s, u"d"_s, 30, { u"2024-06-05"_s } }),
    };
    QTest::addRow("dates by the latest day, ties by votes")
        << dates << int(PaperListModel::DateColumn) << Qt::DescendingOrder
        << QStringList{ u"both"_s, u"jun-high"_s, u"jun-low"_s, u"dec"_s };

    const QList<PaperRow> stars{
        paper({ u"plain"_s, u"a"_s, 1, { u"2024-06-05"_s } }),
        paper({ u"later"_s, u"b"_s, 1, { u"2024-06-09"_s }, true }),
        paper({ u"earlier"_s, u"c"_s, 1, { u"2024-06-01"_s }, true }),
    };
    QTest::addRow("bookmarks: newest bookmark first")
        << stars << int(PaperListModel::BookmarkColumn) << Qt::DescendingOrder
        << QStringList{ u"later"_s, u"earlier"_s, u"plain"_s };
}

void TestPaperFilterProxy::sorting()
{
    QFETCH(QList<PaperRow>, rows);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    PaperListModel model;
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setRows(rows);
    proxy.sort(column, order);
    QCOMPARE(idsInOrder(proxy), expected);
}

void TestPaperFilterProxy::tiesNeverDependOnSourceOrder()
{
    // Same votes, same day, same title: only the id can order them, whichever came first.
    QList<PaperRow> rows{ paper({ u"b"_s, u"Same"_s, 7, { u"2024-06-05"_s } }),
                          paper({ u"a"_s, u"Same"_s, 7, { u"2024-06-05"_s } }),
                          paper({ u"c"_s, u"Same"_s, 7, { u"2024-06-05"_s } }) };
    for (int round = 0; round < 2; ++round) {
        PaperListModel model;
        model.setRows(rows);
        PaperFilterProxy proxy;
        proxy.setSourceModel(&model);
        for (int column = 0; column < PaperListModel::ColumnCount; ++column) {
            proxy.sort(column, Qt::AscendingOrder);
            QCOMPARE(idsInOrder(proxy), (QStringList{ u"a"_s, u"b"_s, u"c"_s }));
        }
        std::reverse(rows.begin(), rows.end());
    }
}

void TestPaperFilterProxy::rankedSortsOrderAsTheKeysDo()
{
    // Days, votes (some unknown) and ids that tie in every way, in a scrambled source order.
    QList<PaperRow> rows;
    for (int i = 0; i < 600; ++i) {
        const int n = (i * 389) % 600;
        const std::optional<int> votes = n % 11 == 0 ? std::nullopt : std::optional<int>(n % 9);
        rows.append(paper({ u"id%1"_s.arg(n), u"t"_s, votes, { QDate(2024, 6, 1 + n % 5).toString(Qt::ISODate) } }));
    }
    // Brute force over the rows' own fields: the latest day, the votes (unknown lowest), the id.
    const auto expected = [&](int column, Qt::SortOrder order) {
        QList<PaperRow> sorted = rows;
        std::sort(sorted.begin(), sorted.end(), [&](const PaperRow &a, const PaperRow &b) {
            const auto day = [](const PaperRow &row) { return row.appearances.constLast().date; };
            const int votesA = a.votes.value_or(-1);
            const int votesB = b.votes.value_or(-1);
            if (column == PaperListModel::DateColumn && day(a) != day(b))
                return day(a) < day(b);
            if (votesA != votesB)
                return votesA < votesB;
            if (day(a) != day(b))
                return day(a) < day(b);
            return a.id < b.id;
        });
        if (order == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QStringList ids;
        for (const PaperRow &row : std::as_const(sorted))
            ids.append(row.id);
        return ids;
    };
    PaperListModel model;
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::DateColumn, Qt::DescendingOrder);
    model.setRows(rows); // a reset: the ranks came with the rows
    QVERIFY(model.keyRanks(PaperListModel::DateColumn));
    QVERIFY(model.keyRanks(PaperListModel::VotesColumn));
    QVERIFY(!model.keyRanks(PaperListModel::TitleColumn));
    for (const int column : { int(PaperListModel::DateColumn), int(PaperListModel::VotesColumn) }) {
        for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            proxy.sort(column, order);
            QCOMPARE(idsInOrder(proxy), expected(column, order));
        }
    }
    // New papers after an import: the ranks are of the rows before, the keys order alone.
    for (int i = 0; i < 40; ++i)
        rows.append(paper({ u"new%1"_s.arg(i), u"t"_s, i % 4, { u"2024-06-03"_s } }));
    model.setRows(rows);
    QVERIFY(!model.keyRanks(PaperListModel::DateColumn));
    QCOMPARE(idsInOrder(proxy), expected(PaperListModel::VotesColumn, Qt::DescendingOrder));
    proxy.sort(PaperListModel::DateColumn, Qt::AscendingOrder);
    QCOMPARE(idsInOrder(proxy), expected(PaperListModel::DateColumn, Qt::AscendingOrder));
}

void TestPaperFilterProxy::settersWithoutChangeDoNotRefilter()
{
    PaperListModel model;
    model.setRows(library());
    CountingProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 6);

    proxy.filtered = 0;
    proxy.setScope(DateScope::ofMonth(2024, 6));
    QVERIFY(proxy.filtered > 0);

    proxy.filtered = 0;
    proxy.setScope(DateScope::ofMonth(2024, 6));
    proxy.setVoteRange(0);
    proxy.setVoteRange(-5); // below zero is no minimum as well
    proxy.setBookmarkedOnly(false);
    proxy.setUnreadOnly(false);
    proxy.setSearchMatches(std::nullopt);
    proxy.setPinnedId(u"p1"_s); // read by unread-only only, which is off
    QCOMPARE(proxy.filtered, 0);

    proxy.setSearchMatches(QStringList{ u"p1"_s });
    proxy.filtered = 0;
    proxy.setSearchMatches(QStringList{ u"p1"_s });
    QCOMPARE(proxy.filtered, 0);
    QCOMPARE(idsInOrder(proxy), QStringList{ u"p1"_s });
}

void TestPaperFilterProxy::readPaperLeavesUnreadOnlyUnlessPinned()
{
    PaperListModel model;
    model.setRows(library());
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::TitleColumn);
    proxy.setUnreadOnly(true);
    QCOMPARE(idsInOrder(proxy), (QStringList{ u"p1"_s, u"p2"_s, u"p5"_s }));

    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    model.updateUserState(u"p5"_s, false, {}, true);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(idsInOrder(proxy), (QStringList{ u"p1"_s, u"p2"_s }));

    // The open paper stays while it is read...
    proxy.setPinnedId(u"p1"_s);
    model.updateUserState(u"p1"_s, false, {}, true);
    QCOMPARE(idsInOrder(proxy), (QStringList{ u"p1"_s, u"p2"_s }));
    // ...and goes once the reader opens another.
    proxy.setPinnedId(u"p2"_s);
    QCOMPARE(idsInOrder(proxy), (QStringList{ u"p2"_s }));

    // Marked unread again, a paper comes back.
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    model.updateUserState(u"p3"_s, false, {}, false);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(idsInOrder(proxy), (QStringList{ u"p2"_s, u"p3"_s }));
}

void TestPaperFilterProxy::updatesResortOneRow()
{
    PaperListModel model;
    model.setRows(library());
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::BookmarkColumn, Qt::DescendingOrder);
    QCOMPARE(idsInOrder(proxy).mid(0, 2), (QStringList{ u"p4"_s, u"p2"_s }));

    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    const QPersistentModelIndex p1 = proxy.mapFromSource(model.indexForId(u"p1"_s));
    model.updateUserState(u"p1"_s, true, QDateTime(QDate(2025, 1, 1), QTime(8, 0), QTimeZone::UTC), false);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 1); // moved to the top, as a layout change
    QCOMPARE(idsInOrder(proxy).mid(0, 3), (QStringList{ u"p1"_s, u"p4"_s, u"p2"_s }));
    QCOMPARE(p1.row(), 0);
    QCOMPARE(p1.data(PaperListModel::IdRole).toString(), u"p1"_s);
}

void TestPaperFilterProxy::broadFilterChangesRebuildInOrder()
{
    // Every other paper read: unread-only takes out 1,000 rows between 1,000 that stay, too
    // many pieces for Qt's incremental path, so the proxy rebuilds. The result must be the
    // same rows in the same order, with the reader's selection kept.
    const QList<PaperRow> rows = manyPapers();
    PaperListModel model;
    model.setRows(rows);
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::VotesColumn, Qt::DescendingOrder);
    const QPersistentModelIndex kept = proxy.mapFromSource(model.indexForId(u"id0042"_s));
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);

    proxy.setUnreadOnly(true);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(proxy.rowCount(), 1000);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(PaperListModel::IdRole).toString(), u"id0042"_s);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const QModelIndex above = proxy.index(row - 1, 0);
        const QModelIndex below = proxy.index(row, 0);
        QVERIFY(!below.data(PaperListModel::ReadRole).toBool());
        const int votesAbove = above.data(PaperListModel::VotesRole).toInt();
        const int votesBelow = below.data(PaperListModel::VotesRole).toInt();
        QVERIFY(votesAbove > votesBelow
                || (votesAbove == votesBelow
                    && above.data(PaperListModel::IdRole).toString() > below.data(PaperListModel::IdRole).toString()));
    }

    // And back: 1,000 rows return between 1,000.
    proxy.setUnreadOnly(false);
    QCOMPARE(layout.count(), 2);
    QCOMPARE(proxy.rowCount(), 2000);
    QCOMPARE(kept.data(PaperListModel::IdRole).toString(), u"id0042"_s);

    // A narrow change (one day's papers out of 2,000 on another day) stays incremental.
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    model.setRows(rows + QList<PaperRow>{ paper({ u"other"_s, u"t"_s, 1, { u"2024-06-06"_s } }) });
    proxy.setScope(DateScope::ofDay(QDate(2024, 6, 6)));
    QCOMPARE(layout.count(), 2);
    QCOMPARE(proxy.rowCount(), 1);
}

// The proxy keeps every row's place in the sort order between filter changes; each change to
// the rows (votes, new and vanished papers, a bookmark) must show in the next filter's order.
void TestPaperFilterProxy::keptOrderFollowsChangedRows()
{
    QList<PaperRow> rows = manyPapers();
    PaperListModel model;
    model.setRows(rows);
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::VotesColumn, Qt::DescendingOrder);

    // Brute force: the rows that pass, most votes first, then the greater id (one day for all).
    const auto expected = [&](const std::function<bool(const PaperRow &)> &passes) {
        QList<PaperRow> kept;
        for (const PaperRow &row : std::as_const(rows)) {
            if (passes(row))
                kept.append(row);
        }
        std::sort(kept.begin(), kept.end(), [](const PaperRow &a, const PaperRow &b) {
            return a.votes != b.votes ? a.votes > b.votes : a.id > b.id;
        });
        QStringList ids;
        for (const PaperRow &row : std::as_const(kept))
            ids.append(row.id);
        return ids;
    };
    const auto matchesOf = [&](int modulo) {
        QSet<QString> ids;
        for (int i = 0; i < rows.size(); ++i) {
            if (i % modulo != 0)
                ids.insert(rows[i].id);
        }
        return ids;
    };
    QSet<QString> matches = matchesOf(3);
    proxy.setSearchMatches(QStringList(matches.cbegin(), matches.cend()));
    QCOMPARE(idsInOrder(proxy), expected([&](const PaperRow &row) { return matches.contains(row.id); }));

    // Votes change in place (dataChanged), then another search.
    for (int i = 0; i < rows.size(); i += 7)
        rows[i].votes = 1000 - i / 7;
    model.setRows(rows);
    matches = matchesOf(4);
    proxy.setSearchMatches(QStringList(matches.cbegin(), matches.cend()));
    QCOMPARE(idsInOrder(proxy), expected([&](const PaperRow &row) { return matches.contains(row.id); }));

    // Papers vanish and new ones come, while the search stays: the new ones are not matches.
    rows.remove(100, 300);
    for (int i = 0; i < 300; ++i)
        rows.append(paper({ u"new%1"_s.arg(i, 3, 10, QChar(u'0')), u"t"_s, (i * 31) % 700, { u"2024-06-05"_s } }));
    model.setRows(rows);
    QCOMPARE(idsInOrder(proxy), expected([&](const PaperRow &row) { return matches.contains(row.id); }));
    matches = matchesOf(2);
    proxy.setSearchMatches(QStringList(matches.cbegin(), matches.cend()));
    QCOMPARE(idsInOrder(proxy), expected([&](const PaperRow &row) { return matches.contains(row.id); }));
    proxy.setUnreadOnly(true);
    QCOMPARE(idsInOrder(proxy), expected([&](const PaperRow &row) { return matches.contains(row.id) && !row.read; }));

    // Sorted by bookmark: a paper bookmarked now goes first at the next filter change.
    proxy.setSearchMatches(std::nullopt);
    proxy.setUnreadOnly(false);
    proxy.sort(PaperListModel::BookmarkColumn, Qt::DescendingOrder);
    const QString newest = rows[1].id;
    QVERIFY(!rows[1].bookmarked);
    model.updateUserState(newest, true, QDateTime(QDate(2030, 1, 1), QTime(8, 0), QTimeZone::UTC), false);
    matches = matchesOf(3);
    proxy.setSearchMatches(QStringList(matches.cbegin(), matches.cend()));
    QCOMPARE(idsInOrder(proxy).constFirst(), newest);
}

void TestPaperFilterProxy::selectionSurvivesImport()
{
    PaperListModel model;
    model.setRows(library());
    PaperFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::VotesColumn, Qt::DescendingOrder);
    QItemSelectionModel selection(&proxy);
    selection.setCurrentIndex(proxy.mapFromSource(model.indexForId(u"p4"_s, PaperListModel::TitleColumn)),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // An import: a new paper with more votes, one paper gone, p4 gets a new day.
    QList<PaperRow> next = library();
    next.removeAt(0);
    next[2].appearances.append(Appearance{ QDate(2024, 6, 8), 200 });
    next[2].votes = 200;
    next.append(paper({ u"p7"_s, u"Eta"_s, 500, { u"2024-06-08"_s } }));
    model.setRows(next);

    QCOMPARE(selection.currentIndex().data(PaperListModel::IdRole).toString(), u"p4"_s);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().data(PaperListModel::IdRole).toString(), u"p4"_s);
    QCOMPARE(idsInOrder(proxy).mid(0, 2), (QStringList{ u"p7"_s, u"p4"_s })); // and re-sorted
}

void TestPaperFilterProxy::selectionAfterResetIsRestoredById()
{
    QList<PaperRow> rows;
    for (int i = 0; i < 200; ++i)
        rows.append(paper({ u"id%1"_s.arg(i), u"Title %1"_s.arg(i), i, { u"2024-06-05"_s } }));
    PaperListModel model;
    model.setRows(rows);
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(PaperListModel::VotesColumn, Qt::DescendingOrder);
    QItemSelectionModel selection(&proxy);
    selection.setCurrentIndex(proxy.mapFromSource(model.indexForId(u"id42"_s)), QItemSelectionModel::ClearAndSelect);

    // A rebuilt library: every other paper gone, so the model resets and selection is lost...
    const QString current = selection.currentIndex().data(PaperListModel::IdRole).toString();
    QList<PaperRow> next;
    for (int i = 0; i < rows.size(); i += 2)
        next.append(rows[i]);
    model.setRows(next);
    QVERIFY(!selection.currentIndex().isValid());
    // ...and the window puts it back by id, as its recipe says.
    selection.setCurrentIndex(proxy.mapFromSource(model.indexForId(current)), QItemSelectionModel::ClearAndSelect);
    QCOMPARE(selection.currentIndex().data(PaperListModel::IdRole).toString(), u"id42"_s);
}

QTEST_GUILESS_MAIN(TestPaperFilterProxy)
#include "tst_paperfilterproxy.moc"
