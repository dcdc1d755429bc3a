#include "mainwindow.h"

#include "aboutdialog.h"
#include "icons.h"

#include "datetreemodel.h"
#include "exportdialog.h"
#include "externallink.h"
#include "filterbar.h"
#include "folderwatcher.h"
#include "freedmemory.h"
#include "helpdialog.h"
#include "importcontroller.h"
#include "newscontroller.h"
#include "insightsview.h"
#include "library.h"
#include "paperfilterproxy.h"
#include "paperid.h"
#include "paperitemdelegate.h"
#include "paperlistmodel.h"
#include "readeractions.h"
#include "similarityservice.h"
#include "sourceview.h"
#include "synccontroller.h"
#include "thumbnailcache.h"
#include "webpaperview.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr auto kReadAfter = std::chrono::milliseconds(1500); // shown this long, a paper counts as read
constexpr auto kArrivalAtLatest = std::chrono::milliseconds(100); // after the rows, where the list does not paint them
} // namespace

MainWindow::MainWindow(Library &library, ThumbnailCache *thumbnails, PaperView *paperView, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_thumbnailCache(thumbnails)
    , m_syntaxRepository(std::make_unique<KSyntaxHighlighting::Repository>())
    , m_paperModel(new PaperListModel(this))
    , m_paperProxy(new PaperFilterProxy(this))
    , m_dateModel(new DateTreeModel(this))
    , m_userData(library, m_paperModel, m_dateModel)
    , m_importController(new ImportController(library, this))
    , m_folderWatcher(new FolderWatcher(this))
    , m_pane(paperView)
{
    m_thumbnailCache->setEnabled(m_settings.remoteImages()); // before the pane renders its first page
    m_paperProxy->setSourceModel(m_paperModel);
    buildLayout();
    QAction *copyBibTeX = addCopyBibTeXAction(this, [this] { return papersOrReport(selectedIds()); });
    m_actions = new ReaderActions(this, m_dateTree, m_paperList, m_tabs, copyBibTeX);
    connectActions();
    connectImports();
    m_news = new NewsController(this, library, m_dateModel, m_actions);
    m_sync = new SyncController(library, this); // Settings › Sync Folder…; syncs after each change saved
    m_userData.setOnChanged([this] { m_sync->scheduleSync(); });
    connect(m_sync, &SyncController::userDataChanged, this, [this] {
        // Only the user's data came in: the rows are as they were, and comparing and showing
        // their marks costs 15 to 45 ms at ten years. (Rows still being read are compared
        // with the store when they arrive.)
        m_userData.showStoredStates();
        updateStatus();
        showCurrentPaper();
    });
    connect(m_news, &NewsController::savedSearchesEdited, m_sync, &SyncController::scheduleSync);
    connect(m_sync, &SyncController::savedSearchesChanged, m_news, &NewsController::refreshNews);
    connectDiscover();

    m_markReadTimer.setSingleShot(true);
    m_markReadTimer.setInterval(kReadAfter);
    connect(&m_markReadTimer, &QTimer::timeout, this, &MainWindow::markCurrentRead);
    m_arrivalTimer.setSingleShot(true);
    m_paperList->viewport()->installEventFilter(this); // the arrival follows the rows' first paint
    connect(&m_arrivalTimer, &QTimer::timeout, this, &MainWindow::completeArrival);

    setWindowTitle(u"Hanji"_s);
    // The rows come from the worker: reading ten years here kept the window from showing.
    m_countLabel->setText(tr("Loading the library…"));
    connect(m_importController, &ImportController::loaded, this, &MainWindow::onRowsLoaded);
    m_importController->load();
    if (!m_settings.restoreLayout(this, m_splitter, m_paperList->header()))
        resize(1440, 880); // first start: room for three panes
    rebuildRecentMenu();
    const QStringList folders = libraryFolders();
    m_folderWatcher->watch(folders);
    if (folders.isEmpty()) // a first start: say where to begin, until a folder is opened
        statusBar()->showMessage(tr("Open a folder of Daily Papers digests with File › Open Folder (Ctrl+O)."));
}

void MainWindow::onRowsLoaded()
{
    completeArrival(); // of rows read before these
    Result<LoadedRows> loaded = m_importController->takeLoaded();
    if (!loaded) {
        m_loading = false;
        m_countLabel->clear(); // no count: the library is not empty, it could not be read
        report(loaded.error().message);
        finishLoading();
        return;
    }
    const Place kept = place();
    m_filterBar->setVoteCeiling(loaded->voteCeiling);
    m_dateModel->setCensus(std::move(loaded->dates));
    holdRowsPaint();
    m_paperModel->setPrepared(std::move(loaded->papers));
    // The rest once the list has shown the rows, in a turn of its own, so that input comes
    // between: the rows' sort, their first paint and the place with the first paper shown are
    // blocks of some 20, 35 and 10 ms at ten years, and the last two ran as one when both were
    // due at once. A timer: a queued call (or a timer of 0 ms, which Qt makes one) runs before
    // any input or timer could. At the latest in a moment where the list does not paint (a
    // window not shown, or covered).
    arriveAfterRowsPaint([this, kept, left = place(), states = std::move(loaded->states)] {
        m_loading = false;
        // A bookmark or a sync while the rows were read: they have the state from before.
        if (!states.isSharedWith(m_library.userStore().states()))
            m_userData.showStoredStates();
        returnUnlessMoved(kept, left);
        releaseFreedMemoryElsewhere(); // what the load and the rows before took
        finishLoading();
    });
}

void MainWindow::arriveAfterRowsPaint(std::function<void()> arrival)
{
    m_arrival = std::move(arrival);
    m_arrivalTimer.start(m_paperList->isVisible() ? kArrivalAtLatest : std::chrono::milliseconds(1));
}

// Called before the rows change: the list's area is painted two turns later, after the turn of
// the list's layout of its rows (a 0 ms timer). Qt runs a timer that came due, then the paints
// posted meanwhile, and only then input: the rows' sort, their layout and their paint (at ten
// years 12, 16 and 30–40 ms under X) ran as one stall.
void MainWindow::holdRowsPaint()
{
    QWidget *rowsArea = m_paperList->viewport();
    rowsArea->setUpdatesEnabled(false);
    QTimer::singleShot(std::chrono::milliseconds(1), rowsArea, [rowsArea] {
        QTimer::singleShot(std::chrono::milliseconds(1), rowsArea, [rowsArea] { rowsArea->setUpdatesEnabled(true); });
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_paperList->viewport() && event->type() == QEvent::Paint && m_arrival) {
        // Timed from the paint's end, so that what came due meanwhile (input, a timer) goes first.
        QMetaObject::invokeMethod(this, [this] {
            if (m_arrival)
                m_arrivalTimer.start(std::chrono::milliseconds(1));
        }, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

// Now, if the rows' arrival still waits for its turn: an import that finished meanwhile
// brings rows read after them, which must come second.
void MainWindow::completeArrival()
{
    m_arrivalTimer.stop();
    if (const std::function<void()> arrival = std::exchange(m_arrival, {}))
        arrival();
}

void MainWindow::finishLoading()
{
    m_news->start(); // its New and saved search nodes count the rows
    if (std::exchange(m_showLastPaperWhenLoaded, false))
        showLastPaper();
    Q_EMIT rowsLoaded();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_dateTree = new QTreeView(this);
    m_dateTree->setModel(m_dateModel);
    m_dateTree->setUniformRowHeights(true);
    m_dateTree->header()->setStretchLastSection(false);
    m_dateTree->header()->setSectionResizeMode(DateTreeModel::NameColumn, QHeaderView::Stretch);
    m_dateTree->header()->setSectionResizeMode(DateTreeModel::PapersColumn, QHeaderView::ResizeToContents);
    m_dateTree->header()->setSectionResizeMode(DateTreeModel::UnreadColumn, QHeaderView::ResizeToContents);
    m_dateTree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_dateTree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onScopeSelected);

    m_filterBar = new FilterBar(this);
    m_paperList = new QTreeView(this);
    m_paperList->setModel(m_paperProxy);
    m_paperList->setRootIsDecorated(false);
    m_paperList->setUniformRowHeights(true); // 50,000 rows: row heights must not be measured one by one
    m_paperList->setAllColumnsShowFocus(true);
    m_paperList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paperList->setSortingEnabled(true);
    m_paperList->setItemDelegate(new PaperItemDelegate(m_paperList));
    m_paperList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_paperList->sortByColumn(PaperListModel::DateColumn, Qt::DescendingOrder);
    QHeaderView *header = m_paperList->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PaperListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(PaperListModel::BookmarkColumn, 28);
    header->resizeSection(PaperListModel::VotesColumn, 56);
    header->resizeSection(PaperListModel::AuthorsColumn, 170);
    header->resizeSection(PaperListModel::DateColumn, 92);
    header->resizeSection(PaperListModel::ArxivIdColumn, 92);
    connect(m_paperList->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentPaperChanged);
    connect(m_paperList, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PaperListModel::BookmarkColumn)
            toggleBookmark();
    });
    connect(m_paperList, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.column() != PaperListModel::BookmarkColumn)
            openInBrowser();
    });

    connect(m_filterBar, &FilterBar::searchChanged, this, &MainWindow::runSearch);
    connect(m_filterBar, &FilterBar::voteRangeChanged, this, [this](int minimum, std::optional<int> maximum) {
        m_paperProxy->setVoteRange(minimum, maximum);
        updateStatus();
    });
    connect(m_filterBar, &FilterBar::bookmarkedOnlyChanged, this, [this](bool on) {
        m_paperProxy->setBookmarkedOnly(on);
        updateStatus();
    });
    connect(m_filterBar, &FilterBar::unreadOnlyChanged, this, [this](bool on) {
        m_paperProxy->setUnreadOnly(on);
        updateStatus();
    });

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_paperList);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    if (!m_pane)
        m_pane = new WebPaperView(m_thumbnailCache, m_tabs);
    else
        m_pane->widget()->setParent(m_tabs);
    connect(m_pane, &PaperView::externalLinkRequested, this, &MainWindow::openLink);
    m_sourceView = new SourceView(m_syntaxRepository.get(), m_tabs);
    m_tabs->addTab(m_pane->widget(), tr("Summary"));
    m_tabs->addTab(m_sourceView, tr("Markdown Source"));
    m_insights = new InsightsView(m_paperProxy, m_paperModel, m_tabs);
    m_tabs->addTab(m_insights, tr("Insights"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_dateTree);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setSizes({ 210, 700, 530 });
    setCentralWidget(m_splitter);

    m_countLabel = new QLabel(this);
    // A gap: a passing message too long for the bar is cut where the count begins, and ran
    // into it ("…Hugging Face dai3,256 of 3,256 papers").
    m_countLabel->setContentsMargins(16, 0, 0, 0);
    m_importProgress = new QProgressBar(this);
    m_importProgress->setMaximumWidth(220);
    m_importProgress->setFormat(tr("Importing %v/%m"));
    m_importProgress->hide();
    m_cancelImport = new QToolButton(this);
    m_cancelImport->setText(tr("Cancel"));
    m_cancelImport->setIcon(actionIcon("process-stop"));
    m_cancelImport->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelImport->setToolTip(tr("Stops the import. The files already read stay."));
    m_cancelImport->hide();
    statusBar()->addPermanentWidget(m_countLabel); // permanent: passing messages must not hide it
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_cancelImport);
}

