// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpTransport.h"

#include "SipTrace.h"
#include "SocketListener.h"

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <unistd.h>
#endif

namespace sip {

void TcpTransport::closeDescriptor(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(descriptor));
#else
    ::close(int(descriptor));
#endif
}

TcpTransport::TcpTransport(QObject *parent)
    : QObject(parent)
{}

TcpTransport::~TcpTransport() = default;

bool TcpTransport::bind(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    m_address = address;
    return listen(port, error);
}

bool TcpTransport::listen(quint16 port, QString *error)
{
    auto listener = std::make_unique<SocketListener>([this](qintptr descriptor) {
        QTcpSocket *socket = adopt(descriptor);
        if (!socket)
            return;
        if (m_onIncoming)
            m_onIncoming(*this, socket);
        else
            socket->deleteLater();
    });
    if (!listener->listen(m_address, port)) {
        if (error)
            *error = listener->errorString();
        return false;
    }
    m_listener = std::move(listener);
    return true;
}

void TcpTransport::close()
{
    m_listener.reset();
}

bool TcpTransport::isListening() const
{
    return m_listener && m_listener->isListening();
}

quint16 TcpTransport::port() const
{
    return isListening() ? m_listener->serverPort() : 0;
}

QTcpSocket *TcpTransport::connectTo(const Endpoint &target, const QHostAddress &localAddress,
                                    QString *error)
{
    QTcpSocket *socket = createSocket();
    if (!socket->bind(localAddress, 0)) {
        if (error)
            *error = QStringLiteral("cannot bind a %1 socket to %2: %3")
                         .arg(QString::fromLatin1(transportName(type())), localAddress.toString(),
                              socket->errorString());
        delete socket;
        return nullptr;
    }
    startConnecting(socket, target);
    return socket;
}

QTcpSocket *TcpTransport::createSocket()
{
    return new QTcpSocket;
}

void TcpTransport::startConnecting(QTcpSocket *socket, const Endpoint &target)
{
    socket->connectToHost(target.address, target.port);
}

QTcpSocket *TcpTransport::adopt(qintptr descriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcTransport) << "cannot adopt an accepted TCP connection:"
                               << socket->errorString();
        delete socket;
        closeDescriptor(descriptor);
        return nullptr;
    }
    return socket;
}

} // namespace sip
