#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace hanji {

// Runs one statement; on failure logs it and, when given, sets *error to a readable message.
bool execSql(const QSqlDatabase &db, const QString &sql, QString *error = nullptr);

// The first column of the first row, or an invalid QVariant.
[[nodiscard]] QVariant querySingle(const QSqlDatabase &db, const QString &sql);

// A prepared query that logs its error; exec() on the result returns false on failure.
[[nodiscard]] QSqlQuery prepared(const QSqlDatabase &db, const QString &sql);

// "database is locked" and friends, in words a user understands.
[[nodiscard]] QString describeSqlError(const QSqlError &error);

// SQLite returned "busy" or "locked": another process holds the database.
[[nodiscard]] bool isBusyError(const QSqlError &error);

// A connection name unique to this thread and purpose (QSqlDatabase connections are per thread).
[[nodiscard]] QString uniqueConnectionName(const QString &purpose);

// Opens an SQLite file on a new named connection, waiting up to a few seconds for locks.
[[nodiscard]] QSqlDatabase openSqlite(const QString &path, const QString &connectionName, QString *error);

// Closes and removes a connection (the QSqlDatabase handles must be gone first).
void closeSqlite(const QString &connectionName);

} // namespace hanji
