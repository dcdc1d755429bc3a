#include "palettecolors.h"

#include <QTest>

using namespace hanji;

class TestPaletteColors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastRatioEnds()
    {
        QCOMPARE(relativeLuminance(Qt::black), 0.0);
        QCOMPARE(relativeLuminance(Qt::white), 1.0);
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::black), 21.0);
        QCOMPARE(contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is the classic "just readable" grey: 4.54.
        QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void darkScheme_data()
    {
        QTest::addColumn<QColor>("background");
        QTest::addColumn<QColor>("text");
        QTest::addColumn<bool>("dark");
        QTest::addRow("Fusion light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black) << false;
        QTest::addRow("Breeze dark") << QColor(0x20, 0x23, 0x26) << QColor(0xfc, 0xfc, 0xfc) << true;
        QTest::addRow("yellow under black") << QColor(Qt::yellow) << QColor(Qt::black) << false;
    }

    void darkScheme()
    {
        QFETCH(QColor, background);
        QFETCH(QColor, text);
        QFETCH(bool, dark);
        QCOMPARE(isDarkScheme(background, text), dark);
    }
};

QTEST_APPLESS_MAIN(TestPaletteColors)
#include "tst_palettecolors.moc"
