#include "sqlutil.h"

#include "logging.h"

#include <QAtomicInteger>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hanji {

bool execSql(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qCWarning(lcLibrary) << "SQL failed:" << sql.left(200) << query.lastError().text();
    if (error)
        *error = describeSqlError(query.lastError());
    return false;
}

QVariant querySingle(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qCWarning(lcLibrary) << "SQL failed:" << sql.left(200) << query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

QSqlQuery prepared(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        qCWarning(lcLibrary) << "SQL prepare failed:" << sql.left(200) << query.lastError().text();
    return query;
}

bool isBusyError(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"5"_s || code == u"6"_s || error.text().contains(u"locked"_s, Qt::CaseInsensitive);
}

QString describeSqlError(const QSqlError &error)
{
    if (isBusyError(error))
        return u"the library is locked by another program (is Hanji importing elsewhere?); try again"_s;
    const QString text = error.text();
    if (text.contains(u"readonly"_s, Qt::CaseInsensitive) || text.contains(u"read-only"_s, Qt::CaseInsensitive))
        return u"the library is read-only: %1"_s.arg(text);
    return text;
}

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return u"hanji-%1-%2-%3"_s.arg(purpose).arg(quintptr(QThread::currentThreadId())).arg(counter.fetchAndAddRelaxed(1));
}

QSqlDatabase openSqlite(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        if (error)
            *error = describeSqlError(db.lastError());
        qCWarning(lcLibrary) << "cannot open" << path << db.lastError().text();
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
