#include "librarycommand.h"

using namespace Qt::StringLiterals;

namespace hanji::cli {

int bookmarkCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"bookmark"_s,
                           u"Keeps the reading list: add or remove papers (by arXiv id or link), or list them in "
                           "the order they were added."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"ACTION"_s, u"add, remove or list."_s);
    parser.addPositionalArgument(u"ID"_s, u"Paper ids (arXiv ids or links)."_s, u"[ID…]"_s);
    const QCommandLineOption note(u"note"_s, u"With add: a note to keep with the bookmark."_s, u"TEXT"_s);
    const QCommandLineOption tags(u"tags"_s, u"With add: tags, separated by commas."_s, u"TAGS"_s);
    const QCommandLineOption json(u"json"_s, u"With list: print a JSON array of papers."_s);
    parser.addOptions({ note, tags, json });
    if (const auto exit = command.parse(arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != u"add"_s && action != u"remove"_s && action != u"list"_s) {
        io.err << "hanji bookmark: say add, remove or list\n";
        return BadUsage;
    }
    if (action != u"list"_s && positional.size() < 2) {
        io.err << "hanji bookmark " << action << ": name at least one paper id\n";
        return BadUsage;
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;

    if (action == u"list"_s) {
        const Result<QStringList> ids = library->bookmarkIds();
        if (!ids)
            return command.fail(ids.error().message);
        Result<QList<Paper>> found = library->papers(*ids);
        if (!found)
            return command.fail(found.error().message);
        QHash<QString, Paper> byId;
        for (Paper &paper : *found)
            byId.insert(paper.id, std::move(paper));
        QList<Paper> papers;
        for (const QString &id : *ids) {
            if (const auto paper = byId.constFind(id); paper != byId.cend()) {
                papers.append(*paper);
            } else {
                // Its digest is not in the library now; the bookmark stays all the same.
                Paper missing;
                missing.id = id;
                // The title kept with the bookmark (from the digest, or the reading list it came from).
                const PaperLabel label = library->userStore().bookmarkLabel(id).value_or(PaperLabel {});
                missing.title = label.title.isEmpty() ? u"(not in the library's folders now)"_s : label.title;
                missing.url = label.url;
                missing.user = library->userState(id);
                papers.append(missing);
            }
        }
        command.printPapers(papers, parser.isSet(json));
        return Ok;
    }
    const auto ids = command.resolveIds(*library, positional.mid(1));
    if (!ids)
        return Failed;
    if (action == u"remove"_s)
        return command.exitWith(library->setBookmarked(*ids, false));
    if (Result<> added = library->setBookmarked(*ids, true); !added)
        return command.fail(added.error().message);
    for (const QString &id : *ids) {
        if (parser.isSet(note)) {
            if (Result<> noted = library->setNote(id, parser.value(note)); !noted)
                return command.fail(noted.error().message);
        }
        if (parser.isSet(tags)) {
            if (Result<> tagged = library->setTags(id, parser.value(tags).split(u',')); !tagged)
                return command.fail(tagged.error().message);
        }
    }
    return Ok;
}

int readCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"read"_s, u"Marks papers as read (or, with --unread, as unread)."_s, io);
    command.parser().addPositionalArgument(u"ID"_s, u"Paper ids (arXiv ids or links)."_s, u"ID…"_s);
    const QCommandLineOption unread(u"unread"_s, u"Mark as unread instead."_s);
    command.parser().addOption(unread);
    if (const auto exit = command.parse(arguments))
        return *exit;
    if (command.parser().positionalArguments().isEmpty()) {
        io.err << "hanji read: name at least one paper id\n";
        return BadUsage;
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const auto ids = command.resolveIds(*library, command.parser().positionalArguments());
    if (!ids)
        return Failed;
    return command.exitWith(library->setRead(*ids, !command.parser().isSet(unread)));
}

} // namespace hanji::cli
