#include "gitarchive.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hanji {

Q_LOGGING_CATEGORY(lcArchive, "hanji.archive", QtWarningMsg)

namespace {

std::atomic_int g_silenceTimeout = 120'000;

struct GitRun {
    int exitCode = 0;
    QString out;
    QString err;
    // git's own words for what failed: its "fatal:" and "error:" lines, else its last line.
    [[nodiscard]] QString reason() const
    {
        QStringList said;
        const QStringList lines = err.split(QRegularExpression(u"[\r\n]"_s), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (line.startsWith(u"fatal: "_s) || line.startsWith(u"error: "_s))
                said += line.section(u": "_s, 1).trimmed();
        }
        if (said.isEmpty() && !lines.isEmpty())
            said += lines.constLast().trimmed();
        return said.isEmpty() ? u"git exited with code %1"_s.arg(exitCode) : said.join(u"; "_s);
    }
};

QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Never a prompt: there is no terminal to answer it, and a window must not hang on one.
    environment.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    environment.insert(u"GIT_ASKPASS"_s, QString());
    environment.insert(u"SSH_ASKPASS"_s, QString());
    if (!environment.contains(u"GIT_SSH_COMMAND"_s))
        environment.insert(u"GIT_SSH_COMMAND"_s, u"ssh -o BatchMode=yes"_s);
    environment.insert(u"GIT_PAGER"_s, u"cat"_s);
    environment.insert(u"LC_ALL"_s, u"C"_s); // the messages parsed below are git's English ones
    environment.insert(u"LANGUAGE"_s, u"C"_s);
    return environment;
}

void reportProgress(QString &pending, const GitArchive::ProgressCallback &progress)
{
    // Progress lines end in \r while they count, in \n when a phase is done.
    qsizetype end = -1;
    while ((end = pending.indexOf(QRegularExpression(u"[\r\n]"_s))) >= 0) {
        const QString line = pending.left(end);
        pending.remove(0, end + 1);
        if (!progress)
            continue;
        if (const std::optional<GitProgress> step = parseGitProgress(line))
            progress(*step);
    }
}

// Runs git in directory to the end, or until cancelled or silent for too long.
Result<GitRun> runGit(const QString &directory, const QStringList &arguments,
                      const GitArchive::ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(gitEnvironment());
    process.setWorkingDirectory(directory);
    process.start(u"git"_s, QStringList { u"-c"_s, u"core.quotepath=off"_s } + arguments);
    if (!process.waitForStarted(30'000)) {
        return failure(u"cannot run git (%1): install git to update or clone archives"_s.arg(process.errorString()),
                       Error::Kind::Io);
    }
    qCDebug(lcArchive) << "git" << arguments << "in" << directory;
    GitRun run;
    QString pending;
    QByteArray out;
    QByteArray err;
    QDeadlineTimer silence(g_silenceTimeout.load());
    const auto collect = [&] {
        const QByteArray newOut = process.readAllStandardOutput();
        const QByteArray newErr = process.readAllStandardError();
        if (newOut.isEmpty() && newErr.isEmpty())
            return;
        silence.setRemainingTime(g_silenceTimeout.load());
        out += newOut;
        err += newErr;
        pending += QString::fromUtf8(newErr);
        reportProgress(pending, progress);
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForFinished(100);
        collect();
        if (cancel && *cancel) {
            process.kill();
            process.waitForFinished(-1);
            return failure(u"cancelled"_s, Error::Kind::Cancelled);
        }
        if (silence.hasExpired() && process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(-1);
            return failure(u"git %1 gave no answer for %2 seconds and was stopped (is the network down?)"_s
                               .arg(arguments.value(0))
                               .arg(g_silenceTimeout.load() / 1000));
        }
    }
    collect();
    if (process.exitStatus() != QProcess::NormalExit)
        return failure(u"git %1 crashed"_s.arg(arguments.value(0)));
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(out);
    run.err = QString::fromUtf8(err);
    return run;
}

// One line of output from a command that must succeed.
Result<QString> gitLine(const QString &directory, const QStringList &arguments)
{
    Result<GitRun> run = runGit(directory, arguments);
    if (!run)
        return failure(run.error());
    if (run->exitCode != 0)
        return failure(run->reason());
    return run->out.trimmed();
}

// What a failed fetch or clone means to a user.
Error explainRemoteFailure(const GitRun &run, const QString &url)
{
    const QString said = run.reason();
    static const QRegularExpression asksCredentials(
        uR"(terminal prompts disabled|could not read (Username|Password)|Authentication failed|Permission denied \(|Host key verification failed)"_s);
    if (asksCredentials.match(run.err).hasMatch()) {
        return { Error::Kind::Failed,
                 u"%1 asks for a password or key, and Hanji never asks for one: set up an SSH key or a git "
                 "credential helper (or run git fetch once in a terminal). git said: %2"_s.arg(url, said) };
    }
    return { Error::Kind::Io, u"could not reach %1: %2"_s.arg(url, said) };
}

} // namespace

