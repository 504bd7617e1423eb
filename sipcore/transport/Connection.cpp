// SPDX-License-Identifier: GPL-3.0-or-later
#include "Connection.h"

#include "HostAddress.h"
#include "SipTrace.h"

#include <QPointer>
#include <QSslSocket>
#include <QVariant>

#include <climits>

namespace sip {
namespace {

// How long a closing connection may take to write what it has buffered.
constexpr int kLingerMs = 5000;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0);
}

} // namespace

Connection::Connection(quint64 id, TransportType type, QTcpSocket *socket, bool outgoing,
                       const Endpoint &remote, const QString &peerName,
                       const TransportOptions &options, Handlers handlers, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_type(type)
    , m_socket(socket)
    , m_outgoing(outgoing)
    , m_remote(remote)
    , m_local{type, normalizedAddress(socket->localAddress()), socket->localPort()}
    , m_peerName(peerName)
    , m_options(options)
    , m_handlers(std::move(handlers))
    , m_tcpConnected(!outgoing)
{
    m_socket->setParent(this);
    m_clock.start();
    touch();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimer);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &Connection::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QAbstractSocket::connected, this, &Connection::onConnected);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        connect(ssl, &QSslSocket::encrypted, this, &Connection::onEncrypted);
        // Not ignored: the handshake fails, and these say why.
        connect(ssl, &QSslSocket::sslErrors, this,
                [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    }
}

Connection::~Connection()
{
    // Destroyed with its owner: no callbacks any more, queued messages just go.
    if (m_socket)
        m_socket->disconnect(this);
}

void Connection::start()
{
    if (!m_outgoing && m_type == TransportType::Tcp) {
        becomeOpen();
        return;
    }
    m_timer.start(int(qMin<qint64>(m_options.connectTimeoutMs, INT_MAX)));
}

ConnectionInfo Connection::info() const
{
    return {m_id, m_local, m_remote, m_outgoing, isOpen()};
}

void Connection::setSentBy(const QHostAddress &address, quint16 port)
{
    m_sentByAddress = address;
    m_sentByPort = port;
}

QString Connection::send(const QByteArray &wire, TransportSender::ErrorCallback onError)
{
    switch (m_state) {
    case State::Closed:
        return QStringLiteral("the %1 connection to %2 is closed")
            .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort());
    case State::Connecting:
        if (m_queuedBytes + wire.size() > m_options.maxSendBuffer)
            return QStringLiteral("too many bytes queued for the %1 connection to %2")
                .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort());
        m_queue.append({wire, std::move(onError)});
        m_queuedBytes += wire.size();
        return {};
    case State::Open:
        break;
    }
    return write(wire);
}

QString Connection::write(const QByteArray &wire)
{
    if (m_socket->bytesToWrite() + wire.size() > m_options.maxSendBuffer) {
        return QStringLiteral("send buffer of the %1 connection to %2 is full (%3 bytes unread)")
            .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort())
            .arg(m_socket->bytesToWrite());
    }
    if (m_socket->write(wire) != wire.size()) {
        return QStringLiteral("writing to %1 failed: %2")
            .arg(m_remote.hostPort(), m_socket->errorString());
    }
    touch();
    if (m_handlers.onWritten)
        m_handlers.onWritten(*this, wire);
    return {};
}

QString Connection::sendPing(TransportSender::ErrorCallback onError)
{
    const QString error = send("\r\n\r\n", std::move(onError));
    if (error.isEmpty())
        m_awaitingPong = true;
    return error;
}

void Connection::close(const QString &reason)
{
    finish(reason, true);
}

void Connection::onConnected()
{
    m_tcpConnected = true;
    m_local = {m_type, normalizedAddress(m_socket->localAddress()), m_socket->localPort()};
    if (m_type == TransportType::Tcp)
        becomeOpen(); // TLS waits for encrypted()
}

void Connection::onEncrypted()
{
    becomeOpen();
}

void Connection::becomeOpen()
{
    if (m_state != State::Connecting)
        return;
    m_state = State::Open;
    m_local = {m_type, normalizedAddress(m_socket->localAddress()), m_socket->localPort()};
    // Requests and responses are written whole; waiting for more is no use.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    touch();
    m_timer.start(int(qMin<qint64>(m_options.idleTimeoutMs, INT_MAX)));
    QPointer<Connection> self(this);
    if (m_handlers.onOpen)
        m_handlers.onOpen(*this);
    const QList<Pending> queue = std::exchange(m_queue, {});
    m_queuedBytes = 0;
    for (const Pending &p : queue) {
        const QString error = self && m_state == State::Open
                                  ? write(p.wire)
                                  : QStringLiteral("the connection closed before sending");
        if (!error.isEmpty() && p.onError)
            p.onError(error);
    }
}

