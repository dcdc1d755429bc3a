#include "librarycommand.h"

#include "gitarchive.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hanji::cli {

namespace {

// git's progress on a terminal, one line rewritten in place.
GitArchive::ProgressCallback terminalProgress(Io io)
{
    if (!isatty(STDERR_FILENO))
        return {};
    return [io](const GitProgress &step) {
        io.err << "\r" << step.phase << ": " << step.percent << "%   ";
        io.err.flush();
    };
}

// Imports the folders and says what came of it, with the papers new to the library.
int importAndReport(LibraryCommand &command, Library &library, const QStringList &folders)
{
    const ImportReport report = library.import(folders);
    for (const ParseWarning &warning : report.warnings)
        command.io.err << warning.file << ":" << warning.line << ": warning: " << warning.message << "\n";
    for (const FileError &error : report.errors)
        command.io.err << error.file << ": error: " << error.message << "\n";
    if (!report.ok())
        return command.fail(report.error->message);
    command.io.out << u"%1 files: %2 read, %3 unchanged, %4 removed; %5 new papers\n"_s.arg(report.files)
                          .arg(report.parsed)
                          .arg(report.unchanged)
                          .arg(report.removed)
                          .arg(report.arrived.size());
    return report.errors.isEmpty() ? Ok : Failed;
}

} // namespace

int updateCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"update"_s,
                           u"Updates every folder of the library that is in a git work tree with an upstream (git "
                           "fetch, then a fast-forward merge), then imports the library's folders. A work tree with "
                           "uncommitted changes, a diverged branch or an unreachable remote is left exactly as it "
                           "was, with a message."_s,
                           io);
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<QStringList> folders = library->folders();
    if (!folders)
        return command.fail(folders.error().message);
    if (folders->isEmpty())
        return command.fail(u"the library has no folders yet (hanji add URL clones an archive into it)"_s);

    int exitCode = Ok;
    QMap<QString, QStringList> trees; // work tree root → the library's folders in it
    QStringList existing;
    for (const QString &folder : *folders) {
        if (!QFileInfo(folder).isDir()) {
            io.err << "hanji update: " << folder << ": no such folder (skipped)\n";
            continue;
        }
        existing += folder;
        const Result<std::optional<GitWorkTree>> tree = GitArchive::find(folder);
        if (!tree)
            return command.fail(tree.error().message);
        if (*tree)
            trees[(*tree)->root] += folder;
    }
    if (trees.isEmpty()) {
        return command.fail(u"none of the library's folders (%1) is in a git work tree that follows a remote "
                            "branch: there is nothing to update"_s.arg(folders->join(u", "_s)));
    }
    for (auto tree = trees.cbegin(); tree != trees.cend(); ++tree) {
        const Result<ArchiveUpdate> updated = GitArchive::update(tree.key(), terminalProgress(io));
        if (isatty(STDERR_FILENO))
            io.err << "\r";
        if (!updated) {
            io.err << "hanji update: " << updated.error().message << "\n";
            exitCode = Failed;
            continue;
        }
        if (updated->upToDate())
            io.out << tree.key() << ": already up to date\n";
        else
            io.out << tree.key() << ": " << updated->before.left(7) << ".." << updated->after.left(7) << ", "
                   << updated->changedFiles.size() << " files changed\n";
    }
    io.out.flush();
    const int imported = importAndReport(command, *library, existing);
    return exitCode == Ok ? imported : exitCode;
}

int addCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"add"_s,
                           u"Clones a git archive of digests into DIR (by default a folder named after it under %1) "
                           "and imports it into the library; hanji update keeps it up to date."_s
                               .arg(QDir(Library::defaultDirectory()).filePath(u"archives"_s)),
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"URL"_s, u"What git clone takes: https://…, git@host:path, a path."_s);
    parser.addPositionalArgument(u"DIR"_s, u"Where to clone it; must not exist or be empty."_s, u"[DIR]"_s);
    if (const auto exit = command.parse(arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2) {
        io.err << "hanji add: name the URL to clone, and at most one folder\n";
        return BadUsage;
    }
    const QString url = positional.at(0);
    const QString target = QFileInfo(positional.size() > 1
                                         ? positional.at(1)
                                         : QDir(Library::defaultDirectory()).filePath(u"archives/"_s + GitArchive::folderNameFor(url)))
                               .absoluteFilePath();
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<> cloned = GitArchive::clone(url, target, terminalProgress(io));
    if (isatty(STDERR_FILENO))
        io.err << "\n";
    if (!cloned)
        return command.fail(cloned.error().message);
    io.out << "cloned " << url << " into " << target << "\n";
    io.out.flush();
    return importAndReport(command, *library, { target });
}

} // namespace hanji::cli
