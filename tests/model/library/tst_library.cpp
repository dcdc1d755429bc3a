#include "digestparser.h"
#include "digestscan.h"
#include "archivecount.h"
#include "independentcount.h"
#include "library.h"
#include "ngramtokenizer.h"
#include "paperhtml.h"
#include "testpaths.h"
#include "testsupport.h"
#include "userdatabase.h"

#include <QDirIterator>
#include <QLockFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

// The same papers the library holds, searched the slow, obvious way: every term must be a
// case-insensitive substring (white space runs count as one space) of the title, the authors
// or the summary, where each is the text of every listing of the paper, each distinct text
// once, sorted, one a line. The title also holds the one shown: the latest a listing gives, or
// for a paper no listing names, its id and the latest bold sentence a summary opens with.
// A summary is a listing's section texts, then its field texts, then its categories.
class BruteForce
{
public:
    explicit BruteForce(const QStringList &folders)
    {
        QHash<QString, QList<DigestEntry>> listings;
        for (const QString &file : collectDigestFiles(folders).files) {
            const ParsedDigest digest = readDigestFile(file).value();
            for (const DigestEntry &entry : digest.entries)
                listings[entry.identity()].append(entry);
        }
        for (auto it = listings.begin(); it != listings.end(); ++it) {
            QList<DigestEntry> &entries = *it;
            std::stable_sort(entries.begin(), entries.end(),
                             [](const DigestEntry &a, const DigestEntry &b) { return a.date < b.date; });
            Paper &paper = m_papers[it.key()];
            paper.id = it.key();
            const DigestEntry &latest = entries.constLast();
            paper.sections = latest.sections;
            QStringList titles, authors, summaries;
            for (const DigestEntry &entry : std::as_const(entries)) {
                if (!entry.title.isEmpty())
                    paper.title = entry.title;
                if (!entry.authors.isEmpty())
                    paper.authors = entry.authors;
                if (paper.appearances.isEmpty() || paper.appearances.constLast().date != entry.date)
                    paper.appearances.append({ entry.date, entry.votes });
                else
                    paper.appearances.last().votes = higherVotes(paper.appearances.last().votes, entry.votes);
                titles += { entry.title, entry.originalTitle };
                authors += entry.authors.join(u", "_s);
                QStringList summary;
                for (const SummarySection &section : entry.sections)
                    summary += section.text;
                for (const SummarySection &field : entry.fields)
                    summary += field.text;
                if (!entry.categories.isEmpty())
                    summary += entry.categories.join(u", "_s);
                summaries += summary.join(u'\n');
            }
            if (paper.title.isEmpty()) {
                paper.title = untitledLabel(latest);
                for (auto e = entries.crbegin(); e != entries.crend(); ++e) {
                    if (untitledLabel(*e) != e->identity()) {
                        paper.title = untitledLabel(*e);
                        break;
                    }
                }
            }
            titles += paper.title;
            m_texts.insert(paper.id, { fold(distinct(titles)), fold(distinct(authors)), fold(distinct(summaries)) });
        }
    }

    [[nodiscard]] QSet<QString> search(const QString &text, const std::function<bool(const Paper &)> &filter = {}) const
    {
        const QList<SearchTerm> terms = parseSearchText(text);
        QSet<QString> found;
        for (const Paper &paper : m_papers) {
            if (filter && !filter(paper))
                continue;
            const Texts &texts = m_texts[paper.id];
            const bool all = std::all_of(terms.cbegin(), terms.cend(), [&](const SearchTerm &term) {
                const QString needle = fold(term.text);
                switch (term.field) {
                case SearchTerm::Field::Title:
                    return texts.title.contains(needle);
                case SearchTerm::Field::Authors:
                    return texts.authors.contains(needle);
                case SearchTerm::Field::Any:
                    break;
                }
                return texts.title.contains(needle) || texts.authors.contains(needle) || texts.summary.contains(needle);
            });
            if (all)
                found.insert(paper.id);
        }
        return found;
    }

