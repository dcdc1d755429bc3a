#include "windowsettings.h"

#include "library.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
constexpr int kMaxRecentFolders = 8;
const QString kGeometry = u"window/geometry"_s;
const QString kState = u"window/state"_s;
const QString kSplitter = u"window/splitter"_s;
const QString kListHeader = u"window/listHeader"_s;
const QString kLastPaper = u"window/lastPaper"_s;
const QString kRemoteImages = u"remoteImages"_s;
const QString kRecentFolders = u"recentFolders"_s;
const QString kLegacyLastPaper = u"lastPaper"_s; // the key in the user database's settings table
} // namespace

bool WindowSettings::restoreLayout(QMainWindow *window, QSplitter *splitter, QHeaderView *listHeader) const
{
    const bool restored = window->restoreGeometry(m_settings.value(kGeometry).toByteArray());
    window->restoreState(m_settings.value(kState).toByteArray());
    splitter->restoreState(m_settings.value(kSplitter).toByteArray());
    listHeader->restoreState(m_settings.value(kListHeader).toByteArray());
    return restored;
}

void WindowSettings::saveLayout(const QMainWindow *window, const QSplitter *splitter, const QHeaderView *listHeader)
{
    m_settings.setValue(kGeometry, window->saveGeometry());
    m_settings.setValue(kState, window->saveState());
    m_settings.setValue(kSplitter, splitter->saveState());
    m_settings.setValue(kListHeader, listHeader->saveState());
}

bool WindowSettings::remoteImages() const { return m_settings.value(kRemoteImages, true).toBool(); }

void WindowSettings::setRemoteImages(bool on) { m_settings.setValue(kRemoteImages, on); }

QStringList WindowSettings::recentFolders() const { return m_settings.value(kRecentFolders).toStringList(); }

void WindowSettings::addRecentFolder(const QString &folder)
{
    QStringList recent = recentFolders();
    recent.removeAll(folder);
    recent.prepend(folder);
    m_settings.setValue(kRecentFolders, recent.mid(0, kMaxRecentFolders));
}

QString WindowSettings::lastPaper(const Library &library) const
{
    if (m_settings.contains(kLastPaper))
        return m_settings.value(kLastPaper).toString();
    return library.setting(kLegacyLastPaper).value_or(QString()); // only a convenience: unreadable is none
}

void WindowSettings::setLastPaper(const QString &id) { m_settings.setValue(kLastPaper, id); }

} // namespace hanji
