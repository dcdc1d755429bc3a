#pragma once

#include <QString>

#include <expected>
#include <utility>

namespace hanji {

// What went wrong, in words a user understands (with the file and line where there is one),
// and what kind of failure it was, for callers that must react differently: a busy
// database is waited for, a damaged one rebuilt, a full disk reported and nothing moved.
struct Error {
    enum class Kind {
        Failed, // anything else
        Busy, // another process holds the database
        DiskFull,
        ReadOnly,
        Io, // the file could not be read or written (I/O error, cannot open)
        Corrupt, // SQLITE_CORRUPT / SQLITE_NOTADB: the file itself is damaged
        Foreign, // a file of another application where ours should be
        Invalid, // the request itself cannot be answered (a malformed query, an unknown id)
        Cancelled,
    };
    Kind kind = Kind::Failed;
    QString message;
};

// The one convention for anything that can fail: a value or an Error, never an empty
// string or a zero that means "failed". Result<> is for calls with nothing to return.
template <typename T = void>
using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> failure(QString message, Error::Kind kind = Error::Kind::Failed)
{
    return std::unexpected(Error { kind, std::move(message) });
}

[[nodiscard]] inline std::unexpected<Error> failure(Error error)
{
    return std::unexpected(std::move(error));
}

} // namespace hanji
