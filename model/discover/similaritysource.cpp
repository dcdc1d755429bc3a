#include "similaritysource.h"

#include "freedmemory.h"
#include "logging.h"
#include "similaritycache.h"
#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr qsizetype kBatch = 250; // 2,000 had left 11 MiB more to the build's peak in the window
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

namespace {

enum class Saved { Used, Ignored };

// Reads the index in one read transaction, so that the stamp names the very papers read.
Result<SimilarityIndex> similarityIndexOf(const QString &indexPath, Saved saved, const std::atomic_bool *cancel)
{
    const QString connection = uniqueConnectionName(u"similarity"_s);
    const QString cachePath = similarityCachePath(indexPath);
    Result<SimilarityIndex> built = SimilarityIndex();
    {
        Result<QSqlDatabase> database = openSqlite(indexPath, connection);
        const bool reading = database && database->transaction();
        const Result<QByteArray> stamp = !database ? failure(database.error())
            : !reading                            ? failure(sqlError(database->lastError(), u"cannot read the index"_s))
                                                  : similarityStamp(*database);
        std::optional<SimilarityIndex> loaded;
        if (!stamp) {
            built = failure(stamp.error());
        } else if (saved == Saved::Used && (loaded = loadSimilarityIndex(cachePath, *stamp))) {
            built = std::move(*loaded);
        } else {
            const IndexReader reader(*database);
            SimilarityIndexBuilder builder;
            const Result<> read = forEachPaperText(reader, [&](const PaperText &paper) { builder.add(paper); }, cancel);
            if (!read) {
                built = failure(read.error());
            } else {
                // What the batches read freed, before the vectors are made: the allocator kept
                // it. This and finish()'s took the window's peak while it builds at ten years
                // from 427 to 397 MiB. Not after each batch: a trim locks the window's heap too,
                // while it walks it.
                releaseFreedMemory();
                built = builder.finish(cancel);
            }
            const bool whole = built && !(cancel && *cancel);
            if (saved == Saved::Used && whole) {
                // The saved one mapped rather than the one built: its pages are read as
                // lookups touch them, and the system may drop them again.
                if (const Result<> written = saveSimilarityIndex(*built, cachePath, *stamp); !written)
                    qCInfo(lcLibrary) << written.error().message;
                else if ((loaded = loadSimilarityIndex(cachePath, *stamp)))
                    built = std::move(*loaded);
            }
        }
        if (reading)
            database->rollback(); // it only read
    }
    closeSqlite(connection);
    releaseFreedMemory(); // the builder's counts and the batches read
    return built;
}

} // namespace

Result<SimilarityIndex> similarityIndexOf(const QString &indexPath, const std::atomic_bool *cancel)
{
    return similarityIndexOf(indexPath, Saved::Used, cancel);
}

Result<SimilarityIndex> buildSimilarityIndex(const QString &indexPath, const std::atomic_bool *cancel)
{
    return similarityIndexOf(indexPath, Saved::Ignored, cancel);
}

} // namespace hanji
