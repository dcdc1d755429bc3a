#pragma once

#include "result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

namespace hanji {

// When each paper first arrived in the library, kept in the user database by paper id: what
// is "new" is the papers that arrived after a moment (the end of the previous session), and
// a rebuilt index, which forgets nothing here, brings no paper back as new.
class ArrivalLog
{
public:
    explicit ArrivalLog(QSqlDatabase db);

    // Notes the ids not seen before as arrived now, and returns those. The very first time
    // (nothing noted yet) the ids are the library as it was found: none of them is new.
    [[nodiscard]] Result<QStringList> record(const QStringList &ids, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The same on a connection of its own to the user data at path (opened and migrated
    // already), for a worker thread: the window's first import of ten years notes 52,830
    // papers, 60 ms of inserts that were a stall of the window's.
    [[nodiscard]] static Result<QStringList> recordInFile(const QString &path, const QStringList &ids);
    // The papers that arrived after since (all that arrived, for an invalid since).
    [[nodiscard]] Result<QStringList> arrivedAfter(const QDateTime &since) const;
    [[nodiscard]] Result<bool> isEmpty() const;

private:
    QSqlDatabase m_db;
};

} // namespace hanji
