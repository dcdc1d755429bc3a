#include "librarycommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

// The filters a saved search keeps: those of search, without order and limit.
struct SavedFilters {
    QCommandLineOption minVotes { u"min-votes"_s, u"With add: only papers with at least N votes."_s, u"N"_s };
    QCommandLineOption maxVotes { u"max-votes"_s, u"With add: only papers with at most N votes."_s, u"N"_s };
    QCommandLineOption from { u"from"_s, u"With add: only papers listed on or after DATE (YYYY-MM-DD)."_s, u"DATE"_s };
    QCommandLineOption to { u"to"_s, u"With add: only papers listed on or before DATE."_s, u"DATE"_s };
    QCommandLineOption bookmarked { u"bookmarked"_s, u"With add: only bookmarked papers."_s };
    QCommandLineOption unread { u"unread"_s, u"With add: only unread papers."_s };

    // Reads the options into search; false after saying what was wrong.
    bool read(const QCommandLineParser &parser, SavedSearch &search, QTextStream &err) const
    {
        for (const auto &[option, target] : { std::pair(&minVotes, &search.minVotes), std::pair(&maxVotes, &search.maxVotes) }) {
            if (!parser.isSet(*option))
                continue;
            bool ok = false;
            const int value = parser.value(*option).toInt(&ok);
            if (!ok || value < 0) {
                err << "hanji saved: --" << option->names().constFirst() << " takes a whole number\n";
                return false;
            }
            *target = value;
        }
        for (const auto &[option, target] : { std::pair(&from, &search.from), std::pair(&to, &search.to) }) {
            if (!parser.isSet(*option))
                continue;
            *target = QDate::fromString(parser.value(*option), Qt::ISODate);
            if (!target->isValid()) {
                err << "hanji saved: --" << option->names().constFirst() << " takes a date as YYYY-MM-DD\n";
                return false;
            }
        }
        search.bookmarkedOnly = parser.isSet(bookmarked);
        search.unreadOnly = parser.isSet(unread);
        return true;
    }
};

} // namespace

int savedCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"saved"_s,
                           u"Keeps searches under a name: add NAME QUERY [filters] saves one (replacing one of the same "
                           "name), list shows each with how many papers it finds and how many of them are unread "
                           "and new, rename OLD NEW and remove NAME change them. hanji search --saved NAME runs one."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"ACTION"_s, u"add, list, rename or remove."_s);
    parser.addPositionalArgument(u"NAME"_s, u"The saved search's name."_s, u"[NAME]"_s);
    parser.addPositionalArgument(u"QUERY"_s, u"With add: what to look for, as for search."_s, u"[QUERY…]"_s);
    const SavedFilters filters;
    const QCommandLineOption json(u"json"_s, u"With list: print a JSON array of {name, query, total, unread, new, min_votes, max_votes, from, to, "
                                                      "bookmarked_only, unread_only}."_s);
    parser.addOptions({ filters.minVotes, filters.maxVotes, filters.from, filters.to, filters.bookmarked, filters.unread, json });
    if (const auto exit = command.parse(arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qsizetype needed = action == u"list"_s ? 1 : action == u"remove"_s ? 2 : action == u"rename"_s ? 3 : 2;
    if (action != u"add"_s && action != u"list"_s && action != u"remove"_s && action != u"rename"_s) {
        io.err << "hanji saved: say add, list, rename or remove\n";
        return BadUsage;
    }
    if (positional.size() < needed || (action != u"add"_s && positional.size() > needed)) {
        io.err << "hanji saved " << action << ": "
               << (action == u"list"_s     ? "takes no name"
                       : action == u"rename"_s ? "name the saved search and its new name"
                                               : "name the saved search")
               << "\n";
        return BadUsage;
    }
    SavedSearch search { .name = positional.value(1).trimmed(), .query = positional.mid(2).join(u' ') };
    if (action == u"add"_s && !filters.read(parser, search, io.err))
        return BadUsage;

    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    if (action == u"add"_s)
        return command.exitWith(library->saveSearch(search));
    if (action == u"remove"_s)
        return command.exitWith(library->removeSavedSearch(search.name));
    if (action == u"rename"_s)
        return command.exitWith(library->renameSavedSearch(search.name, positional.at(2)));

    const Result<QList<SavedSearch>> saved = library->savedSearches();
    if (!saved)
        return command.fail(saved.error().message);
    const Result<QStringList> fresh = library->newIds();
    if (!fresh)
        return command.fail(fresh.error().message);
    const QSet<QString> freshIds(fresh->cbegin(), fresh->cend());
    QJsonArray array;
    for (const SavedSearch &one : *saved) {
        const Result<QStringList> ids = library->savedSearchIds(one);
        if (!ids)
            return command.fail(u"%1: %2"_s.arg(one.name, ids.error().message));
        int unread = 0;
        int arrived = 0;
        for (const QString &id : *ids) {
            unread += library->userState(id).read ? 0 : 1;
            arrived += freshIds.contains(id) ? 1 : 0;
        }
        if (parser.isSet(json)) {
            // The filters too, as add takes them: null where open.
            const auto number = [](const std::optional<int> &n) { return n ? QJsonValue(*n) : QJsonValue(); };
            const auto day = [](const QDate &d) { return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(); };
            array.append(QJsonObject { { u"name"_s, one.name },
                                       { u"query"_s, one.query },
                                       { u"total"_s, int(ids->size()) },
                                       { u"unread"_s, unread },
                                       { u"new"_s, arrived },
                                       { u"min_votes"_s, number(one.minVotes) },
                                       { u"max_votes"_s, number(one.maxVotes) },
                                       { u"from"_s, day(one.from) },
                                       { u"to"_s, day(one.to) },
                                       { u"bookmarked_only"_s, one.bookmarkedOnly },
                                       { u"unread_only"_s, one.unreadOnly } });
        } else {
            io.out << one.name.leftJustified(20) << "  " << QString::number(ids->size()).rightJustified(5) << " papers  "
                   << QString::number(unread).rightJustified(5) << " unread  " << QString::number(arrived).rightJustified(4)
                   << " new  " << one.query << "\n";
        }
    }
    if (parser.isSet(json))
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Ok;
}

} // namespace hanji::cli
