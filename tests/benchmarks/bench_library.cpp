// Library figures: import, rescans, search latency, size and memory, on the real corpus
// (../shared/corpus, when present) and on a generated archive of ten years.
//   bench_library [--corpus DIR] [--days N] [--keep DIR] [--synthetic-only] [--corpus-only]
//                 [--real-only] [--write-ten-years DIR]
// Each archive is imported with the full-text index of version 2 (every character and every
// pair at every position: the layout before issue 12), of version 5 (FTS5 with the tokenizers
// of Hanji's: pairs, each distinct character once) and of version 6 (the same kept as Hanji's
// own postings), and once naively (the files' text in FTS5 with its trigram tokenizer), so
// that the figures stand side by side from one run. All keep the texts as version 4 does
// (compressed by file): the columns differ by their full-text index alone.
#include "archivegenerator.h"
#include "digestparser.h"
#include "digestscan.h"
#include "library.h"
#include "ngramtokenizer.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace hanji;

namespace {

struct Percentiles {
    double p50 = 0;
    double p95 = 0;
};

Percentiles percentiles(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return { at(0.50), at(0.95) };
}

double milliseconds(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

long peakMemoryMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Resets the peak resident size (VmHWM), so that each measurement reports its own.
void resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

long peakMemoryKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return peakMemoryMiB() * 1024;
}

QString ms(double value) { return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 1 : 0); }

struct Figures {
    double coldImport = 0;
    double check = 0; // reading and parsing the same files, as hanji check does
    double rescan = 0;
    double rescanOne = 0;
    QList<Percentiles> searches; // by group: by date, then ranked
    QList<qsizetype> hits;
    double rows = 0;
    qint64 indexBytes = 0;
    qint64 userBytes = 0;
    long peakKiB = 0;
    int papers = 0;
    int entries = 0;
};

const QList<std::pair<const char *, QStringList>> &queryGroups()
{
    static const QList<std::pair<const char *, QStringList>> groups {
        { "1 syllable (모, 학, 델, 성)", { QStringLiteral("모"), QStringLiteral("학"), QStringLiteral("델"), QStringLiteral("성") } },
        { "2 syllables (모델, 확산, 학습, 성능)", { QStringLiteral("모델"), QStringLiteral("확산"), QStringLiteral("학습"), QStringLiteral("성능") } },
        { "3+ syllables (트랜스포머, 강화학습, …)",
          { QStringLiteral("트랜스포머"), QStringLiteral("강화학습"), QStringLiteral("\"언어 모델\""), QStringLiteral("벤치마크") } },
        { "English (diffusion, LLM, Transformer, agent)",
          { QStringLiteral("diffusion"), QStringLiteral("LLM"), QStringLiteral("Transformer"), QStringLiteral("agent") } },
    };
    return groups;
}

double checkFiles(const QString &digests)
{
    QElapsedTimer timer;
    timer.start();
    const DigestFileList list = collectDigestFiles({ digests });
    qsizetype entries = 0;
    for (const QString &file : list.files) {
        if (const Result<ParsedDigest> digest = readDigestFile(file))
            entries += digest->entries.size();
    }
    Q_UNUSED(entries);
    return milliseconds(timer);
}

qint64 textBytes(const QString &digests)
{
    qint64 bytes = 0;
    for (const QString &file : collectDigestFiles({ digests }).files)
        bytes += QFileInfo(file).size();
    return bytes;
}

// The naive baseline: every file's text into SQLite, indexed by FTS5's own trigram tokenizer.
std::pair<double, qint64> naiveImport(const QString &digests)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("naive.sqlite"));
    QElapsedTimer timer;
    timer.start();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("naive"));
        db.setDatabaseName(path);
        if (!db.open())
            return { -1, 0 };
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        query.exec(QStringLiteral("CREATE VIRTUAL TABLE texts USING fts5(path, text, tokenize='trigram')"));
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO texts(path, text) VALUES (?, ?)"));
        for (const QString &file : collectDigestFiles({ digests }).files) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                continue;
            insert.addBindValue(file);
            insert.addBindValue(QString::fromUtf8(in.readAll()));
            insert.exec();
        }
        db.commit();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("naive"));
    const double elapsed = milliseconds(timer);
    return { elapsed, QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size() };
}

