#include "userstore.h"

#include "sqlitefile.h"
#include "sqlutil.h"

#include <QDateTime>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

const QString kCannotRead = u"cannot read your bookmarks"_s;
const QString kCannotSave = u"cannot save your bookmarks"_s;

// Tags are stored comma-joined: no tag may hold a comma, and none is empty or repeated.
QStringList cleanTags(const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed().remove(u',');
        if (!t.isEmpty() && !clean.contains(t))
            clean += t;
    }
    return clean;
}

} // namespace

UserStore::UserStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<> UserStore::load()
{
    QHash<QString, UserState> states;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT paper_id, added_at, note, tags FROM bookmarks"_s))
        return failure(sqlError(query, kCannotRead));
    while (query.next()) {
        UserState &state = states[query.value(0).toString()];
        state.bookmarked = true;
        state.bookmarkedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        state.note = query.value(2).toString();
        state.tags = query.value(3).toString().split(u',', Qt::SkipEmptyParts);
    }
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    if (!query.exec(u"SELECT paper_id FROM read_state"_s))
        return failure(sqlError(query, kCannotRead));
    while (query.next())
        states[query.value(0).toString()].read = true;
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    m_states = std::move(states);
    return {};
}

Result<> UserStore::change(const std::function<Result<>()> &work)
{
    Result<> done = inTransaction(m_db, work);
    if (!done) {
        (void)load(); // the cache follows what is on disk; the first error is the one to tell
        return failure(explainFailure(done.error(), m_db.databaseName()));
    }
    return done;
}

Result<QStringList> UserStore::column(const QString &sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return failure(sqlError(query, kCannotRead));
    QStringList values;
    while (query.next())
        values += query.value(0).toString();
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    return values;
}

Result<QStringList> UserStore::bookmarkIds() const
{
    return column(u"SELECT paper_id FROM bookmarks ORDER BY added_at, rowid"_s);
}

Result<> UserStore::addBookmarks(const QStringList &ids, const QHash<QString, PaperLabel> &labels)
{
    const QString now = nowUtc();
    Result<> done = change([&]() -> Result<> {
        QSqlQuery insert = prepared(m_db, u"INSERT OR IGNORE INTO bookmarks(paper_id, added_at, title, url) VALUES (?, ?, ?, ?)"_s);
        for (const QString &id : ids) {
            const PaperLabel label = labels.value(id);
            insert.bindValue(0, id);
            insert.bindValue(1, now);
            insert.bindValue(2, label.title);
            insert.bindValue(3, label.url);
            if (Result<> inserted = run(insert, kCannotSave); !inserted)
                return inserted;
        }
        return {};
    });
    if (done) {
        for (const QString &id : ids) {
            UserState &state = m_states[id];
            if (!state.bookmarked)
                state.bookmarkedAt = QDateTime::fromString(now, Qt::ISODateWithMs);
            state.bookmarked = true;
        }
    }
    return done;
}

Result<> UserStore::removeBookmarks(const QStringList &ids)
{
    Result<> done = change([&]() -> Result<> {
        QSqlQuery remove = prepared(m_db, u"DELETE FROM bookmarks WHERE paper_id = ?"_s);
        for (const QString &id : ids) {
            remove.bindValue(0, id);
            if (Result<> removed = run(remove, kCannotSave); !removed)
                return removed;
        }
        return {};
    });
    if (done) {
        for (const QString &id : ids) {
            UserState &state = m_states[id];
            state.bookmarked = false;
            state.bookmarkedAt = {};
            state.note.clear();
            state.tags.clear();
        }
    }
    return done;
}

Result<> UserStore::setNote(const QString &id, const QString &note)
{
    Result<> done = change([&]() -> Result<> {
        QSqlQuery update = prepared(m_db, u"UPDATE bookmarks SET note = ? WHERE paper_id = ?"_s);
        update.addBindValue(note);
        update.addBindValue(id);
        return run(update, kCannotSave);
    });
    if (done)
        m_states[id].note = note;
    return done;
}

Result<> UserStore::setTags(const QString &id, const QStringList &tags)
{
    const QStringList clean = cleanTags(tags);
    Result<> done = change([&]() -> Result<> {
        QSqlQuery update = prepared(m_db, u"UPDATE bookmarks SET tags = ? WHERE paper_id = ?"_s);
        update.addBindValue(clean.join(u','));
        update.addBindValue(id);
        return run(update, kCannotSave);
    });
    if (done)
        m_states[id].tags = clean;
    return done;
}

Result<> UserStore::setRead(const QStringList &ids, bool read)
{
    const QString now = nowUtc();
    Result<> done = change([&]() -> Result<> {
        QSqlQuery change = read ? prepared(m_db, u"INSERT OR IGNORE INTO read_state(paper_id, read_at) VALUES (?, ?)"_s)
                                : prepared(m_db, u"DELETE FROM read_state WHERE paper_id = ?"_s);
        for (const QString &id : ids) {
            change.bindValue(0, id);
            if (read)
                change.bindValue(1, now);
            if (Result<> changed = run(change, kCannotSave); !changed)
                return changed;
        }
        return {};
    });
    if (done) {
        for (const QString &id : ids)
            m_states[id].read = read;
    }
    return done;
}

Result<QStringList> UserStore::folders() const
{
    return column(u"SELECT path FROM folders ORDER BY added_at, path"_s);
}

Result<> UserStore::addFolders(const QStringList &folders)
{
    return change([&]() -> Result<> {
        QSqlQuery insert = prepared(m_db, u"INSERT OR IGNORE INTO folders(path, added_at) VALUES (?, ?)"_s);
        for (const QString &folder : folders) {
            insert.bindValue(0, QFileInfo(folder).absoluteFilePath());
            insert.bindValue(1, nowUtc());
            if (Result<> inserted = run(insert, u"cannot save the library's folders"_s); !inserted)
                return inserted;
        }
        return {};
    });
}

Result<QString> UserStore::setting(const QString &key) const
{
    QSqlQuery query = prepared(m_db, u"SELECT value FROM settings WHERE key = ?"_s);
    query.addBindValue(key);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    return query.next() ? query.value(0).toString() : QString();
}

Result<> UserStore::setSetting(const QString &key, const QString &value)
{
    return change([&]() -> Result<> {
        QSqlQuery upsert = prepared(m_db, u"INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)"_s);
        upsert.addBindValue(key);
        upsert.addBindValue(value);
        return run(upsert, kCannotSave);
    });
}

} // namespace hanji
