#include "arrivallog.h"
#include "sqlutil.h"
#include "userdatabase.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace hanji;

// The arrival log on a real user database: what is new is what one import brought, noted on
// the window's connection or on a worker's own.
class TestArrivalLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aWorkerNotesWhatArrived()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"userdata.sqlite"_s);
        const Result<UserDatabase::Opened> opened = UserDatabase::open(path, u"window"_s);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        {
            ArrivalLog window(opened->db);
            // The library as first found: none of it is new.
            QCOMPARE(window.record({ u"2401.00001"_s, u"2401.00002"_s }).value(), QStringList());

            // The next import's arrivals, noted on a thread of its own while the window's
            // connection stays open.
            Result<QStringList> fresh = failure(QString());
            QThread *worker = QThread::create([&] {
                fresh = ArrivalLog::recordInFile(path, { u"2401.00001"_s, u"2401.00004"_s, u"2401.00003"_s,
                                                         u"2401.00002"_s, u"2401.00004"_s });
            });
            worker->start();
            QVERIFY(worker->wait(30000));
            delete worker;
            QVERIFY2(fresh, qPrintable(fresh ? QString() : fresh.error().message));
            QCOMPARE(*fresh, (QStringList{ u"2401.00004"_s, u"2401.00003"_s })); // as given, each once

            // The window's connection reads them, and nothing arrives twice.
            QCOMPARE(window.arrivedAfter(QDateTime()).value(), (QStringList{ u"2401.00003"_s, u"2401.00004"_s }));
            QCOMPARE(ArrivalLog::recordInFile(path, { u"2401.00003"_s }).value(), QStringList());
        }
        closeSqlite(u"window"_s);
    }

    void aFileThatCannotBeOpenedIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"no such folder/userdata.sqlite"_s);
        const Result<QStringList> fresh = ArrivalLog::recordInFile(path, { u"2401.00001"_s });
        QVERIFY(!fresh);
        QVERIFY2(fresh.error().message.contains(path), qPrintable(fresh.error().message));
    }
};

QTEST_GUILESS_MAIN(TestArrivalLog)
#include "tst_arrivallog.moc"
