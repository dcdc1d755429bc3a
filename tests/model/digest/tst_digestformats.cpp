#include "archivecount.h"
#include "digestformat.h"
#include "digestparser.h"
#include "digestscan.h"
#include "paperid.h"
#include "testpaths.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

const QString kArchives = QStringLiteral(HANJI_TEST_DATA_DIR "/archives");
// The other archives beside ../shared/corpus, when there are any (not part of this repository).
const QString kRealArchives = QStringLiteral(HANJI_CORPUS_DIR "/../archives");

ParsedDigest read(const QString &relative)
{
    const Result<ParsedDigest> digest = readDigestFile(kArchives + u'/' + relative);
    return digest ? *digest : ParsedDigest();
}

const DigestEntry *entryOf(const ParsedDigest &digest, const QString &identity)
{
    for (const DigestEntry &entry : digest.entries) {
        if (entry.identity() == identity)
            return &entry;
    }
    return nullptr;
}

QStringList keys(const QList<SummarySection> &sections)
{
    QStringList keys;
    for (const SummarySection &section : sections)
        keys += section.key;
    return keys;
}

} // namespace

class TestDigestFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachFileIsReadByItsFamily_data();
    void eachFileIsReadByItsFamily();
    void anUnknownFileGetsOneWarningAndNoPapers();
    void arxivDigestByCategory();
    void chineseNewsletter();
    void koreanPapersById();
    void storedLinesReadBackTheSameEntry();
    void fixturesMatchAnIndependentCount();
    void realArchivesMatchAnIndependentCount();
    void randomLinesOfEveryFamilyNeverCrash();
};

void TestDigestFormats::eachFileIsReadByItsFamily_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("entries");
    QTest::addRow("arXiv digest, dated heading") << u"arxiv-digest/2025-03-10.md"_s << u"arxiv-digest"_s << 3;
    QTest::addRow("arXiv digest, date from the file name") << u"arxiv-digest/2025-03-11.md"_s << u"arxiv-digest"_s << 1;
    QTest::addRow("Chinese newsletter") << u"hf-newsletter-zh/2025-03-10_daily_paper.md"_s << u"hf-newsletter-zh"_s << 3;
    QTest::addRow("Korean by id, dated heading") << u"hf-papers-ko/2025-03-11.md"_s << u"hf-papers-ko"_s << 3;
    QTest::addRow("Korean by id, date from the file name") << u"hf-papers-ko/2025-03-12.md"_s << u"hf-papers-ko"_s << 1;
}

void TestDigestFormats::eachFileIsReadByItsFamily()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, entries);
    const ParsedDigest digest = read(file);
    QCOMPARE(digest.format, format);
    QCOMPARE(digest.entries.size(), entries);
    const QDate fileDate = QDate::fromString(file.section(u'/', 1).left(10), Qt::ISODate);
    for (const DigestEntry &entry : digest.entries) {
        QCOMPARE(entry.date, fileDate);
        QVERIFY(!entry.sections.isEmpty());
        QVERIFY(entry.firstLine <= entry.lastLine);
    }
}

void TestDigestFormats::anUnknownFileGetsOneWarningAndNoPapers()
{
    const QString path = kArchives + u"/unknown/meeting-notes.md"_s;
    const ParsedDigest digest = readDigestFile(path).value();
    QVERIFY(digest.entries.isEmpty());
    QVERIFY(digest.format.isEmpty());
    QCOMPARE(digest.warnings.size(), 1);
    QCOMPARE(digest.warnings.constFirst().file, path);
    QCOMPARE(digest.warnings.constFirst().line, 0);
    QVERIFY(digest.warnings.constFirst().message.contains(u"not a digest"_s));

    // Nothing at all is nothing to warn of.
    const ParsedDigest empty = DigestParser::parse("\n\n  \n", u"empty.md"_s);
    QVERIFY(empty.entries.isEmpty());
    QVERIFY(empty.warnings.isEmpty());
}

