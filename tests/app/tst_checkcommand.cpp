#include "independentcount.h"
#include "testpaths.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject checkJson(const QStringList &paths)
{
    const HanjiRun run = runHanji(QStringList { u"check"_s, u"--json"_s } + paths);
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

// "hanji check" as a user runs it: the real binary, no display.
class TestCheckCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelpNeedNoDisplay()
    {
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        const HanjiRun version = runHanji({ u"--version"_s });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("hanji "));
        const HanjiRun help = runHanji({ u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("check"));
        const HanjiRun check = runHanji({ u"check"_s, QStringLiteral(HANJI_SAMPLES_DIR) });
        QCOMPARE(check.exitCode, 0);
    }

    void samplesMatchAnIndependentCount()
    {
        const QJsonObject json = checkJson({ QStringLiteral(HANJI_SAMPLES_DIR) });
        IndependentCount count;
        count.addFolder(QStringLiteral(HANJI_SAMPLES_DIR));
        QVERIFY(count.entries.size() > 10);
        QCOMPARE(json[u"files"_s].toInt(), count.files);
        QCOMPARE(json[u"days"_s].toInt(), count.days.size());
        QCOMPARE(json[u"entries"_s].toInt(), count.entries.size());
        QCOMPARE(json[u"papers"_s].toInt(), count.papers.size());
        QCOMPARE(json[u"votes_total"_s].toInteger(), count.votesTotal);
        QCOMPARE(json[u"entries_with_votes"_s].toInt(), count.entriesWithVotes);
        QCOMPARE(json[u"errors"_s].toArray().size(), 0);
        // The samples are ours: they hold every variant and no mistakes.
        QCOMPARE(json[u"warnings"_s].toArray().size(), 0);
    }

    void corpusMatchesAnIndependentCount()
    {
        if (!QFileInfo::exists(QStringLiteral(HANJI_CORPUS_DIR)))
            QSKIP("no ../shared/corpus beside the checkout: real-archive check skipped");
        const QJsonObject json = checkJson({ QStringLiteral(HANJI_CORPUS_DIR) });
        IndependentCount count;
        count.addFolder(QStringLiteral(HANJI_CORPUS_DIR));
        QCOMPARE(json[u"files"_s].toInt(), count.files);
        QCOMPARE(json[u"days"_s].toInt(), count.days.size());
        QCOMPARE(json[u"entries"_s].toInt(), count.entries.size());
        QCOMPARE(json[u"papers"_s].toInt(), count.papers.size());
        QCOMPARE(json[u"votes_total"_s].toInteger(), count.votesTotal);
        QCOMPARE(json[u"entries_with_votes"_s].toInt(), count.entriesWithVotes);
        QCOMPARE(json[u"errors"_s].toArray().size(), 0);
    }

    void badFilesAreReportedAndTheRestStillReads()
    {
        QTemporaryDir dir;
        QFile good(dir.filePath(u"good.md"_s));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write("## Daily Papers (2024-02-01)\n### [A](https://arxiv.org/abs/2402.00001)\nVote: x\n");
        good.close();
        QFile locked(dir.filePath(u"locked.md"_s));
        QVERIFY(locked.open(QIODevice::WriteOnly));
        locked.close();
        locked.setPermissions({});
        const bool unreadable = !locked.open(QIODevice::ReadOnly); // root reads anything
        locked.close();

        const HanjiRun run = runHanji({ u"check"_s, u"--json"_s, dir.path(), dir.filePath(u"missing.md"_s) });
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json[u"entries"_s].toInt(), 1);
        const QJsonArray warnings = json[u"warnings"_s].toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0][u"file"_s].toString(), good.fileName());
        QCOMPARE(warnings[0][u"line"_s].toInt(), 3);
        const QJsonArray errors = json[u"errors"_s].toArray();
        QCOMPARE(errors.size(), unreadable ? 2 : 1);
        QCOMPARE(errors.last()[u"file"_s].toString(), dir.filePath(u"missing.md"_s));

        const HanjiRun text = runHanji({ u"check"_s, dir.path() });
        QVERIFY(text.out.contains(good.fileName().toUtf8() + ":3: warning:"));
    }

    void badUsageExitsTwo()
    {
        QCOMPARE(runHanji({ u"check"_s }).exitCode, 2);
        QCOMPARE(runHanji({ u"check"_s, u"--frobnicate"_s, u"x"_s }).exitCode, 2);
        QCOMPARE(runHanji({ u"no-such-command"_s }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
