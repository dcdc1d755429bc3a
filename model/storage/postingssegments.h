#pragma once

#include "result.h"

#include <QSqlDatabase>

#include <vector>

struct sqlite3;

namespace hanji {

// The segments of Hanji's own full-text postings (postingswriter.h), as their writer, their
// merges and their reader see them.
struct PostingsSegment {
    qint64 id = 0;
    qint64 bytes = 0; // of its postings, by which merges choose segments of about one size
    std::vector<qint64> deleted; // ascending: papers whose text here no longer counts

    [[nodiscard]] bool isDeleted(qint64 paper) const;
};

// The postings are not what their format says (a damaged index, rebuilt).
[[nodiscard]] Error damagedPostings();

// Every segment, oldest first; `what` words a failure (as sqlError does).
[[nodiscard]] Result<std::vector<PostingsSegment>> readSegments(sqlite3 *db, const QString &what);

// A new, empty segment's id.
[[nodiscard]] Result<qint64> newSegment(const QSqlDatabase &db);

// Says how many bytes of postings the segment holds.
[[nodiscard]] Result<> setSegmentBytes(const QSqlDatabase &db, qint64 segment, qint64 bytes);

} // namespace hanji
