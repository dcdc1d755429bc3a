#include "sqlitestatement.h"

#include "logging.h"
#include "sqlitefile.h"
#include "sqlutil.h"

#include <sqlite3.h>

#include <utility>

namespace hanji {

QSqlError sqliteError(sqlite3 *db)
{
    if (!db)
        return QSqlError(QString(), QStringLiteral("not an SQLite connection"), QSqlError::ConnectionError);
    return QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                     QString::number(sqlite3_extended_errcode(db)));
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql)
    : m_db(sqliteHandle(db))
    , m_sql(sql)
{
    if (m_db && sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK) {
        qCWarning(lcLibrary) << "SQL prepare failed:" << m_sql.left(200) << sqlite3_errmsg(m_db);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_sql(std::move(other.m_sql))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_statement, other.m_statement);
    std::swap(m_sql, other.m_sql);
    return *this;
}

qint64 SqliteStatement::lastInsertId() const { return m_db ? sqlite3_last_insert_rowid(m_db) : 0; }

void SqliteStatement::bindInteger(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }

void SqliteStatement::bind(int index, std::optional<int> value)
{
    if (value)
        sqlite3_bind_int64(m_statement, index, *value);
    else
        sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bind(int index, const QString &text)
{
    m_texts.append(text.toUtf8());
    const QByteArray &utf8 = m_texts.constLast();
    // A null QString is empty text, not NULL, as QByteArray's null data would bind.
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QByteArray &bytes)
{
    if (bytes.isNull())
        sqlite3_bind_null(m_statement, index);
    else
        sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

Result<> SqliteStatement::step(const QString &what)
{
    if (!m_statement)
        return failure(sqlError(sqliteError(m_db), what));
    const int rc = sqlite3_step(m_statement);
    Result<> done;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        qCWarning(lcLibrary) << "SQL failed:" << m_sql.left(200) << sqlite3_errmsg(m_db);
        done = failure(sqlError(sqliteError(m_db), what));
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_texts.clear();
    return done;
}

SqliteQuery::SqliteQuery(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (!db || sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        qCWarning(lcLibrary) << "SQL prepare failed:" << QByteArrayView(sql).left(200) << (db ? sqlite3_errmsg(db) : "no connection");
        m_statement = nullptr;
    }
}

SqliteQuery::~SqliteQuery() { sqlite3_finalize(m_statement); }

void SqliteQuery::bind(int index, qint64 value) { sqlite3_bind_int64(m_statement, index, value); }

int SqliteQuery::step() { return m_statement ? sqlite3_step(m_statement) : SQLITE_ERROR; }

void SqliteQuery::reset() { sqlite3_reset(m_statement); }

qint64 SqliteQuery::integer(int column) const { return sqlite3_column_int64(m_statement, column); }

QByteArrayView SqliteQuery::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    return { static_cast<const char *>(data), sqlite3_column_bytes(m_statement, column) };
}

Error SqliteQuery::error(const QString &what) const { return sqlError(sqliteError(m_db), what); }

} // namespace hanji
