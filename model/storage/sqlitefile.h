#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

struct sqlite3; // sqlite3.h

namespace hanji {

// What Hanji needs to know about an SQLite file as a file: whose it is, who holds it, and
// how to keep a damaged or foreign one without touching its bytes.

// PRAGMA application_id of Hanji's two files ("HJUD" and "HJIX"): a file that carries
// neither is another program's, or one Hanji wrote before it marked them.
inline constexpr qint32 kUserDataApplicationId = 0x484a5544;
inline constexpr qint32 kIndexApplicationId = 0x484a4958;

// The connection's own SQLite handle, for what QtSql cannot do (a tokenizer, a statement
// without QtSql's cost a row); null when it is not an SQLite connection.
[[nodiscard]] sqlite3 *sqliteHandle(const QSqlDatabase &db);

[[nodiscard]] Result<qint32> applicationId(const QSqlDatabase &db);
// The names of the file's tables (views and indexes left out).
[[nodiscard]] Result<QStringList> tableNames(const QSqlDatabase &db);

// The process holding a lock on the database (its -shm file in WAL mode, its lock bytes
// otherwise), if another process holds one and the system says which.
[[nodiscard]] std::optional<qint64> lockHolder(const QString &path);
// An error told as the user needs it: Busy with who holds the file, when that is known; an
// I/O failure on a disk with no space left as a full disk. Other errors unchanged.
[[nodiscard]] Error explainFailure(Error error, const QString &path);
[[nodiscard]] bool diskIsFull(const QString &path);

// Processes starting together must not create, migrate or rebuild a file at the same time:
// opening holds this lock beside the file ("<file>.open.lock", kept empty). It is a kernel
// lock (flock), so a process killed while holding it, or while taking it, leaves nothing
// stale behind. Fails when another holds it for too long, or when the lock file cannot be
// made (a read-only folder).
class OpenGuard
{
public:
    explicit OpenGuard(const QString &path);
    ~OpenGuard();
    OpenGuard(const OpenGuard &) = delete;
    OpenGuard &operator=(const OpenGuard &) = delete;
    [[nodiscard]] Result<> acquire();

private:
    QString m_path;
    int m_fd = -1;
};

// Renames the file and its -wal/-shm/-journal beside it as "<name>.<tag>-<time>.sqlite",
// never deleting or changing a byte; the new path.
[[nodiscard]] Result<QString> moveAside(const QString &path, const QString &tag);

} // namespace hanji
