#include "searchquery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hanji::SearchTerm;

Q_DECLARE_METATYPE(QList<SearchTerm>)

class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSearchText_data();
    void parseSearchText();
    void ftsExpression_data();
    void ftsExpression();
};

void TestSearchQuery::parseSearchText_data()
{
    using F = SearchTerm::Field;
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<SearchTerm>>("terms");
    QTest::addRow("words") << u"확산  모델"_s << QList<SearchTerm> { { F::Any, u"확산"_s }, { F::Any, u"모델"_s } };
    QTest::addRow("quoted phrase") << u"\"diffusion   model\" 학습"_s
                                   << QList<SearchTerm> { { F::Any, u"diffusion model"_s }, { F::Any, u"학습"_s } };
    QTest::addRow("prefixes") << u"title:LoRA author:\"Edward Hu\""_s
                              << QList<SearchTerm> { { F::Title, u"LoRA"_s }, { F::Authors, u"Edward Hu"_s } };
    QTest::addRow("unclosed quote") << u"\"open end"_s << QList<SearchTerm> { { F::Any, u"open end"_s } };
    QTest::addRow("a colon that is no prefix") << u"title: x"_s
                                               << QList<SearchTerm> { { F::Any, u"title:"_s }, { F::Any, u"x"_s } };
    QTest::addRow("empty") << u"   "_s << QList<SearchTerm> {};
}

void TestSearchQuery::parseSearchText()
{
    QFETCH(QString, text);
    QFETCH(QList<SearchTerm>, terms);
    QCOMPARE(hanji::parseSearchText(text), terms);
}

void TestSearchQuery::ftsExpression_data()
{
    using F = SearchTerm::Field;
    QTest::addColumn<QList<SearchTerm>>("terms");
    QTest::addColumn<QString>("expression");
    QTest::addRow("no terms") << QList<SearchTerm> {} << QString();
    QTest::addRow("one word") << QList<SearchTerm> { { F::Any, u"모델"_s } } << u"\"모델\""_s;
    QTest::addRow("a field") << QList<SearchTerm> { { F::Title, u"LoRA"_s } } << u"title : \"LoRA\""_s;
    // FTS5 syntax inside a term is never obeyed: quotes are doubled, operators stay words.
    QTest::addRow("a quote inside") << QList<SearchTerm> { { F::Any, u"say \"hi\""_s } } << u"\"say \"\"hi\"\"\""_s;
    QTest::addRow("an operator word") << QList<SearchTerm> { { F::Any, u"NOT"_s } } << u"\"NOT\""_s;
    QTest::addRow("all must match") << QList<SearchTerm> { { F::Any, u"a"_s }, { F::Authors, u"Kim"_s } }
                                    << u"\"a\" AND authors : \"Kim\""_s;
    QTest::addRow("a quote alone") << QList<SearchTerm> { { F::Any, u"\""_s } } << u"\"\"\"\""_s;
}

void TestSearchQuery::ftsExpression()
{
    QFETCH(QList<SearchTerm>, terms);
    QFETCH(QString, expression);
    QCOMPARE(hanji::ftsExpression(terms), expression);
}

QTEST_APPLESS_MAIN(TestSearchQuery)

#include "tst_searchquery.moc"