void GitArchive::setSilenceTimeout(int milliseconds) { g_silenceTimeout = milliseconds; }

std::optional<GitProgress> parseGitProgress(QStringView line)
{
    static const QRegularExpression pattern(uR"(^(?:remote: )?([A-Za-z][A-Za-z ]+):\s+(\d{1,3})%)"_s);
    const QRegularExpressionMatch match = pattern.matchView(line);
    if (!match.hasMatch())
        return std::nullopt;
    return GitProgress { match.captured(1), std::min(match.captured(2).toInt(), 100) };
}

Result<std::optional<GitWorkTree>> GitArchive::find(const QString &folder)
{
    if (!QFileInfo(folder).isDir())
        return failure(u"%1 is not a folder"_s.arg(folder), Error::Kind::Invalid);
    Result<GitRun> top = runGit(folder, { u"rev-parse"_s, u"--show-toplevel"_s });
    if (!top)
        return failure(top.error());
    if (top->exitCode != 0)
        return std::nullopt; // not a work tree (or a bare repository)
    GitWorkTree tree;
    tree.root = top->out.trimmed();
    Result<GitRun> branch = runGit(folder, { u"symbolic-ref"_s, u"--short"_s, u"-q"_s, u"HEAD"_s });
    if (!branch)
        return failure(branch.error());
    if (branch->exitCode != 0)
        return std::nullopt; // a detached HEAD follows nothing
    tree.branch = branch->out.trimmed();
    Result<GitRun> upstream = runGit(folder, { u"rev-parse"_s, u"--abbrev-ref"_s, u"--symbolic-full-name"_s, u"@{u}"_s });
    if (!upstream)
        return failure(upstream.error());
    if (upstream->exitCode != 0)
        return std::nullopt;
    tree.upstream = upstream->out.trimmed();
    const Result<QString> remote = gitLine(folder, { u"config"_s, u"--get"_s, u"branch.%1.remote"_s.arg(tree.branch) });
    if (remote) {
        const Result<QString> url = gitLine(folder, { u"config"_s, u"--get"_s, u"remote.%1.url"_s.arg(*remote) });
        tree.remoteUrl = url.value_or(*remote);
    }
    return tree;
}