    [[nodiscard]] const QHash<QString, Paper> &papers() const { return m_papers; }

private:
    struct Texts {
        QString title;
        QString authors;
        QString summary;
    };
    static QString fold(const QString &text) { return text.simplified().toCaseFolded(); }
    static QString distinct(QStringList texts)
    {
        texts.removeAll(QString());
        std::sort(texts.begin(), texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
        return texts.join(u'\n');
    }
    QHash<QString, Paper> m_papers;
    QHash<QString, Texts> m_texts;
};

QSet<QString> asSet(const QStringList &list) { return QSet<QString>(list.cbegin(), list.cend()); }

std::unique_ptr<Library> openLibrary(const QString &dir)
{
    Result<Library::Opened> opened = Library::open(dir);
    if (!opened) {
        qWarning() << opened.error().message;
        return nullptr;
    }
    return std::move(opened->library);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importCountsMatchTheFiles();
    void rescanSkipsUnchangedFiles();
    void changedAndRemovedFilesUpdateTheIndexButNotUserData();
    void bookmarksSurviveDeletingTheIndexAndMovingTheFolder();
    void damagedIndexIsRebuilt();
    void damagedUserDataIsMovedAsideNeverDeleted();
    void migrationKeepsABackupAndTheBookmarks();
    void anFts5IndexIsRebuiltAsHanjisOwn();
    void cancelledImportLeavesAConsistentIndex();
    void secondImportIsRefusedWhileOneRuns();
    void lockedLibraryGivesAClearError();
    void readOnlyLibraryGivesAClearError();
    void searchMatchesBruteForce_data();
    void searchMatchesBruteForce();
    void noPhraseSpansTwoFields_data();
    void noPhraseSpansTwoFields();
    void searchCombinesFilters();
    void searchMatchesBruteForceOnTheCorpus();
    void aPaperFromTwoArchivesIsOnePaper();
    void searchMatchesBruteForceOnTheArchives_data();
    void searchMatchesBruteForceOnTheArchives();
    void realArchivesImportWithExactCounts();
    void resolvesIdsFromLinks();
};

void TestLibrary::importCountsMatchTheFiles()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library);
    QVERIFY(library->indexIsNew());
    const ImportReport report = library->import({ QStringLiteral(HANJI_SAMPLES_DIR) });
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error->message));
    QVERIFY(report.errors.isEmpty());

    IndependentCount count;
    count.addFolder(QStringLiteral(HANJI_SAMPLES_DIR));
    const LibraryStats stats = library->stats().value();
    QCOMPARE(stats.index.files, count.files);
    QCOMPARE(stats.index.days, count.days.size());
    QCOMPARE(stats.index.entries, count.entries.size());
    QCOMPARE(stats.index.papers, count.papers.size());
    QCOMPARE(stats.index.votesTotal, count.votesTotal);
    QCOMPARE(library->rows().value().size(), count.papers.size());
    QCOMPARE(library->folders().value(), QStringList { QFileInfo(QStringLiteral(HANJI_SAMPLES_DIR)).absoluteFilePath() });

    // The same paper on two days is one paper with two appearances, votes per day.
    const auto dpo = library->paper(u"2305.18290"_s).value();
    QVERIFY(dpo);
    QCOMPARE(dpo->appearances.size(), 2);
    QCOMPARE(dpo->appearances.at(0).date, QDate(2024, 6, 3));
    QVERIFY(dpo->appearances.at(0).votes != dpo->appearances.at(1).votes);
    QVERIFY(!dpo->sections.isEmpty());
    QVERIFY(dpo->markdown.startsWith(u"### ["_s));
    QVERIFY(dpo->sourceFile.endsWith(u"2025/01/15.md"_s));
}

void TestLibrary::rescanSkipsUnchangedFiles()
{
    QTemporaryDir dir;
    QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), dir.filePath(u"digests"_s)));
    auto library = openLibrary(dir.filePath(u"lib"_s));
    const ImportReport first = library->import({ dir.filePath(u"digests"_s) });
    QCOMPARE(first.parsed, first.files);
    const ImportReport second = library->import({ dir.filePath(u"digests"_s) });
    QCOMPARE(second.parsed, 0);
    QCOMPARE(second.unchanged, first.files);
    QCOMPARE(second.entries, 0);

    // Touched but not changed: the hash says so, nothing is parsed again.
    QFile file(dir.filePath(u"digests/2024/06/03.md"_s));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    file.close();
    const ImportReport touched = library->import({ dir.filePath(u"digests"_s) });
    QCOMPARE(touched.parsed, 0);
}

void TestLibrary::changedAndRemovedFilesUpdateTheIndexButNotUserData()
{
    QTemporaryDir dir;
    const QString digests = dir.filePath(u"digests"_s);
    QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), digests));
    auto library = openLibrary(dir.filePath(u"lib"_s));
    QVERIFY(library->import({ digests }).ok());
    const int papersBefore = library->stats().value().index.papers;
    QVERIFY(library->setBookmarked({ u"2010.11929"_s }, true));
    QVERIFY(library->setNote(u"2010.11929"_s, u"패치 크기 실험 다시 보기"_s));
    QVERIFY(library->setRead({ u"2010.11929"_s }, true));

    // Changed: one paper added to a day.
    QFile day(digests + u"/2024/06/03.md"_s);
    QVERIFY(day.open(QIODevice::Append));
    day.write("\n### [새 논문: A New One](https://arxiv.org/abs/2406.99999)\n\nVote: 7\n\n- **What's New**: 새로 추가된 요약.\n");
    day.close();
    ImportReport report = library->import({ digests });
    QCOMPARE(report.parsed, 1);
    QCOMPARE(library->stats().value().index.papers, papersBefore + 1);
    QCOMPARE(library->search({ .text = u"새로 추가된"_s }).value(), QStringList { u"2406.99999"_s });

    // Removed: its papers leave the index; the bookmark, note and read state stay.
    QVERIFY(QFile::remove(digests + u"/2024/06/03.md"_s));
    report = library->import({ digests });
    QCOMPARE(report.removed, 1);
    QVERIFY(!library->paper(u"2010.11929"_s).value());
    QVERIFY(library->search({ .text = u"새로 추가된"_s }).value().isEmpty());
    QVERIFY(library->bookmarkIds().value().contains(u"2010.11929"_s));

    // Back again: the paper returns, still bookmarked, noted and read.
    QVERIFY(QFile::copy(QStringLiteral(HANJI_SAMPLES_DIR) + u"/2024/06/03.md"_s, digests + u"/2024/06/03.md"_s));
    QVERIFY(library->import({ digests }).ok());
    const auto paper = library->paper(u"2010.11929"_s).value();
    QVERIFY(paper);
    QVERIFY(paper->user.bookmarked);
    QCOMPARE(paper->user.note, u"패치 크기 실험 다시 보기"_s);
    QVERIFY(paper->user.read);
    QCOMPARE(library->stats().value().index.papers, papersBefore);
}

