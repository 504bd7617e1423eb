// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransportLayer.h"

#include "Connection.h"
#include "HostAddress.h"
#include "ResponseRoute.h"
#include "SipTrace.h"
#include "TlsTransport.h"
#include "UdpTransport.h"
#include "ViaStamp.h"

#include <QPointer>
#include <QTcpSocket>

namespace sip {
namespace {

// A UDP and a TCP bind sharing a port: how many fresh ports to try when the
// TCP side of the UDP's port is taken.
constexpr int kPairAttempts = 8;

// A datagram of only CR/LF: a keep-alive some UAs send over UDP (the RFC 5626
// §4.4.1 ping is for streams); nothing to parse or answer.
bool isKeepAlive(const QByteArray &datagram)
{
    for (char c : datagram) {
        if (c != '\r' && c != '\n')
            return false;
    }
    return true;
}

Endpoint normalized(const Endpoint &e)
{
    Endpoint out = e;
    out.address = normalizedAddress(e.address);
    return out;
}

// Higher is better; -1: cannot reach `target` at all.
int bindScore(const QHostAddress &bound, const QHostAddress &target)
{
    if (!sameFamily(bound, target))
        return -1;
    if (isWildcard(bound))
        return 1;
    return bound.isLoopback() == target.isLoopback() ? 2 : 0;
}

} // namespace

quint16 TransportLayer::Binding::port() const
{
    return udp ? udp->port() : stream->port();
}

QObject *TransportLayer::Binding::transport() const
{
    return udp ? static_cast<QObject *>(udp) : static_cast<QObject *>(stream);
}

TransportLayer::TransportLayer(QObject *parent)
    : TransportLayer(TransportOptions(), parent)
{}

TransportLayer::TransportLayer(const TransportOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

TransportLayer::~TransportLayer()
{
    // Connections go first and quietly (no callbacks from a dying layer).
    const auto connections = m_connections.values();
    m_connections.clear();
    m_byRemote.clear();
    qDeleteAll(connections);
    for (const Binding &b : m_bindings)
        delete b.transport();
    m_bindings.clear();
}

// --- Binding ------------------------------------------------------------

bool TransportLayer::bind(TransportType type, const QHostAddress &address, quint16 port,
                          QString *error)
{
    QString why;
    bool ok = false;
    if (address.isNull() || address.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol) {
        why = QStringLiteral("not an IP address");
    } else if ((type == TransportType::Udp || type == TransportType::Tcp) && port == 0) {
        // A UDP and a TCP bind both given port 0 share one port number.
        const TransportType other =
            type == TransportType::Udp ? TransportType::Tcp : TransportType::Udp;
        qsizetype partner = -1;
        for (qsizetype i = 0; i < qsizetype(m_bindings.size()); ++i) {
            const Binding &b = m_bindings[size_t(i)];
            if (b.type == other && b.requestedPort == 0 && !b.paired && b.address == address) {
                partner = i;
                break;
            }
        }
        ok = partner >= 0 ? bindPaired(type, address, partner, &why)
                          : bindNew(type, address, port, &why);
    } else {
        ok = bindNew(type, address, port, &why);
    }
    if (!ok && error)
        *error =
            QStringLiteral("cannot bind %1: %2").arg(Endpoint{type, address, port}.toString(), why);
    return ok;
}

TransportLayer::Binding TransportLayer::makeBinding(TransportType type, const QHostAddress &address,
                                                    quint16 port)
{
    Binding b;
    b.type = type;
    b.address = address;
    b.requestedPort = port;
    if (type == TransportType::Udp) {
        b.udp = new UdpTransport(this);
        b.udp->setReceiveBufferSize(m_options.udpReceiveBuffer);
        b.udp->setDatagramHandler(
            [this](UdpTransport &udp, const QByteArray &datagram, const Endpoint &remote) {
                onDatagram(udp, datagram, remote);
            });
        return b;
    }
    if (type == TransportType::Tls) {
        auto *tls = new TlsTransport(this);
        applyTls(*tls);
        b.stream = tls;
    } else {
        b.stream = new TcpTransport(this);
    }
    b.stream->setIncomingHandler([this](TcpTransport &transport, QTcpSocket *socket) {
        acceptConnection(transport, socket);
    });
    return b;
}

bool TransportLayer::bindTransport(Binding &b, quint16 port, QString *why)
{
    return b.udp ? b.udp->bind(b.address, port, why) : b.stream->bind(b.address, port, why);
}

bool TransportLayer::bindNew(TransportType type, const QHostAddress &address, quint16 port,
                             QString *why)
{
    Binding b = makeBinding(type, address, port);
    if (!bindTransport(b, port, why)) {
        delete b.transport();
        return false;
    }
    m_bindings.push_back(b);
    return true;
}

bool TransportLayer::bindPaired(TransportType type, const QHostAddress &address, qsizetype partner,
                                QString *why)
{
    // UDP was bound first (or TCP): try the other on its port; if that is
    // taken, move the first to a fresh free port and try again.
    Binding b = makeBinding(type, address, 0);
    for (int attempt = 0; attempt < kPairAttempts; ++attempt) {
        Binding &first = m_bindings[size_t(partner)];
        QString error;
        if (bindTransport(b, first.port(), &error)) {
            first.paired = true;
            b.paired = true;
            m_bindings.push_back(b);
            return true;
        }
        if (!bindTransport(first, 0, &error)) {
            *why = error;
            delete b.transport();
            return false;
        }
    }
    *why = QStringLiteral("no port free for both UDP and TCP after %1 attempts").arg(kPairAttempts);
    delete b.transport();
    return false;
}

QList<Endpoint> TransportLayer::localEndpoints() const
{
    QList<Endpoint> out;
    for (const Binding &b : m_bindings)
        out.append({b.type, b.address, b.port()});
    return out;
}

void TransportLayer::close()
{
    const auto connections = m_connections.values();
    for (Connection *c : connections)
        c->close(QStringLiteral("transport layer closed"));
    for (const Binding &b : m_bindings)
        b.transport()->deleteLater();
    m_bindings.clear();
}

// --- TLS ----------------------------------------------------------------

bool TransportLayer::setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key,
                                    QString *error)
{
    return setTlsIdentity(certificate, key, {}, error);
}

bool TransportLayer::setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key,
                                    const QList<QSslCertificate> &chain, QString *error)
{
    const auto failWith = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (certificate.isNull())
        return failWith(QStringLiteral("the TLS certificate is empty or not a certificate"));
    if (key.isNull() || key.type() != QSsl::PrivateKey)
        return failWith(QStringLiteral("the TLS key is empty or not a private key"));
    if (certificate.publicKey().algorithm() != key.algorithm())
        return failWith(QStringLiteral("the TLS key does not belong to the certificate"));
    m_tlsCertificate = certificate;
    m_tlsKey = key;
    m_tlsChain = chain;
    for (Binding &b : m_bindings) {
        if (b.type != TransportType::Tls)
            continue;
        auto *tls = static_cast<TlsTransport *>(b.stream);
        applyTls(*tls);
        QString why;
        if (!tls->startListening(&why))
            return failWith(QStringLiteral("cannot listen on %1: %2")
                                .arg(Endpoint{b.type, b.address, b.requestedPort}.toString(), why));
    }
    return true;
}

