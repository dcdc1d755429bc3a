#include "language.h"
#include "paperlistmodel.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTimeZone>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using hanji::Appearance;
using hanji::Language;
using hanji::PaperListModel;
using hanji::PaperRow;

Q_DECLARE_METATYPE(hanji::Language)
Q_DECLARE_METATYPE(std::function<void(hanji::PaperRow &)>)

namespace {

// A paper listed on the given ISO dates, each day with the same votes.
PaperRow paper(const QString &id, const QString &title, std::optional<int> votes = 10,
               const QStringList &dates = { u"2024-06-05"_s }, const QStringList &authors = { u"Kim"_s })
{
    PaperRow row;
    row.id = id;
    row.arxivId = id.startsWith(u"http"_s) ? QString() : id;
    row.title = title;
    row.authors = authors;
    for (const QString &date : dates)
        row.appearances.append(Appearance{ QDate::fromString(date, Qt::ISODate), votes });
    row.votes = votes;
    return row;
}

QList<PaperRow> numbered(int count)
{
    QList<PaperRow> rows;
    for (int i = 0; i < count; ++i)
        rows.append(paper(u"2406.%1"_s.arg(i, 5, 10, QChar(u'0')), u"Paper %1"_s.arg(i)));
    return rows;
}

// Every id answers its own row.
void verifyIds(const PaperListModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.index(row, 0).data(PaperListModel::IdRole).toString();
        QCOMPARE(model.indexOfId(id), row);
    }
}

} // namespace

class TestPaperListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The models collate by QLocale(): our readers' Korean one, which these orders are for.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea)); }
    void titlesShowTexSymbolsAsThePaneDoes()
    {
        PaperListModel model;
        model.setRows({ paper(u"2010.11929"_s, u"An Image is Worth 16$\\times$16 Words"_s) });
        const QModelIndex title = model.index(0, PaperListModel::TitleColumn);
        QCOMPARE(title.data().toString(), u"An Image is Worth 16×16 Words"_s);
        QCOMPARE(title.data(PaperListModel::TitleRole).toString(), u"An Image is Worth 16$\\times$16 Words"_s);
    }

    void displayAndRoles();
    void authorsText_data();
    void authorsText();
    void headersFollowLocale();
    void roleNamesExtendTheBase();
    void firstLoadResets();
    void importUpdatesInPlace();
    void importTellsAChangeOfAnyField_data();
    void importTellsAChangeOfAnyField();
    void importWithManyScatteredChangesResets();
    void removingEverything();
    void duplicateIdsKeepTheFirst();
    void updateUserStateChangesOneRow();
    void updateUserStateIgnoresUnknownAndUnchanged();
    void sortKeysCollate_data();
    void sortKeysCollate();
    void collationAgreesWithRanks();
    void sortKeysFollowChanges();
    void manyImportsWhileRanking();
};

