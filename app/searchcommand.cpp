#include "librarycommand.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji::cli {

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
    parser.addOptions({ json, fresh, saved });
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::optional<SearchQuery> query = filters.query(u"search"_s, io.err);
    if (!query)
        return BadUsage;

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