void TransportLayer::addTrustedCa(const QList<QSslCertificate> &certificates)
{
    m_extraCas += certificates;
    for (Binding &b : m_bindings) {
        if (b.type == TransportType::Tls)
            applyTls(*static_cast<TlsTransport *>(b.stream));
    }
}

void TransportLayer::applyTls(TlsTransport &tls) const
{
    if (!m_tlsCertificate.isNull())
        tls.setIdentity(m_tlsCertificate, m_tlsKey, m_tlsChain);
    tls.setExtraCaCertificates(m_extraCas);
}

// --- Choosing a transport and a connection --------------------------------

QString TransportLayer::noTransport(TransportType type, const QHostAddress &target)
{
    return QStringLiteral("no %1 transport bound for %2")
        .arg(QString::fromLatin1(transportParamName(type)), familyName(target));
}

UdpTransport *TransportLayer::pickUdp(const QHostAddress &target) const
{
    UdpTransport *best = nullptr;
    int bestScore = -1;
    for (const Binding &b : m_bindings) {
        if (!b.udp || !b.udp->isBound())
            continue;
        const int score = bindScore(b.address, target);
        if (score > bestScore) {
            best = b.udp;
            bestScore = score;
        }
    }
    return best;
}

UdpTransport *TransportLayer::udpFor(const Endpoint &local, const QHostAddress &target) const
{
    // RFC 3581 §4: the response leaves from the address and port the request
    // came to, so it passes the NAT binding the request opened.
    for (const Binding &b : m_bindings) {
        if (b.udp && b.udp->isBound() && b.udp->localEndpoint() == local &&
            sameFamily(b.address, target))
            return b.udp;
    }
    return pickUdp(target);
}