void TestPaperListModel::displayAndRoles()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PaperRow known = paper(u"2406.00001"_s, u"작은 모델"_s, 42, { u"2024-06-03"_s, u"2024-06-05"_s });
    known.appearances[0].votes = 30;
    known.bookmarked = true;
    known.bookmarkedAt = QDateTime(QDate(2024, 6, 6), QTime(9, 0), QTimeZone::UTC);
    PaperRow unknown = paper(u"https://example.org/p"_s, u"Old paper"_s, std::nullopt, { u"2023-01-02"_s });
    unknown.read = true;
    model.setRows({ known, unknown });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(PaperListModel::ColumnCount));

    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(0, PaperListModel::BookmarkColumn).toString(), u"★"_s);
    QCOMPARE(cell(1, PaperListModel::BookmarkColumn).toString(), u"☆"_s);
    QCOMPARE(cell(0, PaperListModel::VotesColumn).toInt(), 42);
    QVERIFY(!cell(1, PaperListModel::VotesColumn).isValid()); // unknown shows blank, not 0
    QCOMPARE(cell(0, PaperListModel::TitleColumn).toString(), u"작은 모델"_s);
    QCOMPARE(cell(0, PaperListModel::DateColumn).toString(), u"2024-06-05"_s); // the latest
    QCOMPARE(cell(0, PaperListModel::ArxivIdColumn).toString(), u"2406.00001"_s);
    QCOMPARE(cell(1, PaperListModel::ArxivIdColumn).toString(), QString());
    QCOMPARE(cell(0, PaperListModel::DateColumn, Qt::ToolTipRole).toString(), u"2024-06-03, 2024-06-05"_s);

    // Roles answer on every column.
    for (int column = 0; column < PaperListModel::ColumnCount; ++column) {
        QCOMPARE(cell(0, column, PaperListModel::IdRole).toString(), u"2406.00001"_s);
        QCOMPARE(cell(1, column, PaperListModel::VotesRole).toInt(), -1);
        QCOMPARE(cell(0, column, PaperListModel::VotesRole).toInt(), 42);
        QCOMPARE(cell(0, column, PaperListModel::LatestDateRole).toDate(), QDate(2024, 6, 5));
        QCOMPARE(cell(0, column, PaperListModel::DatesRole).value<QList<QDate>>(),
                 (QList<QDate>{ QDate(2024, 6, 3), QDate(2024, 6, 5) }));
        QCOMPARE(cell(0, column, PaperListModel::BookmarkedRole).toBool(), true);
        QCOMPARE(cell(0, column, PaperListModel::BookmarkedAtRole).toDateTime(), known.bookmarkedAt);
        QCOMPARE(cell(0, column, PaperListModel::UnreadRole).toBool(), true);
        QCOMPARE(cell(1, column, PaperListModel::UnreadRole).toBool(), false);
        QCOMPARE(cell(1, column, PaperListModel::ReadRole).toBool(), true);
        QCOMPARE(cell(0, column, PaperListModel::TitleRole).toString(), u"작은 모델"_s);
        QCOMPARE(cell(0, column, PaperListModel::AuthorsRole).toStringList(), QStringList{ u"Kim"_s });
    }
    QCOMPARE(cell(0, PaperListModel::VotesColumn, PaperListModel::SortRole).toInt(), 42);
    QCOMPARE(cell(1, PaperListModel::VotesColumn, PaperListModel::SortRole).toInt(), -1);
    QCOMPARE(cell(0, PaperListModel::DateColumn, PaperListModel::SortRole).toLongLong(),
             QDate(2024, 6, 5).toJulianDay());
}

void TestPaperListModel::authorsText_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QStringList>("authors");
    QTest::addColumn<QString>("expected");

    const Language korean = Language::Korean;
    const Language english = Language::English;
    const QStringList five{ u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s };
    QTest::addRow("none") << korean << QStringList() << QString();
    QTest::addRow("one") << korean << QStringList{ u"김민지"_s } << u"김민지"_s;
    QTest::addRow("three, all shown") << korean << five.first(3) << u"A, B, C"_s;
    QTest::addRow("four, Korean") << korean << five.first(4) << u"A, B, C 외 1명"_s;
    QTest::addRow("five, Korean") << korean << five << u"A, B, C 외 2명"_s;
    QTest::addRow("five, English") << english << five << u"A, B, C and 2 others"_s;
    QTest::addRow("four, English: one other") << english << five.first(4) << u"A, B, C and 1 other"_s;
    QTest::addRow("three, English") << english << five.first(3) << u"A, B, C"_s;
}

void TestPaperListModel::authorsText()
{
    QFETCH(Language, language);
    QFETCH(QStringList, authors);
    QFETCH(QString, expected);

    const auto translations = hanji::Translations::install(language);
    QVERIFY2(translations, errorOf(translations).constData());
    PaperListModel model;
    QCOMPARE(model.authorsText(authors), expected);
    model.setRows({ paper(u"1"_s, u"t"_s, 1, { u"2024-01-01"_s }, authors) });
    QCOMPARE(model.index(0, PaperListModel::AuthorsColumn).data().toString(), expected);
    QCOMPARE(model.index(0, PaperListModel::AuthorsColumn).data(PaperListModel::AuthorsRole).toStringList(), authors);
}

