#pragma once

#include "highlightedtextview.h"

namespace hanji {

// A paper's original Markdown lines, read-only, highlighted with KSyntaxHighlighting's
// Markdown definition in the light or dark default theme, whichever the palette asks for.
class SourceView : public HighlightedTextView
{
    Q_OBJECT
public:
    explicit SourceView(KSyntaxHighlighting::Repository *repository, QWidget *parent = nullptr);
    void setMarkdown(const QString &markdown);
};

} // namespace hanji
