#include "testpaths.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// hanji related, search --like-bookmarks and the chart numbers of stats --json, through the
// real binary on the discover fixtures. The expected numbers were counted by hand from
// tests/data/discover: 3 days, 13 listings, 12 papers (one listed twice, one under two links).
class TestDiscoverCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    HanjiRun run(const QStringList &arguments) const
    {
        return runHanji(arguments + QStringList { u"--library"_s, m_dir.filePath(u"library"_s) });
    }

    static QJsonDocument json(const HanjiRun &result)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << result.out << result.err;
        return document;
    }

    static QStringList ids(const QJsonArray &array)
    {
        QStringList list;
        for (const QJsonValue &value : array)
            list += value[u"id"_s].toString();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const HanjiRun imported = run({ u"import"_s, u"" HANJI_TEST_DATA_DIR "/discover"_s });
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }

    void relatedListsTheSameTopicFirst()
    {
        const HanjiRun result = run({ u"related"_s, u"https://arxiv.org/abs/2412.90002v3"_s, u"--json"_s });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray related = json(result).array();
        QVERIFY(related.size() >= 2);
        const QStringList top = ids(related).mid(0, 2);
        QCOMPARE(QSet<QString>(top.cbegin(), top.cend()), (QSet<QString> { u"2412.90006"_s, u"2501.90011"_s }));
        QVERIFY(!ids(related).contains(u"2412.90002"_s));
        QVERIFY(!ids(related).contains(u"https://example.org/papers/gaussian-splatting-real-time"_s));
        QCOMPARE(related.at(0)[u"title"_s].toString().contains(u"Gaussian Splatting"_s), true);
        double previous = 2;
        for (const QJsonValue &paper : related) {
            const double score = paper[u"score"_s].toDouble();
            QVERIFY(score > 0 && score <= 1 && score <= previous);
            previous = score;
        }

        const HanjiRun one = run({ u"related"_s, u"2412.90004"_s, u"--limit"_s, u"1"_s, u"--json"_s });
        QCOMPARE(ids(json(one).array()), QStringList { u"2501.90013"_s });
        const HanjiRun text = run({ u"related"_s, u"2412.90004"_s, u"--limit"_s, u"1"_s });
        // score, id, title on one line
        QVERIFY(QString::fromUtf8(text.out).contains(QRegularExpression(u"^0\\.\\d{3}  2501\\.90013 +Faster Speculative Decoding by Tree Drafts$"_s, QRegularExpression::MultilineOption)));
    }

    void relatedRefusesWhatItCannotAnswer()
    {
        QCOMPARE(run({ u"related"_s, u"9999.99999"_s }).exitCode, 1);
        QCOMPARE(run({ u"related"_s, u"2412.90004"_s, u"--limit"_s, u"many"_s }).exitCode, 2);
        QCOMPARE(run({ u"related"_s }).exitCode, 2);
    }

    void likeBookmarksRanksUnreadPapers()
    {
        const HanjiRun empty = run({ u"search"_s, u"--like-bookmarks"_s });
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.err.contains("reading list is empty"));
        QCOMPARE(run({ u"search"_s, u"--tag"_s, u"ssm"_s }).exitCode, 2);

        QCOMPARE(run({ u"bookmark"_s, u"add"_s, u"2412.90001"_s, u"2412.90005"_s, u"--tags"_s, u"ssm"_s }).exitCode, 0);
        QCOMPARE(run({ u"bookmark"_s, u"add"_s, u"2412.90003"_s, u"--tags"_s, u"lora"_s }).exitCode, 0);
        const HanjiRun ssm = run({ u"search"_s, u"--like-bookmarks"_s, u"--tag"_s, u"ssm"_s, u"--json"_s });
        QVERIFY2(ssm.exitCode == 0, ssm.err.constData());
        const QJsonArray ranked = json(ssm).array();
        QCOMPARE(ranked.at(0)[u"id"_s].toString(), u"2501.90010"_s);
        QVERIFY(ranked.at(0)[u"score"_s].toDouble() > 0);
        QVERIFY(!ids(ranked).contains(u"2412.90001"_s)); // bookmarked
        QVERIFY(!ids(ranked).contains(u"2412.90003"_s));

        const HanjiRun lora = run({ u"search"_s, u"--like-bookmarks"_s, u"--tag"_s, u"lora"_s, u"--limit"_s, u"2"_s,
                                    u"--json"_s });
        const QStringList top = ids(json(lora).array());
        QCOMPARE(QSet<QString>(top.cbegin(), top.cend()), (QSet<QString> { u"2412.90007"_s, u"2501.90012"_s }));
        // The query narrows the candidates.
        const HanjiRun speech = run({ u"search"_s, u"speech"_s, u"--like-bookmarks"_s, u"--tag"_s, u"lora"_s, u"--json"_s });
        QCOMPARE(ids(json(speech).array()), QStringList { u"2501.90012"_s });
        QCOMPARE(run({ u"search"_s, u"--like-bookmarks"_s, u"--tag"_s, u"nothing"_s }).exitCode, 1);
    }

    void statsGivesTheChartsNumbers()
    {
        const HanjiRun result = run({ u"stats"_s, u"--json"_s });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject stats = json(result).object();
        QCOMPARE(stats[u"papers"_s].toInt(), 12);
        QCOMPARE(stats[u"entries"_s].toInt(), 13);
        const QJsonArray weeks = stats[u"per_week"_s].toArray();
        QCOMPARE(weeks.size(), 2);
        QCOMPARE(weeks[0].toObject(), (QJsonObject { { u"week"_s, u"2024-W52"_s }, { u"entries"_s, 4 }, { u"papers"_s, 4 } }));
        QCOMPARE(weeks[1].toObject(), (QJsonObject { { u"week"_s, u"2025-W01"_s }, { u"entries"_s, 9 }, { u"papers"_s, 9 } }));
        const QJsonArray days = stats[u"per_day"_s].toArray();
        QCOMPARE(days.size(), 3);
        QCOMPARE(days[0].toObject(), (QJsonObject { { u"date"_s, u"2024-12-27"_s }, { u"entries"_s, 4 },
                                                    { u"votes_max"_s, 120 }, { u"votes_median"_s, 45 } }));
        // 2024-12-30: 60, 12, 3, 130, 0 → median 12; 2025-01-02: 33, 18, 1, 25 → (18 + 25) / 2.
        QCOMPARE(days[1][u"votes_median"_s].toDouble(), 12.0);
        QCOMPARE(days[2][u"votes_median"_s].toDouble(), 21.5);
        QCOMPARE(days[2][u"votes_max"_s].toInt(), 33);
        const QJsonArray histogram = stats[u"votes_histogram"_s].toArray();
        QCOMPARE(histogram.size(), 9);
        QCOMPARE(histogram[0].toObject(), (QJsonObject { { u"from"_s, 0 }, { u"to"_s, 1 }, { u"entries"_s, 1 } }));
        QCOMPARE(histogram[1].toObject(), (QJsonObject { { u"from"_s, 1 }, { u"to"_s, 5 }, { u"entries"_s, 2 } }));
        QCOMPARE(histogram[8].toObject(), (QJsonObject { { u"from"_s, 500 }, { u"to"_s, QJsonValue() }, { u"entries"_s, 0 } }));
        int total = 0;
        for (const QJsonValue &bucket : histogram)
            total += bucket[u"entries"_s].toInt();
        QCOMPARE(total, 12); // one listing gives no votes
        const QJsonArray authors = stats[u"top_authors"_s].toArray();
        QCOMPARE(authors[0].toObject(), (QJsonObject { { u"name"_s, u"Hana Kim"_s }, { u"papers"_s, 4 } }));
        QCOMPARE(authors[1].toObject(), (QJsonObject { { u"name"_s, u"Jonas Feld"_s }, { u"papers"_s, 4 } }));
        QCOMPARE(authors.size(), 7);
        const QJsonArray words = stats[u"top_title_words"_s].toArray();
        QCOMPARE(words.size(), 20);
        QCOMPARE(words[0].toObject(), (QJsonObject { { u"word"_s, u"gaussian"_s }, { u"papers"_s, 4 } }));

        const HanjiRun query = run({ u"stats"_s, u"title:speculative"_s, u"--json"_s });
        const QJsonObject narrowed = json(query).object();
        QCOMPARE(narrowed[u"query_papers"_s].toInt(), 2);
        QCOMPARE(narrowed[u"papers"_s].toInt(), 12); // the library's, as before
        QCOMPARE(narrowed[u"per_week"_s].toArray().size(), 2);
        QCOMPARE(narrowed[u"top_authors"_s].toArray().at(0)[u"name"_s].toString(), u"Jonas Feld"_s);
        QCOMPARE(run({ u"stats"_s, u"title:speculative"_s }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDiscoverCommands)
#include "tst_discovercommands.moc"
