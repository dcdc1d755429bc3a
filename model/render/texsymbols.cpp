#include "texsymbols.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace hanji {

QString texSymbols(QStringView text)
{
    static const QHash<QString, QString> symbols = {
        { u"times"_s, u"×"_s },  { u"cdot"_s, u"·"_s },   { u"pm"_s, u"±"_s },     { u"sim"_s, u"~"_s },
        { u"approx"_s, u"≈"_s }, { u"leq"_s, u"≤"_s },    { u"geq"_s, u"≥"_s },    { u"le"_s, u"≤"_s },
        { u"ge"_s, u"≥"_s },     { u"neq"_s, u"≠"_s },    { u"infty"_s, u"∞"_s },  { u"to"_s, u"→"_s },
        { u"rightarrow"_s, u"→"_s }, { u"leftarrow"_s, u"←"_s }, { u"alpha"_s, u"α"_s }, { u"beta"_s, u"β"_s },
        { u"gamma"_s, u"γ"_s },  { u"delta"_s, u"δ"_s },  { u"epsilon"_s, u"ε"_s }, { u"theta"_s, u"θ"_s },
        { u"lambda"_s, u"λ"_s }, { u"mu"_s, u"μ"_s },     { u"pi"_s, u"π"_s },     { u"sigma"_s, u"σ"_s },
        { u"tau"_s, u"τ"_s },    { u"phi"_s, u"φ"_s },    { u"omega"_s, u"ω"_s },  { u"Delta"_s, u"Δ"_s },
    };
    if (!text.contains(u'$'))
        return text.toString();
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(u'$', i);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'$', open + 1);
        if (close < 0)
            break;
        QString replaced;
        bool ok = true;
        bool sawSymbol = false;
        for (qsizetype j = open + 1; ok && j < close;) {
            const QChar c = text[j];
            if (c == u'\\') {
                qsizetype end = j + 1;
                while (end < close && text[end].isLetter() && text[end].unicode() < 0x80)
                    ++end;
                const auto symbol = symbols.constFind(text.sliced(j + 1, end - j - 1).toString());
                ok = symbol != symbols.cend();
                if (ok)
                    replaced += *symbol;
                sawSymbol = true;
                j = end;
            } else if ((c.isLetterOrNumber() && c.unicode() < 0x80) || c == u' ') {
                replaced += c;
                ++j;
            } else {
                ok = false;
            }
        }
        out += text.sliced(i, open - i);
        if (ok && sawSymbol) {
            out += replaced.trimmed();
            i = close + 1;
        } else {
            out += u'$'; // not ours to read: keep it, and look for a span from the next '$'
            i = open + 1;
        }
    }
    out += text.sliced(i);
    return out;
}

} // namespace hanji
