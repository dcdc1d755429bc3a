#include "datetreemodel.h"
#include "language.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using hanji::Appearance;
using hanji::DateScope;
using hanji::DateTreeModel;
using hanji::PaperRow;

namespace {

PaperRow paper(const QString &id, const QStringList &dates, bool read = false, bool bookmarked = false)
{
    PaperRow row;
    row.id = id;
    row.title = id;
    for (const QString &date : dates)
        row.appearances.append(Appearance{ QDate::fromString(date, Qt::ISODate), 1 });
    row.votes = 1;
    row.read = read;
    row.bookmarked = bookmarked;
    return row;
}

// a and c appear on two days each; a twice in June, c in May and June.
QList<PaperRow> library()
{
    return {
        paper(u"a"_s, { u"2024-06-05"_s, u"2024-06-07"_s }),
        paper(u"b"_s, { u"2024-06-05"_s }, true, true),
        paper(u"c"_s, { u"2024-05-31"_s, u"2024-06-07"_s }, false, true),
        paper(u"d"_s, { u"2023-12-31"_s }, true),
        paper(u"e"_s, { u"2024-01-02"_s }),
    };
}

DateScope scopeAt(const QModelIndex &index)
{
    return index.data(DateTreeModel::ScopeRole).value<DateScope>();
}

// The whole tree as text, one node a line: what two models must agree on.
QStringList dump(const DateTreeModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(u"%1%2 %3 %4"_s.arg(QString(depth * 2, u' '), index.data().toString())
                         .arg(index.data(DateTreeModel::PapersRole).toInt())
                         .arg(index.data(DateTreeModel::UnreadRole).toInt()));
        lines += dump(model, index, depth + 1);
    }
    return lines;
}

QList<DateScope> changedScopes(const QSignalSpy &spy)
{
    QList<DateScope> scopes;
    for (const QList<QVariant> &signal : spy)
        scopes.append(scopeAt(signal.at(0).toModelIndex()));
    return scopes;
}

} // namespace

class TestDateTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapeAndKoreanLabels();
    void englishLabels();
    void counts_data();
    void counts();
    void countsMatchTheScopesOnRandomData();
    void readChangesTheNodesAboveItsDays();
    void bookmarkChangesOnlyTheBookmarksNode();
    void readBookmarkedPaperChangesBoth();
    void updateUserStateIgnoresUnknownAndUnchanged();
    void firstImportInsertsWithoutReset();
    void importInsertsAndRemovesNodesInPlace();
    void incrementalImportsEqualAFreshBuild();
    void indexForScope_data();
    void indexForScope();
};

void TestDateTreeModel::shapeAndKoreanLabels()
{
    const auto korean = hanji::Translations::install(hanji::Language::Korean);
    QVERIFY2(korean, errorOf(korean).constData());
    DateTreeModel model; // in QLocale(), now Korean
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(library());

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(DateTreeModel::ColumnCount));
    QCOMPARE(model.allIndex().data().toString(), u"모든 논문"_s);
    QCOMPARE(model.bookmarksIndex().data().toString(), u"북마크"_s);
    QCOMPARE(model.rowCount(model.bookmarksIndex()), 0);

    const QModelIndex all = model.allIndex();
    QCOMPARE(model.rowCount(all), 2);
    QCOMPARE(model.index(0, 0, all).data().toString(), u"2024년"_s); // newest first
    QCOMPARE(model.index(1, 0, all).data().toString(), u"2023년"_s);
    const QModelIndex y2024 = model.index(0, 0, all);
    QCOMPARE(model.rowCount(y2024), 3);
    QCOMPARE(model.index(0, 0, y2024).data().toString(), u"6월"_s);
    QCOMPARE(model.index(1, 0, y2024).data().toString(), u"5월"_s);
    QCOMPARE(model.index(2, 0, y2024).data().toString(), u"1월"_s);
    const QModelIndex june = model.index(0, 0, y2024);
    QCOMPARE(model.rowCount(june), 2);
    QCOMPARE(model.index(0, 0, june).data().toString(), u"2024-06-07 (금)"_s);
    QCOMPARE(model.index(1, 0, june).data().toString(), u"2024-06-05 (수)"_s);
    QCOMPARE(model.rowCount(model.index(0, 0, june)), 0);

    QCOMPARE(scopeAt(june), DateScope::ofMonth(2024, 6));
    QCOMPARE(scopeAt(model.index(1, DateTreeModel::UnreadColumn, june)), DateScope::ofDay(QDate(2024, 6, 5)));
    QCOMPARE(model.scopeOf(y2024), DateScope::ofYear(2024));
    QCOMPARE(model.parent(model.index(1, 0, june)), june);
    QCOMPARE(model.parent(all), QModelIndex());

    QCOMPARE(model.headerData(DateTreeModel::UnreadColumn, Qt::Horizontal).toString(), u"안 읽음"_s);
    QCOMPARE(model.allIndex().data(Qt::ToolTipRole).toString(), u"논문 5편, 안 읽음 3편"_s);
    QCOMPARE(model.roleNames().value(DateTreeModel::ScopeRole), "scope");
    QCOMPARE(model.roleNames().value(Qt::DisplayRole), "display");
}

