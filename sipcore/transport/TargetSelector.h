// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The decisions of RFC 3263 §4 ("Client Usage: locating a SIP server") that
// need no DNS: which TARGET, transport, port and SRV names a URI leads to,
// the RFC 2782 order of SRV records, and the RFC 3261 §18.1.1 size rule.
// Resolver runs the DNS queries these decisions call for.

#include "DnsBackend.h"
#include "Endpoint.h"

#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>

namespace sip {

class Uri;

// A set of transports (the ones a caller has enabled).
class TransportSet
{
public:
    constexpr TransportSet() = default;
    constexpr TransportSet(std::initializer_list<TransportType> types)
    {
        for (TransportType t : types)
            insert(t);
    }
    static constexpr TransportSet all()
    {
        return {TransportType::Udp, TransportType::Tcp, TransportType::Tls};
    }

    constexpr bool contains(TransportType t) const { return (m_bits & bit(t)) != 0; }
    constexpr bool isEmpty() const { return m_bits == 0; }
    constexpr void insert(TransportType t) { m_bits |= bit(t); }
    constexpr void remove(TransportType t) { m_bits &= quint8(~bit(t)); }
    friend constexpr bool operator==(TransportSet, TransportSet) = default;

private:
    static constexpr quint8 bit(TransportType t) { return quint8(1u << unsigned(t)); }
    quint8 m_bits = 0;
};

struct TargetOptions
{
    // Transports the caller can send over; nothing else is chosen or queried.
    TransportSet transports = TransportSet::all();
    // Size of the request on the wire. Above limits::kUdpMtuRule (1300
    // bytes) it may not go over UDP (RFC 3261 §18.1.1).
    qsizetype requestSize = 0;
    // Address families the caller can reach; addresses of others are dropped.
    bool ipv4 = true;
    bool ipv6 = true;
};

// One SRV query of RFC 3263 §4.1/§4.2 and the transport its records mean.
struct SrvQuery
{
    QString name; // "_sips._tcp.example.com"
    TransportType transport = TransportType::Udp;

    friend bool operator==(const SrvQuery &, const SrvQuery &) = default;
};

// What a URI says about where to send, before any DNS query.
struct TargetPlan
{
    // Why the URI cannot be routed, in words; empty when it can.
    QString error;
    // RFC 3263 §4 TARGET: the maddr parameter if present, else the host;
    // lower case, without IPv6 brackets or a trailing dot.
    QString target;
    // TARGET as an address when it is numeric (then no DNS at all).
    QHostAddress address;
    // The URI's host name (lower case, no trailing dot): the name a TLS
    // server's certificate is checked against (RFC 5922 §4), never an SRV
    // target. Empty when the host is an IP address (Endpoint::serverName:
    // then the address is verified).
    QString serverName;
    // The port of the URI; 0 when it has none.
    quint16 port = 0;
    // SRV names to query, most preferred first; the first with usable
    // records wins. Empty when the transport and port need no SRV.
    QList<SrvQuery> srvQueries;
    // The transport when no SRV record is used: from the URI (transport
    // parameter, RFC 3263 §4.1), UDP for sip: and TLS for sips: otherwise.
    // Before the §18.1.1 size rule (see finalTransport()).
    TransportType transport = TransportType::Udp;

    bool ok() const { return error.isEmpty(); }
};

// RFC 3263 §4.1 (transport, NAPTR skipped, SRV names) and §4.2 (port).
TargetPlan planTarget(const Uri &uri, const TargetOptions &options);

// The transport to use once `chosen` is known: RFC 3261 §18.1.1 moves a
// request larger than limits::kUdpMtuRule from UDP to TCP (same host and
// port); then the transport must be enabled. nullopt and *error otherwise.
std::optional<TransportType> finalTransport(TransportType chosen, const TargetOptions &options,
                                            QString *error = nullptr);

// Returns a number in [0, highest], uniformly distributed.
using SrvRandom = std::function<quint32(quint32 highest)>;
// QRandomGenerator::global().
SrvRandom defaultSrvRandom();

// RFC 2782 "Usage rules": lowest priority first; within one priority a
// weighted random order (zero weights first in the running sum, each pick a
// number in [0, sum of weights]). Records whose target is "." are dropped.
QList<SrvRecord> orderSrvRecords(QList<SrvRecord> records, const SrvRandom &random);

} // namespace sip
