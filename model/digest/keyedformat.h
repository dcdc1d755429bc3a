#pragma once

#include "digestformat.h"

namespace hanji {

// What a heading means to a family of keyed digests.
struct HeadingMeaning {
    enum class Kind {
        Day, // a new day; its date, or none (then the file name's)
        Section, // a part of the day that is not a paper: a category, statistics, a table of contents
        Paper, // a paper starts; what the heading says of it is in paper
        Other, // none of these: inside a paper it is a line of text, elsewhere nothing
    };
    Kind kind = Kind::Other;
    std::optional<QDate> date;
    QString category; // Section: the category its papers are listed under, if it is one
    DigestEntry paper; // Paper: title, url, arxivId as far as the heading gives them
};

// What the digests published besides "Daily Papers" share, written once: day headings,
// paper headings, then keyed fields ("**Key:** text", continued on the lines after it),
// HTML scaffolding (<details>, <summary>, <div>) and "---" rules that are no text, fenced
// blocks whose '#' lines are text, and the date from the file name when a day heading
// has none. A family says what its headings mean and where each field goes.
class KeyedDigestFormat : public DigestFormat
{
public:
    [[nodiscard]] ParsedDigest read(QStringView text, const QString &file) const final;

    // What a family does with a paper's pieces; called by the shared reader.
    [[nodiscard]] virtual HeadingMeaning interpretHeading(QStringView heading) const = 0;
    // A body line that is not a keyed field and that the family reads itself (an author
    // line, a bare link); true when taken. Other lines continue the field before them.
    [[nodiscard]] virtual bool readLine(QStringView line, DigestEntry &paper) const;
    // A finished field: by default a section of the summary.
    virtual void placeField(DigestEntry &paper, const QString &key, const QString &text) const;
};

} // namespace hanji