Figures measure(const QString &digests, IndexLayout layout)
{
    setIndexLayout(layout);
    resetPeakMemory();
    Figures figures;
    QTemporaryDir libraryDir;
    auto library = std::move(Library::open(libraryDir.path()).value().library);

    figures.check = checkFiles(digests);
    QElapsedTimer timer;
    timer.start();
    const ImportReport cold = library->import({ digests });
    figures.coldImport = milliseconds(timer);

    std::vector<double> rescans;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        (void)library->import({ digests });
        rescans.push_back(milliseconds(timer));
    }
    figures.rescan = percentiles(rescans).p50;

    // Change one file: append a paper to the newest day (and take it out again afterwards, so
    // that the next layout reads the same files).
    QStringList files = collectDigestFiles({ digests }).files;
    files.sort();
    QFile last(files.constLast());
    QByteArray original;
    if (last.open(QIODevice::ReadWrite)) {
        original = last.readAll();
        last.write("\n### [Appended For The Benchmark](https://arxiv.org/abs/2499.99999)\n\nVote: 1\n\n- 벤치마크용 추가.\n");
        last.close();
    }
    timer.restart();
    (void)library->import({ digests });
    figures.rescanOne = milliseconds(timer);

    {
        // Sizes of the files proper: what the write-ahead log holds goes back in first.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("checkpoint"));
        db.setDatabaseName(library->indexPath());
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("checkpoint"));
    const LibraryStats stats = library->stats().value();
    figures.papers = stats.index.papers;
    figures.entries = stats.index.entries;

    for (const auto order : { SearchQuery::Order::Newest, SearchQuery::Order::Relevance }) {
        for (const auto &[label, queries] : queryGroups()) {
            std::vector<double> samples;
            qsizetype hits = 0;
            for (int round = 0; round < 15; ++round) {
                for (const QString &text : queries) {
                    timer.restart();
                    hits = library->search({ .text = text, .order = order }).value().size();
                    samples.push_back(milliseconds(timer));
                }
            }
            figures.searches.append(percentiles(samples));
            figures.hits.append(hits);
        }
    }
    std::vector<double> rows;
    for (int i = 0; i < 3; ++i) {
        timer.restart();
        (void)library->rows();
        rows.push_back(milliseconds(timer));
    }
    figures.rows = percentiles(rows).p50;
    figures.indexBytes = stats.indexBytes;
    figures.userBytes = stats.userDataBytes;
    figures.peakKiB = peakMemoryKiB();
    Q_UNUSED(cold);
    if (last.open(QIODevice::WriteOnly | QIODevice::Truncate))
        last.write(original);
    return figures;
}

void row(const QString &what, const QStringList &cells)
{
    std::printf("| %-46s |", qPrintable(what));
    for (const QString &cell : cells)
        std::printf(" %24s |", qPrintable(cell));
    std::printf("\n");
}

