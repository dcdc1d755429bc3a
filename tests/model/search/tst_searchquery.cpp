#include "searchquery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hanji::Error;
using hanji::SearchTerm;

// The bounds every typed query passes through: what is refused, with which message, and
// that everything within them parses as the grammar says.
class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("terms"); // -1: refused
        QTest::addColumn<QString>("message");

        QTest::addRow("empty") << QString() << qsizetype(0) << QString();
        QTest::addRow("500 characters, one term") << QString(500, u'가') << qsizetype(1) << QString();
        QTest::addRow("501 characters") << QString(501, u'가') << qsizetype(-1)
                                        << u"The search is 501 characters long; at most 500 are allowed."_s;
        QTest::addRow("501 spaces") << QString(501, u' ') << qsizetype(-1)
                                    << u"The search is 501 characters long; at most 500 are allowed."_s;
        QStringList words;
        for (int i = 0; i < 32; ++i)
            words += u"w%1"_s.arg(i);
        QTest::addRow("32 words") << words.join(u' ') << qsizetype(32) << QString();
        QTest::addRow("33 words") << (words + QStringList { u"more"_s }).join(u' ') << qsizetype(-1)
                                  << u"The search has 33 words; at most 32 are allowed."_s;
        // A quoted phrase is one term however many words it has.
        QTest::addRow("phrase of 40 words") << u"\"%1\""_s.arg(words.join(u' ') + u" a b c d e f g h"_s) << qsizetype(1)
                                            << QString();
        QTest::addRow("33 field terms") << QStringList(33, u"title:x"_s).join(u' ') << qsizetype(-1)
                                        << u"The search has 33 words; at most 32 are allowed."_s;
    }

    void bounds()
    {
        QFETCH(QString, text);
        QFETCH(qsizetype, terms);
        QFETCH(QString, message);
        const auto parsed = hanji::parseBoundedSearchText(text);
        if (terms < 0) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().kind, Error::Kind::Invalid);
            QCOMPARE(parsed.error().message, message);
        } else {
            if (!parsed)
                QFAIL(qPrintable(parsed.error().message));
            QCOMPARE(parsed->size(), terms);
            QCOMPARE(*parsed, hanji::parseSearchText(text));
        }
    }
};

QTEST_APPLESS_MAIN(TestSearchQuery)

#include "tst_searchquery.moc"
