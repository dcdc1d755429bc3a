#include "importcontroller.h"

#include "arrivallog.h"
#include "sqlutil.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr qint64 kProgressInterval = 100; // ms between two progress reports of an import
} // namespace

ImportController::ImportController(Library &library, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_indexPath(library.indexPath())
{
}

ImportController::~ImportController()
{
    m_queued.reset();
    m_loadQueued = false;
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

Result<> ImportController::addAndImport(const QStringList &folders)
{
    if (folders.isEmpty())
        return {};
    if (Result<> added = m_library.addFolders(folders); !added)
        return added;
    start(folders);
    return {};
}

void ImportController::start(const QStringList &folders)
{
    if (m_thread) {
        QStringList merged = m_queued.value_or(QStringList());
        for (const QString &folder : folders) {
            if (!merged.contains(folder))
                merged += folder;
        }
        m_queued = merged;
        return;
    }
    launchImport(folders);
}

void ImportController::load()
{
    if (m_thread) {
        m_loadQueued = true; // after the running import: then it reads what that one wrote
        return;
    }
    launchLoad();
}

void ImportController::cancel()
{
    m_queued.reset();
    m_cancel = true;
}

Result<ImportController::IndexSnapshot> ImportController::readSnapshotOnThisThread() const
{
    const QString connection = uniqueConnectionName(u"rows"_s);
    Result<IndexSnapshot> snapshot = failure(QString());
    {
        const Result<QSqlDatabase> index = openSqlite(m_indexPath, connection);
        if (!index) {
            snapshot = failure(index.error());
        } else {
            const IndexReader reader(*index);
            Result<IndexReader::RowsAndFacts> both = reader.rowsAndFacts();
            if (both)
                snapshot = IndexSnapshot { std::move(both->rows), std::move(both->facts) };
            else
                snapshot = failure(both.error());
        }
    }
    closeSqlite(connection);
    return snapshot;
}

void ImportController::runOnWorker(Job job, const std::function<void()> &work)
{
    Q_ASSERT(!m_thread);
    m_running = job;
    m_thread = QThread::create(work);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    // An import may take its time; the start-up read is what the reader waits for.
    m_thread->start(job == Job::Import ? QThread::LowPriority : QThread::NormalPriority);
}

void ImportController::startNext()
{
    if (std::exchange(m_loadQueued, false)) {
        launchLoad();
    } else if (m_queued) {
        const QStringList next = *m_queued;
        m_queued.reset();
        launchImport(next);
    }
}

LoadedRows ImportController::readyForTheModels(QList<PaperRow> rows, const QHash<QString, UserState> &states)
{
    Library::applyUserState(rows, states);
    LoadedRows loaded;
    for (const PaperRow &row : std::as_const(rows))
        loaded.voteCeiling = std::max(loaded.voteCeiling, row.votes.value_or(0));
    loaded.dates = DateTreeModel::census(rows);
    loaded.papers = PaperListModel::prepare(std::move(rows));
    loaded.states = states;
    return loaded;
}

void ImportController::launchLoad()
{
    // A shared copy, read on the worker: a bookmark set meanwhile detaches the store's own.
    const QHash<QString, UserState> states = m_library.userStore().states();
    runOnWorker(Job::Load, [this, states] {
        Result<IndexSnapshot> snapshot = readSnapshotOnThisThread();
        Result<LoadedRows> rows = failure(QString());
        std::optional<SearchFacts> facts;
        if (snapshot) {
            rows = readyForTheModels(std::move(snapshot->rows), states);
            facts = std::move(snapshot->facts);
        } else {
            rows = failure(snapshot.error());
        }
        QMetaObject::invokeMethod(
            this,
            [this, rows = std::move(rows), facts = std::move(facts)] mutable { loadDone(std::move(rows), std::move(facts)); },
            Qt::QueuedConnection);
    });
}

void ImportController::loadDone(Result<LoadedRows> rows, std::optional<SearchFacts> facts)
{
    m_thread = nullptr; // deletes itself once finished
    m_running = Job::None;
    if (facts)
        m_library.setIndexChanged(std::move(*facts));
    m_loadedRows = std::move(rows);
    Q_EMIT loaded();
    m_loadedRows.reset(); // not taken: dropped
    startNext();
}

Result<LoadedRows> ImportController::takeLoaded()
{
    Q_ASSERT(m_loadedRows);
    if (!m_loadedRows)
        return failure(u"the library's rows were taken already"_s);
    Result<LoadedRows> rows = std::move(*m_loadedRows);
    m_loadedRows.reset();
    return rows;
}

void ImportController::launchImport(const QStringList &folders)
{
    m_cancel = false;
    // As for the start-up read: a change of the user's state meanwhile detaches the store's.
    const QHash<QString, UserState> states = m_library.userStore().states();
    runOnWorker(Job::Import, [this, folders, states, userData = m_library.userDataPath()] {
        // Told at most every 100 ms, and at the end: told for each file, the window repainted
        // its progress bar 3,650 times in an import of ten years, 4 s of the UI thread's time.
        QElapsedTimer sinceTold;
        ImportReport report = Importer(m_indexPath).run(
            folders,
            [this, &sinceTold](const ImportProgress &p) {
                if (sinceTold.isValid() && sinceTold.elapsed() < kProgressInterval && p.done < p.total)
                    return;
                sinceTold.start();
                QMetaObject::invokeMethod(this, [this, p] { Q_EMIT progress(p.done, p.total, p.file); },
                                          Qt::QueuedConnection);
            },
            &m_cancel);
        std::optional<IndexSnapshot> snapshot;
        // Batches commit as they go: even a failed import may have changed some.
        if (report.parsed > 0 || report.removed > 0) {
            Result<IndexSnapshot> read = readSnapshotOnThisThread();
            if (read)
                snapshot = std::move(*read);
            else if (report.ok())
                report.error = read.error(); // told as the import's failure, never as an empty list
        }
        std::optional<LoadedRows> rows;
        std::optional<SearchFacts> facts;
        if (snapshot) {
            // What arrived with this import: the papers the library had not seen before. Noted
            // here, not on the UI thread: a first import of ten years is 52,830 inserts.
            QStringList ids;
            ids.reserve(snapshot->rows.size());
            for (const PaperRow &row : std::as_const(snapshot->rows))
                ids += row.id;
            if (Result<QStringList> arrived = ArrivalLog::recordInFile(userData, ids); arrived)
                report.arrived = std::move(*arrived);
            else if (report.ok())
                report.error = arrived.error();
            // The models' tables made here too: at ten years the date tree's counts and the
            // list's table took the UI thread 60 ms at the import's end.
            rows = readyForTheModels(std::move(snapshot->rows), states);
            facts = std::move(snapshot->facts);
        }
        QMetaObject::invokeMethod(
            this,
            [this, report, rows = std::move(rows), facts = std::move(facts)] mutable {
                imported(report, std::move(rows), std::move(facts));
            },
            Qt::QueuedConnection);
    });
    Q_EMIT started();
}

void ImportController::imported(const ImportReport &report, std::optional<LoadedRows> rows,
                                std::optional<SearchFacts> facts)
{
    m_thread = nullptr; // deletes itself once finished
    m_running = Job::None;
    if (facts)
        m_library.setIndexChanged(std::move(*facts));
    const bool changed = rows.has_value();
    if (rows)
        m_loadedRows = std::move(*rows);
    Q_EMIT finished(report, changed);
    m_loadedRows.reset(); // not taken: dropped
    startNext();
}

QString ImportController::describe(const ImportReport &report)
{
    QString message;
    if (!report.ok())
        message = tr("Import failed: %1").arg(report.error->message);
    else if (report.cancelled)
        message = tr("Import cancelled (%Ln files read).", nullptr, report.parsed);
    else if (report.parsed > 0 || report.removed > 0)
        message = tr("Read %Ln files (%L1 unchanged, %L2 removed), %L3 ms.", nullptr, report.parsed)
                      .arg(report.unchanged)
                      .arg(report.removed)
                      .arg(report.milliseconds);
    if (!report.warnings.isEmpty() || !report.errors.isEmpty()) {
        const ParseWarning first = report.warnings.value(0);
        // Two counts, each with its own plural.
        message += u' ' + tr("%Ln warnings", nullptr, int(report.warnings.size())) + u", "_s
            + tr("%Ln unreadable files", nullptr, int(report.errors.size()))
            + (report.warnings.isEmpty() ? QString()
                                         : u" — %1: %2"_s.arg(first.where(QFileInfo(first.file).fileName()),
                                                                  first.message));
    }
    return message.trimmed();
}

} // namespace hanji
