#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <concepts>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace hanji {

// SQLite's last error on a connection as QtSql would report it, so that sqlError() words
// it the same.
[[nodiscard]] QSqlError sqliteError(sqlite3 *db);

// A statement that writes, prepared once and run for each row through SQLite's C API. For the
// import's statements that run once an entry or a paper: QtSql's binding alone (it makes a
// placeholder's name for every value) was a tenth of a cold import's writer (issue 12).
// Values bind by type: whole numbers as integers, std::optional<int> as NULL when empty,
// QString as UTF-8 text, QByteArray as a blob (NULL when null).
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(const QSqlDatabase &db, const char *sql); // a failed prepare shows at run()
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;

    // Binds the values to the statement's parameters in order, steps it to its end and
    // resets it for the next run; SQLite's error, worded by sqlError(), with `what` before it.
    template <typename... Values>
    [[nodiscard]] Result<> run(const QString &what, const Values &...values)
    {
        int index = 0;
        (bind(++index, values), ...);
        return step(what);
    }

    // The row id the last run inserted.
    [[nodiscard]] qint64 lastInsertId() const;

private:
    template <std::integral Integer>
    void bind(int index, Integer value) { bindInteger(index, qint64(value)); }
    void bindInteger(int index, qint64 value);
    void bind(int index, std::optional<int> value);
    void bind(int index, const QString &text);
    void bind(int index, const QByteArray &bytes);
    [[nodiscard]] Result<> step(const QString &what);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_sql;
    QList<QByteArray> m_texts; // the UTF-8 of the bound texts, until the run ends
};

// A statement that reads, through SQLite's C API: for the full-text postings, whose blobs it
// hands out in place where QtSql would copy each into a QVariant.
class SqliteQuery
{
public:
    SqliteQuery(sqlite3 *db, const char *sql); // a failed prepare shows at step()
    ~SqliteQuery();
    SqliteQuery(const SqliteQuery &) = delete;
    SqliteQuery &operator=(const SqliteQuery &) = delete;

    void bind(int index, qint64 value);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    [[nodiscard]] int step();
    void reset(); // for the next run, with the same bindings
    [[nodiscard]] qint64 integer(int column) const;
    // Valid until the next step() or reset().
    [[nodiscard]] QByteArrayView blob(int column) const;
    // SQLite's last error, worded by sqlError(), with `what` before it.
    [[nodiscard]] Error error(const QString &what) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace hanji
