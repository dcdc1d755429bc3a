#include "librarycommand.h"

#include "archivestats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

QJsonValue optionalJson(const auto &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

// What the Insights charts draw, as `stats --json` adds it.
void addArchiveStats(QJsonObject &object, const ArchiveStats &stats)
{
    QJsonArray weeks;
    for (const WeekCount &week : stats.perWeek)
        weeks.append(QJsonObject { { u"week"_s, week.label() }, { u"entries"_s, week.entries }, { u"papers"_s, week.papers } });
    QJsonArray days;
    for (const DayVotes &day : stats.perDay)
        days.append(QJsonObject { { u"date"_s, day.date.toString(Qt::ISODate) },
                                  { u"entries"_s, day.entries },
                                  { u"votes_max"_s, optionalJson(day.votesMax) },
                                  { u"votes_median"_s, optionalJson(day.votesMedian) } });
    QJsonArray histogram;
    for (const VotesBucket &bucket : stats.votesHistogram)
        histogram.append(QJsonObject { { u"from"_s, bucket.from }, { u"to"_s, optionalJson(bucket.to) }, { u"entries"_s, bucket.entries } });
    QJsonArray authors;
    for (const NameCount &author : stats.topAuthors)
        authors.append(QJsonObject { { u"name"_s, author.name }, { u"papers"_s, author.papers } });
    QJsonArray words;
    for (const NameCount &word : stats.topTitleWords)
        words.append(QJsonObject { { u"word"_s, word.name }, { u"papers"_s, word.papers } });
    object.insert(u"per_week"_s, weeks);
    object.insert(u"per_day"_s, days);
    object.insert(u"votes_histogram"_s, histogram);
    object.insert(u"top_authors"_s, authors);
    object.insert(u"top_title_words"_s, words);
}

} // namespace

int statsCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"stats"_s,
                           u"Prints what the library holds. --json adds what the Insights charts show, for the "
                           "whole library or the papers a query matches: per_week (ISO 8601 weeks), per_day (votes "
                           "max and median), votes_histogram (entries with from <= votes < to; to is null on the "
                           "last bucket), top_authors and top_title_words (20 each)."_s,
                           io);
    command.parser().addPositionalArgument(u"QUERY"_s, u"Only the papers this search matches, for the charts' numbers."_s,
                                           u"[QUERY…]"_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    command.parser().addOption(json);
    if (const auto exit = command.parse(arguments))
        return *exit;
    if (!command.parser().positionalArguments().isEmpty() && !command.parser().isSet(json)) {
        io.err << "hanji stats: a query goes with --json\n";
        return BadUsage;
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<LibraryStats> read = library->stats();
    if (!read)
        return command.fail(read.error().message);
    const LibraryStats &stats = *read;
    const IndexCounts &index = stats.index;
    if (command.parser().isSet(json)) {
        const QString queryText = command.parser().positionalArguments().join(u' ');
        if (const auto terms = parseBoundedSearchText(queryText); !terms) {
            io.err << "hanji stats: " << terms.error().message << "\n";
            return BadUsage;
        }
        Result<QList<PaperRow>> rows = library->rows();
        if (!rows)
            return command.fail(rows.error().message);
        if (!queryText.isEmpty()) {
            const Result<QStringList> found = library->search({ .text = queryText, .order = SearchQuery::Order::None });
            if (!found)
                return command.fail(found.error().message);
            const QSet<QString> matches(found->cbegin(), found->cend());
            rows->removeIf([&](const PaperRow &row) { return !matches.contains(row.id); });
        }
        QJsonObject object {
            { u"library"_s, library->directory() },
            { u"folders"_s, QJsonArray::fromStringList(stats.folders) },
            { u"files"_s, index.files },
            { u"days"_s, index.days },
            { u"entries"_s, index.entries },
            { u"papers"_s, index.papers },
            { u"votes_total"_s, index.votesTotal },
            { u"bookmarks"_s, stats.bookmarks },
            { u"read"_s, stats.read },
            { u"new"_s, stats.newPapers },
            { u"warnings"_s, index.warnings },
            { u"index_bytes"_s, stats.indexBytes },
            { u"user_data_bytes"_s, stats.userDataBytes },
        };
        if (!queryText.isEmpty()) {
            object.insert(u"query"_s, queryText);
            object.insert(u"query_papers"_s, int(rows->size()));
        }
        addArchiveStats(object, ArchiveStats::of(*rows));
        io.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Ok;
    }
    io.out << "library:    " << library->directory() << "\n"
           << "folders:    " << stats.folders.join(u", "_s) << "\n"
           << "files:      " << index.files << " (" << index.warnings << " warnings)\n"
           << "days:       " << index.days << "\n"
           << "papers:     " << index.papers << " in " << index.entries << " entries, " << index.votesTotal << " votes\n"
           << "bookmarks:  " << stats.bookmarks << "\n"
           << "read:       " << stats.read << " of " << index.papers << "\n"
           << "new:        " << stats.newPapers << " since the window last closed\n"
           << "size:       index " << stats.indexBytes / 1024 << " KiB, user data " << stats.userDataBytes / 1024
           << " KiB\n";
    return Ok;
}

} // namespace hanji::cli
