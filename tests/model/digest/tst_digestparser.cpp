#include "digestparser.h"
#include "paperid.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using hanji::DigestEntry;
using hanji::DigestParser;
using hanji::SummarySection;

namespace {

// What a row expects of one parsed entry; fields left empty are not compared.
struct Expected {
    QString date;
    QString title;
    QString identity;
    std::optional<int> votes;
    QStringList authors;
    QList<SummarySection> sections;
    QString thumbnail;
    QString video;
};

const QByteArray kPaper = R"(## Daily Papers (2024-03-05)

### [작은 모델: A Study](https://arxiv.org/abs/2403.01234)

![](https://example.org/thumb.png)

Vote: 42

Authors: Kim Minji, Lee Jun

- **What's New**: 새로운 방법을 제안한다.
- **Technical Details**: 세부 사항.
- **Performance Highlights**: 성능이 좋다.
)";

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(QList<Expected>)

class TestDigestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void warnings_data();
    void warnings();
    void aFixtureWithEveryWarning();
    void aRealReplacementCharacterIsNoWarning();
    void keepsRawLinesOfEachPaper();
    void arxivIds_data();
    void arxivIds();
    void randomBytesNeverCrash();
    void truncatedInputNeverCrashes();
    void pathologicalLinesStayLinear();
};

void TestDigestParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<Expected>>("expected");

    const QList<SummarySection> threeKeys { { u"What's New"_s, u"새로운 방법을 제안한다."_s },
                                            { u"Technical Details"_s, u"세부 사항."_s },
                                            { u"Performance Highlights"_s, u"성능이 좋다."_s } };

    QTest::addRow("a complete paper with keyed bullets")
        << kPaper
        << QList<Expected> { { u"2024-03-05"_s, u"작은 모델: A Study"_s, u"2403.01234"_s, 42,
                               { u"Kim Minji"_s, u"Lee Jun"_s }, threeKeys, u"https://example.org/thumb.png"_s, {} } };

    QTest::addRow("triple-star keys")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "- ***What's New***: 하나.\n- ***Technical Details***: 둘.\n")
        << QList<Expected> { { {}, u"T"_s, u"2403.00001"_s, {}, {},
                               { { u"What's New"_s, u"하나."_s }, { u"Technical Details"_s, u"둘."_s } }, {}, {} } };

    QTest::addRow("colon inside the bold key")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n- **Limitations:** 한계.\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, { { u"Limitations"_s, u"한계."_s } }, {}, {} } };

    QTest::addRow("plain bullets and no votes (oldest files)")
        << QByteArray("## Daily Papers (2023-06-01)\n\n### [Old](https://arxiv.org/abs/2306.00001)\n\n"
                      "Authors: A B\n\n- 첫째 문장.\n- **굵게** 시작하는 문장.\n")
        << QList<Expected> { { u"2023-06-01"_s, u"Old"_s, u"2306.00001"_s, std::nullopt, { u"A B"_s },
                               { { {}, u"첫째 문장."_s }, { {}, u"**굵게** 시작하는 문장."_s } }, {}, {} } };

    QTest::addRow("a dash for votes means unknown, with no warning")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\nVote: -\n- no votes here.\n")
        << QList<Expected> { { {}, u"T"_s, {}, {}, {}, {}, {}, {} } };

    QTest::addRow("python-list authors with quotes and a stray 'and'")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "Authors: ['Ann Lee', \"Brendan O'Donoghue\", 'and Lei Bai']\n")
        << QList<Expected> { { {}, {}, {}, {}, { u"Ann Lee"_s, u"Brendan O'Donoghue"_s, u"Lei Bai"_s }, {}, {}, {} } };

    QTest::addRow("site-relative thumbnail")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n![](/avatars/x.svg)\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, {}, u"https://huggingface.co/avatars/x.svg"_s, {} } };

    QTest::addRow("video as a markdown link")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "[Watch Video](https://cdn.example.org/v.mp4)\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, {}, {}, u"https://cdn.example.org/v.mp4"_s } };

    QTest::addRow("video in the broken form")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "[Watch Video]https://cdn.example.org/v.mp4\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, {}, {}, u"https://cdn.example.org/v.mp4"_s } };

    QTest::addRow("video as raw html")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "<div><video controls src=\"https://cdn.example.org/v.mp4\" muted=\"false\"></video></div>\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, {}, {}, u"https://cdn.example.org/v.mp4"_s } };

    QTest::addRow("next heading right after a bullet")
        << QByteArray("## Daily Papers (2024-03-05)\n### [A](https://arxiv.org/abs/2403.00001)\n- 가.\n"
                      "### [B](https://arxiv.org/abs/2403.00002)\n- 나.\n")
        << QList<Expected> { { {}, u"A"_s, {}, {}, {}, { { {}, u"가."_s } }, {}, {} },
                             { {}, u"B"_s, {}, {}, {}, { { {}, u"나."_s } }, {}, {} } };

    QByteArray crlf = kPaper;
    crlf.replace("\n", "\r\n");
    QTest::addRow("CRLF line ends and a BOM")
        << QByteArray("\xEF\xBB\xBF" + crlf)
        << QList<Expected> { { u"2024-03-05"_s, u"작은 모델: A Study"_s, u"2403.01234"_s, 42,
                               { u"Kim Minji"_s, u"Lee Jun"_s }, threeKeys, u"https://example.org/thumb.png"_s, {} } };

    QTest::addRow("the same date twice merges, a repeated paper keeps the later run")
        << QByteArray("## Daily Papers (2024-03-05)\n### [A](https://arxiv.org/abs/2403.00001)\nVote: 3\n"
                      "## Daily Papers (2024-03-05)\n### [A](https://arxiv.org/abs/2403.00001v2)\nVote: 9\n"
                      "### [B](https://arxiv.org/abs/2403.00002)\n")
        << QList<Expected> { { u"2024-03-05"_s, u"A"_s, u"2403.00001"_s, 9, {}, {}, {}, {} },
                             { u"2024-03-05"_s, u"B"_s, u"2403.00002"_s, {}, {}, {}, {}, {} } };

    QTest::addRow("two days in one file")
        << QByteArray("## Daily Papers (2024-03-04)\n### [A](https://arxiv.org/abs/2403.00001)\n"
                      "## Daily Papers (2024-03-05)\n### [A](https://arxiv.org/abs/2403.00001)\n")
        << QList<Expected> { { u"2024-03-04"_s, {}, u"2403.00001"_s, {}, {}, {}, {}, {} },
                             { u"2024-03-05"_s, {}, u"2403.00001"_s, {}, {}, {}, {}, {} } };

    QTest::addRow("sections outside days are not papers")
        << QByteArray("# Daily Papers\n\n## Project Description\n### [No](https://arxiv.org/abs/1111.11111)\n"
                      "## Daily Papers (2024-03-05)\n### [Yes](https://arxiv.org/abs/2403.00001)\n- 요약.\n"
                      "## License\n### [No](https://arxiv.org/abs/1111.11112)\n"
                      "## Citation\n```bibtex\n## Daily Papers (2099-01-01)\n### [No](https://arxiv.org/abs/1111.11113)\n```\n"
                      "## Star History\n![](https://example.org/star.svg)\n")
        << QList<Expected> { { u"2024-03-05"_s, u"Yes"_s, {}, {}, {}, { { {}, u"요약."_s } }, {}, {} } };

    QTest::addRow("titles with brackets, parentheses, LaTeX and colons")
        << QByteArray("## Daily Papers (2024-03-05)\n"
                      "### [MM [Preview] (v2): 10$\\times$ Faster (Really)](https://arxiv.org/abs/2403.00001)\n"
                      "### [Wiki](https://en.wikipedia.org/wiki/Foo_(bar))\n")
        << QList<Expected> { { {}, u"MM [Preview] (v2): 10$\\times$ Faster (Really)"_s, u"2403.00001"_s, {}, {}, {}, {}, {} },
                             { {}, u"Wiki"_s, u"https://en.wikipedia.org/wiki/Foo_(bar)"_s, {}, {}, {}, {}, {} } };

    QTest::addRow("a paper without an arXiv link keeps its URL as identity")
        << QByteArray("## Daily Papers (2024-03-05)\n### [Repo](https://github.com/o/r)\n")
        << QList<Expected> { { {}, u"Repo"_s, u"https://github.com/o/r"_s, {}, {}, {}, {}, {} } };

    QTest::addRow("an eaten \\t escape is put back")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "- 방법 (\textit{HR-ED})을 쓴다.\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, { { {}, u"방법 (\\textit{HR-ED})을 쓴다."_s } }, {}, {} } };

    QTest::addRow("eaten \\b and \\f escapes are put back too")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "- \benchmark \x0c" "ramework, 끝\b.\n")
        << QList<Expected> { { {}, {}, {}, {}, {}, { { {}, u"\\benchmark \\framework, 끝\b."_s } }, {}, {} } };

    QTest::addRow("continuation lines join their bullet")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "- **Technical Details**: 세 단계:\n1. **첫째**: 가\n2. 둘째\n- 다음.\n")
        << QList<Expected> { { {}, {}, {}, {}, {},
                               { { u"Technical Details"_s, u"세 단계:\n1. **첫째**: 가\n2. 둘째"_s }, { {}, u"다음."_s } },
                               {}, {} } };

    QTest::addRow("inline links, bare URLs and a sentence cut off")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n"
                      "- 코드는 [여기](https://x.org/a) 와 https://github.com/o/r 에 있으며 성능은\n")
        << QList<Expected> { { {}, {}, {}, {}, {},
                               { { {}, u"코드는 [여기](https://x.org/a) 와 https://github.com/o/r 에 있으며 성능은"_s } },
                               {}, {} } };

    QTest::addRow("invalid UTF-8 becomes U+FFFD")
        << QByteArray("## Daily Papers (2024-03-05)\n### [Bad \xFF byte](https://arxiv.org/abs/2403.00001)\n")
        << QList<Expected> { { {}, u"Bad \uFFFD byte"_s, {}, {}, {}, {}, {}, {} } };

    QTest::addRow("empty input") << QByteArray() << QList<Expected> {};
}

void TestDigestParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<Expected>, expected);

    const auto digest = DigestParser::parse(input, u"day.md"_s);
    QCOMPARE(digest.entries.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const DigestEntry &entry = digest.entries.at(i);
        const Expected &want = expected.at(i);
        QCOMPARE(entry.sourceFile, u"day.md"_s);
        if (!want.date.isEmpty())
            QCOMPARE(entry.date.toString(Qt::ISODate), want.date);
        if (!want.title.isEmpty())
            QCOMPARE(entry.title, want.title);
        if (!want.identity.isEmpty())
            QCOMPARE(entry.identity(), want.identity);
        if (want.votes)
            QCOMPARE(entry.votes, want.votes);
        if (!want.authors.isEmpty())
            QCOMPARE(entry.authors, want.authors);
        if (!want.sections.isEmpty())
            QCOMPARE(entry.sections, want.sections);
        if (!want.thumbnail.isEmpty())
            QCOMPARE(entry.thumbnailUrl, want.thumbnail);
        if (!want.video.isEmpty())
            QCOMPARE(entry.videoUrl, want.video);
    }
    // Rows that say nothing of votes must not have invented any.
    if (QByteArray(QTest::currentDataTag()).contains("votes")) {
        QVERIFY(!digest.entries.constFirst().votes.has_value());
        QVERIFY(digest.warnings.isEmpty());
    }
}

