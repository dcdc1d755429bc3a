#include "digestscan.h"

#include "digestformat.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji {

DigestFileList collectDigestFiles(const QStringList &paths)
{
    DigestFileList result;
    QSet<QString> seen;
    const auto addFile = [&](const QString &path) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (!seen.contains(canonical)) {
            seen.insert(canonical);
            result.files.append(QFileInfo(path).absoluteFilePath());
        }
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            result.errors.append({ path, u"no such file or folder"_s });
        } else if (info.isDir()) {
            if (!info.isReadable() || !info.isExecutable()) {
                result.errors.append({ path, u"folder cannot be read"_s });
                continue;
            }
            QDirIterator it(path, { u"*.md"_s }, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            QStringList found;
            while (it.hasNext())
                found.append(it.next());
            found.sort();
            for (const QString &file : std::as_const(found))
                addFile(file);
        } else {
            addFile(path);
        }
    }
    return result;
}

void CheckReport::add(const ParsedDigest &digest)
{
    ++m_files;
    m_warnings += digest.warnings;
    FormatTotals &format = m_formats[digest.format];
    ++format.files;
    for (const DigestEntry &entry : digest.entries) {
        format.entries.insert(std::pair(entry.date.toJulianDay(), entry.identity()));
        format.papers.insert(entry.identity());
        m_days.insert(entry.date.toJulianDay());
        m_papers.insert(entry.identity());
        const auto key = std::pair(entry.date.toJulianDay(), entry.identity());
        if (m_entries.contains(key))
            continue;
        m_entries.insert(key);
        if (entry.votes) {
            m_votesTotal += *entry.votes;
            ++m_entriesWithVotes;
        }
    }
}

QByteArray CheckReport::toJson() const
{
    QJsonArray warnings;
    for (const ParseWarning &w : m_warnings)
        warnings.append(QJsonObject { { u"file"_s, w.file }, { u"line"_s, w.line }, { u"message"_s, w.message } });
    QJsonArray errors;
    for (const FileError &e : m_errors)
        errors.append(QJsonObject { { u"file"_s, e.file }, { u"message"_s, e.message } });
    QJsonObject formats;
    for (auto it = m_formats.cbegin(); it != m_formats.cend(); ++it) {
        formats.insert(it.key().isEmpty() ? u"unknown"_s : it.key(),
                       QJsonObject { { u"files"_s, it->files }, { u"entries"_s, int(it->entries.size()) },
                                     { u"papers"_s, int(it->papers.size()) } });
    }
    const QJsonObject object {
        { u"files"_s, m_files },
        { u"days"_s, days() },
        { u"entries"_s, entries() },
        { u"papers"_s, papers() },
        { u"votes_total"_s, m_votesTotal },
        { u"entries_with_votes"_s, m_entriesWithVotes },
        { u"warnings"_s, warnings },
        { u"errors"_s, errors },
        { u"formats"_s, formats },
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString CheckReport::toText() const
{
    QString text;
    for (const ParseWarning &w : m_warnings)
        text += u"%1: warning: %2\n"_s.arg(w.where(), w.message);
    for (const FileError &e : m_errors)
        text += u"%1: error: %2\n"_s.arg(e.file, e.message);
    text += u"%1 files, %2 days, %3 entries, %4 papers, %5 votes over %6 entries, %7 warnings, %8 errors\n"_s
                .arg(m_files)
                .arg(days())
                .arg(entries())
                .arg(papers())
                .arg(m_votesTotal)
                .arg(m_entriesWithVotes)
                .arg(m_warnings.size())
                .arg(m_errors.size());
    for (auto it = m_formats.cbegin(); it != m_formats.cend(); ++it) {
        const DigestFormat *format = digestFormatNamed(it.key());
        text += u"  %1: %2 files, %3 entries, %4 papers\n"_s
                    .arg(format ? u"%1 (%2)"_s.arg(format->label(), format->name()) : u"not a known digest"_s)
                    .arg(it->files)
                    .arg(it->entries.size())
                    .arg(it->papers.size());
    }
    return text;
}

} // namespace hanji
