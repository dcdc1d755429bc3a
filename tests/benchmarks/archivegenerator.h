#pragma once

// Writes a synthetic archive of daily digests in the real format: one file a day
// (YYYY/MM/DD.md), ~16 papers a day, some papers listed again on later days, Korean summaries
// made of research vocabulary, every variant of the format mixed in. Deterministic for a seed.

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

struct GeneratedArchive {
    int files = 0;
    int entries = 0;
    qint64 bytes = 0;
};

// Writes one day's digest as the archives lay them out: YYYY/MM/DD.md.
inline void writeDay(const QString &folder, QDate date, const QString &text, GeneratedArchive &archive)
{
    const QString path = QStringLiteral("%1/%2/%3/%4.md")
                             .arg(folder)
                             .arg(date.year())
                             .arg(date.month(), 2, 10, QLatin1Char('0'))
                             .arg(date.day(), 2, 10, QLatin1Char('0'));
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QByteArray bytes = text.toUtf8();
    file.write(bytes);
    archive.bytes += bytes.size();
    ++archive.files;
}

inline GeneratedArchive generateArchive(const QString &folder, QDate first, int days, int entriesPerDay = 16,
                                        quint32 seed = 2024)
{
    static const QStringList subjects { QStringLiteral("대규모 언어 모델"), QStringLiteral("확산 모델"), QStringLiteral("비전 트랜스포머"),
                                        QStringLiteral("강화학습 에이전트"), QStringLiteral("멀티모달 모델"), QStringLiteral("음성 인식 시스템"),
                                        QStringLiteral("코드 생성 모델"), QStringLiteral("검색 증강 생성"), QStringLiteral("비디오 생성 모델"),
                                        QStringLiteral("3D 재구성 방법"), QStringLiteral("로봇 정책"), QStringLiteral("추론 엔진") };
    static const QStringList verbs { QStringLiteral("제안합니다"), QStringLiteral("개선합니다"), QStringLiteral("분석합니다"),
                                     QStringLiteral("평가합니다"), QStringLiteral("확장합니다"), QStringLiteral("단순화합니다") };
    static const QStringList objects { QStringLiteral("학습 효율"), QStringLiteral("추론 속도"), QStringLiteral("메모리 사용량"),
                                       QStringLiteral("벤치마크 성능"), QStringLiteral("데이터 품질"), QStringLiteral("정렬 안정성"),
                                       QStringLiteral("긴 문맥 처리"), QStringLiteral("일반화 능력"), QStringLiteral("환각 문제") };
    static const QStringList english { QStringLiteral("Diffusion"), QStringLiteral("Transformer"), QStringLiteral("LLM"),
                                       QStringLiteral("Agent"), QStringLiteral("Vision"), QStringLiteral("Reasoning"),
                                       QStringLiteral("Scaling"), QStringLiteral("Alignment"), QStringLiteral("Retrieval"),
                                       QStringLiteral("Video"), QStringLiteral("Speech"), QStringLiteral("Robot") };
    static const QStringList surnames { QStringLiteral("Kim"), QStringLiteral("Lee"), QStringLiteral("Park"), QStringLiteral("Wang"),
                                        QStringLiteral("Zhang"), QStringLiteral("Smith"), QStringLiteral("Garcia"), QStringLiteral("Müller"),
                                        QStringLiteral("Tanaka"), QStringLiteral("Singh"), QStringLiteral("Chen"), QStringLiteral("Rossi") };
    static const QStringList given { QStringLiteral("Minji"), QStringLiteral("Jun"), QStringLiteral("Wei"), QStringLiteral("Anna"),
                                     QStringLiteral("Luis"), QStringLiteral("Yuki"), QStringLiteral("Priya"), QStringLiteral("Omar"),
                                     QStringLiteral("Sara"), QStringLiteral("Tom"), QStringLiteral("Hana"), QStringLiteral("Ivan") };
    QRandomGenerator random(seed);
    const auto pick = [&](const QStringList &list) { return list.at(random.bounded(int(list.size()))); };
    const auto sentence = [&] {
        return QStringLiteral("본 연구는 %1의 %2을(를) %3. %4 기반 접근으로 기존 방법 대비 %5%% 향상된 결과를 보입니다.")
            .arg(pick(subjects), pick(objects), pick(verbs), pick(english))
            .arg(random.bounded(5, 60));
    };

    GeneratedArchive archive;
    QList<QString> earlier; // headings of papers that may appear again
    int serial = 0;
    for (int d = 0; d < days; ++d) {
        const QDate date = first.addDays(d);
        QString text = QStringLiteral("## Daily Papers (%1)\n\n").arg(date.toString(Qt::ISODate));
        const int count = entriesPerDay - 3 + random.bounded(7);
        for (int p = 0; p < count; ++p) {
            QString heading;
            if (!earlier.isEmpty() && random.bounded(10) == 0) {
                heading = earlier.at(random.bounded(int(earlier.size())));
            } else {
                const QString id = QStringLiteral("%1%2.%3")
                                       .arg(date.year() % 100, 2, 10, QLatin1Char('0'))
                                       .arg(date.month(), 2, 10, QLatin1Char('0'))
                                       .arg(++serial, 5, 10, QLatin1Char('0'));
                heading = QStringLiteral("### [%1 %2: %3의 %4](https://arxiv.org/abs/%5)\n")
                              .arg(pick(english), pick(english), pick(subjects), pick(objects), id);
                earlier.append(heading);
                if (earlier.size() > 2000)
                    earlier.removeFirst();
            }
            text += heading + QLatin1Char('\n');
            text += QStringLiteral("![](https://cdn.example.org/thumbs/%1.png)\n\n").arg(serial);
            if (date.year() > 2016)
                text += QStringLiteral("Vote: %1\n\n").arg(random.bounded(300));
            QStringList authors;
            for (int a = random.bounded(1, 9); a > 0; --a)
                authors += pick(given) + QLatin1Char(' ') + pick(surnames);
            text += random.bounded(4) == 0 ? QStringLiteral("Authors: ['%1']\n\n").arg(authors.join(QStringLiteral("', '")))
                                           : QStringLiteral("Authors: %1\n\n").arg(authors.join(QStringLiteral(", ")));
            if (random.bounded(2) == 0) {
                for (const QString &key : { QStringLiteral("What's New"), QStringLiteral("Technical Details"),
                                           QStringLiteral("Performance Highlights") })
                    text += QStringLiteral("- **%1**: %2 %3\n").arg(key, sentence(), sentence());
            } else {
                for (int b = random.bounded(3, 7); b > 0; --b)
                    text += QStringLiteral("- %1\n").arg(sentence());
            }
            text += QLatin1Char('\n');
            ++archive.entries;
        }
        writeDay(folder, date, text, archive);
    }
    return archive;
}