void TestDigestParser::warnings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("entries");

    QTest::addRow("votes that are not a number")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\nVote: many\n")
        << 3 << u"votes"_s << 1;
    QTest::addRow("a heading without a link keeps the paper")
        << QByteArray("## Daily Papers (2024-03-05)\n### Only a title\n- 요약.\n") << 2 << u"no link"_s << 1;
    QTest::addRow("a day heading with a bad date")
        << QByteArray("## Daily Papers (2024-13-45)\n### [T](https://arxiv.org/abs/2403.00001)\n")
        << 1 << u"valid date"_s << 0;
    QTest::addRow("invalid bytes on line 3")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\n- \xC3\x28 깨짐\n")
        << 3 << u"UTF-8"_s << 1;
    QTest::addRow("a line that fits nowhere")
        << QByteArray("## Daily Papers (2024-03-05)\n### [T](https://arxiv.org/abs/2403.00001)\nStray text\n")
        << 3 << u"not understood"_s << 1;
}

void TestDigestParser::warnings()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    QFETCH(int, entries);

    const auto digest = DigestParser::parse(input, u"w.md"_s);
    QCOMPARE(digest.entries.size(), entries);
    QCOMPARE(digest.warnings.size(), 1);
    QCOMPARE(digest.warnings.constFirst().file, u"w.md"_s);
    QCOMPARE(digest.warnings.constFirst().line, line);
    QVERIFY2(digest.warnings.constFirst().message.contains(messagePart), qPrintable(digest.warnings.constFirst().message));
}

void TestDigestParser::aFixtureWithEveryWarning()
{
    // tests/data/digests/every-warning.md, read from disk as the importer reads it; the lines
    // below were counted by hand in that file.
    const QString path = QStringLiteral(HANJI_TEST_DATA_DIR "/digests/every-warning.md");
    const hanji::Result<hanji::ParsedDigest> digest = hanji::readDigestFile(path);
    QVERIFY2(digest, qPrintable(path));
    const QList<std::pair<int, QString>> expected {
        { 3, u"day heading without a valid date (YYYY-MM-DD): its papers are skipped"_s },
        { 9, u"paper heading has no link: expected \"### [Title](URL)\""_s },
        { 15, u"votes are not a whole number: \"twelve\""_s },
        { 17, u"thumbnail is not of the form ![](URL)"_s },
        { 19, u"video tag without a src"_s },
        { 21, u"line not understood, ignored: \"This sentence belongs to no bullet and is ignored.\""_s },
        { 25, u"paper has an empty title"_s },
    };
    QList<std::pair<int, QString>> actual;
    for (const hanji::ParseWarning &warning : digest->warnings) {
        QCOMPARE(warning.file, path);
        actual.append({ warning.line, warning.message });
    }
    QCOMPARE(actual, expected);

    // The rest is still read: three papers of the valid day, none of the invalid one.
    QCOMPARE(digest->entries.size(), 3);
    QCOMPARE(digest->entries.at(0).url, hanji::titleOnlyPaperUrl(u"A Heading Without Any Link"_s));
    QCOMPARE(digest->entries.at(1).arxivId, u"2403.01111"_s);
    QCOMPARE(digest->entries.at(1).votes, std::nullopt);
    QCOMPARE(digest->entries.at(1).sections.size(), 1);
    QCOMPARE(digest->entries.at(2).votes, 7);
    for (const DigestEntry &entry : digest->entries)
        QCOMPARE(entry.date, QDate(2024, 3, 5));
}

void TestDigestParser::aRealReplacementCharacterIsNoWarning()
{
    // U+FFFD written on purpose is valid UTF-8: nothing was replaced, nothing to warn of.
    const auto digest = DigestParser::parse("## Daily Papers (2024-03-05)\n### [T \xEF\xBF\xBD](https://arxiv.org/abs/2403.00001)\n",
                                            u"ok.md"_s);
    QCOMPARE(digest.entries.size(), 1);
    QCOMPARE(digest.entries.constFirst().title, u"T \uFFFD"_s);
    QVERIFY(digest.warnings.isEmpty());
}

