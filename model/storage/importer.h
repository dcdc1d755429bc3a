#pragma once

#include "digest.h"
#include "digestscan.h"
#include "result.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace hanji {

struct ImportProgress {
    int done = 0;
    int total = 0;
    QString file; // the file just handled
};

struct ImportReport {
    int files = 0; // digest files found
    int parsed = 0; // read and (re)indexed
    int unchanged = 0;
    int removed = 0;
    int entries = 0; // entries written
    QList<ParseWarning> warnings; // of the files parsed this time
    QList<FileError> errors; // files or folders that could not be read
    bool cancelled = false;
    std::optional<Error> error; // the index could not be written: nothing after the last batch was kept
    qint64 milliseconds = 0;
    QStringList arrived; // ids of the papers new to the library (ArrivalLog), filled in by who notes them
    [[nodiscard]] bool ok() const { return !error; }
};

// Brings the index up to date with folders of digests: unchanged files (size and
// modification time, then content hash) are skipped, changed ones replace their entries,
// removed ones drop theirs. Works on a connection of its own, so it can run on any thread;
// one import at a time per index (a lock file beside it).
class Importer
{
public:
    using ProgressCallback = std::function<void(const ImportProgress &)>;

    explicit Importer(QString indexPath);

    [[nodiscard]] ImportReport run(const QStringList &folders, const ProgressCallback &progress = {},
                                   const std::atomic_bool *cancel = nullptr);

private:
    QString m_indexPath;
};

} // namespace hanji
