#include "mainwindow.h"

#include "datetreemodel.h"
#include "exportdialog.h"
#include "exporter.h"
#include "filterbar.h"
#include "folderwatcher.h"
#include "helpdialog.h"
#include "importcontroller.h"
#include "library.h"
#include "paperfilterproxy.h"
#include "paperid.h"
#include "paperitemdelegate.h"
#include "paperlistmodel.h"
#include "sourceview.h"
#include "thumbnailcache.h"
#include "webpaperview.h"

#include <KSyntaxHighlighting/Repository>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

constexpr int kMaxRecentFolders = 8;
constexpr auto kReadAfter = std::chrono::milliseconds(1500); // shown this long, a paper counts as read

} // namespace

MainWindow::MainWindow(Library &library, ThumbnailCache *thumbnails, PaperView *paperView, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_thumbnails(thumbnails)
    , m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
    , m_papers(new PaperListModel(this))
    , m_proxy(new PaperFilterProxy(this))
    , m_dates(new DateTreeModel(this))
    , m_importer(new ImportController(library.indexPath(), this))
    , m_watcher(new FolderWatcher(this))
    , m_view(paperView)
{
    m_proxy->setSourceModel(m_papers);
    buildLayout();
    buildActions();

    m_markReadTimer.setSingleShot(true);
    m_markReadTimer.setInterval(kReadAfter);
    connect(&m_markReadTimer, &QTimer::timeout, this, [this] {
        if (!m_currentId.isEmpty() && !m_library.userState(m_currentId).read) {
            if (const Result<> marked = m_library.setRead({ m_currentId }, true))
                updateUserState({ m_currentId });
            else
                report(marked.error().message);
        }
    });

    connect(m_importer, &ImportController::started, this, [this] {
        m_progress->setRange(0, 0);
        m_progress->show();
        m_cancel->show();
    });
    connect(m_importer, &ImportController::progress, this, [this](int done, int total, const QString &file) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setToolTip(file);
    });
    connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_watcher, &FolderWatcher::changed, this, &MainWindow::rescan);

    setWindowTitle(u"Hanji"_s);
    reloadRows();
    restoreSettings();
    const QStringList folders = libraryFolders();
    m_watcher->watch(folders);
    if (folders.isEmpty()) // a first start: say where to begin, until a folder is opened
        statusBar()->showMessage(tr("파일 › 폴더 열기(Ctrl+O)로 Daily Papers 요약 폴더를 여세요."));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_tree = new QTreeView(this);
    m_tree->setModel(m_dates);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DateTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(DateTreeModel::PapersColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DateTreeModel::UnreadColumn, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onScopeSelected);

    m_filterBar = new FilterBar(this);
    m_list = new QTreeView(this);
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // 50,000 rows: row heights must not be measured one by one
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->setItemDelegate(new PaperItemDelegate(m_list));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->sortByColumn(PaperListModel::DateColumn, Qt::DescendingOrder);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PaperListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(PaperListModel::BookmarkColumn, 28);
    header->resizeSection(PaperListModel::VotesColumn, 56);
    header->resizeSection(PaperListModel::AuthorsColumn, 170);
    header->resizeSection(PaperListModel::DateColumn, 92);
    header->resizeSection(PaperListModel::ArxivIdColumn, 92);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentPaperChanged);
    connect(m_list, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PaperListModel::BookmarkColumn)
            toggleBookmark();
    });
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.column() != PaperListModel::BookmarkColumn)
            openInBrowser();
    });

    connect(m_filterBar, &FilterBar::searchChanged, this, &MainWindow::runSearch);
    connect(m_filterBar, &FilterBar::voteRangeChanged, this, [this](int minimum, std::optional<int> maximum) {
        m_proxy->setVoteRange(minimum, maximum);
        updateStatus();
    });
    connect(m_filterBar, &FilterBar::bookmarkedOnlyChanged, this, [this](bool on) {
        m_proxy->setBookmarkedOnly(on);
        updateStatus();
    });
    connect(m_filterBar, &FilterBar::unreadOnlyChanged, this, [this](bool on) {
        m_proxy->setUnreadOnly(on);
        updateStatus();
    });

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_list);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    if (!m_view)
        m_view = new WebPaperView(m_thumbnails, m_tabs);
    else
        m_view->widget()->setParent(m_tabs);
    openLinksInSystemBrowser(m_view);
    m_source = new SourceView(m_repository.get(), m_tabs);
    m_tabs->addTab(m_view->widget(), tr("요약"));
    m_tabs->addTab(m_source, tr("원문 Markdown"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setSizes({ 210, 700, 530 });
    setCentralWidget(m_splitter);

    m_count = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("가져오는 중 %v/%m"));
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("취소"));
    m_cancel->setToolTip(tr("가져오기를 멈춥니다. 이미 읽은 파일은 남습니다."));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, m_importer, &ImportController::cancel);
    statusBar()->addPermanentWidget(m_count); // permanent: passing messages must not hide it
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
}

