#pragma once

#include "result.h"
#include "userfield.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace hanji {

// The documented JSON form of the user's data, the same for a sync file and for
// `hanji userdata export`:
//
//   { "format": "hanji-userdata", "version": 1,
//     "machine": "3f2a9c01d4e5b6a7", "name": "laptop",
//     "records": [ { "kind": "paper", "key": "2401.04088",
//                    "fields": { "bookmarked": { "value": "2026-03-01T09:30:00.000Z",
//                                                "at": 1772357400000, "machine": "3f2a9c01d4e5b6a7" },
//                                "note": { "value": "read §3", "at": …, "machine": … }, … } },
//                  { "kind": "search", "key": "diffusion",
//                    "fields": { "saved": { "value": "2026-03-02T08:00:00.000Z", "at": …, "machine": … },
//                                "query": { "value": "diffusion", … }, "min_votes": { "value": "10", … },
//                                "max_votes": { "value": "", … }, "date_from": { "value": "2026-01-01", … },
//                                "date_to": { "value": "", … }, "bookmarked": { "value": "", … },
//                                "unread": { "value": "1", … } } } ] }
//
// A "paper" record (key: the paper's id) has the fields bookmarked (the time added, empty: not
// bookmarked), note, tags (comma-joined), title, url and read (the time read, empty: unread).
// A "search" record (key: the saved search's name) has saved (the time saved, empty: removed;
// a rename removes the old name and saves the new one), query, min_votes and max_votes (whole
// numbers, empty: none), date_from and date_to (ISO dates, empty: open), bookmarked and
// unread ("1": only those papers, empty: all). Kinds and fields a version does not know are
// kept and passed on.
//
// Every field carries the clock of its last change (at: ms since 1970 UTC; machine: the id of
// the machine that made it). A removal is a field with an empty value, kept like any other.
struct UserDataFile {
    QString machine; // who wrote the file
    QString name; // that machine's name for people ("laptop")
    QList<UserField> fields;
};

[[nodiscard]] QByteArray toJson(const UserDataFile &file);
// Checks everything before trusting anything: a file cut short, not JSON, of another format
// or version, or with one malformed field is refused whole, with what and where.
[[nodiscard]] Result<UserDataFile> parseUserDataFile(const QByteArray &bytes);

// A set of fields merged as last-writer-wins registers: merging is commutative, associative
// and idempotent, so any order of merging the same files gives the same set.
class FieldSet
{
public:
    void merge(const QList<UserField> &fields);
    [[nodiscard]] QList<UserField> fields() const; // ordered by kind, key, field
    [[nodiscard]] std::optional<UserField> field(const QString &kind, const QString &key, const QString &name) const;

private:
    QHash<QString, UserField> m_fields;
};

} // namespace hanji
