// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One TCP bind (RFC 3261 §18: a reliable, stream transport): the listening
// socket and the factory of the sockets of outgoing and accepted
// connections. TlsTransport derives from it. Framing, queuing and timeouts
// of each connection are Connection's.

#include "Endpoint.h"

#include <QObject>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace sip {

class SocketListener;

class TcpTransport : public QObject
{
    Q_OBJECT
public:
    // A connection a peer opened; the handler takes ownership of `socket`.
    using IncomingHandler = std::function<void(TcpTransport &transport, QTcpSocket *socket)>;

    explicit TcpTransport(QObject *parent = nullptr);
    ~TcpTransport() override;

    virtual TransportType type() const { return TransportType::Tcp; }

    // Listens on address:port (0: a free port). Binding again first closes.
    virtual bool bind(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isListening() const;
    // The address as bound (may be a wildcard).
    const QHostAddress &address() const { return m_address; }
    // The listening port; 0 when not listening (a client-only TLS bind).
    quint16 port() const;
    Endpoint localEndpoint() const { return {type(), m_address, port()}; }

    // A socket connecting to `target` (its serverName is the TLS name to
    // verify), bound to `localAddress` port 0 first so its local port is
    // known at once. The caller owns it. Null (and *error) when the local
    // bind fails.
    QTcpSocket *connectTo(const Endpoint &target, const QHostAddress &localAddress, QString *error);
    void setIncomingHandler(IncomingHandler handler) { m_onIncoming = std::move(handler); }

protected:
    // Listens on m_address:port.
    bool listen(quint16 port, QString *error);
    // A new unconnected socket for an outgoing connection.
    virtual QTcpSocket *createSocket();
    virtual void startConnecting(QTcpSocket *socket, const Endpoint &target);
    // Wraps an accepted descriptor; null when it cannot.
    virtual QTcpSocket *adopt(qintptr descriptor);
    // For an accepted descriptor no socket took over.
    static void closeDescriptor(qintptr descriptor);

    QHostAddress m_address;

private:
    std::unique_ptr<SocketListener> m_listener;
    IncomingHandler m_onIncoming;
};

} // namespace sip