void MainWindow::buildActions()
{
    const auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            m_shortcutActions.append(a);
        }
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work even where no menu shows the action
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("파일(&F)"));
    QAction *open = action(tr("폴더 열기(&O)…"), QKeySequence::Open, [this] { askForFolder(); });
    file->addAction(open);
    m_recentMenu = file->addMenu(tr("최근 폴더"));
    QAction *rescanAction = action(tr("다시 읽기(&R)"), QKeySequence(Qt::Key_F5), [this] { rescan(); });
    file->addAction(rescanAction);
    file->addSeparator();
    QAction *exportAction = action(tr("내보내기(&E)…"), QKeySequence(u"Ctrl+E"_s), [this] { showExportDialog(); });
    file->addAction(exportAction);
    file->addSeparator();
    file->addAction(action(tr("끝내기(&Q)"), QKeySequence::Quit, [this] { close(); }));

    QMenu *paper = menuBar()->addMenu(tr("논문(&P)"));
    QAction *bookmark = action(tr("북마크(&B)"), QKeySequence(u"Ctrl+D"_s), [this] { toggleBookmark(); });
    QAction *note = action(tr("메모 편집(&N)…"), QKeySequence(u"Ctrl+Shift+N"_s), [this] { editNote(); });
    QAction *read = action(tr("읽음/안 읽음(&M)"), QKeySequence(u"Ctrl+M"_s), [this] { toggleRead(); });
    QAction *openArxiv = action(tr("arXiv에서 열기"), QKeySequence(Qt::Key_Return), [this] { openInBrowser(); });
    // Only while the list has focus (it is added to the list below): there the shortcut takes Enter
    // before the view does, so a key press opens the page once; double clicks come through activated().
    openArxiv->setShortcutContext(Qt::WidgetShortcut);
    QAction *copy = action(tr("arXiv 링크 복사"), QKeySequence(u"Ctrl+Shift+C"_s), [this] { copyLink(); });
    QAction *copyBibtex = addCopyBibTeXAction(this, [this] { return papersOrReport(selectedIds()); });
    m_shortcutActions.append(copyBibtex);
    for (QAction *a : { bookmark, note, read, openArxiv, copy, copyBibtex })
        paper->addAction(a);
    m_list->addActions({ bookmark, note, read, openArxiv, copy, copyBibtex });

    QAction *markScope = action(tr("이 날짜 모두 읽음으로"), {}, [this] { markScopeRead(); });
    m_tree->addAction(markScope);
    paper->addSeparator();
    paper->addAction(markScope);

    QMenu *view = menuBar()->addMenu(tr("보기(&V)"));
    QAction *find = action(tr("검색(&F)"), QKeySequence::Find, [this] { m_filterBar->focusSearch(); });
    QAction *next = action(tr("다음 논문"), QKeySequence(Qt::Key_J), [this] { moveSelection(1); });
    QAction *previous = action(tr("이전 논문"), QKeySequence(Qt::Key_K), [this] { moveSelection(-1); });
    QAction *page = action(tr("요약 한 쪽 넘기기"), QKeySequence(Qt::Key_Space), [this] { m_view->scrollPage(); });
    QAction *pageBack = action(tr("요약 한 쪽 앞으로"), QKeySequence(u"Shift+Space"_s), [this] { m_view->scrollPageBack(); });
    // Plain keys must not steal typing from the search field: they belong to the list and the pane.
    for (QAction *a : { next, previous, page, pageBack }) {
        removeAction(a);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_list->addAction(a);
        m_tabs->addAction(a);
    }
    QAction *images = new QAction(tr("원격 썸네일 불러오기"), this);
    images->setCheckable(true);
    images->setChecked(m_thumbnails->isEnabled());
    connect(images, &QAction::toggled, this, [this](bool on) {
        m_thumbnails->setEnabled(on);
        QSettings().setValue(u"remoteImages"_s, on);
        showCurrentPaper();
    });
    for (QAction *a : { find, next, previous, page, pageBack })
        view->addAction(a);
    view->addSeparator();
    view->addAction(images);

    QMenu *help = menuBar()->addMenu(tr("도움말(&H)"));
    help->addAction(action(tr("단축키(&K)"), QKeySequence::HelpContents, [this] { showHelp(); }));
    help->addAction(action(tr("Hanji 정보"), {}, [this] {
        QMessageBox::about(this, tr("Hanji 정보"),
                           tr("<h3>Hanji %1</h3><p>매일 올라오는 AI 논문 요약(Daily Papers)을 읽는 데스크톱 리더.</p>"
                              "<p>라이브러리: %2</p>")
                               .arg(QApplication::applicationVersion(), m_library.directory().toHtmlEscaped()));
    }));

    QToolBar *toolbar = addToolBar(tr("도구"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(open);
    toolbar->addAction(rescanAction);
    toolbar->addSeparator();
    toolbar->addAction(bookmark);
    toolbar->addAction(read);
    toolbar->addAction(exportAction);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1440, 880); // first start: room for three panes
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    m_list->header()->restoreState(settings.value(u"window/listHeader"_s).toByteArray());
    m_thumbnails->setEnabled(settings.value(u"remoteImages"_s, true).toBool());
    rebuildRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    settings.setValue(u"window/listHeader"_s, m_list->header()->saveState());
    if (!m_currentId.isEmpty()) {
        if (const Result<> saved = m_library.setSetting(u"lastPaper"_s, m_currentId); !saved)
            qWarning("cannot remember the last paper: %s", qPrintable(saved.error().message));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_importer->cancel();
    event->accept();
}

void MainWindow::openFolders(const QStringList &folders)
{
    QStringList existing;
    for (const QString &folder : folders) {
        if (QFileInfo(folder).isDir()) {
            existing += QFileInfo(folder).absoluteFilePath();
            addRecentFolder(existing.constLast());
        } else {
            report(tr("폴더가 없습니다: %1").arg(folder));
        }
    }
    if (existing.isEmpty())
        return;
    if (const Result<> added = m_library.addFolders(existing); !added) {
        report(added.error().message);
        return;
    }
    m_watcher->watch(libraryFolders());
    m_importer->start(existing);
}

void MainWindow::rescan()
{
    const QStringList folders = libraryFolders();
    if (!folders.isEmpty())
        m_importer->start(folders);
}

bool MainWindow::isImporting() const { return m_importer->isRunning(); }

void MainWindow::onImportFinished(const ImportReport &report, std::optional<IndexSnapshot> snapshot)
{
    m_progress->hide();
    m_cancel->hide();
    if (snapshot) {
        m_library.setIndexChanged(std::move(snapshot->facts));
        m_library.applyUserState(snapshot->rows);
        setRows(std::move(snapshot->rows));
    }
    QString message;
    if (!report.ok())
        message = tr("가져오기 실패: %1").arg(report.error->message);
    else if (report.cancelled)
        message = tr("가져오기를 취소했습니다 (%1개 파일 읽음).").arg(report.parsed);
    else if (report.parsed > 0 || report.removed > 0)
        message = tr("%1개 파일을 읽었습니다 (%2개 그대로, %3개 삭제됨), %4 ms.")
                      .arg(report.parsed)
                      .arg(report.unchanged)
                      .arg(report.removed)
                      .arg(report.milliseconds);
    if (!report.warnings.isEmpty() || !report.errors.isEmpty()) {
        const ParseWarning first = report.warnings.value(0);
        message += u' '
            + tr("경고 %1개, 읽지 못한 파일 %2개%3")
                  .arg(report.warnings.size())
                  .arg(report.errors.size())
                  .arg(report.warnings.isEmpty() ? QString()
                                                 : u" — %1:%2: %3"_s.arg(QFileInfo(first.file).fileName())
                                                       .arg(first.line)
                                                       .arg(first.message));
    }
    if (!message.isEmpty())
        this->report(message.trimmed());
    Q_EMIT importFinished(report);
}

void MainWindow::reloadRows()
{
    Result<QList<PaperRow>> rows = m_library.rows();
    if (rows)
        setRows(std::move(*rows));
    else
        report(rows.error().message); // the list keeps what it showed: never an empty one for an error
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
        report(papers.error().message);
    return papers.value_or(QList<Paper>());
}

void MainWindow::setRows(QList<PaperRow> rows)
{
    const QString keep = m_currentId;
    const DateScope scope = m_dates->scopeOf(m_tree->currentIndex());
    int ceiling = 0;
    for (const PaperRow &row : std::as_const(rows))
        ceiling = std::max(ceiling, row.votes.value_or(0));
    m_filterBar->setVoteCeiling(ceiling);
    m_dates->setRows(rows);
    m_papers->setRows(std::move(rows));
    if (!m_tree->currentIndex().isValid() || m_dates->scopeOf(m_tree->currentIndex()) != scope)
        m_tree->setCurrentIndex(m_dates->indexForScope(scope));
    m_tree->expand(m_dates->allIndex()); // the years show at once
    if (!m_filterBar->searchText().isEmpty())
        runSearch(m_filterBar->searchText()); // new papers may match
    if (!keep.isEmpty())
        selectPaper(keep);
    updateStatus();
}

void MainWindow::onScopeSelected()
{
    m_proxy->setScope(m_dates->scopeOf(m_tree->currentIndex()));
    updateStatus();
    if (!m_proxy->mapFromSource(m_papers->indexForId(m_currentId)).isValid() && m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, PaperListModel::TitleColumn));
}

