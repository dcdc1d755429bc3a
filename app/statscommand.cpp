#include "librarycommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hanji::cli {

int statsCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"stats"_s, u"Prints what the library holds."_s, io);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object."_s);
    command.parser().addOption(json);
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<LibraryStats> read = library->stats();
    if (!read)
        return command.fail(read.error().message);
    const LibraryStats &stats = *read;
    const IndexCounts &index = stats.index;
    if (command.parser().isSet(json)) {
        const QJsonObject object {
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
