#include "exportfields.h"

#include "paperid.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// Letters that Unicode decomposition leaves alone but a reader still spells in ASCII.
QString foldSpecialLetter(QChar c)
{
    static const QHash<QChar, QString> letters {
        { u'ß', u"ss"_s }, { u'ø', u"o"_s }, { u'Ø', u"o"_s }, { u'ł', u"l"_s }, { u'Ł', u"l"_s },
        { u'æ', u"ae"_s }, { u'Æ', u"ae"_s }, { u'œ', u"oe"_s }, { u'Œ', u"oe"_s }, { u'đ', u"d"_s },
        { u'Đ', u"d"_s }, { u'ð', u"d"_s }, { u'þ', u"th"_s }, { u'ı', u"i"_s },
    };
    return letters.value(c);
}

// Lowercase ASCII letters and digits of a word: "Müller" -> "muller", "김" -> "".
QString asciiWord(QStringView word)
{
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    for (QChar c : decomposed) {
        if (c.unicode() < 128) {
            if (c.isLetterOrNumber())
                out += c.toLower();
        } else {
            out += foldSpecialLetter(c);
        }
    }
    return out;
}

QString surnameForKey(const QStringList &authors)
{
    static const QSet<QString> suffixes { u"jr"_s, u"sr"_s, u"ii"_s, u"iii"_s, u"iv"_s };
    if (authors.isEmpty())
        return u"anon"_s;
    const QStringList words = authors.constFirst().split(u' ', Qt::SkipEmptyParts);
    for (auto it = words.crbegin(); it != words.crend(); ++it) {
        const QString word = asciiWord(*it);
        if (!word.isEmpty() && !suffixes.contains(word))
            return word;
    }
    return u"anon"_s; // a name in a script with no ASCII spelling
}

QString titleWordForKey(const QString &title)
{
    static const QSet<QString> skipped { u"a"_s, u"an"_s, u"the"_s, u"on"_s, u"of"_s, u"in"_s, u"for"_s, u"to"_s, u"towards"_s };
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}\\p{M}]+"_s);
    for (const QString &raw : title.split(separators, Qt::SkipEmptyParts)) {
        const QString word = asciiWord(raw);
        if (!word.isEmpty() && !skipped.contains(word))
            return word;
    }
    return QString();
}

// 1 -> "b", 25 -> "z", 26 -> "ba"…: the first holder of a key keeps it bare.
QString clashSuffix(int n)
{
    QString letters;
    int value = n;
    do {
        letters.prepend(QChar(u'a' + value % 26));
        value /= 26;
    } while (value > 0);
    return letters;
}

} // namespace

PublicationDate publicationDate(const Paper &paper)
{
    static const QRegularExpression newStyle(uR"(^(\d{2})(\d{2})\.\d{4,5}$)"_s);
    static const QRegularExpression oldStyle(uR"(/(\d{2})(\d{2})\d{3}$)"_s);
    if (const auto m = newStyle.match(paper.arxivId); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        if (month >= 1 && month <= 12)
            return { 2000 + m.captured(1).toInt(), month };
    }
    if (const auto m = oldStyle.match(paper.arxivId); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        if (month >= 1 && month <= 12)
            return { year >= 91 ? 1900 + year : 2000 + year, month }; // old-style ids ran 1991-2007
    }
    const QDate date = paper.latestDate();
    if (date.isValid())
        return { date.year(), date.month() };
    return {};
}

QString paperLink(const Paper &paper)
{
    return isTitleOnlyPaperUrl(paper.url) ? QString() : paper.url;
}

QString singleLine(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace())
            out += u' ';
        else if (c.category() != QChar::Other_Control)
            out += c;
    }
    return out.simplified();
}

QStringList summaryLines(const Paper &paper)
{
    QStringList lines;
    for (const SummarySection &section : paperFieldsAsSections(paper) + paper.sections) {
        const QString text = singleLine(section.text);
        lines += section.key.isEmpty() ? text : u"%1: %2"_s.arg(singleLine(section.key), text);
    }
    return lines;
}

QList<SummarySection> paperFieldsAsSections(const Paper &paper)
{
    QList<SummarySection> fields;
    if (!paper.originalTitle.isEmpty() && paper.originalTitle != paper.title)
        fields.append({ u"Original title"_s, paper.originalTitle });
    if (!paper.categories.isEmpty())
        fields.append({ u"Categories"_s, paper.categories.join(u", "_s) });
    return fields + paper.fields;
}

QStringList citationKeys(const QList<Paper> &papers)
{
    QStringList bases;
    bases.reserve(papers.size());
    for (const Paper &paper : papers) {
        const PublicationDate date = publicationDate(paper);
        bases += surnameForKey(paper.authors) + (date.isValid() ? QString::number(date.year) : QString())
            + titleWordForKey(paper.title);
    }
    // Hand out keys in (base, id) order, not list order, so sorting the list keeps every key.
    QList<qsizetype> order(papers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return std::tie(bases[a], papers[a].id) < std::tie(bases[b], papers[b].id);
    });
    // Every bare key goes to the first holder of its base before any suffix is handed out, so
    // "lee2024worldb" never takes the bare key of a paper titled "Worldb".
    QStringList keys(papers.size());
    QSet<QString> used;
    for (qsizetype index : std::as_const(order)) {
        if (!used.contains(bases[index])) {
            used.insert(bases[index]);
            keys[index] = bases[index];
        }
    }
    for (qsizetype index : std::as_const(order)) {
        if (!keys[index].isEmpty())
            continue;
        QString key;
        for (int n = 1; key.isEmpty() || used.contains(key); ++n)
            key = bases[index] + clashSuffix(n);
        used.insert(key);
        keys[index] = key;
    }
    return keys;
}

} // namespace hanji
