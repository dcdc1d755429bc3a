#pragma once

#include <QFileSystemWatcher>
#include <QTimer>

namespace hanji {

// Watches folders of digests, with every folder below them, and says "changed" once a
// burst of changes has settled (a sync tool writes many files in a row).
class FolderWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FolderWatcher(QObject *parent = nullptr);
    // Watches these folders and all folders below them, replacing what was watched.
    void watch(const QStringList &folders);

Q_SIGNALS:
    void changed();

private:
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QStringList m_folders;
};

} // namespace hanji
