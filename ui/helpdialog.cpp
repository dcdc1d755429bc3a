#include "helpdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hanji {

HelpDialog::HelpDialog(const QList<ShortcutHelp> &shortcuts, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(shortcuts.size()), 2, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Keys"), tr("Action") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);

    for (int row = 0; row < shortcuts.size(); ++row) {
        const ShortcutHelp &shortcut = shortcuts[row];
        QStringList keys;
        for (const QKeySequence &sequence : shortcut.keys)
            keys += sequence.toString(QKeySequence::NativeText);
        m_table->setItem(row, 0, new QTableWidgetItem(keys.join(u", "_s)));
        m_table->setItem(row, 1, new QTableWidgetItem(shortcut.description));
    }
    m_table->resizeColumnToContents(0);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(520, 480);
}

QList<ShortcutHelp> HelpDialog::fromActions(const QList<QAction *> &actions)
{
    QList<ShortcutHelp> rows;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        // "&Open…" -> "Open…"; a literal "&&" stays one "&".
        QString text = action->text();
        text.replace(u"&&"_s, QChar(0xE000)).remove(u'&').replace(QChar(0xE000), u'&');
        rows.append({ action->shortcuts(), text });
    }
    return rows;
}

} // namespace hanji
