#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hanji {

// One bullet of a paper's summary: "- **What's New**: text" gives key "What's New";
// a plain "- text" bullet has an empty key.
struct SummarySection {
    QString key;
    QString text;
    bool operator==(const SummarySection &) const = default;
};

// One paper as one digest lists it under one date.
struct DigestEntry {
    QDate date;
    QString title; // empty when the digest names the paper by its id alone
    QString originalTitle; // the title in its own language, beside a translated one
    QString url;
    QString arxivId; // without version; empty when the link is not an arXiv one
    QString thumbnailUrl; // absolute
    QString videoUrl;
    std::optional<int> votes; // absent in the oldest digests: unknown, not zero
    QStringList authors;
    QList<SummarySection> sections; // the summary: long keyed texts or plain bullets
    QList<SummarySection> fields; // short keyed facts beside the title ("Keywords", "Relevance Score")
    QStringList categories; // the digest's sections it was listed under ("cs.CL")

    QString sourceFile;
    int firstLine = 0; // 1-based, inclusive: the heading
    int lastLine = 0; // 1-based, inclusive: the last non-blank line of the paper
    QString markdown; // the raw lines firstLine..lastLine, for the source view

    // A paper is the same paper wherever it appears: its arXiv id, else its URL.
    [[nodiscard]] QString identity() const { return arxivId.isEmpty() ? url : arxivId; }
};

// What to call a paper whose digest gives no title: its arXiv id (or link), and the first
// bold sentence of its summary when there is one.
[[nodiscard]] QString untitledLabel(const DigestEntry &entry);

// The title to show: the entry's own, else untitledLabel().
[[nodiscard]] inline QString displayTitle(const DigestEntry &entry)
{
    return entry.title.isEmpty() ? untitledLabel(entry) : entry.title;
}

struct ParseWarning {
    QString file;
    int line = 0; // 1-based; 0 when the warning concerns the whole file
    QString message;
    bool operator==(const ParseWarning &) const = default;

    // "file:line", or "file" alone for a warning about the whole file.
    [[nodiscard]] QString where(const QString &shownFile) const
    {
        return line > 0 ? shownFile + u':' + QString::number(line) : shownFile;
    }
    [[nodiscard]] QString where() const { return where(file); }
};

struct ParsedDigest {
    QString file;
    QString format; // the reader that read it (DigestFormat::name), empty when none could
    QList<DigestEntry> entries;
    QList<ParseWarning> warnings;
};

} // namespace hanji
