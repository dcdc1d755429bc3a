#include "librarycommand.h"

#include "paperid.h"
#include "readinglistfile.h"
#include "syncfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

const QString kFolderSetting = u"sync.folder"_s;

QString plural(int n, const QString &one, const QString &many) { return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many); }

// "3 bookmarks, 1 removal, 12 read marks": what came in from one machine.
QString describe(const SyncIncoming &in)
{
    QStringList parts;
    const std::pair<int, std::pair<QString, QString>> counts[] = {
        { in.bookmarks, { u"bookmark"_s, u"bookmarks"_s } },    { in.removals, { u"removal"_s, u"removals"_s } },
        { in.notes, { u"note"_s, u"notes"_s } },                { in.tags, { u"tag edit"_s, u"tag edits"_s } },
        { in.reads, { u"read mark"_s, u"read marks"_s } },      { in.unreads, { u"unread mark"_s, u"unread marks"_s } },
        { in.searches, { u"saved search"_s, u"saved searches"_s } },
        { in.other, { u"other change"_s, u"other changes"_s } },
    };
    for (const auto &[count, words] : counts) {
        if (count > 0)
            parts += plural(count, words.first, words.second);
    }
    return parts.join(u", "_s);
}

} // namespace

int syncCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"sync"_s,
                           u"Syncs bookmarks, notes, tags, read state and saved searches with other machines through a folder that "
                           "a tool such as Syncthing, Nextcloud or Dropbox already syncs. Each machine writes only its "
                           "own file, <folder>/hanji-sync/<machine id>.json, and reads everyone's; the last change of "
                           "each field wins, and removals stay removed."_s,
                           io);
    const QCommandLineOption folder(u"folder"_s, u"The shared folder (remembered for the next sync)."_s, u"DIR"_s);
    command.parser().addOption(folder);
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    QString directory = command.parser().value(folder);
    if (directory.isEmpty()) {
        const Result<QString> stored = library->setting(kFolderSetting);
        if (!stored)
            return command.fail(stored.error().message);
        directory = *stored;
    }
    if (directory.isEmpty()) {
        io.err << "hanji sync: no sync folder yet: give one with --folder DIR\n";
        return BadUsage;
    }
    directory = QFileInfo(directory).absoluteFilePath();
    if (!QFileInfo(directory).isDir())
        return command.fail(u"the sync folder %1 does not exist"_s.arg(directory));
    if (command.parser().isSet(folder)) {
        if (Result<> saved = library->setSetting(kFolderSetting, directory); !saved)
            return command.fail(saved.error().message);
    }
    const Result<SyncReport> report = syncWithFolder(library->userStore(), directory);
    if (!report)
        return command.fail(report.error().message);
    for (const QString &skipped : report->skipped)
        io.err << "hanji sync: skipped " << skipped << " (left as it is)\n";
    io.out << "Synced with " << report->folder << ": " << plural(report->filesRead, u"file"_s, u"files"_s) << " read";
    if (report->incoming.isEmpty())
        io.out << ", nothing new";
    io.out << "\n";
    for (const SyncIncoming &in : report->incoming)
        io.out << "  from " << in.from << ": " << describe(in) << "\n";
    return Ok;
}

