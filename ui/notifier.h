#pragma once

#include <QObject>
#include <QString>

namespace hanji {

// Desktop notifications through the freedesktop notification service on the session bus
// (org.freedesktop.Notifications): Notify with a "default" action, which a click on the
// notification invokes. The call is asynchronous: the window never waits for the service,
// and a desktop without one just shows nothing.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(QObject *parent = nullptr);

    void notify(const QString &summary, const QString &body);
    // The id the service gave the last notification; 0 before it answered.
    [[nodiscard]] uint lastId() const { return m_lastId; }

Q_SIGNALS:
    // The user clicked our last notification.
    void activated();

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);

private:
    uint m_lastId = 0;
};

} // namespace hanji
