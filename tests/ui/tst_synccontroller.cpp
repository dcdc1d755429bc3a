#include "language.h"
#include "library.h"
#include "synccontroller.h"
#include "syncfolder.h"
#include "testsupport.h"
#include "userdatafile.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

// The window's sync: on start, after a change, and when another machine's file arrives, on a
// worker thread with its own connection; the library then shows what came in.
class TestSyncController : public QObject
{
    Q_OBJECT

private:
    static bool writeOtherMachine(const QString &folder, const QList<UserField> &fields)
    {
        QDir().mkpath(syncfolder::directory(folder));
        return bool(writeUserDataFile(syncfolder::fileOf(folder, u"0ther"_s), toJson({ u"0ther"_s, u"laptop"_s, fields })));
    }

    std::unique_ptr<Translations> m_english;

private Q_SLOTS:
    void initTestCase()
    {
        auto english = Translations::install(Language::English); // its plural forms: "1 bookmark"
        QVERIFY2(english, errorOf(english));
        m_english = std::move(*english);
    }

    void koreanStatus()
    {
        auto korean = Translations::install(Language::Korean);
        QVERIFY2(korean, errorOf(korean));
        SyncReport report;
        report.incoming.append({ .from = u"laptop"_s, .bookmarks = 3, .reads = 12 });
        QCOMPARE(SyncController::summary(report, QTime(14, 2)), u"14:02 동기화: laptop에서 북마크 3개, 읽음 표시 12개."_s);
    }

    void syncsOnStartAfterChangesAndOnArrival()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"shared"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(writeOtherMachine(folder, { { u"paper"_s, u"2401.00030"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, now, u"0ther"_s },
                                            { u"paper"_s, u"2401.00031"_s, u"read"_s, u"2026-01-01T10:00:00.000Z"_s, now, u"0ther"_s } }));
        auto opened = Library::open(dir.filePath(u"library"_s));
        QVERIFY2(opened, errorOf(opened));
        Library &library = *opened->library;
        QVERIFY(library.setSetting(u"sync.folder"_s, folder));

        QMainWindow window;
        window.menuBar()->addMenu(u"&Help"_s);
        SyncController sync(library, &window);
        QSignalSpy synced(&sync, &SyncController::synced);
        QSignalSpy changed(&sync, &SyncController::userDataChanged);
        QVERIFY(synced.wait(20000)); // on start
        QCOMPARE(changed.size(), 1);
        QVERIFY(library.userState(u"2401.00030"_s).bookmarked);
        QVERIFY(library.userState(u"2401.00031"_s).read);
        const QString message = synced.first().first().toString();
        QVERIFY2(message.contains(u"1 bookmark, 1 read mark from laptop"_s), qPrintable(message));
        QVERIFY2(window.statusBar()->currentMessage() == message, qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(QFileInfo::exists(syncfolder::fileOf(folder, library.userStore().machineId())));
        // The Settings menu comes before Help.
        const QList<QAction *> menus = window.menuBar()->actions();
        QCOMPARE(menus.size(), 2);
        QVERIFY(menus[0]->text().contains(u"Settings"_s));

        // A change here reaches the folder after the debounce.
        QVERIFY(library.setNote(u"2401.00030"_s, u"written in the window"_s));
        sync.scheduleSync();
        QVERIFY(synced.wait(20000));
        const Result<UserDataFile> mine = readUserDataFile(syncfolder::fileOf(folder, library.userStore().machineId()));
        QVERIFY2(mine, errorOf(mine));
        FieldSet set;
        set.merge(mine->fields);
        QCOMPARE(set.field(u"paper"_s, u"2401.00030"_s, u"note"_s)->value, u"written in the window"_s);

        // Another machine's new file is seen by the folder watcher.
        synced.clear();
        QVERIFY(writeOtherMachine(folder, { { u"paper"_s, u"2401.00030"_s, u"bookmarked"_s, QString(), now + 60'000, u"0ther"_s } }));
        QTRY_VERIFY_WITH_TIMEOUT(!library.userState(u"2401.00030"_s).bookmarked, 20000);
        QVERIFY2(synced.last().first().toString().contains(u"1 removal from laptop"_s), qPrintable(synced.last().first().toString()));
    }

    void savedSearchesThatCameInAreShown()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"shared"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto search = [&](const QString &field, const QString &value) {
            return UserField { u"search"_s, u"from laptop"_s, field, value, now, u"0ther"_s };
        };
        QVERIFY(writeOtherMachine(folder, { search(u"saved"_s, u"2026-01-01T10:00:00.000Z"_s), search(u"query"_s, u"mamba"_s),
                                            search(u"min_votes"_s, u"4"_s), search(u"unread"_s, u"1"_s) }));
        auto opened = Library::open(dir.filePath(u"library"_s));
        QVERIFY2(opened, errorOf(opened));
        Library &library = *opened->library;
        QVERIFY(library.setSetting(u"sync.folder"_s, folder));
        QMainWindow window;
        SyncController sync(library, &window);
        QSignalSpy synced(&sync, &SyncController::synced);
        QSignalSpy searches(&sync, &SyncController::savedSearchesChanged); // the window redraws its tree's searches
        QVERIFY(synced.wait(20000));
        QCOMPARE(searches.size(), 1);
        QVERIFY2(synced.first().first().toString().contains(u"1 saved search from laptop"_s), qPrintable(synced.first().first().toString()));
        const Result<std::optional<SavedSearch>> found = library.savedSearch(u"from laptop"_s);
        QVERIFY2(found, errorOf(found));
        QVERIFY(found->has_value());
        QCOMPARE((*found)->query, u"mamba"_s);
        QCOMPARE((*found)->minVotes, std::optional(4));
        QVERIFY((*found)->unreadOnly);
        // A sync that brings only bookmarks leaves the tree's searches alone.
        synced.clear();
        QVERIFY(writeOtherMachine(folder, { { u"paper"_s, u"2401.00040"_s, u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, now, u"0ther"_s } }));
        sync.syncNow();
        QVERIFY(synced.wait(20000));
        QCOMPARE(searches.size(), 1);

        auto korean = Translations::install(Language::Korean);
        QVERIFY2(korean, errorOf(korean));
        SyncReport report;
        report.incoming.append({ .from = u"laptop"_s, .searches = 2 });
        QCOMPARE(SyncController::summary(report, QTime(9, 5)), u"09:05 동기화: laptop에서 저장된 검색 2개."_s);
    }

    void damagedFileIsNamedInTheStatusBar()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"shared"_s);
        QDir().mkpath(syncfolder::directory(folder));
        QFile bad(syncfolder::fileOf(folder, u"cut"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\":\"hanji-userdata\",\"vers");
        bad.close();
        auto opened = Library::open(dir.filePath(u"library"_s));
        QVERIFY(opened);
        QMainWindow window;
        SyncController sync(*opened->library, &window);
        QSignalSpy synced(&sync, &SyncController::synced);
        sync.setFolder(folder);
        QVERIFY(synced.wait(20000));
        const QString message = synced.first().first().toString();
        QVERIFY2(message.contains(u"nothing new"_s) && message.contains(bad.fileName()), qPrintable(message));
        QVERIFY(QFileInfo::exists(bad.fileName()));
        QCOMPARE(opened->library->setting(u"sync.folder"_s).value(), QFileInfo(folder).absoluteFilePath());
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
