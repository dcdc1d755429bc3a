// The digest parser on any bytes: it never fails, and what it gives back is consistent with
// the input: line numbers inside the file, each entry's raw lines parse again to the same paper.

#include "digestparser.h"
#include "fuzzcheck.h"

#include <QByteArrayView>

using namespace Qt::StringLiterals;
using hanji::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    const int lines = int(bytes.count('\n')) + 1;
    const hanji::ParsedDigest digest = hanji::DigestParser::parse(bytes, u"fuzz.md"_s);
    for (const hanji::DigestEntry &entry : digest.entries) {
        const QString where = u"%1 lines %2-%3 of %4"_s.arg(entry.title).arg(entry.firstLine).arg(entry.lastLine).arg(lines);
        check(entry.firstLine >= 1 && entry.firstLine <= entry.lastLine && entry.lastLine <= lines,
              "an entry's lines are inside the file, first <= last", where);
        check(entry.date.isValid(), "an entry has a valid date", where);
        check(!entry.markdown.isEmpty(), "an entry keeps its raw lines", where);
        check(entry.votes.value_or(0) >= 0, "votes are not negative", where);
        // The index keeps only the raw lines and derives the paper from them again.
        const std::optional<hanji::DigestEntry> stored = hanji::parseStoredEntry(digest.format, entry.date, entry.markdown);
        check(stored.has_value(), "an entry's raw lines parse again", where + u"\n"_s + entry.markdown);
        QStringList differ;
        const auto compare = [&](bool same, const QString &field) {
            if (!same)
                differ += field;
        };
        compare(stored->title == entry.title, u"title"_s);
        compare(stored->url == entry.url, u"url"_s);
        compare(stored->arxivId == entry.arxivId, u"arxivId"_s);
        compare(stored->thumbnailUrl == entry.thumbnailUrl, u"thumbnailUrl"_s);
        compare(stored->videoUrl == entry.videoUrl, u"videoUrl"_s);
        compare(stored->authors == entry.authors, u"authors"_s);
        compare(stored->votes == entry.votes, u"votes"_s);
        compare(stored->sections == entry.sections, u"sections"_s);
        check(differ.isEmpty(), "an entry's raw lines parse again to the same paper",
              where + u"; differs in "_s + differ.join(u", "_s) + u"\n"_s + entry.markdown);
    }
    for (const hanji::ParseWarning &warning : digest.warnings)
        check(warning.line >= 0 && warning.line <= lines, "a warning's line is inside the file",
              u"%1: %2"_s.arg(warning.line).arg(warning.message));
    return 0;
}
