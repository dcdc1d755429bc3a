#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace hanji {

// A paper's original Markdown lines, read-only, highlighted with KSyntaxHighlighting's
// Markdown definition in the light or dark default theme, whichever the palette asks for.
class SourceView : public QPlainTextEdit
{
    Q_OBJECT
public:
    // The repository is costly to load; the window keeps one and lends it.
    explicit SourceView(KSyntaxHighlighting::Repository *repository, QWidget *parent = nullptr);

    void setMarkdown(const QString &markdown);
    [[nodiscard]] QString themeName() const;
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
