#include "savedsearchstore.h"

#include "sqlitefile.h"
#include "sqlutil.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

const QString kCannotRead = u"cannot read your saved searches"_s;
const QString kCannotSave = u"cannot save your saved searches"_s;

QVariant optionalInt(const std::optional<int> &value) { return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int)); }

std::optional<int> readOptionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toInt());
}

Result<QList<SavedSearch>> select(const QSqlDatabase &db, const std::optional<QString> &name)
{
    QSqlQuery query = prepared(db, u"SELECT name, query, min_votes, max_votes, date_from, date_to, bookmarked, unread "
                                   "FROM saved_searches%1 ORDER BY name"_s.arg(name ? u" WHERE name = ?"_s : QString()));
    if (name)
        query.addBindValue(*name);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    QList<SavedSearch> searches;
    while (query.next()) {
        searches += SavedSearch {
            .name = query.value(0).toString(),
            .query = query.value(1).toString(),
            .minVotes = readOptionalInt(query.value(2)),
            .maxVotes = readOptionalInt(query.value(3)),
            .from = QDate::fromString(query.value(4).toString(), Qt::ISODate),
            .to = QDate::fromString(query.value(5).toString(), Qt::ISODate),
            .bookmarkedOnly = query.value(6).toBool(),
            .unreadOnly = query.value(7).toBool(),
        };
    }
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    return searches;
}

} // namespace

SavedSearchStore::SavedSearchStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<SavedSearch>> SavedSearchStore::all() const { return select(m_db, std::nullopt); }

Result<std::optional<SavedSearch>> SavedSearchStore::find(const QString &name) const
{
    Result<QList<SavedSearch>> found = select(m_db, name);
    if (!found)
        return failure(found.error());
    return found->isEmpty() ? std::nullopt : std::optional(found->takeFirst());
}

Result<> SavedSearchStore::save(const SavedSearch &search)
{
    if (search.name.trimmed().isEmpty())
        return failure(u"a saved search needs a name"_s, Error::Kind::Invalid);
    Result<> done = inTransaction(m_db, [&]() -> Result<> {
        QSqlQuery upsert = prepared(m_db, u"INSERT OR REPLACE INTO saved_searches(name, query, min_votes, max_votes, "
                                          "date_from, date_to, bookmarked, unread, added_at) "
                                          "VALUES (?, COALESCE(?, ''), ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?)"_s);
        upsert.addBindValue(search.name.trimmed());
        upsert.addBindValue(search.query);
        upsert.addBindValue(optionalInt(search.minVotes));
        upsert.addBindValue(optionalInt(search.maxVotes));
        upsert.addBindValue(search.from.isValid() ? search.from.toString(Qt::ISODate) : QString());
        upsert.addBindValue(search.to.isValid() ? search.to.toString(Qt::ISODate) : QString());
        upsert.addBindValue(search.bookmarkedOnly ? 1 : 0);
        upsert.addBindValue(search.unreadOnly ? 1 : 0);
        upsert.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        return run(upsert, kCannotSave);
    });
    return done ? done : failure(explainFailure(done.error(), m_db.databaseName()));
}

Result<> SavedSearchStore::rename(const QString &name, const QString &newName)
{
    const QString target = newName.trimmed();
    if (target.isEmpty())
        return failure(u"a saved search needs a name"_s, Error::Kind::Invalid);
    if (target == name)
        return {};
    const Result<std::optional<SavedSearch>> taken = find(target);
    if (!taken)
        return failure(taken.error());
    if (*taken)
        return failure(u"there is already a saved search named \"%1\""_s.arg(target), Error::Kind::Invalid);
    int changed = 0;
    Result<> done = inTransaction(m_db, [&]() -> Result<> {
        QSqlQuery update = prepared(m_db, u"UPDATE saved_searches SET name = ? WHERE name = ?"_s);
        update.addBindValue(target);
        update.addBindValue(name);
        Result<> ran = run(update, kCannotSave);
        changed = update.numRowsAffected();
        return ran;
    });
    if (!done)
        return failure(explainFailure(done.error(), m_db.databaseName()));
    if (changed == 0)
        return failure(u"no saved search named \"%1\""_s.arg(name), Error::Kind::Invalid);
    return {};
}

Result<> SavedSearchStore::remove(const QString &name)
{
    int changed = 0;
    Result<> done = inTransaction(m_db, [&]() -> Result<> {
        QSqlQuery remove = prepared(m_db, u"DELETE FROM saved_searches WHERE name = ?"_s);
        remove.addBindValue(name);
        Result<> ran = run(remove, kCannotSave);
        changed = remove.numRowsAffected();
        return ran;
    });
    if (!done)
        return failure(explainFailure(done.error(), m_db.databaseName()));
    if (changed == 0)
        return failure(u"no saved search named \"%1\""_s.arg(name), Error::Kind::Invalid);
    return {};
}

} // namespace hanji
