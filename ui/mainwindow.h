#pragma once

#include "importer.h"
#include "paper.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QMenu;
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
struct IndexSnapshot;
class Library;
class PaperFilterProxy;
class PaperListModel;
class PaperView;
class SourceView;
class ThumbnailCache;

// The reader: date tree | paper list under a filter bar | summary and source tabs.
// Everything it reads and writes goes through the Library it is given; imports run on a
// worker thread; the folder is watched and re-imported on its own.
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
    [[nodiscard]] QString currentPaperId() const { return m_currentId; }
    [[nodiscard]] bool isImporting() const;

    // For tests and --screenshot.
    [[nodiscard]] QTreeView *paperListView() const { return m_list; }
    [[nodiscard]] QTreeView *dateTreeView() const { return m_tree; }
    [[nodiscard]] FilterBar *filterBar() const { return m_filterBar; }
    [[nodiscard]] PaperFilterProxy *paperProxy() const { return m_proxy; }
    [[nodiscard]] PaperView *paperView() const { return m_view; }
    [[nodiscard]] SourceView *sourceView() const { return m_source; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void importFinished(const hanji::ImportReport &report);
    void paperShown(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void restoreSettings();
    void saveSettings() const;

    void reloadRows();
    void setRows(QList<PaperRow> rows);
    void onImportFinished(const ImportReport &report, std::optional<IndexSnapshot> snapshot);
    void onCurrentPaperChanged();
    void onScopeSelected();
    void showCurrentPaper();
    void runSearch(const QString &text);
    void updateStatus();
    void updateUserState(const QStringList &ids);
    void addRecentFolder(const QString &folder);
    void rebuildRecentMenu();

    void toggleBookmark();
    void editNote();
    void toggleRead();
    void markScopeRead();
    void moveSelection(int delta);
    void openInBrowser();
    void copyLink();
    void showExportDialog();
    void showHelp();
    void askForFolder();

    [[nodiscard]] QStringList selectedIds() const;
    // What the library says, or an error told in the status bar and nothing.
    [[nodiscard]] QStringList libraryFolders();
    [[nodiscard]] QList<Paper> papersOrReport(const QStringList &ids);
    [[nodiscard]] QStringList shownIds() const;
    void report(const QString &message);

    Library &m_library;
    ThumbnailCache *m_thumbnails;
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    PaperListModel *m_papers;
    PaperFilterProxy *m_proxy;
    DateTreeModel *m_dates;
    ImportController *m_importer;
    FolderWatcher *m_watcher;

    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTreeView *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    PaperView *m_view = nullptr;
    SourceView *m_source = nullptr;
    QLabel *m_count = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_currentId;
    QTimer m_markReadTimer;
    QList<QAction *> m_shortcutActions;
};

} // namespace hanji
