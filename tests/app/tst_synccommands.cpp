#include "testpaths.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

// hanji sync and hanji userdata as users run them: separate processes, each with a library of
// its own (--library), sharing one sync folder as Syncthing or Dropbox would share it.
class TestSyncCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_digests;

    static HanjiRun in(const QString &library, QStringList arguments)
    {
        return runHanji(arguments << u"--library"_s << library);
    }

    static bool ran(const QString &library, const QStringList &arguments)
    {
        const HanjiRun run = in(library, arguments);
        if (run.exitCode != 0)
            qWarning("hanji %s failed: %s", qPrintable(arguments.join(u' ')), run.err.constData());
        return run.exitCode == 0;
    }

    // What the user sees of the library: the reading list in order (ids, notes, tags, times
    // added) and every paper's read state.
    static QString visible(const QString &library)
    {
        const HanjiRun list = in(library, { u"bookmark"_s, u"list"_s, u"--json"_s });
        const HanjiRun all = in(library, { u"search"_s, u"--json"_s });
        if (list.exitCode != 0 || all.exitCode != 0)
            return u"(failed: %1 %2)"_s.arg(QString::fromUtf8(list.err), QString::fromUtf8(all.err));
        QStringList lines;
        for (const QJsonValue &paper : QJsonDocument::fromJson(list.out).array()) {
            QStringList tags;
            for (const QJsonValue &tag : paper[u"tags"_s].toArray())
                tags += tag.toString();
            lines += u"★ %1 [%2] {%3} %4"_s.arg(paper[u"id"_s].toString(), paper[u"note"_s].toString(), tags.join(u','),
                                               paper[u"bookmarked_at"_s].toString());
        }
        QStringList read;
        for (const QJsonValue &paper : QJsonDocument::fromJson(all.out).array()) {
            if (paper[u"read"_s].toBool())
                read += paper[u"id"_s].toString();
        }
        read.sort();
        return lines.join(u'\n') + u"\nread: "_s + read.join(u' ');
    }

    // The library's saved searches, each with its query and every filter, by name.
    static QString savedOf(const QString &library)
    {
        const HanjiRun list = in(library, { u"saved"_s, u"list"_s, u"--json"_s });
        if (list.exitCode != 0)
            return u"(failed: %1)"_s.arg(QString::fromUtf8(list.err));
        QStringList lines;
        for (const QJsonValue &search : QJsonDocument::fromJson(list.out).array()) {
            const auto text = [&](const QString &key) {
                const QJsonValue value = search[key];
                return value.isDouble() ? QString::number(value.toInt()) : value.toString();
            };
            lines += u"%1: %2 votes %3..%4 dates %5..%6%7%8"_s.arg(text(u"name"_s), text(u"query"_s), text(u"min_votes"_s),
                                                                 text(u"max_votes"_s), text(u"from"_s), text(u"to"_s))
                         .arg(search[u"bookmarked_only"_s].toBool() ? u" bookmarked"_s : QString(),
                              search[u"unread_only"_s].toBool() ? u" unread"_s : QString());
        }
        return lines.join(u'\n');
    }

    QString newLibrary(const QString &name)
    {
        const QString library = m_dir.filePath(name);
        if (!ran(library, { u"import"_s, m_digests }))
            qWarning("could not import into %s", qPrintable(library));
        return library;
    }

    // Syncs the libraries below root (copies, so every order starts alike) in the order given,
    // twice round, and returns what each then shows.
    static QStringList syncInOrder(const QString &root, const QStringList &names, const QList<int> &order,
                                   QString (*show)(const QString &) = &visible)
    {
        QStringList shown;
        for (int round = 0; round < 2; ++round) {
            for (int i : order) {
                if (!ran(root + u'/' + names[i], { u"sync"_s, u"--folder"_s, root + u"/shared"_s }))
                    return { u"(sync failed)"_s };
            }
        }
        for (const QString &name : names)
            shown += show(root + u'/' + name);
        return shown;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_digests = m_dir.filePath(u"digests"_s);
        QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), m_digests));
    }

    void twoLibrariesConvergeInBothOrders()
    {
        const QString root = m_dir.filePath(u"two"_s);
        const QString laptop = root + u"/laptop"_s;
        const QString desktop = root + u"/desktop"_s;
        const QString shared = root + u"/shared"_s;
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(ran(laptop, { u"import"_s, m_digests }));
        QVERIFY(ran(desktop, { u"import"_s, m_digests }));
        QVERIFY(ran(laptop, { u"bookmark"_s, u"add"_s, u"1706.03762"_s, u"--note"_s, u"처음 읽기"_s }));
        QVERIFY(ran(desktop, { u"bookmark"_s, u"add"_s, u"2106.09685"_s, u"--tags"_s, u"lora"_s }));
        const HanjiRun first = in(laptop, { u"sync"_s, u"--folder"_s, shared });
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("Synced with"), first.out);
        QVERIFY(ran(desktop, { u"sync"_s, u"--folder"_s, shared }));
        // The folder is remembered: later syncs need no --folder.
        QVERIFY(ran(desktop, { u"bookmark"_s, u"add"_s, u"1706.03762"_s, u"--note"_s, u"desktop, later"_s }));
        QVERIFY(ran(desktop, { u"read"_s, u"1706.03762"_s }));
        QVERIFY(ran(laptop, { u"read"_s, u"2312.00752"_s }));
        QVERIFY(ran(laptop, { u"bookmark"_s, u"remove"_s, u"2106.09685"_s })); // after laptop's first sync gave it nothing of it
        QVERIFY(ran(desktop, { u"sync"_s }));
        const QStringList names { u"laptop"_s, u"desktop"_s };
        QString agreed;
        for (const QList<int> &order : { QList<int> { 0, 1 }, QList<int> { 1, 0 } }) {
            const QString copy = m_dir.filePath(u"two-%1%2"_s.arg(order[0]).arg(order[1]));
            QVERIFY(copyFolder(root, copy));
            const QStringList shown = syncInOrder(copy, names, order);
            if (agreed.isEmpty())
                agreed = shown[0];
            QCOMPARE(shown[0], agreed);
            QCOMPARE(shown[1], agreed);
        }
        QVERIFY2(agreed.contains(u"★ 1706.03762 [desktop, later] {}"_s), qPrintable(agreed));
        // laptop never saw desktop's bookmark of 2106.09685 when it removed it... it did not
        // have it at all, so the removal did nothing and desktop's bookmark stands.
        QVERIFY2(agreed.contains(u"★ 2106.09685 [] {lora}"_s), qPrintable(agreed));
        QVERIFY2(agreed.endsWith(u"read: 1706.03762 2312.00752"_s), qPrintable(agreed));
    }

    void threeLibrariesConvergeInEveryOrder()
    {
        const QString root = m_dir.filePath(u"three"_s);
        const QString shared = root + u"/shared"_s;
        QVERIFY(QDir().mkpath(shared));
        const QStringList names { u"a"_s, u"b"_s, u"c"_s };
        for (const QString &name : names)
            QVERIFY(ran(root + u'/' + name, { u"import"_s, m_digests }));
        const auto at = [&](int i) { return root + u'/' + names[i]; };
        const auto sync = [&](int i) { return ran(at(i), { u"sync"_s, u"--folder"_s, shared }); };
        // Interleaved edits, each machine seeing some of the others'.
        QVERIFY(ran(at(0), { u"bookmark"_s, u"add"_s, u"1706.03762"_s, u"2106.09685"_s, u"--note"_s, u"a's note"_s }));
        QVERIFY(ran(at(0), { u"read"_s, u"2106.09685"_s }));
        QVERIFY(sync(0));
        QVERIFY(sync(1));
        QVERIFY(ran(at(1), { u"bookmark"_s, u"remove"_s, u"1706.03762"_s }));
        QVERIFY(ran(at(1), { u"bookmark"_s, u"add"_s, u"2106.09685"_s, u"--tags"_s, u"lora,peft"_s }));
        QVERIFY(ran(at(2), { u"bookmark"_s, u"add"_s, u"2312.00752"_s, u"--note"_s, u"c's note"_s }));
        QVERIFY(ran(at(2), { u"read"_s, u"2312.00752"_s, u"1810.04805"_s }));
        QVERIFY(sync(1));
        QVERIFY(ran(at(0), { u"read"_s, u"--unread"_s, u"2106.09685"_s }));
        QVERIFY(ran(at(0), { u"bookmark"_s, u"add"_s, u"2312.00752"_s, u"--note"_s, u"a's view of c's paper"_s })); // before seeing c's
        QVERIFY(sync(2));
        QVERIFY(ran(at(2), { u"read"_s, u"--unread"_s, u"1810.04805"_s }));

        QList<int> order { 0, 1, 2 };
        QString agreed;
        int runs = 0;
        do {
            const QString copy = m_dir.filePath(u"three-%1"_s.arg(runs++));
            QVERIFY(copyFolder(root, copy));
            const QStringList shown = syncInOrder(copy, names, order);
            for (const QString &state : shown) {
                if (agreed.isEmpty())
                    agreed = state;
                QCOMPARE(state, agreed);
            }
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(runs, 6);
        QVERIFY2(!agreed.contains(u"1706.03762"_s), qPrintable(agreed)); // removed by b after it saw a's: stays removed
        QVERIFY2(agreed.contains(u"★ 2106.09685 [a's note] {lora,peft}"_s), qPrintable(agreed));
        QVERIFY2(agreed.contains(u"★ 2312.00752 [a's view of c's paper]"_s), qPrintable(agreed)); // a's note is later
        QVERIFY2(agreed.endsWith(u"read: 2312.00752"_s), qPrintable(agreed));
    }

    void savedSearchesSyncBetweenThreeLibraries()
    {
        const QString root = m_dir.filePath(u"saved"_s);
        const QString shared = root + u"/shared"_s;
        QVERIFY(QDir().mkpath(shared));
        const QStringList names { u"a"_s, u"b"_s, u"c"_s };
        for (const QString &name : names)
            QVERIFY(ran(root + u'/' + name, { u"import"_s, m_digests }));
        const auto at = [&](int i) { return root + u'/' + names[i]; };
        const auto sync = [&](int i) { return ran(at(i), { u"sync"_s, u"--folder"_s, shared }); };
        // Saved before sync: on b and c, it comes with its filters.
        QVERIFY(ran(at(0), { u"saved"_s, u"add"_s, u"diffusion"_s, u"diffusion"_s, u"model"_s, u"--min-votes"_s, u"3"_s,
                             u"--max-votes"_s, u"900"_s, u"--from"_s, u"2024-01-01"_s, u"--to"_s, u"2024-12-31"_s,
                             u"--bookmarked"_s, u"--unread"_s }));
        QVERIFY(ran(at(0), { u"saved"_s, u"add"_s, u"agents"_s, u"agent"_s }));
        QVERIFY(sync(0));
        const HanjiRun first = in(at(1), { u"sync"_s, u"--folder"_s, shared });
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("2 saved searches"), first.out);
        QVERIFY(sync(2));
        const QString expected = u"agents: agent votes .. dates ..\n"
                                 "diffusion: diffusion model votes 3..900 dates 2024-01-01..2024-12-31 bookmarked unread"_s;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(savedOf(at(i)), expected);

        // Renamed on b: renamed everywhere.
        QVERIFY(ran(at(1), { u"saved"_s, u"rename"_s, u"diffusion"_s, u"diffusion 2024"_s }));
        QVERIFY(sync(1));
        QVERIFY(sync(0));
        QVERIFY(sync(2));
        const QString renamed = u"agents: agent votes .. dates ..\n"
                                "diffusion 2024: diffusion model votes 3..900 dates 2024-01-01..2024-12-31 bookmarked unread"_s;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(savedOf(at(i)), renamed);

        // Removed on a: a file from before (any machine's: each then held it), come back as a
        // conflict copy, does not bring it back.
        const QString syncDir = shared + u"/hanji-sync"_s;
        const QStringList files = QDir(syncDir).entryList({ u"*.json"_s }, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 3);
        QFile older(syncDir + u'/' + files.constFirst());
        QVERIFY(older.open(QIODevice::ReadOnly));
        const QByteArray olderBytes = older.readAll();
        older.close();
        QVERIFY2(olderBytes.contains("\"agents\""), olderBytes);
        QVERIFY(ran(at(0), { u"saved"_s, u"remove"_s, u"agents"_s }));
        QVERIFY(sync(0));
        QFile copy(syncDir + u"/old.sync-conflict-20261201-000000-ABC.json"_s);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(olderBytes);
        copy.close();

        // Concurrent saves of one name, unsynced, the last on c.
        QVERIFY(ran(at(1), { u"saved"_s, u"add"_s, u"same"_s, u"from b"_s, u"--min-votes"_s, u"5"_s }));
        QVERIFY(ran(at(0), { u"saved"_s, u"add"_s, u"same"_s, u"from a"_s, u"--unread"_s }));
        QVERIFY(ran(at(2), { u"saved"_s, u"add"_s, u"same"_s, u"from c"_s, u"--max-votes"_s, u"7"_s }));

        QList<int> order { 0, 1, 2 };
        QString agreed;
        int runs = 0;
        do {
            const QString run = m_dir.filePath(u"saved-%1"_s.arg(runs++));
            QVERIFY(copyFolder(root, run));
            const QStringList shown = syncInOrder(run, names, order, &savedOf);
            for (const QString &state : shown) {
                if (agreed.isEmpty())
                    agreed = state;
                QCOMPARE(state, agreed);
            }
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(runs, 6);
        QCOMPARE(agreed, u"diffusion 2024: diffusion model votes 3..900 dates 2024-01-01..2024-12-31 bookmarked unread\n"
                         "same: from c votes ..7 dates .."_s); // agents stays removed; c's save, the last, whole
    }

    void damagedFileIsSkippedWithItsName()
    {
        const QString root = m_dir.filePath(u"damaged"_s);
        const QString library = root + u"/lib"_s;
        const QString shared = root + u"/shared"_s;
        QVERIFY(QDir().mkpath(shared + u"/hanji-sync"_s));
        QFile bad(shared + u"/hanji-sync/0123456789abcdef.json"_s);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        // Cut short in its first record, as a sync tool leaves a file it has not finished.
        bad.write("{\"format\": \"hanji-userdata\", \"version\": 1, \"machine\": \"0123456789abcdef\", \"records\": [ ");
        bad.close();
        const HanjiRun run = in(library, { u"sync"_s, u"--folder"_s, shared });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("skipped " + bad.fileName().toUtf8() + ": not whole JSON"), run.err);
        QVERIFY(QFileInfo::exists(bad.fileName()));
        QCOMPARE(in(library, { u"sync"_s, u"--folder"_s, root + u"/missing"_s }).exitCode, 1);
        QCOMPARE(in(m_dir.filePath(u"never-synced"_s), { u"sync"_s }).exitCode, 2);
    }

    void userDataExportThenImport()
    {
        const QString from = newLibrary(u"export-from"_s);
        const QString to = newLibrary(u"import-to"_s);
        QVERIFY(ran(to, { u"bookmark"_s, u"add"_s, u"2312.00752"_s, u"--note"_s, u"mine"_s }));
        QVERIFY(ran(to, { u"bookmark"_s, u"add"_s, u"1810.04805"_s, u"--note"_s, u"to's own"_s }));
        // Newer changes in the file than in the library: a note rewritten, a bookmark removed.
        QVERIFY(ran(from, { u"bookmark"_s, u"add"_s, u"1706.03762"_s, u"--note"_s, u"옮길 메모"_s, u"--tags"_s, u"x,y"_s }));
        QVERIFY(ran(from, { u"bookmark"_s, u"add"_s, u"1810.04805"_s, u"--note"_s, u"from's, newer"_s }));
        QVERIFY(ran(from, { u"bookmark"_s, u"add"_s, u"2312.00752"_s }));
        QVERIFY(ran(from, { u"bookmark"_s, u"remove"_s, u"2312.00752"_s }));
        QVERIFY(ran(from, { u"read"_s, u"2106.09685"_s }));
        QVERIFY(ran(from, { u"saved"_s, u"add"_s, u"mamba"_s, u"mamba"_s, u"--min-votes"_s, u"2"_s, u"--unread"_s }));
        QVERIFY(ran(to, { u"saved"_s, u"add"_s, u"lora"_s, u"lora"_s }));
        const QString file = m_dir.filePath(u"userdata.json"_s);
        const HanjiRun exported = in(from, { u"userdata"_s, u"export"_s, file });
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.out.contains("2 bookmarks, 1 read mark and 1 saved search"), exported.out);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(root[u"format"_s].toString(), u"hanji-userdata"_s);
        QCOMPARE(root[u"version"_s].toInt(), 1);

        // Merge adds what the library lacks and keeps all it had, newer changes in the file or not.
        QVERIFY(ran(to, { u"userdata"_s, u"import"_s, file }));
        const QString merged = visible(to);
        QVERIFY2(merged.contains(u"★ 1706.03762 [옮길 메모] {x,y}"_s), qPrintable(merged));
        QVERIFY2(merged.contains(u"★ 2312.00752 [mine]"_s), qPrintable(merged));
        QVERIFY2(merged.contains(u"★ 1810.04805 [to's own]"_s), qPrintable(merged));
        QVERIFY2(merged.contains(u"read: 2106.09685"_s), qPrintable(merged));
        QCOMPARE(savedOf(to), u"lora: lora votes .. dates ..\nmamba: mamba votes 2.. dates .. unread"_s);
        QCOMPARE(in(to, { u"userdata"_s, u"import"_s, file }).exitCode, 0); // again: the same
        QCOMPARE(visible(to), merged);

        // Replace makes it the file's exactly, after a backup copy.
        const HanjiRun replaced = in(to, { u"userdata"_s, u"import"_s, file, u"--replace"_s });
        QCOMPARE(replaced.exitCode, 0);
        QVERIFY2(replaced.err.contains("kept in"), replaced.err);
        QCOMPARE(visible(to), visible(from));
        QCOMPARE(savedOf(to), savedOf(from)); // lora, not in the file, removed
        const QStringList backups = QDir(to).entryList({ u"userdata.before-import-*.sqlite"_s });
        QCOMPARE(backups.size(), 1);
        // The backup holds what was replaced: opened as a library, it still has "mine".
        const QString restored = m_dir.filePath(u"restored"_s);
        QVERIFY(QDir().mkpath(restored));
        QVERIFY(QFile::copy(to + u'/' + backups[0], restored + u"/userdata.sqlite"_s));
        QVERIFY2(visible(restored).contains(u"2312.00752"_s), qPrintable(visible(restored)));

        // A damaged file changes nothing.
        const QString cut = m_dir.filePath(u"cut.json"_s);
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        QFile whole(file);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        c.write(whole.readAll().chopped(40));
        c.close();
        const QString before = visible(to);
        const HanjiRun refused = in(to, { u"userdata"_s, u"import"_s, cut, u"--replace"_s });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("nothing was changed"), refused.err);
        QCOMPARE(visible(to), before);
    }

    void readingListsBecomeBookmarks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("known");
        QTest::addColumn<QString>("missingLine");
        QTest::addRow("ids and links") << QByteArray("# to read\n1706.03762\nhttps://arxiv.org/abs/2106.09685v2\n2501.09999 A paper this library lacks\n")
                                       << QStringList { u"1706.03762"_s, u"2106.09685"_s } << u"2501.09999  A paper this library lacks"_s;
        QTest::addRow("bibtex") << QByteArray("@misc{vaswani2017attention, title = {Attention Is All You Need}, eprint = {1706.03762}}\n"
                                              "@article{hu2021lora, title={LoRA}, doi={10.48550/arXiv.2106.09685}}\n"
                                              "@misc{elsewhere, title = {{Not Here}: A Title}, url = {https://arxiv.org/abs/2501.09998}}\n")
                                << QStringList { u"1706.03762"_s, u"2106.09685"_s } << u"2501.09998  Not Here: A Title"_s;
        QTest::addRow("ris") << QByteArray("TY  - GEN\r\nTI  - Mamba\r\nUR  - https://arxiv.org/abs/2312.00752\r\nER  - \r\n"
                                           "TY  - GEN\r\nTI  - Somewhere else\r\nDO  - 10.48550/arXiv.2501.09997\r\nER  - \r\n")
                             << QStringList { u"2312.00752"_s } << u"2501.09997  Somewhere else"_s;
    }

    void readingListsBecomeBookmarks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, known);
        QFETCH(QString, missingLine);
        const QString library = newLibrary(u"list-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        const QString file = library + u"-list.txt"_s;
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const HanjiRun run = in(library, { u"userdata"_s, u"import"_s, file });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("1 not in the library, kept as bookmarks"), run.out);
        QVERIFY2(QString::fromUtf8(run.out).contains(missingLine), run.out);
        const QString shown = visible(library);
        for (const QString &id : known)
            QVERIFY2(shown.contains(u"★ "_s + id), qPrintable(shown));
        const QString missingId = missingLine.section(u' ', 0, 0);
        QVERIFY2(shown.contains(u"★ "_s + missingId), qPrintable(shown));
        // The bookmark list shows it with the title the list gave.
        const HanjiRun list = in(library, { u"bookmark"_s, u"list"_s });
        QVERIFY2(QString::fromUtf8(list.out).contains(missingLine.section(u"  "_s, 1)), list.out);
        // The title is kept with the bookmark: it travels in the user data.
        const QString exported = library + u"-userdata.json"_s;
        QVERIFY(ran(library, { u"userdata"_s, u"export"_s, exported }));
        QFile e(exported);
        QVERIFY(e.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(e.readAll()).contains(missingLine.section(u"  "_s, 1)));
        QCOMPARE(in(library, { u"userdata"_s, u"import"_s, file, u"--replace"_s }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncCommands)
#include "tst_synccommands.moc"
