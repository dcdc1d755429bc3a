#include "cli.h"

#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStringDecoder>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unistd.h>

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
        { u"related"_s, u"Papers most like one paper: related ID [--limit N] [--json]"_s, relatedCommand },
        { u"bookmark"_s, u"Keep the reading list: bookmark add|remove|list [ID…] [--note TEXT]"_s, bookmarkCommand },
        { u"read"_s, u"Mark papers read: read ID… [--unread]"_s, readCommand },
        { u"stats"_s, u"What the library holds: stats [QUERY] [--json]"_s, statsCommand },
        { u"show"_s, u"Print a paper: show ID [--html] (the summary pane's exact HTML)"_s, showCommand },
        { u"export"_s, u"Export papers: export --format markdown|bibtex|ris|csv|json|csljson [--bookmarked | QUERY] [-o FILE] …"_s,
          exportCommand },
        { u"update"_s, u"Update the library's git archives from their remotes, then import: update"_s, updateCommand },
        { u"add"_s, u"Clone a git archive of digests and import it: add URL [DIR]"_s, addCommand },
        { u"saved"_s, u"Saved searches: saved add NAME QUERY [filters] | list [--json] | remove NAME"_s, savedCommand },
        { u"sync"_s, u"Sync the reading list through a shared folder: sync [--folder DIR]"_s, syncCommand },
        { u"userdata"_s, u"Move your data: userdata export FILE | userdata import FILE [--merge|--replace]"_s, userdataCommand },
    };
    return list;
}

QString usage()
{
    QString text = u"Usage: hanji [FOLDER] [--library DIR] [--lang ko|en] [--screenshot FILE [--select ID]]\n"
                   "       hanji COMMAND [ARGS…]\n\n"
                   "Without a command, opens the reader window on FOLDER (or the last folder).\n\n"
                   "Commands (no display needed):\n"_s;
    for (const Command &command : commands())
        text += u"  %1  %2\n"_s.arg(command.name, -8).arg(command.summary);
    text += u"\nhanji COMMAND --help shows a command's options; all library commands take --library DIR.\n"_s;
    return text;
}

// Standard output as a device that writes everything or says why not. QFile takes a short
// write (the last bytes before a disk fills) as the end and reports "Unknown error"; writing
// the rest is what brings the reason (ENOSPC). No buffer of its own: QTextStream has one.
class StandardOutput : public QIODevice
{
public:
    StandardOutput() { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        qint64 written = 0;
        while (written < size) {
            const ssize_t count = ::write(STDOUT_FILENO, data + written, size_t(size - written));
            if (count < 0 && errno == EINTR)
                continue;
            if (count <= 0) {
                setErrorString(count < 0 ? QString::fromLocal8Bit(std::strerror(errno)) : u"nothing was written"_s);
                return -1;
            }
            written += count;
        }
        return written;
    }
};

// How many bytes the UTF-8 sequence that lead starts has; 0 when it starts none.
qsizetype sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 0;
}

// Bytes as a user can read them: UTF-8 text as it is, any other byte (and control
// characters) as \xNN.
QString readableBytes(QByteArrayView bytes)
{
    QString text;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const qsizetype length = sequenceLength(lead);
        const bool control = lead < 0x20 || lead == 0x7F;
        if (length > 0 && !control && i + length <= bytes.size()) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = decoder(bytes.sliced(i, length));
            if (!decoder.hasError()) {
                text += decoded;
                i += length;
                continue;
            }
        }
        text += u"\\x"_s + QString::number(lead, 16).toUpper().rightJustified(2, u'0');
        ++i;
    }
    return text;
}

int dispatch(const QStringList &arguments, Io io)
{
    const QString first = arguments.value(1);
    if (first == u"--version"_s || first == u"-v"_s) {
        io.out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (first == u"--help"_s || first == u"-h"_s) {
        io.out << usage();
        return Ok;
    }
    for (const Command &command : commands()) {
        if (first == command.name)
            return command.run(arguments.mid(2), io);
    }
    io.err << "hanji: unknown command '" << first << "'\n\n" << usage();
    return BadUsage;
}

} // namespace

Result<QStringList> decodeArguments(int argc, const char *const *argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        const QByteArrayView raw(argv[i]);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder(raw);
        if (decoder.hasError())
            return failure(u"argument %1 (\"%2\") is not UTF-8 text; Hanji takes paths and words in UTF-8 only "
                           "(rename the file)"_s
                               .arg(i)
                               .arg(readableBytes(raw)),
                           Error::Kind::Invalid);
        arguments.append(std::move(text));
    }
    return arguments;
}

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
    // A failed write (a full disk, /dev/full) is seen here and reported, never an exit 0
    // with half the JSON.
    StandardOutput standardOutput;
    QTextStream out(&standardOutput);
    QTextStream err(stderr);
    const int code = dispatch(arguments, Io { out, err });
    out.flush();
    if (out.status() != QTextStream::Ok) {
        const QString command = arguments.value(1).startsWith(u'-') ? QString() : u' ' + arguments.value(1);
        err << "hanji" << command << ": could not write to standard output: " << standardOutput.errorString() << "\n";
        return Failed;
    }
    return code;
}

} // namespace hanji::cli
