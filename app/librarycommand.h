#pragma once

#include "commands.h"
#include "library.h"

#include <QCommandLineParser>

#include <memory>

namespace hanji::cli {

using namespace Qt::StringLiterals;

// What the library commands share: the --library option, opening the library with its
// notices on stderr, filling a new index from the known folders, papers as text or JSON.
class LibraryCommand
{
public:
    LibraryCommand(const QString &name, const QString &description, Io io);

    QCommandLineParser &parser() { return m_parser; }

    // Parses; returns an exit code to stop with, or nullopt to go on.
    [[nodiscard]] std::optional<int> parse(const QStringList &arguments);
    // Opens the library named by --library (or the default); null after printing why not.
    [[nodiscard]] std::unique_ptr<Library> openLibrary();
    // Resolves ids the user typed; prints the unknown ones and returns nullopt if any.
    [[nodiscard]] std::optional<QStringList> resolveIds(const Library &library, const QStringList &typed);

    void printPapers(const QList<Paper> &papers, bool json);
    int fail(const QString &message);
    // Ok, or the error printed and Failed.
    int exitWith(const Result<> &result) { return result ? int(Ok) : fail(result.error().message); }

    Io io;

private:
    QString m_name;
    QCommandLineParser m_parser;
    QCommandLineOption m_library;
    QCommandLineOption m_help;
};

// The filters search and export share: --min-votes, --max-votes, --from, --to, --bookmarked,
// --unread, --sort, --limit; the query is the positional words.
class SearchOptions
{
public:
    explicit SearchOptions(QCommandLineParser &parser);
    // The query, or nullopt after printing what was wrong with an option or the query (too long).
    [[nodiscard]] std::optional<SearchQuery> query(const QString &command, QTextStream &err) const;

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_minVotes { u"min-votes"_s, u"Only papers with at least N votes."_s, u"N"_s };
    QCommandLineOption m_maxVotes { u"max-votes"_s, u"Only papers with at most N votes."_s, u"N"_s };
    QCommandLineOption m_from { u"from"_s, u"Only papers listed on or after DATE (YYYY-MM-DD)."_s, u"DATE"_s };
    QCommandLineOption m_to { u"to"_s, u"Only papers listed on or before DATE."_s, u"DATE"_s };
    QCommandLineOption m_bookmarked { u"bookmarked"_s, u"Only bookmarked papers."_s };
    QCommandLineOption m_unread { u"unread"_s, u"Only unread papers."_s };
    QCommandLineOption m_sort { u"sort"_s, u"relevance (default), date or votes."_s, u"ORDER"_s };
    QCommandLineOption m_limit { u"limit"_s, u"At most N papers."_s, u"N"_s };
};

// One paper as the command line's JSON gives it: id, title, url, authors, dates, votes,
// bookmarked, read (and note, tags when bookmarked).
[[nodiscard]] QJsonObject paperJson(const Paper &paper);

} // namespace hanji::cli
