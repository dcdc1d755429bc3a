// Library figures: import, rescans, search latency, size and memory, on the real corpus
// (../shared/corpus, when present) and on a generated archive of ten years.
//   bench_library [--corpus DIR] [--days N] [--keep DIR] [--synthetic-only]
#include "archivegenerator.h"
#include "library.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

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

void row(const char *what, const QString &value) { std::printf("| %-44s | %18s |\n", what, qPrintable(value)); }

void measure(const QString &name, const QString &digests)
{
    QTemporaryDir libraryDir;
    std::printf("\n### %s\n\n| measure | value |\n|---|---:|\n", qPrintable(name));
    auto library = std::move(Library::open(libraryDir.path()).value().library);

    QElapsedTimer timer;
    timer.start();
    const ImportReport cold = library->import({ digests });
    row("cold import", QStringLiteral("%1 ms (%2 files, %3 entries)").arg(cold.milliseconds).arg(cold.files).arg(cold.entries));

    std::vector<double> rescans;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        (void)library->import({ digests });
        rescans.push_back(milliseconds(timer));
    }
    row("rescan, nothing changed (median of 5)", QStringLiteral("%1 ms").arg(percentiles(rescans).p50, 0, 'f', 1));

    // Change one file: append a paper to the newest day.
    QStringList files;
    QDirIterator it(digests, { QStringLiteral("*.md") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files += it.next();
    files.sort();
    QFile last(files.constLast());
    if (last.open(QIODevice::Append)) {
        last.write("\n### [Appended For The Benchmark](https://arxiv.org/abs/2499.99999)\n\nVote: 1\n\n- 벤치마크용 추가.\n");
        last.close();
    }
    timer.restart();
    const ImportReport one = library->import({ digests });
    row("rescan, one file changed", QStringLiteral("%1 ms (%2 parsed)").arg(milliseconds(timer), 0, 'f', 1).arg(one.parsed));

    const LibraryStats stats = library->stats().value();
    row("papers / entries", QStringLiteral("%1 / %2").arg(stats.index.papers).arg(stats.index.entries));

    const QList<std::pair<const char *, QStringList>> groups {
        { "1 syllable (모, 학, 델, 성)", { QStringLiteral("모"), QStringLiteral("학"), QStringLiteral("델"), QStringLiteral("성") } },
        { "2 syllables (모델, 확산, 학습, 성능)", { QStringLiteral("모델"), QStringLiteral("확산"), QStringLiteral("학습"), QStringLiteral("성능") } },
        { "3+ syllables (트랜스포머, 강화학습, …)",
          { QStringLiteral("트랜스포머"), QStringLiteral("강화학습"), QStringLiteral("\"언어 모델\""), QStringLiteral("벤치마크") } },
        { "English (diffusion, LLM, Transformer, agent)",
          { QStringLiteral("diffusion"), QStringLiteral("LLM"), QStringLiteral("Transformer"), QStringLiteral("agent") } },
    };
    for (const auto order : { SearchQuery::Order::Newest, SearchQuery::Order::Relevance }) {
        for (const auto &[label, queries] : groups) {
            std::vector<double> samples;
            qsizetype hits = 0;
            for (int round = 0; round < 15; ++round) {
                for (const QString &text : queries) {
                    timer.restart();
                    hits = library->search({ .text = text, .order = order }).value().size();
                    samples.push_back(milliseconds(timer));
                }
            }
            const Percentiles p = percentiles(samples);
            const QString what = QStringLiteral("search %1, %2").arg(QString::fromUtf8(label),
                                                                     order == SearchQuery::Order::Relevance ? QStringLiteral("ranked")
                                                                                                            : QStringLiteral("by date"));
            std::printf("| %-44s | %18s |\n", qPrintable(what),
                        qPrintable(QStringLiteral("p50 %1 ms, p95 %2 ms (last: %3 hits)").arg(p.p50, 0, 'f', 1).arg(p.p95, 0, 'f', 1).arg(hits)));
        }
    }
    std::vector<double> rows;
    for (int i = 0; i < 3; ++i) {
        timer.restart();
        (void)library->rows();
        rows.push_back(milliseconds(timer));
    }
    row("load all rows for the window (median of 3)", QStringLiteral("%1 ms").arg(percentiles(rows).p50, 0, 'f', 1));
    row("database size (index + user data)",
        QStringLiteral("%1 MiB + %2 KiB").arg(double(stats.indexBytes) / 1048576.0, 0, 'f', 1).arg(stats.userDataBytes / 1024));
    row("peak memory so far (RSS)", QStringLiteral("%1 MiB").arg(peakMemoryMiB()));
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
    if (QFileInfo::exists(corpus)) {
        QTemporaryDir copy; // rescans change a file: work on a copy
        QProcess::execute(QStringLiteral("cp"), { QStringLiteral("-r"), corpus + QStringLiteral("/."), copy.path() });
        measure(QStringLiteral("Real corpus (%1)").arg(corpus), copy.path());
    } else {
        std::printf("no corpus at %s: skipped\n", qPrintable(corpus));
    }
    if (QFileInfo::exists(corpus) && !args.contains(QStringLiteral("--synthetic-only"))) {
        QTemporaryDir realistic;
        QElapsedTimer timer;
        timer.start();
        const GeneratedArchive archive =
            generateArchiveFromCorpus(realistic.path(), corpus, QDate(2015, 1, 1), value(QStringLiteral("--days"), QStringLiteral("3650")).toInt());
        std::printf("\ngenerated from the corpus: %d files, %d entries, %.1f MB in %lld ms\n", archive.files, archive.entries,
                    double(archive.bytes) / 1e6, qlonglong(timer.elapsed()));
        measure(QStringLiteral("Ten years made of the real corpus"), realistic.path());
    }
    QTemporaryDir generated;
    const QString folder = value(QStringLiteral("--keep"), generated.path());
    const int days = value(QStringLiteral("--days"), QStringLiteral("3650")).toInt();
    QElapsedTimer timer;
    timer.start();
    const GeneratedArchive archive = generateArchive(folder, QDate(2015, 1, 1), days);
    std::printf("\ngenerated %d files, %d entries, %.1f MB in %lld ms\n", archive.files, archive.entries,
                double(archive.bytes) / 1e6, qlonglong(timer.elapsed()));
    measure(QStringLiteral("Generated archive, %1 days").arg(days), folder);
    return 0;
}