void TestDigestFormats::arxivDigestByCategory()
{
    const ParsedDigest digest = read(u"arxiv-digest/2025-03-10.md"_s);
    QVERIFY(digest.warnings.isEmpty());
    QCOMPARE(digest.entries.size(), 3);

    const DigestEntry *first = entryOf(digest, u"2503.04101"_s);
    QVERIFY(first);
    QCOMPARE(first->title, u"Tangible Timelines: Letting Readers Touch the History of a Document"_s);
    QCOMPARE(first->url, u"https://arxiv.org/abs/2503.04101"_s);
    QCOMPARE(first->authors, (QStringList { u"Ada Moreno"_s, u"Birgit Falk"_s, u"Chen Wei"_s }));
    QCOMPARE(first->categories, QStringList { u"cs.HC"_s });
    QCOMPARE(first->fields, (QList<SummarySection> { { u"Main category"_s, u"cs.HC"_s },
                                                     { u"Keywords"_s, u"revision history, tangible interfaces, reading"_s },
                                                     { u"Relevance Score"_s, u"6"_s },
                                                     { u"Read time"_s, u"8 min"_s } }));
    // An empty "Limitations" says nothing and is left out.
    QCOMPARE(keys(first->sections), (QStringList { u"TL;DR"_s, u"Motivation"_s, u"Method"_s, u"Key Contributions"_s,
                                                   u"Result"_s, u"Conclusion"_s, u"Abstract"_s }));
    QCOMPARE(first->sections.at(3).text, u"1. A slider that maps revisions to a physical position\n2. A diary study with co-authors"_s);
    QVERIFY(first->markdown.startsWith(u"## cs.HC [[Back]](#toc)\n\n### [1] [Tangible"_s));
    QVERIFY(first->markdown.endsWith(u"</details>"_s));

    // Listed under two categories: one entry with both, the later listing's text.
    const DigestEntry *twice = entryOf(digest, u"2503.04102"_s);
    QVERIFY(twice);
    QCOMPARE(twice->categories, (QStringList { u"cs.HC"_s, u"cs.CL"_s }));
    QVERIFY(!keys(twice->sections).contains(u"Key Contributions"_s));
    QCOMPARE(twice->firstLine, 52);

    const ParsedDigest nextDay = read(u"arxiv-digest/2025-03-11.md"_s); // kept: entryOf points into it
    const DigestEntry *later = entryOf(nextDay, u"2503.04103"_s);
    QVERIFY(later);
    QCOMPARE(later->arxivId, u"2503.04103"_s); // the version goes
    QCOMPARE(keys(later->sections), (QStringList { u"TL;DR"_s, u"Abstract"_s }));
}

void TestDigestFormats::chineseNewsletter()
{
    const QString path = kArchives + u"/hf-newsletter-zh/2025-03-10_daily_paper.md"_s;
    const ParsedDigest digest = readDigestFile(path).value();
    QCOMPARE(digest.entries.size(), 3);

    const DigestEntry &first = digest.entries.at(0);
    QCOMPARE(first.title, u"闲聊智能体：闲聊如何改变对助手的信任"_s);
    QCOMPARE(first.originalTitle, u"Small Talk Agents: How Chit-Chat Changes Trust in Assistants"_s);
    QCOMPARE(first.arxivId, u"2503.04102"_s);
    QCOMPARE(first.url, u"https://arxiv.org/abs/2503.04102"_s);
    QCOMPARE(keys(first.sections), QStringList { u"摘要"_s });
    QVERIFY(first.authors.isEmpty());

    // Empty links: the original title names it, and the reader says so at its heading.
    const DigestEntry &unlinked = digest.entries.at(1);
    QCOMPARE(unlinked.url, titleOnlyPaperUrl(u"A Memory Ledger for Sparse Attention"_s));
    QVERIFY(unlinked.arxivId.isEmpty());
    QCOMPARE(unlinked.sections.constFirst().text,
             u"作者提出一种记录注意力访问的账本结构，使长上下文推理的显存占用减少一半。\n\n第二段：代码即将公开。"_s);
    QCOMPARE(digest.warnings.size(), 1);
    QCOMPARE(digest.warnings.constFirst().file, path);
    QCOMPARE(digest.warnings.constFirst().line, unlinked.firstLine);

    // Only a Hugging Face link: it still names the arXiv paper.
    QCOMPARE(digest.entries.at(2).arxivId, u"2503.04211"_s);
    QCOMPARE(digest.entries.at(2).url, u"https://huggingface.co/papers/2503.04211"_s);
    // The statistics and the word cloud are no papers, and their lines no warnings.
    QVERIFY(!digest.entries.at(2).markdown.contains(u"关键词云图"_s));
}

