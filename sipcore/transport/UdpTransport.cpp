// SPDX-License-Identifier: GPL-3.0-or-later
#include "UdpTransport.h"

#include "HostAddress.h"

#include <QPointer>
#include <QVariant>

namespace sip {

UdpTransport::UdpTransport(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpTransport::readPending);
}

UdpTransport::~UdpTransport() = default;

bool UdpTransport::bind(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    m_address = address;
    // DontShareAddress: no SO_REUSEADDR, so a port another socket holds is
    // an error, not two sockets silently sharing it.
    if (!m_socket.bind(address, port, QAbstractSocket::DontShareAddress)) {
        if (error)
            *error = m_socket.errorString();
        return false;
    }
    if (m_receiveBuffer > 0)
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, m_receiveBuffer);
    return true;
}

void UdpTransport::close()
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.close();
}

void UdpTransport::setReceiveBufferSize(int bytes)
{
    m_receiveBuffer = bytes;
    if (isBound() && bytes > 0)
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, bytes);
}

QString UdpTransport::send(const QByteArray &datagram, const Endpoint &to)
{
    if (!isBound())
        return QStringLiteral("the UDP socket %1 is closed").arg(localEndpoint().hostPort());
    const qint64 written = m_socket.writeDatagram(datagram, to.address, to.port);
    if (written != datagram.size()) {
        return QStringLiteral("UDP send to %1 failed: %2")
            .arg(to.hostPort(),
                 written < 0 ? m_socket.errorString() : QStringLiteral("short write"));
    }
    return {};
}

void UdpTransport::readPending()
{
    // One read buffer for the socket; each datagram is copied out at its
    // own size, because the message built on it lives as long as its
    // server transaction (Timer J, 64*T1) and must not pin 64 KiB.
    if (m_readBuffer.size() < kMaxRead)
        m_readBuffer.resize(kMaxRead);
    QPointer<UdpTransport> self(this);
    while (self && m_socket.hasPendingDatagrams()) {
        QHostAddress sender;
        quint16 senderPort = 0;
        const qint64 n = m_socket.readDatagram(m_readBuffer.data(), kMaxRead, &sender, &senderPort);
        if (n < 0)
            break;
        const Endpoint remote{TransportType::Udp, normalizedAddress(sender), senderPort};
        if (m_onDatagram)
            m_onDatagram(*this, QByteArray(m_readBuffer.constData(), n), remote);
    }
}

} // namespace sip
