#include "similaritysource.h"

#include "freedmemory.h"
#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr qsizetype kBatch = 2000;
} // namespace

Result<> forEachPaperText(const IndexReader &index, const std::function<void(const PaperText &)> &take,
                          const std::atomic_bool *cancel)
{
    const Result<QStringList> keys = index.keys();
    if (!keys)
        return failure(keys.error());
    for (qsizetype first = 0; first < keys->size(); first += kBatch) {
        if (cancel && *cancel)
            return {};
        const Result<QList<Paper>> papers = index.papers(keys->mid(first, kBatch));
        if (!papers)
            return failure(papers.error());
        for (const Paper &paper : *papers)
            take(PaperText::of(paper));
    }
    return {};
}

Result<SimilarityIndex> buildSimilarityIndex(const QString &indexPath, const std::atomic_bool *cancel)
{
    const QString connection = uniqueConnectionName(u"similarity"_s);
    Result<SimilarityIndex> built = SimilarityIndex();
    {
        const Result<QSqlDatabase> database = openSqlite(indexPath, connection);
        if (!database) {
            built = failure(database.error());
        } else {
            const IndexReader reader(*database);
            SimilarityIndexBuilder builder;
            const Result<> read = forEachPaperText(reader, [&](const PaperText &paper) { builder.add(paper); }, cancel);
            if (!read)
                built = failure(read.error());
            else
                built = builder.finish(cancel);
        }
    }
    closeSqlite(connection);
    releaseFreedMemory(); // the builder's counts and the batches read
    return built;
}

} // namespace hanji