void TestDigestParser::keepsRawLinesOfEachPaper()
{
    QByteArray input = "\xEF\xBB\xBF" + kPaper + "\n\n### [Next](https://arxiv.org/abs/2403.09999)\n";
    input.replace("\n", "\r\n");
    const auto digest = DigestParser::parse(input, u"raw.md"_s);
    QCOMPARE(digest.entries.size(), 2);
    const DigestEntry &first = digest.entries.constFirst();
    QCOMPARE(first.firstLine, 3);
    QCOMPARE(first.lastLine, 13); // the last bullet, not the blank lines after it
    QVERIFY(first.markdown.startsWith(u"### [작은 모델: A Study]"_s));
    QVERIFY(first.markdown.endsWith(u"- **Performance Highlights**: 성능이 좋다."_s));
    QVERIFY(!first.markdown.contains(u'\r'));
    QCOMPARE(digest.entries.at(1).firstLine, 16);
}

void TestDigestParser::arxivIds_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("id");
    QTest::addRow("abs") << u"https://arxiv.org/abs/2410.05258"_s << u"2410.05258"_s;
    QTest::addRow("abs with version") << u"https://arxiv.org/abs/2410.05258v3"_s << u"2410.05258"_s;
    QTest::addRow("pdf") << u"http://arxiv.org/pdf/2410.05258v1.pdf"_s << u"2410.05258"_s;
    QTest::addRow("four-digit number") << u"https://arxiv.org/abs/1706.0376"_s << u"1706.0376"_s;
    QTest::addRow("old style") << u"https://arxiv.org/abs/hep-th/9901001v2"_s << u"hep-th/9901001"_s;
    QTest::addRow("hugging face page") << u"https://huggingface.co/papers/2401.04088"_s << u"2401.04088"_s;
    QTest::addRow("not arxiv") << u"https://github.com/o/r"_s << QString();
    QTest::addRow("arxiv listing") << u"https://arxiv.org/list/cs.CL/recent"_s << QString();
}

void TestDigestParser::arxivIds()
{
    QFETCH(QString, url);
    QFETCH(QString, id);
    QCOMPARE(hanji::arxivIdFromUrl(url), id);
}

void TestDigestParser::randomBytesNeverCrash()
{
    QRandomGenerator random(20241122);
    const QByteArray alphabet = "#[]()!-*:\n\r\t `'\"<>/ab Vote:Authors:### [## Daily Papers (2024-01-01)\xEA\xB0\x80\xFF";
    for (int round = 0; round < 2000; ++round) {
        QByteArray input;
        const int length = random.bounded(400);
        for (int i = 0; i < length; ++i) {
            input += random.bounded(4) == 0 ? char(random.bounded(256)) : alphabet.at(random.bounded(alphabet.size()));
        }
        const auto digest = DigestParser::parse(input, u"random.md"_s);
        for (const DigestEntry &entry : digest.entries)
            QVERIFY(entry.firstLine <= entry.lastLine);
    }
}

void TestDigestParser::truncatedInputNeverCrashes()
{
    const QByteArray full = kPaper + "### [B](https://arxiv.org/abs/2403.00002)\nAuthors: ['x', 'y\n- **K**: 가나다";
    for (qsizetype cut = 0; cut <= full.size(); ++cut) {
        const auto digest = DigestParser::parse(full.first(cut), u"cut.md"_s);
        QVERIFY(digest.entries.size() <= 2);
    }
}

void TestDigestParser::pathologicalLinesStayLinear()
{
    // A heading of 200,000 parentheses and a line of 200,000 stars: quadratic code would hang here.
    const QByteArray input = "## Daily Papers (2024-03-05)\n### [" + QByteArray(200000, '(') + "](" + QByteArray(200000, ')')
        + "\n- " + QByteArray(200000, '*') + "\n";
    QElapsedTimer timer;
    timer.start();
    const auto digest = DigestParser::parse(input, u"big.md"_s);
    QCOMPARE(digest.entries.size(), 1);
    QVERIFY2(timer.elapsed() < 5000, "parsing one odd line took seconds");
}

QTEST_GUILESS_MAIN(TestDigestParser)
#include "tst_digestparser.moc"
