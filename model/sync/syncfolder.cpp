#include "syncfolder.h"

#include "logging.h"
#include "sqlutil.h"
#include "userdatabase.h"
#include "userstore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QSysInfo>

#include <map>

using namespace Qt::StringLiterals;

namespace hanji {

int SyncReport::changes() const
{
    int total = 0;
    for (const SyncIncoming &in : incoming)
        total += in.bookmarks + in.removals + in.notes + in.tags + in.reads + in.unreads + in.searches + in.other;
    return total;
}

namespace syncfolder {

QString directory(const QString &folder) { return QDir(folder).filePath(u"hanji-sync"_s); }

QString fileOf(const QString &folder, const QString &machine) { return QDir(directory(folder)).filePath(machine + u".json"_s); }

QStringList candidates(const QString &folder)
{
    QStringList files;
    const QDir dir(directory(folder));
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name)) {
        const QString name = info.fileName();
        // Hidden and temporary files (a sync tool's download in progress, QSaveFile's) are not
        // files yet; a conflict copy may have lost its extension, so it is read all the same.
        if (name.startsWith(u'.'))
            continue;
        if (name.endsWith(u".json"_s) || name.contains(u".sync-conflict-"_s) || name.contains(u"(conflicted copy"_s))
            files += info.absoluteFilePath();
    }
    return files;
}

} // namespace syncfolder

Result<UserDataFile> userDataOf(const UserStore &store)
{
    Result<QList<UserField>> fields = store.fields();
    if (!fields)
        return failure(fields.error());
    return UserDataFile { store.machineId(), QSysInfo::machineHostName(), std::move(*fields) };
}

Result<> writeUserDataFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return failure(u"cannot write %1: %2"_s.arg(path, file.errorString()), Error::Kind::Io);
    return {};
}

Result<UserDataFile> readUserDataFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(u"cannot read %1: %2"_s.arg(path, file.errorString()), Error::Kind::Io);
    Result<UserDataFile> parsed = parseUserDataFile(file.readAll());
    if (!parsed)
        return failure(u"%1: %2"_s.arg(path, parsed.error().message), parsed.error().kind);
    return parsed;
}

QList<SyncIncoming> describeIncoming(const QList<UserField> &taken, const QHash<QString, QString> &names, const QString &self)
{
    std::map<QString, SyncIncoming> byName;
    QSet<std::pair<QString, QString>> searches; // (from, name): a search counts once, whatever fields changed
    for (const UserField &field : taken) {
        if (field.machine == self)
            continue; // this machine's own fields coming back (from a backup or an older copy)
        const QString from = names.value(field.machine, field.machine);
        if (field.kind == paperfield::kind && (field.field == paperfield::title || field.field == paperfield::url))
            continue; // a title or link comes with its bookmark: not news of its own
        SyncIncoming &in = byName[from];
        in.from = from;
        if (field.kind == searchfield::kind) {
            if (!searches.contains({ from, field.key })) {
                searches.insert({ from, field.key });
                ++in.searches;
            }
        } else if (field.kind != paperfield::kind)
            ++in.other;
        else if (field.field == paperfield::bookmarked)
            ++(field.value.isEmpty() ? in.removals : in.bookmarks);
        else if (field.field == paperfield::read)
            ++(field.value.isEmpty() ? in.unreads : in.reads);
        else if (field.field == paperfield::note)
            ++in.notes;
        else if (field.field == paperfield::tags)
            ++in.tags;
        else
            ++in.other;
    }
    QList<SyncIncoming> list;
    for (auto &[name, in] : byName)
        list.append(in);
    return list;
}

Result<SyncReport> syncWithFolder(UserStore &store, const QString &folder)
{
    SyncReport report;
    report.folder = syncfolder::directory(folder);
    if (!QDir().mkpath(report.folder))
        return failure(u"cannot make the sync folder %1"_s.arg(report.folder), Error::Kind::Io);
    QList<UserField> incoming;
    QHash<QString, QString> names;
    for (const QString &path : syncfolder::candidates(folder)) {
        Result<UserDataFile> file = readUserDataFile(path);
        if (!file) {
            qCWarning(lcLibrary) << "sync: skipped" << file.error().message;
            report.skipped += file.error().message;
            continue;
        }
        ++report.filesRead;
        if (!file->name.isEmpty() && file->machine != store.machineId())
            names.insert(file->machine, file->name);
        incoming += file->fields;
    }
    const Result<QList<UserField>> taken = store.mergeFields(incoming);
    if (!taken)
        return failure(taken.error());
    report.incoming = describeIncoming(*taken, names, store.machineId());

    const Result<UserDataFile> mine = userDataOf(store);
    if (!mine)
        return failure(mine.error());
    const QByteArray bytes = toJson(*mine);
    const QString own = syncfolder::fileOf(folder, store.machineId());
    QFile existing(own);
    // Rewritten only when it changes: every write is a file for the sync tool to carry.
    if (!existing.open(QIODevice::ReadOnly) || existing.readAll() != bytes) {
        existing.close();
        if (Result<> written = writeUserDataFile(own, bytes); !written)
            return failure(written.error());
        report.wrote = true;
    }
    return report;
}

Result<SyncReport> syncUserDataWithFolder(const QString &userDataPath, const QString &folder)
{
    const QString connection = uniqueConnectionName(u"sync"_s);
    Result<SyncReport> report = [&]() -> Result<SyncReport> {
        Result<UserDatabase::Opened> opened = UserDatabase::open(userDataPath, connection);
        if (!opened)
            return failure(opened.error());
        UserStore store(opened->db);
        if (Result<> loaded = store.load(); !loaded)
            return failure(loaded.error());
        return syncWithFolder(store, folder);
    }();
    closeSqlite(connection);
    return report;
}

} // namespace hanji