void TestPaperListModel::headersFollowLocale()
{
    const PaperListModel model;
    QCOMPARE(model.headerData(PaperListModel::TitleColumn, Qt::Horizontal).toString(), u"Title"_s);
    QCOMPARE(model.headerData(PaperListModel::VotesColumn, Qt::Horizontal).toString(), u"Votes"_s);
    const auto korean = hanji::Translations::install(Language::Korean);
    QVERIFY2(korean, errorOf(korean).constData());
    QCOMPARE(model.headerData(PaperListModel::TitleColumn, Qt::Horizontal).toString(), u"제목"_s);
    for (int column = 0; column < PaperListModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestPaperListModel::roleNamesExtendTheBase()
{
    const PaperListModel model;
    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(Qt::DisplayRole), "display");
    QCOMPARE(names.value(PaperListModel::IdRole), "id");
    QCOMPARE(names.value(PaperListModel::UnreadRole), "unread");
    QCOMPARE(int(PaperListModel::IdRole), Qt::UserRole + 1);
}

void TestPaperListModel::firstLoadResets()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRows({});
    QCOMPARE(reset.count(), 0); // nothing to nothing: no signal at all
    model.setRows(numbered(100));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 100);
    verifyIds(model);
    QCOMPARE(model.indexOfId(u"nope"_s), -1);
    QVERIFY(!model.indexForId(u"nope"_s).isValid());
    QCOMPARE(model.indexForId(u"2406.00007"_s).row(), 7);
}

void TestPaperListModel::importUpdatesInPlace()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<PaperRow> rows = numbered(10);
    model.setRows(rows);
    const QPersistentModelIndex kept = model.indexForId(u"2406.00008"_s);
    const QPersistentModelIndex gone = model.indexForId(u"2406.00003"_s);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // An import: 3 and 4 vanish, 6 gets a new day, two papers arrive, in a new order.
    QList<PaperRow> next = rows;
    next[6].appearances.append(Appearance{ QDate(2024, 6, 6), 55 });
    next[6].votes = 55;
    next.remove(3, 2);
    next.prepend(paper(u"2406.99999"_s, u"New B"_s));
    next.append(paper(u"2406.99998"_s, u"New A"_s));
    std::reverse(next.begin(), next.end());
    model.setRows(next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1); // 3 and 4 are one run
    QCOMPARE(removed.at(0).at(1).toInt(), 3);
    QCOMPARE(removed.at(0).at(2).toInt(), 4);
    QCOMPARE(changed.count(), 1);
    const QModelIndex changedIndex = changed.at(0).at(0).toModelIndex();
    QCOMPARE(changedIndex.data(PaperListModel::IdRole).toString(), u"2406.00006"_s);
    QCOMPARE(changedIndex.siblingAtColumn(PaperListModel::VotesColumn).data().toInt(), 55);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), PaperListModel::ColumnCount - 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 8);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9);

    QCOMPARE(model.rowCount(), 10);
    verifyIds(model);
    QVERIFY(kept.isValid()); // what a view holds survives
    QCOMPARE(kept.data(PaperListModel::IdRole).toString(), u"2406.00008"_s);
    QVERIFY(!gone.isValid());
    QCOMPARE(model.indexOfId(u"2406.00003"_s), -1);
    QVERIFY(model.indexOfId(u"2406.99998"_s) >= 8);

    // The same list again changes nothing.
    const qsizetype signals_ = removed.count() + inserted.count() + changed.count() + reset.count();
    model.setRows(next);
    QCOMPARE(removed.count() + inserted.count() + changed.count() + reset.count(), signals_);
}

