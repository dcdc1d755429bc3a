#pragma once

// A second, deliberately naive reading of digest files, sharing no code with the parser:
// count "### [" headings inside "## Daily Papers (date)" sections, line by line with regular
// expressions. Tests hold the parser's totals against it.

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

struct IndependentCount {
    int files = 0;
    QSet<QString> days;
    QHash<QString, int> entries; // "date|id" -> votes, -1 when unknown; a repeat replaces (a later run)
    QSet<QString> papers;
    qint64 votesTotal = 0;
    int entriesWithVotes = 0;

    void total()
    {
        votesTotal = 0;
        entriesWithVotes = 0;
        for (int votes : std::as_const(entries)) {
            if (votes >= 0) {
                votesTotal += votes;
                ++entriesWithVotes;
            }
        }
    }

    void addFile(const QString &path)
    {
        static const QRegularExpression dayHeading(QStringLiteral(R"(^## Daily Papers \((\d{4}-\d{2}-\d{2})\)\s*$)"));
        static const QRegularExpression paperLink(QStringLiteral(R"(\]\((\S+)\)\s*$)"));
        static const QRegularExpression arxiv(QStringLiteral(R"(arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5}))"));
        static const QRegularExpression vote(QStringLiteral(R"(^Vote: (\d+)\s*$)"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        ++files;
        QString day;
        QString entry; // the entry whose votes may still come
        bool fence = false;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (QString line : lines) {
            line.remove(QLatin1Char('\r'));
            if (day.isEmpty() && line.startsWith(QLatin1String("```")))
                fence = !fence;
            if (fence)
                continue;
            if (line.startsWith(QLatin1String("# ")) || line.startsWith(QLatin1String("## "))) {
                const auto match = dayHeading.match(line);
                day = match.hasMatch() ? match.captured(1) : QString();
                entry.clear();
            } else if (!day.isEmpty() && line.startsWith(QLatin1String("### "))) {
                const QString url = paperLink.match(line).captured(1);
                const auto id = arxiv.match(url);
                const QString identity = id.hasMatch() ? id.captured(1) : url;
                entry = day + QLatin1Char('|') + identity;
                days.insert(day);
                papers.insert(identity);
                entries.insert(entry, -1);
            } else if (!entry.isEmpty()) {
                const auto match = vote.match(line);
                if (match.hasMatch()) {
                    entries[entry] = match.captured(1).toInt();
                    entry.clear();
                }
            }
        }
        total();
    }

    void addFolder(const QString &folder)
    {
        QStringList found;
        QDirIterator it(folder, { QStringLiteral("*.md") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        for (const QString &path : std::as_const(found))
            addFile(path);
    }
};