TcpTransport *TransportLayer::pickStream(TransportType type, const QHostAddress &target) const
{
    TcpTransport *best = nullptr;
    int bestScore = -1;
    for (const Binding &b : m_bindings) {
        if (b.type != type || !b.stream)
            continue;
        const int score = bindScore(b.address, target);
        if (score > bestScore) {
            best = b.stream;
            bestScore = score;
        }
    }
    return best;
}

Connection *TransportLayer::findConnection(const Endpoint &remote) const
{
    // RFC 3261 §18.1 (and §18.2.2 for responses): an open connection to the
    // same address, port and transport is reused, whoever opened it.
    Connection *connecting = nullptr;
    for (auto it = m_byRemote.constFind(remote); it != m_byRemote.cend() && it.key() == remote;
         ++it) {
        Connection *c = it.value();
        if (c->isOpen())
            return c;
        if (!c->isClosed() && !connecting)
            connecting = c;
    }
    return connecting;
}

Connection *TransportLayer::connectionFor(const Endpoint &target, QString *why)
{
    if (Connection *c = findConnection(target))
        return c;
    TcpTransport *transport = pickStream(target.transport, target.address);
    if (!transport) {
        *why = noTransport(target.transport, target.address);
        return nullptr;
    }
    return openConnection(*transport, target, why);
}

Connection *TransportLayer::openConnection(TcpTransport &transport, const Endpoint &target,
                                           QString *why)
{
    if (m_connections.size() >= m_options.maxConnections) {
        *why = QStringLiteral("too many connections (%1 open)").arg(m_connections.size());
        return nullptr;
    }
    const bool v6 = target.address.protocol() == QAbstractSocket::IPv6Protocol;
    const QHostAddress local =
        isWildcard(transport.address())
            ? QHostAddress(v6 ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4)
            : transport.address();
    QTcpSocket *socket = transport.connectTo(target, local, why);
    if (!socket)
        return nullptr;
    const QString peerName =
        target.serverName.isEmpty() ? target.address.toString() : target.serverName;
    Connection *c = addConnection(transport.type(), socket, true, target, peerName);
    // §18.1.1/§18.2.2: the Via names the port that accepts connections, so a
    // response can come back on a new one if this closes; a client-only TLS
    // bind has none and names this connection's own port.
    c->setSentBy(sourceAddressFor(transport.address(), target.address),
                 transport.isListening() ? transport.port() : c->local().port);
    ++m_stats.connectionsOpened;
    c->start();
    return c;
}

void TransportLayer::acceptConnection(TcpTransport &transport, QTcpSocket *socket)
{
    if (m_connections.size() >= m_options.maxConnections) {
        ++m_stats.connectionsRefused;
        qCWarning(lcTransport) << "refusing a connection from" << socket->peerAddress()
                               << "- already" << m_connections.size() << "connections";
        socket->abort();
        socket->deleteLater();
        return;
    }
    const Endpoint remote{transport.type(), normalizedAddress(socket->peerAddress()),
                          socket->peerPort()};
    Connection *c =
        addConnection(transport.type(), socket, false, remote, remote.address.toString());
    c->setSentBy(normalizedAddress(socket->localAddress()), transport.port());
    ++m_stats.connectionsAccepted;
    c->start();
}

Connection *TransportLayer::addConnection(TransportType type, QTcpSocket *socket, bool outgoing,
                                          const Endpoint &remote, const QString &peerName)
{
    Connection::Handlers h;
    h.onOpen = [this](Connection &c) { emit connectionOpened(c.info()); };
    h.onMessage = [this](Connection &c, const QByteArray &bytes) { onStreamMessage(c, bytes); };
    h.onFramingError = [this](Connection &c, const StreamFramer::Frame &frame) {
        onFramingError(c, frame);
    };
    h.onWritten = [this](Connection &c, const QByteArray &wire) {
        if (isKeepAlive(wire)) {
            ++m_stats.pingsSent; // sendKeepAlive(): no message, no trace
            return;
        }
        ++m_stats.messagesSent;
        trace(true, c.local(), c.remote(), wire);
    };
    h.onPing = [this](Connection &) { ++m_stats.pingsAnswered; };
    h.onPong = [this](Connection &c) { emit pongReceived(c.remote()); };
    h.onClosed = [this](Connection &c, const QString &reason) { onConnectionClosed(c, reason); };
    const quint64 id = m_nextConnectionId++;
    auto *c =
        new Connection(id, type, socket, outgoing, remote, peerName, m_options, std::move(h), this);
    m_connections.insert(id, c);
    m_byRemote.insert(remote, c);
    return c;
}

