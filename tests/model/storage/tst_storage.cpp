#include "importer.h"
#include "indexdatabase.h"
#include "indexreader.h"
#include "ngramtokenizer.h"
#include "paperid.h"
#include "searchquery.h"
#include "sqlutil.h"
#include "testpaths.h"
#include "userdatabase.h"
#include "userstore.h"

#include <QFile>
#include <QSemaphore>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace hanji;

// The storage classes on real SQLite files: what the index reader answers for the
// tests/data fixture, and the user store's cache against what is on disk.
class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void papersComeInTheOrderAsked();
    void labelsAndCounts();
    void fullTextMatchesAnyScript_data();
    void fullTextMatchesAnyScript();
    void searchFactsAreInTheNewestOrder();
    void everyCharacterBeginsOneToken_data();
    void everyCharacterBeginsOneToken();
    void foldedTextFoldsAsTheTokenizer();
    void textTokenizedAheadIsIndexedAlike();
    void damagedStoredTextIsAnErrorNotLess();
    void userStoreKeepsWhatWasCommitted();
    void aChangeWaitsForAnotherWriter();

private:
    QTemporaryDir m_dir;
    std::optional<IndexReader> m_reader;
    QSqlDatabase m_index;
};

void TestStorage::init()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"index.sqlite"_s);
    const ImportReport report = Importer(path).run({ QStringLiteral(HANJI_TEST_DATA_DIR "/digests") });
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error->message));
    Result<IndexDatabase::Opened> opened = IndexDatabase::open(path, u"storage-test"_s);
    QVERIFY(opened);
    m_index = opened->db;
    m_reader.emplace(m_index);
}

void TestStorage::cleanup()
{
    m_reader.reset();
    m_index = QSqlDatabase();
    closeSqlite(u"storage-test"_s);
}

void TestStorage::papersComeInTheOrderAsked()
{
    const QStringList keys { u"2405.10003"_s, u"no-such-paper"_s, u"2405.10001"_s, u"2405.10003"_s };
    const Result<QList<Paper>> papers = m_reader->papers(keys);
    QVERIFY(papers);
    QStringList ids;
    for (const Paper &paper : *papers)
        ids += paper.id;
    QCOMPARE(ids, (QStringList { u"2405.10003"_s, u"2405.10001"_s, u"2405.10003"_s })); // unknown left out
    const Paper &sparse = papers->at(1);
    QCOMPARE(sparse.title, u"Sparse Attention for Long Documents"_s);
    QCOMPARE(sparse.authors, (QStringList { u"Mina Park"_s, u"Jonas Weber"_s }));
    QCOMPARE(sparse.appearances, (QList<Appearance> { { QDate(2024, 5, 20), 31 } }));
    QCOMPARE(sparse.sections.size(), 2);
    QVERIFY(sparse.sourceFile.endsWith(u"mixed-scripts.md"_s));
    QCOMPARE(papers->at(0).votes(), std::nullopt); // the Korean paper gives no votes
    QVERIFY(m_reader->papers({}).value().isEmpty());
}

void TestStorage::labelsAndCounts()
{
    const Result<QHash<QString, PaperLabel>> labels = m_reader->labels({ u"2405.10002"_s, u"nothing"_s });
    QVERIFY(labels);
    QCOMPARE(labels->size(), 1);
    QCOMPARE(labels->value(u"2405.10002"_s).title, u"视觉语言模型的高效微调"_s);
    QCOMPARE(labels->value(u"2405.10002"_s).url, u"https://arxiv.org/abs/2405.10002"_s);
    // An arXiv page is stored as '' and made again: every label links what the paper's own
    // Markdown links, a heading without a link included.
    const QStringList keys = m_reader->keys().value();
    const QHash<QString, PaperLabel> all = m_reader->labels(keys).value();
    QCOMPARE(all.size(), keys.size());
    const QList<Paper> papers = m_reader->papers(keys).value();
    QCOMPARE(papers.size(), keys.size());
    for (const Paper &paper : papers)
        QCOMPARE(all.value(paper.id).url, paper.url);
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const PaperLabel &label) { return isTitleOnlyPaperUrl(label.url); }));

    // Counted by hand in tests/data/digests: every-warning.md has 3 papers of one valid
    // day and 7 warnings, mixed-scripts.md 3 papers of another day with 31 + 12 votes.
    const Result<IndexCounts> counts = m_reader->counts();
    QVERIFY(counts);
    QCOMPARE(counts->files, 2);
    QCOMPARE(counts->days, 2);
    QCOMPARE(counts->papers, 6);
    QCOMPARE(counts->entries, 6);
    QCOMPARE(counts->votesTotal, 31 + 12 + 7);
    QCOMPARE(counts->warnings, 7);
    QCOMPARE(m_reader->contains(u"2405.10001"_s), true);
    QCOMPARE(m_reader->contains(u"2405.99999"_s), false);
}

