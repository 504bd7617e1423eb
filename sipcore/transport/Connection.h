// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One TCP or TLS flow (RFC 3261 §18.3; a "flow" of RFC 5626 §3). Frames the
// byte stream into messages with StreamFramer, answers CRLFCRLF keep-alive
// pings with a CRLF pong (RFC 5626 §4.4.1), queues messages until the
// connection (and TLS handshake) is up, and closes itself when idle or when
// the stream cannot be framed. Owned by the TransportLayer, which does the
// parsing and routing.

#include "ConnectionInfo.h"
#include "TransportOptions.h"
#include "TransportSender.h"
#include "message/StreamFramer.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QTcpSocket>
#include <QTimer>

namespace sip {

class Connection final : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8
    {
        Connecting, // TCP connect and, for TLS, the handshake
        Open,
        Closed
    };

    struct Handlers
    {
        // Connected (and for TLS, the handshake done).
        std::function<void(Connection &)> onOpen;
        // One framed message (parse it with Parser::Framing::Stream).
        std::function<void(Connection &, const QByteArray &bytes)> onMessage;
        // The stream cannot be framed any more; the connection closes after.
        std::function<void(Connection &, const StreamFramer::Frame &frame)> onFramingError;
        // A message went onto the wire (for the trace).
        std::function<void(Connection &, const QByteArray &wire)> onWritten;
        // A CRLFCRLF ping came and was answered (RFC 5626 §4.4.1).
        std::function<void(Connection &)> onPing;
        // A lone CRLF came: the pong to a ping we sent (RFC 5626 §4.4.1).
        std::function<void(Connection &)> onPong;
        // Closed, once; the error callbacks of queued messages are called
        // right after.
        std::function<void(Connection &, const QString &reason)> onClosed;
    };

    // Takes ownership of `socket`: connecting (outgoing) or accepted
    // (incoming; TLS: with the server handshake started). `peerName` is the
    // name a TLS certificate is verified against, for messages.
    Connection(quint64 id, TransportType type, QTcpSocket *socket, bool outgoing,
               const Endpoint &remote, const QString &peerName, const TransportOptions &options,
               Handlers handlers, QObject *parent = nullptr);
    ~Connection() override;

    // Starts the connect/handshake timeout, or opens an accepted TCP
    // connection. Called once the owner has registered the connection.
    void start();

    quint64 id() const { return m_id; }
    TransportType type() const { return m_type; }
    bool isOutgoing() const { return m_outgoing; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    bool isClosed() const { return m_state == State::Closed; }
    const Endpoint &remote() const { return m_remote; }
    // This side's address and port (known at once: outgoing sockets are
    // bound before they connect).
    const Endpoint &local() const { return m_local; }
    ConnectionInfo info() const;

    // The sent-by the TransportLayer writes into requests sent on this
    // connection (RFC 3261 §18.1.1): the listening port when there is one.
    void setSentBy(const QHostAddress &address, quint16 port);
    const QHostAddress &sentByAddress() const { return m_sentByAddress; }
    quint16 sentByPort() const { return m_sentByPort; }

    // Writes `wire` now, or when the connection opens. Returns why it cannot
    // (closed, send buffer full); `onError` is kept for a failure later (the
    // connection or handshake fails first) and called at most once.
    QString send(const QByteArray &wire, TransportSender::ErrorCallback onError);
    // RFC 5626 §4.4.1: a CRLFCRLF ping, as send() does; the next CRLF that
    // comes back is reported as its pong (onPong).
    QString sendPing(TransportSender::ErrorCallback onError);
    // Closes after writing what is buffered; queued messages fail with `reason`.
    void close(const QString &reason);

private:
    struct Pending
    {
        QByteArray wire;
        TransportSender::ErrorCallback onError;
    };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onTimer();
    void becomeOpen();
    QString write(const QByteArray &wire);
    QString failureReason(QAbstractSocket::SocketError error) const;
    // Closed state, queued messages failed, socket let go (gracefully when
    // `flush`), onClosed called.
    void finish(const QString &reason, bool flush);
    void touch() { m_lastActivity = m_clock.elapsed(); }

    quint64 m_id;
    TransportType m_type;
    QTcpSocket *m_socket; // null once closed
    bool m_outgoing;
    Endpoint m_remote;
    Endpoint m_local;
    QString m_peerName;
    TransportOptions m_options;
    Handlers m_handlers;
    State m_state = State::Connecting;
    StreamFramer m_framer;
    QList<Pending> m_queue;
    qint64 m_queuedBytes = 0;
    QList<QSslError> m_sslErrors;
    bool m_tcpConnected = false;
    QHostAddress m_sentByAddress;
    quint16 m_sentByPort = 0;
    QTimer m_timer; // connect/handshake timeout, then idle timeout
    QElapsedTimer m_clock;
    qint64 m_lastActivity = 0;
    bool m_awaitingPong = false; // a ping of ours went out, no CRLF came back yet
};

} // namespace sip
