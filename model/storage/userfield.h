#pragma once

#include <QString>

#include <tuple>

namespace hanji {

// One field of the user's data with the clock of its last change: the unit that sync, and
// user-data export and import, move between libraries. A record is (kind, key) — a paper
// ("paper", its id) or a saved search ("search", its name) — and each of its
// fields is a last-writer-wins register: of two values, the one with the later (at, machine)
// holds, so libraries that exchange their fields in any order end equal.
struct UserField {
    QString kind;
    QString key;
    QString field;
    QString value; // an empty "bookmarked" or "read" is a removal (a tombstone), kept like any value
    qint64 at = 0; // milliseconds since 1970 UTC, on the clock of the machine that wrote it
    QString machine; // that machine's id: breaks ties between equal times

    // The total order of the register; value last so that even a hand-edited file with two
    // values under one clock resolves the same way everywhere.
    [[nodiscard]] bool supersedes(const UserField &other) const
    {
        return std::tie(at, machine, value) > std::tie(other.at, other.machine, other.value);
    }
    [[nodiscard]] QString address() const { return kind + u'\x1f' + key + u'\x1f' + field; }
    friend bool operator==(const UserField &, const UserField &) = default;
};

// The fields of a "paper" record.
namespace paperfield {
inline const QString kind = QStringLiteral("paper");
inline const QString bookmarked = QStringLiteral("bookmarked"); // the time added (ISO 8601), empty: not bookmarked
inline const QString note = QStringLiteral("note");
inline const QString tags = QStringLiteral("tags"); // comma-joined
inline const QString title = QStringLiteral("title");
inline const QString url = QStringLiteral("url");
inline const QString read = QStringLiteral("read"); // the time read (ISO 8601), empty: unread
} // namespace paperfield

// The fields of a "search" record, a saved search under its name (the key). Filters left open
// are empty values; a removed or renamed search keeps its record with an empty "saved".
namespace searchfield {
inline const QString kind = QStringLiteral("search");
inline const QString saved = QStringLiteral("saved"); // the time saved (ISO 8601), empty: removed
inline const QString query = QStringLiteral("query");
inline const QString minVotes = QStringLiteral("min_votes"); // a whole number, empty: none
inline const QString maxVotes = QStringLiteral("max_votes");
inline const QString from = QStringLiteral("date_from"); // ISO 8601 date, empty: open
inline const QString to = QStringLiteral("date_to");
inline const QString bookmarked = QStringLiteral("bookmarked"); // "1": bookmarked papers only, empty: all
inline const QString unread = QStringLiteral("unread"); // "1": unread papers only, empty: all
} // namespace searchfield

} // namespace hanji
