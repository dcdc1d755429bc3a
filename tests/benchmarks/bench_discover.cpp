// Figures for Discover: building the similarity index, one related lookup, memory, the
// Insights numbers and charts, on the real corpus (../shared/corpus, when present) and on a
// generated archive of ten years; and the quality table: for topics named in titles, the share
// of each paper's top 5 related papers whose titles name the same topic, against the share of
// the topic in the whole corpus (what picking five papers at random would give).
//
//   bench_discover [--days N]   (default 3650)

#include "archivegenerator.h"
#include "archivestats.h"
#include "insightsview.h"
#include "library.h"
#include "paperfilterproxy.h"
#include "paperlistmodel.h"
#include "similaritysource.h"
#include "testpaths.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hanji;

namespace {

double milliseconds(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

long peakMemoryMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void row(const char *what, const QString &value) { std::printf("| %-46s | %22s |\n", what, qPrintable(value)); }

struct Built {
    std::unique_ptr<Library> library;
    SimilarityIndex index;
};

Built measure(const QString &title, const QString &folder, const QString &libraryDir)
{
    std::printf("\n%s\n\n| measure | value |\n|---|---:|\n", qPrintable(title));
    Built built;
    built.library = std::move(Library::open(libraryDir).value().library);
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = built.library->import({ folder });
    if (!report.ok())
        qFatal("import failed: %s", qPrintable(report.error->message));
    row("import (for reference)", u"%1 ms"_s.arg(milliseconds(timer), 0, 'f', 0));

    const long before = peakMemoryMiB();
    timer.restart();
    Result<SimilarityIndex> index = buildSimilarityIndex(built.library->indexPath());
    if (!index)
        qFatal("similarity failed: %s", qPrintable(index.error().message));
    const double buildMs = milliseconds(timer);
    built.index = std::move(*index);
    row("papers, terms kept", u"%L1, %L2"_s.arg(built.index.size()).arg(built.index.termCount()));
    row("build the similarity index (read + tf-idf)", u"%1 ms"_s.arg(buildMs, 0, 'f', 0));
    row("index in memory", u"%1 MiB"_s.arg(double(built.index.memoryBytes()) / 1048576.0, 0, 'f', 1));
    row("peak RSS before / after the build", u"%1 / %2 MiB"_s.arg(before).arg(peakMemoryMiB()));

    // Lookups: up to 2,000 papers spread over the library.
    const QList<PaperRow> rows = built.library->rows().value();
    std::vector<double> samples;
    const qsizetype step = std::max<qsizetype>(1, rows.size() / 2000);
    for (qsizetype i = 0; i < rows.size(); i += step) {
        timer.restart();
        const QList<RelatedPaper> related = built.index.related(rows.at(i).id, 8);
        samples.push_back(milliseconds(timer));
        Q_UNUSED(related)
    }
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    row("related lookup, 8 papers: median / p95 / max",
        u"%1 / %2 / %3 ms"_s.arg(at(0.5), 0, 'f', 2).arg(at(0.95), 0, 'f', 2).arg(samples.back(), 0, 'f', 2));

    timer.restart();
    const ArchiveStats stats = ArchiveStats::of(rows);
    row("Insights numbers, all papers (worker thread)", u"%1 ms"_s.arg(milliseconds(timer), 0, 'f', 0));

    // The charts as the window draws them, offscreen: every paper, then one year.
    PaperListModel model;
    model.setRows(rows);
    PaperFilterProxy proxy;
    proxy.setSourceModel(&model);
    InsightsView view(&proxy, &model);
    view.resize(1400, 1000);
    timer.restart();
    view.refreshNow(); // the numbers too, here on this thread; the window computes them on a worker
    row("Insights on the UI thread, all: rows + drawing", u"%1 + %2 ms"_s.arg(view.lastGatherMilliseconds(), 0, 'f', 0)
                                                                 .arg(view.lastDrawMilliseconds(), 0, 'f', 0));
    const QDate last = stats.perDay.isEmpty() ? QDate() : stats.perDay.constLast().date;
    proxy.setScope(DateScope::ofYear(last.year()));
    timer.restart();
    view.refreshNow();
    row("Insights on the UI thread, a year: rows + drawing", u"%1 + %2 ms"_s.arg(view.lastGatherMilliseconds(), 0, 'f', 0)
                                                                     .arg(view.lastDrawMilliseconds(), 0, 'f', 0));
    row("peak RSS at the end", u"%1 MiB"_s.arg(peakMemoryMiB()));
    return built;
}

void qualityTable(const Built &built)
{
    struct Topic {
        const char *name;
        QRegularExpression pattern;
    };
    const auto re = [](const char *pattern) {
        return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption);
    };
    const QList<Topic> topics {
        { "Mamba", re(R"(\bmamba)") },
        { "Gaussian Splatting", re(R"(gaussian splatting)") },
        { "LoRA", re(R"(\blora\b)") },
        { "speculative decoding", re(R"(speculative decoding)") },
        { "quantization", re(R"(quantiz)") },
        { "mixture-of-experts", re(R"(mixture.of.experts|\bmoe\b)") },
        { "retrieval-augmented (RAG)", re(R"(retrieval.augmented|\brag\b)") },
        { "preference optimization (DPO)", re(R"(preference optimi|\bdpo\b)") },
        { "speech", re(R"(speech|\btts\b)") },
        { "video generation", re(R"(video generation)") },
        { "long context", re(R"(long.context)") },
        { "reward model", re(R"(reward model)") },
    };
    const QList<PaperRow> rows = built.library->rows().value();
    QHash<QString, QString> titles;
    for (const PaperRow &row : rows)
        titles.insert(row.id, row.title);
    std::printf("\nQuality: share of the top 5 related papers whose titles name the topic\n\n"
                "| topic | papers | share in corpus | share in top 5 | × base rate |\n|---|---:|---:|---:|---:|\n");
    for (const Topic &topic : topics) {
        int papers = 0;
        int hits = 0;
        int listed = 0;
        for (const PaperRow &row : rows) {
            if (!topic.pattern.match(row.title).hasMatch())
                continue;
            ++papers;
            for (const RelatedPaper &related : built.index.related(row.id, 5)) {
                ++listed;
                hits += topic.pattern.match(titles.value(related.id)).hasMatch() ? 1 : 0;
            }
        }
        // Base rate: another paper of the topic, drawn at random from the rest.
        const double base = papers > 1 ? double(papers - 1) / double(rows.size() - 1) : 0;
        const double share = listed > 0 ? double(hits) / listed : 0;
        std::printf("| %s | %d | %.1f%% | %.1f%% | %.0f× |\n", topic.name, papers, 100 * base, 100 * share,
                    base > 0 ? share / base : 0.0);
    }
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto value = [&](const QString &name, const QString &fallback) {
        const qsizetype at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
    };
    const int days = value(u"--days"_s, u"3650"_s).toInt();

    const QString corpus = QStringLiteral(HANJI_CORPUS_DIR);
    if (QFileInfo(corpus).isDir()) {
        QTemporaryDir library;
        const Built built = measure(u"Real corpus (%1)"_s.arg(corpus), corpus, library.path());
        qualityTable(built);
    } else {
        std::printf("no corpus at %s: its figures and the quality table are skipped\n", qPrintable(corpus));
    }

    if (QFileInfo(corpus).isDir()) {
        QTemporaryDir realistic;
        QTemporaryDir library;
        const GeneratedArchive archive = generateArchiveFromCorpus(realistic.path(), corpus, QDate(2015, 1, 1), days);
        std::printf("\ngenerated from the corpus: %d files, %d entries\n", archive.files, archive.entries);
        const Built built = measure(u"Ten years of real text (the corpus cycled), %1 days"_s.arg(days), realistic.path(),
                                    library.path());
        qualityTable(built);
    }

    QTemporaryDir generated;
    QTemporaryDir library;
    QElapsedTimer timer;
    timer.start();
    const GeneratedArchive archive = generateArchive(generated.path(), QDate(2015, 1, 1), days);
    std::printf("\ngenerated %d files, %d entries in %lld ms\n", archive.files, archive.entries, timer.elapsed());
    measure(u"Generated archive, %1 days"_s.arg(days), generated.path(), library.path());
    return 0;
}
