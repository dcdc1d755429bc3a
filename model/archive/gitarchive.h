#pragma once

#include "result.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace hanji {

// A folder inside a git work tree whose branch follows a remote one.
struct GitWorkTree {
    QString root; // the work tree's top folder
    QString branch; // "main"
    QString upstream; // "origin/main"
    QString remoteUrl; // where the upstream's remote points
};

// What an update did. The work tree moved from before to after (the same when up to date).
struct ArchiveUpdate {
    QString root;
    QString before;
    QString after;
    QStringList changedFiles; // relative to the root, as git names them
    int localCommitsAhead = 0; // commits of the user's own, kept (nothing to merge)
    [[nodiscard]] bool upToDate() const { return before == after; }
};

// How far a clone or fetch is: git's own phase ("Receiving objects") and its percent.
struct GitProgress {
    QString phase;
    int percent = 0;
};

// The system git, run through QProcess (synchronously: call it from a worker thread, or from
// the command line). Never prompts (GIT_TERMINAL_PROMPT=0, no askpass, ssh in batch mode),
// reads git's messages in the C locale, gives up after a time without output, and stops at
// once when cancel is set. Every failure leaves the folder as it was: the work tree is only
// ever moved by a fast-forward merge, after fetching succeeded and the tree was found clean.
class GitArchive
{
public:
    using ProgressCallback = std::function<void(const GitProgress &)>;

    // The work tree around folder when it has an upstream; nullopt when the folder is not in
    // a work tree or its branch follows nothing. An error when git itself cannot run.
    [[nodiscard]] static Result<std::optional<GitWorkTree>> find(const QString &folder);

    // Fetches the upstream and fast-forwards to it. Refuses a work tree with uncommitted
    // changes and a branch that has diverged from its upstream.
    [[nodiscard]] static Result<ArchiveUpdate> update(const QString &folder, const ProgressCallback &progress = {},
                                                      const std::atomic_bool *cancel = nullptr);

    // Clones url into target, which must not exist or be an empty folder; on failure or
    // cancel, what the clone wrote is removed again.
    [[nodiscard]] static Result<> clone(const QString &url, const QString &target, const ProgressCallback &progress = {},
                                        const std::atomic_bool *cancel = nullptr);

    // A folder name for a clone of url: "daily-papers" for ".../daily-papers.git".
    [[nodiscard]] static QString folderNameFor(const QString &url);

    // How long git may stay silent before it is given up (a dead network, a hung server).
    static void setSilenceTimeout(int milliseconds);
};

// One line of git's --progress output, "Receiving objects:  45% (450/1000)", read.
[[nodiscard]] std::optional<GitProgress> parseGitProgress(QStringView line);

} // namespace hanji
