#pragma once

#include "gitarchive.h"
#include "result.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QThread;

namespace hanji {

// What an update of the library's folders came to: each work tree updated, or why not.
struct FoldersUpdate {
    QList<ArchiveUpdate> updated;
    QStringList failures; // one message per work tree that was left as it was
    bool cancelled = false;
    [[nodiscard]] int changedFiles() const
    {
        int count = 0;
        for (const ArchiveUpdate &update : updated)
            count += int(update.changedFiles.size());
        return count;
    }
};

// The window's git work: finding which folders can be updated, updating them and cloning
// archives, on a worker thread one job at a time (GitArchive runs git synchronously), with
// progress and cancel. The import that follows is the window's (ImportController).
class ArchiveController : public QObject
{
    Q_OBJECT
public:
    explicit ArchiveController(QObject *parent = nullptr);
    ~ArchiveController() override; // cancels and waits

    // Which of folders are in a git work tree with an upstream: updatableChanged() says.
    void probe(const QStringList &folders);
    // Updates every work tree the folders are in; false when an update or clone runs already
    // (during a probe it waits for the probe).
    bool update(const QStringList &folders);
    bool clone(const QString &url, const QString &target);
    void cancel() { m_cancel = true; }
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    // The work tree roots the last probe found.
    [[nodiscard]] QStringList updatableRoots() const { return m_roots; }

Q_SIGNALS:
    void updatableChanged(bool any);
    void started(const QString &what);
    void progress(const QString &phase, int percent);
    void updateFinished(const hanji::FoldersUpdate &result);
    void cloneFinished(const QString &target, const QString &error); // error empty on success

private:
    bool launch(const QString &what, std::function<std::function<void()>()> work);
    [[nodiscard]] GitArchive::ProgressCallback progressCallback();

    QThread *m_thread = nullptr;
    bool m_probing = false;
    std::optional<QStringList> m_pendingUpdate; // asked for during a probe
    std::atomic_bool m_cancel = false;
    QStringList m_roots;
};

} // namespace hanji
