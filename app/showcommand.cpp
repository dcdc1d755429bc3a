#include "librarycommand.h"

#include "paperhtml.h"

using namespace Qt::StringLiterals;

namespace hanji::cli {

int showCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"show"_s, u"Prints a paper as text, or (--html) exactly the page the reader's summary pane "
                                      "renders, in its light colours."_s,
                           io);
    command.parser().addPositionalArgument(u"ID"_s, u"The paper (arXiv id or link)."_s);
    const QCommandLineOption html(u"html"_s, u"Print the pane's HTML instead of text."_s);
    command.parser().addOption(html);
    if (const auto exit = command.parse(arguments))
        return *exit;
    if (command.parser().positionalArguments().size() != 1) {
        io.err << "hanji show: name one paper id\n";
        return BadUsage;
    }
    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const auto ids = command.resolveIds(*library, command.parser().positionalArguments());
    if (!ids)
        return Failed;
    const Result<std::optional<Paper>> found = library->paper(ids->constFirst());
    if (!found)
        return command.fail(found.error().message);
    const std::optional<Paper> &paper = *found;
    if (!paper)
        return command.fail(u"%1 is bookmarked, but no digest in the library lists it now"_s.arg(ids->constFirst()));
    io.out << (command.parser().isSet(html) ? paperHtml(*paper, PaperHtmlOptions {}) : paperText(*paper));
    return Ok;
}

} // namespace hanji::cli
