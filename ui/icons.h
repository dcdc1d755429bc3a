#pragma once

#include <QIcon>
#include <QStringList>

namespace hanji {

// The icon for an action, by its freedesktop name ("document-open", "edit-find"): the
// desktop's icon theme has the last word; where it lacks the name, or no theme is installed,
// our own SVG (resources/icons/actions) stands in, so the toolbar never shows bare words.
[[nodiscard]] QIcon actionIcon(const char *freedesktopName);

// Hanji's own icon: the installed hicolor one (io.github.hanji.Hanji), else the bundled SVG.
[[nodiscard]] QIcon applicationIcon();

// The freedesktop names that have a bundled fallback.
[[nodiscard]] QStringList bundledIconNames();

} // namespace hanji
