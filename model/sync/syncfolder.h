#pragma once

#include "result.h"
#include "userdatafile.h"

#include <QStringList>

namespace hanji {

class UserStore;

// What one sync brought in from one machine.
struct SyncIncoming {
    QString from; // the machine's name, or its id when its file gave none
    int bookmarks = 0; // added
    int removals = 0; // bookmarks removed
    int notes = 0;
    int tags = 0;
    int reads = 0; // marked read
    int unreads = 0;
    int searches = 0; // saved searches added, changed or removed (a rename is two)
    int other = 0; // fields or kinds this version does not apply (a newer Hanji's)
};

struct SyncReport {
    QString folder; // <sync folder>/hanji-sync
    int filesRead = 0;
    QStringList skipped; // "file: why", each left where it is
    QList<SyncIncoming> incoming; // machines that brought something, by name
    bool wrote = false; // this machine's file was (re)written
    [[nodiscard]] int changes() const;
};

// The sync folder holds one file a machine, <folder>/hanji-sync/<machine id>.json, in the
// form of userdatafile.h. Each machine writes only its own (whole or not at all) and reads
// every other, conflict copies made by sync tools included ("x.sync-conflict-….json",
// "x (conflicted copy …).json"): they are fields like any, so merging them loses nothing.
namespace syncfolder {
[[nodiscard]] QString directory(const QString &folder);
[[nodiscard]] QString fileOf(const QString &folder, const QString &machine);
// Every file of the folder that may hold fields, in name order.
[[nodiscard]] QStringList candidates(const QString &folder);
} // namespace syncfolder

// This library's whole user data as the shared form.
[[nodiscard]] Result<UserDataFile> userDataOf(const UserStore &store);
// QSaveFile: replaced whole, or left as it was.
[[nodiscard]] Result<> writeUserDataFile(const QString &path, const QByteArray &bytes);
// Reads a user-data file; a damaged one is an error naming it.
[[nodiscard]] Result<UserDataFile> readUserDataFile(const QString &path);

// Reads every file of the folder, merges what supersedes this library's fields in one
// transaction, then writes this library's file when it differs from what is there.
// A damaged, cut-short or half-synced file is skipped with a message, never trusted,
// never deleted; the others still merge.
[[nodiscard]] Result<SyncReport> syncWithFolder(UserStore &store, const QString &folder);
// The same on a connection of its own to the user database at userDataPath: for a worker thread.
[[nodiscard]] Result<SyncReport> syncUserDataWithFolder(const QString &userDataPath, const QString &folder);

// Counts fields taken from other machines, by machine; names maps machine id to name.
[[nodiscard]] QList<SyncIncoming> describeIncoming(const QList<UserField> &taken, const QHash<QString, QString> &names,
                                                   const QString &self);

} // namespace hanji
