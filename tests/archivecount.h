#pragma once

// A second, deliberately naive reading of the digest families other archives publish, sharing
// no code with the readers: the family from one telltale string of the file, then line by line
// with one regular expression for the day, one for the paper and one for its id. Tests hold
// the readers' totals against it. Entries are distinct "date|id" pairs, papers distinct ids.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

struct ArchiveCount {
    struct Family {
        int files = 0;
        QSet<QString> entries;
        QSet<QString> papers;
    };
    QMap<QString, Family> families; // "arxiv-digest", "hf-newsletter-zh", "hf-papers-ko"

    static QString dateOf(const QString &text)
    {
        static const QRegularExpression date(QStringLiteral(R"((\d{4}-\d{2}-\d{2}))"));
        return date.match(text).captured(1);
    }

    void add(const QString &family, const QString &day, const QString &id)
    {
        if (day.isEmpty() || id.isEmpty())
            return;
        families[family].entries.insert(day + QLatin1Char('|') + id);
        families[family].papers.insert(id);
    }

    void addFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return;
        const QString text = QString::fromUtf8(file.readAll()).remove(QLatin1Char('\r'));
        const QStringList lines = text.split(QLatin1Char('\n'));
        const QString fileDay = dateOf(QFileInfo(path).fileName());
        if (text.contains(QLatin1String("[[Back]](#toc)")))
            countArxivDigest(lines, fileDay);
        else if (text.contains(QStringLiteral("论文日报")))
            countChineseNewsletter(lines, fileDay);
        else if (text.contains(QLatin1String("Hugging Face Daily Papers")))
            countKoreanById(lines, fileDay);
        else
            return;
    }

    void countArxivDigest(const QStringList &lines, const QString &fileDay)
    {
        static const QRegularExpression paper(QStringLiteral(R"(^### \[\d+\] \[.*\]\(https://arxiv\.org/abs/(\d{4}\.\d{4,5})(v\d+)?\)$)"));
        ++families[QStringLiteral("arxiv-digest")].files;
        QString day = fileDay;
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("# ")))
                day = dateOf(line).isEmpty() ? fileDay : dateOf(line);
            const auto match = paper.match(line);
            if (match.hasMatch())
                add(QStringLiteral("arxiv-digest"), day, match.captured(1));
        }
    }

    void countChineseNewsletter(const QStringList &lines, const QString &fileDay)
    {
        static const QRegularExpression links(QStringLiteral(R"(^\*\*论文链接：\*\*.*?(?:arxiv\.org/abs|huggingface\.co/papers)/(\d{4}\.\d{4,5}))"));
        static const QRegularExpression arxivLink(QStringLiteral(R"(arxiv\.org/abs/(\d{4}\.\d{4,5}))"));
        ++families[QStringLiteral("hf-newsletter-zh")].files;
        QString day = fileDay;
        QString originalTitle;
        bool inTitle = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines[i];
            if (line.startsWith(QLatin1String("# ")))
                day = dateOf(line).isEmpty() ? fileDay : dateOf(line);
            if (line.startsWith(QStringLiteral("**原文标题：**"))) {
                originalTitle = line.mid(9);
                inTitle = true;
            } else if (inTitle && !line.trimmed().isEmpty()) {
                originalTitle += QLatin1Char(' ') + line;
            } else {
                inTitle = false;
            }
            if (line.startsWith(QStringLiteral("**论文链接：**"))) {
                // The arXiv link names the paper, the Hugging Face one without it, the title without either.
                const auto arxiv = arxivLink.match(line);
                const auto any = links.match(line);
                const QString id = arxiv.hasMatch() ? arxiv.captured(1)
                    : any.hasMatch()                ? any.captured(1)
                                                    : QStringLiteral("title:") + originalTitle.simplified();
                add(QStringLiteral("hf-newsletter-zh"), day, id);
                originalTitle.clear();
            }
        }
    }

    void countKoreanById(const QStringList &lines, const QString &fileDay)
    {
        static const QRegularExpression paper(QStringLiteral(R"(^## (\d{4}\.\d{4,5})(v\d+)?$)"));
        ++families[QStringLiteral("hf-papers-ko")].files;
        QString day = fileDay;
        bool fence = false;
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(QLatin1String("```")))
                fence = !fence;
            if (fence)
                continue;
            if (line.startsWith(QLatin1String("# ")))
                day = dateOf(line).isEmpty() ? fileDay : dateOf(line);
            const auto match = paper.match(line.trimmed());
            if (match.hasMatch())
                add(QStringLiteral("hf-papers-ko"), day, match.captured(1));
        }
    }

    void addFolder(const QString &folder)
    {
        QDirIterator it(folder, { QStringLiteral("*.md") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            addFile(it.next());
    }

    // Over every family: distinct pairs and ids, as a library holding them all counts them.
    [[nodiscard]] QSet<QString> allEntries() const
    {
        QSet<QString> all;
        for (const Family &family : families)
            all.unite(family.entries);
        return all;
    }
    [[nodiscard]] QSet<QString> allPapers() const
    {
        QSet<QString> all;
        for (const Family &family : families)
            all.unite(family.papers);
        return all;
    }
};
