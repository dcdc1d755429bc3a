#include "importcontroller.h"

#include "sqlutil.h"

#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji {

ImportController::ImportController(Library &library, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_indexPath(library.indexPath())
{
}

ImportController::~ImportController()
{
    m_queued.reset();
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
    launch(folders);
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

void ImportController::launch(const QStringList &folders)
{
    m_cancel = false;
    m_thread = QThread::create([this, folders] {
        ImportReport report = Importer(m_indexPath).run(
            folders,
            [this](const ImportProgress &p) {
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
        // Moved, not copied: the UI thread fills in the user's state without detaching the rows.
        QMetaObject::invokeMethod(
            this, [this, report, snapshot = std::move(snapshot)] mutable { done(report, std::move(snapshot)); },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
    Q_EMIT started();
}

void ImportController::done(const ImportReport &report, std::optional<IndexSnapshot> snapshot)
{
    m_thread = nullptr; // deletes itself once finished
    std::optional<QList<PaperRow>> rows;
    ImportReport told = report;
    if (snapshot) {
        m_library.setIndexChanged(std::move(snapshot->facts));
        m_library.applyUserState(snapshot->rows);
        // What arrived with this import: the papers the library had not seen before.
        QStringList ids;
        ids.reserve(snapshot->rows.size());
        for (const PaperRow &row : std::as_const(snapshot->rows))
            ids += row.id;
        if (Result<QStringList> arrived = m_library.noteArrivals(ids); arrived)
            told.arrived = std::move(*arrived);
        else if (told.ok())
            told.error = arrived.error();
        rows = std::move(snapshot->rows);
    }
    Q_EMIT finished(told, rows);
    if (m_queued) {
        const QStringList next = *m_queued;
        m_queued.reset();
        launch(next);
    }
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