void TransportLayer::onConnectionClosed(Connection &c, const QString &reason)
{
    m_connections.remove(c.id());
    m_byRemote.remove(c.remote(), &c);
    emit connectionClosed(c.info(), reason);
    c.deleteLater();
}

QList<ConnectionInfo> TransportLayer::connections() const
{
    QList<ConnectionInfo> out;
    for (const Connection *c : m_connections)
        out.append(c->info());
    std::sort(out.begin(), out.end(),
              [](const ConnectionInfo &a, const ConnectionInfo &b) { return a.id < b.id; });
    return out;
}

bool TransportLayer::closeConnection(quint64 id)
{
    Connection *c = m_connections.value(id);
    if (!c)
        return false;
    c->close(QStringLiteral("closed locally"));
    return true;
}

// --- Sending --------------------------------------------------------------

void TransportLayer::sendRequest(const Message &request, const Endpoint &target,
                                 ErrorCallback onError)
{
    if (!request.isRequest() || request.vias().isEmpty())
        return fail(onError, QStringLiteral("not a request with a Via header"));
    if (!target.isValid())
        return fail(onError, QStringLiteral("invalid target %1").arg(target.toString()));
    const Endpoint to = normalized(target);
    Message m = request;

    if (to.transport == TransportType::Udp) {
        UdpTransport *udp = pickUdp(to.address);
        if (!udp)
            return fail(onError, noTransport(to.transport, to.address));
        if (!stampSentBy(m, to.transport, sourceAddressFor(udp->address(), to.address),
                         udp->port()))
            return fail(onError, QStringLiteral("cannot rewrite the top Via of the request"));
        const QByteArray wire = m.toWire();
        if (wire.size() > limits::kMaxDatagramSize)
            return fail(onError, QStringLiteral("request of %1 bytes is too large for UDP "
                                                "(at most %2 bytes; use TCP or TLS)")
                                     .arg(wire.size())
                                     .arg(limits::kMaxDatagramSize));
        return sendDatagram(*udp, wire, to, onError);
    }

    QString why;
    Connection *c = connectionFor(to, &why);
    if (!c)
        return fail(onError, why);
    if (!stampSentBy(m, to.transport, c->sentByAddress(), c->sentByPort()))
        return fail(onError, QStringLiteral("cannot rewrite the top Via of the request"));
    sendOnConnection(*c, m.toWire(), onError);
}

void TransportLayer::sendResponse(const QByteArray &wire, const ResponseRoute &route,
                                  ErrorCallback onError)
{
    if (!route.ok())
        return fail(onError, route.error);

    if (!isReliable(route.target.transport)) {
        UdpTransport *udp = udpFor(route.local, route.target.address);
        if (!udp)
            return fail(onError, noTransport(TransportType::Udp, route.target.address));
        if (wire.size() > limits::kMaxDatagramSize)
            return fail(
                onError,
                QStringLiteral("response of %1 bytes is too large for UDP").arg(wire.size()));
        return sendDatagram(*udp, wire, route.target, onError);
    }

    // §18.2.2: the request's connection while it is open, else a connection
    // to the received address and sent-by port.
    Connection *c = route.connection ? m_connections.value(route.connection) : nullptr;
    if (!c || c->isClosed()) {
        QString why;
        c = connectionFor(route.target, &why);
        if (!c)
            return fail(onError, why);
    }
    sendOnConnection(*c, wire, onError);
}

void TransportLayer::sendDatagram(UdpTransport &udp, const QByteArray &wire, const Endpoint &to,
                                  const ErrorCallback &onError)
{
    const QString error = udp.send(wire, to);
    if (!error.isEmpty())
        return fail(onError, error);
    ++m_stats.messagesSent;
    trace(true, udp.localEndpoint(), to, wire);
}

void TransportLayer::sendOnConnection(Connection &c, const QByteArray &wire,
                                      const ErrorCallback &onError)
{
    const QString error = c.send(wire, deferred(onError));
    if (!error.isEmpty())
        fail(onError, error);
}

