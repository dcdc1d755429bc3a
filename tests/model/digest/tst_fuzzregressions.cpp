#include "digestparser.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

// Inputs the digest fuzzer (tests/fuzz) once broke, kept as fixtures in
// tests/fuzz/regressions/digestparser, and the property each broke: an entry's raw lines, as
// the index keeps them, parse again to the same paper.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedLinesParseToTheSamePaper_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QDir folder(QStringLiteral(HANJI_SOURCE_DIR) + u"/tests/fuzz/regressions/digestparser"_s);
        const QStringList files = folder.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::addRow("%s", qPrintable(name)) << file.readAll();
        }
        // A lone CR inside a title was dropped from the stored lines only: the index then
        // named the paper by another title than the scan.
        QTest::addRow("lone CR in a linked title")
            << QByteArray("## Daily Papers (2024-06-04)\n### [Half\rway](https://arxiv.org/abs/2401.00001)\n- text\n");
        QTest::addRow("CRLF lines") << QByteArray("## Daily Papers (2024-06-04)\r\n### [Title](https://example.org/p)\r\n"
                                                  "Authors: A, B\r\n- **Key**: value\r\n");
    }

    void storedLinesParseToTheSamePaper()
    {
        QFETCH(QByteArray, bytes);
        const hanji::ParsedDigest digest = hanji::DigestParser::parse(bytes, u"regression.md"_s);
        QVERIFY(!digest.entries.isEmpty());
        for (const hanji::DigestEntry &entry : digest.entries) {
            QVERIFY(entry.firstLine >= 1 && entry.firstLine <= entry.lastLine);
            const std::optional<hanji::DigestEntry> stored = hanji::parseStoredEntry(digest.format, entry.date, entry.markdown);
            QVERIFY(stored);
            QCOMPARE(stored->title, entry.title);
            QCOMPARE(stored->url, entry.url);
            QCOMPARE(stored->identity(), entry.identity());
            QCOMPARE(stored->authors, entry.authors);
            QCOMPARE(stored->sections, entry.sections);
            QCOMPARE(stored->votes, entry.votes);
            QVERIFY(!entry.markdown.contains(u"\r\n"_s));
        }
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)

#include "tst_fuzzregressions.moc"
