#pragma once

#include "importer.h"
#include "library.h"
#include "result.h"

#include <optional>

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace hanji {

// The window's imports, all of them: adds folders to the Library, runs Importer off the UI
// thread one import at a time (progress and the report come back as signals, cancel() stops
// at the next file) and hands the Library the index as it now stands. A request while one
// runs is kept and started when it ends, so a burst of folder changes costs at most two.
class ImportController : public QObject
{
    Q_OBJECT
public:
    // The Library is used on this thread only; the worker opens the index file on its own.
    explicit ImportController(Library &library, QObject *parent = nullptr);
    ~ImportController() override; // cancels and waits: the worker must not outlive us

    // Adds the folders (they must exist) to the library, then imports them.
    [[nodiscard]] Result<> addAndImport(const QStringList &folders);
    // Imports these folders again.
    void start(const QStringList &folders);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }

    // What the status bar says about a finished import; empty when there is nothing to say
    // (a rescan that found nothing new).
    [[nodiscard]] static QString describe(const ImportReport &report);

Q_SIGNALS:
    void started();
    void progress(int done, int total, const QString &file);
    // The list's rows with the user's state, read on the worker so that the UI thread does
    // not wait; none when the import changed nothing (a rescan of untouched files, a
    // refused import). The Library has taken the new index already.
    void finished(const hanji::ImportReport &report, const std::optional<QList<hanji::PaperRow>> &rows);

private:
    // What the worker reads of the index for the UI thread: the rows (without the user's
    // state) and the facts search works from.
    struct IndexSnapshot {
        QList<PaperRow> rows;
        SearchFacts facts;
    };

    void launch(const QStringList &folders);
    [[nodiscard]] Result<IndexSnapshot> readSnapshotOnThisThread() const;
    void done(const ImportReport &report, std::optional<IndexSnapshot> snapshot);

    Library &m_library;
    const QString m_indexPath;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    std::optional<QStringList> m_queued;
};

} // namespace hanji