bool MainWindow::selectPaper(const QString &id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_papers->indexForId(id));
    if (!index.isValid())
        return false;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::onCurrentPaperChanged()
{
    const QModelIndex current = m_list->currentIndex();
    const QString id = current.data(PaperListModel::IdRole).toString();
    if (id == m_currentId)
        return;
    m_currentId = id;
    m_proxy->setPinnedId(id);
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
        m_view->clear();
        m_source->setMarkdown(QString());
        return;
    }
    m_view->showPaper(*paper);
    m_source->setMarkdown(paper->markdown);
    Q_EMIT paperShown(paper->id);
}

void MainWindow::runSearch(const QString &text)
{
    if (text.isEmpty()) {
        m_proxy->setSearchMatches(std::nullopt);
    } else {
        // Unranked: the list keeps the column order the reader chose, and a one-letter query
        // over ten years need not be sorted twice.
        const Result<QStringList> found = m_library.search({ .text = text, .order = SearchQuery::Order::None });
        if (!found) {
            report(found.error().message); // the list stays as it was: an error is not "no papers"
            return;
        }
        m_proxy->setSearchMatches(QSet<QString>(found->cbegin(), found->cend()));
    }
    updateStatus();
}

QString MainWindow::statusText() const { return m_count->text(); }

void MainWindow::updateStatus()
{
    m_count->setText(tr("논문 %1개 중 %2개").arg(m_papers->rowCount()).arg(m_proxy->rowCount()));
}

