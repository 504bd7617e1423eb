// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One bound UDP socket (RFC 3261 §18: an unreliable transport). Sends
// datagrams and hands every received one up; the TransportLayer parses.

#include "Endpoint.h"

#include <QObject>
#include <QUdpSocket>

#include <functional>

namespace sip {

class UdpTransport final : public QObject
{
    Q_OBJECT
public:
    // `datagram` is the payload, `remote` its source.
    using DatagramHandler = std::function<void(UdpTransport &transport, const QByteArray &datagram,
                                               const Endpoint &remote)>;

    // Largest datagram read: the IP maximum, so nothing is ever truncated.
    static constexpr qint64 kMaxRead = 65535;

    explicit UdpTransport(QObject *parent = nullptr);
    ~UdpTransport() override;

    // Binds to address:port (0: a free port). Binding again first closes.
    bool bind(const QHostAddress &address, quint16 port, QString *error);
    void close();
    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    // The address as bound (may be a wildcard) and the actual port.
    const QHostAddress &address() const { return m_address; }
    quint16 port() const { return m_socket.localPort(); }
    Endpoint localEndpoint() const { return {TransportType::Udp, m_address, port()}; }
    // SO_RCVBUF; the kernel may cap it.
    void setReceiveBufferSize(int bytes);

    // One datagram to `to`. Empty on success, else why it failed.
    QString send(const QByteArray &datagram, const Endpoint &to);
    void setDatagramHandler(DatagramHandler handler) { m_onDatagram = std::move(handler); }

private:
    void readPending();

    QUdpSocket m_socket;
    QHostAddress m_address;
    DatagramHandler m_onDatagram;
    QByteArray m_readBuffer;
    int m_receiveBuffer = 0;
};

} // namespace sip