Result<ArchiveUpdate> GitArchive::update(const QString &folder, const ProgressCallback &progress,
                                         const std::atomic_bool *cancel)
{
    const Result<std::optional<GitWorkTree>> found = find(folder);
    if (!found)
        return failure(found.error());
    if (!*found) {
        return failure(u"%1 is not in a git work tree whose branch follows a remote one: there is nothing to update "
                       "it from"_s.arg(folder),
                       Error::Kind::Invalid);
    }
    const GitWorkTree &tree = **found;
    const QString untouched = u"; nothing was changed"_s;

    // Uncommitted changes first: nothing is fetched for a tree that will not be merged.
    const Result<GitRun> status = runGit(tree.root, { u"status"_s, u"--porcelain"_s, u"--untracked-files=no"_s });
    if (!status)
        return failure(status.error());
    if (status->exitCode != 0)
        return failure(u"cannot read the state of %1: %2"_s.arg(tree.root, status->reason()));
    if (const QStringList changes = status->out.split(u'\n', Qt::SkipEmptyParts); !changes.isEmpty()) {
        QStringList files;
        for (const QString &line : changes)
            files += line.mid(3).trimmed(); // "XY path"
        return failure(u"%1 has changes that are not committed (%2): commit or stash them, then update%3"_s.arg(
                           tree.root, files.mid(0, 3).join(u", "_s) + (files.size() > 3 ? u", …"_s : QString()), untouched),
                       Error::Kind::Invalid);
    }

    ArchiveUpdate update;
    update.root = tree.root;
    const Result<QString> before = gitLine(tree.root, { u"rev-parse"_s, u"HEAD"_s });
    if (!before)
        return failure(before.error());
    update.before = *before;

    const Result<GitRun> fetched = runGit(tree.root, { u"fetch"_s, u"--progress"_s, u"--no-recurse-submodules"_s },
                                          progress, cancel);
    if (!fetched)
        return failure(fetched.error().kind == Error::Kind::Cancelled
                           ? Error { Error::Kind::Cancelled, u"update cancelled"_s + untouched }
                           : fetched.error());
    if (fetched->exitCode != 0) {
        Error error = explainRemoteFailure(*fetched, tree.remoteUrl);
        error.message += untouched;
        return failure(error);
    }
    if (cancel && *cancel)
        return failure(u"update cancelled"_s + untouched, Error::Kind::Cancelled);

    const Result<QString> counts = gitLine(tree.root, { u"rev-list"_s, u"--left-right"_s, u"--count"_s, u"HEAD...@{u}"_s });
    if (!counts)
        return failure(counts.error());
    const QStringList aheadBehind = counts->split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    const int ahead = aheadBehind.value(0).toInt();
    const int behind = aheadBehind.value(1).toInt();
    update.localCommitsAhead = ahead;
    if (behind == 0) {
        update.after = update.before;
        return update;
    }
    if (ahead > 0) {
        return failure(u"%1 has %2 commits of its own that %3 does not have, and %3 has %4 new ones: the branches "
                       "have diverged and cannot be fast-forwarded. Merge or rebase them with git%5"_s
                           .arg(tree.root)
                           .arg(ahead)
                           .arg(tree.upstream)
                           .arg(behind)
                           .arg(untouched),
                       Error::Kind::Invalid);
    }
    const Result<GitRun> merged = runGit(tree.root, { u"merge"_s, u"--ff-only"_s, u"--no-edit"_s, u"@{u}"_s });
    if (!merged)
        return failure(merged.error());
    if (merged->exitCode != 0)
        return failure(u"cannot fast-forward %1 to %2: %3%4"_s.arg(tree.root, tree.upstream, merged->reason(), untouched));
    const Result<QString> after = gitLine(tree.root, { u"rev-parse"_s, u"HEAD"_s });
    if (!after)
        return failure(after.error());
    update.after = *after;
    const Result<QString> changed
        = gitLine(tree.root, { u"diff"_s, u"--name-only"_s, u"--no-renames"_s, update.before, update.after });
    if (changed)
        update.changedFiles = changed->split(u'\n', Qt::SkipEmptyParts);
    return update;
}

Result<> GitArchive::clone(const QString &url, const QString &target, const ProgressCallback &progress,
                           const std::atomic_bool *cancel)
{
    if (url.trimmed().isEmpty())
        return failure(u"no address to clone from"_s, Error::Kind::Invalid);
    const QFileInfo info(target);
    const bool existed = info.exists();
    if (existed && (!info.isDir() || !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
        return failure(u"%1 already exists and is not an empty folder; choose another one"_s.arg(target),
                       Error::Kind::Invalid);
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return failure(u"cannot create the folder %1"_s.arg(parent), Error::Kind::Io);
    const auto undo = [&] {
        // What an interrupted clone left: only what it wrote, in a folder that was empty.
        QDir(info.absoluteFilePath()).removeRecursively();
        if (existed)
            QDir().mkpath(info.absoluteFilePath());
    };
    Result<GitRun> cloned = runGit(parent, { u"clone"_s, u"--progress"_s, u"--"_s, url.trimmed(), info.absoluteFilePath() },
                                   progress, cancel);
    if (!cloned) {
        undo();
        return failure(cloned.error().kind == Error::Kind::Cancelled
                           ? Error { Error::Kind::Cancelled, u"clone cancelled; nothing was kept"_s }
                           : cloned.error());
    }
    if (cloned->exitCode != 0) {
        undo();
        return failure(explainRemoteFailure(*cloned, url));
    }
    return {};
}

QString GitArchive::folderNameFor(const QString &url)
{
    QString name = url.trimmed();
    while (name.endsWith(u'/'))
        name.chop(1);
    name = name.section(QRegularExpression(u"[/:]"_s), -1);
    if (name.endsWith(u".git"_s))
        name.chop(4);
    name.remove(QRegularExpression(u"[^\\w.-]"_s));
    return name.isEmpty() || name.startsWith(u'.') ? u"archive"_s : name;
}

} // namespace hanji