void MainWindow::updateUserState(const QStringList &ids)
{
    for (const QString &id : ids) {
        const UserState state = m_library.userState(id);
        m_papers->updateUserState(id, state.bookmarked, state.bookmarkedAt, state.read);
        m_dates->updateUserState(id, state.bookmarked, state.read);
    }
    updateStatus();
}

void MainWindow::toggleBookmark()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    // One state for the whole selection: bookmark all unless all are bookmarked already.
    const bool bookmark = std::any_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
        return !m_library.userState(id).bookmarked;
    });
    if (const Result<> changed = m_library.setBookmarked(ids, bookmark); !changed) {
        report(changed.error().message);
        return;
    }
    updateUserState(ids);
    showCurrentPaper();
    statusBar()->showMessage(bookmark ? tr("북마크했습니다.") : tr("북마크를 지웠습니다."), 2000);
}

void MainWindow::editNote()
{
    if (m_currentId.isEmpty())
        return;
    bool ok = false;
    const QString note = QInputDialog::getMultiLineText(this, tr("메모"), tr("이 논문에 대한 메모 (북마크와 함께 저장됩니다):"),
                                                        m_library.userState(m_currentId).note, &ok);
    if (!ok)
        return;
    if (const Result<> noted = m_library.setNote(m_currentId, note); !noted) {
        report(noted.error().message);
        return;
    }
    updateUserState({ m_currentId });
    showCurrentPaper();
}

