#include "paperid.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hanji {

QString titleOnlyPaperUrl(const QString &title)
{
    return titleOnlyUrlPrefix.toString() + title;
}

bool isTitleOnlyPaperUrl(QStringView url)
{
    return url.startsWith(titleOnlyUrlPrefix);
}

QString arxivIdFromUrl(QStringView url)
{
    // New-style ids (0704.0001 onwards) and old-style archive/number ids, behind abs/, pdf/,
    // html/ or Hugging Face's papers/ path.
    static const QRegularExpression pattern(
        uR"(^(?:https?://)?(?:www\.|export\.)?(?:arxiv\.org/(?:abs|pdf|html)|huggingface\.co/papers)/)"
        uR"(((?:\d{4}\.\d{4,5})|(?:[a-z][a-z.\-]*(?:\.[A-Z]{2})?/\d{7}))(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.matchView(url.trimmed());
    return match.hasMatch() ? match.captured(1) : QString();
}

QString arxivAbstractUrl(QStringView arxivId)
{
    return u"https://arxiv.org/abs/"_s + arxivId.toString();
}

QString arxivPdfUrl(QStringView arxivId)
{
    return u"https://arxiv.org/pdf/"_s + arxivId.toString();
}

QString huggingFacePaperUrl(QStringView arxivId)
{
    return u"https://huggingface.co/papers/"_s + arxivId.toString();
}

} // namespace hanji