void TestLibrary::bookmarksSurviveDeletingTheIndexAndMovingTheFolder()
{
    QTemporaryDir dir;
    const QString libraryDir = dir.filePath(u"lib"_s);
    QVERIFY(copyFolder(QStringLiteral(HANJI_SAMPLES_DIR), dir.filePath(u"old"_s)));
    {
        auto library = openLibrary(libraryDir);
        QVERIFY(library->import({ dir.filePath(u"old"_s) }).ok());
        QVERIFY(library->setBookmarked({ u"1706.03762"_s, u"2106.09685"_s }, true));
        QVERIFY(library->setTags(u"1706.03762"_s, { u"classic"_s, u"nlp"_s }));
        QVERIFY(library->setRead({ u"2106.09685"_s }, true));
    }
    QVERIFY(QFile::remove(libraryDir + u"/index.sqlite"_s));
    QVERIFY(QDir().rename(dir.filePath(u"old"_s), dir.filePath(u"new"_s)));

    auto library = openLibrary(libraryDir);
    QVERIFY(library->indexIsNew());
    QCOMPARE(library->rows().value().size(), 0);
    QVERIFY(library->import({ dir.filePath(u"new"_s) }).ok());
    QCOMPARE(library->bookmarkIds().value(), (QStringList { u"1706.03762"_s, u"2106.09685"_s }));
    const auto attention = library->paper(u"1706.03762"_s).value();
    QVERIFY(attention && attention->user.bookmarked);
    QCOMPARE(attention->user.tags, (QStringList { u"classic"_s, u"nlp"_s }));
    QVERIFY(library->paper(u"2106.09685"_s).value()->user.read);
    QCOMPARE(library->search({ .bookmarkedOnly = true }).value().size(), 2);
}

