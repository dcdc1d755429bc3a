#include "externallink.h"

#include <QCoreApplication>
#include <QDesktopServices>

using namespace Qt::StringLiterals;

namespace hanji {

Result<> openInSystemBrowser(const QUrl &url)
{
    const QString shown = url.toDisplayString();
    if (!url.isValid())
        return failure(QCoreApplication::translate("hanji::ExternalLink", "Not opened: not a valid address (%1)").arg(shown), Error::Kind::Invalid);
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return failure(QCoreApplication::translate("hanji::ExternalLink",
                                                   "Not opened: only web addresses (http, https) open in the browser (%1)").arg(shown),
                       Error::Kind::Invalid);
    if (url.host().isEmpty())
        return failure(QCoreApplication::translate("hanji::ExternalLink", "Not opened: the address has no host (%1)").arg(shown), Error::Kind::Invalid);
    if (!QDesktopServices::openUrl(url))
        return failure(QCoreApplication::translate("hanji::ExternalLink", "Could not open the browser (%1)").arg(shown));
    return {};
}

} // namespace hanji
