#include "datetreemodel.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

PaperRow paper(const QString &id, const QString &date, bool read = false)
{
    PaperRow row;
    row.id = id;
    row.title = id;
    row.appearances.append(Appearance { QDate::fromString(date, Qt::ISODate), 1 });
    row.votes = 1;
    row.read = read;
    return row;
}

QList<PaperRow> library()
{
    return { paper(u"a"_s, u"2024-06-05"_s), paper(u"b"_s, u"2024-06-05"_s, true), paper(u"c"_s, u"2024-06-07"_s),
             paper(u"d"_s, u"2023-12-31"_s) };
}

int papersAt(const QModelIndex &index) { return index.data(DateTreeModel::PapersRole).toInt(); }
int unreadAt(const QModelIndex &index) { return index.data(DateTreeModel::UnreadRole).toInt(); }

} // namespace

// The tree's nodes that are sets of ids the window hands over: New and the saved searches.
// Their counts are those of the papers in the list, kept as read state changes; they come
// and go without a reset, and the list's filter shows exactly their papers.
class TestDateTreeIdSets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newNodeCountsItsPapers()
    {
        DateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(library());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.newIndex().isValid());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setNewIds({ u"a"_s, u"b"_s, u"gone"_s }); // an id the list does not have counts for nothing
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.newIndex().row(), 1);
        QCOMPARE(model.bookmarksIndex().row(), 2);
        QCOMPARE(model.newIndex().data().toString(), u"New"_s);
        QCOMPARE(papersAt(model.newIndex()), 2);
        QCOMPARE(unreadAt(model.newIndex()), 1);
        QCOMPARE(model.scopeOf(model.newIndex()), DateScope::newPapers());
        QCOMPARE(model.indexForScope(DateScope::newPapers()), model.newIndex());
        QCOMPARE(model.idsOf(model.newIndex()), (QSet<QString> { u"a"_s, u"b"_s, u"gone"_s }));
        QVERIFY(!model.idsOf(model.allIndex()));

        QVERIFY(model.updateUserState(u"a"_s, false, true));
        QCOMPARE(unreadAt(model.newIndex()), 0);
        QVERIFY(model.updateUserState(u"b"_s, false, false));
        QCOMPARE(unreadAt(model.newIndex()), 1);

        // An import: the counts follow the rows.
        QList<PaperRow> rows = library();
        rows.removeFirst();
        model.setRows(rows);
        QCOMPARE(papersAt(model.newIndex()), 1);
        model.setNewIds({});
        QCOMPARE(papersAt(model.newIndex()), 0);
        QVERIFY(model.newIndex().isValid()); // stays, showing 0
        QCOMPARE(resets.size(), 0);
    }

    void savedSearchesComeAndGo()
    {
        DateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(library());
        model.setSavedSearches({});
        QVERIFY(!model.savedSearchesIndex().isValid());
        model.setSavedSearches({ { u"june"_s, { u"a"_s, u"b"_s, u"c"_s } }, { u"old"_s, { u"d"_s } } });
        const QModelIndex heading = model.savedSearchesIndex();
        QVERIFY(heading.isValid());
        QCOMPARE(heading.data().toString(), u"Saved searches"_s);
        QVERIFY(!heading.siblingAtColumn(DateTreeModel::PapersColumn).data().isValid()); // no sum of overlaps
        QCOMPARE(model.rowCount(heading), 2);
        const QModelIndex june = model.index(0, 0, heading);
        QCOMPARE(june.data().toString(), u"june"_s);
        QCOMPARE(papersAt(june), 3);
        QCOMPARE(unreadAt(june), 2);
        QCOMPARE(model.indexForScope(DateScope::ofSavedSearch(u"old"_s)), model.index(1, 0, heading));
        QCOMPARE(model.indexForScope(DateScope::ofSavedSearch(u"vanished"_s)), heading);

        // New counts for the same names: the nodes stay (a persistent index survives).
        const QPersistentModelIndex kept(june);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSavedSearches({ { u"june"_s, { u"c"_s } }, { u"old"_s, { u"d"_s } } });
        QCOMPARE(removed.size(), 0);
        QVERIFY(kept.isValid());
        QCOMPARE(papersAt(kept), 1);
        QVERIFY(model.updateUserState(u"c"_s, false, true));
        QCOMPARE(unreadAt(kept), 0);

        // A rename is a new node; none left removes the heading.
        model.setSavedSearches({ { u"June 2024"_s, { u"c"_s } } });
        QCOMPARE(model.index(0, 0, model.savedSearchesIndex()).data().toString(), u"June 2024"_s);
        model.setSavedSearches({});
        QVERIFY(!model.savedSearchesIndex().isValid());
        QCOMPARE(model.rowCount(), 2);
    }

    void theListShowsTheNodesPapers()
    {
        PaperListModel papers;
        papers.setRows(library());
        PaperFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&papers);
        proxy.setScope(DateScope::newPapers());
        QCOMPARE(proxy.rowCount(), 4); // a scope of ids without its ids filters nothing
        proxy.setScopeIds(QSet<QString> { u"b"_s, u"d"_s });
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setUnreadOnly(true);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(PaperListModel::IdRole).toString(), u"d"_s);
        proxy.setScopeIds(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
        // Such scopes hold no paper by their own rule: "mark all here read" cannot reach everything.
        QVERIFY(!DateScope::newPapers().contains(library().constFirst()));
        QVERIFY(!DateScope::ofSavedSearch(u"x"_s).contains(library().constFirst()));
    }
};

QTEST_GUILESS_MAIN(TestDateTreeIdSets)
#include "tst_datetreeidsets.moc"
