#include "librarycommand.h"

#include "readinglist.h"
#include "similaritysource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

constexpr int kDefaultRecommendations = 20;

// search --like-bookmarks: the papers the query allows, ranked by likeness to the reading list.
int printLikeBookmarks(LibraryCommand &command, const Library &library, const SearchQuery &query, const QString &tag,
                       bool json)
{
    SearchQuery allowedQuery = query;
    allowedQuery.order = SearchQuery::Order::None;
    allowedQuery.limit = -1;
    const Result<QStringList> allowed = library.search(allowedQuery);
    if (!allowed)
        return command.fail(allowed.error().message);
    const QSet<QString> allowedIds(allowed->cbegin(), allowed->cend());
    const Result<QStringList> bookmarks = library.bookmarkIds();
    if (!bookmarks)
        return command.fail(bookmarks.error().message);
    const auto stateOf = [&](const QString &id) { return library.userState(id); };
    if (readingListSeeds(*bookmarks, stateOf, tag).isEmpty())
        return command.fail(tag.isEmpty() ? u"the reading list is empty: bookmark some papers first"_s
                                          : u"no bookmark has the tag %1"_s.arg(tag));
    const Result<SimilarityIndex> index = similarityIndexOf(library.indexPath());
    if (!index)
        return command.fail(index.error().message);
    const QList<RelatedPaper> ranked
        = likeReadingList(*index, *bookmarks, stateOf, tag, query.limit >= 0 ? query.limit : kDefaultRecommendations,
                          [&](const QString &id) { return allowedIds.contains(id); });
    QStringList ids;
    for (const RelatedPaper &paper : ranked)
        ids += paper.id;
    const Result<QList<Paper>> papers = library.papers(ids);
    if (!papers)
        return command.fail(papers.error().message);
    if (!json) {
        command.printPapers(*papers, false);
        return Ok;
    }
    QHash<QString, double> scores;
    for (const RelatedPaper &paper : ranked)
        scores.insert(paper.id, paper.score);
    QJsonArray array;
    for (const Paper &paper : *papers) {
        QJsonObject object = paperJson(paper);
        object.insert(u"score"_s, std::round(scores.value(paper.id) * 10000) / 10000);
        array.append(object);
    }
    command.io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Ok;
}

} // namespace

int searchCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"search"_s,
                           u"Searches titles, authors and summaries. Every word must appear (as a substring, any "
                           "case); \"quoted phrases\" match as a whole; title: and author: limit a word to one field."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"QUERY"_s, u"What to look for; may be empty with filters."_s, u"[QUERY…]"_s);
    const SearchOptions filters(parser);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array of papers."_s);
    const QCommandLineOption fresh(u"new"_s, u"Only papers that arrived since the reader window last closed."_s);
    const QCommandLineOption saved(u"saved"_s, u"Run the saved search NAME (its words and filters; the query adds words)."_s,
                                   u"NAME"_s);
    const QCommandLineOption likeBookmarks(
        u"like-bookmarks"_s,
        u"Rank the unread papers that are not bookmarked (and match the query and filters) by likeness to the "
        "bookmarked ones, the mean of their tf-idf vectors; at most 20 unless --limit. JSON adds a score."_s);
    const QCommandLineOption tag(u"tag"_s, u"With --like-bookmarks: only the bookmarks tagged T."_s, u"T"_s);
    parser.addOptions({ json, fresh, saved, likeBookmarks, tag });
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::optional<SearchQuery> query = filters.query(u"search"_s, io.err);
    if (!query)
        return BadUsage;
    if (parser.isSet(tag) && !parser.isSet(likeBookmarks)) {
        io.err << "hanji search: --tag goes with --like-bookmarks\n";
        return BadUsage;
    }

    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    if (parser.isSet(saved)) {
        const Result<std::optional<SavedSearch>> found = library->savedSearch(parser.value(saved));
        if (!found)
            return command.fail(found.error().message);
        if (!*found)
            return command.fail(u"no saved search named \"%1\" (hanji saved list shows them)"_s.arg(parser.value(saved)));
        SearchQuery savedQuery = Library::queryOf(**found);
        savedQuery.text = (savedQuery.text + u' ' + query->text).trimmed();
        savedQuery.order = query->order;
        savedQuery.limit = query->limit;
        query = savedQuery;
    }
    if (parser.isSet(likeBookmarks))
        return printLikeBookmarks(command, *library, *query, parser.value(tag), parser.isSet(json));
    const int limit = query->limit;
    if (parser.isSet(fresh))
        query->limit = -1; // the limit applies to the new papers
    Result<QStringList> found = library->search(*query);
    if (!found)
        return command.fail(found.error().message);
    if (parser.isSet(fresh)) {
        const Result<QStringList> arrived = library->newIds();
        if (!arrived)
            return command.fail(arrived.error().message);
        const QSet<QString> arrivedIds(arrived->cbegin(), arrived->cend());
        found->removeIf([&](const QString &id) { return !arrivedIds.contains(id); });
        if (limit >= 0 && found->size() > limit)
            found->resize(limit);
    }
    const Result<QList<Paper>> papers = library->papers(*found);
    if (!papers)
        return command.fail(papers.error().message);
    command.printPapers(*papers, parser.isSet(json));
    return Ok;
}

} // namespace hanji::cli
