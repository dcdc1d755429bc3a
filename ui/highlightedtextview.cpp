#include "highlightedtextview.h"

#include "palettecolors.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QEvent>
#include <QFontDatabase>

#include <utility>

using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;

namespace hanji {

HighlightedTextView::HighlightedTextView(Repository *repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    applyTheme();
}

void HighlightedTextView::setDefinitionName(const QString &name)
{
    m_definitionName = name;
    m_definitionApplied = false;
    if (isVisible())
        applyDefinition();
}

void HighlightedTextView::showEvent(QShowEvent *event)
{
    QPlainTextEdit::showEvent(event);
    applyDefinition();
}

void HighlightedTextView::applyDefinition()
{
    if (std::exchange(m_definitionApplied, true))
        return;
    // An invalid definition highlights nothing: plain text in the theme's normal colour.
    m_highlighter->setDefinition(m_definitionName.isEmpty() ? KSyntaxHighlighting::Definition()
                                                            : m_repository->definitionForName(m_definitionName));
}

void HighlightedTextView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange) && !m_applying)
        applyTheme();
}

void HighlightedTextView::applyTheme()
{
    // Decided by the window roles, which we never set: our own palette edit below must not
    // flip the decision.
    const QPalette current = palette();
    const bool dark = isDarkScheme(current.color(QPalette::Window), current.color(QPalette::WindowText));
    if (dark == m_dark && m_highlighter->theme().isValid())
        return;
    m_dark = dark;
    const Theme theme = m_repository->defaultTheme(dark ? Repository::DarkTheme : Repository::LightTheme);
    m_highlighter->setTheme(theme);

    QPalette colors = current;
    colors.setColor(QPalette::Base, QColor::fromRgb(theme.editorColor(Theme::BackgroundColor)));
    colors.setColor(QPalette::Text, QColor::fromRgb(theme.textColor(Theme::Normal)));
    colors.setColor(QPalette::Highlight, QColor::fromRgb(theme.editorColor(Theme::TextSelection)));
    colors.setColor(QPalette::HighlightedText, QColor::fromRgb(theme.textColor(Theme::Normal)));
    m_applying = true;
    setPalette(colors);
    m_applying = false;
    m_highlighter->rehighlight();
}

} // namespace hanji
