#include "folderwatcher.h"

#include <QDirIterator>

namespace hanji {

FolderWatcher::FolderWatcher(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(800);
    // Only folders are watched: a digest added, removed or renamed into place (as sync tools
    // write) changes its folder. A file edited in place is seen at the next rescan (F5).
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_settle, &QTimer::timeout, this, [this] {
        watch(m_folders); // new subfolders (a new month) need watching too
        Q_EMIT changed();
    });
}

void FolderWatcher::watch(const QStringList &folders)
{
    m_folders = folders;
    QStringList wanted;
    for (const QString &folder : folders) {
        if (!QFileInfo(folder).isDir())
            continue;
        wanted += folder;
        QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            wanted += it.next();
    }
    const QStringList current = m_watcher.directories();
    QStringList gone;
    for (const QString &dir : current) {
        if (!wanted.contains(dir))
            gone += dir;
    }
    if (!gone.isEmpty())
        m_watcher.removePaths(gone);
    QStringList added;
    for (const QString &dir : std::as_const(wanted)) {
        if (!current.contains(dir))
            added += dir;
    }
    if (!added.isEmpty())
        m_watcher.addPaths(added);
}

} // namespace hanji
