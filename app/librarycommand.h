#pragma once

#include "commands.h"
#include "library.h"

#include <QCommandLineParser>

#include <memory>

namespace hanji::cli {

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

    Io io;

private:
    QString m_name;
    QCommandLineParser m_parser;
    QCommandLineOption m_library;
    QCommandLineOption m_help;
};

// One paper as the command line's JSON gives it: id, title, url, authors, dates, votes,
// bookmarked, read (and note, tags when bookmarked).
[[nodiscard]] QJsonObject paperJson(const Paper &paper);

} // namespace hanji::cli
