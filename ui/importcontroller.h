#pragma once

#include "datetreemodel.h"
#include "importer.h"
#include "library.h"
#include "paperlistmodel.h"
#include "result.h"

#include <optional>

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>

class QThread;

namespace hanji {

// What the start-up read and an import make ready off the UI thread: the models' tables, the
// highest votes, and the user state the rows were filled in from (to tell whether it changed
// since).
struct LoadedRows {
    PaperListModel::Prepared papers;
    DateTreeModel::Census dates;
    int voteCeiling = 0;
    QHash<QString, UserState> states;
};

// The window's imports, all of them, and its first read of the index: adds folders to the
// Library, runs Importer off the UI thread one job at a time (progress and the report come
// back as signals, cancel() stops at the next file) and hands the Library the index as it
// now stands. A request while a job runs is kept and started when it ends, so a burst of
// folder changes costs at most two, and an import asked for during the start-up read
// delivers its rows after that read's: the newer rows always come last.
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
    // An import runs or waits for its turn.
    [[nodiscard]] bool isRunning() const { return m_running == Job::Import || m_queued.has_value(); }

    // Reads the index as it stands on the worker (the window's start-up: 52,830 rows take a
    // third of a second) and makes the models' tables there; loaded() says they are in.
    void load();
    // During loaded(), or finished() with rowsChanged: the rows, or why the index could not be
    // read (a failure is never an empty list). The Library has taken the search facts read
    // with them.
    [[nodiscard]] Result<LoadedRows> takeLoaded();
    [[nodiscard]] bool isLoading() const { return m_running == Job::Load || m_loadQueued; }

    // What the status bar says about a finished import; empty when there is nothing to say
    // (a rescan that found nothing new).
    [[nodiscard]] static QString describe(const ImportReport &report);

Q_SIGNALS:
    void started();
    // At most ten times a second, and for the last file.
    void progress(int done, int total, const QString &file);
    // rowsChanged: takeLoaded() has the rows, made ready for the models on the worker so that
    // the UI thread does not wait; not when the import changed nothing (a rescan of untouched
    // files, a refused import). The Library has taken the new index already.
    void finished(const hanji::ImportReport &report, bool rowsChanged);
    void loaded(); // takeLoaded() has the rows

private:
    // What the worker reads of the index for the UI thread: the rows (without the user's
    // state) and the facts search works from.
    struct IndexSnapshot {
        QList<PaperRow> rows;
        SearchFacts facts;
    };

    enum class Job { None, Import, Load };

    void runOnWorker(Job job, const std::function<void()> &work);
    void launchImport(const QStringList &folders);
    void launchLoad();
    void startNext();
    [[nodiscard]] Result<IndexSnapshot> readSnapshotOnThisThread() const;
    // On the worker: the rows with this user state, the models' tables of them.
    [[nodiscard]] static LoadedRows readyForTheModels(QList<PaperRow> rows, const QHash<QString, UserState> &states);
    void imported(const ImportReport &report, std::optional<LoadedRows> rows, std::optional<SearchFacts> facts);
    void loadDone(Result<LoadedRows> rows, std::optional<SearchFacts> facts);

    Library &m_library;
    const QString m_indexPath;
    QThread *m_thread = nullptr;
    Job m_running = Job::None;
    std::atomic_bool m_cancel = false;
    std::optional<QStringList> m_queued;
    bool m_loadQueued = false;
    std::optional<Result<LoadedRows>> m_loadedRows; // while loaded() or finished() is emitted
};

} // namespace hanji
