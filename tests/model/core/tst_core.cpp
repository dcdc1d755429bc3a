#include "datescope.h"
#include "paper.h"
#include "paperid.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

// The value types' own rules, each written once in core/ and used by parsing, storage,
// the models and the exporters alike.
class TestCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void higherVotesTreatsUnknownAsNoCount();
    void latestAppearanceAndHighestVotes();
    void titleOnlyUrls();
    void paperLinks();
    void dayRanges_data();
    void dayRanges();
    void scopeContainsAPaperWhenAnyDayIsInside();
};

void TestCore::higherVotesTreatsUnknownAsNoCount()
{
    QCOMPARE(higherVotes(std::nullopt, std::nullopt), std::nullopt);
    QCOMPARE(higherVotes(0, std::nullopt), 0); // zero is a count, unknown is not
    QCOMPARE(higherVotes(std::nullopt, 3), 3);
    QCOMPARE(higherVotes(5, 3), 5);
    QCOMPARE(higherVotes(2, 9), 9);
}

void TestCore::latestAppearanceAndHighestVotes()
{
    QCOMPARE(latestAppearance({}), std::nullopt);
    QCOMPARE(highestVotes({}), std::nullopt);
    // Out of order on purpose: a hand-made paper need not keep its days sorted.
    const QList<Appearance> days { { QDate(2024, 5, 2), 10 }, { QDate(2024, 6, 1), std::nullopt },
                                   { QDate(2024, 1, 9), 40 } };
    QCOMPARE(latestAppearance(days)->date, QDate(2024, 6, 1));
    QCOMPARE(highestVotes(days), 40);
    Paper paper;
    paper.appearances = days;
    QCOMPARE(paper.latestDate(), QDate(2024, 6, 1));
    QCOMPARE(paper.votes(), 40);
    PaperRow row;
    row.appearances = days;
    QCOMPARE(row.latestDate(), QDate(2024, 6, 1));
    QCOMPARE(PaperRow().latestDate(), QDate());
}

void TestCore::titleOnlyUrls()
{
    const QString url = titleOnlyPaperUrl(u"A Paper Without a Link"_s);
    QCOMPARE(url, u"title:A Paper Without a Link"_s);
    QVERIFY(isTitleOnlyPaperUrl(url));
    QVERIFY(!isTitleOnlyPaperUrl(u"https://example.org/title:x"_s));
    QCOMPARE(arxivIdFromUrl(url), QString());
}

void TestCore::paperLinks()
{
    QCOMPARE(arxivAbstractUrl(u"2401.04088"), u"https://arxiv.org/abs/2401.04088"_s);
    QCOMPARE(arxivPdfUrl(u"2401.04088"), u"https://arxiv.org/pdf/2401.04088"_s);
    QCOMPARE(huggingFacePaperUrl(u"2401.04088"), u"https://huggingface.co/papers/2401.04088"_s);
    // Each link names the id it was made from.
    for (const QString &link : { arxivAbstractUrl(u"2401.04088"), arxivPdfUrl(u"2401.04088"), huggingFacePaperUrl(u"2401.04088") })
        QCOMPARE(arxivIdFromUrl(link), u"2401.04088"_s);
}

void TestCore::dayRanges_data()
{
    QTest::addColumn<DateScope>("scope");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addRow("a leap February") << DateScope::ofMonth(2024, 2) << QDate(2024, 2, 1) << QDate(2024, 2, 29);
    QTest::addRow("a year") << DateScope::ofYear(2023) << QDate(2023, 1, 1) << QDate(2023, 12, 31);
    QTest::addRow("a day") << DateScope::ofDay(QDate(2024, 6, 3)) << QDate(2024, 6, 3) << QDate(2024, 6, 3);
    QTest::addRow("all papers") << DateScope::all() << QDate() << QDate();
    QTest::addRow("bookmarks") << DateScope::bookmarks() << QDate() << QDate();
}

void TestCore::dayRanges()
{
    QFETCH(DateScope, scope);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QCOMPARE(scope.firstDay(), first);
    QCOMPARE(scope.lastDay(), last);
    const DateScope::DayRange range = scope.dayRange();
    if (!first.isValid()) {
        QVERIFY(range.first > range.last); // holds no day at all
        return;
    }
    QVERIFY(range.contains(first.toJulianDay()));
    QVERIFY(range.contains(last.toJulianDay()));
    QVERIFY(!range.contains(first.toJulianDay() - 1));
    QVERIFY(!range.contains(last.toJulianDay() + 1));
}

void TestCore::scopeContainsAPaperWhenAnyDayIsInside()
{
    PaperRow row;
    row.appearances = { { QDate(2024, 1, 31), 1 }, { QDate(2024, 3, 1), 2 } };
    QVERIFY(DateScope::ofMonth(2024, 1).contains(row));
    QVERIFY(DateScope::ofMonth(2024, 3).contains(row));
    QVERIFY(!DateScope::ofMonth(2024, 2).contains(row)); // between its days, but on none
    QVERIFY(DateScope::all().contains(row));
    QVERIFY(!DateScope::bookmarks().contains(row));
    row.bookmarked = true;
    QVERIFY(DateScope::bookmarks().contains(row));
}

QTEST_APPLESS_MAIN(TestCore)

#include "tst_core.moc"
