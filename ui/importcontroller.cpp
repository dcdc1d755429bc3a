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

IndexSnapshot ImportController::readSnapshotOnThisThread() const
{
    const QString connection = uniqueConnectionName(u"rows"_s);
    IndexSnapshot snapshot;
    {
        QString error;
        const QSqlDatabase index = openSqlite(m_indexPath, connection, &error);
        if (index.isOpen()) {
            snapshot.rows = Library::readRows(index);
            snapshot.facts = Library::readSearchFacts(index);
        }
    }
    closeSqlite(connection);
    return snapshot;
}

void ImportController::launch(const QStringList &folders)
{
    m_cancel = false;
    m_thread = QThread::create([this, folders] {
        const ImportReport report = Importer(m_indexPath).run(
            folders,
            [this](const ImportProgress &p) {
                QMetaObject::invokeMethod(this, [this, p] { Q_EMIT progress(p.done, p.total, p.file); },
                                          Qt::QueuedConnection);
            },
            &m_cancel);
        std::optional<IndexSnapshot> snapshot;
        if (report.parsed > 0 || report.removed > 0) // batches commit as they go: even a failed import may have changed some
            snapshot = readSnapshotOnThisThread();
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
