#include "librarycommand.h"

#include "exporter.h"

using namespace Qt::StringLiterals;

namespace hanji::cli {

int exportCommand(const QStringList &arguments, Io io)
{
    LibraryCommand command(u"export"_s,
                           u"Exports papers: the reading list (--bookmarked, in the order added) or what a query "
                           "finds, as Markdown (the digest format, re-importable), BibTeX, RIS, CSV, JSON or CSL-JSON."_s,
                           io);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(u"QUERY"_s, u"What to export, as for hanji search; empty = everything."_s, u"[QUERY…]"_s);
    const SearchOptions filters(parser);
    const QCommandLineOption format({ u"f"_s, u"format"_s }, u"markdown, bibtex, ris, csv, json or csljson (CSL-JSON, for pandoc and Zotero)."_s, u"FORMAT"_s);
    const QCommandLineOption output({ u"o"_s, u"output"_s }, u"Write to FILE (replaced whole, or left as it was on failure) "
                                                             "instead of standard output."_s,
                                    u"FILE"_s);
    const QCommandLineOption summaries(u"with-summaries"_s, u"Include the Korean summaries."_s);
    const QCommandLineOption notes(u"with-notes"_s, u"Include your notes and tags."_s);
    const QCommandLineOption noVotes(u"without-votes"_s, u"Leave out votes and listing dates."_s);
    const QCommandLineOption bom(u"bom"_s, u"CSV: start with a byte-order mark, for spreadsheet programs."_s);
    parser.addOptions({ format, output, summaries, notes, noVotes, bom });
    if (const auto exit = command.parse(arguments))
        return *exit;
    const std::optional<ExportFormat> chosen = formatFromName(parser.value(format));
    if (!parser.isSet(format) || !chosen) {
        io.err << "hanji export: --format takes markdown, bibtex, ris, csv, json or csljson\n";
        return BadUsage;
    }
    std::optional<SearchQuery> query = filters.query(u"export"_s, io.err);
    if (!query)
        return BadUsage;

    std::unique_ptr<Library> library = command.openLibrary();
    if (!library)
        return Failed;
    const Result<QStringList> found = library->search(*query);
    if (!found)
        return command.fail(found.error().message);
    QStringList ids = *found;
    // The reading list keeps the order it was made in, unless another was asked for.
    if (query->bookmarkedOnly && !parser.isSet(u"sort"_s)) {
        const QSet<QString> matching(ids.cbegin(), ids.cend());
        const Result<QStringList> bookmarks = library->bookmarkIds();
        if (!bookmarks)
            return command.fail(bookmarks.error().message);
        ids = *bookmarks;
        ids.removeIf([&](const QString &id) { return !matching.contains(id); });
    }
    const Result<QList<Paper>> read = library->papers(ids);
    if (!read)
        return command.fail(read.error().message);
    const QList<Paper> &papers = *read;

    ExportOptions options;
    options.summaries = parser.isSet(summaries);
    options.notes = parser.isSet(notes);
    options.votesAndDates = !parser.isSet(noVotes);
    options.csvBom = parser.isSet(bom);
    const QByteArray bytes = exportPapers(papers, *chosen, options);
    if (!parser.isSet(output)) {
        io.out << QString::fromUtf8(bytes); // UTF-8 in, UTF-8 out: a BOM and CRLFs pass unchanged
        return Ok;
    }
    if (const Result<> written = writeExport(parser.value(output), bytes); !written)
        return command.fail(written.error().message);
    io.err << "hanji export: " << papers.size() << " papers written to " << parser.value(output) << "\n";
    return Ok;
}

} // namespace hanji::cli
