#include "digest.h"

using namespace Qt::StringLiterals;

namespace hanji {

namespace {

// The first "**…**" span of the summary, when it reads as a sentence of its own and not as a
// numbered sub-heading ("**1. 핵심 동기**" says nothing about this paper in particular).
QString firstBoldSentence(const QList<SummarySection> &sections)
{
    for (const SummarySection &section : sections) {
        qsizetype open = section.text.indexOf(u"**");
        while (open >= 0) {
            const qsizetype close = section.text.indexOf(u"**", open + 2);
            if (close < 0)
                break;
            const QString bold = section.text.sliced(open + 2, close - open - 2).simplified();
            const bool numbered = !bold.isEmpty() && bold.front().isDigit();
            if (bold.size() >= 8 && !numbered && !bold.endsWith(u':'))
                return bold;
            open = section.text.indexOf(u"**", close + 2);
        }
    }
    return {};
}

} // namespace

QString untitledLabel(const DigestEntry &entry)
{
    const QString id = entry.identity();
    const QString bold = firstBoldSentence(entry.sections);
    return bold.isEmpty() ? id : id + u" · "_s + bold;
}

} // namespace hanji
