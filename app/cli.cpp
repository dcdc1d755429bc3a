#include "cli.h"

#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <functional>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList &, Io)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> list {
        { u"check"_s, u"Read digests and report totals and problems: check PATH… [--json]"_s, checkCommand },
        { u"import"_s, u"Import folders of digests into the library: import [FOLDER…]"_s, importCommand },
        { u"search"_s, u"Search the library: search QUERY [--min-votes N] [--from DATE] [--bookmarked] [--json] …"_s,
          searchCommand },
        { u"bookmark"_s, u"Keep the reading list: bookmark add|remove|list [ID…] [--note TEXT]"_s, bookmarkCommand },
        { u"read"_s, u"Mark papers read: read ID… [--unread]"_s, readCommand },
        { u"stats"_s, u"What the library holds: stats [--json]"_s, statsCommand },
        { u"show"_s, u"Print a paper: show ID [--html] (the summary pane's exact HTML)"_s, showCommand },
        { u"export"_s, u"Export papers: export --format markdown|bibtex|ris|csv|json [--bookmarked | QUERY] [-o FILE] …"_s,
          exportCommand },
    };
    return list;
}

QString usage()
{
    QString text = u"Usage: hanji [FOLDER] [--library DIR] [--screenshot FILE [--select ID]]\n"
                   "       hanji COMMAND [ARGS…]\n\n"
                   "Without a command, opens the reader window on FOLDER (or the last folder).\n\n"
                   "Commands (no display needed):\n"_s;
    for (const Command &command : commands())
        text += u"  %1  %2\n"_s.arg(command.name, -8).arg(command.summary);
    text += u"\nhanji COMMAND --help shows a command's options; all library commands take --library DIR.\n"_s;
    return text;
}

} // namespace

bool wantsCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    for (const Command &command : commands()) {
        if (arguments.at(1) == command.name)
            return true;
    }
    // A word that is neither a command nor a path is a mistyped command, not a folder to open.
    if (!arguments.at(1).startsWith(u'-') && !QFileInfo::exists(arguments.at(1)))
        return true;
    return arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s) || arguments.contains(u"--version"_s)
        || arguments.contains(u"-v"_s);
}

int run(const QStringList &arguments)
{
    // Every failure reaches the user as a message of its command; the hanji.* log lines
    // (SQL text and all) are for debugging, with QT_LOGGING_RULES="hanji.*=true".
    QLoggingCategory::setFilterRules(u"hanji.*.warning=false\nhanji.*.critical=false"_s);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString first = arguments.value(1);
    if (first == u"--version"_s || first == u"-v"_s) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (first == u"--help"_s || first == u"-h"_s) {
        out << usage();
        return Ok;
    }
    for (const Command &command : commands()) {
        if (first == command.name)
            return command.run(arguments.mid(2), Io { out, err });
    }
    err << "hanji: unknown command '" << first << "'\n\n" << usage();
    return BadUsage;
}

} // namespace hanji::cli