void TestDigestFormats::koreanPapersById()
{
    const ParsedDigest digest = read(u"hf-papers-ko/2025-03-11.md"_s);
    QVERIFY(digest.warnings.isEmpty());
    QCOMPARE(digest.entries.size(), 3); // the fenced block's "#" and "##" are no days or papers

    const DigestEntry &first = digest.entries.at(0);
    QVERIFY(first.title.isEmpty());
    QCOMPARE(first.arxivId, u"2503.04102"_s);
    QCOMPARE(first.url, u"https://huggingface.co/papers/2503.04102"_s);
    QCOMPARE(keys(first.sections), QStringList { u"Summary"_s });
    QVERIFY(first.sections.constFirst().text.startsWith(u"**1. 핵심 동기와 문제 정의**\n- 대화형"_s));
    QCOMPARE(displayTitle(first), u"2503.04102"_s); // a numbered sub-heading names nothing

    const DigestEntry &fenced = digest.entries.at(1);
    QVERIFY(fenced.sections.constFirst().text.contains(u"# 논문 요약\n## 핵심 아이디어"_s));
    QCOMPARE(displayTitle(fenced), u"2503.04300 · 작은 모델이 큰 모델의 초안을 고친다"_s);

    const DigestEntry &refusal = digest.entries.at(2);
    QVERIFY(refusal.sections.constFirst().text.startsWith(u"죄송하지만"_s));
    QCOMPARE(displayTitle(refusal), u"2503.04301"_s);
}

void TestDigestFormats::storedLinesReadBackTheSameEntry()
{
    for (const QString &file : collectDigestFiles({ kArchives }).files) {
        const ParsedDigest digest = readDigestFile(file).value();
        for (const DigestEntry &entry : digest.entries) {
            const std::optional<DigestEntry> again = parseStoredEntry(digest.format, entry.date, entry.markdown);
            QVERIFY2(again, qPrintable(u"%1:%2"_s.arg(file).arg(entry.firstLine)));
            QCOMPARE(again->date, entry.date);
            QCOMPARE(again->title, entry.title);
            QCOMPARE(again->originalTitle, entry.originalTitle);
            QCOMPARE(again->url, entry.url);
            QCOMPARE(again->arxivId, entry.arxivId);
            QCOMPARE(again->authors, entry.authors);
            QCOMPARE(again->sections, entry.sections);
            QCOMPARE(again->fields, entry.fields);
            QCOMPARE(again->categories, entry.categories);
        }
    }
    QVERIFY(!parseStoredEntry(u"no-such-format", QDate(2025, 1, 1), u"## 2501.00001"_s));
}

void TestDigestFormats::fixturesMatchAnIndependentCount()
{
    CheckReport report;
    for (const QString &file : collectDigestFiles({ kArchives }).files)
        report.add(readDigestFile(file).value());
    ArchiveCount count;
    count.addFolder(kArchives);
    QCOMPARE(count.families.size(), 3);
    for (auto it = count.families.cbegin(); it != count.families.cend(); ++it) {
        const CheckReport::FormatTotals totals = report.formats().value(it.key());
        QCOMPARE(totals.files, it->files);
        QCOMPARE(totals.entries.size(), it->entries.size());
        QCOMPARE(totals.papers.size(), it->papers.size());
    }
    // Written by hand from the fixtures: the same paper from two archives on one day is one entry.
    QCOMPARE(report.formats().value(u"arxiv-digest"_s).entries.size(), 4);
    QCOMPARE(report.formats().value(u"hf-newsletter-zh"_s).entries.size(), 3);
    QCOMPARE(report.formats().value(u"hf-papers-ko"_s).entries.size(), 4);
    QCOMPARE(report.entries(), count.allEntries().size());
    QCOMPARE(report.entries(), 10);
    QCOMPARE(report.papers(), count.allPapers().size());
    QCOMPARE(report.papers(), 7);
    QCOMPARE(report.formats().value(QString()).files, 1); // the meeting notes
}

