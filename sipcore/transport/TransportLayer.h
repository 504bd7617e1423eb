// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The transport layer of RFC 3261 §18 over real sockets: UDP, TCP and TLS
// on IPv4 and IPv6, several binds at once.
//
//  - Requests (§18.1.1): sent over the bound transport of the target's
//    protocol and address family; the top Via names that transport and its
//    address and port (RFC 3581 §3: with "rport"). TCP and TLS reuse an open
//    connection to the target, also one the peer opened (§18.1, RFC 5923
//    style reuse), else connect and queue until connected.
//  - Responses (§18.2.2, RFC 3581 §4): see ResponseRoute.
//  - Receiving (§18.2.1, §18.1.2): requests get "received"/"rport" in their
//    top Via; responses whose top Via sent-by is not ours are dropped;
//    malformed messages go to the invalid handler.
//  - Connections: idle ones close, their number and buffers are capped,
//    CRLF keep-alive pings are answered (RFC 5626 §4.4.1), pongs reported.
//  - STUN on UDP sockets (RFC 5626 §4.4.2, RFC 5389 §7.3): datagrams that
//    are STUN never reach the SIP parser; a Binding Request is answered with
//    the sender's XOR-MAPPED-ADDRESS, responses are reported.
// Every message sent or received goes to the trace handler and to the
// logging category "tidings.sip.trace".

#include "ConnectionInfo.h"
#include "StunMessage.h"
#include "TransportOptions.h"
#include "TransportSender.h"
#include "TransportStats.h"
#include "message/Limits.h"
#include "message/Parser.h"
#include "message/StreamFramer.h"

#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>
#include <optional>
#include <vector>

class QTcpSocket;

namespace sip {

class Connection;
class TcpTransport;
class TlsTransport;
class UdpTransport;

class TransportLayer final : public QObject, public TransportSender
{
    Q_OBJECT
public:
    // A well-formed message; requests carry received/rport already.
    using ReceiveHandler = std::function<void(const ReceivedMessage &received)>;
    // A malformed one: `result` holds what parsed (requests with
    // received/rport added, so a 400 can be routed when
    // result.error.respondable); `meta` says how it came (meta.message empty).
    using InvalidHandler =
        std::function<void(const ParseResult &result, const ReceivedMessage &meta)>;
    // Every message sent (`outgoing`) or received, as on the wire.
    using TraceHandler = std::function<void(bool outgoing, const Endpoint &local,
                                            const Endpoint &remote, const QByteArray &wire)>;

    explicit TransportLayer(QObject *parent = nullptr);
    explicit TransportLayer(const TransportOptions &options, QObject *parent = nullptr);
    ~TransportLayer() override;

    // --- Binding -------------------------------------------------------
    // Binds `type` to address:port; port 0 picks a free port, and a UDP and
    // a TCP bind on the same address both given port 0 share one port
    // number. A TLS bind listens only with an identity (setTlsIdentity);
    // without one it is client-only. Error: "cannot bind udp:127.0.0.1:5060:
    // <why>".
    bool bind(TransportType type, const QHostAddress &address, quint16 port,
              QString *error = nullptr);
    // Every bind with its actual port (0 for a client-only TLS bind).
    QList<Endpoint> localEndpoints() const;
    // Closes every socket and connection and forgets the binds.
    void close();

    // --- TLS -----------------------------------------------------------
    // This side's certificate (with its intermediate chain) and private key;
    // TLS binds, present and future, listen. False (and *error) when the
    // certificate or key is unusable or a listening socket cannot be opened.
    bool setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key,
                        QString *error = nullptr);
    bool setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key,
                        const QList<QSslCertificate> &chain, QString *error = nullptr);
    // CAs (or self-signed server certificates) trusted on top of the
    // system CAs when verifying servers.
    void addTrustedCa(const QList<QSslCertificate> &certificates);

    // --- Options and handlers -------------------------------------------
    // New connections and sockets use them; open connections keep theirs.
    void setOptions(const TransportOptions &options) { m_options = options; }
    const TransportOptions &options() const { return m_options; }
    void setReceiveHandler(ReceiveHandler handler) { m_onReceive = std::move(handler); }
    void setInvalidHandler(InvalidHandler handler) { m_onInvalid = std::move(handler); }
    void setTraceHandler(TraceHandler handler) { m_onTrace = std::move(handler); }

    // --- TransportSender --------------------------------------------------
    // Errors are always reported from the event loop, never from inside the
    // call, and at most once per message.
    void sendRequest(const Message &request, const Endpoint &target,
                     ErrorCallback onError) override;
    using TransportSender::sendResponse;
    void sendResponse(const QByteArray &wire, const ResponseRoute &route,
                      ErrorCallback onError) override;

    // RFC 3261 §18.1.1: a request larger than 1300 bytes (the path MTU being
    // unknown) goes over a congestion-controlled transport; target selection
    // asks this. The layer itself only refuses UDP requests larger than a
    // datagram can be (limits::kMaxDatagramSize).
    static bool fitsUdp(qsizetype requestSize) { return requestSize <= limits::kUdpMtuRule; }

    // --- Connections ------------------------------------------------------
    int connectionCount() const { return int(m_connections.size()); }
    QList<ConnectionInfo> connections() const;
    // Closes a connection (after writing what it has buffered). False when
    // there is no such connection.
    bool closeConnection(quint64 id);
    const TransportStats &stats() const { return m_stats; }

    // --- Flows and keep-alive (RFC 5626) ---------------------------------
    // The address and port the top Via of a request to `target` would name
    // (RFC 3261 §18.1.1): the Contact address of a registration over that
    // flow. For TCP/TLS the connection is opened now when there is none, as
    // sendRequest() would. nullopt (and *why) when no transport reaches it.
    std::optional<Endpoint> localAddressFor(const Endpoint &target, QString *why = nullptr);
    // One keep-alive on the flow to `target` (RFC 5626 §4.4.1, §3.5.1): a
    // CRLFCRLF ping on its TCP/TLS connection, a CRLF datagram over UDP.
    // `onError` (from the event loop) when there is no such connection or
    // the send fails: the flow is gone. Never opens a connection.
    void sendKeepAlive(const Endpoint &target, ErrorCallback onError);
    // RFC 5626 §4.4.2: a STUN Binding Request (`request`, encoded) on the
    // UDP socket a request to `target` leaves from, so it refreshes that
    // flow's NAT binding. The answer comes as stunResponseReceived().
    // `onError` (from the event loop) when it cannot be sent.
    void sendStunRequest(const Endpoint &target, const QByteArray &request, ErrorCallback onError);

