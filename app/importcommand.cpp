#include "librarycommand.h"

#include <QFileInfo>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hanji::cli {

int importCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"import"_s,
                           u"Imports folders of digests into the library (recursively, *.md). Unchanged files are "
                           "skipped; changed ones replace their papers; removed ones drop theirs (never bookmarks). "
                           "Without FOLDER, rescans the library's folders."_s,
                           io);
    command.parser().addPositionalArgument(u"FOLDER"_s, u"Folders of digest files."_s, u"[FOLDER…]"_s);
    if (const auto exit = command.parse(arguments))
        return *exit;
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;

    QStringList folders = command.parser().positionalArguments();
    if (folders.isEmpty()) {
        const Result<QStringList> known = library->folders();
        if (!known)
            return command.fail(known.error().message);
        folders = *known;
    }
    if (folders.isEmpty())
        return command.fail(u"name a folder to import; the library has none yet"_s);
    int exitCode = Ok;
    QStringList existing;
    for (const QString &folder : std::as_const(folders)) {
        if (QFileInfo(folder).isDir()) {
            existing += folder;
        } else {
            io.err << "hanji import: " << folder << ": no such folder\n";
            exitCode = Failed;
        }
    }
    if (existing.isEmpty())
        return Failed;

    const bool tty = isatty(STDERR_FILENO);
    const ImportReport report = library->import(existing, [&](const ImportProgress &progress) {
        if (tty && (progress.done % 25 == 0 || progress.done == progress.total)) {
            io.err << "\r" << progress.done << "/" << progress.total << " files";
            io.err.flush();
        }
    });
    if (tty)
        io.err << "\n";
    for (const ParseWarning &warning : report.warnings)
        io.err << warning.where() << ": warning: " << warning.message << "\n";
    for (const FileError &error : report.errors)
        io.err << error.file << ": error: " << error.message << "\n";
    if (!report.ok())
        return command.fail(report.error->message);
    io.out << u"%1 files: %2 read, %3 unchanged, %4 removed; %5 entries written, %6 warnings, %7 errors (%8 ms); %9 new papers\n"_s
                  .arg(report.files)
                  .arg(report.parsed)
                  .arg(report.unchanged)
                  .arg(report.removed)
                  .arg(report.entries)
                  .arg(report.warnings.size())
                  .arg(report.errors.size())
                  .arg(report.milliseconds)
                  .arg(report.arrived.size());
    return report.errors.isEmpty() ? exitCode : Failed;
}

} // namespace hanji::cli
