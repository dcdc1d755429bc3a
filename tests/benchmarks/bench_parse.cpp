// Parse throughput per digest family on folders of digests (default: ../shared/corpus and
// ../shared/archives): reads every file into memory first, sorts the files by the family that
// reads them, then parses each family's files several times on one core and prints MB/s.
#include "digestformat.h"
#include "digestparser.h"
#include "digestscan.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList folders = app.arguments().mid(1);
    if (folders.isEmpty()) {
        for (const QString &folder : { QStringLiteral(HANJI_CORPUS_DIR), QStringLiteral(HANJI_CORPUS_DIR "/../archives") }) {
            if (QFileInfo::exists(folder))
                folders += folder;
        }
    }
    const auto list = hanji::collectDigestFiles(folders);
    if (list.files.isEmpty()) {
        std::fprintf(stderr, "bench_parse: no digest files under %s\n", qPrintable(folders.join(u", ")));
        return 1;
    }
    QMap<QString, QList<std::pair<QString, QByteArray>>> byFormat;
    for (const QString &path : list.files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QByteArray content = file.readAll();
        const QString format = hanji::DigestParser::parse(content, path).format;
        if (!format.isEmpty()) // files no family reads are not digests: nothing to time
            byFormat[format].append({ path, std::move(content) });
    }
    std::printf("%-18s %6s %9s %8s %12s %10s\n", "family", "files", "MB", "entries", "median MB/s", "best MB/s");
    for (auto it = byFormat.cbegin(); it != byFormat.cend(); ++it) {
        qint64 bytes = 0;
        for (const auto &file : *it)
            bytes += file.second.size();
        std::vector<double> rates;
        qint64 entries = 0;
        for (int round = 0; round < 7; ++round) {
            entries = 0;
            QElapsedTimer timer;
            timer.start();
            for (const auto &[path, content] : *it)
                entries += hanji::DigestParser::parse(content, path).entries.size();
            rates.push_back(double(bytes) / 1e6 / (double(timer.nsecsElapsed()) / 1e9));
        }
        std::sort(rates.begin(), rates.end());
        std::printf("%-18s %6lld %9.2f %8lld %12.0f %10.0f\n", qPrintable(it.key()), qlonglong(it->size()),
                    double(bytes) / 1e6, qlonglong(entries), rates[rates.size() / 2], rates.back());
    }
    std::printf("(7 rounds, one core)\n");
    return 0;
}
