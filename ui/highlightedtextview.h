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
    // Loaded once the view shows: Markdown's, with the languages its code blocks include,
    // took 43 ms of the window's constructor, for a tab most starts never open.
    void setDefinitionName(const QString &name);
    [[nodiscard]] KSyntaxHighlighting::SyntaxHighlighter *highlighter() const { return m_highlighter; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyTheme();
    void applyDefinition();

    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QString m_definitionName;
    bool m_definitionApplied = true; // none asked for yet: plain text
    bool m_dark = false;
    bool m_applying = false;
};

} // namespace hanji
