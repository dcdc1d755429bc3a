#pragma once

#include <QSettings>
#include <QStringList>

class QHeaderView;
class QMainWindow;
class QSplitter;

namespace hanji {

class Library;

// The window's own state between runs, kept in QSettings (~/.config/hanji/hanji.conf):
// geometry, toolbar and splitter, the list's columns, the remote-images switch, the recent
// folders and the paper last on screen. How the window looked, never what the user made:
// bookmarks, notes and read state are the Library's, in the user database.
class WindowSettings
{
public:
    // False on a first start, when there is no saved geometry: the window picks a size.
    [[nodiscard]] bool restoreLayout(QMainWindow *window, QSplitter *splitter, QHeaderView *listHeader) const;
    void saveLayout(const QMainWindow *window, const QSplitter *splitter, const QHeaderView *listHeader);

    [[nodiscard]] bool remoteImages() const;
    void setRemoteImages(bool on);

    // Most recent first, at most eight.
    [[nodiscard]] QStringList recentFolders() const;
    void addRecentFolder(const QString &folder);

    // Earlier versions kept the last paper in the library's user database: it is read from
    // there until the window has saved one here, so no reader loses their place.
    [[nodiscard]] QString lastPaper(const Library &library) const;
    void setLastPaper(const QString &id);

private:
    QSettings m_settings;
};

} // namespace hanji
