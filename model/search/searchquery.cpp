#include "searchquery.h"

#include "ngramtokenizer.h"

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// White space separates terms; so does NUL, which no digest text holds and which would end
// the MATCH expression early in SQLite's parser.
bool separates(QChar c)
{
    return c.isSpace() || c.isNull();
}

} // namespace

QList<SearchTerm> parseSearchText(QStringView text)
{
    QList<SearchTerm> terms;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && separates(text[i]))
            ++i;
        if (i >= n)
            break;
        SearchTerm term;
        for (const auto &[prefix, field] : { std::pair(u"title:"_s, SearchTerm::Field::Title),
                                             std::pair(u"author:"_s, SearchTerm::Field::Authors),
                                             std::pair(u"authors:"_s, SearchTerm::Field::Authors) }) {
            if (text.sliced(i).startsWith(prefix, Qt::CaseInsensitive) && i + prefix.size() < n
                && !separates(text[i + prefix.size()])) {
                term.field = field;
                i += prefix.size();
                break;
            }
        }
        qsizetype end = i;
        if (text[i] == u'"') {
            ++i;
            end = text.indexOf(u'"', i);
            if (end < 0)
                end = n; // an unclosed quote runs to the end
            term.text = text.sliced(i, end - i).toString().replace(QChar::Null, u' ').simplified();
            i = end + 1;
        } else {
            while (end < n && !separates(text[end]))
                ++end;
            term.text = text.sliced(i, end - i).toString();
            i = end;
        }
        if (!term.text.isEmpty())
            terms.append(term);
    }
    return terms;
}

Result<QList<SearchTerm>> parseBoundedSearchText(QStringView text)
{
    // Checked before parsing, so that parsing too stays bounded.
    if (text.size() > maxSearchTextLength)
        return failure(u"The search is %1 characters long; at most %2 are allowed."_s.arg(text.size()).arg(maxSearchTextLength),
                       Error::Kind::Invalid);
    QList<SearchTerm> terms = parseSearchText(text);
    if (terms.size() > maxSearchTerms)
        return failure(u"The search has %1 words; at most %2 are allowed."_s.arg(terms.size()).arg(maxSearchTerms),
                       Error::Kind::Invalid);
    return terms;
}

QString ftsExpression(const QList<SearchTerm> &terms)
{
    QStringList parts;
    for (const SearchTerm &term : terms) {
        const QString quoted = ngramPhrase(term.text);
        switch (term.field) {
        case SearchTerm::Field::Any:
            parts += quoted;
            break;
        case SearchTerm::Field::Title:
            parts += u"title : "_s + quoted;
            break;
        case SearchTerm::Field::Authors:
            parts += u"authors : "_s + quoted;
            break;
        }
    }
    return parts.join(u" AND "_s);
}

FullTextMatch fullTextMatch(const QList<SearchTerm> &terms)
{
    if (indexLayout() == IndexLayout::EveryCharacterAndPair)
        return { .terms = {}, .phrases = ftsExpression(terms), .characters = QString() };
    if (indexLayout() == IndexLayout::Postings) {
        FullTextMatch match;
        for (const SearchTerm &term : terms)
            match.terms += term.text;
        return match;
    }
    // One column: a term of a field is looked for anywhere here, and in its field by SearchEngine.
    QStringList phrases;
    QStringList characters;
    for (const SearchTerm &term : terms)
        (isOneCharacter(term.text) ? characters : phrases) += ngramPhrase(term.text);
    return { .terms = {}, .phrases = phrases.join(u" AND "_s), .characters = characters.join(u" AND "_s) };
}

} // namespace hanji
