#pragma once

#include "importer.h"
#include "paper.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace hanji {

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
    // rows: every paper of the index as it now stands, read on the worker (no user state).
    void finished(const hanji::ImportReport &report, const QList<hanji::PaperRow> &rows);

private:
    void launch(const QStringList &folders);
    [[nodiscard]] QList<PaperRow> readRowsOnThisThread() const;
    void done(const ImportReport &report, const QList<PaperRow> &rows);

    QString m_indexPath;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    std::optional<QStringList> m_queued;
};

} // namespace hanji
