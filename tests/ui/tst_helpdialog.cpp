#include "helpdialog.h"

#include <QAction>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using hanji::HelpDialog;
using hanji::ShortcutHelp;

class TestHelpDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsShortcutsInNativeText();
    void fromActions();
};

void TestHelpDialog::listsShortcutsInNativeText()
{
    const QList<ShortcutHelp> shortcuts {
        { { QKeySequence(Qt::Key_Space) }, u"요약 한 화면 아래로"_s },
        { { QKeySequence(Qt::SHIFT | Qt::Key_Space) }, u"요약 한 화면 위로"_s },
        { { QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_Slash) }, u"Search"_s },
    };
    HelpDialog dialog(shortcuts);
    const QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QKeySequence(Qt::Key_Space).toString(QKeySequence::NativeText));
    QCOMPARE(table->item(0, 1)->text(), u"요약 한 화면 아래로"_s);
    QCOMPARE(table->item(1, 0)->text(), QKeySequence(Qt::SHIFT | Qt::Key_Space).toString(QKeySequence::NativeText));
    QCOMPARE(table->item(2, 0)->text(), QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)
                                            + u", /"_s);
    QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);
}

void TestHelpDialog::fromActions()
{
    QAction open(u"&Open Folder…"_s);
    open.setShortcut(QKeySequence::Open);
    QAction both(u"Read && Next"_s);
    both.setShortcuts({ QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_J) });
    QAction none(u"No Shortcut"_s);
    const QList<ShortcutHelp> rows = HelpDialog::fromActions({ &open, &both, &none });
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].description, u"Open Folder…"_s);
    QCOMPARE(rows[0].keys, open.shortcuts());
    QCOMPARE(rows[1].description, u"Read & Next"_s);
    QCOMPARE(rows[1].keys.size(), 2);
}

QTEST_MAIN(TestHelpDialog)
#include "tst_helpdialog.moc"
