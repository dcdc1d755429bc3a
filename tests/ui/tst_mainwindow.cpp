#include "archivegit.h"
#include "datetreemodel.h"
#include "filterbar.h"
#include "library.h"
#include "mainwindow.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"
#include "paperview.h"
#include "synccontroller.h"
#include "syncfolder.h"
#include "testpaths.h"
#include "testsupport.h"
#include "thumbnailcache.h"
#include "userdatafile.h"
#include "waitforrows.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDirIterator>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// Stands in for the QtWebEngine pane: remembers what the window asked it to show.
class RecordingView : public PaperView
{
public:
    RecordingView()
        : m_widget(new QWidget) // the window's tab widget takes it over
    {
    }
    void showPaper(const Paper &paper) override { shown.append(paper); }
    void clear() override { ++cleared; }
    void scrollPage() override { ++pagesForward; }
    void scrollPageBack() override { }
    [[nodiscard]] QWidget *widget() const override { return m_widget; }

    QList<Paper> shown;
    int cleared = 0;
    int pagesForward = 0;

private:
    QWidget *m_widget;
};

// Stands in for the system browser and the desktop's other handlers: QDesktopServices hands
// it the URLs of the schemes it is registered for, which it would otherwise open.
class BrowserSpy : public QObject
{
    Q_OBJECT
public:
    explicit BrowserSpy(const QStringList &schemes = { u"https"_s })
        : m_schemes(schemes)
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::setUrlHandler(scheme, this, "open");
    }
    ~BrowserSpy() override
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }

    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }

private:
    QStringList m_schemes;
};

// Calls back at each paint of a widget, before it paints.
class PaintWatch : public QObject
{
public:
    PaintWatch(QWidget *widget, std::function<void()> onPaint)
        : m_onPaint(std::move(onPaint))
    {
        widget->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_onPaint();
        return false;
    }

private:
    std::function<void()> m_onPaint;
};

