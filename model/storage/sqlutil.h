#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace hanji {

// What every storage class needs to talk to SQLite through QtSql, with the one error
// convention: failures come back as an Error whose kind says what happened.

// An SQLite failure in words a user understands, never the raw SQL text.
[[nodiscard]] Error sqlError(const QSqlError &error, const QString &what);
// A query's or connection's failure, logged with the statement.
[[nodiscard]] Error sqlError(const QSqlQuery &query, const QString &what);

// Runs one statement.
[[nodiscard]] Result<> execSql(const QSqlDatabase &db, const QString &sql);
// The first column of the first row (an invalid QVariant when there is no row).
[[nodiscard]] Result<QVariant> querySingle(const QSqlDatabase &db, const QString &sql);
// A prepared query; a failed prepare shows when it is exec()ed.
[[nodiscard]] QSqlQuery prepared(const QSqlDatabase &db, const QString &sql);
// Runs a prepared query, or says why it failed.
[[nodiscard]] Result<> run(QSqlQuery &query, const QString &what);
// Begins a transaction that will write, taking the write lock now (BEGIN IMMEDIATE): a
// deferred one that read first fails at once, without waiting, when another connection
// wrote meanwhile (SQLITE_BUSY_SNAPSHOT), as a bookmark did while an import noted arrivals.
[[nodiscard]] Result<> beginWriting(const QSqlDatabase &db);
// A writing transaction around work: committed when work succeeds, rolled back otherwise.
[[nodiscard]] Result<> inTransaction(QSqlDatabase db, const std::function<Result<>()> &work);

// A connection name unique to this thread and purpose (QSqlDatabase connections are per thread).
[[nodiscard]] QString uniqueConnectionName(const QString &purpose);
// Opens an SQLite file on a new named connection, waiting up to a few seconds for locks.
[[nodiscard]] Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName);
// Closes and removes a connection (the QSqlDatabase handles must be gone first).
void closeSqlite(const QString &connectionName);

} // namespace hanji
