#pragma once

#include "syncfolder.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

class QAction;
class QMainWindow;
class QThread;

namespace hanji {

class Library;

// The window's side of sync: Settings › Sync Folder…, a sync on start, after the user's
// changes (debounced) and when another machine's file arrives in the folder. Each sync runs
// on a worker thread with a connection of its own; the status bar says when it ran and what
// came in, and userDataChanged() asks the window to show it.
class SyncController : public QObject
{
    Q_OBJECT
public:
    SyncController(Library &library, QMainWindow *window);
    ~SyncController() override;

    [[nodiscard]] QString folder() const { return m_folder; }
    void setFolder(const QString &folder); // remembered in the user data; empty turns sync off
    // A sync in a moment: changes in a burst make one sync.
    void scheduleSync();
    void syncNow();
    [[nodiscard]] bool isSyncing() const { return m_worker != nullptr; }

    // "Synced 14:02: 3 bookmarks, 12 read marks from laptop"
    [[nodiscard]] static QString summary(const SyncReport &report, const QTime &time);

Q_SIGNALS:
    void userDataChanged(); // the library's user data was reloaded: show it
    void savedSearchesChanged(); // and among what came in were saved searches: show them too
    void synced(const QString &message);
    void failed(const QString &message);

private:
    void chooseFolder();
    void finished(const Result<SyncReport> &report);
    void watch();

    Library &m_library;
    QMainWindow *m_window;
    QString m_folder;
    QAction *m_syncNow = nullptr;
    QTimer m_debounce;
    QFileSystemWatcher m_watcher;
    QThread *m_worker = nullptr;
    bool m_again = false; // asked for while one was running
};

} // namespace hanji