void TestStorage::fullTextMatchesAnyScript_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("paper");
    QTest::addRow("English word, any case") << u"SPARSE"_s << u"2405.10001"_s;
    QTest::addRow("one Chinese character") << u"微"_s << u"2405.10002"_s;
    QTest::addRow("one Korean syllable") << u"증"_s << u"2405.10003"_s;
    QTest::addRow("a pair") << u"증류"_s << u"2405.10003"_s;
    QTest::addRow("Latin inside Korean text") << u"LoRA"_s << u"2405.10003"_s;
    QTest::addRow("authors column") << u"author:Weber"_s << u"2405.10001"_s;
    QTest::addRow("a character and a word") << u"微 模型"_s << u"2405.10002"_s;
}

void TestStorage::fullTextMatchesAnyScript()
{
    QFETCH(QString, query);
    QFETCH(QString, paper);
    const Result<QList<FullTextHit>> hits = m_reader->fullTextMatches(fullTextMatch(parseSearchText(query)));
    QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
    QCOMPARE(hits->size(), 1);
    const SearchFacts facts = m_reader->searchFacts().value();
    QCOMPARE(facts.at(facts.indexOfRow(hits->constFirst().row)).key, paper);
}

// The facts know the Newest order that search walks: latest date, then votes (unknown as
// none), then row, each from the highest.
void TestStorage::searchFactsAreInTheNewestOrder()
{
    struct Given {
        qint64 row;
        qint64 date;
        int votes;
        QString key;
    };
    const QList<Given> given { { 5, 100, 3, u"d"_s }, { 9, 101, 0, u"a"_s }, { 2, 100, 3, u"e"_s },
                               { 7, 100, 8, u"c"_s }, { 4, 99, 50, u"f"_s }, { 11, 101, 0, u"b"_s } };
    QHash<qint64, PaperFacts> byRow;
    for (const Given &paper : given) {
        PaperFacts facts;
        facts.key = paper.key;
        facts.latestDate = paper.date;
        facts.votes = paper.votes;
        byRow.insert(paper.row, facts);
    }
    const SearchFacts facts(byRow);
    QStringList order;
    for (const qsizetype index : facts.newest())
        order += facts.at(index).key;
    QCOMPARE(order, (QStringList { u"b"_s, u"a"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s }));
    for (const Given &paper : given)
        QCOMPARE(facts.at(facts.indexOfRow(paper.row)).key, paper.key);
    QCOMPARE(facts.indexOfRow(3), -1);
    QCOMPARE(facts.indexOfRow(12), -1);
}

void TestStorage::everyCharacterBeginsOneToken_data()
{
    QTest::addColumn<QString>("tokenizer");
    QTest::addRow("pairs, and characters apart (version 4)") << u"hanji_ngram"_s;
    QTest::addRow("every character and pair (version 2)") << u"hanji_ngram_v2"_s;
}

