// Parse throughput on a folder of digests (default: ../shared/corpus): reads every file into
// memory first, then parses them all several times on one core and prints MB/s.
#include "digestparser.h"
#include "digestscan.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString folder = app.arguments().value(1, QStringLiteral(HANJI_CORPUS_DIR));
    const auto list = hanji::collectDigestFiles({ folder });
    if (list.files.isEmpty()) {
        std::fprintf(stderr, "bench_parse: no digest files under %s\n", qPrintable(folder));
        return 1;
    }
    QList<std::pair<QString, QByteArray>> files;
    qint64 bytes = 0;
    for (const QString &path : list.files) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.append({ path, file.readAll() });
        bytes += files.constLast().second.size();
    }
    std::vector<double> rates;
    qint64 entries = 0;
    for (int round = 0; round < 7; ++round) {
        entries = 0;
        QElapsedTimer timer;
        timer.start();
        for (const auto &[path, content] : files)
            entries += hanji::DigestParser::parse(content, path).entries.size();
        rates.push_back(double(bytes) / 1e6 / (double(timer.nsecsElapsed()) / 1e9));
    }
    std::sort(rates.begin(), rates.end());
    std::printf("files %lld, %.2f MB, %lld entries\n", qlonglong(files.size()), double(bytes) / 1e6, qlonglong(entries));
    std::printf("parse throughput: median %.0f MB/s, best %.0f MB/s (7 rounds, one core)\n", rates[rates.size() / 2],
                rates.back());
    return 0;
}
