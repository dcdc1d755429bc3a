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

    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    openFolder = action(tr("&Open Folder…"), QKeySequence::Open);
    openFolder->setIcon(actionIcon("document-open"));
    file->addAction(openFolder);
    recentFolders = file->addMenu(tr("Recent Folders"));
    rescan = action(tr("&Reload"), QKeySequence(Qt::Key_F5));
    rescan->setIcon(actionIcon("view-refresh"));
    rescan->setToolTip(tr("Updates the archive from git (when it is a git clone) and reads the folders again (F5)"));
    file->addAction(rescan);
    update = action(tr("&Update from Git"), QKeySequence(u"Ctrl+U"_s));
    update->setIcon(actionIcon("vcs-pull"));
    update->setToolTip(tr("Fetches the archive's new digests from its git remote, then imports them"));
    update->setEnabled(false); // until a folder is found to be a git work tree
    file->addAction(update);
    addArchive = action(tr("&Add Archive from URL…"), {});
    file->addAction(addArchive);
    autoUpdate = file->addMenu(tr("Update Automatically"));
    file->addSeparator();
    exportPapers = action(tr("&Export…"), QKeySequence(u"Ctrl+E"_s));
    exportPapers->setIcon(actionIcon("document-export"));
    file->addAction(exportPapers);
    file->addSeparator();
    quit = action(tr("&Quit"), QKeySequence::Quit);
    file->addAction(quit);

    QMenu *paper = window->menuBar()->addMenu(tr("&Paper"));
    bookmark = action(tr("&Bookmark"), QKeySequence(u"Ctrl+D"_s));
    bookmark->setIcon(actionIcon("bookmark-new"));
    editNote = action(tr("Edit &Note…"), QKeySequence(u"Ctrl+Shift+N"_s));
    toggleRead = action(tr("&Mark Read/Unread"), QKeySequence(u"Ctrl+M"_s));
    toggleRead->setIcon(actionIcon("mail-mark-read"));
    openInBrowser = action(tr("Open on arXiv"), QKeySequence(Qt::Key_Return));
    // Only while the list has focus (it is added to the list below): there the shortcut takes Enter
    // before the view does, so a key press opens the page once; double clicks come through activated().
    openInBrowser->setShortcutContext(Qt::WidgetShortcut);
    copyLink = action(tr("Copy arXiv Link"), QKeySequence(u"Ctrl+Shift+C"_s));
    copyLink->setIcon(actionIcon("edit-copy"));
    copyBibTeX = copyBibTeXAction;
    m_shortcutActions.append(copyBibTeX);
    for (QAction *a : { bookmark, editNote, toggleRead, openInBrowser, copyLink, copyBibTeX })
        paper->addAction(a);
    paperList->addActions({ bookmark, editNote, toggleRead, openInBrowser, copyLink, copyBibTeX });

    markScopeRead = action(tr("Mark All Here as Read"), {});
    dateTree->addAction(markScopeRead);
    paper->addSeparator();
    paper->addAction(markScopeRead);

    saveSearch = action(tr("&Save Search…"), QKeySequence(u"Ctrl+Shift+S"_s));
    renameSavedSearch = action(tr("Rename Saved Search…"), {});
    removeSavedSearch = action(tr("Remove Saved Search"), {});
    dateTree->addActions({ renameSavedSearch, removeSavedSearch });

    QMenu *view = window->menuBar()->addMenu(tr("&View"));
    find = action(tr("&Find"), QKeySequence::Find);
    find->setIcon(actionIcon("edit-find"));
    nextPaper = action(tr("Next Paper"), QKeySequence(Qt::Key_J));
    previousPaper = action(tr("Previous Paper"), QKeySequence(Qt::Key_K));
    pageDown = action(tr("Page Down in the Summary"), QKeySequence(Qt::Key_Space));
    pageUp = action(tr("Page Up in the Summary"), QKeySequence(u"Shift+Space"_s));
    // Plain keys must not steal typing from the search field: they belong to the list and the pane.
    for (QAction *a : { nextPaper, previousPaper, pageDown, pageUp }) {
        window->removeAction(a);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        paperList->addAction(a);
        pane->addAction(a);
    }
    remoteImages = new QAction(tr("Load Remote Thumbnails"), window);
    remoteImages->setCheckable(true);
    for (QAction *a : { find, nextPaper, previousPaper, pageDown, pageUp })
        view->addAction(a);
    view->addSeparator();
    for (QAction *a : { saveSearch, renameSavedSearch, removeSavedSearch })
        view->addAction(a);
    view->addSeparator();
    view->addAction(remoteImages);

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    shortcuts = action(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents);
    shortcuts->setIcon(actionIcon("help-contents"));
    help->addAction(shortcuts);
    about = action(tr("&About Hanji"), {});
    about->setIcon(actionIcon("help-about"));
    help->addAction(about);

    QToolBar *toolbar = window->addToolBar(tr("Toolbar"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openFolder);
    toolbar->addAction(rescan);
    toolbar->addAction(update);
    toolbar->addSeparator();
    toolbar->addAction(bookmark);
    toolbar->addAction(toggleRead);
    toolbar->addAction(exportPapers);
}

} // namespace hanji
