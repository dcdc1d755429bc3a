#include "sqlitefile.h"

#include "sqlutil.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QThread>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Where SQLite's unix VFS takes its locks (sqlite3.c: PENDING_BYTE, SHARED_SIZE,
// WALINDEX_LOCK_OFFSET): the writer's byte of the -shm file first, then the database file's.
constexpr off_t kPendingByte = 0x40000000;
constexpr off_t kLockBytes = 2 + 510;
constexpr off_t kWalWriteLock = 120;
constexpr off_t kWalLocks = 8;

std::optional<qint64> holderOf(const QString &file, off_t start, off_t length)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct flock probe = {};
    probe.l_type = F_WRLCK; // conflicts with any lock another process holds there
    probe.l_whence = SEEK_SET;
    probe.l_start = start;
    probe.l_len = length;
    const bool asked = ::fcntl(fd, F_GETLK, &probe) == 0;
    ::close(fd);
    if (!asked || probe.l_type == F_UNLCK || probe.l_pid <= 0)
        return std::nullopt;
    return probe.l_pid;
}

QString freeName(const QString &path, const QString &tag)
{
    const QFileInfo info(path);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    const QString base = info.dir().filePath(info.completeBaseName() + u'.' + tag + u'-' + stamp);
    QString candidate = base + u".sqlite"_s;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + u'-' + QString::number(n) + u".sqlite"_s;
    return candidate;
}

} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.isValid() ? db.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(handle.constData())
                                                                            : nullptr;
}

Result<qint32> applicationId(const QSqlDatabase &db)
{
    Result<QVariant> id = querySingle(db, u"PRAGMA application_id"_s);
    if (!id)
        return failure(id.error());
    return qint32(id->toLongLong());
}

Result<QStringList> tableNames(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
        return failure(sqlError(query, QString()));
    QStringList names;
    while (query.next())
        names += query.value(0).toString();
    if (query.lastError().isValid())
        return failure(sqlError(query, QString()));
    return names;
}

std::optional<qint64> lockHolder(const QString &path)
{
    if (auto writer = holderOf(path + u"-shm"_s, kWalWriteLock, kWalLocks))
        return writer;
    return holderOf(path, kPendingByte, kLockBytes);
}

bool diskIsFull(const QString &path)
{
    // SQLite says "disk I/O error" when it cannot make its -shm or -wal file on a full disk.
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    return disk.isValid() && disk.bytesAvailable() < 64 * 1024;
}

Error explainFailure(Error error, const QString &path)
{
    if (error.kind == Error::Kind::DiskFull || error.kind == Error::Kind::Io || error.kind == Error::Kind::Failed) {
        if (error.kind == Error::Kind::DiskFull || diskIsFull(path))
            return { Error::Kind::DiskFull, u"the disk is full: %1 cannot be written; free some space and try again"_s.arg(path) };
        return error;
    }
    if (error.kind != Error::Kind::Busy)
        return error;
    const std::optional<qint64> pid = lockHolder(path);
    error.message = pid ? u"the library is in use by another program (PID %1); try again when it is done"_s.arg(*pid)
                        : u"the library is in use by another program; try again when it is done"_s;
    return error;
}

OpenGuard::OpenGuard(const QString &path)
    : m_path(path)
{
}

OpenGuard::~OpenGuard()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

Result<> OpenGuard::acquire()
{
    const QString lockPath = m_path + u".open.lock"_s;
    m_fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        const int error = errno;
        if (error == ENOSPC)
            return failure(explainFailure({ Error::Kind::DiskFull, QString() }, m_path));
        return failure(u"cannot create %1: %2"_s.arg(lockPath, QString::fromLocal8Bit(std::strerror(error))),
                       error == EROFS || error == EACCES ? Error::Kind::ReadOnly : Error::Kind::Io);
    }
    QElapsedTimer waited;
    waited.start();
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return failure(u"cannot lock %1: %2"_s.arg(lockPath, QString::fromLocal8Bit(std::strerror(errno))), Error::Kind::Io);
        if (waited.elapsed() > 30'000)
            return failure(u"another Hanji is opening %1; try again"_s.arg(m_path), Error::Kind::Busy);
        QThread::msleep(20);
    }
    return {};
}

Result<QString> moveAside(const QString &path, const QString &tag)
{
    const QString target = freeName(path, tag);
    QFile file(path);
    if (!file.rename(target))
        return failure(u"cannot move %1 aside: %2"_s.arg(path, file.errorString()));
    for (const QString &suffix : { u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

} // namespace hanji
