#include "archivecontroller.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// The distinct work trees around the folders that follow a remote, and the errors met.
QStringList workTreeRoots(const QStringList &folders, QStringList *errors = nullptr)
{
    QStringList roots;
    for (const QString &folder : folders) {
        const Result<std::optional<GitWorkTree>> tree = GitArchive::find(folder);
        if (!tree) {
            if (errors && !errors->contains(tree.error().message))
                *errors += tree.error().message;
            continue;
        }
        if (*tree && !roots.contains((*tree)->root))
            roots += (*tree)->root;
    }
    return roots;
}

} // namespace

ArchiveController::ArchiveController(QObject *parent)
    : QObject(parent)
{
}

ArchiveController::~ArchiveController()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

GitArchive::ProgressCallback ArchiveController::progressCallback()
{
    return [this](const GitProgress &step) {
        QMetaObject::invokeMethod(this, [this, step] { Q_EMIT progress(step.phase, step.percent); }, Qt::QueuedConnection);
    };
}

bool ArchiveController::launch(const QString &what, std::function<std::function<void()>()> work)
{
    if (m_thread)
        return false;
    m_cancel = false;
    // The work returns what to do on this thread when it is done.
    m_thread = QThread::create([this, work = std::move(work)] {
        std::function<void()> finish = work();
        QMetaObject::invokeMethod(
            this,
            [this, finish = std::move(finish)] {
                m_thread = nullptr; // deletes itself once finished
                m_probing = false;
                finish();
                if (m_pendingUpdate && !m_thread)
                    update(*std::exchange(m_pendingUpdate, std::nullopt));
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
    if (!what.isEmpty())
        Q_EMIT started(what);
    return true;
}

void ArchiveController::probe(const QStringList &folders)
{
    // Quietly: a probe shows no progress. While another job runs it is skipped: an update
    // finds the roots itself, a clone is probed after it.
    if (m_thread)
        return;
    m_probing = launch(QString(), [this, folders] {
        const QStringList roots = workTreeRoots(folders);
        return std::function<void()>([this, roots] {
            m_roots = roots;
            Q_EMIT updatableChanged(!roots.isEmpty());
        });
    });
}

bool ArchiveController::update(const QStringList &folders)
{
    if (m_thread && m_probing) {
        m_pendingUpdate = folders;
        return true;
    }
    return launch(tr("Updating from git"), [this, folders] {
        FoldersUpdate result;
        const QStringList roots = workTreeRoots(folders, &result.failures);
        for (const QString &root : roots) {
            if (m_cancel) {
                result.cancelled = true;
                break;
            }
            const Result<ArchiveUpdate> updated = GitArchive::update(root, progressCallback(), &m_cancel);
            if (updated)
                result.updated += *updated;
            else if (updated.error().kind == Error::Kind::Cancelled)
                result.cancelled = true;
            else
                result.failures += updated.error().message;
        }
        return std::function<void()>([this, result, roots] {
            m_roots = roots;
            Q_EMIT updateFinished(result);
        });
    });
}

bool ArchiveController::clone(const QString &url, const QString &target)
{
    return launch(tr("Cloning %1").arg(url), [this, url, target] {
        const Result<> cloned = GitArchive::clone(url, target, progressCallback(), &m_cancel);
        const QString error = cloned ? QString() : cloned.error().message;
        return std::function<void()>([this, target, error] { Q_EMIT cloneFinished(target, error); });
    });
}

} // namespace hanji
