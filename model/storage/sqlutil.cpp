#include "sqlutil.h"

#include "logging.h"

#include <QAtomicInteger>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// SQLite's primary result codes (the low byte of an extended code).
enum SqliteCode { Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Corrupt = 11, Full = 13, CantOpen = 14,
                  NotADatabase = 26 };

Error::Kind kindOf(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return error.text().contains(u"locked"_s, Qt::CaseInsensitive) ? Error::Kind::Busy : Error::Kind::Failed;
    switch (code) {
    case Busy:
    case Locked:
        return Error::Kind::Busy;
    case ReadOnly:
        return Error::Kind::ReadOnly;
    case Full:
        return Error::Kind::DiskFull;
    case IoError:
    case CantOpen:
        return Error::Kind::Io;
    case Corrupt:
    case NotADatabase:
        return Error::Kind::Corrupt;
    default:
        return Error::Kind::Failed;
    }
}

} // namespace

Error sqlError(const QSqlError &error, const QString &what)
{
    const Error::Kind kind = kindOf(error);
    QString message;
    switch (kind) {
    case Error::Kind::Busy:
        message = u"the library is locked by another program (is Hanji importing elsewhere?); try again"_s;
        break;
    case Error::Kind::ReadOnly:
        message = u"the library is read-only"_s;
        break;
    case Error::Kind::DiskFull:
        message = u"the disk is full"_s;
        break;
    case Error::Kind::Corrupt:
        message = u"the database file is damaged"_s;
        break;
    case Error::Kind::Io:
        message = u"the file could not be read or written (I/O error)"_s;
        break;
    default:
        message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        break;
    }
    return { kind, what.isEmpty() ? message : u"%1: %2"_s.arg(what, message) };
}

Error sqlError(const QSqlQuery &query, const QString &what)
{
    qCWarning(lcLibrary) << "SQL failed:" << query.lastQuery().left(200) << query.lastError().text();
    return sqlError(query.lastError(), what);
}

Result<> execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return failure(sqlError(query, QString()));
    return {};
}

Result<QVariant> querySingle(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return failure(sqlError(query, QString()));
    return query.next() ? query.value(0) : QVariant();
}

QSqlQuery prepared(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        qCWarning(lcLibrary) << "SQL prepare failed:" << sql.left(200) << query.lastError().text();
    return query;
}

Result<> run(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return failure(sqlError(query, what));
    return {};
}

Result<> beginWriting(const QSqlDatabase &db)
{
    return execSql(db, u"BEGIN IMMEDIATE"_s);
}

Result<> inTransaction(QSqlDatabase db, const std::function<Result<>()> &work)
{
    if (Result<> begun = beginWriting(db); !begun)
        return begun;
    Result<> done = work();
    if (done && !db.commit())
        done = failure(sqlError(db.lastError(), QString()));
    if (!done)
        db.rollback();
    return done;
}

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return u"hanji-%1-%2-%3"_s.arg(purpose).arg(quintptr(QThread::currentThreadId())).arg(counter.fetchAndAddRelaxed(1));
}

Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        qCWarning(lcLibrary) << "cannot open" << path << db.lastError().text();
        return failure(sqlError(db.lastError(), u"cannot open %1"_s.arg(path)));
    }
    return db;
}

void closeSqlite(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace hanji
