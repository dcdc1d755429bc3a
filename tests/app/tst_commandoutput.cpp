#include "testpaths.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Where the command line's output goes when it cannot all be written, and what it refuses to
// start on: the real binary, with its standard output on /dev/full, -o on a full disk, queries
// far too long, and arguments that are not UTF-8.
class TestCommandOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;
    QString m_digests;

    QStringList withLibrary(const QStringList &arguments) const
    {
        return arguments + QStringList { u"--library"_s, m_library };
    }

    // Runs hanji with its standard output written to file (instead of a pipe).
    HanjiRun runWithOutputTo(const QString &file, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(hanjiEnvironment());
        process.setStandardOutputFile(file);
        process.start(QStringLiteral(HANJI_BINARY), arguments);
        process.waitForFinished(120000);
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, {},
                 process.readAllStandardError() };
    }

    // Runs a shell command line with $HANJI set to the binary: for arguments QProcess cannot
    // pass (bytes that are not UTF-8) and for programs that run as root (mount).
    static HanjiRun runShell(const QString &script, const QStringList &arguments = {})
    {
        QProcess process;
        process.setProcessEnvironment([] {
            QProcessEnvironment environment = hanjiEnvironment();
            environment.insert(u"HANJI"_s, QStringLiteral(HANJI_BINARY));
            return environment;
        }());
        process.start(u"/bin/sh"_s, QStringList { u"-c"_s, script, u"sh"_s } + arguments);
        process.waitForFinished(60000);
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                 process.readAllStandardError() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(u"library"_s);
        m_digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), m_digests));
        QCOMPARE(runHanji(withLibrary({ u"import"_s, m_digests })).exitCode, 0);
        QCOMPARE(runHanji(withLibrary({ u"bookmark"_s, u"add"_s, u"2106.09685"_s, u"--note"_s, u"노트"_s })).exitCode, 0);
    }

    void fullStandardOutputFails_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const auto library = [this](const QStringList &arguments) { return withLibrary(arguments); };
        QTest::addRow("export") << library({ u"export"_s, u"--format"_s, u"json"_s, u"--with-summaries"_s });
        QTest::addRow("search") << library({ u"search"_s, u"--json"_s });
        QTest::addRow("bookmark list") << library({ u"bookmark"_s, u"list"_s, u"--json"_s });
        QTest::addRow("stats") << library({ u"stats"_s, u"--json"_s });
        QTest::addRow("show") << library({ u"show"_s, u"2106.09685"_s, u"--html"_s });
        QTest::addRow("check --json") << QStringList { u"check"_s, u"--json"_s, m_digests };
        QTest::addRow("--help") << QStringList { u"--help"_s };
    }

    // /dev/full takes nothing: every write fails with ENOSPC. Exit 0 there meant a reader of
    // the output got half a JSON document and no sign of it.
    void fullStandardOutputFails()
    {
        QFETCH(QStringList, arguments);
        if (!QFile::exists(u"/dev/full"_s))
            QSKIP("this system has no /dev/full");
        const HanjiRun run = runWithOutputTo(u"/dev/full"_s, arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("could not write to standard output: No space left on device"), run.err);
    }

    void outputToDevNull()
    {
        const HanjiRun run = runHanji(withLibrary({ u"export"_s, u"--format"_s, u"csv"_s, u"-o"_s, u"/dev/null"_s }));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("23 papers written to /dev/null"), run.err);
        const QFileInfo devNull(u"/dev/null"_s);
        QVERIFY2(!devNull.isFile(), "/dev/null was replaced by a file");
        // and standard output on /dev/null is no failure either
        QCOMPARE(runWithOutputTo(u"/dev/null"_s, withLibrary({ u"search"_s, u"--json"_s })).exitCode, 0);
    }

    // -o into a filesystem with a little space left: a short write, then ENOSPC. The message
    // says so (it said "Unknown error"), and the file that was there is left as it was.
    void outputToAFullDisk()
    {
        const QString mountPoint = m_dir.filePath(u"small"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        const HanjiRun mounted = runShell(u"mount -t tmpfs -o size=64k hanji-test \"$1\""_s, { mountPoint });
        if (mounted.exitCode != 0)
            QSKIP(qPrintable(u"cannot mount a small tmpfs here (%1); the full-disk case is not tested"_s.arg(
                QString::fromLocal8Bit(mounted.err).trimmed())));
        const auto unmount = qScopeGuard([&] { runShell(u"umount -l \"$1\""_s, { mountPoint }); });

        const QString target = mountPoint + u"/papers.json"_s;
        QFile previous(target);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        QCOMPARE(previous.write("[]\n"), 3);
        previous.close();
        // Fill all but about 16 KiB, so the export starts and runs out part way.
        QFile filler(mountPoint + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        QVERIFY(filler.write(QByteArray(44 * 1024, 'x')) > 0);
        filler.close();

        const HanjiRun run = runHanji(withLibrary({ u"export"_s, u"--format"_s, u"json"_s, u"--with-summaries"_s,
                                                    u"-o"_s, target }));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("No space left on device"), run.err);
        QVERIFY2(!run.err.contains("Unknown error"), run.err);
        QFile kept(target);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("[]\n"));

        // Standard output redirected to a file on that disk fails the same way.
        const HanjiRun redirected = runWithOutputTo(mountPoint + u"/out.json"_s,
                                                    withLibrary({ u"export"_s, u"--format"_s, u"json"_s, u"--with-summaries"_s }));
        QCOMPARE(redirected.exitCode, 1);
        QVERIFY2(redirected.err.contains("No space left on device"), redirected.err);
    }

    void longQueriesAreRefusedQuickly_data()
    {
        QTest::addColumn<qsizetype>("length");
        QTest::addColumn<QByteArray>("message");
        QTest::addRow("6 KB") << qsizetype(6 * 1024) << QByteArray("6144 characters long; at most 500");
        QTest::addRow("100 KB") << qsizetype(100 * 1024) << QByteArray("102400 characters long; at most 500");
        // Within the length, but more words than a search may have.
        QTest::addRow("40 words") << qsizetype(80) << QByteArray("has 40 words; at most 32");
    }

    // One-letter words are the worst case: each matches nearly every paper. 6 KB of them ran
    // for minutes on a year of digests; now any query answers at once.
    void longQueriesAreRefusedQuickly()
    {
        QFETCH(qsizetype, length);
        QFETCH(QByteArray, message);
        QString query;
        for (int i = 0; query.size() < length; ++i)
            query += QChar(u'a' + i % 8) + u' ';
        query.truncate(length);
        for (const QString &command : { u"search"_s, u"export"_s }) {
            QStringList arguments { command, query };
            if (command == u"export"_s)
                arguments += { u"--format"_s, u"json"_s };
            QElapsedTimer timer;
            timer.start();
            const HanjiRun run = runHanji(withLibrary(arguments));
            const qint64 elapsed = timer.elapsed();
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(message), run.err);
            QVERIFY2(run.out.isEmpty(), run.out.left(200));
            // Generous for a loaded machine or a sanitizer build; the refusal itself takes
            // milliseconds.
            QVERIFY2(elapsed < 5000, qPrintable(u"%1 took %2 ms"_s.arg(command).arg(elapsed)));
            qInfo("%s of %lld characters refused in %lld ms", qPrintable(command), qlonglong(length), elapsed);
        }
    }

    void queriesAtTheLimitsAreAnswered()
    {
        QStringList letters;
        for (int i = 0; i < 32; ++i)
            letters += QString(QChar(u'a' + i % 8));
        const HanjiRun terms = runHanji(withLibrary({ u"search"_s, letters.join(u' '), u"--json"_s }));
        QCOMPARE(terms.exitCode, 0);
        QVERIFY(terms.out.startsWith('['));

        const HanjiRun length = runHanji(withLibrary({ u"search"_s, u"\""_s + QString(498, u'가') + u"\""_s }));
        QCOMPARE(length.exitCode, 0);
        QVERIFY2(length.err.isEmpty(), length.err);
    }

    void argumentsThatAreNotUtf8AreRefused_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QByteArray>("message");
        // \351 is é in Latin-1: a file name made on a system that was not UTF-8.
        QTest::addRow("check path") << u"exec \"$HANJI\" check \"$(printf '%s/caf\\351.md' \"$1\")\""_s
                                    << QByteArray("argument 2 (\"");
        QTest::addRow("import folder") << u"exec \"$HANJI\" import --library \"$1/library\" \"$(printf '%s/\\377' \"$1\")\""_s
                                       << QByteArray("argument 4 (\"");
        QTest::addRow("window folder") << u"exec \"$HANJI\" \"$(printf '%s/\\351' \"$1\")\""_s << QByteArray("argument 1 (\"");
    }

    // They were read as U+FFFD and the file was then "not found": refused now, naming the
    // argument with the byte that is wrong.
    void argumentsThatAreNotUtf8AreRefused()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, message);
        const HanjiRun run = runShell(script, { m_dir.path() });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err);
        QVERIFY2(run.err.contains("\\x") && run.err.contains("is not UTF-8"), run.err);
        QVERIFY2(!run.err.contains("\xEF\xBF\xBD"), run.err); // no U+FFFD anywhere
    }
};

QTEST_GUILESS_MAIN(TestCommandOutput)


#include "tst_commandoutput.moc"
