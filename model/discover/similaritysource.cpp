#include "similaritysource.h"

#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr qsizetype kBatch = 2000;
} // namespace

Result<QList<PaperText>> readPaperTexts(const IndexReader &index, const std::atomic_bool *cancel)
{
    const Result<QList<PaperRow>> rows = index.rows();
    if (!rows)
        return failure(rows.error());
    QList<PaperText> texts;
    texts.reserve(rows->size());
    for (qsizetype first = 0; first < rows->size(); first += kBatch) {
        if (cancel && *cancel)
            return texts;
        QStringList ids;
        for (qsizetype i = first; i < std::min(first + kBatch, rows->size()); ++i)
            ids += rows->at(i).id;
        const Result<QList<Paper>> papers = index.papers(ids);
        if (!papers)
            return failure(papers.error());
        for (const Paper &paper : *papers)
            texts.append(PaperText::of(paper));
    }
    return texts;
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
            const Result<QList<PaperText>> texts = readPaperTexts(reader, cancel);
            if (!texts)
                built = failure(texts.error());
            else
                built = SimilarityIndex::build(*texts, cancel);
        }
    }
    closeSqlite(connection);
    return built;
}

} // namespace hanji
