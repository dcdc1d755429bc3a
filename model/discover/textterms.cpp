#include "textterms.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

bool isEastAsian(QChar::Script script)
{
    return script == QChar::Script_Hangul || script == QChar::Script_Han || script == QChar::Script_Hiragana
        || script == QChar::Script_Katakana;
}

bool isAllDigits(QStringView word)
{
    return std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
}

// Calls wordFound(word, eastAsian) for each run of letters and digits of one kind.
template<typename Found>
void forEachRun(QStringView text, Found &&wordFound)
{
    qsizetype start = -1;
    bool eastAsianRun = false;
    const auto flush = [&](qsizetype end) {
        if (start >= 0)
            wordFound(text.sliced(start, end - start), eastAsianRun);
        start = -1;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!c.isLetterOrNumber()) {
            flush(i);
            continue;
        }
        const bool eastAsian = isEastAsian(c.script());
        if (start >= 0 && eastAsian != eastAsianRun)
            flush(i);
        if (start < 0) {
            start = i;
            eastAsianRun = eastAsian;
        }
    }
    flush(text.size());
}

} // namespace

bool isStopWord(QStringView word)
{
    // The usual English function words, and a few that nearly every paper title uses.
    static const QSet<QString> words = [] {
        const QStringList list = uR"(a about above after again against all also am an and any are as at be because been
            before being below between both but by can could did do does doing down during each few for from further
            had has have having he her here hers him his how i if in into is it its itself just me more most my no
            nor not now of off on once only or other our ours out over own same she should so some such than that
            the their theirs them then there these they this those through to too under until up very was we were
            what when where which while who whom why will with would you your yours
            via towards toward using based through beyond without vs us let new)"_s.split(u' ', Qt::SkipEmptyParts);
        QSet<QString> set;
        for (const QString &word : list)
            set.insert(word.trimmed());
        return set;
    }();
    return words.contains(word.toString());
}

QStringList similarityTerms(QStringView text)
{
    QStringList terms;
    forEachRun(text, [&](QStringView run, bool eastAsian) {
        if (eastAsian) {
            if (run.size() == 1) {
                terms += run.toString();
                return;
            }
            for (qsizetype i = 0; i + 1 < run.size(); ++i)
                terms += run.sliced(i, 2).toString();
            return;
        }
        if (run.size() < 2 || isAllDigits(run))
            return;
        const QString word = run.toString().toLower();
        if (!isStopWord(word))
            terms += word;
    });
    return terms;
}

QStringList titleWords(QStringView title)
{
    QStringList words;
    forEachRun(title, [&](QStringView run, bool eastAsian) {
        if (eastAsian || run.size() < 2 || run.front().script() != QChar::Script_Latin)
            return;
        if (!std::all_of(run.begin(), run.end(), [](QChar c) { return c.isLetter(); }))
            return; // "GPT4", "3D": not English words
        const QString word = run.toString().toLower();
        if (!isStopWord(word))
            words += word;
    });
    return words;
}

} // namespace hanji
