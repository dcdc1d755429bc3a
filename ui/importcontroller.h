#pragma once

#include "importer.h"
#include "library.h"

#include <optional>

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace hanji {

// What the window needs of the index after an import: the list's rows (without the user's
// state) and the facts search works from.
struct IndexSnapshot {
    QList<PaperRow> rows;
    SearchFacts facts;
};

// Runs imports off the UI thread, one at a time: progress and the final report come back
// as queued signals, cancel() stops at the next file. A request while one runs is kept
// and started when it ends, so a burst of folder changes costs at most two imports.
class ImportController : public QObject
{
    Q_OBJECT
public:
    explicit ImportController(QString indexPath, QObject *parent = nullptr);
    ~ImportController() override; // cancels and waits: the worker must not outlive us

    void start(const QStringList &folders);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void started();
    void progress(int done, int total, const QString &file);
    // The index as it now stands, read on the worker so the UI thread does not wait; none
    // when the import changed nothing (a rescan of untouched files, a refused import).
    void finished(const hanji::ImportReport &report, const std::optional<hanji::IndexSnapshot> &snapshot);

private:
    void launch(const QStringList &folders);
    [[nodiscard]] Result<IndexSnapshot> readSnapshotOnThisThread() const;
    void done(const ImportReport &report, const std::optional<IndexSnapshot> &snapshot);

    QString m_indexPath;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    std::optional<QStringList> m_queued;
};

} // namespace hanji
