#include "userstore.h"

#include "savedsearchstore.h"
#include "sqlitefile.h"
#include "sqlutil.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

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

// QtSql binds a null QString as NULL; the user data's text columns hold '' instead.
QString text(const QString &value) { return value.isNull() ? u""_s : value; }

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
    // Made by the migration; made again (a write, so only then) should someone have deleted it.
    Result<QString> machine = setting(u"sync.machine"_s);
    if (machine && machine->isEmpty()) {
        if (Result<> made = execSql(m_db, u"INSERT OR IGNORE INTO settings(key, value) VALUES ('sync.machine', lower(hex(randomblob(8))))"_s);
            !made)
            return failure(explainFailure(made.error(), m_db.databaseName()));
        machine = setting(u"sync.machine"_s);
    }
    if (!machine)
        return failure(machine.error());
    m_machine = *machine;
    // Searches saved before they synced take their clocks now, once (a write only then).
    if (Result<> clocked = clockSavedSearches(m_db, m_machine); !clocked)
        return clocked;
    m_states = std::move(states);
    return {};
}

Result<> UserStore::change(const std::function<Result<>()> &work)
{
    m_pending.clear();
    Result<> done = inTransaction(m_db, work);
    if (!done) {
        m_pending.clear();
        (void)load(); // the cache follows what is on disk; the first error is the one to tell
        return failure(explainFailure(done.error(), m_db.databaseName()));
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        m_states.insert(it.key(), it.value());
    m_pending.clear();
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
    // Bookmarks of one instant by id, not by rowid: the rows merged in from other machines
    // come in any order, and every machine must list the same (one command's are a
    // millisecond apart, addBookmarks).
    return column(u"SELECT paper_id FROM bookmarks ORDER BY added_at, paper_id"_s);
}

QSqlQuery &UserStore::statement(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, prepared(m_db, sql)).first;
    return it->second;
}

Result<PaperLabel> UserStore::bookmarkLabel(const QString &id) const
{
    QSqlQuery query = prepared(m_db, u"SELECT title, url FROM bookmarks WHERE paper_id = ?"_s);
    query.addBindValue(id);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    return query.next() ? PaperLabel { query.value(0).toString(), query.value(1).toString() } : PaperLabel {};
}

Result<std::optional<UserField>> UserStore::storedField(const QString &kind, const QString &key, const QString &field) const
{
    QSqlQuery &query = statement(u"SELECT value, at, machine FROM fields WHERE kind = ? AND key = ? AND field = ?"_s);
    query.bindValue(0, kind);
    query.bindValue(1, key);
    query.bindValue(2, field);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    std::optional<UserField> found;
    if (query.next())
        found = UserField { kind, key, field, query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString() };
    query.finish(); // a kept statement left open would hold this connection's snapshot
    return found;
}

Result<> UserStore::storeField(const UserField &field)
{
    QSqlQuery &upsert = statement(u"INSERT INTO fields(kind, key, field, value, at, machine) VALUES (?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT(kind, key, field) DO UPDATE SET value = excluded.value, at = excluded.at, "
                                  "machine = excluded.machine"_s);
    upsert.bindValue(0, field.kind);
    upsert.bindValue(1, field.key);
    upsert.bindValue(2, field.field);
    upsert.bindValue(3, text(field.value));
    upsert.bindValue(4, field.at);
    upsert.bindValue(5, field.machine);
    return run(upsert, kCannotSave);
}

