#pragma once

#include "paperview.h"

#include <QWidget>

// A pane that shows nothing, for tests of the window that do not look at the pane: no
// WebEngine to start, no display needed for it.
class SilentPaperView : public hanji::PaperView
{
public:
    SilentPaperView()
        : m_widget(new QWidget) // the window's tab widget takes it over
    {
    }
    void showPaper(const hanji::Paper &) override { }
    void clear() override { }
    void scrollPage() override { }
    void scrollPageBack() override { }
    [[nodiscard]] QWidget *widget() const override { return m_widget; }

private:
    QWidget *m_widget;
};
