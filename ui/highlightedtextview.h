#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace hanji {

// Read-only text highlighted by KSyntaxHighlighting in the light or dark default theme,
// whichever the palette asks for. The editor takes the theme's background and text colours
// with it, so no text can vanish into a background the theme did not expect.
class HighlightedTextView : public QPlainTextEdit
{
    Q_OBJECT
public:
    // The repository is costly to load; the window keeps one and lends it.
    explicit HighlightedTextView(KSyntaxHighlighting::Repository *repository, QWidget *parent = nullptr);

    // A KSyntaxHighlighting definition ("Markdown", "BibTeX", "JSON"); empty for plain text.
    void setDefinitionName(const QString &name);
    [[nodiscard]] KSyntaxHighlighting::SyntaxHighlighter *highlighter() const { return m_highlighter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    bool m_dark = false;
    bool m_applying = false;
};

} // namespace hanji
