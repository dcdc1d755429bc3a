#include "externallink.h"

#include <QCoreApplication>
#include <QDesktopServices>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("hanji::ExternalLink", text); }
} // namespace

Result<> openInSystemBrowser(const QUrl &url)
{
    const QString shown = url.toDisplayString();
    if (!url.isValid())
        return failure(tr("열지 않았습니다: 올바른 주소가 아닙니다 (%1)").arg(shown), Error::Kind::Invalid);
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return failure(tr("열지 않았습니다: 웹 주소(http, https)만 브라우저로 엽니다 (%1)").arg(shown),
                       Error::Kind::Invalid);
    if (url.host().isEmpty())
        return failure(tr("열지 않았습니다: 주소에 호스트가 없습니다 (%1)").arg(shown), Error::Kind::Invalid);
    if (!QDesktopServices::openUrl(url))
        return failure(tr("브라우저를 열지 못했습니다 (%1)").arg(shown));
    return {};
}

} // namespace hanji