void TestLibrary::damagedIndexIsRebuilt()
{
    QTemporaryDir dir;
    {
        auto library = openLibrary(dir.path());
        QVERIFY(library->import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
    }
    QFile::remove(dir.filePath(u"index.sqlite-wal"_s));
    writeFile(dir.filePath(u"index.sqlite"_s), QByteArray(8192, 'x'));
    Result<Library::Opened> opened = Library::open(dir.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    QVERIFY(opened->notices.join(u' ').contains(u"damaged"_s));
    QVERIFY(opened->library->indexIsNew());
    QVERIFY(opened->library->import(opened->library->folders().value()).ok());
    QVERIFY(opened->library->stats().value().index.papers > 10);
}

void TestLibrary::damagedUserDataIsMovedAsideNeverDeleted()
{
    QTemporaryDir dir;
    const QByteArray garbage = "not a database, but somebody's bytes all the same" + QByteArray(4096, '\x01');
    writeFile(dir.filePath(u"userdata.sqlite"_s), garbage);
    Result<Library::Opened> opened = Library::open(dir.path());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    const QString notice = opened->notices.join(u' ');
    QVERIFY2(notice.contains(u"damaged"_s), qPrintable(notice));
    const QStringList aside = QDir(dir.path()).entryList({ u"userdata.damaged-*.sqlite"_s });
    QCOMPARE(aside.size(), 1);
    QVERIFY(notice.contains(aside.constFirst()));
    QFile kept(dir.filePath(aside.constFirst()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
    QVERIFY(opened->library->setBookmarked({ u"1706.03762"_s }, true));
}

void TestLibrary::migrationKeepsABackupAndTheBookmarks()
{
    QTemporaryDir dir;
    {
        // A user data file as the first release wrote it.
        QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-userdata"_s);
        old.setDatabaseName(dir.filePath(u"userdata.sqlite"_s));
        QVERIFY(old.open());
        QSqlQuery query(old);
        for (const QString &statement : UserDatabase::migrationTo(1))
            QVERIFY(query.exec(statement));
        QVERIFY(query.exec(u"INSERT INTO bookmarks(paper_id, added_at, note) VALUES ('1706.03762', '2024-01-01T00:00:00.000Z', 'old note')"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
        old.close();
    }
    QSqlDatabase::removeDatabase(u"old-userdata"_s);

    auto library = openLibrary(dir.path());
    QVERIFY(library);
    QCOMPARE(library->userState(u"1706.03762"_s).note, u"old note"_s);
    const QStringList backups = QDir(dir.path()).entryList({ u"userdata.backup-v1-*.sqlite"_s });
    QCOMPARE(backups.size(), 1);
    QVERIFY(library->setTags(u"1706.03762"_s, { u"migrated"_s }));
}

// A library of the FTS5 index (version 5) opened by this version: the index is built again as
// Hanji's own postings (version 6), the user is told, the bookmark stays, and every search
// answers as it did.
void TestLibrary::anFts5IndexIsRebuiltAsHanjisOwn()
{
    QTemporaryDir dir;
    const QStringList queries { u"모델"_s, u"모"_s, u"diffusion"_s, u"\"language model\""_s, u"title:attention"_s, u"학습 데이터"_s };
    QHash<QString, QStringList> before;
    setIndexLayout(IndexLayout::Pairs);
    const auto restore = qScopeGuard([] { setIndexLayout(IndexLayout::Postings); }); // for the tests after, if this fails
    {
        auto library = openLibrary(dir.path());
        QVERIFY(library);
        QVERIFY(library->import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
        QVERIFY(library->setBookmarked({ u"1706.03762"_s }, true));
        for (const QString &query : queries)
            before.insert(query, library->search({ .text = query }).value());
    }
    setIndexLayout(IndexLayout::Postings);
    Result<Library::Opened> opened = Library::open(dir.path());
    QVERIFY(opened);
    QCOMPARE(opened->notices.size(), 1);
    QVERIFY2(opened->notices.constFirst().contains(u"another version"_s), qPrintable(opened->notices.constFirst()));
    Library &library = *opened->library;
    QVERIFY(library.userState(u"1706.03762"_s).bookmarked);
    QVERIFY(library.import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
    for (const QString &query : queries) {
        QVERIFY2(!before.value(query).isEmpty() || query == u"학습 데이터"_s, qPrintable(query));
        QCOMPARE(library.search({ .text = query }).value(), before.value(query));
    }
}

void TestLibrary::cancelledImportLeavesAConsistentIndex()
{
    QTemporaryDir dir;
    for (int i = 0; i < 150; ++i) {
        writeFile(dir.filePath(u"digests/%1.md"_s.arg(i, 3, 10, QChar(u'0'))),
                  u"## Daily Papers (2024-01-01)\n### [P%1](https://arxiv.org/abs/2401.%2)\nVote: 1\n- 요약 %1.\n"_s.arg(i)
                      .arg(10000 + i)
                      .toUtf8());
    }
    auto library = openLibrary(dir.filePath(u"lib"_s));
    std::atomic_bool cancel = false;
    int calls = 0;
    const ImportReport report = library->import({ dir.filePath(u"digests"_s) }, [&](const ImportProgress &progress) {
        ++calls;
        QCOMPARE(progress.total, 150);
        if (progress.done == 100)
            cancel = true;
    }, &cancel);
    QVERIFY(report.ok());
    QVERIFY(report.cancelled);
    QCOMPARE(calls, 100);
    QCOMPARE(library->stats().value().index.papers, 100);
    QCOMPARE(library->search({ .text = u"요약"_s }).value().size(), 100);
    const ImportReport rest = library->import({ dir.filePath(u"digests"_s) });
    QCOMPARE(rest.parsed, 50);
    QCOMPARE(library->stats().value().index.papers, 150);
}

void TestLibrary::secondImportIsRefusedWhileOneRuns()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QLockFile lock(library->indexPath() + u".lock"_s);
    QVERIFY(lock.tryLock(0));
    const ImportReport report = Importer(library->indexPath()).run({ QStringLiteral(HANJI_SAMPLES_DIR) });
    QVERIFY(!report.ok());
    QVERIFY(report.error->message.contains(u"another import"_s));
}

void TestLibrary::lockedLibraryGivesAClearError()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-writer"_s);
    other.setDatabaseName(library->userDataPath());
    QVERIFY(other.open());
    QSqlQuery hold(other);
    QVERIFY(hold.exec(u"BEGIN EXCLUSIVE"_s));
    const Result<> refused = library->setBookmarked({ u"1706.03762"_s }, true);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"in use by another program"_s), qPrintable(refused.error().message));
    QVERIFY(!library->userState(u"1706.03762"_s).bookmarked);
    QVERIFY(hold.exec(u"ROLLBACK"_s));
    hold = QSqlQuery();
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"other-writer"_s);
    QVERIFY(library->setBookmarked({ u"1706.03762"_s }, true));
}

void TestLibrary::readOnlyLibraryGivesAClearError()
{
    if (geteuid() == 0)
        QSKIP("running as root: file permissions do not stop root, so a read-only folder cannot be made here");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const Result<Library::Opened> opened = Library::open(dir.path());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(u"read-only"_s), qPrintable(opened.error().message));
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestLibrary::searchMatchesBruteForce_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("expectHits");
    QTest::addRow("one Korean syllable") << u"모"_s << true;
    QTest::addRow("another one syllable") << u"학"_s << true;
    QTest::addRow("two syllables") << u"모델"_s << true;
    QTest::addRow("two syllables, rarer") << u"확산"_s << true;
    QTest::addRow("three syllables") << u"트랜스"_s << true;
    QTest::addRow("a long Korean word") << u"트랜스포머"_s << true;
    QTest::addRow("two Korean words, both must match") << u"확산 이미지"_s << true;
    QTest::addRow("a quoted phrase with a space") << u"\"언어 모델\""_s << true;
    QTest::addRow("English in odd case") << u"DiFfUsIoN"_s << true;
    QTest::addRow("English all caps") << u"LORA"_s << true;
    QTest::addRow("one Latin letter") << u"x"_s << true;
    QTest::addRow("an author") << u"author:vaswani"_s << true;
    QTest::addRow("an author's full name") << u"author:\"Noam Shazeer\""_s << true;
    QTest::addRow("a title word") << u"title:attention"_s << true;
    QTest::addRow("title prefix excludes summary-only hits") << u"title:모델"_s << false;
    QTest::addRow("mixed scripts") << u"LLM 추론"_s << true;
    QTest::addRow("LaTeX in a title") << u"$\\times$"_s << false;
    QTest::addRow("punctuation") << u"(RLHF)"_s << false;
    QTest::addRow("nothing matches") << u"쥐둘기zq"_s << false;
    QTest::addRow("a double quote inside a word") << u"a\"b"_s << false;
}

void TestLibrary::searchMatchesBruteForce()
{
    QFETCH(QString, query);
    QFETCH(bool, expectHits);
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library->import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
    const BruteForce brute({ QStringLiteral(HANJI_SAMPLES_DIR) });

    const Result<QStringList> result = library->search({ .text = query });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    const QSet<QString> expected = brute.search(query);
    QCOMPARE(asSet(*result), expected);
    QCOMPARE(result->size(), expected.size()); // no paper twice
    // The window's search: the same papers, each once.
    const Result<QStringList> matching = library->matchingIds({ .text = query });
    QVERIFY2(matching, qPrintable(matching ? QString() : matching.error().message));
    QCOMPARE(asSet(*matching), expected);
    QCOMPARE(matching->size(), expected.size());
    if (expectHits)
        QVERIFY2(!expected.isEmpty(), "the fixture should give this query something to find");
}

void TestLibrary::searchCombinesFilters()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library->import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
    const BruteForce brute({ QStringLiteral(HANJI_SAMPLES_DIR) });
    QVERIFY(library->setBookmarked({ u"2305.18290"_s, u"1706.03762"_s, u"2010.11929"_s }, true));
    QVERIFY(library->setRead({ u"2305.18290"_s }, true));

    const auto votes = [](const Paper &p) { return p.votes().value_or(0); };
    const auto listedBetween = [](const Paper &p, QDate from, QDate to) {
        return std::any_of(p.appearances.cbegin(), p.appearances.cend(),
                           [&](const Appearance &a) { return a.date >= from && a.date <= to; });
    };
    QCOMPARE(asSet(library->search({ .text = u"모델"_s, .minVotes = 50 }).value()),
             brute.search(u"모델"_s, [&](const Paper &p) { return votes(p) >= 50; }));
    QCOMPARE(asSet(library->search({ .minVotes = 10, .maxVotes = 100 }).value()),
             brute.search(QString(), [&](const Paper &p) { return votes(p) >= 10 && votes(p) <= 100; }));
    const QDate from(2024, 6, 1), to(2024, 6, 30);
    QCOMPARE(asSet(library->search({ .text = u"학습"_s, .from = from, .to = to }).value()),
             brute.search(u"학습"_s, [&](const Paper &p) { return listedBetween(p, from, to); }));
    QCOMPARE(asSet(library->search({ .bookmarkedOnly = true, .unreadOnly = true }).value()),
             (QSet<QString> { u"1706.03762"_s, u"2010.11929"_s }));
    const int unread = library->search({ .unreadOnly = true }).value().size();
    QCOMPARE(unread, brute.papers().size() - 1);

    // Orders: newest first, most votes first, and relevance puts a title hit above summary hits.
    const QStringList byVotes = library->search({ .order = SearchQuery::Order::MostVotes }).value();
    for (int i = 1; i < byVotes.size(); ++i)
        QVERIFY(brute.papers()[byVotes[i - 1]].votes().value_or(-1) >= brute.papers()[byVotes[i]].votes().value_or(-1));
    const QStringList newest = library->search({ .order = SearchQuery::Order::Newest }).value();
    for (int i = 1; i < newest.size(); ++i) {
        const Paper &before = brute.papers()[newest[i - 1]];
        const Paper &after = brute.papers()[newest[i]];
        QVERIFY(before.latestDate() >= after.latestDate());
        if (before.latestDate() == after.latestDate()) // then more votes first, unknown as none
            QVERIFY(before.votes().value_or(0) >= after.votes().value_or(0));
    }
    const QStringList ranked = library->search({ .text = u"attention"_s }).value();
    const QSet<QString> titleHits = brute.search(u"title:attention"_s);
    QVERIFY(titleHits.size() >= 2);
    QVERIFY(ranked.size() > titleHits.size());
    QCOMPARE(asSet(ranked.mid(0, titleHits.size())), titleHits);
    QCOMPARE(library->search({ .limit = 3 }).value().size(), 3);

    // Each order in full, against what brute force works out: relevance sums 10 for each word
    // in the title, 4 in the authors, 1 in the summary alone; equals follow the Newest order
    // (latest date, then votes, unknown as none). The first of a limited search are the first
    // of the whole.
    const auto newer = [&](const QString &a, const QString &b) { // false where only the row can tell
        const Paper &pa = brute.papers()[a];
        const Paper &pb = brute.papers()[b];
        if (pa.latestDate() != pb.latestDate())
            return pa.latestDate() > pb.latestDate();
        return pa.votes().value_or(0) > pb.votes().value_or(0);
    };
    const auto sameDayAndVotes = [&](const QString &a, const QString &b) {
        return !newer(a, b) && !newer(b, a);
    };
    for (const QString &text : { u"attention"_s, u"모델 학습"_s, u"diffusion model"_s, u"학"_s, u"ho"_s, u"han wei"_s }) {
        QList<std::pair<QSet<QString>, QSet<QString>>> fields; // per word: title hits, author hits
        for (const QString &word : text.split(u' '))
            fields.append({ brute.search(u"title:"_s + word), brute.search(u"author:"_s + word) });
        const auto score = [&](const QString &id) {
            int sum = 0;
            for (const auto &[title, authors] : fields)
                sum += title.contains(id) ? 10 : authors.contains(id) ? 4 : 1;
            return sum;
        };
        const QStringList order = library->search({ .text = text }).value();
        QCOMPARE(asSet(order), brute.search(text));
        for (int i = 1; i < order.size(); ++i) {
            const QString &before = order[i - 1];
            const QString &after = order[i];
            QVERIFY2(score(before) > score(after) || (score(before) == score(after) && (newer(before, after) || sameDayAndVotes(before, after))),
                     qPrintable(u"%1: %2 before %3"_s.arg(text, before, after)));
        }
        QCOMPARE(library->search({ .text = text, .limit = 4 }).value(), order.mid(0, 4));
    }
    const QStringList allByVotes = library->search({ .order = SearchQuery::Order::MostVotes }).value();
    for (int i = 1; i < allByVotes.size(); ++i) {
        const auto votes = [&](const QString &id) { return brute.papers()[id].votes().value_or(-1); };
        QVERIFY(votes(allByVotes[i - 1]) > votes(allByVotes[i])
                || (votes(allByVotes[i - 1]) == votes(allByVotes[i]) && !newer(allByVotes[i], allByVotes[i - 1])));
    }
    QCOMPARE(library->search({ .order = SearchQuery::Order::MostVotes, .limit = 5 }).value(), allByVotes.mid(0, 5));
    QCOMPARE(library->search({ .order = SearchQuery::Order::Newest, .limit = 5 }).value(), newest.mid(0, 5));
}

// The index holds a paper's summary, title and authors as one text: where one field ends with
// the letter the next begins with, a phrase must not run on from the one into the other.
void TestLibrary::noPhraseSpansTwoFields_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");
    QTest::addRow("in the title") << u"odel"_s << true;
    QTest::addRow("title into authors") << u"odelena"_s << false;
    QTest::addRow("summary into title") << u"\"습 graph\""_s << false;
    QTest::addRow("the summary's end") << u"\"습 g\""_s << true;
    QTest::addRow("an author") << u"author:\"lena ortiz\""_s << true;
    QTest::addRow("an author's name, asked of the title") << u"title:lena"_s << false;
    QTest::addRow("a title word, asked of the authors") << u"author:graph"_s << false;
    QTest::addRow("one letter of the title, asked of the authors") << u"author:h"_s << false;
    QTest::addRow("a title word") << u"title:model"_s << true;
}

