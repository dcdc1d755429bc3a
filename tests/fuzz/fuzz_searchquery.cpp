// The search query parser on any text: terms are never empty, the bounds refuse exactly what
// passes them, and the FTS5 expression made from any query within them is valid FTS5 syntax
// for the real index table and tokenizer (an in-memory SQLite database).

#include "fuzzcheck.h"
#include "ngramtokenizer.h"
#include "searchquery.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using hanji::fuzz::check;

namespace {

QSqlDatabase index()
{
    static QSqlDatabase database = [] {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fuzz"_s);
        db.setDatabaseName(u":memory:"_s);
        check(db.open() && hanji::registerNgramTokenizer(db), "an in-memory index with the n-gram tokenizer");
        QSqlQuery query(db);
        check(query.exec(u"CREATE VIRTUAL TABLE papers_fts USING fts5(title, authors, summary, tokenize='hanji_ngram')"_s)
                  && query.exec(u"INSERT INTO papers_fts VALUES ('Attention 모델', 'Noam \"Shazeer\"', 'a b c 확산')"_s),
              "the index table", query.lastError().text());
        return db;
    }();
    return database;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // for the SQL driver plugin
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto bounded = hanji::parseBoundedSearchText(text);
    if (text.size() > hanji::maxSearchTextLength) {
        check(!bounded && bounded.error().kind == hanji::Error::Kind::Invalid, "a long query is refused as Invalid");
        return 0;
    }
    const QList<hanji::SearchTerm> terms = hanji::parseSearchText(text);
    for (const hanji::SearchTerm &term : terms)
        check(!term.text.isEmpty(), "no term is empty", text);
    if (terms.size() > hanji::maxSearchTerms) {
        check(!bounded && bounded.error().kind == hanji::Error::Kind::Invalid, "too many terms are refused as Invalid");
        return 0;
    }
    check(bounded && *bounded == terms, "a query within the bounds parses as the grammar says", text);

    const QString expression = hanji::ftsExpression(terms);
    check(terms.isEmpty() == expression.isEmpty(), "an expression exactly when there are terms", text);
    if (expression.isEmpty())
        return 0;
    QSqlQuery query(index());
    query.prepare(u"SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?"_s);
    query.addBindValue(expression);
    check(query.exec(), "the FTS5 expression of any query is valid",
          text + u"\n=> "_s + expression + u"\n"_s + query.lastError().text());
    return 0;
}