// Both layouts answer a term of any length exactly, wherever in a text it stands: first, last,
// alone, repeated, across collapsed white space, in any case. The oracle is QString::contains.
void TestStorage::everyCharacterBeginsOneToken()
{
    QFETCH(QString, tokenizer);
    const QString connection = u"tokens-"_s + tokenizer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QVERIFY(registerNgramTokenizer(db));
        QVERIFY(execSql(db, u"CREATE VIRTUAL TABLE t USING fts5(a, content='', tokenize='%1')"_s.arg(tokenizer)));
        // Version 4 answers a term of one character from a table of its own.
        const bool apart = tokenizer == u"hanji_ngram"_s;
        QVERIFY(execSql(db, u"CREATE VIRTUAL TABLE c USING fts5(a, content='', detail=none, tokenize='hanji_chars')"_s));
        const QStringList texts { u"ab"_s, u"b"_s, u"ba"_s, u"xyz"_s, u"모델"_s, u"언어  모델"_s, u"학"_s, u"LoRA 𝛼"_s,
                                  u"aXa yay"_s, u"델모모델"_s };
        QSqlQuery insert(db);
        for (const QString &table : { u"t"_s, u"c"_s }) {
            insert.prepare(u"INSERT INTO %1(rowid, a) VALUES (?, ?)"_s.arg(table));
            for (qsizetype i = 0; i < texts.size(); ++i) {
                insert.addBindValue(i);
                insert.addBindValue(texts.at(i));
                QVERIFY(insert.exec());
            }
        }
        for (const QString &term : { u"a"_s, u"b"_s, u"z"_s, u"y"_s, u"ab"_s, u"yz"_s, u"xz"_s, u"모"_s, u"델"_s, u"모델"_s,
                                     u"어 모"_s, u"언어 모델"_s, u"학"_s, u"lora"_s, u"A"_s, u"𝛼"_s, u"a 𝛼"_s, u"q"_s, u"ay"_s,
                                     u"a y"_s, u"모모"_s, u"델모"_s, u"xa"_s, u"a yay"_s, u"xa ya"_s, u"어 모델"_s, u"LoRA 𝛼"_s,
                                     u"ra 𝛼"_s, u"델 모"_s }) {
            QSet<qint64> expected;
            for (qsizetype i = 0; i < texts.size(); ++i) {
                if (texts.at(i).simplified().contains(term, Qt::CaseInsensitive))
                    expected.insert(i);
            }
            const QString phrase = ngramPhrase(term);
            QSqlQuery select(db);
            select.prepare(apart && isOneCharacter(term) ? u"SELECT rowid FROM c WHERE c MATCH ?"_s
                                                         : u"SELECT rowid FROM t WHERE t MATCH ?"_s);
            select.addBindValue(phrase);
            QVERIFY2(select.exec(), qPrintable(select.lastError().text()));
            QSet<qint64> found;
            while (select.next())
                found.insert(select.value(0).toLongLong());
            QVERIFY2(found == expected, qPrintable(u"%1: %2 rows, expected %3"_s.arg(phrase).arg(found.size()).arg(expected.size())));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

// The importer tokenizes a paper's text on another thread and the tokenizers give those
// tokens again when SQLite hands them that text (TokenizedText): the index they make must be
// the one tokenizing the text there makes, token for token and position for position, and a
// text other than the one tokenized ahead is tokenized as usual.
void TestStorage::textTokenizedAheadIsIndexedAlike()
{
    const QString connection = u"tokenized-ahead"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QVERIFY(registerNgramTokenizer(db));
        for (const QString &name : { u"direct"_s, u"ahead"_s }) {
            QVERIFY(execSql(db, u"CREATE VIRTUAL TABLE %1_pairs USING fts5(text, content='', tokenize='hanji_ngram')"_s.arg(name)));
            QVERIFY(execSql(db, u"CREATE VIRTUAL TABLE %1_chars USING fts5(text, content='', detail=none, tokenize='hanji_chars')"_s.arg(name)));
            for (const QString &table : { name + u"_pairs"_s, name + u"_chars"_s })
                QVERIFY(execSql(db, u"CREATE VIRTUAL TABLE %1_terms USING fts5vocab(%1, 'instance')"_s.arg(table)));
        }
        const QList<QString> texts {
            fieldsText({ u"대규모  언어\r\n모델의 확산"_s, u"Attention Is All You Need"_s, u"Noam Shazeer, Ashish Vaswani"_s }),
            fieldsText({ u"  Ünïcode ΑΒΓ straße 𝛼𝛽 "_s, u""_s, u"Ｆｕｌｌｗｉｄｔｈ"_s }),
            fieldsText({ u"a"_s, u"b c"_s, u"모"_s }),
            fieldsText({ u"x\x1ey"_s }),
        };
        const TokenizedText other(u"another paper's text"_s);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            for (const QString &table : { u"direct_pairs"_s, u"direct_chars"_s }) {
                QSqlQuery insert(db);
                insert.prepare(u"INSERT INTO %1(rowid, text) VALUES (?, ?)"_s.arg(table));
                insert.addBindValue(i);
                insert.addBindValue(texts.at(i));
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
            const TokenizedText ahead(texts.at(i));
            const TokenizedTextInUse inUse(i == 2 ? other : ahead); // the third finds another's tokens
            for (const QString &table : { u"ahead_pairs"_s, u"ahead_chars"_s }) {
                QSqlQuery insert(db);
                insert.prepare(u"INSERT INTO %1(rowid, text) VALUES (?, ?)"_s.arg(table));
                insert.addBindValue(i);
                insert.addBindValue(ahead.utf8());
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
        }
        for (const QString &kind : { u"pairs"_s, u"chars"_s }) {
            QStringList rows[2];
            for (int t = 0; t < 2; ++t) {
                QSqlQuery select(db);
                QVERIFY(select.exec(u"SELECT term, doc, col, offset FROM %1_%2_terms ORDER BY term, doc, offset"_s
                                        .arg(t == 0 ? u"direct"_s : u"ahead"_s, kind)));
                while (select.next()) {
                    rows[t] += u"%1 %2 %3 %4"_s.arg(select.value(0).toString(), select.value(1).toString(),
                                                    select.value(2).toString(), select.value(3).toString());
                }
            }
            QVERIFY(rows[0].size() > 50);
            QCOMPARE(rows[1], rows[0]);
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

// foldedText is what search checks a field against and what relevance weighs: ASCII takes
// a shorter way there than other text, and both must fold as QString does.
void TestStorage::foldedTextFoldsAsTheTokenizer()
{
    for (const QString &text : { QString(), u"  "_s, u"Attention Is All You Need"_s, u"  Noam\tShazeer,\n  Ashish  "_s,
                                 u"GPT-4o [Preview]: 3D!"_s, u"LoRA 모델"_s, u"  Ünïcode ΑΒΓ  abc "_s, u"대규모  언어\r\n모델"_s,
                                 u"a\x1e" "b"_s }) {
        QString spaced = text;
        spaced.replace(u'\x1e', u' '); // a field break is white space outside the index
        QCOMPARE(foldedText(text), spaced.toCaseFolded().simplified().toUtf8());
    }
}

// A file's Markdown is stored compressed (file_texts) and read back whole or not at all:
// bytes that are no longer a zstd frame fail the read and mark the index for rebuilding,
// never a paper shown without its text.
void TestStorage::damagedStoredTextIsAnErrorNotLess()
{
    const QString path = m_index.databaseName();
    QVERIFY(m_reader->papers({ u"2405.10001"_s }));
    QCOMPARE(m_reader->entries(u"2405.10001"_s).value().value(0).sections.size(), 2);
    QVERIFY(execSql(m_index, u"UPDATE file_texts SET text = x'28b52ffd0058'"_s));
    const Result<QList<Paper>> papers = m_reader->papers({ u"2405.10001"_s });
    QVERIFY(!papers);
    QVERIFY2(papers.error().message.contains(u"damaged"_s), qPrintable(papers.error().message));
    QVERIFY(QFile::exists(path + u".damaged"_s));
    QVERIFY(!m_reader->entries(u"2405.10001"_s));
}

void TestStorage::userStoreKeepsWhatWasCommitted()
{
    const QString path = m_dir.filePath(u"userdata.sqlite"_s);
    {
        Result<UserDatabase::Opened> opened = UserDatabase::open(path, u"user-a"_s);
        QVERIFY(opened);
        UserStore store(opened->db);
        QVERIFY(store.load());
        QVERIFY(store.addBookmarks({ u"2405.10001"_s, u"2405.10002"_s }, m_reader->labels({ u"2405.10001"_s }).value()));
        QVERIFY(store.setNote(u"2405.10001"_s, u"다시 읽기"_s));
        QVERIFY(store.setTags(u"2405.10001"_s, { u" long context "_s, u"a,b"_s, u"long context"_s, QString() }));
        QVERIFY(store.setRead({ u"2405.10002"_s }, true));
        QVERIFY(store.removeBookmarks({ u"2405.10002"_s }));
        QCOMPARE(store.state(u"2405.10001"_s).tags, (QStringList { u"long context"_s, u"ab"_s }));
        // A setting turned off (a null string, as the sync folder's) is stored as empty.
        QVERIFY(store.setSetting(u"sync/folder"_s, u"/somewhere"_s));
        QVERIFY(store.setSetting(u"sync/folder"_s, QString()));
        QCOMPARE(store.setting(u"sync/folder"_s).value(), QString());
        opened->db = QSqlDatabase();
    }
    closeSqlite(u"user-a"_s);

    // A second connection reads the same from disk.
    Result<UserDatabase::Opened> opened = UserDatabase::open(path, u"user-b"_s);
    QVERIFY(opened);
    {
        UserStore store(opened->db);
        QVERIFY(store.load());
        QCOMPARE(store.bookmarkIds().value(), QStringList { u"2405.10001"_s });
        const UserState kept = store.state(u"2405.10001"_s);
        QVERIFY(kept.bookmarked);
        QCOMPARE(kept.note, u"다시 읽기"_s);
        QCOMPARE(kept.tags, (QStringList { u"long context"_s, u"ab"_s }));
        QVERIFY(!kept.read);
        const UserState removed = store.state(u"2405.10002"_s);
        QVERIFY(!removed.bookmarked);
        QVERIFY(removed.read); // read state outlives the bookmark
        QVERIFY(store.setSetting(u"lastPaper"_s, u"2405.10001"_s));
        QCOMPARE(store.setting(u"lastPaper"_s).value(), u"2405.10001"_s);
        QCOMPARE(store.setting(u"unset"_s).value(), QString());
    }
    opened->db = QSqlDatabase();
    closeSqlite(u"user-b"_s);
}

// Another connection holds the write lock while the user bookmarks, as an import's worker
// does noting arrivals: the bookmark waits for it and is kept. A transaction begun deferred
// read the field first and then failed at once ("database is locked") once the other wrote.
void TestStorage::aChangeWaitsForAnotherWriter()
{
    const QString path = m_dir.filePath(u"userdata.sqlite"_s);
    Result<UserDatabase::Opened> opened = UserDatabase::open(path, u"user-waits"_s);
    QVERIFY(opened);
    {
        UserStore store(opened->db);
        QVERIFY(store.load());
        QSemaphore holding;
        std::atomic_bool wrote = false;
        std::thread other([&] {
            const QString connection = uniqueConnectionName(u"other-writer"_s);
            {
                const Result<QSqlDatabase> db = openSqlite(path, connection);
                const bool held = db && beginWriting(*db)
                    && execSql(*db, u"INSERT INTO paper_arrivals(paper_id, arrived_at) VALUES ('2405.10009', '')"_s);
                holding.release();
                if (held) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    wrote = execSql(*db, u"COMMIT"_s).has_value();
                }
            }
            closeSqlite(connection);
        });
        holding.acquire();
        const Result<> bookmarked = store.addBookmarks({ u"2405.10001"_s }, {});
        other.join();
        QVERIFY(wrote);
        QVERIFY2(bookmarked, qPrintable(bookmarked ? QString() : bookmarked.error().message));
        QVERIFY(store.state(u"2405.10001"_s).bookmarked);
        QCOMPARE(store.bookmarkIds().value(), QStringList { u"2405.10001"_s });
    }
    opened->db = QSqlDatabase();
    closeSqlite(u"user-waits"_s);
}

QTEST_GUILESS_MAIN(TestStorage)

#include "tst_storage.moc"
