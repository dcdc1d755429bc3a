#pragma once

#include "digest.h"

#include <QMap>
#include <QSet>
#include <QStringList>

namespace hanji {

struct FileError {
    QString file;
    QString message;
};

struct DigestFileList {
    QStringList files; // absolute, sorted, each once
    QList<FileError> errors; // paths that do not exist or cannot be listed
};

// The *.md files under the given files and folders, recursively.
[[nodiscard]] DigestFileList collectDigestFiles(const QStringList &paths);

// Totals over parsed digests, as "hanji check" reports them: over all files, and for each
// digest family (entries are distinct date-paper pairs, papers distinct ids).
class CheckReport
{
public:
    struct FormatTotals {
        int files = 0;
        QSet<std::pair<qint64, QString>> entries;
        QSet<QString> papers;
    };

    void add(const ParsedDigest &digest);
    void addError(const FileError &error) { m_errors.append(error); }

    [[nodiscard]] int files() const { return m_files; }
    [[nodiscard]] int days() const { return int(m_days.size()); }
    [[nodiscard]] int entries() const { return int(m_entries.size()); }
    [[nodiscard]] int papers() const { return int(m_papers.size()); }
    [[nodiscard]] qint64 votesTotal() const { return m_votesTotal; }
    [[nodiscard]] int entriesWithVotes() const { return m_entriesWithVotes; }
    [[nodiscard]] const QList<ParseWarning> &warnings() const { return m_warnings; }
    [[nodiscard]] const QList<FileError> &errors() const { return m_errors; }
    // By ParsedDigest::format; files no family read are under "".
    [[nodiscard]] const QMap<QString, FormatTotals> &formats() const { return m_formats; }

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] QString toText() const;

private:
    int m_files = 0;
    QSet<qint64> m_days;
    QSet<std::pair<qint64, QString>> m_entries; // a paper twice under one date counts once
    QSet<QString> m_papers;
    qint64 m_votesTotal = 0;
    int m_entriesWithVotes = 0;
    QList<ParseWarning> m_warnings;
    QList<FileError> m_errors;
    QMap<QString, FormatTotals> m_formats;
};

} // namespace hanji
