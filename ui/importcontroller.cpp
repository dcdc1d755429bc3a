#include "importcontroller.h"

#include "library.h"
#include "sqlutil.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji {

ImportController::ImportController(QString indexPath, QObject *parent)
    : QObject(parent)
    , m_indexPath(std::move(indexPath))
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

Result<IndexSnapshot> ImportController::readSnapshotOnThisThread() const
{
    const QString connection = uniqueConnectionName(u"rows"_s);
    Result<IndexSnapshot> snapshot = failure(QString());
    {
        const Result<QSqlDatabase> index = openSqlite(m_indexPath, connection);
        if (!index) {
            snapshot = failure(index.error());
        } else {
            const IndexReader reader(*index);
            Result<QList<PaperRow>> rows = reader.rows();
            Result<SearchFacts> facts = rows ? reader.searchFacts() : failure(rows.error());
            if (facts)
                snapshot = IndexSnapshot { std::move(*rows), std::move(*facts) };
            else
                snapshot = failure(facts.error());
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
        QMetaObject::invokeMethod(this, [this, report, snapshot = std::move(snapshot)] { done(report, snapshot); },
                                  Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
    Q_EMIT started();
}

void ImportController::done(const ImportReport &report, const std::optional<IndexSnapshot> &snapshot)
{
    m_thread = nullptr; // deletes itself once finished
    Q_EMIT finished(report, snapshot);
    if (m_queued) {
        const QStringList next = *m_queued;
        m_queued.reset();
        launch(next);
    }
}

} // namespace hanji
