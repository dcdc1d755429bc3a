#include "indexdatabase.h"
#include "ngramtokenizer.h"
#include "postingsreader.h"
#include "postingswriter.h"
#include "sqlutil.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// Three fields of a paper, as the importer indexes them.
using Fields = std::array<QString, 3>;

// The oracle: a term is in a paper when its folded form is inside one of the paper's folded
// fields (foldedText, as search checks a field), found by QByteArray::contains.
bool holds(const Fields &fields, const QString &term)
{
    const QByteArray folded = foldedText(term);
    return std::any_of(fields.cbegin(), fields.cend(), [&](const QString &field) { return foldedText(field).contains(folded); });
}

// Few letters, so that pairs repeat and phrases often almost match: Hangul, Latin in both
// cases, and white space of several kinds.
QString randomText(QRandomGenerator &random, int length)
{
    static const QString alphabet = u"가나다 라aAbB  c\t\n"_s;
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random.bounded(alphabet.size()));
    return text;
}

} // namespace

// Hanji's own full-text postings on a real index: through segments, replaced texts, deleted
// papers and merges, every search answers what the texts themselves say.
class TestPostings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    std::map<qint64, Fields> m_texts; // what each paper holds now

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << sql << query.lastError().text();
        return ok;
    }

    // One batch of an import: replaces or adds these papers' texts and deletes others.
    void batch(const std::map<qint64, Fields> &texts, const QList<qint64> &deleted)
    {
        QVERIFY(m_db.transaction());
        PostingsWriter writer(m_db);
        for (const qint64 paper : deleted) {
            QVERIFY(writer.forget(paper));
            QVERIFY(exec(u"DELETE FROM papers WHERE id = %1"_s.arg(paper)));
            m_texts.erase(paper);
        }
        for (const auto &[paper, fields] : texts) { // ascending, as the importer gives them
            if (m_texts.contains(paper))
                QVERIFY(writer.forget(paper));
            else
                QVERIFY(exec(u"INSERT INTO papers(id, key, arxiv_id, title, original_title, authors, latest_date)"
                             " VALUES (%1, 'p%1', '', '', '', '', 0)"_s.arg(paper)));
            const Result<qint64> segment = writer.segment();
            QVERIFY(segment);
            QVERIFY(writer.builder().add(paper, indexTokens(fieldsText({ fields[0], fields[1], fields[2] }))));
            QVERIFY(exec(u"UPDATE papers SET text_segment = %1 WHERE id = %2"_s.arg(*segment).arg(paper)));
            m_texts[paper] = fields;
        }
        QVERIFY(writer.flush());
        QVERIFY(m_db.commit());
    }

    // Every term given, alone and two by two, against the oracle.
    void compareSearches(const QStringList &terms, const char *when)
    {
        const PostingsReader reader(m_db);
        QList<QStringList> queries;
        for (qsizetype i = 0; i < terms.size(); ++i) {
            queries.append({ terms.at(i) });
            queries.append({ terms.at(i), terms.at((i * 7 + 3) % terms.size()) });
        }
        for (const QStringList &query : std::as_const(queries)) {
            std::vector<qint64> expected;
            for (const auto &[paper, fields] : m_texts) {
                if (std::all_of(query.cbegin(), query.cend(), [&](const QString &term) { return holds(fields, term); }))
                    expected.push_back(paper);
            }
            const Result<std::vector<qint64>> found = reader.papersWithAll(query);
            QVERIFY2(found, qPrintable(found ? QString() : found.error().message));
            if (*found != expected)
                QFAIL(qPrintable(u"%1: [%2] found %3 papers, the texts hold it in %4"_s.arg(QString::fromLatin1(when), query.join(u"] ["_s))
                                     .arg(found->size())
                                     .arg(expected.size())));
        }
    }

    QStringList someTerms(QRandomGenerator &random)
    {
        QStringList terms { u"가"_s, u"a"_s, u"B"_s, u"가나"_s, u"ab"_s, u"a b"_s, u"가 나"_s, u"다라a"_s, u"Ab c"_s };
        std::vector<const Fields *> papers;
        for (const auto &[paper, fields] : m_texts)
            papers.push_back(&fields);
        for (int i = 0; i < 60; ++i) {
            const QString &field = (*papers[random.bounded(int(papers.size()))])[random.bounded(3)];
            if (field.size() < 2)
                continue;
            const int length = 2 + random.bounded(std::min<int>(6, int(field.size()) - 1));
            const QString term = field.mid(random.bounded(int(field.size()) - length + 1), length).trimmed();
            if (!term.isEmpty())
                terms += term;
        }
        for (int i = 0; i < 20; ++i)
            terms += randomText(random, 2 + random.bounded(4)).trimmed();
        terms.removeAll(QString());
        return terms;
    }

    int count(const QString &sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        setIndexLayout(IndexLayout::Postings);
        Result<IndexDatabase::Opened> opened = IndexDatabase::open(m_dir.filePath(u"index.sqlite"_s), u"postings"_s);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_db = opened->db;
    }

    void cleanupTestCase()
    {
        m_db = QSqlDatabase();
        closeSqlite(u"postings"_s);
    }

    void searchesAnswerAsTheTextsThroughChanges()
    {
        QRandomGenerator random(12);
        const auto newTexts = [&](qint64 from, qint64 to) {
            std::map<qint64, Fields> texts;
            for (qint64 paper = from; paper < to; ++paper)
                texts[paper] = { randomText(random, random.bounded(100)), randomText(random, random.bounded(12)), randomText(random, 6) };
            return texts;
        };
        batch(newTexts(1, 250), {});
        compareSearches(someTerms(random), "one segment");
        batch(newTexts(250, 500), {});
        compareSearches(someTerms(random), "two segments");
        // Segments of several blocks, yet of the smallest size, which merges take.
        for (const int segment : { 1, 2 }) {
            QVERIFY(count(u"SELECT count(*) FROM text_blocks WHERE segment = %1 AND kind = 0"_s.arg(segment)) > 1);
            QVERIFY(count(u"SELECT bytes FROM text_segments WHERE id = %1"_s.arg(segment)) <= 64 * 1024);
        }

        // Texts replaced (of papers in both segments) and papers gone, in segments of their own.
        for (int round = 0; round < 5; ++round) {
            std::map<qint64, Fields> replaced;
            for (int i = 0; i < 30; ++i) {
                const qint64 paper = 1 + random.bounded(499);
                if (m_texts.contains(paper))
                    replaced[paper] = { randomText(random, random.bounded(40)), randomText(random, 10), u""_s };
            }
            QList<qint64> deleted;
            for (int i = 0; i < 8; ++i) {
                const qint64 paper = 1 + random.bounded(499);
                if (m_texts.contains(paper) && !replaced.contains(paper) && !deleted.contains(paper))
                    deleted.append(paper);
            }
            batch(replaced, deleted);
            compareSearches(someTerms(random), "texts replaced and papers deleted");
        }
        QCOMPARE(count(u"SELECT count(*) FROM text_segments"_s), 7);
        QVERIFY(count(u"SELECT count(*) FROM text_segments WHERE length(deleted) > 0"_s) >= 2);

        // Seven small segments, all of one size: merged into one, their deleted papers left out.
        QVERIFY(inTransaction(m_db, [&] { return mergePostings(m_db); }));
        QCOMPARE(count(u"SELECT count(*) FROM text_segments"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM text_segments WHERE length(deleted) > 0"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM papers WHERE text_segment NOT IN (SELECT id FROM text_segments)"_s), 0);
        compareSearches(someTerms(random), "after a merge");

        // A paper whose id comes back after it was deleted holds only its new text.
        const qint64 last = m_texts.rbegin()->first;
        batch({}, { last });
        batch({ { last, Fields { u"새 글 zz"_s, u""_s, u""_s } } }, {});
        compareSearches({ u"zz"_s, u"새 글"_s, u"새"_s }, "an id given again");
        QVERIFY(inTransaction(m_db, [&] { return mergePostings(m_db); }));
        compareSearches(someTerms(random) + QStringList { u"zz"_s, u"새 글"_s }, "merged again");
    }

    void aPaperOutOfOrderIsRefused()
    {
        PostingsBuilder builder;
        const IndexTokens tokens = indexTokens(u"ab"_s);
        QVERIFY(builder.add(5, tokens));
        QVERIFY(!builder.add(5, tokens));
        QVERIFY(!builder.add(4, tokens));
    }

    // A damaged block is an error, never fewer papers.
    void damagedPostingsAreAnError()
    {
        QVERIFY(exec(u"UPDATE text_blocks SET data = x'ff' WHERE kind = 0"_s));
        const Result<std::vector<qint64>> found = PostingsReader(m_db).papersWithAll({ u"가나"_s });
        QVERIFY(!found);
        QCOMPARE(found.error().kind, Error::Kind::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestPostings)
#include "tst_postings.moc"