void TransportLayer::fail(const ErrorCallback &onError, const QString &reason)
{
    qCDebug(lcTransport) << "send failed:" << reason;
    if (!onError)
        return;
    QMetaObject::invokeMethod(
        this, [onError, reason] { onError(reason); }, Qt::QueuedConnection);
}

TransportSender::ErrorCallback TransportLayer::deferred(const ErrorCallback &onError)
{
    if (!onError)
        return {};
    QPointer<TransportLayer> self(this);
    return [self, onError](const QString &reason) {
        if (self)
            self->fail(onError, reason);
    };
}

// --- Flows and keep-alive (RFC 5626) -----------------------------------------

std::optional<Endpoint> TransportLayer::localAddressFor(const Endpoint &target, QString *why)
{
    QString error;
    const Endpoint to = normalized(target);
    if (!to.isValid()) {
        error = QStringLiteral("invalid target %1").arg(to.toString());
    } else if (to.transport == TransportType::Udp) {
        if (UdpTransport *udp = pickUdp(to.address))
            return Endpoint{TransportType::Udp, sourceAddressFor(udp->address(), to.address),
                            udp->port()};
        error = noTransport(to.transport, to.address);
    } else if (Connection *c = connectionFor(to, &error)) {
        return Endpoint{to.transport, c->sentByAddress(), c->sentByPort()};
    }
    if (why)
        *why = error;
    return std::nullopt;
}

void TransportLayer::sendKeepAlive(const Endpoint &target, ErrorCallback onError)
{
    const Endpoint to = normalized(target);
    if (to.transport == TransportType::Udp) {
        // Keeps the NAT binding of the flow open for a registrar without
        // outbound support, which ignores a CRLF quietly; with outbound the
        // keep-alive is STUN (RFC 5626 §4.4.2, sendStunRequest()).
        UdpTransport *udp = pickUdp(to.address);
        if (!udp)
            return fail(onError, noTransport(to.transport, to.address));
        const QString error = udp->send("\r\n", to);
        if (!error.isEmpty())
            return fail(onError, error);
        ++m_stats.pingsSent;
        return;
    }
    // RFC 5626 §4.4.1: the CRLFCRLF ping goes on the flow itself; a new
    // connection would be another flow.
    Connection *c = findConnection(to);
    if (!c || c->isClosed())
        return fail(onError,
                    QStringLiteral("no %1 connection to %2 for a keep-alive")
                        .arg(QString::fromLatin1(transportName(to.transport)), to.hostPort()));
    const QString error = c->sendPing(deferred(onError));
    if (!error.isEmpty())
        fail(onError, error);
}

void TransportLayer::sendStunRequest(const Endpoint &target, const QByteArray &request,
                                     ErrorCallback onError)
{
    const Endpoint to = normalized(target);
    if (to.transport != TransportType::Udp || !to.isValid())
        return fail(onError,
                    QStringLiteral("STUN keep-alives go over UDP, not to %1").arg(to.toString()));
    // The socket sendRequest() picks for this target: the flow's own.
    UdpTransport *udp = pickUdp(to.address);
    if (!udp)
        return fail(onError, noTransport(to.transport, to.address));
    const QString error = udp->send(request, to);
    if (!error.isEmpty())
        return fail(onError, error);
    ++m_stats.pingsSent;
}

// --- Receiving ------------------------------------------------------------

void TransportLayer::onStun(UdpTransport &udp, const QByteArray &datagram, const Endpoint &remote)
{
    const StunMessage::ParseResult r = StunMessage::parse(datagram);
    if (!r.ok()) {
        qCDebug(lcTransport) << "dropping a STUN datagram from" << remote.toString() << ":"
                             << r.error;
        return;
    }
    const StunMessage &m = *r.message;
    switch (m.messageClass()) {
    case StunMessage::Class::Request: {
        // RFC 5626 §4.4.2 (a peer keeping its flow to us alive), RFC 5389
        // §7.3.1: a Binding Success Response with the source address as we
        // saw it, FINGERPRINT when the request had one.
        const QByteArray answer =
            StunMessage::bindingSuccess(m.transactionId(), remote.address, remote.port)
                .encode(m.hasAttribute(StunMessage::kFingerprint));
        const QString error = udp.send(answer, remote);
        if (!error.isEmpty())
            qCDebug(lcTransport) << "STUN response not sent:" << error;
        return;
    }
    case StunMessage::Class::SuccessResponse:
    case StunMessage::Class::ErrorResponse:
        emit stunResponseReceived(remote, m);
        return;
    case StunMessage::Class::Indication:
        return; // RFC 5389 §7.3.2: no response; nothing for us in one
    }
}