void MainWindow::connectActions()
{
    connect(m_actions->openFolder, &QAction::triggered, this, &MainWindow::askForFolder);
    connect(m_actions->rescan, &QAction::triggered, this, [this] { m_news->reload(); }); // F5: update, then re-read
    connect(m_actions->exportPapers, &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(m_actions->quit, &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->bookmark, &QAction::triggered, this, &MainWindow::toggleBookmark);
    connect(m_actions->editNote, &QAction::triggered, this, &MainWindow::editNote);
    connect(m_actions->toggleRead, &QAction::triggered, this, &MainWindow::toggleRead);
    connect(m_actions->openInBrowser, &QAction::triggered, this, &MainWindow::openInBrowser);
    connect(m_actions->copyLink, &QAction::triggered, this, &MainWindow::copyLink);
    connect(m_actions->markScopeRead, &QAction::triggered, this, &MainWindow::markScopeRead);
    connect(m_actions->find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    connect(m_actions->nextPaper, &QAction::triggered, this, [this] { moveSelection(1); });
    connect(m_actions->previousPaper, &QAction::triggered, this, [this] { moveSelection(-1); });
    connect(m_actions->pageDown, &QAction::triggered, m_pane, &PaperView::scrollPage);
    connect(m_actions->pageUp, &QAction::triggered, m_pane, &PaperView::scrollPageBack);
    connect(m_actions->shortcuts, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);

    m_actions->remoteImages->setChecked(m_thumbnailCache->isEnabled());
    connect(m_actions->remoteImages, &QAction::toggled, this, [this](bool on) {
        m_thumbnailCache->setEnabled(on);
        m_settings.setRemoteImages(on);
        showCurrentPaper();
    });
}

void MainWindow::connectImports()
{
    connect(m_importController, &ImportController::started, this, [this] {
        m_importProgress->setRange(0, 0);
        m_importProgress->show();
        m_cancelImport->show();
    });
    connect(m_importController, &ImportController::progress, this, [this](int done, int total, const QString &file) {
        m_importProgress->setRange(0, total);
        m_importProgress->setValue(done);
        m_importProgress->setToolTip(file);
    });
    connect(m_importController, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_cancelImport, &QToolButton::clicked, m_importController, &ImportController::cancel);
    connect(m_folderWatcher, &FolderWatcher::changed, this, &MainWindow::rescan);
}

void MainWindow::connectDiscover()
{
    m_similarity = new SimilarityService(m_library.indexPath(), this);
    connect(m_similarity, &SimilarityService::ready, this, &MainWindow::showCurrentPaper);
    connect(m_similarity, &SimilarityService::failed, this, &MainWindow::report);
    connect(m_importController, &ImportController::finished, m_similarity,
            [this](const ImportReport &, bool rowsChanged) {
                if (rowsChanged)
                    m_similarity->rebuild(); // the papers changed
            });
    connect(m_pane, &PaperView::paperLinkRequested, this, [this](const QString &id) { selectPaper(id); });
    connect(m_insights, &InsightsView::searchRequested, m_filterBar->searchField(), &QLineEdit::setText);
    connect(m_insights, &InsightsView::dayRequested, this,
            [this](QDate day) { m_dateTree->setCurrentIndex(m_dateModel->indexForScope(DateScope::ofDay(day))); });
    connect(m_insights, &InsightsView::voteRangeRequested, this, [this](int minimum, std::optional<int> maximum) {
        m_filterBar->setMinimumVotes(minimum);
        m_filterBar->setMaximumVotes(maximum);
    });
    connect(m_dateTree->selectionModel(), &QItemSelectionModel::currentChanged, m_insights, &InsightsView::clearWeek);
    const auto rankLikeBookmarks = [this] {
        if (!m_filterBar->likeBookmarks())
            return m_paperProxy->setRanking(std::nullopt);
        const Result<QHash<QString, int>> ranking = m_similarity->readingListRanking(m_library);
        if (!ranking)
            report(ranking.error().message);
        m_paperProxy->setRanking(ranking.value_or(QHash<QString, int>()));
        updateStatus();
    };
    connect(m_filterBar, &FilterBar::likeBookmarksChanged, this, rankLikeBookmarks);
    connect(m_similarity, &SimilarityService::ready, this, rankLikeBookmarks);
    // Once the rows are in, not beside their reading: the two reads' peaks would add up.
    connect(this, &MainWindow::rowsLoaded, m_similarity, [this] {
        if (!m_similarity->isReady() && !m_similarity->isBuilding())
            m_similarity->rebuild();
    }, Qt::SingleShotConnection);
}

void MainWindow::showInsights(bool wide)
{
    m_tabs->setCurrentWidget(m_insights);
    if (wide)
        m_splitter->setSizes({ 200, 380, std::max(width() - 580, 600) });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.saveLayout(this, m_splitter, m_paperList->header());
    if (!m_currentId.isEmpty())
        m_settings.setLastPaper(m_currentId);
    m_importController->cancel();
    m_news->cancel();
    // What arrived until now is not new the next time.
    if (const Result<> ended = m_library.endSession(); !ended)
        qWarning("%s", qPrintable(ended.error().message));
    event->accept();
}

void MainWindow::showLastPaper()
{
    if (m_loading) {
        m_showLastPaperWhenLoaded = true;
        return;
    }
    const QString id = m_settings.lastPaper(m_library);
    if (!id.isEmpty())
        selectPaper(id);
}

void MainWindow::openFolders(const QStringList &folders)
{
    QStringList existing;
    for (const QString &folder : folders) {
        if (QFileInfo(folder).isDir()) {
            existing += QFileInfo(folder).absoluteFilePath();
            m_settings.addRecentFolder(existing.constLast());
        } else {
            report(tr("No such folder: %1").arg(folder));
        }
    }
    rebuildRecentMenu();
    if (existing.isEmpty())
        return;
    if (const Result<> added = m_importController->addAndImport(existing); !added) {
        report(added.error().message);
        return;
    }
    m_folderWatcher->watch(libraryFolders());
}

void MainWindow::rescan()
{
    const QStringList folders = libraryFolders();
    if (!folders.isEmpty())
        m_importController->start(folders);
}

bool MainWindow::isImporting() const { return m_importController->isRunning(); }

void MainWindow::onImportFinished(const ImportReport &report, bool rowsChanged)
{
    completeArrival();
    m_importProgress->hide();
    m_cancelImport->hide();
    const auto finish = [this, report] {
        if (const QString message = ImportController::describe(report); !message.isEmpty())
            this->report(message);
        m_news->importFinished(report);
        Q_EMIT importFinished(report);
    };
    if (!rowsChanged) {
        finish();
        return;
    }
    Result<LoadedRows> loaded = m_importController->takeLoaded();
    if (!loaded) {
        finish();
        this->report(loaded.error().message); // the list keeps the rows it had, and says so
        return;
    }
    // The place is kept once the list has shown the rows (as at the start-up): the import's
    // end, the list's layout and its paint were 25-39, 18-24 and 16-22 ms at ten years.
    const Place kept = place();
    setRows(std::move(*loaded));
    arriveAfterRowsPaint([this, kept, left = place(), finish] {
        returnUnlessMoved(kept, left);
        finish();
    });
}

MainWindow::Place MainWindow::place() const
{
    return { m_currentId, m_dateModel->scopeOf(m_dateTree->currentIndex()) };
}

void MainWindow::setRows(LoadedRows loaded)
{
    m_filterBar->setVoteCeiling(loaded.voteCeiling);
    m_dateModel->setCensus(std::move(loaded.dates));
    holdRowsPaint();
    m_paperModel->updatePrepared(std::move(loaded.papers));
    // A bookmark or a sync while the import ran: the rows have the state from before.
    if (!loaded.states.isSharedWith(m_library.userStore().states()))
        m_userData.showStoredStates();
}

void MainWindow::returnUnlessMoved(const Place &kept, const Place &left)
{
    returnTo(place() == left ? kept : place()); // a place the user chose as the rows showed wins
}

void MainWindow::returnTo(const Place &place)
{
    const DateScope &scope = place.scope;
    if (!m_dateTree->currentIndex().isValid() || m_dateModel->scopeOf(m_dateTree->currentIndex()) != scope)
        m_dateTree->setCurrentIndex(m_dateModel->indexForScope(scope));
    m_dateTree->expand(m_dateModel->allIndex()); // the years show at once
    if (!m_filterBar->searchText().isEmpty())
        runSearch(m_filterBar->searchText()); // new papers may match
    if (!place.paperId.isEmpty())
        keepPaper(place.paperId);
    updateStatus();
}

void MainWindow::keepPaper(const QString &id)
{
    const QModelIndex index = m_paperProxy->mapFromSource(m_paperModel->indexForId(id));
    if (!index.isValid())
        return;
    // Mostly the list kept it current itself. Scrolled to in a turn of its own: once rows went
    // in or out, the scroll made the list lay out all its rows at once, 39 ms of an import's
    // end at ten years; a little later that layout has been done in a turn apart.
    if (m_paperList->currentIndex().siblingAtColumn(0) != index.siblingAtColumn(0))
        m_paperList->setCurrentIndex(index);
    QTimer::singleShot(std::chrono::milliseconds(1), m_paperList, [this, id] {
        const QModelIndex current = m_paperList->currentIndex();
        if (current.data(PaperListModel::IdRole).toString() == id)
            m_paperList->scrollTo(current, QAbstractItemView::PositionAtCenter);
    });
}

void MainWindow::onScopeSelected()
{
    m_paperProxy->setScopeIds(m_dateModel->idsOf(m_dateTree->currentIndex())); // New, a saved search
    m_paperProxy->setScope(m_dateModel->scopeOf(m_dateTree->currentIndex()));
    updateStatus();
    if (!m_paperProxy->mapFromSource(m_paperModel->indexForId(m_currentId)).isValid() && m_paperProxy->rowCount() > 0)
        m_paperList->setCurrentIndex(m_paperProxy->index(0, PaperListModel::TitleColumn));
}

bool MainWindow::selectPaper(const QString &id)
{
    const QModelIndex index = m_paperProxy->mapFromSource(m_paperModel->indexForId(id));
    if (!index.isValid())
        return false;
    m_paperList->setCurrentIndex(index);
    m_paperList->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::onCurrentPaperChanged()
{
    const QModelIndex current = m_paperList->currentIndex();
    const QString id = current.data(PaperListModel::IdRole).toString();
    if (id == m_currentId)
        return;
    m_currentId = id;
    m_paperProxy->setPinnedId(id);
    showCurrentPaper();
    if (!id.isEmpty())
        m_markReadTimer.start();
}

void MainWindow::showCurrentPaper()
{
    Result<std::optional<Paper>> found = m_currentId.isEmpty() ? std::optional<Paper>() : m_library.paper(m_currentId);
    if (!found)
        report(found.error().message);
    const std::optional<Paper> paper = found.value_or(std::nullopt);
    if (!paper) {
        m_pane->clear();
        m_sourceView->setMarkdown(QString());
        return;
    }
    m_pane->setRelatedPapers(m_similarity->relatedLinks(paper->id, *m_paperModel, 8));
    m_pane->showPaper(*paper);
    m_sourceView->setMarkdown(paper->markdown);
}

void MainWindow::runSearch(const QString &text)
{
    if (text.isEmpty()) {
        m_paperProxy->setSearchMatches(std::nullopt);
    } else {
        // Unranked: the list keeps the column order the reader chose, and a one-letter query
        // over ten years need not be sorted twice.
        Result<QStringList> found = m_library.matchingIds({ .text = text });
        if (!found) {
            report(found.error().message); // the list stays as it was: an error is not "no papers"
            return;
        }
        m_paperProxy->setSearchMatches(std::move(*found));
    }
    updateStatus();
}

QString MainWindow::statusText() const { return m_countLabel->text(); }

void MainWindow::updateStatus()
{
    if (m_loading)
        return; // "Loading the library…" until the rows are in
    //: The status bar: how many papers the list shows (%L1) of all in the library (%Ln).
    m_countLabel->setText(tr("%L1 of %Ln papers", nullptr, m_paperModel->rowCount()).arg(m_paperProxy->rowCount()));
}

void MainWindow::toggleBookmark()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const Result<bool> bookmarked = m_userData.toggleBookmark(ids);
    if (!bookmarked) {
        report(bookmarked.error().message);
        return;
    }
    updateStatus();
    showCurrentPaper();
    statusBar()->showMessage(*bookmarked ? tr("Bookmarked.") : tr("Bookmark removed."), 2000);
}

void MainWindow::editNote()
{
    if (m_currentId.isEmpty())
        return;
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(this, tr("Note"), tr("A note on this paper (kept with its bookmark):"),
                                                        m_userData.state(m_currentId).note, &ok);
    if (!ok)
        return;
    if (const Result<> saved = m_userData.setNote(m_currentId, note); !saved) {
        report(saved.error().message);
        return;
    }
    updateStatus();
    showCurrentPaper();
}

void MainWindow::toggleRead()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_markReadTimer.stop(); // the reader decides now
    if (const Result<bool> read = m_userData.toggleRead(ids); read)
        updateStatus();
    else
        report(read.error().message);
}

void MainWindow::markScopeRead()
{
    if (const auto ids = m_dateModel->idsOf(m_dateTree->currentIndex())) { // New, a saved search
        if (const Result<> marked = m_userData.markRead(QStringList(ids->cbegin(), ids->cend())); marked)
            updateStatus();
        else
            report(marked.error().message);
        return;
    }
    if (const Result<> marked = m_userData.markScopeRead(m_dateModel->scopeOf(m_dateTree->currentIndex())); marked)
        updateStatus();
    else
        report(marked.error().message);
}

void MainWindow::markCurrentRead()
{
    if (m_currentId.isEmpty())
        return;
    if (const Result<> marked = m_userData.markRead({ m_currentId }); marked)
        updateStatus();
    else
        report(marked.error().message);
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_paperProxy->rowCount();
    if (rows == 0)
        return;
    const int current = m_paperList->currentIndex().isValid() ? m_paperList->currentIndex().row() : (delta > 0 ? -1 : rows);
    const int next = std::clamp(current + delta, 0, rows - 1);
    const QModelIndex index = m_paperProxy->index(next, PaperListModel::TitleColumn);
    m_paperList->setCurrentIndex(index);
    m_paperList->scrollTo(index);
}

void MainWindow::openInBrowser()
{
    const QModelIndex current = m_paperList->currentIndex();
    if (!current.isValid())
        return;
    const QString arxivId = current.data(PaperListModel::ArxivIdRole).toString();
    const QString id = current.data(PaperListModel::IdRole).toString(); // a paper without an arXiv id: its link
    openLink(QUrl(arxivId.isEmpty() ? id : arxivAbstractUrl(arxivId)));
}

void MainWindow::openLink(const QUrl &url)
{
    if (const Result<> opened = openInSystemBrowser(url); !opened)
        report(opened.error().message);
}

void MainWindow::copyLink()
{
    QStringList links;
    for (const QString &id : selectedIds()) {
        const QModelIndex index = m_paperModel->indexForId(id);
        const QString arxivId = index.data(PaperListModel::ArxivIdRole).toString();
        links += arxivId.isEmpty() ? id : arxivAbstractUrl(arxivId);
    }
    if (links.isEmpty())
        return;
    QApplication::clipboard()->setText(links.join(u'\n'));
    statusBar()->showMessage(tr("Copied %Ln links.", nullptr, int(links.size())), 2000);
}

void MainWindow::showExportDialog()
{
    auto *dialog = new ExportDialog(
        [this](ExportSource source) {
            switch (source) {
            case ExportSource::Bookmarks:
                return papersOrReport(m_library.bookmarkIds().value_or(QStringList()));
            case ExportSource::Shown:
                return papersOrReport(shownIds());
            case ExportSource::Selected:
                break;
            }
            return papersOrReport(selectedIds());
        },
        this, m_syntaxRepository.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QStringList MainWindow::libraryFolders()
{
    Result<QStringList> folders = m_library.folders();
    if (!folders)
        report(folders.error().message);
    return folders.value_or(QStringList());
}

QList<Paper> MainWindow::papersOrReport(const QStringList &ids)
{
    Result<QList<Paper>> papers = m_library.papers(ids);
    if (!papers)
        report(papers.error().message); // the dialog says it has nothing; the status bar says why
    return papers.value_or(QList<Paper>());
}

void MainWindow::showHelp()
{
    auto *dialog = new HelpDialog(HelpDialog::fromActions(m_actions->shortcutActions()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_library.directory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::askForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a Folder of Paper Digests"),
                                                             libraryFolders().value(0, QDir::homePath()));
    if (!folder.isEmpty())
        openFolders({ folder });
}

void MainWindow::rebuildRecentMenu()
{
    QMenu *menu = m_actions->recentFolders;
    menu->clear();
    const QStringList recent = m_settings.recentFolders();
    for (const QString &folder : recent)
        menu->addAction(folder, this, [this, folder] { openFolders({ folder }); });
    menu->setEnabled(!recent.isEmpty());
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_paperList->selectionModel()->selectedRows(PaperListModel::TitleColumn))
        ids += index.data(PaperListModel::IdRole).toString();
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids += m_currentId;
    return ids;
}

QStringList MainWindow::shownIds() const
{
    QStringList ids;
    ids.reserve(m_paperProxy->rowCount());
    for (int row = 0; row < m_paperProxy->rowCount(); ++row)
        ids += m_paperProxy->index(row, 0).data(PaperListModel::IdRole).toString();
    return ids;
}

void MainWindow::report(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

} // namespace hanji
