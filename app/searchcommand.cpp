#include "librarycommand.h"

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
    parser.addOption(json);
    if (const auto exit = command.parse(arguments))
        return *exit;
    const std::optional<SearchQuery> query = filters.query(u"search"_s, io.err);
    if (!query)
        return BadUsage;

    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<QStringList> found = library->search(*query);
    if (!found)
        return command.fail(found.error().message);
    const Result<QList<Paper>> papers = library->papers(*found);
    if (!papers)
        return command.fail(papers.error().message);
    command.printPapers(*papers, parser.isSet(json));
    return Ok;
}

} // namespace hanji::cli