// A day whose papers have no arXiv id: Enter opens the digest's own link, whatever it says.
constexpr char linkDigest[] = "## Daily Papers (2025-03-01)\n\n"
                              "### [로컬 파일: A Local File](file:///etc/passwd)\n\nVote: 3\n\n- 파일을 가리키는 링크.\n\n"
                              "### [사용자 스킴: A Custom Scheme](foo://bar)\n\nVote: 2\n\n- 데스크톱의 다른 처리기를 부르는 링크.\n\n"
                              "### [웹 페이지: A Web Page](https://example.org/paper)\n\nVote: 1\n\n- 보통의 웹 링크.\n";

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_digests;
    QString m_libraryDir;

    struct Session {
        std::unique_ptr<Library> library;
        std::unique_ptr<ThumbnailCache> thumbnails;
        RecordingView *view = nullptr;
        std::unique_ptr<MainWindow> window;
    };

    Session open(const QString &libraryDir = {})
    {
        Session s;
        s.library = std::move(Library::open(libraryDir.isEmpty() ? m_libraryDir : libraryDir).value().library);
        s.thumbnails = std::make_unique<ThumbnailCache>(m_dir.filePath(u"cache"_s));
        s.thumbnails->setEnabled(false); // no network in this test: the pane has its own
        s.view = new RecordingView;
        s.window = std::make_unique<MainWindow>(*s.library, s.thumbnails.get(), s.view);
        s.view->setParent(s.window.get());
        s.window->resize(1300, 800);
        s.window->show();
        return s;
    }

    // As a hand does it: a click, then the double click (QTest's alone is not taken for one).
    [[nodiscard]] static bool doubleClickCurrent(QTreeView *list)
    {
        QSignalSpy activated(list, &QTreeView::activated);
        const QPoint title = list->visualRect(list->currentIndex().siblingAtColumn(PaperListModel::TitleColumn)).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, title);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, title);
        return activated.size() == 1;
    }

    static int votesAt(const Session &s, int row)
    {
        return s.window->paperProxy()->index(row, 0).data(PaperListModel::VotesRole).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings too: the window's state goes to ~/.qttest
        QCoreApplication::setOrganizationName(u"hanji-tests"_s); // keep the user's settings out of it
        QSettings().clear(); // every run starts as a first start
        m_digests = m_dir.filePath(u"digests"_s);
        m_libraryDir = m_dir.filePath(u"library"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), m_digests));
    }

    void readFilterSearchBookmarkAndRestart()
    {
        QString bookmarkedId;
        {
            Session s = open();
            QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
            s.window->openFolders({ m_digests });
            QVERIFY(imported.wait(30000));
            PaperFilterProxy *proxy = s.window->paperProxy();
            QCOMPARE(proxy->rowCount(), 23);
            QVERIFY(s.window->statusText().contains(u"23"_s));

            // A day in the date tree: only its papers.
            QTreeView *tree = s.window->dateTreeView();
            auto *dates = qobject_cast<DateTreeModel *>(tree->model());
            tree->setCurrentIndex(dates->indexForScope(DateScope::ofDay(QDate(2024, 6, 3))));
            QCOMPARE(proxy->rowCount(), 5);
            for (int row = 0; row < proxy->rowCount(); ++row)
                QVERIFY(proxy->index(row, 0).data(PaperListModel::DatesRole).value<QList<QDate>>().contains(QDate(2024, 6, 3)));

            // Sorted by votes, most first.
            s.window->paperListView()->sortByColumn(PaperListModel::VotesColumn, Qt::DescendingOrder);
            for (int row = 1; row < proxy->rowCount(); ++row)
                QVERIFY(votesAt(s, row - 1) >= votesAt(s, row));

            // Back to all papers, at least 100 votes.
            tree->setCurrentIndex(dates->allIndex());
            s.window->filterBar()->setMinimumVotes(100);
            QVERIFY(proxy->rowCount() > 0);
            QVERIFY(proxy->rowCount() < 23);
            for (int row = 0; row < proxy->rowCount(); ++row)
                QVERIFY(votesAt(s, row) >= 100);
            s.window->filterBar()->setMinimumVotes(0);

            // A two-syllable Korean word, typed: the list shows what the library finds.
            QLineEdit *search = s.window->filterBar()->searchField();
            search->setFocus();
            QInputMethodEvent typed; // Korean arrives through the input method, committed syllables
            typed.setCommitString(u"확산"_s);
            QApplication::sendEvent(search, &typed);
            QCOMPARE(search->text(), u"확산"_s);
            QTRY_VERIFY(proxy->isSearching());
            const QStringList expected = s.library->search({ .text = u"확산"_s }).value();
            QVERIFY(expected.size() >= 2);
            QTRY_COMPARE(proxy->rowCount(), expected.size());
            for (int row = 0; row < proxy->rowCount(); ++row)
                QVERIFY(expected.contains(proxy->index(row, 0).data(PaperListModel::IdRole).toString()));
            QTest::keyClick(search, Qt::Key_Escape);
            QTRY_COMPARE(proxy->rowCount(), 23);

            // Choose a paper: the pane shows it; after a moment it counts as read.
            QTreeView *list = s.window->paperListView();
            list->setFocus();
            list->setCurrentIndex(proxy->index(2, PaperListModel::TitleColumn));
            bookmarkedId = s.window->currentPaperId();
            QVERIFY(!bookmarkedId.isEmpty());
            QCOMPARE(s.view->shown.constLast().id, bookmarkedId);
            QVERIFY(!s.view->shown.constLast().sections.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(s.library->userState(bookmarkedId).read, 5000);

            // Ctrl+D bookmarks it; the star and the Bookmarks node follow.
            QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier);
            QVERIFY(s.library->userState(bookmarkedId).bookmarked);
            QCOMPARE(list->currentIndex().siblingAtColumn(PaperListModel::BookmarkColumn).data().toString(), u"★"_s);
            QCOMPARE(dates->bookmarksIndex().siblingAtColumn(DateTreeModel::PapersColumn).data(DateTreeModel::PapersRole).toInt(), 1);

            // j and k walk the list; Space pages the summary.
            QTest::keyClick(list, Qt::Key_J);
            QVERIFY(s.window->currentPaperId() != bookmarkedId);
            QTest::keyClick(list, Qt::Key_K);
            QCOMPARE(s.window->currentPaperId(), bookmarkedId);
            QTest::keyClick(list, Qt::Key_Space);
            QCOMPARE(s.view->pagesForward, 1);

            // Enter opens the paper's arXiv page in the browser, once.
            {
                BrowserSpy browser;
                QTest::keyClick(list, Qt::Key_Return);
                QCOMPARE(browser.opened, QList<QUrl> { QUrl(u"https://arxiv.org/abs/"_s + bookmarkedId) });
            }

            // Numbers right-aligned, the star centred: the model says so, the delegate adds nothing.
            const QModelIndex current = list->currentIndex();
            QCOMPARE(current.siblingAtColumn(PaperListModel::VotesColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                     Qt::AlignRight | Qt::AlignVCenter);
            QCOMPARE(current.siblingAtColumn(PaperListModel::BookmarkColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
                     Qt::Alignment(Qt::AlignCenter));
        }
        // Closed and opened again on the same library: the bookmark and the read state are there.
        Session s = open();
        QVERIFY(waitForRows(*s.window));
        QVERIFY(s.library->userState(bookmarkedId).bookmarked);
        auto *papers = qobject_cast<PaperListModel *>(s.window->paperProxy()->sourceModel());
        const QModelIndex row = papers->indexForId(bookmarkedId);
        QVERIFY(row.isValid());
        QVERIFY(row.data(PaperListModel::BookmarkedRole).toBool());
        QVERIFY(row.data(PaperListModel::ReadRole).toBool());
        QVERIFY(s.window->selectPaper(bookmarkedId));
    }

    void onlyWebPagesGoToTheBrowser()
    {
        const QString folder = m_dir.filePath(u"links"_s);
        QVERIFY(writeFile(folder + u"/2025/03/01.md"_s, linkDigest));
        Session s = open(m_dir.filePath(u"links-library"_s));
        QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
        s.window->openFolders({ folder });
        QVERIFY(imported.wait(30000));
        QCOMPARE(s.window->paperProxy()->rowCount(), 3);

        BrowserSpy browser({ u"https"_s, u"http"_s, u"file"_s, u"foo"_s });
        // The spy sees what the desktop would get, files too.
        QVERIFY(QDesktopServices::openUrl(QUrl(u"foo://spy"_s)));
        QVERIFY(QDesktopServices::openUrl(QUrl(u"file:///spy"_s)));
        QCOMPARE(browser.opened, (QList<QUrl> { QUrl(u"foo://spy"_s), QUrl(u"file:///spy"_s) }));
        browser.opened.clear();

        QTreeView *list = s.window->paperListView();
        list->setFocus();
        for (const QString &id : { u"file:///etc/passwd"_s, u"foo://bar"_s }) {
            QVERIFY2(s.window->selectPaper(id), qPrintable(id));
            s.window->statusBar()->clearMessage();
            QTest::keyClick(list, Qt::Key_Return); // Enter
            QVERIFY2(browser.opened.isEmpty(), qPrintable(browser.opened.value(0).toString()));
            QVERIFY2(s.window->statusBar()->currentMessage().contains(u"Not opened"_s),
                     qPrintable(s.window->statusBar()->currentMessage()));
            QVERIFY(s.window->statusBar()->currentMessage().contains(id));
            QVERIFY(doubleClickCurrent(list));
            QVERIFY(browser.opened.isEmpty());
        }
        // A link in the pane takes the same way.
        for (const QUrl &url : { QUrl(u"file:///etc/passwd"_s), QUrl(u"foo://bar"_s), QUrl(u"https:///no-host"_s) }) {
            s.window->statusBar()->clearMessage();
            Q_EMIT s.view->externalLinkRequested(url);
            QVERIFY(browser.opened.isEmpty());
            QVERIFY(s.window->statusBar()->currentMessage().contains(u"Not opened"_s));
        }

        // A web page opens, from the list and from the pane.
        QVERIFY(s.window->selectPaper(u"https://example.org/paper"_s));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(browser.opened, QList<QUrl> { QUrl(u"https://example.org/paper"_s) });
        QVERIFY(doubleClickCurrent(list));
        QCOMPARE(browser.opened.size(), 2);
        Q_EMIT s.view->externalLinkRequested(QUrl(u"https://arxiv.org/pdf/2305.18290"_s));
        QCOMPARE(browser.opened.constLast(), QUrl(u"https://arxiv.org/pdf/2305.18290"_s));
    }

    void lastPaperIsWindowStateNotUserData()
    {
        QString legacyId;
        {
            // What an earlier version left: the last paper in the user database's settings.
            Session s = open();
            QVERIFY(waitForRows(*s.window));
            QVERIFY(s.window->paperProxy()->rowCount() >= 3);
            legacyId = s.window->paperProxy()->index(2, 0).data(PaperListModel::IdRole).toString();
        }
        QSettings().remove(u"window/lastPaper"_s);
        {
            std::unique_ptr<Library> library = std::move(Library::open(m_libraryDir).value().library);
            QVERIFY(library);
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"legacy"_s);
            db.setDatabaseName(library->userDataPath());
            QVERIFY(db.open());
            QSqlQuery write(db);
            QVERIFY(write.prepare(u"INSERT OR REPLACE INTO settings(key, value) VALUES ('lastPaper', ?)"_s));
            write.addBindValue(legacyId);
            QVERIFY(write.exec());
        }
        QSqlDatabase::removeDatabase(u"legacy"_s);

        QString shownId;
        {
            Session s = open();
            s.window->showLastPaper(); // still found where it was, once the rows are in
            QVERIFY(s.window->isLoading());
            QVERIFY(waitForRows(*s.window));
            QCOMPARE(s.window->currentPaperId(), legacyId);
            shownId = s.window->paperProxy()->index(0, 0).data(PaperListModel::IdRole).toString();
            QVERIFY(shownId != legacyId);
            QVERIFY(s.window->selectPaper(shownId));
            s.window->close();
        }
        QCOMPARE(QSettings().value(u"window/lastPaper"_s).toString(), shownId);
        Session s = open();
        QVERIFY(waitForRows(*s.window));
        s.window->showLastPaper(); // from the window's settings now
        QCOMPARE(s.window->currentPaperId(), shownId);
    }

    void newDigestsInTheWatchedFolderAppearOnTheirOwn()
    {
        Session s = open();
        QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
        s.window->rescan();
        QVERIFY(imported.wait(30000));
        const int before = s.window->paperProxy()->rowCount();
        // The paper read stays current through the import, and is brought back into view.
        QTreeView *list = s.window->paperListView();
        const QString kept = s.window->paperProxy()->index(before - 1, 0).data(PaperListModel::IdRole).toString();
        s.window->resize(900, 360); // fewer rows than the list has fit
        QVERIFY(s.window->selectPaper(kept));
        list->scrollToTop();
        QVERIFY(!list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
        QVERIFY(writeFile(m_digests + u"/2025/02/03.md"_s,
                          "## Daily Papers (2025-02-03)\n\n### [감시 테스트: A Watched Paper](https://arxiv.org/abs/2502.00001)\n\n"
                          "Vote: 5\n\n- 폴더를 지켜보다가 새 파일을 스스로 읽어 들입니다.\n"));
        QTRY_COMPARE_WITH_TIMEOUT(s.window->paperProxy()->rowCount(), before + 1, 15000);
        QCOMPARE(s.window->currentPaperId(), kept);
        QTRY_VERIFY(list->viewport()->rect().intersects(list->visualRect(list->currentIndex())));
    }

    void showsAtOnceThenTheRows()
    {
        Session s = open();
        // The constructor has returned without reading the index: the list waits, and says so.
        QVERIFY(s.window->isLoading());
        QCOMPARE(s.window->paperProxy()->rowCount(), 0);
        QCOMPARE(s.window->statusText(), u"Loading the library…"_s);
        QVERIFY(!s.window->selectPaper(u"2406.00700"_s));
        QSignalSpy loaded(s.window.get(), &MainWindow::rowsLoaded);
        QVERIFY(loaded.wait(30000));
        QVERIFY(!s.window->isLoading());
        const int papers = int(s.library->search({}).value().size());
        QVERIFY(papers > 20);
        QCOMPARE(s.window->paperProxy()->rowCount(), papers);
        QCOMPARE(s.window->statusText(), u"%1 of %1 papers"_s.arg(papers));
        auto *dates = qobject_cast<DateTreeModel *>(s.window->dateTreeView()->model());
        QCOMPARE(dates->allIndex().siblingAtColumn(DateTreeModel::PapersColumn).data(DateTreeModel::PapersRole).toInt(), papers);
        QVERIFY(dates->newIndex().isValid()); // the New node comes with the rows
        QCOMPARE(s.window->dateTreeView()->currentIndex(), dates->allIndex());
    }

    // The rows' first paint is a turn of its own: the place and the first paper come after it,
    // not in the same turn (at ten years the two had been one stall of some 50 ms). Offscreen a
    // paint comes before any timer; under X it waits for one of 5 ms, as the arrival's did.
    void theRowsShowBeforeThePlaceIsTaken()
    {
        const QString libraryDir = m_dir.filePath(u"first-paint-library"_s);
        QVERIFY(std::move(Library::open(libraryDir).value().library)->import({ m_digests }).ok());
        Session s = open(libraryDir);
        QTreeView *list = s.window->paperListView();
        QList<bool> arrivingAtPaintsWithRows;
        // Input can come between the rows going in and their first paint: a timer started as
        // they go in (what comes after the list's layout) fires before that paint.
        bool aTurnPassed = false;
        QList<bool> aTurnPassedAtPaintsWithRows;
        connect(list->model(), &QAbstractItemModel::modelReset, this,
                [&] { QTimer::singleShot(0, this, [&] { aTurnPassed = true; }); });
        const PaintWatch watch(list->viewport(), [&] {
            if (list->model()->rowCount() > 0) {
                arrivingAtPaintsWithRows += s.window->isLoading();
                aTurnPassedAtPaintsWithRows += aTurnPassed;
            }
        });
        QVERIFY(waitForRows(*s.window));
        QVERIFY(!arrivingAtPaintsWithRows.isEmpty());
        QCOMPARE(arrivingAtPaintsWithRows.first(), true);
        QCOMPARE(aTurnPassedAtPaintsWithRows.first(), true);

        // A window not shown does not paint: its rows arrive all the same.
        auto *view = new RecordingView;
        auto hidden = std::make_unique<MainWindow>(*s.library, s.thumbnails.get(), view);
        view->setParent(hidden.get());
        QVERIFY(waitForRows(*hidden));
        QCOMPARE(hidden->paperProxy()->rowCount(), s.window->paperProxy()->rowCount());
        QVERIFY(!hidden->currentPaperId().isEmpty());
    }

    void anImportAskedForWhileLoadingComesAfterTheRows()
    {
        const QString digests = m_dir.filePath(u"ordering-digests"_s);
        const QString libraryDir = m_dir.filePath(u"ordering-library"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), digests));
        int before = 0;
        {
            std::unique_ptr<Library> library = std::move(Library::open(libraryDir).value().library);
            QVERIFY(library->import({ digests }).ok());
            before = int(library->search({}).value().size());
        }
        QVERIFY(writeFile(digests + u"/2025/02/04.md"_s,
                          "## Daily Papers (2025-02-04)\n\n### [순서 테스트: An Ordered Paper](https://arxiv.org/abs/2502.00002)\n\n"
                          "Vote: 5\n\n- 시작할 때 읽은 행보다 가져오기의 행이 나중에 옵니다.\n"));

        Session s = open(libraryDir);
        QVERIFY(s.window->isLoading());
        QStringList events;
        connect(s.window.get(), &MainWindow::rowsLoaded, this,
                [&] { events += u"loaded %1"_s.arg(s.window->paperProxy()->rowCount()); });
        connect(s.window.get(), &MainWindow::importFinished, this,
                [&] { events += u"imported %1"_s.arg(s.window->paperProxy()->rowCount()); });
        QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
        s.window->rescan(); // before the rows are in: it waits for the read, and its rows win
        QVERIFY(s.window->isImporting());
        QVERIFY(imported.wait(30000));
        QCOMPARE(events, (QStringList { u"loaded %1"_s.arg(before), u"imported %1"_s.arg(before + 1) }));
        QVERIFY(s.window->selectPaper(u"2502.00002"_s));
    }

    void aPlaceChosenAsTheFirstRowsShowIsKept()
    {
        const QString libraryDir = m_dir.filePath(u"chosen-first-library"_s);
        QVERIFY(std::move(Library::open(libraryDir).value().library)->import({ m_digests }).ok());
        Session s = open(libraryDir);
        QTreeView *tree = s.window->dateTreeView();
        auto *dates = qobject_cast<DateTreeModel *>(tree->model());
        bool chosen = false;
        const PaintWatch watch(s.window->paperListView()->viewport(), [&] {
            if (!chosen && s.window->paperProxy()->rowCount() > 0) {
                chosen = true;
                tree->setCurrentIndex(dates->bookmarksIndex());
            }
        });
        QVERIFY(waitForRows(*s.window));
        QVERIFY(chosen);
        QCOMPARE(tree->currentIndex(), dates->bookmarksIndex());
    }

    void aPlaceChosenAsAnImportsRowsShowIsKept()
    {
        const QString digests = m_dir.filePath(u"chosen-place-digests"_s);
        const QString libraryDir = m_dir.filePath(u"chosen-place-library"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), digests));
        QVERIFY(std::move(Library::open(libraryDir).value().library)->import({ digests }).ok());
        Session s = open(libraryDir);
        QVERIFY(waitForRows(*s.window));
        QTreeView *tree = s.window->dateTreeView();
        auto *dates = qobject_cast<DateTreeModel *>(tree->model());
        QCOMPARE(tree->currentIndex(), dates->allIndex());
        const int before = s.window->paperProxy()->rowCount();

        QVERIFY(writeFile(digests + u"/2025/02/05.md"_s,
                          "## Daily Papers (2025-02-05)\n\n### [고른 자리: A Place Chosen](https://arxiv.org/abs/2502.00005)\n\n"
                          "Vote: 3\n\n- 가져오기의 행이 보이는 동안 고른 자리가 남습니다.\n"));
        // The user picks Bookmarks as the import's rows first show, before the window has
        // gone back to the place it kept.
        bool chosen = false;
        const PaintWatch watch(s.window->paperListView()->viewport(), [&] {
            if (!chosen && s.window->paperProxy()->rowCount() == before + 1) {
                chosen = true;
                tree->setCurrentIndex(dates->bookmarksIndex());
            }
        });
        QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
        s.window->rescan();
        QVERIFY(imported.wait(30000));
        QVERIFY(chosen);
        QCOMPARE(tree->currentIndex(), dates->bookmarksIndex());
    }

    void aFailedReadIsSaidNotShownAsAnEmptyLibrary()
    {
        const QString libraryDir = m_dir.filePath(u"failing-library"_s);
        std::unique_ptr<Library> library = std::move(Library::open(libraryDir).value().library);
        QVERIFY(library->import({ m_digests }).ok());
        // Damaged after the library opened it: the worker's read fails.
        QFile index(library->indexPath());
        QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
        index.write(QByteArray(8192, 'x'));
        index.close();
        ThumbnailCache thumbnails(m_dir.filePath(u"cache"_s));
        thumbnails.setEnabled(false);
        auto *view = new RecordingView;
        MainWindow window(*library, &thumbnails, view);
        view->setParent(&window);
        QStringList said;
        connect(window.statusBar(), &QStatusBar::messageChanged, this, [&](const QString &message) { said += message; });
        QVERIFY(waitForRows(window));
        QVERIFY2(said.join(u'\n').contains(u"the index is damaged"_s), qPrintable(said.join(u'\n')));
        QCOMPARE(window.paperProxy()->rowCount(), 0);
        QVERIFY2(!window.statusText().contains(u"0"_s), qPrintable(window.statusText())); // no "0 of 0 papers"
        QVERIFY(!window.statusText().contains(u"Loading"_s));
    }

    // The import's rows are filled in with the user's state on its worker, as it was when the
    // import began: a bookmark made while it ran must not be undone by them.
    void aBookmarkWhileAnImportRunsStays()
    {
        Session s = open();
        QVERIFY(waitForRows(*s.window));
        // Ctrl+D is the window's shortcut: it fires only once the window is active, which a
        // busy machine had not made it yet (the bookmark was not set).
        QVERIFY(QTest::qWaitForWindowActive(s.window.get()));
        auto *papers = qobject_cast<PaperListModel *>(s.window->paperProxy()->sourceModel());
        auto *dates = qobject_cast<DateTreeModel *>(s.window->dateTreeView()->model());
        QString id;
        for (int row = 0; row < papers->rowCount() && id.isEmpty(); ++row) {
            if (!papers->paperAt(row).bookmarked)
                id = papers->paperAt(row).id;
        }
        QVERIFY(!id.isEmpty());
        const int bookmarksBefore = dates->bookmarksIndex().siblingAtColumn(DateTreeModel::PapersColumn).data(DateTreeModel::PapersRole).toInt();
        QVERIFY(writeFile(m_digests + u"/2025/03/04.md"_s,
                          "## Daily Papers (2025-03-04)\n\n### [가져오는 중: A Paper Read Meanwhile](https://arxiv.org/abs/2503.00004)\n\n"
                          "Vote: 2\n\n- 가져오는 동안 책갈피를 답니다.\n"));

        QSignalSpy imported(s.window.get(), &MainWindow::importFinished);
        s.window->rescan();
        // Before the import can end (its end is a queued call to this thread).
        QVERIFY(s.window->selectPaper(id));
        QTest::keyClick(s.window->paperListView(), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(s.library->userState(id).bookmarked);
        QVERIFY(imported.wait(30000));

        QVERIFY(papers->indexOfId(u"2503.00004"_s) >= 0); // the import's rows are in
        QVERIFY(papers->indexForId(id).data(PaperListModel::BookmarkedRole).toBool());
        QCOMPARE(dates->bookmarksIndex().siblingAtColumn(DateTreeModel::PapersColumn).data(DateTreeModel::PapersRole).toInt(), bookmarksBefore + 1);
    }

    void aSyncThatBroughtUserStateMarksTheList()
    {
        Session s = open();
        QVERIFY(waitForRows(*s.window));
        auto *papers = qobject_cast<PaperListModel *>(s.window->paperProxy()->sourceModel());
        auto *dates = qobject_cast<DateTreeModel *>(s.window->dateTreeView()->model());
        // Two papers no one has touched here.
        QStringList ids;
        for (int row = 0; row < papers->rowCount() && ids.size() < 2; ++row) {
            const PaperRow &paper = papers->paperAt(row);
            if (!paper.bookmarked && !paper.read && paper.id != s.window->currentPaperId()) // that one is read soon
                ids += paper.id;
        }
        QCOMPARE(ids.size(), 2);

        // Another machine bookmarked one and read the other.
        const QString folder = m_dir.filePath(u"shared"_s);
        QVERIFY(QDir().mkpath(syncfolder::directory(folder)));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<UserField> fields { { u"paper"_s, ids[0], u"bookmarked"_s, u"2026-01-01T10:00:00.000Z"_s, now, u"0ther"_s },
                                        { u"paper"_s, ids[1], u"read"_s, u"2026-01-01T10:00:00.000Z"_s, now, u"0ther"_s } };
        QVERIFY(writeUserDataFile(syncfolder::fileOf(folder, u"0ther"_s), toJson({ u"0ther"_s, u"laptop"_s, fields })));
        auto *sync = s.window->findChild<SyncController *>();
        QVERIFY(sync);
        QSignalSpy changed(sync, &SyncController::userDataChanged);
        sync->setFolder(folder);
        QVERIFY(changed.wait(20000));

        QCOMPARE(papers->indexForId(ids[0], PaperListModel::BookmarkColumn).data().toString(), u"★"_s);
        QVERIFY(papers->indexForId(ids[0]).data(PaperListModel::BookmarkedRole).toBool());
        QVERIFY(papers->indexForId(ids[1]).data(PaperListModel::ReadRole).toBool());
        QVERIFY(!papers->indexForId(ids[1]).data(PaperListModel::BookmarkedRole).toBool());
        // The tree counts what the list now shows.
        int bookmarked = 0;
        int unread = 0;
        for (int row = 0; row < papers->rowCount(); ++row) {
            bookmarked += papers->paperAt(row).bookmarked ? 1 : 0;
            unread += papers->paperAt(row).read ? 0 : 1;
        }
        QCOMPARE(dates->bookmarksIndex().siblingAtColumn(DateTreeModel::PapersColumn).data(DateTreeModel::PapersRole).toInt(),
                 bookmarked);
        QCOMPARE(dates->allIndex().siblingAtColumn(DateTreeModel::UnreadColumn).data(DateTreeModel::UnreadRole).toInt(), unread);
        QCOMPARE(bookmarked, int(s.library->bookmarkIds().value().size()));
        // The unread-only filter follows what came in.
        s.window->filterBar()->setUnreadOnly(true);
        QVERIFY(!s.window->paperProxy()->mapFromSource(papers->indexForId(ids[1])).isValid());
        QVERIFY(s.window->paperProxy()->mapFromSource(papers->indexForId(ids[0])).isValid());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