Result<UserState> UserStore::materialize(const QString &id)
{
    QSqlQuery &query = statement(u"SELECT field, value FROM fields WHERE kind = ? AND key = ?"_s);
    query.bindValue(0, paperfield::kind);
    query.bindValue(1, id);
    if (Result<> done = run(query, kCannotRead); !done)
        return failure(done.error());
    QHash<QString, QString> values;
    while (query.next())
        values.insert(query.value(0).toString(), query.value(1).toString());
    query.finish();
    UserState state;
    const QString added = values.value(paperfield::bookmarked);
    if (!added.isEmpty()) {
        QSqlQuery &upsert = statement(u"INSERT INTO bookmarks(paper_id, added_at, note, tags, title, url) VALUES (?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT(paper_id) DO UPDATE SET added_at = excluded.added_at, note = excluded.note, "
                                      "tags = excluded.tags, title = excluded.title, url = excluded.url"_s);
        const QStringList tags = cleanTags(values.value(paperfield::tags).split(u','));
        int column = 0;
        for (const QString &value : { id, added, values.value(paperfield::note), tags.join(u','), values.value(paperfield::title),
                                      values.value(paperfield::url) })
            upsert.bindValue(column++, text(value));
        if (Result<> stored = run(upsert, kCannotSave); !stored)
            return failure(stored.error());
        state.bookmarked = true;
        state.bookmarkedAt = QDateTime::fromString(added, Qt::ISODateWithMs);
        state.note = values.value(paperfield::note);
        state.tags = tags;
    } else {
        QSqlQuery &remove = statement(u"DELETE FROM bookmarks WHERE paper_id = ?"_s);
        remove.bindValue(0, id);
        if (Result<> removed = run(remove, kCannotSave); !removed)
            return failure(removed.error());
    }
    const QString readAt = values.value(paperfield::read);
    QSqlQuery &read = readAt.isEmpty()
        ? statement(u"DELETE FROM read_state WHERE paper_id = ?"_s)
        : statement(u"INSERT INTO read_state(paper_id, read_at) VALUES (?, ?) ON CONFLICT(paper_id) DO UPDATE SET read_at = excluded.read_at"_s);
    read.bindValue(0, id);
    if (!readAt.isEmpty())
        read.bindValue(1, readAt);
    if (Result<> stored = run(read, kCannotSave); !stored)
        return failure(stored.error());
    state.read = !readAt.isEmpty();
    return state;
}

Result<> UserStore::writePaperFields(const QList<std::pair<QString, QHash<QString, QString>>> &changes)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[id, values] : changes) {
        bool changed = false;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const Result<std::optional<UserField>> held = storedField(paperfield::kind, id, it.key());
            if (!held)
                return failure(held.error());
            if (*held && (*held)->value == it.value())
                continue;
            // Later than what the field holds, whatever this machine's clock says: a change made
            // after seeing another machine's must win over it, even when that clock runs ahead.
            const qint64 at = *held ? std::max(now, (*held)->at + 1) : now;
            if (Result<> stored = storeField({ paperfield::kind, id, it.key(), it.value(), at, m_machine }); !stored)
                return stored;
            changed = true;
        }
        if (!changed)
            continue;
        const Result<UserState> state = materialize(id);
        if (!state)
            return failure(state.error());
        m_pending.insert(id, *state);
    }
    return {};
}

Result<> UserStore::addBookmarks(const QStringList &ids, const QHash<QString, PaperLabel> &labels)
{
    // A millisecond apart, in the order given: the list keeps it on every machine, where rows
    // merged in arrive in any order (bookmarkIds).
    QDateTime at = QDateTime::currentDateTimeUtc();
    QList<std::pair<QString, QHash<QString, QString>>> changes;
    for (const QString &id : ids) {
        if (state(id).bookmarked)
            continue;
        QHash<QString, QString> values { { paperfield::bookmarked, at.toString(Qt::ISODateWithMs) } };
        at = at.addMSecs(1);
        const PaperLabel label = labels.value(id);
        if (!label.title.isEmpty())
            values.insert(paperfield::title, label.title);
        if (!label.url.isEmpty())
            values.insert(paperfield::url, label.url);
        changes.append({ id, values });
    }
    return change([&] { return writePaperFields(changes); });
}

Result<> UserStore::removeBookmarks(const QStringList &ids)
{
    QList<std::pair<QString, QHash<QString, QString>>> changes;
    for (const QString &id : ids) {
        // A removal empties the note and tags with it, as it always did; the fields record
        // when, so another machine's older bookmark does not come back.
        if (state(id).bookmarked)
            changes.append({ id, { { paperfield::bookmarked, QString() }, { paperfield::note, QString() }, { paperfield::tags, QString() } } });
    }
    return change([&] { return writePaperFields(changes); });
}

Result<> UserStore::setNote(const QString &id, const QString &note)
{
    return change([&] { return writePaperFields({ { id, { { paperfield::note, note } } } }); });
}

Result<> UserStore::setTags(const QString &id, const QStringList &tags)
{
    const QString clean = cleanTags(tags).join(u',');
    return change([&] { return writePaperFields({ { id, { { paperfield::tags, clean } } } }); });
}

Result<> UserStore::setRead(const QStringList &ids, bool read)
{
    const QString now = nowUtc();
    QList<std::pair<QString, QHash<QString, QString>>> changes;
    for (const QString &id : ids) {
        if (state(id).read != read)
            changes.append({ id, { { paperfield::read, read ? now : QString() } } });
    }
    return change([&] { return writePaperFields(changes); });
}

