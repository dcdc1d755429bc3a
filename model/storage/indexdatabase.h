#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace hanji {

// The index: a cache of what the digest files say (files, entries, papers, full-text
// index). Losing it loses nothing: a damaged or outdated one is deleted and rebuilt from
// the files.
class IndexDatabase
{
public:
    // 2: files.format, papers.original_title, search over every entry; 3: pairs only
    // (ngramtokenizer.h); 4: entries' Markdown compressed by file (file_texts), without the
    // title and authors their text and papers hold already; 5: the full-text index in one
    // column; 6: the full-text index as Hanji's own postings, not FTS5's (postingswriter.h).
    static constexpr int kSchemaVersion = 6;
    // What this process writes: kSchemaVersion, or 5 or 2 while benchmarks compare with those layouts.
    [[nodiscard]] static int schemaVersion();
    // Author lists are stored joined with U+001F, which no name holds.
    static constexpr QChar kAuthorSeparator { 0x1F };
    // entries.url is '' where an entry links its paper's arXiv page, as most do: 1.6 MB of
    // the index at ten years. Both ways of that rule, here side by side.
    [[nodiscard]] static QString storedUrl(const QString &url, const QString &arxivId);
    [[nodiscard]] static QString urlFromStored(const QString &stored, const QString &arxivId);

    struct Opened {
        QSqlDatabase db;
        QString notice; // had to be rebuilt: why
        bool rebuilt = false;
    };

    // Opens (creating or rebuilding when needed) on a new connection of the given name.
    // A foreign file (another program's) is moved aside, never deleted; a damaged one or
    // one of another schema is rebuilt. Safe between processes starting together.
    [[nodiscard]] static Result<Opened> open(const QString &path, const QString &connectionName);
    // A query met damage (SQLITE_CORRUPT): the next open rebuilds the index.
    static void markDamaged(const QString &path);
};

// Entries' Markdown out of their files' texts (file_texts), one file's text unpacked at a
// time: entries are mostly read in their files' order, and unpacking a day's text again for
// each of its papers cost more than reading them.
class EntryTexts
{
public:
    // Bytes [start, start + length) of the text of the file fileId, which fileText reads
    // (packed) when it is not the file of the last call; nullopt for damaged bytes.
    [[nodiscard]] std::optional<QString> markdown(qint64 fileId, qint64 start, qint64 length,
                                                  const std::function<QByteArray()> &fileText);

private:
    qint64 m_fileId = -1;
    std::optional<QByteArray> m_text; // unpacked; nullopt: damaged
};

} // namespace hanji