void TestPaperListModel::importTellsAChangeOfAnyField_data()
{
    using Change = std::function<void(PaperRow &)>;
    QTest::addColumn<Change>("change");
    QTest::addRow("title") << Change([](PaperRow &row) { row.title += u" (v2)"_s; });
    QTest::addRow("arXiv id") << Change([](PaperRow &row) { row.arxivId = u"2406.00004"_s; });
    QTest::addRow("an author") << Change([](PaperRow &row) { row.authors[0] = u"Kim Minji"_s; });
    QTest::addRow("an author more") << Change([](PaperRow &row) { row.authors.append(u"Lee"_s); });
    QTest::addRow("authors split otherwise") << Change([](PaperRow &row) { row.authors = { u"Ki"_s, u"m"_s }; });
    QTest::addRow("votes") << Change([](PaperRow &row) { row.votes = 11; });
    QTest::addRow("votes no longer known") << Change([](PaperRow &row) { row.votes.reset(); });
    QTest::addRow("a day's votes") << Change([](PaperRow &row) { row.appearances[0].votes = 9; });
    QTest::addRow("a day's votes unknown") << Change([](PaperRow &row) { row.appearances[0].votes.reset(); });
    QTest::addRow("a day") << Change([](PaperRow &row) { row.appearances[0].date = QDate(2024, 6, 4); });
    QTest::addRow("another day") << Change([](PaperRow &row) { row.appearances.append({ QDate(2024, 6, 9), 10 }); });
    QTest::addRow("read") << Change([](PaperRow &row) { row.read = true; });
    QTest::addRow("bookmarked") << Change([](PaperRow &row) {
        row.bookmarked = true;
        row.bookmarkedAt = QDateTime(QDate(2024, 6, 7), QTime(9, 0), QTimeZone::UTC);
    });
}

// Each thing a row shows, changed alone, is one dataChanged of that row.
void TestPaperListModel::importTellsAChangeOfAnyField()
{
    using Change = std::function<void(PaperRow &)>;
    QFETCH(Change, change);
    PaperListModel model;
    QList<PaperRow> rows = numbered(10);
    model.setRows(rows);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    change(rows[5]);
    model.setRows(rows);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().data(PaperListModel::IdRole).toString(), u"2406.00005"_s);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), changed.at(0).at(0).toModelIndex().row());
}

void TestPaperListModel::importWithManyScatteredChangesResets()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(numbered(200));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // Every other paper vanishes: 100 runs, far more than a handful of signals.
    QList<PaperRow> next;
    const QList<PaperRow> all = numbered(200);
    for (int i = 0; i < all.size(); i += 2)
        next.append(all[i]);
    model.setRows(next);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 100);
    verifyIds(model);
    // After a reset the window reselects by id.
    QCOMPARE(model.indexForId(u"2406.00010"_s).data(PaperListModel::IdRole).toString(), u"2406.00010"_s);
    QCOMPARE(model.indexOfId(u"2406.00011"_s), -1);
}

void TestPaperListModel::removingEverything()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(numbered(5));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setRows({});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.indexOfId(u"2406.00000"_s), -1);
}

void TestPaperListModel::duplicateIdsKeepTheFirst()
{
    PaperListModel model;
    model.setRows({ paper(u"a"_s, u"First"_s), paper(u"a"_s, u"Second"_s), paper(u"b"_s, u"B"_s) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.indexForId(u"a"_s).data().toString(), u"First"_s);
    verifyIds(model);
}

void TestPaperListModel::updateUserStateChangesOneRow()
{
    PaperListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(numbered(10));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    const QDateTime when(QDate(2024, 6, 7), QTime(10, 30), QTimeZone::UTC);
    QVERIFY(model.updateUserState(u"2406.00004"_s, true, when, true));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 4);
    QCOMPARE(bottomRight.row(), 4);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), PaperListModel::ColumnCount - 1);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(PaperListModel::UnreadRole));
    QVERIFY(roles.contains(PaperListModel::BookmarkedRole));

    QCOMPARE(topLeft.data(PaperListModel::BookmarkedRole).toBool(), true);
    QCOMPARE(topLeft.data(PaperListModel::BookmarkedAtRole).toDateTime(), when);
    QCOMPARE(topLeft.data(PaperListModel::UnreadRole).toBool(), false);
    QCOMPARE(topLeft.data().toString(), u"★"_s);
    QCOMPARE(model.paperAt(4).read, true);
}

