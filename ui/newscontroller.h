#pragma once

#include "importer.h"

#include <QObject>
#include <QSettings>
#include <QTimer>

class QAction;
class QActionGroup;
class QProgressBar;
class QToolButton;

namespace hanji {

class ArchiveController;
class DateTreeModel;
class Library;
class MainWindow;
class Notifier;
class ReaderActions;
struct FoldersUpdate;

// What is new and how it comes, for the reader window: Update (git fetch and fast-forward of
// the folders that are git work trees, then the import), on start and every few hours when
// the user wants it; File › Add Archive from URL…; the New node and the saved searches of the
// date tree with their counts; the status bar's "12 new papers" and a desktop notification
// when the window is not active. The window calls importFinished() after each import.
class NewsController : public QObject
{
    Q_OBJECT
public:
    NewsController(MainWindow *window, Library &library, DateTreeModel *dates, ReaderActions *actions);

    // Once the window shows the library: the tree's New and saved search nodes, which folders
    // can be updated, and the update on start if asked for.
    void start();
    // F5: updates the git folders (when there are any), then re-reads every folder.
    void reload();
    void update();
    void importFinished(const ImportReport &report);
    void cancel();

    [[nodiscard]] ArchiveController *archive() const { return m_archive; }
    [[nodiscard]] Notifier *notifier() const { return m_notifier; }
    // The notification's text for these arrivals: "Hanji: 12 new papers", "3 match 'diffusion'".
    [[nodiscard]] std::pair<QString, QString> notificationText(const QStringList &arrived) const;

    // The saved searches as the tree shows them; the New node's ids.
    void refreshNews();

Q_SIGNALS:
    void savedSearchesEdited(); // the user saved, renamed or removed one: for sync

private:
    void buildActions();
    void onUpdateFinished(const FoldersUpdate &result);
    void onCloneFinished(const QString &target, const QString &error);
    void addArchive();
    void saveSearch();
    void renameSavedSearch();
    void removeSavedSearch();
    void showNew();
    void applyAutoUpdate();
    void updateActions();
    void showProgress(bool on);
    [[nodiscard]] QString currentSavedSearch() const;
    [[nodiscard]] QStringList folders() const;

    MainWindow *m_window;
    Library &m_library;
    DateTreeModel *m_dates;
    ReaderActions *m_actions;
    ArchiveController *m_archive;
    Notifier *m_notifier;
    QSettings m_settings;
    QTimer m_periodic;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QAction *m_updateOnStart = nullptr;
    QActionGroup *m_every = nullptr;
    bool m_updateWhenProbed = false;
    QString m_updateSummary; // said together with the import's result
};

} // namespace hanji
