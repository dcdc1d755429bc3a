#include "savedsearchstore.h"

#include "sqlitefile.h"
#include "sqlutil.h"

#include "userfield.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

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

QString optionalText(const std::optional<int> &value) { return value ? QString::number(*value) : QString(); }

std::optional<int> optionalFromText(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

QString flag(bool on) { return on ? u"1"_s : QString(); }

// The fields of a search, saved at savedAt (the time it was first saved).
QHash<QString, QString> fieldsOf(const SavedSearch &search, const QString &savedAt)
{
    return {
        { searchfield::saved, savedAt },
        { searchfield::query, search.query },
        { searchfield::minVotes, optionalText(search.minVotes) },
        { searchfield::maxVotes, optionalText(search.maxVotes) },
        { searchfield::from, search.from.isValid() ? search.from.toString(Qt::ISODate) : QString() },
        { searchfield::to, search.to.isValid() ? search.to.toString(Qt::ISODate) : QString() },
        { searchfield::bookmarked, flag(search.bookmarkedOnly) },
        { searchfield::unread, flag(search.unreadOnly) },
    };
}

struct Held {
    QString value;
    qint64 at = 0;
};

Result<QHash<QString, Held>> heldFields(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query = prepared(db, u"SELECT field, value, at FROM fields WHERE kind = ? AND key = ?"_s);
    query.addBindValue(searchfield::kind);
    query.addBindValue(name);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    QHash<QString, Held> held;
    while (query.next())
        held.insert(query.value(0).toString(), { query.value(1).toString(), query.value(2).toLongLong() });
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    return held;
}

// Writes these fields of the search, every one of them, under one clock of machine later than
// any its record holds (a change made after seeing another machine's wins over it, even when
// that clock runs ahead): a search saved is saved whole, so of two concurrent saves of one
// name the later holds with all its filters, never a mix of both. Then brings its row to what
// the fields say. Inside a transaction.
Result<> setFields(const QSqlDatabase &db, const QString &machine, const QString &name, const QHash<QString, QString> &values)
{
    const Result<QHash<QString, Held>> held = heldFields(db, name);
    if (!held)
        return failure(held.error());
    qint64 at = QDateTime::currentMSecsSinceEpoch();
    for (const Held &field : *held)
        at = std::max(at, field.at + 1);
    QSqlQuery upsert = prepared(db, u"INSERT INTO fields(kind, key, field, value, at, machine) VALUES (?, ?, ?, ?, ?, ?) "
                                    "ON CONFLICT(kind, key, field) DO UPDATE SET value = excluded.value, at = excluded.at, "
                                    "machine = excluded.machine"_s);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        upsert.bindValue(0, searchfield::kind);
        upsert.bindValue(1, name);
        upsert.bindValue(2, it.key());
        upsert.bindValue(3, it.value().isNull() ? u""_s : it.value());
        upsert.bindValue(4, at);
        upsert.bindValue(5, machine);
        if (Result<> stored = run(upsert, kCannotSave); !stored)
            return stored;
    }
    return materializeSavedSearch(db, name);
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

Result<> materializeSavedSearch(const QSqlDatabase &db, const QString &name)
{
    const Result<QHash<QString, Held>> held = heldFields(db, name);
    if (!held)
        return failure(held.error());
    const QString savedAt = held->value(searchfield::saved).value;
    if (savedAt.isEmpty()) {
        QSqlQuery remove = prepared(db, u"DELETE FROM saved_searches WHERE name = ?"_s);
        remove.addBindValue(name);
        return run(remove, kCannotSave);
    }
    const auto value = [&](const QString &field) { return held->value(field).value; };
    QSqlQuery upsert = prepared(db, u"INSERT OR REPLACE INTO saved_searches(name, query, min_votes, max_votes, "
                                    "date_from, date_to, bookmarked, unread, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const auto date = [&](const QString &field) {
        const QDate day = QDate::fromString(value(field), Qt::ISODate);
        return day.isValid() ? day.toString(Qt::ISODate) : u""_s;
    };
    upsert.addBindValue(name);
    upsert.addBindValue(value(searchfield::query).isNull() ? u""_s : value(searchfield::query));
    upsert.addBindValue(optionalInt(optionalFromText(value(searchfield::minVotes))));
    upsert.addBindValue(optionalInt(optionalFromText(value(searchfield::maxVotes))));
    upsert.addBindValue(date(searchfield::from));
    upsert.addBindValue(date(searchfield::to));
    upsert.addBindValue(value(searchfield::bookmarked).isEmpty() ? 0 : 1);
    upsert.addBindValue(value(searchfield::unread).isEmpty() ? 0 : 1);
    upsert.addBindValue(savedAt);
    return run(upsert, kCannotSave);
}

Result<> clockSavedSearches(const QSqlDatabase &db, const QString &machine)
{
    QSqlQuery unclocked = prepared(db, u"SELECT name, added_at FROM saved_searches WHERE name NOT IN "
                                       "(SELECT key FROM fields WHERE kind = ? AND field = ?)"_s);
    unclocked.addBindValue(searchfield::kind);
    unclocked.addBindValue(searchfield::saved);
    if (Result<> done = run(unclocked, kCannotRead); !done)
        return failure(done.error());
    QList<std::pair<QString, QString>> names;
    while (unclocked.next())
        names.append({ unclocked.value(0).toString(), unclocked.value(1).toString() });
    if (unclocked.lastError().isValid())
        return failure(sqlError(unclocked, kCannotRead));
    unclocked.finish();
    if (names.isEmpty())
        return {};
    Result<> done = inTransaction(db, [&]() -> Result<> {
        for (const auto &[name, addedAt] : std::as_const(names)) {
            const Result<QList<SavedSearch>> search = select(db, name);
            if (!search)
                return failure(search.error());
            if (search->isEmpty())
                continue;
            // The sync file form takes only a time here: a row's odd added_at must not make every file refused.
            const QString savedAt = QDateTime::fromString(addedAt, Qt::ISODateWithMs).isValid()
                ? addedAt
                : QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            if (Result<> set = setFields(db, machine, name, fieldsOf(search->first(), savedAt)); !set)
                return set;
        }
        return {};
    });
    return done ? done : failure(explainFailure(done.error(), db.databaseName()));
}

Result<> SavedSearchStore::write(const std::function<Result<>(const QString &machine)> &work)
{
    Result<> done = inTransaction(m_db, [&]() -> Result<> {
        QSqlQuery query = prepared(m_db, u"SELECT value FROM settings WHERE key = 'sync.machine'"_s);
        if (Result<> ran = run(query, kCannotRead); !ran)
            return ran;
        const QString machine = query.next() ? query.value(0).toString() : QString();
        query.finish();
        if (machine.isEmpty())
            return failure(u"%1: the user data has no machine id"_s.arg(kCannotSave));
        return work(machine);
    });
    return done ? done : failure(explainFailure(done.error(), m_db.databaseName()));
}

Result<> SavedSearchStore::save(const SavedSearch &search)
{
    const QString name = search.name.trimmed();
    if (name.isEmpty())
        return failure(u"a saved search needs a name"_s, Error::Kind::Invalid);
    return write([&](const QString &machine) -> Result<> {
        // A search saved again keeps the time it was first saved.
        const Result<QHash<QString, Held>> held = heldFields(m_db, name);
        if (!held)
            return failure(held.error());
        QString savedAt = held->value(searchfield::saved).value;
        if (savedAt.isEmpty())
            savedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        return setFields(m_db, machine, name, fieldsOf(search, savedAt));
    });
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
    const Result<std::optional<SavedSearch>> old = find(name);
    if (!old)
        return failure(old.error());
    if (!*old)
        return failure(u"no saved search named \"%1\""_s.arg(name), Error::Kind::Invalid);
    // For sync, a rename is a removal of the old name and a search saved under the new one.
    return write([&](const QString &machine) -> Result<> {
        const Result<QHash<QString, Held>> held = heldFields(m_db, name);
        if (!held)
            return failure(held.error());
        QString savedAt = held->value(searchfield::saved).value;
        if (savedAt.isEmpty())
            savedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        if (Result<> removed = setFields(m_db, machine, name, { { searchfield::saved, QString() } }); !removed)
            return removed;
        return setFields(m_db, machine, target, fieldsOf(**old, savedAt));
    });
}

Result<> SavedSearchStore::remove(const QString &name)
{
    const Result<std::optional<SavedSearch>> old = find(name);
    if (!old)
        return failure(old.error());
    if (!*old)
        return failure(u"no saved search named \"%1\""_s.arg(name), Error::Kind::Invalid);
    return write([&](const QString &machine) { return setFields(m_db, machine, name, { { searchfield::saved, QString() } }); });
}

} // namespace hanji
