// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A QTcpServer that hands over the descriptor of each accepted connection
// instead of wrapping it in a QTcpSocket, so TLS can wrap it in a QSslSocket
// (QSslSocket::setSocketDescriptor + startServerEncryption).

#include <QTcpServer>

#include <functional>

namespace sip {

class SocketListener final : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(qintptr descriptor)>;

    explicit SocketListener(Handler handler, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_handler(std::move(handler))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_handler(descriptor); }

private:
    Handler m_handler;
};

} // namespace sip
