#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QTableWidget;

namespace hanji {

// One row of the help: the keys (an action may have several) and what they do.
struct ShortcutHelp {
    QList<QKeySequence> keys;
    QString description;
};

// Lists the window's keyboard shortcuts in a two-column table, keys in the platform's
// native notation. The window hands in its actions; the dialog knows none of its own.
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HelpDialog(const QList<ShortcutHelp> &shortcuts, QWidget *parent = nullptr);

    // Rows for the actions that have a shortcut, their text without mnemonics.
    [[nodiscard]] static QList<ShortcutHelp> fromActions(const QList<QAction *> &actions);

    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace hanji
