// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where a message goes or came from: a transport protocol, an IP address
// and a port (RFC 3261 §18). Hostnames are resolved before an Endpoint
// exists (RFC 3263, see Resolver).

#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace sip {

enum class TransportType : quint8
{
    Udp,
    Tcp,
    Tls
};

// "UDP", "TCP", "TLS": the Via transport token (RFC 3261 §20.42).
QByteArrayView transportName(TransportType type);
// "udp", "tcp", "tls": the CLI's and the transport URI parameter's spelling.
QByteArrayView transportParamName(TransportType type);
// Case-insensitive; nullopt for transports this stack does not speak.
std::optional<TransportType> transportFromName(QByteArrayView name);
// RFC 3261 §17.1.1.1/§17.1.2.2: reliable transports need no retransmissions.
inline bool isReliable(TransportType type)
{
    return type != TransportType::Udp;
}
// RFC 3261 §19.1.2: 5061 for TLS, 5060 otherwise.
inline quint16 defaultPort(TransportType type)
{
    return type == TransportType::Tls ? 5061 : 5060;
}

struct Endpoint
{
    TransportType transport = TransportType::Udp;
    QHostAddress address;
    quint16 port = 0;
    // The host name to verify a TLS server certificate against and to send
    // as SNI (RFC 5922 §7.2: the domain the target was resolved from). Empty:
    // verify against the IP address. Not part of ==/qHash: a connection to
    // an address and port is one flow whatever name it was looked up by.
    QString serverName = {};

    bool isValid() const { return !address.isNull() && port != 0; }
    bool isReliable() const { return sip::isReliable(transport); }
    // "udp:127.0.0.1:5060", "tls:[::1]:5061"
    QString toString() const;
    // "127.0.0.1:5060", "[::1]:5061" (no transport)
    QString hostPort() const;
    // Compares transport, address and port (not serverName).
    friend bool operator==(const Endpoint &a, const Endpoint &b)
    {
        return a.transport == b.transport && a.port == b.port && a.address == b.address;
    }
};

size_t qHash(const Endpoint &e, size_t seed = 0);

} // namespace sip