void TestDateTreeModel::englishLabels()
{
    const auto english = hanji::Translations::install(hanji::Language::English);
    QVERIFY2(english, errorOf(english).constData());
    DateTreeModel model;
    model.setRows(library());
    const QModelIndex y2024 = model.index(0, 0, model.allIndex());
    QCOMPARE(model.allIndex().data().toString(), u"All papers"_s);
    QCOMPARE(model.bookmarksIndex().data().toString(), u"Bookmarks"_s);
    QCOMPARE(y2024.data().toString(), u"2024"_s);
    QCOMPARE(model.index(0, 0, y2024).data().toString(), u"June"_s);
    QCOMPARE(model.index(1, 0, model.index(0, 0, y2024)).data().toString(), u"2024-06-05 (Wed)"_s);
    QCOMPARE(model.headerData(DateTreeModel::PapersColumn, Qt::Horizontal).toString(), u"Papers"_s);
    QCOMPARE(model.allIndex().data(Qt::ToolTipRole).toString(), u"5 papers, 3 unread"_s);
    QCOMPARE(model.index(1, 0, model.allIndex()).data(Qt::ToolTipRole).toString(), u"1 paper, 0 unread"_s); // 2023
}

void TestDateTreeModel::counts_data()
{
    QTest::addColumn<DateScope>("scope");
    QTest::addColumn<int>("papers");
    QTest::addColumn<int>("unread");

    QTest::addRow("all papers") << DateScope::all() << 5 << 3;
    QTest::addRow("bookmarks") << DateScope::bookmarks() << 2 << 1;
    QTest::addRow("2024: a, b, c, e once each") << DateScope::ofYear(2024) << 4 << 3;
    QTest::addRow("2023") << DateScope::ofYear(2023) << 1 << 0;
    QTest::addRow("June: a on two days counts once") << DateScope::ofMonth(2024, 6) << 3 << 2;
    QTest::addRow("May") << DateScope::ofMonth(2024, 5) << 1 << 1;
    QTest::addRow("June 7") << DateScope::ofDay(QDate(2024, 6, 7)) << 2 << 2;
    QTest::addRow("June 5") << DateScope::ofDay(QDate(2024, 6, 5)) << 2 << 1;
    QTest::addRow("New Year's Eve") << DateScope::ofDay(QDate(2023, 12, 31)) << 1 << 0;
}

void TestDateTreeModel::counts()
{
    QFETCH(DateScope, scope);
    QFETCH(int, papers);
    QFETCH(int, unread);

    DateTreeModel model;
    model.setRows(library());
    const QModelIndex index = model.indexForScope(scope);
    QCOMPARE(scopeAt(index), scope);
    QCOMPARE(index.data(DateTreeModel::PapersRole).toInt(), papers);
    QCOMPARE(index.data(DateTreeModel::UnreadRole).toInt(), unread);
    QCOMPARE(index.siblingAtColumn(DateTreeModel::PapersColumn).data().toInt(), papers);
    const QVariant unreadText = index.siblingAtColumn(DateTreeModel::UnreadColumn).data();
    if (unread == 0)
        QVERIFY(!unreadText.isValid()); // blank, as mail readers show it
    else
        QCOMPARE(unreadText.toInt(), unread);
}

void TestDateTreeModel::countsMatchTheScopesOnRandomData()
{
    // Papers listed up to three times across two years: every node must count what its scope
    // holds, which DateScope::contains decides on its own.
    QRandomGenerator random(7);
    QList<PaperRow> rows;
    for (int i = 0; i < 1500; ++i) {
        QDate date = QDate(2023, 1, 1).addDays(random.bounded(730));
        QStringList dates;
        for (int n = 1 + random.bounded(3); n > 0; --n) {
            dates.append(date.toString(Qt::ISODate));
            date = date.addDays(1 + random.bounded(40));
        }
        rows.append(paper(u"p%1"_s.arg(i), dates, random.bounded(3) == 0, random.bounded(10) == 0));
    }
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(rows);

    QList<QModelIndex> pending{ model.allIndex(), model.bookmarksIndex() };
    int nodes = 0;
    while (!pending.isEmpty()) {
        const QModelIndex index = pending.takeLast();
        const DateScope scope = scopeAt(index);
        int papers = 0;
        int unread = 0;
        for (const PaperRow &row : std::as_const(rows)) {
            if (scope.contains(row)) {
                ++papers;
                unread += row.read ? 0 : 1;
            }
        }
        QCOMPARE(index.data(DateTreeModel::PapersRole).toInt(), papers);
        QCOMPARE(index.data(DateTreeModel::UnreadRole).toInt(), unread);
        ++nodes;
        for (int row = 0; row < model.rowCount(index); ++row)
            pending.append(model.index(row, 0, index));
    }
    QVERIFY(nodes > 700); // about 730 days, 26 months, 3 years and the two fixed nodes
}