void TestLibrary::noPhraseSpansTwoFields()
{
    QFETCH(QString, query);
    QFETCH(bool, found);
    QTemporaryDir dir;
    writeFile(dir.filePath(u"digests/2024-05-02.md"_s),
              "## Daily Papers (2024-05-02)\n\n### [Graph Model](https://arxiv.org/abs/2405.00001)\n\nVote: 3\n\n"
              "Authors: Lena Ortiz\n\n- **What's New**: 그래프를 학습 g\n");
    auto library = openLibrary(dir.filePath(u"lib"_s));
    QVERIFY(library->import({ dir.filePath(u"digests"_s) }).ok());
    const Result<QStringList> result = library->search({ .text = query });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(*result, found ? QStringList { u"2405.00001"_s } : QStringList());
}

void TestLibrary::searchMatchesBruteForceOnTheCorpus()
{
    const QString corpus = QStringLiteral(HANJI_CORPUS_DIR);
    if (!QFileInfo::exists(corpus))
        QSKIP("no ../shared/corpus beside the checkout: search parity on real data skipped");
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library->import({ corpus }).ok());
    const BruteForce brute({ corpus });
    QCOMPARE(library->stats().value().index.papers, brute.papers().size());

    // Fixed queries, plus pieces cut from real summaries: 1, 2, 3 and 5 characters long.
    QStringList queries { u"모델"_s, u"확산"_s, u"학습"_s, u"강화"_s, u"에이전트"_s, u"\"대규모 언어 모델\""_s, u"LLM"_s,
                          u"diffusion"_s, u"Transformer"_s, u"author:wang"_s, u"title:video"_s, u"비디오 생성"_s,
                          u"GPT-4"_s, u"3D"_s, u"벤치마크 성능"_s, u"쥐"_s };
    QRandomGenerator random(7);
    const QList<Paper> papers = brute.papers().values();
    for (int length : { 1, 2, 3, 5 }) {
        for (int n = 0; n < 12; ++n) {
            const Paper &paper = papers.at(random.bounded(int(papers.size())));
            const QString text = paper.sections.value(0).text.simplified();
            if (text.size() <= length)
                continue;
            QString piece = text.mid(random.bounded(int(text.size() - length)), length).trimmed();
            piece.remove(u'"');
            if (!piece.isEmpty())
                queries += u'"' + piece + u'"';
        }
    }
    for (const QString &query : std::as_const(queries)) {
        const Result<QStringList> result = library->search({ .text = query });
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        const QSet<QString> expected = brute.search(query);
        QVERIFY2(asSet(*result) == expected,
                 qPrintable(u"%1: library %2, brute force %3"_s.arg(query).arg(result->size()).arg(expected.size())));
        const Result<QStringList> matching = library->matchingIds({ .text = query });
        QVERIFY2(matching && asSet(*matching) == expected && matching->size() == expected.size(),
                 qPrintable(u"%1: the window's matches differ from brute force"_s.arg(query)));
    }
}