void TransportLayer::onDatagram(UdpTransport &udp, const QByteArray &datagram,
                                const Endpoint &remote)
{
    // RFC 5389 §7.3 / RFC 5626 §4.4.2: STUN shares the SIP port; it never
    // reaches the SIP parser.
    if (StunMessage::looksLikeStun(datagram))
        return onStun(udp, datagram, remote);
    if (isKeepAlive(datagram))
        return;
    const Endpoint local = udp.localEndpoint();
    trace(false, local, remote, datagram);
    // RFC 3261 §18.3: datagram framing (bytes past Content-Length dropped).
    deliver(Parser::parse(datagram, Parser::Framing::Datagram), {Message(), remote, local, 0});
}

void TransportLayer::onStreamMessage(Connection &c, const QByteArray &bytes)
{
    trace(false, c.local(), c.remote(), bytes);
    deliver(Parser::parse(bytes, Parser::Framing::Stream),
            {Message(), c.remote(), c.local(), c.id()});
}

void TransportLayer::onFramingError(Connection &c, const StreamFramer::Frame &frame)
{
    // What parsed of the header section (if the framer found its end), so
    // the UA core can answer 400/413 before the connection closes.
    ParseResult result;
    if (!frame.bytes.isEmpty()) {
        trace(false, c.local(), c.remote(), frame.bytes);
        result = Parser::parse(frame.bytes, Parser::Framing::Datagram);
    }
    const bool respondable = result.ok() || result.error.respondable;
    result.error = frame.error;
    result.error.respondable = respondable && result.message.isRequest();
    deliver(std::move(result), {Message(), c.remote(), c.local(), c.id()});
}

void TransportLayer::deliver(ParseResult result, ReceivedMessage meta)
{
    Message &m = result.message;
    if (!result.ok()) {
        if (result.error.code == ParseError::Code::Empty)
            return;
        ++m_stats.invalidMessages;
        if (m.isRequest() && !m.vias().isEmpty())
            stampReceived(m, meta.remote.address, meta.remote.port);
        qCDebug(lcTransport) << "invalid message from" << meta.remote.toString() << ":"
                             << result.error.message();
        if (m_onInvalid)
            m_onInvalid(result, meta);
        return;
    }
    if (m.isRequest()) {
        // §18.2.1 and RFC 3581 §4.
        stampReceived(m, meta.remote.address, meta.remote.port);
    } else if (!isOurSentBy(m.topVia(), meta)) {
        // §18.1.2: a response whose top Via is not a value we insert was not
        // meant for us; silently discarded.
        ++m_stats.strayResponses;
        qCDebug(lcTransport) << "dropping a response for" << m.topVia().host() << "from"
                             << meta.remote.toString();
        return;
    }
    meta.message = std::move(m);
    ++m_stats.messagesReceived;
    if (m_onReceive)
        m_onReceive(meta);
}

bool TransportLayer::isOurSentBy(const Via &via, const ReceivedMessage &meta) const
{
    const QHostAddress host = viaAddress(via.host());
    if (host.isNull())
        return false; // we only ever write IP addresses
    const auto type = transportFromName(via.transport()).value_or(meta.remote.transport);
    const quint16 port = via.hasPort() ? quint16(via.port()) : defaultPort(type);
    if (meta.connection) {
        // A client-only TLS bind names the connection's own port.
        if (const Connection *c = m_connections.value(meta.connection);
            c && c->sentByPort() == port && c->sentByAddress().isEqual(host))
            return true;
    }
    for (const Binding &b : m_bindings) {
        if (b.port() != port)
            continue;
        if (isWildcard(b.address) ? isLocalAddress(host) : normalizedAddress(b.address) == host)
            return true;
    }
    return false;
}

void TransportLayer::trace(bool outgoing, const Endpoint &local, const Endpoint &remote,
                           const QByteArray &wire)
{
    if (m_onTrace)
        m_onTrace(outgoing, local, remote, wire);
    if (lcSipTrace().isDebugEnabled()) {
        qCDebug(lcSipTrace).noquote()
            << (outgoing ? "sent" : "received") << wire.size() << "bytes" << local.toString()
            << (outgoing ? "->" : "<-") << remote.toString() << '\n'
            << QString::fromUtf8(wire);
    }
}

} // namespace sip