// Each layout of one run, side by side: version 2 (the index when issue 12 was filed), version
// 5 (FTS5 with the tokenizers of Hanji's) and version 6 (Hanji's own postings), then the naive
// baseline.
void compare(const QString &name, const QString &digests)
{
    std::printf("\n### %s\n\n", qPrintable(name));
    const qint64 text = textBytes(digests);
    QList<Figures> runs;
    for (const IndexLayout layout : { IndexLayout::EveryCharacterAndPair, IndexLayout::Pairs, IndexLayout::Postings })
        runs.append(measure(digests, layout));
    setIndexLayout(IndexLayout::Postings);
    const auto [naiveMs, naiveBytes] = naiveImport(digests);
    const auto each = [&](const std::function<QString(const Figures &)> &cell, const QString &naive = QString()) {
        QStringList cells;
        for (const Figures &f : std::as_const(runs))
            cells += cell(f);
        return cells << naive;
    };
    std::printf("| measure | v2 (every character and pair; issue 12's \"now\") | v5 (FTS5, pairs and characters) | v6 (Hanji's own postings) | naive (FTS5 trigram) |\n"
                "|---|---:|---:|---:|---:|\n");
    row(QStringLiteral("papers / entries"), each([](const Figures &f) { return QStringLiteral("%1 / %2").arg(f.papers).arg(f.entries); }));
    row(QStringLiteral("cold import"), each([](const Figures &f) { return ms(f.coldImport); }, ms(naiveMs)));
    row(QStringLiteral("  the same files read as hanji check does"), each([](const Figures &f) { return ms(f.check); }));
    row(QStringLiteral("  cold import / check"), each([](const Figures &f) { return QStringLiteral("%1×").arg(f.coldImport / f.check, 0, 'f', 1); },
                                                      QStringLiteral("%1×").arg(naiveMs / runs.constLast().check, 0, 'f', 1)));
    row(QStringLiteral("rescan, nothing changed (median of 5)"), each([](const Figures &f) { return ms(f.rescan); }));
    row(QStringLiteral("rescan, one file changed"), each([](const Figures &f) { return ms(f.rescanOne); }));
    const QList<std::pair<const char *, QStringList>> &groups = queryGroups();
    for (qsizetype i = 0; i < runs.constFirst().searches.size(); ++i) {
        const bool ranked = i >= groups.size();
        const QString what = QStringLiteral("search p95, %1%2").arg(QString::fromUtf8(groups.at(i % groups.size()).first),
                                                                    ranked ? QStringLiteral(", ranked") : QString());
        row(what, each([&](const Figures &f) {
            return QStringLiteral("%1 (p50 %2; %3 hits)").arg(ms(f.searches.at(i).p95), ms(f.searches.at(i).p50)).arg(f.hits.at(i));
        }));
    }
    row(QStringLiteral("load all rows for the window (median of 3)"), each([](const Figures &f) { return ms(f.rows); }));
    const auto mib = [](qint64 bytes) { return QStringLiteral("%1 MiB").arg(double(bytes) / 1048576.0, 0, 'f', 1); };
    row(QStringLiteral("index size (user data %1 KiB)").arg(runs.constLast().userBytes / 1024),
        each([&](const Figures &f) { return mib(f.indexBytes); }, mib(naiveBytes)));
    row(QStringLiteral("index size / text size (%1)").arg(mib(text)),
        each([&](const Figures &f) { return QStringLiteral("%1×").arg(double(f.indexBytes) / double(text), 0, 'f', 2); },
             QStringLiteral("%1×").arg(double(naiveBytes) / double(text), 0, 'f', 2)));
    row(QStringLiteral("peak memory (VmHWM)"), each([](const Figures &f) { return QStringLiteral("%1 MiB").arg(f.peakKiB / 1024); }));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&](const QString &option, const QString &fallback) {
        const qsizetype i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const QString corpus = value(QStringLiteral("--corpus"), QStringLiteral(HANJI_CORPUS_DIR));
    if (const QString folder = value(QStringLiteral("--write-ten-years"), QString()); !folder.isEmpty()) {
        // For profiling by hand: ten years made of the real corpus, written and kept.
        const GeneratedArchive archive = generateArchiveFromCorpus(folder, corpus, QDate(2015, 1, 1), 3650);
        std::printf("%d files, %d entries in %s\n", archive.files, archive.entries, qPrintable(folder));
        return 0;
    }
    if (QFileInfo::exists(corpus)) {
        QTemporaryDir copy; // rescans change a file: work on a copy
        QProcess::execute(QStringLiteral("cp"), { QStringLiteral("-r"), corpus + QStringLiteral("/."), copy.path() });
        compare(QStringLiteral("Real corpus (%1)").arg(corpus), copy.path());
    } else {
        std::printf("no corpus at %s: skipped\n", qPrintable(corpus));
    }
    if (args.contains(QStringLiteral("--corpus-only")))
        return 0;
    if (QFileInfo::exists(corpus) && !args.contains(QStringLiteral("--synthetic-only"))) {
        QTemporaryDir realistic;
        QElapsedTimer timer;
        timer.start();
        const GeneratedArchive archive =
            generateArchiveFromCorpus(realistic.path(), corpus, QDate(2015, 1, 1), value(QStringLiteral("--days"), QStringLiteral("3650")).toInt());
        std::printf("\ngenerated from the corpus: %d files, %d entries, %.1f MB in %lld ms\n", archive.files, archive.entries,
                    double(archive.bytes) / 1e6, qlonglong(timer.elapsed()));
        compare(QStringLiteral("Ten years made of the real corpus"), realistic.path());
    }
    if (args.contains(QStringLiteral("--real-only")))
        return 0;
    QTemporaryDir generated;
    const QString folder = value(QStringLiteral("--keep"), generated.path());
    const int days = value(QStringLiteral("--days"), QStringLiteral("3650")).toInt();
    QElapsedTimer timer;
    timer.start();
    const GeneratedArchive archive = generateArchive(folder, QDate(2015, 1, 1), days);
    std::printf("\ngenerated %d files, %d entries, %.1f MB in %lld ms\n", archive.files, archive.entries,
                double(archive.bytes) / 1e6, qlonglong(timer.elapsed()));
    compare(QStringLiteral("Generated archive, %1 days").arg(days), folder);
    return 0;
}
