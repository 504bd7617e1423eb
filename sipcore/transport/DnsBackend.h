// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The DNS queries RFC 3263 server location needs, behind an interface: SRV
// records (RFC 2782) and the addresses (A/AAAA) of a host. Asynchronous and
// callback-based; QtDnsBackend is the real one, tests use a fake.
//
// NAPTR (RFC 3263 §4.1, RFC 3403) is not part of the interface: Qt 6.4's
// QDnsLookup cannot query it, and §4.1 lets a client that finds no NAPTR
// records go straight to SRV queries for the transports it supports.

#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace sip {

// One SRV resource record (RFC 2782).
struct SrvRecord
{
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
    // Host name without a trailing dot. "." (or empty) alone in an answer
    // means "decidedly not available at this domain" (RFC 2782).
    QString target;

    friend bool operator==(const SrvRecord &, const SrvRecord &) = default;
};

struct SrvAnswer
{
    // In the order the server gave them; Resolver orders them (RFC 2782).
    QList<SrvRecord> records;
    // Empty when the query was answered, even with no records (NXDOMAIN or
    // no SRV data: RFC 3263 handles both as "no SRV records"). Otherwise why
    // the query failed, in words ("DNS server failure", "timed out", ...).
    QString error;
};

struct AddressAnswer
{
    // IPv6 and IPv4 addresses in the order to try them.
    QList<QHostAddress> addresses;
    // Why there are no addresses, in words; empty when there are some.
    QString error;
};

// A query in progress. Destroying it cancels the query: its callback is not
// called afterwards. Destroying it from inside its own callback is allowed.
class DnsLookup
{
public:
    virtual ~DnsLookup() = default;

protected:
    DnsLookup() = default;
};

class DnsBackend
{
public:
    using SrvCallback = std::function<void(const SrvAnswer &)>;
    using AddressCallback = std::function<void(const AddressAnswer &)>;

    virtual ~DnsBackend() = default;

    // SRV records of `name` ("_sip._udp.example.com"). The callback runs at
    // most once; callers must cope with it running before this returns.
    [[nodiscard]] virtual std::unique_ptr<DnsLookup> lookupSrv(const QString &name,
                                                               SrvCallback callback) = 0;
    // AAAA and A records of `host` (a name, never an address literal). Same
    // callback rules as lookupSrv().
    [[nodiscard]] virtual std::unique_ptr<DnsLookup> lookupAddresses(const QString &host,
                                                                     AddressCallback callback) = 0;
};

} // namespace sip
