#include "similarityservice.h"

#include "freedmemory.h"
#include "library.h"
#include "paperlistmodel.h"
#include "readinglist.h"
#include "similaritysource.h"

#include <QThread>

#include <utility>

namespace hanji {

SimilarityService::SimilarityService(const QString &indexPath, QObject *parent)
    : QObject(parent)
    , m_indexPath(indexPath)
{
}

SimilarityService::~SimilarityService()
{
    if (m_thread) {
        *m_cancel = true;
        m_thread->wait();
    }
}

void SimilarityService::rebuild()
{
    if (m_thread) {
        *m_cancel = true; // what it reads is outdated: start over when it stops
        m_again = true;
        return;
    }
    launch();
}

void SimilarityService::launch()
{
    m_again = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_thread = QThread::create([this, cancel = m_cancel] {
        Result<SimilarityIndex> built = similarityIndexOf(m_indexPath, cancel.get());
        auto index = built ? std::make_shared<const SimilarityIndex>(std::move(*built)) : nullptr;
        const QString error = built ? QString() : built.error().message;
        QMetaObject::invokeMethod(
            this,
            [this, index, error, cancelled = bool(*cancel)] {
                m_thread = nullptr; // deletes itself once finished
                if (m_again) {
                    launch();
                } else if (!error.isEmpty()) {
                    Q_EMIT failed(error);
                } else if (!cancelled) {
                    if (std::exchange(m_index, index))
                        releaseFreedMemoryElsewhere(); // the index before, unless a lookup still holds it
                    Q_EMIT ready();
                }
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

QList<RelatedPaper> SimilarityService::related(const QString &id, int limit) const
{
    return m_index ? m_index->related(id, limit) : QList<RelatedPaper>();
}

Result<QHash<QString, int>> SimilarityService::readingListRanking(const Library &library, int limit) const
{
    if (!m_index)
        return failure(tr("Still reading the library to compare papers; the list follows in a moment."));
    const Result<QStringList> bookmarks = library.bookmarkIds();
    if (!bookmarks)
        return failure(bookmarks.error());
    if (bookmarks->isEmpty())
        return failure(tr("Bookmark a few papers first: the list then shows the unread ones most like them."));
    const QList<RelatedPaper> ranked = likeReadingList(
        *m_index, *bookmarks, [&](const QString &id) { return library.userState(id); }, QString(), limit);
    QHash<QString, int> rank;
    for (int i = 0; i < ranked.size(); ++i)
        rank.insert(ranked[i].id, i);
    return rank;
}

QList<RelatedLink> SimilarityService::relatedLinks(const QString &id, const PaperListModel &papers, int limit) const
{
    QList<RelatedLink> links;
    for (const RelatedPaper &paper : related(id, limit)) {
        const QModelIndex index = papers.indexForId(paper.id);
        if (index.isValid())
            links.append({ paper.id, papers.paperAt(index.row()).title });
    }
    return links;
}

} // namespace hanji
