#pragma once

#include "datescope.h"
#include "importer.h"
#include "paper.h"
#include "userdatacommands.h"
#include "windowsettings.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>

class QLabel;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace KSyntaxHighlighting {
class Repository;
}

namespace hanji {

class DateTreeModel;
class FilterBar;
class FolderWatcher;
class ImportController;
struct LoadedRows;
class InsightsView;
class SimilarityService;
class Library;
class NewsController;
class PaperFilterProxy;
class PaperListModel;
class PaperView;
class ReaderActions;
class SourceView;
class SyncController;
class ThumbnailCache;

// The reader: date tree | paper list under a filter bar | summary and source tabs. It lays
// them out and wires them together; its actions are ReaderActions', its saved state
// WindowSettings', changes to the user's data go through UserDataCommands and imports
// through ImportController (on a worker thread; the folders are watched and re-imported).
// It shows at once and the rows follow: they are read on a worker too.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // A null paperView means the real one (QtWebEngine); tests may hand in a stand-in.
    MainWindow(Library &library, ThumbnailCache *thumbnails, PaperView *paperView = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds the folders to the library and imports them (they stay watched).
    void openFolders(const QStringList &folders);
    // Re-imports every folder of the library.
    void rescan();
    // Shows the paper with this id, if the list has it.
    bool selectPaper(const QString &id);
    // Shows the paper that was on screen when the window last closed (once the rows are in).
    void showLastPaper();
    [[nodiscard]] QString currentPaperId() const { return m_currentId; }
    [[nodiscard]] bool isImporting() const;
    // The rows are being read at start-up: the list is not complete until rowsLoaded().
    [[nodiscard]] bool isLoading() const { return m_loading; }

    // For tests and --screenshot.
    [[nodiscard]] QTreeView *paperListView() const { return m_paperList; }
    [[nodiscard]] QTreeView *dateTreeView() const { return m_dateTree; }
    [[nodiscard]] FilterBar *filterBar() const { return m_filterBar; }
    [[nodiscard]] PaperFilterProxy *paperProxy() const { return m_paperProxy; }
    [[nodiscard]] PaperView *paperView() const { return m_pane; }
    [[nodiscard]] InsightsView *insightsView() const { return m_insights; }
    [[nodiscard]] SimilarityService *similarity() const { return m_similarity; }
    // Brings the Insights tab to the front; wide gives it most of the window (--insights).
    void showInsights(bool wide = false);
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] NewsController *news() const { return m_news; }

Q_SIGNALS:
    void importFinished(const hanji::ImportReport &report);
    // The start-up read is over: the list shows the library, or the status bar says why it
    // could not be read.
    void rowsLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void connectActions();
    void connectImports();
    void connectDiscover();

    // Where the reader was, to return to once the rows are replaced.
    struct Place {
        QString paperId;
        DateScope scope;
        bool operator==(const Place &) const = default;
    };
    [[nodiscard]] Place place() const;
    void onRowsLoaded();
    void holdRowsPaint();
    void arriveAfterRowsPaint(std::function<void()> arrival);
    void completeArrival();
    void finishLoading();
    // An import's rows, made ready on its worker.
    void setRows(LoadedRows loaded);
    // After the rows were replaced: the node and the paper again, the search run again, the count.
    void returnTo(const Place &place);
    // Back to kept, unless the place is no longer left, the one it was as the rows went in.
    void returnUnlessMoved(const Place &kept, const Place &left);
    void keepPaper(const QString &id); // the paper the rows changed under stays current, in view
    void onImportFinished(const ImportReport &report, bool rowsChanged);
    void onCurrentPaperChanged();
    void onScopeSelected();
    void showCurrentPaper();
    void runSearch(const QString &text);
    void updateStatus();
    void rebuildRecentMenu();

    void toggleBookmark();
    void editNote();
    void toggleRead();
    void markScopeRead();
    void markCurrentRead();
    void moveSelection(int delta);
    void openInBrowser();
    void openLink(const QUrl &url);
    void copyLink();
    void showExportDialog();
    void showHelp();
    void showAbout();
    void askForFolder();

    [[nodiscard]] QStringList selectedIds() const;
    // What the library says, or an error told in the status bar and nothing.
    [[nodiscard]] QStringList libraryFolders();
    [[nodiscard]] QList<Paper> papersOrReport(const QStringList &ids);
    [[nodiscard]] QStringList shownIds() const;
    void report(const QString &message);

    Library &m_library;
    ThumbnailCache *m_thumbnailCache;
    WindowSettings m_settings;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_syntaxRepository;
    PaperListModel *m_paperModel;
    PaperFilterProxy *m_paperProxy;
    DateTreeModel *m_dateModel;
    UserDataCommands m_userData;
    ImportController *m_importController;
    FolderWatcher *m_folderWatcher;
    ReaderActions *m_actions = nullptr;
    NewsController *m_news = nullptr; // update, add archive, New, saved searches, notifications
    SyncController *m_sync = nullptr;

    QSplitter *m_splitter = nullptr;
    QTreeView *m_dateTree = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTreeView *m_paperList = nullptr;
    QTabWidget *m_tabs = nullptr;
    PaperView *m_pane = nullptr;
    SourceView *m_sourceView = nullptr;
    QLabel *m_countLabel = nullptr;
    QProgressBar *m_importProgress = nullptr;
    QToolButton *m_cancelImport = nullptr;
    InsightsView *m_insights = nullptr;
    SimilarityService *m_similarity = nullptr;

    QString m_currentId;
    QTimer m_markReadTimer;
    // The second half of the rows' arrival (the place, the first paper), for a turn of the event
    // loop after the rows' first paint; an import's rows never come before it (completeArrival()).
    QTimer m_arrivalTimer;
    std::function<void()> m_arrival;
    bool m_loading = true;
    bool m_showLastPaperWhenLoaded = false;
};

} // namespace hanji
