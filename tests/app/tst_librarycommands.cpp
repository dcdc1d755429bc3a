#include "testpaths.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The library commands as a user types them: the real binary, a library of its own.
class TestLibraryCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QString m_digests;

    HanjiRun hanji(const QStringList &arguments)
    {
        return runHanji(arguments + QStringList { u"--library"_s, m_library });
    }

    QJsonArray jsonArray(const QStringList &arguments)
    {
        const HanjiRun run = hanji(arguments + QStringList { u"--json"_s });
        [&] { QCOMPARE(run.exitCode, 0); }();
        return QJsonDocument::fromJson(run.out).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_library = m_dir.filePath(u"library"_s);
        m_digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), m_digests));
    }

    void importThenRescan()
    {
        const HanjiRun first = hanji({ u"import"_s, m_digests });
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("4 files: 4 read"), first.out);
        const HanjiRun again = hanji({ u"import"_s });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("0 read, 4 unchanged"), again.out);
    }

    void searchGivesPapersAsJson()
    {
        const QJsonArray papers = jsonArray({ u"search"_s, u"모델"_s });
        QVERIFY(papers.size() >= 5);
        const QJsonObject first = papers.first().toObject();
        for (const char *field : { "id", "title", "url", "authors", "dates", "votes", "bookmarked", "read" })
            QVERIFY2(first.contains(QLatin1String(field)), field);
        QVERIFY(first[u"dates"_s].isArray());
        QVERIFY(first[u"authors"_s].isArray());

        const QJsonArray ranked = jsonArray({ u"search"_s, u"title:attention"_s, u"--min-votes"_s, u"1"_s });
        QVERIFY(!ranked.isEmpty());
        for (const QJsonValue &paper : ranked) {
            QVERIFY(paper[u"title"_s].toString().contains(u"attention"_s, Qt::CaseInsensitive));
            QVERIFY(paper[u"votes"_s].toInt() >= 1);
        }
        const QJsonArray june = jsonArray({ u"search"_s, u"--from"_s, u"2024-06-01"_s, u"--to"_s, u"2024-06-30"_s });
        for (const QJsonValue &paper : june)
            QVERIFY(paper[u"dates"_s].toArray().contains(u"2024-06-03"_s) || paper[u"dates"_s].toArray().contains(u"2024-06-04"_s));
        QVERIFY(jsonArray({ u"search"_s, u"쥐둘기zq"_s }).isEmpty());
    }

    void bookmarksSurviveDeletingTheIndex()
    {
        QCOMPARE(hanji({ u"bookmark"_s, u"add"_s, u"https://arxiv.org/abs/1706.03762v7"_s, u"--note"_s, u"다시 읽기"_s }).exitCode, 0);
        QCOMPARE(hanji({ u"bookmark"_s, u"add"_s, u"2106.09685"_s }).exitCode, 0);
        QCOMPARE(hanji({ u"read"_s, u"2106.09685"_s }).exitCode, 0);

        QVERIFY(QFile::remove(m_library + u"/index.sqlite"_s));
        QFile::remove(m_library + u"/index.sqlite-wal"_s);
        QFile::remove(m_library + u"/index.sqlite-shm"_s);

        const HanjiRun list = hanji({ u"bookmark"_s, u"list"_s, u"--json"_s });
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.err.contains("building the index"), list.err);
        const QJsonArray bookmarks = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(bookmarks.size(), 2);
        QCOMPARE(bookmarks[0][u"id"_s].toString(), u"1706.03762"_s);
        QCOMPARE(bookmarks[0][u"note"_s].toString(), u"다시 읽기"_s);
        QVERIFY(bookmarks[0][u"title"_s].toString().contains(u"Attention"_s));
        QCOMPARE(bookmarks[1][u"read"_s].toBool(), true);
        QCOMPARE(jsonArray({ u"search"_s, u"--bookmarked"_s, u"--unread"_s }).size(), 1);

        QCOMPARE(hanji({ u"bookmark"_s, u"remove"_s, u"1706.03762"_s }).exitCode, 0);
        QCOMPARE(jsonArray({ u"bookmark"_s, u"list"_s }).size(), 1);
    }

    void statsCountTheLibrary()
    {
        const HanjiRun run = hanji({ u"stats"_s, u"--json"_s });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(stats[u"files"_s].toInt(), 4);
        QCOMPARE(stats[u"papers"_s].toInt(), 23);
        QCOMPARE(stats[u"bookmarks"_s].toInt(), 1);  // before the export test adds two
        QCOMPARE(stats[u"read"_s].toInt(), 1);
        QVERIFY(stats[u"index_bytes"_s].toInteger() > 0);
    }

    void exportWritesTheReadingListInOrder()
    {
        QCOMPARE(hanji({ u"bookmark"_s, u"add"_s, u"2312.00752"_s, u"1810.04805"_s, u"--note"_s, u"비교"_s }).exitCode, 0);
        const HanjiRun bibtex = hanji({ u"export"_s, u"--format"_s, u"bibtex"_s, u"--bookmarked"_s, u"--with-notes"_s });
        QCOMPARE(bibtex.exitCode, 0);
        const QString text = QString::fromUtf8(bibtex.out);
        const qsizetype lora = text.indexOf(u"eprint = {2106.09685}"_s);
        const qsizetype mamba = text.indexOf(u"eprint = {2312.00752}"_s);
        const qsizetype bert = text.indexOf(u"eprint = {1810.04805}"_s);
        QVERIFY2(lora >= 0 && lora < mamba && mamba < bert, bibtex.out); // the order they were added
        QVERIFY(text.contains(u"annote = {비교}"_s));

        const QString file = m_dir.filePath(u"out/list.json"_s);
        QDir().mkpath(m_dir.filePath(u"out"_s));
        const HanjiRun json = hanji({ u"export"_s, u"-f"_s, u"json"_s, u"모델"_s, u"--min-votes"_s, u"50"_s, u"-o"_s, file });
        QCOMPARE(json.exitCode, 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonArray papers = QJsonDocument::fromJson(written.readAll()).array();
        QVERIFY(!papers.isEmpty());
        for (const QJsonValue &paper : papers)
            QVERIFY(paper[u"votes"_s].toInt() >= 50);

        const HanjiRun nowhere = hanji({ u"export"_s, u"-f"_s, u"ris"_s, u"-o"_s, m_dir.filePath(u"missing/dir/x.ris"_s) });
        QCOMPARE(nowhere.exitCode, 1);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"missing/dir/x.ris"_s)));
        QCOMPARE(hanji({ u"export"_s, u"-f"_s, u"docx"_s }).exitCode, 2);
    }

    void showPrintsTextOrThePanesHtml()
    {
        const HanjiRun text = hanji({ u"show"_s, u"https://arxiv.org/abs/2106.09685"_s });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith("LoRA: Low-Rank Adaptation"));
        QVERIFY(text.out.contains("What's New"));
        const HanjiRun html = hanji({ u"show"_s, u"2106.09685"_s, u"--html"_s });
        QCOMPARE(html.exitCode, 0);
        QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.out.contains("https://arxiv.org/pdf/2106.09685"));
        QVERIFY(!html.out.contains("<script"));
        QCOMPARE(hanji({ u"show"_s, u"9999.99999"_s }).exitCode, 1);
        QCOMPARE(hanji({ u"show"_s }).exitCode, 2);
    }

    void mistakesGetClearMessages()
    {
        const HanjiRun unknown = hanji({ u"bookmark"_s, u"add"_s, u"2106.09685"_s, u"9999.99999"_s });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("9999.99999") && unknown.err.contains("nothing was changed"), unknown.err);
        QVERIFY(!jsonArray({ u"bookmark"_s, u"list"_s }).isEmpty()); // the known id was not half-applied either

        const HanjiRun missing = hanji({ u"import"_s, m_dir.filePath(u"no-such-folder"_s) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no-such-folder: no such folder"), missing.err);

        QCOMPARE(hanji({ u"read"_s }).exitCode, 2);
        QCOMPARE(hanji({ u"bookmark"_s, u"frob"_s }).exitCode, 2);
        QCOMPARE(hanji({ u"search"_s, u"--min-votes"_s, u"many"_s }).exitCode, 2);
        QCOMPARE(hanji({ u"search"_s, u"--from"_s, u"yesterday"_s }).exitCode, 2);

        // A library folder that is a file cannot be a library.
        QFile file(m_dir.filePath(u"not-a-folder"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const HanjiRun run = runHanji({ u"stats"_s, u"--library"_s, file.fileName() });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("library"));
    }
};

QTEST_GUILESS_MAIN(TestLibraryCommands)
#include "tst_librarycommands.moc"