// Ten years of realistic text: the real digests of a corpus folder, cycled until `days` files
// are written, each copy under a new date and with arXiv ids made unique per cycle
// ("2401.04088" becomes "1901.04088", "2001.04088", … in later cycles). Reads the corpus at
// run time; nothing of it is kept in the project.
inline GeneratedArchive generateArchiveFromCorpus(const QString &folder, const QString &corpus, QDate first, int days)
{
    QStringList sources;
    QDirIterator it(corpus, { QStringLiteral("*.md") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        sources += it.next();
    sources.sort();
    sources.removeIf([](const QString &path) { return QFileInfo(path).fileName() == QStringLiteral("README.md"); });
    GeneratedArchive archive;
    if (sources.isEmpty())
        return archive;
    static const QRegularExpression dayHeading(QStringLiteral(R"(^## Daily Papers \(\d{4}-\d{2}-\d{2}\))"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression arxivId(QStringLiteral(R"((arxiv\.org/(?:abs|pdf)/)\d\d(\d\d\.\d{4,5}))"));
    for (int d = 0; d < days; ++d) {
        const int cycle = d / int(sources.size());
        QFile source(sources.at(d % sources.size()));
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QDate date = first.addDays(d);
        QString text = QString::fromUtf8(source.readAll());
        text.replace(dayHeading, QStringLiteral("## Daily Papers (%1)").arg(date.toString(Qt::ISODate)));
        text.replace(arxivId, QStringLiteral("\\1%1\\2").arg(10 + cycle, 2, 10, QLatin1Char('0')));
        archive.entries += int(text.count(QStringLiteral("\n### [")));
        writeDay(folder, date, text, archive);
    }
    return archive;
}