void MainWindow::toggleRead()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_markReadTimer.stop(); // the reader decides now
    const bool read = std::any_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
        return !m_library.userState(id).read;
    });
    if (const Result<> marked = m_library.setRead(ids, read))
        updateUserState(ids);
    else
        report(marked.error().message);
}

void MainWindow::markScopeRead()
{
    const DateScope scope = m_dates->scopeOf(m_tree->currentIndex());
    QStringList ids;
    for (int row = 0; row < m_papers->rowCount(); ++row) {
        const PaperRow &paper = m_papers->paperAt(row);
        if (!paper.read && scope.contains(paper))
            ids += paper.id;
    }
    if (ids.isEmpty())
        return;
    if (const Result<> marked = m_library.setRead(ids, true))
        updateUserState(ids);
    else
        report(marked.error().message);
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : (delta > 0 ? -1 : rows);
    const int next = std::clamp(current + delta, 0, rows - 1);
    const QModelIndex index = m_proxy->index(next, PaperListModel::TitleColumn);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void MainWindow::openInBrowser()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const QString arxivId = current.data(PaperListModel::ArxivIdRole).toString();
    const QString id = current.data(PaperListModel::IdRole).toString();
    QDesktopServices::openUrl(QUrl(arxivId.isEmpty() ? id : arxivAbstractUrl(arxivId)));
}

void MainWindow::copyLink()
{
    QStringList links;
    for (const QString &id : selectedIds()) {
        const QModelIndex index = m_papers->indexForId(id);
        const QString arxivId = index.data(PaperListModel::ArxivIdRole).toString();
        links += arxivId.isEmpty() ? id : arxivAbstractUrl(arxivId);
    }
    if (links.isEmpty())
        return;
    QApplication::clipboard()->setText(links.join(u'\n'));
    statusBar()->showMessage(tr("링크 %1개를 복사했습니다.").arg(links.size()), 2000);
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
        this, m_repository.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showHelp()
{
    auto *dialog = new HelpDialog(HelpDialog::fromActions(m_shortcutActions), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::askForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("논문 요약 폴더 열기"),
                                                             libraryFolders().value(0, QDir::homePath()));
    if (!folder.isEmpty())
        openFolders({ folder });
}

void MainWindow::addRecentFolder(const QString &folder)
{
    QSettings settings;
    QStringList recent = settings.value(u"recentFolders"_s).toStringList();
    recent.removeAll(folder);
    recent.prepend(folder);
    settings.setValue(u"recentFolders"_s, recent.mid(0, kMaxRecentFolders));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(u"recentFolders"_s).toStringList();
    for (const QString &folder : recent)
        m_recentMenu->addAction(folder, this, [this, folder] { openFolders({ folder }); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows(PaperListModel::TitleColumn))
        ids += index.data(PaperListModel::IdRole).toString();
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids += m_currentId;
    return ids;
}

QStringList MainWindow::shownIds() const
{
    QStringList ids;
    ids.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids += m_proxy->index(row, 0).data(PaperListModel::IdRole).toString();
    return ids;
}

void MainWindow::report(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

} // namespace hanji
