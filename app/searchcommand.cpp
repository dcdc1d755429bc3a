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
    const QCommandLineOption minVotes(u"min-votes"_s, u"Only papers with at least N votes."_s, u"N"_s);
    const QCommandLineOption maxVotes(u"max-votes"_s, u"Only papers with at most N votes."_s, u"N"_s);
    const QCommandLineOption from(u"from"_s, u"Only papers listed on or after DATE (YYYY-MM-DD)."_s, u"DATE"_s);
    const QCommandLineOption to(u"to"_s, u"Only papers listed on or before DATE."_s, u"DATE"_s);
    const QCommandLineOption bookmarked(u"bookmarked"_s, u"Only bookmarked papers."_s);
    const QCommandLineOption unread(u"unread"_s, u"Only unread papers."_s);
    const QCommandLineOption sort(u"sort"_s, u"relevance (default), date or votes."_s, u"ORDER"_s);
    const QCommandLineOption limit(u"limit"_s, u"At most N papers."_s, u"N"_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array of papers."_s);
    parser.addOptions({ minVotes, maxVotes, from, to, bookmarked, unread, sort, limit, json });
    if (const auto exit = command.parse(arguments))
        return *exit;

    SearchQuery query;
    query.text = parser.positionalArguments().join(u' ');
    for (const auto &[option, target] : { std::pair(&minVotes, &query.minVotes), std::pair(&maxVotes, &query.maxVotes) }) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok) {
            io.err << "hanji search: --" << option->names().constFirst() << " takes a whole number\n";
            return BadUsage;
        }
    }
    for (const auto &[option, target] : { std::pair(&from, &query.from), std::pair(&to, &query.to) }) {
        if (!parser.isSet(*option))
            continue;
        *target = QDate::fromString(parser.value(*option), Qt::ISODate);
        if (!target->isValid()) {
            io.err << "hanji search: --" << option->names().constFirst() << " takes a date as YYYY-MM-DD\n";
            return BadUsage;
        }
    }
    query.bookmarkedOnly = parser.isSet(bookmarked);
    query.unreadOnly = parser.isSet(unread);
    const QString order = parser.value(sort);
    if (order == u"date"_s)
        query.order = SearchQuery::Order::Newest;
    else if (order == u"votes"_s)
        query.order = SearchQuery::Order::MostVotes;
    else if (!order.isEmpty() && order != u"relevance"_s) {
        io.err << "hanji search: --sort takes relevance, date or votes\n";
        return BadUsage;
    }
    if (parser.isSet(limit))
        query.limit = parser.value(limit).toInt();

    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const SearchResult result = library->search(query);
    if (!result.error.isEmpty())
        return command.fail(result.error);
    command.printPapers(library->papers(result.ids), parser.isSet(json));
    return Ok;
}

} // namespace hanji::cli
