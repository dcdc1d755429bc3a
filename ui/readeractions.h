#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace hanji {

// The reader's commands as QActions, placed: the menu bar, the toolbar, the context menus of
// the date tree and the paper list, and which keys reach which widget (a plain j, k or
// Space belongs to the list and the pane, never to the search field). It only places them;
// the window connects each to what it does.
class ReaderActions : public QObject
{
    Q_OBJECT
public:
    // copyBibTeX is made by the export code (addCopyBibTeXAction), which also does its work.
    ReaderActions(QMainWindow *window, QWidget *dateTree, QWidget *paperList, QWidget *pane, QAction *copyBibTeXAction);

    // Every action with a shortcut, in menu order: what the help dialog lists.
    [[nodiscard]] QList<QAction *> shortcutActions() const { return m_shortcutActions; }

    // File
    QAction *openFolder;
    QMenu *recentFolders; // filled by the window
    QAction *rescan; // F5: updates the git folders first, when there are any
    QAction *update; // git fetch and fast-forward, then the import; enabled for git folders only
    QAction *addArchive;
    QMenu *autoUpdate; // filled by NewsController
    QAction *exportPapers;
    QAction *quit;
    // Paper
    QAction *bookmark;
    QAction *editNote;
    QAction *toggleRead;
    QAction *openInBrowser;
    QAction *copyLink;
    QAction *copyBibTeX;
    QAction *markScopeRead;
    // Saved searches: save the filter bar's search, rename or remove the one in the tree
    QAction *saveSearch;
    QAction *renameSavedSearch;
    QAction *removeSavedSearch;
    // View
    QAction *find;
    QAction *nextPaper;
    QAction *previousPaper;
    QAction *pageDown;
    QAction *pageUp;
    QAction *remoteImages; // checkable
    // Help
    QAction *shortcuts;
    QAction *about;

private:
    QList<QAction *> m_shortcutActions;
};

} // namespace hanji