void Connection::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    touch();
    m_framer.append(m_socket->readAll());
    QPointer<Connection> self(this);
    for (;;) {
        StreamFramer::Frame frame = m_framer.next();
        switch (frame.kind) {
        case StreamFramer::Kind::NeedMore:
            return;
        case StreamFramer::Kind::Ping:
            if (m_awaitingPong) {
                // The framer takes a CRLF right after a lone CRLF (the pong to
                // our previous ping) for the second half of a ping; while a
                // ping of ours is out it is the pong we wait for, not a ping
                // to answer (RFC 5626 §3.5.1: the UA pings, the server answers).
                m_awaitingPong = false;
                if (m_handlers.onPong)
                    m_handlers.onPong(*this);
                break;
            }
            // RFC 5626 §4.4.1: a CRLFCRLF ping is answered with a CRLF pong.
            m_socket->write("\r\n");
            if (m_handlers.onPing)
                m_handlers.onPing(*this);
            break;
        case StreamFramer::Kind::Pong:
            // RFC 5626 §4.4.1: the answer a UA waits for after its ping.
            m_awaitingPong = false;
            if (m_handlers.onPong)
                m_handlers.onPong(*this);
            break;
        case StreamFramer::Kind::Message:
            if (m_handlers.onMessage)
                m_handlers.onMessage(*this, frame.bytes);
            break;
        case StreamFramer::Kind::Error:
            // RFC 3261 §18.3: without a trustworthy Content-Length the
            // stream cannot be re-synchronised; close (after a possible 400).
            if (m_handlers.onFramingError)
                m_handlers.onFramingError(*this, frame);
            if (self)
                finish(QStringLiteral("unframeable stream: %1").arg(frame.error.message()), true);
            return;
        }
        if (!self || m_state == State::Closed)
            return;
    }
}

void Connection::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError && m_state == State::Open) {
        finish(QStringLiteral("closed by the peer"), false);
        return;
    }
    finish(failureReason(error), false);
}

void Connection::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    finish(m_state == State::Open ? QStringLiteral("closed by the peer")
                                  : failureReason(m_socket->error()),
           false);
}

QString Connection::failureReason(QAbstractSocket::SocketError error) const
{
    if (!m_sslErrors.isEmpty()) {
        QStringList texts;
        for (const QSslError &e : m_sslErrors) {
            // "No certificates could be verified" only repeats the error
            // before it.
            if (e.error() == QSslError::UnableToVerifyFirstCertificate && m_sslErrors.size() > 1)
                continue;
            if (!texts.contains(e.errorString()))
                texts << e.errorString();
        }
        return QStringLiteral("TLS certificate of %1 not trusted: %2")
            .arg(m_peerName, texts.join(QStringLiteral("; ")));
    }
    const QString why = m_socket && error != QAbstractSocket::UnknownSocketError
                            ? m_socket->errorString()
                            : QStringLiteral("connection lost");
    if (m_state == State::Connecting) {
        if (m_type == TransportType::Tls && m_tcpConnected)
            return QStringLiteral("TLS handshake with %1 failed: %2").arg(m_remote.hostPort(), why);
        return QStringLiteral("%1 connection to %2 failed: %3")
            .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort(), why);
    }
    return QStringLiteral("%1 connection to %2 lost: %3")
        .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort(), why);
}

void Connection::onTimer()
{
    switch (m_state) {
    case State::Closed:
        return;
    case State::Connecting:
        if (m_type == TransportType::Tls && m_tcpConnected)
            finish(QStringLiteral("TLS handshake with %1 timed out after %2 s")
                       .arg(m_remote.hostPort(), seconds(m_options.connectTimeoutMs)),
                   false);
        else
            finish(QStringLiteral("%1 connection to %2 timed out after %3 s")
                       .arg(QString::fromLatin1(transportName(m_type)), m_remote.hostPort(),
                            seconds(m_options.connectTimeoutMs)),
                   false);
        return;
    case State::Open: {
        const qint64 idle = m_clock.elapsed() - m_lastActivity;
        if (idle >= m_options.idleTimeoutMs) {
            finish(QStringLiteral("idle for %1 s").arg(seconds(idle)), true);
            return;
        }
        m_timer.start(int(qMin<qint64>(m_options.idleTimeoutMs - idle, INT_MAX)));
        return;
    }
    }
}

void Connection::finish(const QString &reason, bool flush)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    const QList<Pending> queue = std::exchange(m_queue, {});
    m_queuedBytes = 0;

    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    if (flush && socket->state() == QAbstractSocket::ConnectedState) {
        // Let it write what is buffered (e.g. a 400 before closing), then go.
        socket->setParent(nullptr);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kLingerMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->disconnectFromHost();
    } else {
        socket->abort();
        socket->deleteLater();
    }
    qCDebug(lcTransport) << "connection" << m_id << m_remote.toString() << "closed:" << reason;

    if (m_handlers.onClosed)
        m_handlers.onClosed(*this, reason);
    for (const Pending &p : queue) {
        if (p.onError)
            p.onError(reason);
    }
}

} // namespace sip