namespace {

int exportUserData(LibraryCommand &command, Library &library, const QString &path)
{
    const Result<UserDataFile> data = userDataOf(library.userStore());
    if (!data)
        return command.fail(data.error().message);
    if (Result<> written = writeUserDataFile(path, toJson(*data)); !written)
        return command.fail(written.error().message);
    int bookmarks = 0;
    int reads = 0;
    int searches = 0;
    for (const UserField &field : data->fields) {
        const bool paper = field.kind == paperfield::kind;
        bookmarks += paper && field.field == paperfield::bookmarked && !field.value.isEmpty();
        reads += paper && field.field == paperfield::read && !field.value.isEmpty();
        searches += field.kind == searchfield::kind && field.field == searchfield::saved && !field.value.isEmpty();
    }
    command.io.out << "Wrote " << plural(bookmarks, u"bookmark"_s, u"bookmarks"_s) << (searches > 0 ? ", " : " and ")
                   << plural(reads, u"read mark"_s, u"read marks"_s)
                   << (searches > 0 ? u" and "_s + plural(searches, u"saved search"_s, u"saved searches"_s) : QString()) << " to "
                   << path << "\n";
    return Ok;
}

int importReadingList(LibraryCommand &command, Library &library, const QString &path, const QByteArray &bytes)
{
    const ReadingList list = parseReadingList(bytes);
    for (const QString &skipped : list.skipped)
        command.io.err << "hanji userdata: " << path << ":" << skipped << " (skipped)\n";
    QStringList ids;
    QHash<QString, PaperLabel> given;
    QStringList missing;
    for (const ListedPaper &paper : list.papers) {
        const Result<std::optional<QString>> known = library.resolveId(paper.reference);
        if (!known)
            return command.fail(known.error().message);
        QString id = known->value_or(QString());
        if (id.isEmpty()) {
            const QString arxivId = arxivIdIn(paper.reference);
            id = arxivId.isEmpty() ? paper.reference : arxivId;
            given.insert(id, { paper.title, arxivId.isEmpty() ? paper.reference : arxivAbstractUrl(arxivId) });
            missing += paper.title.isEmpty() ? id : u"%1  %2"_s.arg(id, paper.title);
        }
        if (!ids.contains(id))
            ids += id;
    }
    if (Result<> added = library.addBookmarks(ids, given); !added)
        return command.fail(added.error().message);
    const QString form = list.form == ReadingList::Form::BibTeX ? u"BibTeX"_s
        : list.form == ReadingList::Form::Ris                  ? u"RIS"_s
                                                               : u"a list"_s;
    command.io.out << "Bookmarked " << plural(int(ids.size()), u"paper"_s, u"papers"_s) << " from " << path << " (" << form
                   << ")";
    if (!missing.isEmpty()) {
        command.io.out << "; " << missing.size() << " not in the library, kept as bookmarks:\n";
        for (const QString &line : std::as_const(missing))
            command.io.out << "  " << line << "\n";
    } else {
        command.io.out << "\n";
    }
    return Ok;
}

} // namespace

int userdataCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"userdata"_s,
                           u"Exports or imports your bookmarks, notes, tags, read state and saved searches as one JSON file (the form "
                           "of the sync files), to move to a new machine or keep a backup. Import also takes a reading "
                           "list made elsewhere: arXiv ids or links one a line, BibTeX (eprint, url, doi) or RIS (UR, DO)."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"ACTION"_s, u"export or import."_s);
    parser.addPositionalArgument(u"FILE"_s, u"The file to write or read."_s);
    const QCommandLineOption merge(u"merge"_s, u"With import: add what the library lacks, keep all it has (the default)."_s);
    const QCommandLineOption replace(u"replace"_s, u"With import: make the library's data exactly the file's, after a backup copy."_s);
    parser.addOptions({ merge, replace });
    if (const auto exit = command.parse(arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if ((action != u"export"_s && action != u"import"_s) || positional.size() != 2) {
        io.err << "hanji userdata: say export FILE or import FILE\n";
        return BadUsage;
    }
    if (parser.isSet(merge) && parser.isSet(replace)) {
        io.err << "hanji userdata: --merge or --replace, not both\n";
        return BadUsage;
    }
    const QString path = positional.at(1);
    if (action == u"import"_s && !QFileInfo(path).isFile()) {
        io.err << "hanji userdata: no file " << path << "\n";
        return Failed;
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    if (action == u"export"_s)
        return exportUserData(command, *library, path);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return command.fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (!bytes.trimmed().startsWith('{')) {
        if (parser.isSet(replace)) {
            io.err << "hanji userdata: --replace takes a user-data file, not a reading list\n";
            return BadUsage;
        }
        return importReadingList(command, *library, path, bytes);
    }
    const Result<UserDataFile> data = parseUserDataFile(bytes);
    if (!data)
        return command.fail(u"%1: %2 (nothing was changed)"_s.arg(path, data.error().message));
    UserStore &store = library->userStore();
    if (parser.isSet(replace)) {
        const Result<QString> backup = store.backUp(u"import"_s);
        if (!backup)
            return command.fail(backup.error().message);
        io.err << "hanji userdata: your data before the import is kept in " << *backup << "\n";
        const Result<QList<UserField>> written = store.replaceFields(data->fields);
        if (!written)
            return command.fail(written.error().message);
        io.out << "Replaced the library's data with " << path << ": " << plural(int(written->size()), u"field"_s, u"fields"_s)
               << " changed\n";
        return Ok;
    }
    // Only adds: what the library has stays, even where the file holds a newer change.
    const Result<QList<UserField>> taken = store.mergeFields(data->fields, UserStore::Merge::OnlyAdd);
    if (!taken)
        return command.fail(taken.error().message);
    const QList<SyncIncoming> incoming = describeIncoming(*taken, { { data->machine, data->name } }, QString());
    io.out << "Merged " << path << (incoming.isEmpty() ? u": nothing new"_s : QString()) << "\n";
    for (const SyncIncoming &in : incoming)
        io.out << "  from " << in.from << ": " << describe(in) << "\n";
    return Ok;
}

} // namespace hanji::cli