void TestDateTreeModel::readChangesTheNodesAboveItsDays()
{
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(library());
    const QPersistentModelIndex june5 = model.indexForScope(DateScope::ofDay(QDate(2024, 6, 5)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    QVERIFY(model.updateUserState(u"a"_s, false, true)); // a is read now
    QCOMPARE(reset.count() + inserted.count() + removed.count() + layout.count(), 0);
    QList<DateScope> scopes = changedScopes(changed);
    QCOMPARE(scopes.size(), 5); // All, 2024, June, June 5, June 7: June only once
    for (const DateScope &scope : { DateScope::all(), DateScope::ofYear(2024), DateScope::ofMonth(2024, 6),
                                    DateScope::ofDay(QDate(2024, 6, 5)), DateScope::ofDay(QDate(2024, 6, 7)) })
        QVERIFY(scopes.contains(scope));

    QCOMPARE(model.allIndex().data(DateTreeModel::UnreadRole).toInt(), 2);
    QCOMPARE(model.indexForScope(DateScope::ofMonth(2024, 6)).data(DateTreeModel::UnreadRole).toInt(), 1);
    QCOMPARE(june5.data(DateTreeModel::UnreadRole).toInt(), 0);
    QCOMPARE(june5.data(DateTreeModel::PapersRole).toInt(), 2);
    QCOMPARE(model.indexForScope(DateScope::ofMonth(2024, 5)).data(DateTreeModel::UnreadRole).toInt(), 1);

    // And back.
    changed.clear();
    QVERIFY(model.updateUserState(u"a"_s, false, false));
    QCOMPARE(changed.count(), 5);
    QCOMPARE(model.allIndex().data(DateTreeModel::UnreadRole).toInt(), 3);
}

void TestDateTreeModel::bookmarkChangesOnlyTheBookmarksNode()
{
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(library());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.updateUserState(u"e"_s, true, false));
    QCOMPARE(changedScopes(changed), QList<DateScope>{ DateScope::bookmarks() });
    QCOMPARE(model.bookmarksIndex().data(DateTreeModel::PapersRole).toInt(), 3);
    QCOMPARE(model.bookmarksIndex().data(DateTreeModel::UnreadRole).toInt(), 2);
    // A read paper leaves the reading list without touching its unread count.
    QVERIFY(model.updateUserState(u"b"_s, false, true));
    QCOMPARE(model.bookmarksIndex().data(DateTreeModel::PapersRole).toInt(), 2);
    QCOMPARE(model.bookmarksIndex().data(DateTreeModel::UnreadRole).toInt(), 2);
}

void TestDateTreeModel::readBookmarkedPaperChangesBoth()
{
    DateTreeModel model;
    model.setRows(library());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.updateUserState(u"c"_s, true, true));
    // Bookmarks, All, 2024, June, June 7, May, May 31.
    QCOMPARE(changed.count(), 7);
    QVERIFY(changedScopes(changed).contains(DateScope::bookmarks()));
    QVERIFY(changedScopes(changed).contains(DateScope::ofDay(QDate(2024, 5, 31))));
    QCOMPARE(model.bookmarksIndex().data(DateTreeModel::UnreadRole).toInt(), 0);
    QCOMPARE(model.indexForScope(DateScope::ofYear(2024)).data(DateTreeModel::UnreadRole).toInt(), 2);
}

void TestDateTreeModel::updateUserStateIgnoresUnknownAndUnchanged()
{
    DateTreeModel model;
    model.setRows(library());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.updateUserState(u"nobody"_s, true, true));
    QVERIFY(!model.updateUserState(u"b"_s, true, true));
    QCOMPARE(changed.count(), 0);
}

void TestDateTreeModel::firstImportInsertsWithoutReset()
{
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2); // All papers and Bookmarks exist before any import
    QCOMPARE(model.rowCount(model.allIndex()), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRows(library());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1); // both years at once, their subtrees with them
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), model.allIndex());
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
}

