#include "datetreemodel.h"
#include "library.h"
#include "mainwindow.h"
#include "archivegit.h"
#include "newscontroller.h"
#include "notifier.h"
#include "paperfilterproxy.h"
#include "paperview.h"
#include "silentpaperview.h"
#include "testpaths.h"
#include "testsupport.h"
#include "thumbnailcache.h"
#include "waitforrows.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// The desktop's notification service as the test's observer: the real D-Bus protocol on a
// private session bus, on a connection of its own, so the window's calls travel the bus.
class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        QString app;
        uint replaces = 0;
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(icon)
        Q_UNUSED(hints)
        Q_UNUSED(timeout)
        shown.append({ app, replaces, summary, body, actions });
        return uint(100 + shown.size());
    }
    QStringList GetCapabilities() { return { u"actions"_s, u"body"_s }; }
};

} // namespace

// New papers while the window is not active: a notification that says how many and how many
// match each saved search; a click on it raises the window on the New node.
class TestNotifications : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDBusConnection m_server = QDBusConnection(u"unset"_s);
    NotificationServer m_notifications;

    void emitAction(uint id, const QString &action)
    {
        QDBusMessage signal = QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
                                                         u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
        signal << id << action;
        QVERIFY(m_server.send(signal));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariable("HANJI_PRIVATE_BUS") == u"1"_s, "must run on a private bus (dbus-run-session)");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"hanji-tests"_s);
        QSettings().clear();
        m_server = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"notification-server"_s);
        QVERIFY2(m_server.isConnected(), qPrintable(m_server.lastError().message()));
        QVERIFY(m_server.registerObject(u"/org/freedesktop/Notifications"_s, &m_notifications,
                                        QDBusConnection::ExportAllSlots));
        QVERIFY(m_server.registerService(u"org.freedesktop.Notifications"_s));
    }

    void newPapersAreToldAndTheClickShowsThem()
    {
        const QString digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), digests));
        std::unique_ptr<Library> library = std::move(Library::open(m_dir.filePath(u"library"_s)).value().library);
        QVERIFY(library->import({ digests }).ok()); // where new starts from
        QVERIFY(library->saveSearch({ .name = u"diffusion"_s, .query = u"diffusion"_s }));
        QVERIFY(library->saveSearch({ .name = u"nothing"_s, .query = u"zzqqxx"_s }));

        ThumbnailCache thumbnails(m_dir.filePath(u"cache"_s));
        thumbnails.setEnabled(false);
        auto *view = new SilentPaperView;
        MainWindow window(*library, &thumbnails, view);
        view->setParent(&window);
        QVERIFY(waitForRows(window));
        // Never shown: a window that is not active is told by notification.
        QVERIFY(!window.isActiveWindow());
        auto *dates = qobject_cast<DateTreeModel *>(window.dateTreeView()->model());
        QVERIFY(dates->newIndex().isValid());
        QCOMPARE(dates->newIndex().data(DateTreeModel::PapersRole).toInt(), 0);
        QVERIFY(dates->savedSearchesIndex().isValid());

        QVERIFY(writeFile(QDir(digests).filePath(u"2024/07/01.md"_s),
                          digestText(u"2024-07-01"_s, { u"Latent Diffusion for Weather"_s, u"Small Agents"_s }, 700)));
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.rescan();
        QVERIFY(imported.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(m_notifications.shown.size(), 1, 10000);
        const NotificationServer::Shown &shown = m_notifications.shown.constFirst();
        QCOMPARE(shown.app, u"Hanji"_s);
        QCOMPARE(shown.summary, u"Hanji: 2 new papers"_s);
        QCOMPARE(shown.body, u"1 match 'diffusion'"_s);
        QVERIFY(shown.actions.contains(u"default"_s));
        QVERIFY2(window.statusBar()->currentMessage().contains(u"2 new papers"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(dates->newIndex().data(DateTreeModel::PapersRole).toInt(), 2);
        QCOMPARE(dates->newIndex().data(DateTreeModel::UnreadRole).toInt(), 2);
        const QModelIndex diffusion = dates->indexForScope(DateScope::ofSavedSearch(u"diffusion"_s));
        QCOMPARE(diffusion.data().toString(), u"diffusion"_s);
        // All the search finds, the samples' papers too; one of them new (the notification's "1 match").
        const int found = int(library->search({ .text = u"diffusion"_s }).value().size());
        QVERIFY(found > 1);
        QCOMPARE(diffusion.data(DateTreeModel::PapersRole).toInt(), found);
        QTRY_COMPARE(window.news()->notifier()->lastId(), uint(101));

        // Another notification's click, or another action, is not ours.
        window.dateTreeView()->setCurrentIndex(dates->allIndex());
        emitAction(7, u"default"_s);
        emitAction(101, u"dismiss"_s);
        QTest::qWait(300);
        QCOMPARE(window.dateTreeView()->currentIndex(), dates->allIndex());
        QVERIFY(!window.isVisible());

        // The click: the window comes up on the New node, listing the two.
        emitAction(101, u"default"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window.dateTreeView()->currentIndex(), dates->newIndex(), 10000);
        QVERIFY(window.isVisible());
        QCOMPARE(window.paperProxy()->rowCount(), 2);
        QVERIFY(window.selectPaper(u"2406.00700"_s));
        QVERIFY(window.selectPaper(u"2406.00701"_s));
    }
};

// Runs itself again on a private session bus of its own, so the desktop's real notification
// service (if any) is never reached and the test's server can take the name.
int main(int argc, char **argv)
{
    if (qEnvironmentVariable("HANJI_PRIVATE_BUS") != u"1"_s) {
        setenv("HANJI_PRIVATE_BUS", "1", 1);
        std::vector<char *> arguments { const_cast<char *>("dbus-run-session"), const_cast<char *>("--") };
        for (int i = 0; i < argc; ++i)
            arguments.push_back(argv[i]);
        arguments.push_back(nullptr);
        execvp("dbus-run-session", arguments.data());
        std::perror("cannot run dbus-run-session");
        return 1;
    }
    QApplication app(argc, argv);
    TestNotifications test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifications.moc"
