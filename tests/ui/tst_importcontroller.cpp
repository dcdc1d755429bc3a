#include "archivegit.h"
#include "importcontroller.h"
#include "library.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hanji;

// The window's imports as the window sees them: the signals of one import of many files.
class TestImportController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Told for each file, the window repainted its progress bar 3,650 times in an import of
    // ten years: a few reports a second are what a reader can see.
    void progressComesAFewTimesASecondAndAtTheEnd()
    {
        QTemporaryDir dir;
        const QString digests = dir.filePath(u"digests"_s);
        constexpr int kFiles = 500;
        for (int day = 0; day < kFiles; ++day) {
            const QDate date = QDate(2023, 1, 1).addDays(day);
            QVERIFY(writeFile(digests + date.toString(u"/yyyy/MM/dd'.md'"_s),
                              digestText(date.toString(Qt::ISODate), { u"A Paper of Day %1"_s.arg(day) }, day)));
        }
        std::unique_ptr<Library> library = std::move(Library::open(dir.filePath(u"library"_s)).value().library);
        ImportController controller(*library);
        QList<int> done;
        QList<int> totals;
        connect(&controller, &ImportController::progress, this, [&](int files, int total, const QString &) {
            done += files;
            totals += total;
        });
        QSignalSpy finished(&controller, &ImportController::finished);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(controller.addAndImport({ digests }));
        QVERIFY(finished.wait(120000));
        const qint64 took = clock.elapsed();

        QVERIFY(!done.isEmpty());
        QCOMPARE(done.constLast(), kFiles); // the last file is always told
        QVERIFY(std::all_of(totals.cbegin(), totals.cend(), [](int total) { return total == kFiles; }));
        QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
        // The first, then one each 100 ms at most, and the last.
        QVERIFY2(done.size() <= 2 + took / 100, qPrintable(u"%1 reports in %2 ms"_s.arg(done.size()).arg(took)));
        QCOMPARE(finished.constFirst().constFirst().value<ImportReport>().parsed, kFiles);
    }
};

QTEST_GUILESS_MAIN(TestImportController)
#include "tst_importcontroller.moc"
