#pragma once

#include "result.h"

#include <QUrl>

namespace hanji {

// The one way a link leaves Hanji for the desktop: only a web page (http or https, with a
// host) goes to the system browser. Digest text is not trusted: a file:, custom-scheme or
// host-less link would otherwise open through whatever handler the desktop has for it.
// The error says, in the user's words, why nothing was opened.
[[nodiscard]] Result<> openInSystemBrowser(const QUrl &url);

} // namespace hanji