signals:
    // Connected (TLS: handshake done), in either direction.
    void connectionOpened(const sip::ConnectionInfo &info);
    void connectionClosed(const sip::ConnectionInfo &info, const QString &reason);
    // RFC 5626 §4.4.1: a CRLF pong on the connection to `remote`.
    void pongReceived(const sip::Endpoint &remote);
    // RFC 5626 §4.4.2: a STUN response (success or error) from `remote` on
    // one of our UDP sockets.
    void stunResponseReceived(const sip::Endpoint &remote, const sip::StunMessage &response);

private:
    struct Binding
    {
        TransportType type = TransportType::Udp;
        QHostAddress address;
        quint16 requestedPort = 0;
        UdpTransport *udp = nullptr;
        TcpTransport *stream = nullptr; // TcpTransport or TlsTransport
        bool paired = false;            // shares its port with a UDP/TCP partner

        quint16 port() const;
        QObject *transport() const;
    };

    bool bindNew(TransportType type, const QHostAddress &address, quint16 port, QString *why);
    bool bindPaired(TransportType type, const QHostAddress &address, qsizetype partner,
                    QString *why);
    Binding makeBinding(TransportType type, const QHostAddress &address, quint16 port);
    static bool bindTransport(Binding &b, quint16 port, QString *why);
    void applyTls(TlsTransport &tls) const;

    UdpTransport *pickUdp(const QHostAddress &target) const;
    UdpTransport *udpFor(const Endpoint &local, const QHostAddress &target) const;
    TcpTransport *pickStream(TransportType type, const QHostAddress &target) const;
    Connection *findConnection(const Endpoint &remote) const;
    Connection *openConnection(TcpTransport &transport, const Endpoint &target, QString *why);
    void acceptConnection(TcpTransport &transport, QTcpSocket *socket);
    Connection *addConnection(TransportType type, QTcpSocket *socket, bool outgoing,
                              const Endpoint &remote, const QString &peerName);
    Connection *connectionFor(const Endpoint &target, QString *why);

    void sendDatagram(UdpTransport &udp, const QByteArray &wire, const Endpoint &to,
                      const ErrorCallback &onError);
    void sendOnConnection(Connection &c, const QByteArray &wire, const ErrorCallback &onError);

    void onDatagram(UdpTransport &udp, const QByteArray &datagram, const Endpoint &remote);
    void onStun(UdpTransport &udp, const QByteArray &datagram, const Endpoint &remote);
    void onStreamMessage(Connection &c, const QByteArray &bytes);
    void onFramingError(Connection &c, const StreamFramer::Frame &frame);
    void onConnectionClosed(Connection &c, const QString &reason);
    void deliver(ParseResult result, ReceivedMessage meta);
    bool isOurSentBy(const Via &via, const ReceivedMessage &meta) const;
    void trace(bool outgoing, const Endpoint &local, const Endpoint &remote,
               const QByteArray &wire);
    // Calls `onError(reason)` from the event loop.
    void fail(const ErrorCallback &onError, const QString &reason);
    ErrorCallback deferred(const ErrorCallback &onError);
    static QString noTransport(TransportType type, const QHostAddress &target);

    TransportOptions m_options;
    std::vector<Binding> m_bindings;
    QHash<quint64, Connection *> m_connections;
    QMultiHash<Endpoint, Connection *> m_byRemote;
    quint64 m_nextConnectionId = 1;
    QSslCertificate m_tlsCertificate;
    QList<QSslCertificate> m_tlsChain;
    QSslKey m_tlsKey;
    QList<QSslCertificate> m_extraCas;
    ReceiveHandler m_onReceive;
    InvalidHandler m_onInvalid;
    TraceHandler m_onTrace;
    TransportStats m_stats;
};

} // namespace sip
