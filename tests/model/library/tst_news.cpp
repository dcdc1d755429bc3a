#include "archivegit.h"
#include "library.h"
#include "testpaths.h"
#include "testsupport.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

// What is new and the saved searches, on a real library: arrivals are noted in the user
// database by paper id, so a rebuilt index brings no paper back as new; saved searches find
// what search finds with the same query.
class TestNews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 500;

    std::unique_ptr<Library> open(const QString &library)
    {
        Result<Library::Opened> opened = Library::open(library);
        [&] { QVERIFY2(opened, errorOf(opened)); }();
        return opened ? std::move(opened->library) : nullptr;
    }
    QString addDay(const QString &folder, int day, const QStringList &titles)
    {
        const QString file = QDir(folder).filePath(u"2024/07/%1.md"_s.arg(day, 2, 10, QChar(u'0')));
        [&] {
            QVERIFY(writeFile(file, digestText(u"2024-07-%1"_s.arg(day, 2, 10, QChar(u'0')), titles, m_next)));
        }();
        m_next += int(titles.size());
        return file;
    }
    static QSet<QString> set(const QStringList &ids) { return QSet<QString>(ids.cbegin(), ids.cend()); }

private Q_SLOTS:
    void firstImportIsNotNewLaterOnesAre()
    {
        const QString folder = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), folder));
        const QString path = m_dir.filePath(u"library"_s);
        std::unique_ptr<Library> library = open(path);
        QVERIFY(library);
        const ImportReport first = library->import({ folder });
        QVERIFY(first.ok());
        QVERIFY2(first.arrived.isEmpty(), "the library as first found is where new starts from");
        QCOMPARE(library->newIds().value(), QStringList());

        addDay(folder, 1, { u"Diffusion for Tables"_s, u"Agents that Plan"_s });
        const ImportReport second = library->import({ folder });
        QVERIFY(second.ok());
        QCOMPARE(set(second.arrived), (QSet<QString> { u"2406.00500"_s, u"2406.00501"_s }));
        QCOMPARE(set(library->newIds().value()), set(second.arrived));
        QCOMPARE(library->stats().value().newPapers, 2);

        // Nothing new: a rescan brings no arrivals.
        QVERIFY(library->import({ folder }).arrived.isEmpty());

        // The window closes: the next session starts with nothing new.
        QVERIFY(library->endSession());
        library.reset();
        library = open(path);
        QCOMPARE(library->newIds().value(), QStringList());
        addDay(folder, 2, { u"Diffusion Again"_s });
        QCOMPARE(library->import({ folder }).arrived, QStringList { u"2406.00502"_s });
        QCOMPARE(library->newIds().value(), QStringList { u"2406.00502"_s });
    }

    void aRebuiltIndexMakesNothingNew()
    {
        const QString folder = m_dir.filePath(u"rebuild-digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), folder));
        const QString path = m_dir.filePath(u"rebuild"_s);
        std::unique_ptr<Library> library = open(path);
        QVERIFY(library->import({ folder }).ok());
        addDay(folder, 3, { u"One New Paper"_s });
        QCOMPARE(library->import({ folder }).arrived.size(), 1);
        const QStringList before = library->newIds().value();
        library.reset();
        QVERIFY(QFile::remove(QDir(path).filePath(u"index.sqlite"_s)));
        library = open(path);
        QVERIFY(library->indexIsNew());
        const ImportReport rebuilt = library->import({ folder });
        QVERIFY(rebuilt.ok());
        QVERIFY2(rebuilt.arrived.isEmpty(), qPrintable(rebuilt.arrived.join(u", "_s)));
        QCOMPARE(library->newIds().value(), before);
    }

    void aLibraryFromBeforeArrivalsStartsWithNothingNew()
    {
        // A library whose user database has no arrivals yet (written by an older Hanji and
        // upgraded): opening it notes what the index holds, none of it new.
        const QString folder = m_dir.filePath(u"old-digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), folder));
        const QString path = m_dir.filePath(u"old"_s);
        {
            std::unique_ptr<Library> library = open(path);
            QVERIFY(library->import({ folder }).ok());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"wipe"_s);
            db.setDatabaseName(QDir(path).filePath(u"userdata.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"DELETE FROM paper_arrivals"_s));
        }
        QSqlDatabase::removeDatabase(u"wipe"_s);
        std::unique_ptr<Library> library = open(path);
        QCOMPARE(library->newIds().value(), QStringList());
        addDay(folder, 4, { u"After the Upgrade"_s });
        QCOMPARE(library->import({ folder }).arrived.size(), 1);
    }

    void savedSearchesFindWhatSearchFinds()
    {
        const QString folder = m_dir.filePath(u"saved-digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), folder));
        const QString path = m_dir.filePath(u"saved"_s);
        std::unique_ptr<Library> library = open(path);
        QVERIFY(library->import({ folder }).ok());

        const SavedSearch attention { .name = u"attention"_s, .query = u"attention"_s, .minVotes = 1 };
        QVERIFY(library->saveSearch(attention));
        const SavedSearch june { .name = u"june"_s, .query = QString(), .from = QDate(2024, 6, 1), .to = QDate(2024, 6, 30),
                                 .unreadOnly = true };
        QVERIFY(library->saveSearch(june));
        QCOMPARE(library->savedSearches().value(), (QList<SavedSearch> { attention, june }));

        // The oracle: the same query asked of search directly.
        const QStringList direct = library->search({ .text = u"attention"_s, .minVotes = 1 }).value();
        QVERIFY(!direct.isEmpty());
        QCOMPARE(set(library->savedSearchIds(attention).value()), set(direct));
        const QStringList juneIds = library->savedSearchIds(june).value();
        QVERIFY(!juneIds.isEmpty());
        QVERIFY(library->setRead({ juneIds.constFirst() }, true));
        QCOMPARE(library->savedSearchIds(june).value().size(), juneIds.size() - 1);

        QVERIFY(library->renameSavedSearch(u"june"_s, u"June 2024"_s));
        QVERIFY(library->savedSearch(u"June 2024"_s).value().has_value());
        QVERIFY(!library->savedSearch(u"june"_s).value().has_value());
        const Result<> taken = library->renameSavedSearch(u"June 2024"_s, u"attention"_s);
        QVERIFY(!taken);
        QVERIFY(taken.error().message.contains(u"already"_s));
        QVERIFY(library->removeSavedSearch(u"attention"_s));
        const Result<> gone = library->removeSavedSearch(u"attention"_s);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Error::Kind::Invalid);
        QVERIFY(!library->saveSearch({ .name = u"  "_s, .query = u"x"_s }));

        // They are the user's data: a rebuilt index keeps them.
        library.reset();
        QVERIFY(QFile::remove(QDir(path).filePath(u"index.sqlite"_s)));
        library = open(path);
        QCOMPARE(library->savedSearches().value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNews)
#include "tst_news.moc"
