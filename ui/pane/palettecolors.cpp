#include "palettecolors.h"

#include <algorithm>
#include <cmath>

namespace hanji {

double relativeLuminance(const QColor &color)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDarkScheme(const QColor &background, const QColor &text)
{
    return relativeLuminance(background) < relativeLuminance(text);
}

} // namespace hanji
