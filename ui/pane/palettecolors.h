#pragma once

#include <QColor>

namespace hanji {

// Colour arithmetic for following the desktop's light or dark palette, shared by the
// summary pane and the highlighted source views so that both decide "dark" the same way.

// WCAG 2 relative luminance, 0 (black) to 1 (white).
[[nodiscard]] double relativeLuminance(const QColor &color);
// WCAG 2 contrast ratio, 1 (none) to 21 (black on white); 4.5 is readable body text.
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);
// Dark mode: the background is darker than the text written on it.
[[nodiscard]] bool isDarkScheme(const QColor &background, const QColor &text);

} // namespace hanji
