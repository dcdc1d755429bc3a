#include "synccontroller.h"

#include "library.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QThread>
#include <QTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
const QString kFolderSetting = u"sync.folder"_s;
constexpr auto kDebounce = std::chrono::seconds(2);
} // namespace

SyncController::SyncController(Library &library, QMainWindow *window)
    : QObject(window)
    , m_library(library)
    , m_window(window)
{
    // Before Help, which stays last.
    QMenu *settings = new QMenu(tr("&Settings"), window);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.constLast(), settings);
    settings->addAction(tr("Sync Folder…"), this, &SyncController::chooseFolder);
    m_syncNow = settings->addAction(tr("Sync Now"), this, &SyncController::syncNow);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounce);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
    // Another machine's file arriving (a rename into the folder) or changing.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &SyncController::scheduleSync);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &SyncController::scheduleSync);
    connect(this, &SyncController::synced, window, [window](const QString &message) { window->statusBar()->showMessage(message, 10000); });
    connect(this, &SyncController::failed, window, [window](const QString &message) { window->statusBar()->showMessage(message, 10000); });

    if (const Result<QString> stored = m_library.setting(kFolderSetting); stored)
        m_folder = *stored;
    m_syncNow->setEnabled(!m_folder.isEmpty());
    watch();
    if (!m_folder.isEmpty())
        QTimer::singleShot(0, this, &SyncController::syncNow); // on start, once the window shows
}

SyncController::~SyncController()
{
    if (m_worker) {
        m_worker->wait(); // a sync is one short transaction and one file: let it end whole
        delete m_worker;
    }
}

void SyncController::setFolder(const QString &folder)
{
    const QString absolute = folder.isEmpty() ? QString() : QFileInfo(folder).absoluteFilePath();
    if (Result<> saved = m_library.setSetting(kFolderSetting, absolute); !saved) {
        Q_EMIT failed(saved.error().message);
        return;
    }
    m_folder = absolute;
    m_syncNow->setEnabled(!m_folder.isEmpty());
    watch();
    if (!m_folder.isEmpty())
        syncNow();
}

void SyncController::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(
        m_window, tr("Sync Folder: a folder another tool (Syncthing, Nextcloud, Dropbox…) already syncs"), m_folder);
    if (!chosen.isEmpty())
        setFolder(chosen);
}

void SyncController::watch()
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (m_folder.isEmpty())
        return;
    const QString directory = syncfolder::directory(m_folder);
    if (QFileInfo(directory).isDir())
        m_watcher.addPath(directory);
    const QStringList files = syncfolder::candidates(m_folder);
    if (!files.isEmpty())
        m_watcher.addPaths(files);
}

void SyncController::scheduleSync()
{
    if (!m_folder.isEmpty())
        m_debounce.start();
}

void SyncController::syncNow()
{
    if (m_folder.isEmpty())
        return;
    if (m_worker) {
        m_again = true;
        return;
    }
    m_debounce.stop();
    auto result = std::make_shared<Result<SyncReport>>(failure(u"the sync did not run"_s));
    m_worker = QThread::create([result, path = m_library.userDataPath(), folder = m_folder] {
        *result = syncUserDataWithFolder(path, folder);
    });
    connect(m_worker, &QThread::finished, this, [this, result] {
        m_worker->deleteLater();
        m_worker = nullptr;
        finished(*result);
        if (std::exchange(m_again, false))
            scheduleSync();
    });
    m_worker->start(QThread::LowPriority);
}

QString SyncController::summary(const SyncReport &report, const QTime &time)
{
    QStringList from;
    for (const SyncIncoming &in : report.incoming) {
        QStringList parts;
        if (in.bookmarks > 0)
            parts += tr("%n bookmarks", nullptr, in.bookmarks);
        if (in.removals > 0)
            parts += tr("%n removals", nullptr, in.removals);
        if (in.notes > 0)
            parts += tr("%n notes", nullptr, in.notes);
        if (in.tags > 0)
            parts += tr("%n tag edits", nullptr, in.tags);
        if (in.reads > 0)
            parts += tr("%n read marks", nullptr, in.reads);
        if (in.unreads > 0)
            parts += tr("%n unread marks", nullptr, in.unreads);
        if (in.searches > 0)
            parts += tr("%n saved searches", nullptr, in.searches);
        if (in.other > 0)
            parts += tr("%n other changes", nullptr, in.other);
        //: What a sync brought in from one machine: "3 bookmarks, 12 read marks from laptop".
        from += tr("%1 from %2").arg(parts.join(u", "_s), in.from);
    }
    const QString clock = time.toString(u"HH:mm"_s);
    QString message = from.isEmpty() ? tr("Synced %1: nothing new.").arg(clock) : tr("Synced %1: %2.").arg(clock, from.join(u"; "_s));
    if (!report.skipped.isEmpty())
        message += u' ' + tr("Skipped %n damaged files: %1", nullptr, int(report.skipped.size())).arg(report.skipped.join(u"; "_s));
    return message;
}

void SyncController::finished(const Result<SyncReport> &report)
{
    watch(); // files that appeared since are watched from now on
    if (!report) {
        Q_EMIT failed(tr("Sync failed: %1").arg(report.error().message));
        return;
    }
    if (!report->incoming.isEmpty()) {
        if (Result<> reloaded = m_library.reloadUserData(); !reloaded) {
            Q_EMIT failed(tr("Sync failed: %1").arg(reloaded.error().message));
            return;
        }
        Q_EMIT userDataChanged();
        if (std::ranges::any_of(report->incoming, [](const SyncIncoming &in) { return in.searches > 0; }))
            Q_EMIT savedSearchesChanged();
    }
    Q_EMIT synced(summary(*report, QTime::currentTime()));
}

} // namespace hanji
