#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace hanji {

// The user's own data: bookmarks with notes and tags, read state, folders, settings.
// Keyed by paper identity, so it outlives the index and the digest files. Never deleted:
// a damaged file is moved aside, and every migration is preceded by a backup copy.
class UserDatabase
{
public:
    struct Opened {
        QSqlDatabase db;
        QString notice; // e.g. where a damaged file was moved
    };

    [[nodiscard]] static int schemaVersion();

    // Opens, checks, migrates; a damaged file is moved aside and a fresh one started.
    [[nodiscard]] static Result<Opened> open(const QString &path, const QString &connectionName);

    // The statements that bring version N to N + 1; exposed so tests can build old files.
    [[nodiscard]] static QStringList migrationTo(int version);
};

} // namespace hanji