void TestDigestFormats::realArchivesMatchAnIndependentCount()
{
    if (!QFileInfo::exists(kRealArchives))
        QSKIP("no ../shared/archives beside the checkout: real-archive counts skipped");
    CheckReport report;
    for (const QString &file : collectDigestFiles({ kRealArchives }).files)
        report.add(readDigestFile(file).value());
    ArchiveCount count;
    count.addFolder(kRealArchives);
    QVERIFY(!count.families.isEmpty());
    for (auto it = count.families.cbegin(); it != count.families.cend(); ++it) {
        const CheckReport::FormatTotals totals = report.formats().value(it.key());
        qInfo("%s: %d files, %lld entries, %lld papers", qPrintable(it.key()), totals.files,
              qlonglong(totals.entries.size()), qlonglong(totals.papers.size()));
        QCOMPARE(totals.files, it->files);
        QCOMPARE(totals.entries.size(), it->entries.size());
        QCOMPARE(totals.papers.size(), it->papers.size());
        QVERIFY(it->entries.size() > 0);
    }
    QCOMPARE(report.entries(), count.allEntries().size());
    QCOMPARE(report.papers(), count.allPapers().size());
    for (const QString &file : collectDigestFiles({ kRealArchives }).files) {
        const ParsedDigest digest = readDigestFile(file).value();
        for (const DigestEntry &entry : digest.entries) {
            const QString where = u"%1:%2"_s.arg(file).arg(entry.firstLine);
            QVERIFY2(!displayTitle(entry).isEmpty(), qPrintable(where));
            QVERIFY2(!entry.sections.isEmpty(), qPrintable(where));
        }
    }
}

void TestDigestFormats::randomLinesOfEveryFamilyNeverCrash()
{
    const QList<QByteArray> pieces {
        "# 2025-03-10\n", "## cs.CL [[Back]](#toc)\n", "### [1] [T](https://arxiv.org/abs/2503.00001)\n", "*A, B*\n",
        "**Keywords:** x\n", "\t1. y\n", "<details>\n", "</details>\n", "# Hugging Face 2025-03-10 论文日报\n",
        "### 2. 标题\n", "**原文标题：** Title\n", "**论文链接：** []()\n", "**论文链接：** [arXiv](https://arxiv.org/abs/2503.00002)\n",
        "# 📰 Hugging Face Daily Papers – 2025-03-10\n", "## 2503.00003\n", "🔗 https://huggingface.co/papers/2503.00003\n",
        "**Summary**:\n", "```markdown\n", "```\n", "## x\n", "text\n", "\n", "---\n", "\xFF\n",
    };
    QRandomGenerator random(20250310);
    for (int round = 0; round < 2000; ++round) {
        QByteArray input;
        const int count = random.bounded(30);
        for (int i = 0; i < count; ++i)
            input += pieces.at(random.bounded(int(pieces.size())));
        const ParsedDigest digest = DigestParser::parse(input, u"2025-03-10.md"_s);
        for (const DigestEntry &entry : digest.entries) {
            QVERIFY(entry.firstLine <= entry.lastLine);
            QVERIFY(!entry.identity().isEmpty());
            QVERIFY(parseStoredEntry(digest.format, entry.date, entry.markdown));
        }
    }
}

QTEST_GUILESS_MAIN(TestDigestFormats)
#include "tst_digestformats.moc"
