#pragma once

#include "exporter.h"

namespace hanji {

// What several export formats derive alike from a paper.

struct PublicationDate {
    int year = 0;
    int month = 0; // 1..12, 0 when unknown
    [[nodiscard]] bool isValid() const { return year > 0; }
};

// From the arXiv id (2403.01234 is March 2024, hep-th/9901001 January 1999); without one,
// the paper's latest listing date.
[[nodiscard]] PublicationDate publicationDate(const Paper &paper);

// The paper's link, or empty when the digest gave none (its id is then "title:…").
[[nodiscard]] QString paperLink(const Paper &paper);


// Text for a one-line field of a citation format: whitespace runs become one space, and
// control characters go (a digest may hold a stray backspace where "\\b" was eaten).
[[nodiscard]] QString singleLine(QStringView text);

// What a digest said beside the title (the original title, the categories, the fields such as
// "Keywords"), as keyed sections: formats without a place of their own for them write them so.
[[nodiscard]] QList<SummarySection> paperFieldsAsSections(const Paper &paper);

// One line a section, "Key: text", or the text alone for a plain bullet, after the fields
// above; each a singleLine().
[[nodiscard]] QStringList summaryLines(const Paper &paper);

// Citation keys for the papers, index for index: first author's surname, year and first title
// word ("vaswani2017attention"), ASCII only. Clashes get "b", "c"… in the order of the papers'
// ids, so a paper's key does not depend on how the list is sorted.
[[nodiscard]] QStringList citationKeys(const QList<Paper> &papers);

} // namespace hanji