void TestPaperListModel::updateUserStateIgnoresUnknownAndUnchanged()
{
    PaperListModel model;
    model.setRows(numbered(3));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.updateUserState(u"unknown"_s, true, {}, true));
    QVERIFY(!model.updateUserState(u"2406.00001"_s, false, {}, false)); // already so
    QCOMPARE(changed.count(), 0);
}

void TestPaperListModel::sortKeysCollate_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");
    QTest::addRow("Hangul order") << u"가"_s << u"나"_s;
    QTest::addRow("Hangul words") << u"강화학습"_s << u"대규모 언어 모델"_s;
    QTest::addRow("numbers by value") << u"Model 2"_s << u"Model 10"_s;
    QTest::addRow("case does not split") << u"apple"_s << u"Banana"_s;
    QTest::addRow("Korean first in a Korean locale") << u"하나"_s << u"Alpha"_s;
}

void TestPaperListModel::sortKeysCollate()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    PaperListModel model;
    model.setRows({ paper(u"l"_s, larger, 1, { u"2024-01-01"_s }, { larger }),
                    paper(u"s"_s, smaller, 1, { u"2024-01-01"_s }, { smaller }),
                    paper(u"s2"_s, smaller, 1, { u"2024-01-01"_s }, { smaller }) });
    const int s = model.indexOfId(u"s"_s);
    const int s2 = model.indexOfId(u"s2"_s);
    const int l = model.indexOfId(u"l"_s);
    // The same answers before the worker's ranks are in (most likely: asked at once) and after.
    for (int round = 0; round < 2; ++round) {
        QVERIFY(model.compareTitles(s, l) < 0);
        QVERIFY(model.compareTitles(l, s) > 0);
        QCOMPARE(model.compareTitles(s, s2), 0); // identical text: the next key decides
        QVERIFY(model.compareAuthors(s, l) < 0);
        QVERIFY(model.compareAuthors(l, s) > 0);
        model.waitForCollationRanks();
        QVERIFY(model.hasCollationRanks());
    }
}

