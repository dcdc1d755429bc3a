#pragma once

// A small real HTTP/1.1 server on 127.0.0.1 for tests that fetch over the network: it
// serves fixed routes, counts what it was asked for, can hold a request open forever, and
// can go down and come back on the same port.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <optional>

// No Q_OBJECT: it has no signals, and a header outside the target is not run through moc.
class LocalHttpServer : public QObject
{
public:
    struct Route {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        bool hang = false; // read the request, never answer
        QByteArray location = {}; // sent as Location (with a 3xx status: a redirect)
        bool omitLength = false; // no Content-Length: the body ends when the connection closes
        std::optional<qint64> claimedLength = {}; // a Content-Length that is not the body's size
    };

    explicit LocalHttpServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &LocalHttpServer::accept);
    }
    ~LocalHttpServer() override
    {
        // The sockets die with m_server; they must not call back into members already gone.
        for (QTcpSocket *socket : std::as_const(m_open))
            socket->disconnect(this);
    }

    [[nodiscard]] bool listen(quint16 port = 0)
    {
        if (!m_server.listen(QHostAddress::LocalHost, port))
            return false;
        m_port = m_server.serverPort();
        return true;
    }
    // Down: nothing listens on the port any more, connections are refused.
    void close()
    {
        m_server.close();
        for (QTcpSocket *socket : std::as_const(m_open))
            socket->abort();
    }
    [[nodiscard]] bool reopen() { return listen(m_port); }

    void setRoute(const QByteArray &path, const Route &route) { m_routes.insert(path, route); }
    [[nodiscard]] QUrl url(const QByteArray &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QString::fromLatin1(path)));
    }
    [[nodiscard]] int requestCount(const QByteArray &path) const { return int(m_requests.count(path)); }
    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_open.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_open.removeOne(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        m_buffers.remove(socket);
        const QByteArray path = requestLine.value(1);
        m_requests.append(path);

        const auto route = m_routes.constFind(path);
        if (route != m_routes.cend() && route->hang)
            return;
        const Route answer = route != m_routes.cend() ? *route : Route { .status = 404, .contentType = "text/plain", .body = "not found" };
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\n";
        response += "Content-Type: " + answer.contentType + "\r\n";
        if (!answer.location.isEmpty())
            response += "Location: " + answer.location + "\r\n";
        if (!answer.omitLength)
            response += "Content-Length: " + QByteArray::number(answer.claimedLength.value_or(answer.body.size())) + "\r\n";
        response += "Cache-Control: public, max-age=3600\r\n";
        response += "Last-Modified: Mon, 03 Jun 2024 00:00:00 GMT\r\n";
        response += "Connection: close\r\n\r\n";
        response += answer.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QByteArray, Route> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_open;
    QList<QByteArray> m_requests;
};
