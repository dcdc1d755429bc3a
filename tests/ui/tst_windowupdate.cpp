#include "addarchivedialog.h"
#include "archivecontroller.h"
#include "archivegit.h"
#include "datetreemodel.h"
#include "library.h"
#include "mainwindow.h"
#include "newscontroller.h"
#include "paperfilterproxy.h"
#include "paperview.h"
#include "silentpaperview.h"
#include "testsupport.h"
#include "thumbnailcache.h"
#include "waitforrows.h"

#include <QApplication>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace hanji;

// The window's git work with the real git: ArchiveController clones, finds the work trees and
// updates them off the UI thread; F5 in the window updates, then imports, and the New node and
// the status bar say what arrived; a refused update leaves the folder as it was and says why.
class TestWindowUpdate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_remote;
    QString m_writer;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"hanji-tests"_s);
        QSettings().clear();
        setGitIdentity();
        m_remote = m_dir.filePath(u"remote.git"_s);
        m_writer = m_dir.filePath(u"writer"_s);
        QVERIFY(makeRemote(m_remote, m_writer));
    }

    void controllerClonesFindsAndUpdates()
    {
        ArchiveController controller;
        QList<int> percents;
        connect(&controller, &ArchiveController::progress, this, [&](const QString &, int percent) { percents += percent; });
        QSignalSpy cloned(&controller, &ArchiveController::cloneFinished);
        const QString target = m_dir.filePath(u"controller"_s);
        // file://: git's transport (a plain path is copied, with no progress to tell).
        QVERIFY(controller.clone(u"file://"_s + m_remote, target));
        QVERIFY(!controller.clone(m_remote, target)); // one job at a time
        QVERIFY(controller.isRunning());
        QVERIFY(cloned.wait(30000));
        QCOMPARE(cloned.constFirst().at(1).toString(), QString());
        QCOMPARE(headOf(target), headOf(m_writer));
        QVERIFY(!percents.isEmpty());

        QSignalSpy probed(&controller, &ArchiveController::updatableChanged);
        controller.probe({ QDir(target).filePath(u"2024"_s), m_dir.path() });
        QVERIFY(probed.wait(30000));
        QCOMPARE(probed.constFirst().at(0).toBool(), true);
        QCOMPARE(controller.updatableRoots().size(), 1);

        QVERIFY(pushDigest(m_writer, u"2024/06/10.md"_s, digestText(u"2024-06-10"_s, { u"Controller Day"_s }, 900)));
        std::optional<FoldersUpdate> result;
        connect(&controller, &ArchiveController::updateFinished, this, [&](const FoldersUpdate &done) { result = done; });
        QVERIFY(controller.update({ target }));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY2(result->failures.isEmpty(), qPrintable(result->failures.join(u'\n')));
        QCOMPARE(result->updated.size(), 1);
        QCOMPARE(result->updated.constFirst().changedFiles, QStringList { u"2024/06/10.md"_s });
        QCOMPARE(headOf(target), headOf(m_writer));
    }

    void reloadUpdatesThenImports()
    {
        const QString clone = m_dir.filePath(u"window"_s);
        QVERIFY(GitArchive::clone(m_remote, clone));
        std::unique_ptr<Library> library = std::move(Library::open(m_dir.filePath(u"library"_s)).value().library);
        QVERIFY(library->import({ clone }).ok());

        ThumbnailCache thumbnails(m_dir.filePath(u"cache"_s));
        thumbnails.setEnabled(false);
        auto *view = new SilentPaperView;
        MainWindow window(*library, &thumbnails, view);
        view->setParent(&window);
        QVERIFY(waitForRows(window));
        NewsController *news = window.news();
        QTRY_COMPARE_WITH_TIMEOUT(news->archive()->updatableRoots().size(), 1, 30000);
        auto *dates = qobject_cast<DateTreeModel *>(window.dateTreeView()->model());
        QCOMPARE(dates->newIndex().data(DateTreeModel::PapersRole).toInt(), 0);

        QVERIFY(pushDigest(m_writer, u"2024/06/11.md"_s,
                           digestText(u"2024-06-11"_s, { u"Morning Paper One"_s, u"Morning Paper Two"_s }, 910)));
        QSignalSpy imported(&window, &MainWindow::importFinished);
        news->reload(); // F5
        QVERIFY(imported.wait(30000));
        QCOMPARE(headOf(clone), headOf(m_writer));
        QCOMPARE(dates->newIndex().data(DateTreeModel::PapersRole).toInt(), 2);
        const QString said = window.statusBar()->currentMessage();
        QVERIFY2(said.contains(u"2 new papers"_s) && said.contains(u"from git"_s), qPrintable(said));

        // Uncommitted changes: the update is refused, the folder stays, the window says why.
        const QString edited = QDir(clone).filePath(u"2024/06/03.md"_s);
        QVERIFY(writeFile(edited, digestText(u"2024-06-03"_s, { u"Edited by the reader"_s }, 1)));
        const QString head = headOf(clone);
        QVERIFY(pushDigest(m_writer, u"2024/06/12.md"_s, digestText(u"2024-06-12"_s, { u"Not Yet"_s }, 920)));
        news->reload();
        // The folder watcher may import the edit first; the update's word comes with its own import.
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"Update failed"_s), 30000);
        QVERIFY2(window.statusBar()->currentMessage().contains(u"not committed"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isImporting() && !news->archive()->isRunning(), 30000);
        QCOMPARE(headOf(clone), head);
        QVERIFY(!QFileInfo::exists(QDir(clone).filePath(u"2024/06/12.md"_s)));
    }

    void addArchiveSuggestsAFolderUnderTheDataFolder()
    {
        AddArchiveDialog dialog;
        const QList<QLineEdit *> fields = dialog.findChildren<QLineEdit *>();
        QCOMPARE(fields.size(), 2);
        QTest::keyClicks(fields.at(0), u"https://example.org/people/daily-papers.git"_s);
        QCOMPARE(dialog.url(), u"https://example.org/people/daily-papers.git"_s);
        QCOMPARE(dialog.folder(), QDir(AddArchiveDialog::defaultParent()).filePath(u"daily-papers"_s));
        QVERIFY(AddArchiveDialog::defaultParent().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        // A folder the user typed stays when the address changes.
        fields.at(1)->clear();
        QTest::keyClicks(fields.at(1), u"/tmp/mine"_s);
        QTest::keyClicks(fields.at(0), u"x"_s);
        QCOMPARE(dialog.folder(), u"/tmp/mine"_s);
    }

    void aClonedArchiveIsOpened()
    {
        std::unique_ptr<Library> library = std::move(Library::open(m_dir.filePath(u"clone-library"_s)).value().library);
        ThumbnailCache thumbnails(m_dir.filePath(u"cache2"_s));
        thumbnails.setEnabled(false);
        auto *view = new SilentPaperView;
        MainWindow window(*library, &thumbnails, view);
        view->setParent(&window);
        const QString target = m_dir.filePath(u"added"_s);
        QSignalSpy imported(&window, &MainWindow::importFinished);
        QVERIFY(window.news()->archive()->clone(m_remote, target)); // what Add Archive from URL… starts
        QVERIFY(imported.wait(30000));
        QCOMPARE(library->folders().value(), QStringList { target });
        QCOMPARE(window.paperProxy()->rowCount(), int(library->search({}).value().size()));
        QVERIFY(window.paperProxy()->rowCount() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(window.news()->archive()->updatableRoots().size(), 1, 30000);
    }
};

QTEST_MAIN(TestWindowUpdate)
#include "tst_windowupdate.moc"