void TestLibrary::aPaperFromTwoArchivesIsOnePaper()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    const QString archives = QStringLiteral(HANJI_TEST_DATA_DIR "/archives");
    const ImportReport report = library->import({ archives });
    QVERIFY(report.ok());
    ArchiveCount count;
    count.addFolder(archives);
    const LibraryStats stats = library->stats().value();
    QCOMPARE(stats.index.entries, count.allEntries().size());
    QCOMPARE(stats.index.papers, count.allPapers().size());

    // Listed by the arXiv digest and the Chinese newsletter on 03-10, by the Korean archive
    // (which gives no title) on 03-11: one paper, the latest title any listing gives.
    const Paper paper = library->paper(u"2503.04102"_s).value().value();
    QCOMPARE(paper.appearances.size(), 2);
    QCOMPARE(paper.appearances.at(0).date, QDate(2025, 3, 10));
    QCOMPARE(paper.appearances.at(1).date, QDate(2025, 3, 11));
    QCOMPARE(paper.title, u"闲聊智能体：闲聊如何改变对助手的信任"_s);
    QCOMPARE(paper.originalTitle, u"Small Talk Agents: How Chit-Chat Changes Trust in Assistants"_s);
    QCOMPARE(paper.authors, QStringList { u"Dara Okafor"_s }); // from the one archive that names authors
    QVERIFY(paper.sourceFile.endsWith(u"hf-papers-ko/2025-03-11.md"_s)); // the text is the latest listing's
    QCOMPARE(paper.sections.constFirst().key, u"Summary"_s);
    // The pane shows the other archives' texts too, oldest first: nothing an archive says is hidden.
    QStringList otherFiles;
    for (const DigestEntry &other : paper.otherTexts)
        otherFiles += QDir(archives).relativeFilePath(other.sourceFile);
    otherFiles.sort();
    QCOMPARE(otherFiles, (QStringList { u"arxiv-digest/2025-03-10.md"_s, u"hf-newsletter-zh/2025-03-10_daily_paper.md"_s }));
    const QString html = paperHtml(paper, {});
    for (const QString &text : { u"vanished by the fifth"_s, u"闲聊"_s, u"잡담"_s })
        QVERIFY2(html.contains(text), qPrintable(text));
    QVERIFY(paperText(paper).contains(u"As listed on 2025-03-10 in 2025-03-10_daily_paper.md"_s));
    // Every listing's text is found, not only the latest one's.
    for (const QString &query : { u"잡담"_s, u"\"vanished by the fifth\""_s, u"闲聊"_s, u"title:\"chit-chat\""_s,
                                  u"author:okafor"_s, u"cs.HC"_s }) {
        QVERIFY2(library->search({ .text = query }).value().contains(u"2503.04102"_s), qPrintable(query));
    }

    // No archive titles these: the id, and the bold sentence one of its summaries opens with.
    QCOMPARE(library->paper(u"2503.04300"_s).value()->title, u"2503.04300 · 작은 모델이 큰 모델의 초안을 고친다"_s);
    QCOMPARE(library->paper(u"2503.04301"_s).value()->title, u"2503.04301"_s);
    QCOMPARE(library->search({ .text = u"title:2503.04301"_s }).value(), QStringList { u"2503.04301"_s });

    // A category digest's paper keeps its fields and categories through the index.
    const Paper probe = library->paper(u"2503.04103"_s).value().value();
    QCOMPARE(probe.appearances.size(), 2);
    QCOMPARE(probe.categories, QStringList { u"cs.CL"_s });
    const Paper twice = library->paper(u"2503.04101"_s).value().value();
    QCOMPARE(twice.fields.size(), 4);
    QCOMPARE(twice.fields.at(1), (SummarySection { u"Keywords"_s, u"revision history, tangible interfaces, reading"_s }));

    // A rescan that changes one archive's file keeps every other listing's text searchable.
    QTemporaryDir copy;
    for (const QString &file : collectDigestFiles({ archives }).files) {
        const QString target = copy.filePath(QDir(archives).relativeFilePath(file));
        QDir().mkpath(QFileInfo(target).path());
        QVERIFY(QFile::copy(file, target));
    }
    auto second = openLibrary(copy.filePath(u"library"_s));
    QVERIFY(second->import({ copy.path() }).ok());
    QFile korean(copy.filePath(u"hf-papers-ko/2025-03-11.md"_s));
    QVERIFY(korean.open(QIODevice::Append));
    korean.write("\n## 2503.04399\n🔗 https://huggingface.co/papers/2503.04399\n\n**Summary**:\n- 새 논문.\n");
    korean.close();
    QVERIFY(second->import({ copy.path() }).ok());
    const BruteForce brute({ copy.path() });
    for (const QString &query : { u"잡담"_s, u"\"vanished by the fifth\""_s, u"闲聊"_s, u"새 논문"_s, u"title:small"_s }) {
        QCOMPARE(asSet(second->search({ .text = query }).value()), brute.search(query));
    }
    QCOMPARE(second->paper(u"2503.04102"_s).value()->title, paper.title);
}

