#include "icons.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

// The icons live in a static library: its resources are registered by hand, once, before
// the first icon is made (Q_INIT_RESOURCE must be called outside any namespace).
static void registerIconResources()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace hanji {

namespace {

const QString kActionIcons = u":/icons/actions/"_s;
const QString kApplicationId = u"io.github.hanji.Hanji"_s;

} // namespace

QIcon actionIcon(const char *freedesktopName)
{
    registerIconResources();
    const QString name = QString::fromLatin1(freedesktopName);
    const QString bundled = kActionIcons + name + u".svg"_s;
    Q_ASSERT_X(QFileInfo::exists(bundled), "actionIcon", "no bundled fallback for this icon name");
    return QIcon::fromTheme(name, QIcon(bundled));
}

QIcon applicationIcon()
{
    registerIconResources();
    return QIcon::fromTheme(kApplicationId, QIcon(u":/icons/"_s + kApplicationId + u".svg"_s));
}

QStringList bundledIconNames()
{
    registerIconResources();
    QStringList names;
    for (const QFileInfo &file : QDir(kActionIcons).entryInfoList({ u"*.svg"_s }, QDir::Files, QDir::Name))
        names += file.completeBaseName();
    return names;
}

} // namespace hanji
