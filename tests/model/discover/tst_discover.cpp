#include "archivestats.h"
#include "library.h"
#include "readinglist.h"
#include "similaritycache.h"
#include "similaritysource.h"
#include "sqlutil.h"
#include "testpaths.h"
#include "textterms.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

const QString kFixtures = u"" HANJI_TEST_DATA_DIR "/discover"_s;

// The fixture digests read a second way, line by line with regular expressions: one record
// per listing (date, identity, title, authors, votes or -1).
struct Listing {
    QDate date;
    QString id;
    QString title;
    QStringList authors;
    int votes = -1;
};

QList<Listing> naiveListings(const QString &folder)
{
    static const QRegularExpression day(uR"(^## Daily Papers \((\d{4}-\d{2}-\d{2})\))"_s);
    static const QRegularExpression heading(uR"(^### \[(.*)\]\((\S+)\)$)"_s);
    static const QRegularExpression arxiv(uR"(arxiv\.org/abs/(\d{4}\.\d{4,5}))"_s);
    QList<Listing> listings;
    QDirIterator files(folder, { u"*.md"_s }, QDir::Files);
    QStringList paths;
    while (files.hasNext())
        paths += files.next();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read a fixture");
        QDate date;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
            if (const auto m = day.match(line); m.hasMatch()) {
                date = QDate::fromString(m.captured(1), Qt::ISODate);
            } else if (const auto m = heading.match(line); m.hasMatch()) {
                const auto id = arxiv.match(m.captured(2));
                listings.append({ date, id.hasMatch() ? id.captured(1) : m.captured(2), m.captured(1), {}, -1 });
            } else if (line.startsWith(u"Authors: "_s)) {
                listings.last().authors = line.mid(9).split(u", "_s);
            } else if (line.startsWith(u"Vote: "_s)) {
                listings.last().votes = line.mid(6).toInt();
            }
        }
    }
    return listings;
}

QList<NameCount> sortedTop(const QHash<QString, int> &counts, int top)
{
    QList<NameCount> list;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append({ it.key(), it.value() });
    std::sort(list.begin(), list.end(), [](const NameCount &a, const NameCount &b) {
        return a.papers != b.papers ? a.papers > b.papers : a.name < b.name;
    });
    return list.mid(0, top);
}

QStringList ids(const QList<RelatedPaper> &papers)
{
    QStringList list;
    for (const RelatedPaper &paper : papers)
        list += paper.id;
    return list;
}

// The documented cut, on a vector of the formula's weights: its 64 strongest terms (of equal
// weights, the first in code-point order), normalised again.
std::map<QString, double> strongestTerms(const std::map<QString, double> &vector)
{
    std::vector<std::pair<QString, double>> terms(vector.cbegin(), vector.cend());
    std::sort(terms.begin(), terms.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    terms.resize(std::min<size_t>(terms.size(), 64));
    double norm = 0;
    for (const auto &[term, weight] : terms)
        norm += weight * weight;
    std::map<QString, double> kept;
    for (const auto &[term, weight] : terms)
        kept[term] = weight / std::sqrt(norm);
    return kept;
}

} // namespace

