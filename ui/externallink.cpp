#include "externallink.h"

#include <QCoreApplication>
#include <QDesktopServices>

using namespace Qt::StringLiterals;

namespace hanji {

Result<> openInSystemBrowser(const QUrl &url)
{
    // The messages are marked for lupdate where they stand and translated here.
    const auto said = [shown = url.toDisplayString()](const char *text) {
        return QCoreApplication::translate("hanji::ExternalLink", text).arg(shown);
    };
    if (!url.isValid())
        return failure(said(QT_TRANSLATE_NOOP("hanji::ExternalLink", "Not opened: not a valid address (%1)")),
                       Error::Kind::Invalid);
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return failure(said(QT_TRANSLATE_NOOP("hanji::ExternalLink",
                                              "Not opened: only web addresses (http, https) open in the browser (%1)")),
                       Error::Kind::Invalid);
    if (url.host().isEmpty())
        return failure(said(QT_TRANSLATE_NOOP("hanji::ExternalLink", "Not opened: the address has no host (%1)")),
                       Error::Kind::Invalid);
    if (!QDesktopServices::openUrl(url))
        return failure(said(QT_TRANSLATE_NOOP("hanji::ExternalLink", "Could not open the browser (%1)")));
    return {};
}

} // namespace hanji
