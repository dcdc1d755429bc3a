#pragma once

#include "digestparser.h"
#include "workahead.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace hanji {

// What the index knows of a file from an earlier import.
struct KnownFile {
    qint64 id = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    QByteArray hash;
};

// One file of an import as the writer needs it: read, hashed, parsed and its entries' text
// packed for the index (packText), or what stopped that.
struct PreparedFile {
    enum class State {
        Unchanged, // the same size and time as the index knows: not read
        Touched,   // read: the same bytes under a new time
        Changed,   // read and parsed: new, or other bytes
        Unreadable,
    };
    QString path;
    State state = State::Unchanged;
    qint64 size = 0;
    qint64 mtime = 0; // ms since the epoch
    QByteArray hash;
    QString error; // Unreadable: why
    ParsedDigest digest;
    // The entries' Markdown in UTF-8, one after another, packed; each entry's bytes in it.
    QByteArray packedText;
    QList<std::pair<qsizetype, qsizetype>> entrySpans;
};

// Prepares the files of an import on threads of their own, a few ahead of the writer, which
// then only feeds SQLite: reading, hashing, parsing and compressing were a sixth of a cold
// import, done while the index waited (issue 12). In the order of the list.
class FilePrefetcher
{
public:
    // ahead: files ready at most, each a few tens of kilobytes.
    FilePrefetcher(QStringList files, const QHash<QString, KnownFile> &known, size_t ahead);

    // The next file of the list, waiting for it when it is not ready yet. Call once per file.
    [[nodiscard]] PreparedFile next() { return m_work.next(); }

private:
    // Two: while the first batch's files are read, the writer has little to do but wait for
    // them (a third of a cold import of the corpus).
    static constexpr int kThreads = 2;

    [[nodiscard]] static PreparedFile prepare(const QString &path, const KnownFile *known);

    const QStringList m_files;
    const QHash<QString, KnownFile> &m_known;
    WorkAhead<PreparedFile> m_work; // last: its threads read the members above
};

} // namespace hanji
