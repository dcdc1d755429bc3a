#pragma once

#include "paperhtml.h"
#include "result.h"
#include "similarityindex.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace hanji {

class Library;
class PaperListModel;

// The window's similarity index: read on a worker thread (its own connection), at start and
// again after every import, as saved beside the index when it is current, else built (and
// saved); lookups on the UI thread read the last one, which is immutable. A rebuild asked for
// while one runs cancels it and starts over, so the answer always reflects the latest import.
class SimilarityService : public QObject
{
    Q_OBJECT
public:
    explicit SimilarityService(const QString &indexPath, QObject *parent = nullptr);
    ~SimilarityService() override; // cancels and waits: the worker must not outlive us

    void rebuild();
    [[nodiscard]] bool isReady() const { return m_index != nullptr; }
    [[nodiscard]] bool isBuilding() const { return m_thread != nullptr; }
    // Null until the first build is done.
    [[nodiscard]] std::shared_ptr<const SimilarityIndex> index() const { return m_index; }
    [[nodiscard]] QList<RelatedPaper> related(const QString &id, int limit) const;
    // The same as links for the pane, titled as the list titles them; papers the list does
    // not hold (an import under way) are left out.
    [[nodiscard]] QList<RelatedLink> relatedLinks(const QString &id, const PaperListModel &papers, int limit) const;

    // "More like my reading list": the unread, unbookmarked papers most like the bookmarks,
    // rank by id (0 the best), at most limit; an error when there is nothing to rank by yet.
    [[nodiscard]] Result<QHash<QString, int>> readingListRanking(const Library &library, int limit = 200) const;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    void launch();

    const QString m_indexPath;
    std::shared_ptr<const SimilarityIndex> m_index;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_again = false;
};

} // namespace hanji
