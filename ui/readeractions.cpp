#include "readeractions.h"

#include "icons.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace hanji {

ReaderActions::ReaderActions(QMainWindow *window, QWidget *dateTree, QWidget *paperList, QWidget *pane,
                             QAction *copyBibTeXAction)
    : QObject(window)
{
    const auto action = [this, window](const QString &text, const QKeySequence &key) {
        auto *a = new QAction(text, window);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            m_shortcutActions.append(a);
        }
        window->addAction(a); // shortcuts work even where no menu shows the action
        return a;
    };

    QMenu *file = window->menuBar()->addMenu(tr("파일(&F)"));
    openFolder = action(tr("폴더 열기(&O)…"), QKeySequence::Open);
    openFolder->setIcon(actionIcon("document-open"));
    file->addAction(openFolder);
    recentFolders = file->addMenu(tr("최근 폴더"));
    rescan = action(tr("다시 읽기(&R)"), QKeySequence(Qt::Key_F5));
    rescan->setIcon(actionIcon("view-refresh"));
    file->addAction(rescan);
    file->addSeparator();
    exportPapers = action(tr("내보내기(&E)…"), QKeySequence(u"Ctrl+E"_s));
    exportPapers->setIcon(actionIcon("document-export"));
    file->addAction(exportPapers);
    file->addSeparator();
    quit = action(tr("끝내기(&Q)"), QKeySequence::Quit);
    file->addAction(quit);

    QMenu *paper = window->menuBar()->addMenu(tr("논문(&P)"));
    bookmark = action(tr("북마크(&B)"), QKeySequence(u"Ctrl+D"_s));
    bookmark->setIcon(actionIcon("bookmark-new"));
    editNote = action(tr("메모 편집(&N)…"), QKeySequence(u"Ctrl+Shift+N"_s));
    toggleRead = action(tr("읽음/안 읽음(&M)"), QKeySequence(u"Ctrl+M"_s));
    toggleRead->setIcon(actionIcon("mail-mark-read"));
    openInBrowser = action(tr("arXiv에서 열기"), QKeySequence(Qt::Key_Return));
    // Only while the list has focus (it is added to the list below): there the shortcut takes Enter
    // before the view does, so a key press opens the page once; double clicks come through activated().
    openInBrowser->setShortcutContext(Qt::WidgetShortcut);
    copyLink = action(tr("arXiv 링크 복사"), QKeySequence(u"Ctrl+Shift+C"_s));
    copyLink->setIcon(actionIcon("edit-copy"));
    copyBibTeX = copyBibTeXAction;
    m_shortcutActions.append(copyBibTeX);
    for (QAction *a : { bookmark, editNote, toggleRead, openInBrowser, copyLink, copyBibTeX })
        paper->addAction(a);
    paperList->addActions({ bookmark, editNote, toggleRead, openInBrowser, copyLink, copyBibTeX });

    markScopeRead = action(tr("이 날짜 모두 읽음으로"), {});
    dateTree->addAction(markScopeRead);
    paper->addSeparator();
    paper->addAction(markScopeRead);

    QMenu *view = window->menuBar()->addMenu(tr("보기(&V)"));
    find = action(tr("검색(&F)"), QKeySequence::Find);
    find->setIcon(actionIcon("edit-find"));
    nextPaper = action(tr("다음 논문"), QKeySequence(Qt::Key_J));
    previousPaper = action(tr("이전 논문"), QKeySequence(Qt::Key_K));
    pageDown = action(tr("요약 한 쪽 넘기기"), QKeySequence(Qt::Key_Space));
    pageUp = action(tr("요약 한 쪽 앞으로"), QKeySequence(u"Shift+Space"_s));
    // Plain keys must not steal typing from the search field: they belong to the list and the pane.
    for (QAction *a : { nextPaper, previousPaper, pageDown, pageUp }) {
        window->removeAction(a);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        paperList->addAction(a);
        pane->addAction(a);
    }
    remoteImages = new QAction(tr("원격 썸네일 불러오기"), window);
    remoteImages->setCheckable(true);
    for (QAction *a : { find, nextPaper, previousPaper, pageDown, pageUp })
        view->addAction(a);
    view->addSeparator();
    view->addAction(remoteImages);

    QMenu *help = window->menuBar()->addMenu(tr("도움말(&H)"));
    shortcuts = action(tr("단축키(&K)"), QKeySequence::HelpContents);
    shortcuts->setIcon(actionIcon("help-contents"));
    help->addAction(shortcuts);
    about = action(tr("Hanji 정보"), {});
    about->setIcon(actionIcon("help-about"));
    help->addAction(about);

    QToolBar *toolbar = window->addToolBar(tr("도구"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openFolder);
    toolbar->addAction(rescan);
    toolbar->addSeparator();
    toolbar->addAction(bookmark);
    toolbar->addAction(toggleRead);
    toolbar->addAction(exportPapers);
}

} // namespace hanji
