#include "ngramtokenizer.h"
#include "searchquery.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using hanji::Error;
using hanji::SearchTerm;

// The bounds every typed query passes through: what is refused, with which message, and
// that everything within them parses as the grammar says. And that the FTS5 expression of
// any query is valid for the real tokenizer, with the inputs the fuzzer (tests/fuzz) once
// broke it with, kept in tests/fuzz/regressions/searchquery.
class TestQueryBounds : public QObject
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

    void expressionIsValidFts5_data()
    {
        QTest::addColumn<QString>("text");
        const QDir folder(QStringLiteral(HANJI_SOURCE_DIR) + u"/tests/fuzz/regressions/searchquery"_s);
        for (const QString &name : folder.entryList(QDir::Files)) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::addRow("%s", qPrintable(name)) << QString::fromUtf8(file.readAll());
        }
        // NUL ended SQLite's reading of the expression inside a phrase: "unterminated string".
        QTest::addRow("NUL in a phrase") << u"\"a\0b\""_s;
        QTest::addRow("NUL in a word") << u"a\0b"_s;
        QTest::addRow("NUL after a prefix") << u"title:\0x"_s;
        QTest::addRow("quotes inside a word") << u"a\"b\"\"c"_s;
        QTest::addRow("FTS5 operators as words") << u"NOT OR AND NEAR(a b) * ^x col:1"_s;
    }

    void expressionIsValidFts5()
    {
        QFETCH(QString, text);
        const auto terms = hanji::parseBoundedSearchText(text);
        if (!terms)
            QFAIL(qPrintable(terms.error().message));
        for (const SearchTerm &term : *terms)
            QVERIFY(!term.text.isEmpty() && !term.text.contains(QChar::Null));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fts"_s);
            db.setDatabaseName(u":memory:"_s);
            QVERIFY(db.open());
            QVERIFY(hanji::registerNgramTokenizer(db));
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, summary, tokenize='hanji_ngram')"_s),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.prepare(u"SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?"_s));
            query.addBindValue(hanji::ftsExpression(*terms));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"fts"_s);
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

QTEST_GUILESS_MAIN(TestQueryBounds)

#include "tst_querybounds.moc"