void TestDateTreeModel::importInsertsAndRemovesNodesInPlace()
{
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(library());
    const QPersistentModelIndex june = model.indexForScope(DateScope::ofMonth(2024, 6));
    const QPersistentModelIndex june5 = model.indexForScope(DateScope::ofDay(QDate(2024, 6, 5)));
    const QPersistentModelIndex y2023 = model.indexForScope(DateScope::ofYear(2023));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A new day in June and a new year; d, the only 2023 paper, is gone.
    QList<PaperRow> next = library();
    next.removeAt(3);
    next.append(paper(u"f"_s, { u"2024-06-08"_s }));
    next.append(paper(u"g"_s, { u"2025-01-01"_s }));
    model.setRows(next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toModelIndex(), model.allIndex());
    QVERIFY(!y2023.isValid());
    QCOMPARE(inserted.count(), 2);
    // 2025 on top of All papers, June 8 on top of June.
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), model.allIndex());
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(0).toModelIndex(), QModelIndex(june));
    QCOMPARE(inserted.at(1).at(1).toInt(), 0);

    QVERIFY(june.isValid());
    QCOMPARE(scopeAt(june), DateScope::ofMonth(2024, 6));
    QCOMPARE(june.data(DateTreeModel::PapersRole).toInt(), 4);
    QCOMPARE(june5.row(), 2);
    QCOMPARE(scopeAt(june5), DateScope::ofDay(QDate(2024, 6, 5)));
    // Counts changed on All, 2024 and June only; June 5 and the others stayed.
    const QList<DateScope> scopes = changedScopes(changed);
    QCOMPARE(scopes.size(), 3);
    QVERIFY(scopes.contains(DateScope::all()));
    QVERIFY(scopes.contains(DateScope::ofYear(2024)));
    QVERIFY(scopes.contains(DateScope::ofMonth(2024, 6)));

    // The new day takes part in updates like the others; the paper that left does not.
    QVERIFY(!model.updateUserState(u"d"_s, true, false));
    QVERIFY(model.updateUserState(u"f"_s, false, true));
    QCOMPARE(model.indexForScope(DateScope::ofDay(QDate(2024, 6, 8))).data(DateTreeModel::UnreadRole).toInt(), 0);
}

void TestDateTreeModel::incrementalImportsEqualAFreshBuild()
{
    // Random libraries one after another: the updated tree must equal one built from scratch.
    QRandomGenerator random(11);
    DateTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int round = 0; round < 12; ++round) {
        QList<PaperRow> rows;
        const int count = round == 5 ? 0 : 1 + random.bounded(300); // once empty
        for (int i = 0; i < count; ++i) {
            const QDate date = QDate(2022, 11, 1).addDays(random.bounded(500));
            QStringList dates{ date.toString(Qt::ISODate) };
            if (random.bounded(4) == 0)
                dates.append(date.addDays(random.bounded(1, 60)).toString(Qt::ISODate));
            rows.append(paper(u"p%1"_s.arg(random.bounded(400)), dates, random.bounded(2), random.bounded(5) == 0));
        }
        model.setRows(rows);
        DateTreeModel fresh;
        fresh.setRows(rows);
        QCOMPARE(dump(model), dump(fresh));
    }
}

void TestDateTreeModel::indexForScope_data()
{
    QTest::addColumn<DateScope>("scope");
    QTest::addColumn<DateScope>("found");

    QTest::addRow("all") << DateScope::all() << DateScope::all();
    QTest::addRow("bookmarks") << DateScope::bookmarks() << DateScope::bookmarks();
    QTest::addRow("a day") << DateScope::ofDay(QDate(2024, 5, 31)) << DateScope::ofDay(QDate(2024, 5, 31));
    QTest::addRow("a missing day falls back to its month")
        << DateScope::ofDay(QDate(2024, 6, 6)) << DateScope::ofMonth(2024, 6);
    QTest::addRow("a missing month falls back to its year") << DateScope::ofMonth(2024, 2) << DateScope::ofYear(2024);
    QTest::addRow("a day of a missing month") << DateScope::ofDay(QDate(2024, 2, 2)) << DateScope::ofYear(2024);
    QTest::addRow("a missing year falls back to all") << DateScope::ofYear(1999) << DateScope::all();
}

void TestDateTreeModel::indexForScope()
{
    QFETCH(DateScope, scope);
    QFETCH(DateScope, found);
    DateTreeModel model;
    model.setRows(library());
    const QModelIndex index = model.indexForScope(scope);
    QVERIFY(index.isValid());
    QCOMPARE(scopeAt(index), found);
}

QTEST_GUILESS_MAIN(TestDateTreeModel)
#include "tst_datetreemodel.moc"
