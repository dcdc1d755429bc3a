#include "arrivallog.h"

#include "sqlitefile.h"
#include "sqlitestatement.h"
#include "sqlutil.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
const QString kCannotRead = u"cannot read which papers are new"_s;
const QString kCannotSave = u"cannot note which papers are new"_s;
} // namespace

ArrivalLog::ArrivalLog(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<bool> ArrivalLog::isEmpty() const
{
    const Result<QVariant> any = querySingle(m_db, u"SELECT EXISTS(SELECT 1 FROM paper_arrivals)"_s);
    if (!any)
        return failure(explainFailure(any.error(), m_db.databaseName()));
    return !any->toBool();
}

Result<QStringList> ArrivalLog::record(const QStringList &ids, const QDateTime &now)
{
    if (ids.isEmpty())
        return QStringList();
    const Result<bool> first = isEmpty();
    if (!first)
        return failure(first.error());
    QSet<QString> known;
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT paper_id FROM paper_arrivals"_s))
            return failure(sqlError(query, kCannotRead));
        while (query.next())
            known.insert(query.value(0).toString());
        if (query.lastError().isValid())
            return failure(sqlError(query, kCannotRead));
    }
    QStringList fresh;
    for (const QString &id : ids) {
        if (!known.contains(id)) {
            fresh += id;
            known.insert(id);
        }
    }
    if (fresh.isEmpty())
        return fresh;
    // Empty: there from the start.
    const QString at = *first ? QString() : now.toUTC().toString(Qt::ISODateWithMs);
    Result<> saved = inTransaction(m_db, [&]() -> Result<> {
        // Through SQLite's C API: QtSql's binding made the first import's 52,830 inserts at
        // ten years 93 ms on the UI thread.
        SqliteStatement insert(m_db, "INSERT OR IGNORE INTO paper_arrivals(paper_id, arrived_at) VALUES (?, ?)");
        for (const QString &id : std::as_const(fresh)) {
            if (Result<> inserted = insert.run(kCannotSave, id, at); !inserted)
                return inserted;
        }
        return {};
    });
    if (!saved)
        return failure(explainFailure(saved.error(), m_db.databaseName()));
    return *first ? QStringList() : fresh;
}

Result<QStringList> ArrivalLog::recordInFile(const QString &path, const QStringList &ids)
{
    const QString connection = uniqueConnectionName(u"arrivals"_s);
    Result<QStringList> fresh = failure(QString());
    {
        const Result<QSqlDatabase> db = openSqlite(path, connection);
        fresh = db ? ArrivalLog(*db).record(ids) : failure(explainFailure(db.error(), path));
    }
    closeSqlite(connection);
    return fresh;
}

Result<QStringList> ArrivalLog::arrivedAfter(const QDateTime &since) const
{
    // ISO times in UTC with milliseconds compare as text.
    QSqlQuery query = prepared(m_db, u"SELECT paper_id FROM paper_arrivals WHERE arrived_at <> '' AND arrived_at > COALESCE(?, '') "
                                     "ORDER BY arrived_at, paper_id"_s);
    query.addBindValue(since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QString());
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    QStringList ids;
    while (query.next())
        ids += query.value(0).toString();
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    return ids;
}

} // namespace hanji
