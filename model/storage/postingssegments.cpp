#include "postingssegments.h"

#include "postingsformat.h"
#include "sqlitestatement.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

const QString kCannotWrite = u"the index could not be written"_s;

} // namespace

bool PostingsSegment::isDeleted(qint64 paper) const { return std::binary_search(deleted.cbegin(), deleted.cend(), paper); }

Error damagedPostings() { return Error { Error::Kind::Corrupt, u"the index's full-text postings are damaged"_s }; }

Result<std::vector<PostingsSegment>> readSegments(sqlite3 *db, const QString &what)
{
    SqliteQuery query(db, "SELECT id, bytes, deleted FROM text_segments ORDER BY id");
    std::vector<PostingsSegment> segments;
    int rc = SQLITE_OK;
    while ((rc = query.step()) == SQLITE_ROW) {
        PostingsSegment segment { .id = query.integer(0), .bytes = query.integer(1), .deleted = {} };
        if (!postings::decodeIds(query.blob(2), segment.deleted))
            return failure(damagedPostings());
        segments.push_back(std::move(segment));
    }
    if (rc != SQLITE_DONE)
        return failure(query.error(what));
    return segments;
}

Result<qint64> newSegment(const QSqlDatabase &db)
{
    SqliteStatement insert(db, "INSERT INTO text_segments(bytes) VALUES (0)");
    if (Result<> done = insert.run(kCannotWrite); !done)
        return failure(done.error());
    return insert.lastInsertId();
}

Result<> setSegmentBytes(const QSqlDatabase &db, qint64 segment, qint64 bytes)
{
    SqliteStatement update(db, "UPDATE text_segments SET bytes = ? WHERE id = ?");
    return update.run(kCannotWrite, bytes, segment);
}

} // namespace hanji
