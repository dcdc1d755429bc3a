#include "digestparser.h"
#include "digestscan.h"
#include "independentcount.h"
#include "testpaths.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Reads the real archive beside the checkout, when there is one.
class TestCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR)))
            QSKIP("no ../shared/corpus beside the checkout: real-archive tests skipped");
    }

    void everyFileReadsAndLosesNoPaper()
    {
        const auto list = hanji::collectDigestFiles({ QStringLiteral(HANJI_CORPUS_DIR) });
        QVERIFY(list.errors.isEmpty());
        QVERIFY(list.files.size() > 100);
        for (const QString &path : list.files) {
            const auto result = hanji::readDigestFile(path);
            QVERIFY2(result, qPrintable(path));
            IndependentCount count;
            count.addFile(path);
            QVERIFY2(result->entries.size() == count.entries.size(), qPrintable(path));
            for (const auto &entry : result->entries) {
                QVERIFY2(!entry.title.isEmpty(), qPrintable(u"%1:%2"_s.arg(path).arg(entry.firstLine)));
                QVERIFY2(!entry.arxivId.isEmpty(), qPrintable(u"%1:%2"_s.arg(path).arg(entry.firstLine)));
                QVERIFY2(!entry.sections.isEmpty(), qPrintable(u"%1:%2"_s.arg(path).arg(entry.firstLine)));
                QVERIFY2(!entry.authors.isEmpty(), qPrintable(u"%1:%2"_s.arg(path).arg(entry.firstLine)));
            }
        }
    }

    void totalsMatchAnIndependentCount()
    {
        hanji::CheckReport report;
        for (const QString &path : hanji::collectDigestFiles({ QStringLiteral(HANJI_CORPUS_DIR) }).files)
            report.add(hanji::readDigestFile(path).value());
        IndependentCount count;
        count.addFolder(QStringLiteral(HANJI_CORPUS_DIR));
        QCOMPARE(report.files(), count.files);
        QCOMPARE(report.days(), count.days.size());
        QCOMPARE(report.entries(), count.entries.size());
        QCOMPARE(report.papers(), count.papers.size());
        QCOMPARE(report.votesTotal(), count.votesTotal);
        QCOMPARE(report.entriesWithVotes(), count.entriesWithVotes);
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
