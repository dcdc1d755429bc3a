#include "notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace hanji {

namespace {
Q_LOGGING_CATEGORY(lcNotify, "hanji.ui.notify")
const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;
} // namespace

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
    // The D-Bus signal has no type-checked connect: the slot is named.
    QDBusConnection::sessionBus().connect(kService, kPath, kInterface, u"ActionInvoked"_s, this,
                                          SLOT(onActionInvoked(uint, QString)));
}

void Notifier::notify(const QString &summary, const QString &body)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    call << u"Hanji"_s << m_lastId // replaces the last one: one notification about the news at a time
         << u"hanji"_s << summary << body << QStringList { u"default"_s, tr("Show") }
         << QVariantMap { { u"desktop-entry"_s, u"hanji"_s } } << -1;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *done) {
        const QDBusPendingReply<uint> reply = *done;
        if (reply.isError())
            qCInfo(lcNotify) << "no notification shown:" << reply.error().message();
        else
            m_lastId = reply.value();
        done->deleteLater();
    });
}

void Notifier::onActionInvoked(uint id, const QString &action)
{
    if (id != 0 && id == m_lastId && action == u"default"_s)
        Q_EMIT activated();
}

} // namespace hanji
