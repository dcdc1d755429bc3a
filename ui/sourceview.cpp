#include "sourceview.h"

using namespace Qt::StringLiterals;

namespace hanji {

SourceView::SourceView(KSyntaxHighlighting::Repository *repository, QWidget *parent)
    : HighlightedTextView(repository, parent)
{
    setLineWrapMode(QPlainTextEdit::WidgetWidth); // Korean summaries are single long lines
    setDefinitionName(u"Markdown"_s);
}

void SourceView::setMarkdown(const QString &markdown) { setPlainText(markdown); }

} // namespace hanji
