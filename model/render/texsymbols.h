#pragma once

#include <QString>
#include <QStringView>

namespace hanji {

// Titles and summaries carry bits of TeX ("16$\\times$16"). A span made only of symbols we
// know reads better as the symbols ("16×16"); anything else stays as written.
[[nodiscard]] QString texSymbols(QStringView text);

} // namespace hanji