void TestLibrary::searchMatchesBruteForceOnTheArchives_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("Korean summary") << u"초안"_s;
    QTest::addRow("Chinese summary") << u"账本"_s;
    QTest::addRow("one Chinese character") << u"信"_s;
    QTest::addRow("an English abstract") << u"syllable"_s;
    QTest::addRow("a keyword field") << u"\"tangible interfaces\""_s;
    QTest::addRow("a relevance score") << u"8"_s;
    QTest::addRow("a category") << u"cs.CL"_s;
    QTest::addRow("an original title") << u"title:ledger"_s;
    QTest::addRow("a translated title") << u"title:表格"_s;
    QTest::addRow("an id shown as the title") << u"title:2503.043"_s;
    QTest::addRow("an author") << u"author:park"_s;
    QTest::addRow("across scripts") << u"trust 信任"_s;
    QTest::addRow("nothing") << u"쥐둘기zq"_s;
}

void TestLibrary::searchMatchesBruteForceOnTheArchives()
{
    QFETCH(QString, query);
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    const QStringList folders { QStringLiteral(HANJI_TEST_DATA_DIR "/archives"), QStringLiteral(HANJI_SAMPLES_DIR) };
    QVERIFY(library->import(folders).ok());
    const BruteForce brute(folders);
    QCOMPARE(library->stats().value().index.papers, brute.papers().size());
    const Result<QStringList> result = library->search({ .text = query });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(asSet(*result), brute.search(query));
    QCOMPARE(result->size(), brute.search(query).size());
    if (!QByteArray(QTest::currentDataTag()).contains("nothing"))
        QVERIFY(!result->isEmpty());
}