Result<QString> UserStore::backUp(const QString &reason) const
{
    const QFileInfo info(m_db.databaseName());
    const QString path = info.dir().filePath(u"%1.before-%2-%3.sqlite"_s.arg(info.completeBaseName(), reason,
                                                                          QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s)));
    QSqlQuery copy = prepared(m_db, u"VACUUM INTO ?"_s);
    copy.addBindValue(path);
    if (Result<> done = run(copy, u"could not back up your bookmarks"_s); !done)
        return failure(explainFailure(done.error(), path));
    return path;
}

Result<QList<UserField>> UserStore::fields() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT kind, key, field, value, at, machine FROM fields ORDER BY kind, key, field"_s))
        return failure(sqlError(query, kCannotRead));
    QList<UserField> fields;
    while (query.next()) {
        fields.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toString() });
    }
    if (query.lastError().isValid())
        return failure(sqlError(query, kCannotRead));
    return fields;
}

Result<> UserStore::applyAll(const QList<UserField> &fields)
{
    QSet<QString> papers;
    QSet<QString> searches;
    for (const UserField &field : fields) {
        if (Result<> stored = storeField(field); !stored)
            return stored;
        if (field.kind == paperfield::kind)
            papers.insert(field.key);
        else if (field.kind == searchfield::kind)
            searches.insert(field.key);
    }
    for (const QString &name : std::as_const(searches)) {
        if (Result<> made = materializeSavedSearch(m_db, name); !made)
            return made;
    }
    // Kinds this version does not know (a newer Hanji's) are kept and passed on, not applied.
    for (const QString &id : std::as_const(papers)) {
        const Result<UserState> state = materialize(id);
        if (!state)
            return failure(state.error());
        m_pending.insert(id, *state);
    }
    return {};
}

Result<QList<UserField>> UserStore::mergeFields(const QList<UserField> &incoming, Merge mode)
{
    // The winner of each address among what came in, then against what is held.
    QHash<QString, UserField> best;
    for (const UserField &field : incoming) {
        auto it = best.find(field.address());
        if (it == best.end())
            best.insert(field.address(), field);
        else if (field.supersedes(*it))
            *it = field;
    }
    QList<UserField> taken;
    Result<> done = change([&]() -> Result<> {
        const Result<QList<UserField>> held = fields();
        if (!held)
            return failure(held.error());
        QHash<QString, UserField> local;
        QSet<QString> searches; // the saved searches held: an import leaves them whole, not mixed
        for (const UserField &field : *held) {
            local.insert(field.address(), field);
            if (field.kind == searchfield::kind && field.field == searchfield::saved && !field.value.isEmpty())
                searches.insert(field.key);
        }
        for (const UserField &field : std::as_const(best)) {
            if (mode == Merge::OnlyAdd && field.kind == searchfield::kind && searches.contains(field.key))
                continue;
            const auto mine = local.constFind(field.address());
            if (mine == local.cend() || (field.supersedes(*mine) && (mode == Merge::LastWriterWins || mine->value.isEmpty())))
                taken.append(field);
        }
        return applyAll(taken);
    });
    if (!done)
        return failure(done.error());
    return taken;
}

Result<QList<UserField>> UserStore::replaceFields(const QList<UserField> &wanted)
{
    QHash<QString, UserField> target;
    for (const UserField &field : wanted) {
        auto it = target.find(field.address());
        if (it == target.end())
            target.insert(field.address(), field);
        else if (field.supersedes(*it))
            *it = field;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<UserField> written;
    Result<> done = change([&]() -> Result<> {
        const Result<QList<UserField>> held = fields();
        if (!held)
            return failure(held.error());
        QHash<QString, UserField> local;
        for (const UserField &field : *held)
            local.insert(field.address(), field);
        for (const UserField &field : *held) {
            if (!target.contains(field.address()) && !field.value.isEmpty())
                written.append({ field.kind, field.key, field.field, QString(), std::max(now, field.at + 1), m_machine });
        }
        for (const UserField &field : std::as_const(target)) {
            const auto mine = local.constFind(field.address());
            if (mine != local.cend() && mine->value == field.value)
                continue;
            const qint64 at = std::max({ now, field.at, mine != local.cend() ? mine->at + 1 : 0 });
            written.append({ field.kind, field.key, field.field, field.value, at, m_machine });
        }
        return applyAll(written);
    });
    if (!done)
        return failure(done.error());
    return written;
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
        // A null QString binds as NULL: an empty value (a setting turned off) is stored as empty.
        QSqlQuery upsert = prepared(m_db, u"INSERT OR REPLACE INTO settings(key, value) VALUES (?, COALESCE(?, ''))"_s);
        upsert.addBindValue(key);
        upsert.addBindValue(value);
        return run(upsert, kCannotSave);
    });
}

} // namespace hanji
