#include "archivegit.h"
#include "testpaths.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// hanji add, update, saved and search --new/--saved as a user types them: the real binary,
// the real git, a bare repository in a temporary folder that a writer pushes new days to.
class TestArchiveCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_remote;
    QString m_writer;
    QString m_library;
    QString m_clone;

    HanjiRun hanji(const QStringList &arguments, const QString &library = QString())
    {
        return runHanji(arguments + QStringList { u"--library"_s, library.isEmpty() ? m_library : library });
    }
    QJsonDocument json(const QStringList &arguments)
    {
        const HanjiRun run = hanji(arguments + QStringList { u"--json"_s });
        [&] { QVERIFY2(run.exitCode == 0, run.err); }();
        return QJsonDocument::fromJson(run.out);
    }
    static QStringList ids(const QJsonDocument &papers)
    {
        QStringList found;
        for (const QJsonValue &paper : papers.array())
            found += paper[u"id"_s].toString();
        found.sort();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        setGitIdentity();
        m_remote = m_dir.filePath(u"remote.git"_s);
        m_writer = m_dir.filePath(u"writer"_s);
        m_library = m_dir.filePath(u"library"_s);
        m_clone = m_dir.filePath(u"clone"_s);
        QVERIFY(makeRemote(m_remote, m_writer));
    }

    void addClonesAndImports()
    {
        const HanjiRun added = hanji({ u"add"_s, m_remote, m_clone });
        QVERIFY2(added.exitCode == 0, added.err);
        QVERIFY2(added.out.contains("cloned"), added.out);
        QVERIFY2(added.out.contains("1 files: 1 read"), added.out);
        QCOMPARE(headOf(m_clone), headOf(m_writer));
        QCOMPARE(json({ u"stats"_s }).object()[u"papers"_s].toInt(), 1);
        QCOMPARE(json({ u"stats"_s }).object()[u"new"_s].toInt(), 0); // the first import is where new starts

        const HanjiRun again = hanji({ u"add"_s, m_remote, m_clone });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("not an empty folder"), again.err);
        QCOMPARE(hanji({ u"add"_s }).exitCode, 2);
    }

    void savedSearchesAreKept()
    {
        QCOMPARE(hanji({ u"saved"_s, u"add"_s, u"diffusion"_s, u"diffusion"_s }).exitCode, 0);
        QCOMPARE(hanji({ u"saved"_s, u"add"_s, u"voted"_s, u"--min-votes"_s, u"2"_s }).exitCode, 0);
        const QJsonArray list = json({ u"saved"_s, u"list"_s }).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0][u"name"_s].toString(), u"diffusion"_s);
        QCOMPARE(list[0][u"query"_s].toString(), u"diffusion"_s);
        QCOMPARE(list[0][u"total"_s].toInt(), 0);
        QCOMPARE(list[1][u"total"_s].toInt(), 1); // every test paper has 3 votes
        QCOMPARE(list[1][u"unread"_s].toInt(), 1);
        QCOMPARE(hanji({ u"saved"_s }).exitCode, 2);
        QCOMPARE(hanji({ u"saved"_s, u"remove"_s }).exitCode, 2);
        QCOMPARE(hanji({ u"saved"_s, u"add"_s, u"bad"_s, u"x"_s, u"--from"_s, u"June"_s }).exitCode, 2);
        const HanjiRun missing = hanji({ u"search"_s, u"--saved"_s, u"nothing-by-that-name"_s });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no saved search"), missing.err);
    }

    void updateBringsWhatIsNew()
    {
        QVERIFY(pushDigest(m_writer, u"2024/06/04.md"_s,
                           digestText(u"2024-06-04"_s, { u"Latent Diffusion for Maps"_s, u"Tool Using Agents"_s }, 20)));
        const HanjiRun updated = hanji({ u"update"_s });
        QVERIFY2(updated.exitCode == 0, updated.err);
        QVERIFY2(updated.out.contains("1 files changed"), updated.out);
        QVERIFY2(updated.out.contains("2 new papers"), updated.out);
        QCOMPARE(headOf(m_clone), headOf(m_writer));

        const QStringList fresh { u"2406.00020"_s, u"2406.00021"_s };
        QCOMPARE(ids(json({ u"search"_s, u"--new"_s })), fresh);
        QCOMPARE(ids(json({ u"search"_s, u"--new"_s, u"agents"_s })), QStringList { u"2406.00021"_s });
        QCOMPARE(json({ u"stats"_s }).object()[u"new"_s].toInt(), 2);
        QCOMPARE(ids(json({ u"search"_s, u"--saved"_s, u"diffusion"_s })), QStringList { u"2406.00020"_s });
        const QJsonArray list = json({ u"saved"_s, u"list"_s }).array();
        QCOMPARE(list[0][u"total"_s].toInt(), 1);
        QCOMPARE(list[0][u"unread"_s].toInt(), 1);
        QCOMPARE(list[0][u"new"_s].toInt(), 1);
        QCOMPARE(hanji({ u"read"_s, u"2406.00020"_s }).exitCode, 0);
        QCOMPARE(json({ u"saved"_s, u"list"_s }).array()[0][u"unread"_s].toInt(), 0);

        const HanjiRun again = hanji({ u"update"_s });
        QVERIFY2(again.exitCode == 0, again.err);
        QVERIFY2(again.out.contains("already up to date"), again.out);
        QVERIFY2(again.out.contains("0 new papers"), again.out);
    }

    void aDirtyCloneIsLeftAsItWas()
    {
        const QString file = QDir(m_clone).filePath(u"2024/06/03.md"_s);
        QVERIFY(writeFile(file, "edited by hand\n"));
        const QString head = headOf(m_clone);
        QVERIFY(pushDigest(m_writer, u"2024/06/05.md"_s, digestText(u"2024-06-05"_s, { u"Later"_s }, 30)));
        const HanjiRun refused = hanji({ u"update"_s });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("not committed") && refused.err.contains("nothing was changed"), refused.err);
        QCOMPARE(headOf(m_clone), head);
        QCOMPARE(readFile(file), QByteArray("edited by hand\n"));
        QVERIFY(!QFileInfo::exists(QDir(m_clone).filePath(u"2024/06/05.md"_s)));
        QCOMPARE(runGitIn(m_clone, { u"checkout"_s, u"--"_s, u"2024/06/03.md"_s }).exitCode, 0);
    }

    void noGitIsAClearMessage()
    {
        // A system without git: PATH leads nowhere.
        QProcessEnvironment environment = hanjiEnvironment();
        environment.insert(u"PATH"_s, m_dir.filePath(u"no-programs-here"_s));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(HANJI_BINARY), { u"update"_s, u"--library"_s, m_library });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("cannot run git") && err.contains("install git"), err);
    }

    void aLibraryWithoutGitHasNothingToUpdate()
    {
        const QString library = m_dir.filePath(u"plain-library"_s);
        const QString folder = m_dir.filePath(u"plain"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), folder));
        QCOMPARE(hanji({ u"import"_s, folder }, library).exitCode, 0);
        const HanjiRun update = hanji({ u"update"_s }, library);
        QCOMPARE(update.exitCode, 1);
        QVERIFY2(update.err.contains("nothing to update"), update.err);
        const HanjiRun empty = hanji({ u"update"_s }, m_dir.filePath(u"empty-library"_s));
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains("no folders"), empty.err);
    }

    void removeSavedSearch()
    {
        QCOMPARE(hanji({ u"saved"_s, u"rename"_s, u"voted"_s, u"popular"_s }).exitCode, 0);
        QCOMPARE(hanji({ u"saved"_s, u"remove"_s, u"popular"_s }).exitCode, 0);
        const HanjiRun gone = hanji({ u"saved"_s, u"remove"_s, u"popular"_s });
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains("no saved search"), gone.err);
        QCOMPARE(json({ u"saved"_s, u"list"_s }).array().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestArchiveCommands)
#include "tst_archivecommands.moc"