class TestDiscover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<Library::Opened> opened = Library::open(m_dir.path());
        QVERIFY(opened);
        m_library = std::move(opened->library);
        const ImportReport report = m_library->import({ kFixtures });
        QVERIFY(report.ok());
        QCOMPARE(report.warnings.size(), 0);
        Result<SimilarityIndex> index = buildSimilarityIndex(m_library->indexPath());
        QVERIFY(index);
        m_index = std::move(*index);
    }

    void termsAreWordsAndCharacterPairs()
    {
        QCOMPARE(similarityTerms(u"확산모델 LoRA의 Fine-Tuning of 2024 x"),
                 (QStringList { u"확산"_s, u"산모"_s, u"모델"_s, u"lora"_s, u"의"_s, u"fine"_s, u"tuning"_s }));
        QCOMPARE(similarityTerms(u"大语言模型"), (QStringList { u"大语"_s, u"语言"_s, u"言模"_s, u"模型"_s }));
        QCOMPARE(titleWords(u"Mamba Meets Vision: State Space Backbones for Images, 3D and GPT4"),
                 (QStringList { u"mamba"_s, u"meets"_s, u"vision"_s, u"state"_s, u"space"_s, u"backbones"_s,
                                u"images"_s }));
    }

    void relatedPapersShareTheTopic_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("sameTopic");
        QTest::addRow("Mamba") << u"2412.90001"_s << QStringList { u"2412.90005"_s, u"2501.90010"_s };
        QTest::addRow("Gaussian splatting, Korean summaries")
            << u"2412.90002"_s << QStringList { u"2412.90006"_s, u"2501.90011"_s };
        QTest::addRow("LoRA") << u"2412.90003"_s << QStringList { u"2412.90007"_s, u"2501.90012"_s };
        QTest::addRow("speculative decoding") << u"2412.90004"_s << QStringList { u"2501.90013"_s };
    }

    void relatedPapersShareTheTopic()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, sameTopic);
        const QList<RelatedPaper> related = m_index.related(id, 20);
        const QStringList top = ids(related).mid(0, sameTopic.size());
        QCOMPARE(QSet<QString>(top.cbegin(), top.cend()), QSet<QString>(sameTopic.cbegin(), sameTopic.cend()));
        QVERIFY(!ids(related).contains(id));
        // The same paper under its project page is another listing of it, not a related paper.
        if (id == u"2412.90002"_s)
            QVERIFY(!ids(related).contains(u"https://example.org/papers/gaussian-splatting-real-time"_s));
        for (qsizetype i = 1; i < related.size(); ++i)
            QVERIFY(related[i - 1].score >= related[i].score);
    }

    // The inverted index against the definition, computed densely: every pair of papers.
    void scoresAreCosinesOfTfIdf()
    {
        const QList<PaperRow> rows = m_library->rows().value();
        QStringList all;
        for (const PaperRow &row : rows)
            all += row.id;
        const QList<Paper> papers = m_library->papers(all).value();
        QCOMPARE(m_index.size(), papers.size());
        std::map<QString, std::map<QString, double>> tf; // paper → term → count
        std::map<QString, int> df;
        for (const Paper &paper : papers) {
            auto &counts = tf[paper.id];
            for (const QString &term : similarityTerms(paper.title))
                counts[term] += 2;
            for (const SummarySection &section : paper.sections) {
                for (const QString &term : similarityTerms(section.text))
                    counts[term] += 1;
            }
            for (const auto &[term, count] : counts)
                ++df[term];
        }
        const double n = double(papers.size());
        std::map<QString, std::map<QString, double>> vectors;
        for (const auto &[id, counts] : tf) {
            double norm = 0;
            for (const auto &[term, count] : counts) {
                if (df[term] < 2 || df[term] > n / 2)
                    continue;
                const double weight = (1 + std::log(count)) * std::log(n / df[term]);
                vectors[id][term] = weight;
                norm += weight * weight;
            }
            for (auto &[term, weight] : vectors[id])
                weight /= std::sqrt(norm);
            vectors[id] = strongestTerms(vectors[id]);
        }
        for (const Paper &paper : papers) {
            for (const RelatedPaper &other : m_index.related(paper.id, 100)) {
                double cosine = 0;
                for (const auto &[term, weight] : vectors[paper.id]) {
                    const auto found = vectors[other.id].find(term);
                    if (found != vectors[other.id].end())
                        cosine += weight * found->second;
                }
                QVERIFY2(std::abs(cosine - other.score) < 1e-4,
                         qPrintable(u"%1 ~ %2: %3 vs %4"_s.arg(paper.id, other.id).arg(cosine).arg(other.score)));
            }
        }
    }

    // Papers of 86 or 87 terms, every term in 4 papers of 6, counted 1 to 5 times: the cut
    // falls among equal weights.
    void eachPaperKeepsItsStrongestTerms()
    {
        constexpr int kPapers = 6;
        QList<PaperText> papers;
        std::map<QString, std::map<QString, double>> counts;
        for (int p = 0; p < kPapers; ++p) {
            QStringList words;
            for (int i = 0; i < 130; ++i) {
                if ((i + p) % 3 == 0)
                    continue;
                const QString word = u"w%1"_s.arg(i, 3, 10, QLatin1Char('0'));
                const int times = 1 + (i * 7 + p) % 5;
                for (int t = 0; t < times; ++t)
                    words += word;
                counts[u"p%1"_s.arg(p)][word] = times;
            }
            papers.append({ u"p%1"_s.arg(p), QString(), words.join(u' ') });
        }
        const SimilarityIndex index = SimilarityIndex::build(papers);
        for (const auto &[id, tf] : counts) {
            std::map<QString, double> full;
            double norm = 0;
            for (const auto &[term, count] : tf) {
                full[term] = (1 + std::log(count)) * std::log(double(kPapers) / 4);
                norm += full[term] * full[term];
            }
            for (auto &[term, weight] : full)
                weight /= std::sqrt(norm);
            std::vector<double> weights;
            for (const auto &[term, weight] : full)
                weights.push_back(weight);
            std::sort(weights.begin(), weights.end(), std::greater<>());
            QVERIFY(weights.size() > 65 && weights[63] == weights[64]); // a tie across the cut
            const std::map<QString, double> expected = strongestTerms(full);
            const QHash<QString, double> vector = index.vectorOf(id);
            QCOMPARE(vector.size(), 64);
            for (const auto &[term, weight] : expected) {
                QVERIFY2(vector.contains(term), qPrintable(id + u" lacks "_s + term));
                QVERIFY(std::abs(vector.value(term) - weight) < 1e-5); // kept in 16 bits: within 1/131070
            }
        }
    }

    void readingListRanksUnreadPapersLikeTheBookmarks()
    {
        QVERIFY(m_library->setBookmarked({ u"2412.90001"_s, u"2412.90005"_s }, true));
        QVERIFY(m_library->setTags(u"2412.90002"_s, { u"3d"_s }));
        const QStringList bookmarks = m_library->bookmarkIds().value();
        const auto stateOf = [&](const QString &id) { return m_library->userState(id); };

        QList<RelatedPaper> ranked = likeReadingList(m_index, bookmarks, stateOf, u"3D"_s, 10);
        QCOMPARE(readingListSeeds(bookmarks, stateOf, u"3d"_s), QStringList { u"2412.90002"_s });
        const QStringList top = ids(ranked.mid(0, 2));
        QCOMPARE(QSet<QString>(top.cbegin(), top.cend()), (QSet<QString> { u"2412.90006"_s, u"2501.90011"_s }));
        QVERIFY(!ids(ranked).contains(u"https://example.org/papers/gaussian-splatting-real-time"_s));

        QVERIFY(m_library->setRead({ u"2412.90006"_s }, true));
        ranked = likeReadingList(m_index, bookmarks, stateOf, u"3d"_s, 10);
        QCOMPARE(ranked.value(0).id, u"2501.90011"_s);
        QVERIFY(!ids(ranked).contains(u"2412.90006"_s)); // read

        ranked = likeReadingList(m_index, bookmarks, stateOf, QString(), 10);
        QVERIFY(!ids(ranked).contains(u"2412.90001"_s)); // bookmarked
        QVERIFY(ids(ranked.mid(0, 2)).contains(u"2501.90010"_s)); // the third state space paper
        QVERIFY(likeReadingList(m_index, bookmarks, stateOf, u"no such tag"_s, 10).isEmpty());
    }

    // The index is saved beside the library's and read back mapped while the library holds
    // the same files: the same answers as one built, for every paper. Another import, or a
    // damaged or cut file, has it built again, never read.
    void savedIndexServesUntilTheLibraryChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString digests = dir.filePath(u"digests"_s);
        QVERIFY(QDir().mkpath(digests));
        for (const QString &name : QDir(kFixtures).entryList({ u"*.md"_s }, QDir::Files))
            QVERIFY(QFile::copy(kFixtures + u'/' + name, digests + u'/' + name));
        Result<Library::Opened> opened = Library::open(dir.filePath(u"library"_s));
        QVERIFY(opened);
        Library &library = *opened->library;
        QVERIFY(library.import({ digests }).ok());
        const QString saved = similarityCachePath(library.indexPath());
        QVERIFY(!QFile::exists(saved));

        const Result<SimilarityIndex> first = similarityIndexOf(library.indexPath());
        QVERIFY(first);
        QVERIFY(QFile::exists(saved));
        QCOMPARE(first->size(), m_index.size());
        QCOMPARE(first->termCount(), m_index.termCount());
        const QList<PaperRow> rows = library.rows().value();
        QVERIFY(rows.size() > 10);
        for (const PaperRow &row : rows) {
            const QString &id = row.id;
            QCOMPARE(first->vectorOf(id), m_index.vectorOf(id));
            const QList<RelatedPaper> built = m_index.related(id, 5);
            const QList<RelatedPaper> read = first->related(id, 5);
            QCOMPARE(ids(read), ids(built));
            for (qsizetype i = 0; i < read.size(); ++i)
                QCOMPARE(read[i].score, built[i].score);
        }

        // What is saved is what is read: an index of three papers, saved under the library's stamp.
        const QByteArray stamp = [&] {
            const QString connection = u"stamp"_s;
            QByteArray digest;
            {
                Result<QSqlDatabase> db = openSqlite(library.indexPath(), connection);
                digest = db ? similarityStamp(*db).value_or(QByteArray()) : QByteArray();
            }
            closeSqlite(connection);
            return digest;
        }();
        QVERIFY(!stamp.isEmpty());
        const SimilarityIndex three = SimilarityIndex::build({ { u"a"_s, u"Mamba scans"_s, u"a selective scan"_s },
                                                               { u"b"_s, u"Mamba layers"_s, u"a selective layer"_s },
                                                               { u"c"_s, u"gaussian splats"_s, u"scenes"_s } });
        QVERIFY(saveSimilarityIndex(three, saved, stamp));
        QCOMPARE(similarityIndexOf(library.indexPath())->size(), 3);
        QCOMPARE(loadSimilarityIndex(saved, stamp)->related(u"a"_s, 3).value(0).id, u"b"_s);
        QVERIFY(!loadSimilarityIndex(saved, QByteArray(20, 'x')));

        // Damaged: one byte of its arrays changed, or the file cut short.
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(file.seek(size - 9));
        const char byte = file.read(1).at(0);
        QVERIFY(file.seek(size - 9));
        QVERIFY(file.write(QByteArray(1, char(byte ^ 0x40))) == 1);
        file.close();
        QVERIFY(!loadSimilarityIndex(saved, stamp));
        QCOMPARE(similarityIndexOf(library.indexPath())->size(), m_index.size()); // built and saved again
        QVERIFY(loadSimilarityIndex(saved, stamp));
        QVERIFY(QFile::resize(saved, size / 2));
        QVERIFY(!loadSimilarityIndex(saved, stamp));
        QCOMPARE(similarityIndexOf(library.indexPath())->size(), m_index.size());

        // A new day imported: the stamp changes, and the new paper is in the index.
        QFile day(digests + u"/2025-01-09.md"_s);
        QVERIFY(day.open(QIODevice::WriteOnly));
        day.write("# Daily Papers\n\n## Daily Papers (2025-01-09)\n\n"
                  "### [Selective Scans for Streaming Audio](https://arxiv.org/abs/2501.90099)\n\n"
                  "Authors: Ada Moreau\n\nVote: 7\n\n"
                  "- A selective state space layer scans audio streams in linear time with a small hidden state.\n");
        day.close();
        QVERIFY(library.import({ digests }).ok());
        const Result<SimilarityIndex> after = similarityIndexOf(library.indexPath());
        QVERIFY(after);
        QCOMPARE(after->size(), m_index.size() + 1);
        QVERIFY(after->contains(u"2501.90099"_s));
        QVERIFY(ids(after->related(u"2501.90099"_s, 3)).contains(u"2412.90001"_s));
    }

    void statisticsMatchAnIndependentCount()
    {
        const QList<Listing> listings = naiveListings(kFixtures);
        QCOMPARE(listings.size(), 13);
        // Entries are date-paper pairs; a paper's authors and title are its latest listing's.
        std::map<std::pair<QDate, QString>, int> entries;
        QHash<QString, Listing> latest;
        for (const Listing &listing : listings) {
            auto [it, inserted] = entries.try_emplace({ listing.date, listing.id }, listing.votes);
            if (!inserted)
                it->second = std::max(it->second, listing.votes);
            latest[listing.id] = listing;
        }
        const ArchiveStats stats = ArchiveStats::of(m_library->rows().value());
        QCOMPARE(stats.papers, int(latest.size()));
        QCOMPARE(stats.entries, int(entries.size()));

        std::map<QString, std::pair<int, QSet<QString>>> weeks;
        std::map<QDate, std::vector<int>> dayVotes;
        std::map<QDate, int> dayEntries;
        QHash<QString, int> buckets;
        for (const auto &[key, votes] : entries) {
            const auto &[date, id] = key;
            int year = 0;
            const int week = date.weekNumber(&year);
            auto &w = weeks[u"%1-W%2"_s.arg(year).arg(week, 2, 10, QLatin1Char('0'))];
            ++w.first;
            w.second.insert(id);
            ++dayEntries[date];
            if (votes < 0)
                continue;
            dayVotes[date].push_back(votes);
            const QString bucket = votes == 0 ? u"0"_s : votes < 5 ? u"1"_s : votes < 10 ? u"5"_s : votes < 20 ? u"10"_s
                : votes < 50 ? u"20"_s : votes < 100 ? u"50"_s : votes < 200 ? u"100"_s : votes < 500 ? u"200"_s : u"500"_s;
            ++buckets[bucket];
        }
        // 2024-12-30 and 2025-01-02 are both in ISO week 1 of 2025.
        QCOMPARE(stats.perWeek.size(), qsizetype(2));
        QCOMPARE(stats.perWeek.at(1).label(), u"2025-W01"_s);
        QCOMPARE(stats.perWeek.at(1).monday(), QDate(2024, 12, 30));
        for (const WeekCount &week : stats.perWeek) {
            QCOMPARE(week.entries, weeks[week.label()].first);
            QCOMPARE(week.papers, int(weeks[week.label()].second.size()));
        }
        QCOMPARE(stats.perDay.size(), qsizetype(dayEntries.size()));
        for (const DayVotes &day : stats.perDay) {
            QCOMPARE(day.entries, dayEntries[day.date]);
            std::vector<int> votes = dayVotes[day.date];
            std::sort(votes.begin(), votes.end());
            QCOMPARE(day.votesMax.value(), votes.back());
            const double median = votes.size() % 2 ? votes[votes.size() / 2]
                                                   : (votes[votes.size() / 2 - 1] + votes[votes.size() / 2]) / 2.0;
            QCOMPARE(day.votesMedian.value(), median);
        }
        QCOMPARE(stats.perDay.at(0).votesMedian.value(), 45.0); // 7, 45, 120: the unknown one is no vote
        int histogramTotal = 0;
        for (const VotesBucket &bucket : stats.votesHistogram) {
            QCOMPARE(bucket.entries, buckets.value(QString::number(bucket.from)));
            histogramTotal += bucket.entries;
        }
        QCOMPARE(histogramTotal, int(entries.size()) - 1); // one listing has no votes

        QHash<QString, int> authors;
        QHash<QString, int> words;
        static const QSet<QString> stop { u"for"_s, u"that"_s, u"with"_s, u"a"_s, u"of"_s, u"by"_s };
        static const QRegularExpression nonLetters(u"[^A-Za-z]+"_s);
        for (const Listing &paper : std::as_const(latest)) {
            for (const QString &author : paper.authors)
                ++authors[author];
            QSet<QString> seen;
            for (const QString &word : paper.title.toLower().split(nonLetters, Qt::SkipEmptyParts)) {
                if (!stop.contains(word) && !seen.contains(word))
                    ++words[word];
                seen.insert(word);
            }
        }
        const auto same = [](const QList<NameCount> &a, const QList<NameCount> &b) {
            if (a.size() != b.size())
                return false;
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a[i].name != b[i].name || a[i].papers != b[i].papers)
                    return false;
            }
            return true;
        };
        QVERIFY(same(stats.topAuthors, sortedTop(authors, 20)));
        QCOMPARE(stats.topAuthors.at(0).name, u"Hana Kim"_s); // 4 papers, as Jonas Feld: by name
        QVERIFY(same(stats.topTitleWords, sortedTop(words, 20)));
        QCOMPARE(stats.topTitleWords.at(0).name, u"gaussian"_s);
    }

    void statisticsOfNothingAreEmpty()
    {
        const ArchiveStats stats = ArchiveStats::of({});
        QCOMPARE(stats.papers, 0);
        QVERIFY(stats.perWeek.isEmpty());
        QCOMPARE(stats.votesHistogram.size(), votesBucketEdges().size());
        QCOMPARE(stats.votesHistogram.constLast().label(), u"500+"_s);
        QCOMPARE(stats.votesHistogram.at(1).label(), u"1–4"_s);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    SimilarityIndex m_index;
};

QTEST_GUILESS_MAIN(TestDiscover)
#include "tst_discover.moc"