void TestPaperListModel::collationAgreesWithRanks()
{
    // Titles with case variants, numbers, Hangul and Latin: the worker's ranks must give the
    // very answers of the direct comparison, or a sort would change its mind halfway.
    const QStringList words{ u"model"_s, u"Model"_s, u"2"_s, u"10"_s, u"가"_s, u"나"_s, u"Alpha"_s, u"alpha"_s };
    QRandomGenerator random(5);
    QList<PaperRow> rows;
    for (int i = 0; i < 300; ++i) {
        QStringList title;
        for (int n = 1 + random.bounded(3); n > 0; --n)
            title.append(words[random.bounded(words.size())]);
        rows.append(paper(u"p%1"_s.arg(i), title.join(u' '), 1, { u"2024-01-01"_s }, title));
    }
    PaperListModel direct;
    direct.setRows(rows);
    PaperListModel ranked;
    ranked.setRows(rows);
    ranked.waitForCollationRanks();
    QVERIFY(ranked.hasCollationRanks());
    // "direct" is asked at once, so it most likely still compares through QCollator.
    const QCollator collator = [] {
        QCollator c(QLocale(QLocale::Korean, QLocale::SouthKorea));
        c.setNumericMode(true);
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    const auto expected = [&](const QString &a, const QString &b) {
        const int result = collator.compare(a, b);
        return result != 0 ? (result > 0) - (result < 0) : (a > b) - (a < b);
    };
    const auto sign = [](int value) { return (value > 0) - (value < 0); };
    for (int i = 0; i < 2000; ++i) {
        const int a = random.bounded(300);
        const int b = random.bounded(300);
        const int want = expected(rows[a].title, rows[b].title);
        QCOMPARE(sign(ranked.compareTitles(ranked.indexOfId(rows[a].id), ranked.indexOfId(rows[b].id))), want);
        QCOMPARE(sign(direct.compareTitles(direct.indexOfId(rows[a].id), direct.indexOfId(rows[b].id))), want);
        QCOMPARE(sign(ranked.compareAuthors(ranked.indexOfId(rows[a].id), ranked.indexOfId(rows[b].id))),
                 expected(rows[a].authors.join(u", "_s), rows[b].authors.join(u", "_s)));
    }
}

void TestPaperListModel::sortKeysFollowChanges()
{
    PaperListModel model;
    model.setRows({ paper(u"a"_s, u"Alpha"_s, 3, { u"2024-06-01"_s }), paper(u"b"_s, u"Beta"_s) });
    model.waitForCollationRanks();
    QVERIFY(model.compareTitles(0, 1) < 0);
    QCOMPARE(model.keysAt(0).votes, 3);
    QCOMPARE(model.keysAt(0).latestDay, qint32(QDate(2024, 6, 1).toJulianDay()));
    QCOMPARE(model.keysAt(0).firstDay, qint32(QDate(2024, 6, 1).toJulianDay()));
    QCOMPARE(model.keysAt(0).bookmarkTime, qint64(-1));

    // A corrected title must not keep the old rank; new papers get one too.
    model.setRows({ paper(u"a"_s, u"Zeta"_s, 4, { u"2024-06-01"_s }), paper(u"b"_s, u"Beta"_s),
                    paper(u"c"_s, u"Gamma"_s) });
    const auto compare = [&](const QString &a, const QString &b) {
        return model.compareTitles(model.indexOfId(a), model.indexOfId(b));
    };
    for (int round = 0; round < 2; ++round) {
        QVERIFY(compare(u"b"_s, u"c"_s) < 0);
        QVERIFY(compare(u"c"_s, u"a"_s) < 0);
        model.waitForCollationRanks();
    }
    QCOMPARE(model.keysAt(model.indexOfId(u"a"_s)).votes, 4);

    // Removing keeps the others in order.
    model.setRows({ paper(u"a"_s, u"Zeta"_s, 4, { u"2024-06-01"_s }), paper(u"c"_s, u"Gamma"_s) });
    QVERIFY(compare(u"c"_s, u"a"_s) < 0);
    model.waitForCollationRanks();
    QVERIFY(compare(u"c"_s, u"a"_s) < 0);

    // User state reaches the keys the proxy filters by.
    const QDateTime when(QDate(2024, 6, 2), QTime(0, 0), QTimeZone::UTC);
    model.updateUserState(u"c"_s, true, when, true);
    QCOMPARE(model.keysAt(model.indexOfId(u"c"_s)).bookmarkTime, when.toMSecsSinceEpoch());
    QCOMPARE(model.keysAt(model.indexOfId(u"c"_s)).read, true);
}

void TestPaperListModel::manyImportsWhileRanking()
{
    // Imports arriving while the worker still ranks: each cancels the job in flight and starts
    // another; the model must end with ranks of its latest rows and never with stale ones.
    QList<PaperRow> rows;
    for (int i = 0; i < 3000; ++i)
        rows.append(paper(u"p%1"_s.arg(i), u"Title %1"_s.arg(2999 - i)));
    PaperListModel model;
    for (int round = 0; round < 5; ++round) {
        rows.append(paper(u"n%1"_s.arg(round), u"Title 0%1"_s.arg(round)));
        model.setRows(rows);
    }
    model.waitForCollationRanks();
    QVERIFY(model.hasCollationRanks());
    // "Title 2999" is p0; numeric order puts it after "Title 10" (p2989).
    QVERIFY(model.compareTitles(model.indexOfId(u"p2989"_s), model.indexOfId(u"p0"_s)) < 0);
    QVERIFY(model.compareTitles(model.indexOfId(u"p2999"_s), model.indexOfId(u"p2998"_s)) < 0); // 0 < 1
}

QTEST_GUILESS_MAIN(TestPaperListModel)
#include "tst_paperlistmodel.moc"