void TestLibrary::realArchivesImportWithExactCounts()
{
    const QString archives = QStringLiteral(HANJI_CORPUS_DIR "/../archives");
    if (!QFileInfo::exists(archives))
        QSKIP("no ../shared/archives beside the checkout: real-archive import skipped");
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library->import({ archives }).ok());
    ArchiveCount count;
    count.addFolder(archives);
    const LibraryStats stats = library->stats().value();
    QCOMPARE(stats.index.entries, count.allEntries().size());
    QCOMPARE(stats.index.papers, count.allPapers().size());
    const BruteForce brute({ archives });
    QStringList queries { u"agent"_s, u"\"large language model\""_s, u"强化学习"_s, u"模"_s, u"title:LLM"_s,
                          u"author:wang"_s, u"cs.HC"_s, u"\"Relevance\""_s };
    QRandomGenerator random(15);
    const QList<Paper> papers = brute.papers().values();
    for (int n = 0; n < 12; ++n) {
        const QString text = papers.at(random.bounded(int(papers.size()))).sections.value(0).text.simplified();
        if (text.size() > 4) {
            QString piece = text.mid(random.bounded(int(text.size() - 4)), 4).trimmed();
            piece.remove(u'"');
            if (!piece.isEmpty())
                queries += u'"' + piece + u'"';
        }
    }
    for (const QString &query : std::as_const(queries)) {
        const QSet<QString> expected = brute.search(query);
        const QSet<QString> found = asSet(library->search({ .text = query }).value());
        QVERIFY2(found == expected, qPrintable(u"%1: library %2, brute force %3"_s.arg(query).arg(found.size()).arg(expected.size())));
    }
}

void TestLibrary::resolvesIdsFromLinks()
{
    QTemporaryDir dir;
    auto library = openLibrary(dir.path());
    QVERIFY(library->import({ QStringLiteral(HANJI_SAMPLES_DIR) }).ok());
    QCOMPARE(library->resolveId(u"1706.03762"_s).value().value_or(QString()), u"1706.03762"_s);
    QCOMPARE(library->resolveId(u"1706.03762v5"_s).value().value_or(QString()), u"1706.03762"_s);
    QCOMPARE(library->resolveId(u"https://arxiv.org/abs/1706.03762v2"_s).value().value_or(QString()), u"1706.03762"_s);
    QCOMPARE(library->resolveId(u"https://huggingface.co/papers/1706.03762"_s).value().value_or(QString()), u"1706.03762"_s);
    QCOMPARE(library->resolveId(u"https://github.com/karpathy/nanoGPT"_s).value().value_or(QString()), u"https://github.com/karpathy/nanoGPT"_s);
    QCOMPARE(library->resolveId(u"9999.99999"_s).value().value_or(QString()), QString());
}


QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
