#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hanji {

// One paper a reading list made elsewhere names.
struct ListedPaper {
    QString reference; // an arXiv id, or the link the list gave
    QString title; // empty when the list gave none
    int line = 0; // where it starts, for messages
};

struct ReadingList {
    enum class Form { Text, BibTeX, Ris };
    Form form = Form::Text;
    QList<ListedPaper> papers;
    QStringList skipped; // "line N: why": entries that name no paper Hanji can keep
};

// Reads a reading list: a text list of arXiv ids or links (one a line, # comments), a BibTeX
// file (eprint, url or an arXiv DOI 10.48550/arXiv.…), or RIS (UR, DO; TI or T1 the title).
// The form is told from the content.
[[nodiscard]] ReadingList parseReadingList(const QByteArray &bytes);

// "2401.04088", "arXiv:2401.04088v2", "10.48550/arXiv.2401.04088", an arXiv or Hugging Face
// link: the arXiv id; empty otherwise.
[[nodiscard]] QString arxivIdIn(const QString &text);

} // namespace hanji
