// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RFC 3263 §4 server location: from a SIP or SIPS URI (a Request-URI or an
// outbound proxy) to the ordered list of Endpoints to try, each carrying the
// URI's host as serverName for TLS verification.
//
//   1. planTarget() (TargetSelector.h): TARGET, transport (transport
//      parameter; UDP for sip: and TLS for sips: when the host is numeric or
//      a port is given) and the SRV names to query, if any (§4.1, §4.2).
//   2. NAPTR (§4.1) is skipped: Qt 6.4's QDnsLookup cannot query it, and
//      §4.1 lets a client without NAPTR records query SRV directly.
//   3. SRV: all queries side by side; the most preferred one with records
//      wins (for sip: _sips._tcp, then _sip._tcp, then _sip._udp, only for
//      enabled transports; for sips: _sips._tcp). Records ordered as RFC 2782
//      says. No SRV records: A/AAAA of TARGET at the transport's default
//      port (§4.2).
//   4. The RFC 3261 §18.1.1 size rule: a request over 1300 bytes goes over
//      TCP instead of UDP, to the same host and port.
//   5. AAAA and A of each host, in the order of the hosts.
//
// Nothing blocks. The result comes through a callback, always from the event
// loop (never from inside resolve()), and only while the Lookup that
// resolve() returned is alive: destroying it cancels the DNS queries and the
// callback. The DnsBackend must outlive every Lookup.

#include "DnsBackend.h"
#include "Endpoint.h"
#include "TargetSelector.h"

#include <functional>
#include <memory>

namespace sip {

class Uri;

struct ResolveResult
{
    // In the order to try them (RFC 3263 §4.3: on a transport failure or
    // timeout, the next). Empty exactly when there is an error.
    QList<Endpoint> endpoints;
    // Why there is nothing to try, in words.
    QString error;

    bool ok() const { return !endpoints.isEmpty(); }
};

class Resolver
{
public:
    using Callback = std::function<void(const ResolveResult &)>;

    // A resolution in progress; destroying it cancels it (the callback is
    // then never called). Destroying it from inside the callback is fine.
    class Lookup
    {
    public:
        virtual ~Lookup() = default;
        Lookup(const Lookup &) = delete;
        Lookup &operator=(const Lookup &) = delete;

    protected:
        Lookup() = default;
    };

    // `random` orders SRV records of equal priority by weight (RFC 2782);
    // tests pass a deterministic one.
    explicit Resolver(DnsBackend &dns, SrvRandom random = defaultSrvRandom());

    [[nodiscard]] std::unique_ptr<Lookup> resolve(const Uri &target, const TargetOptions &options,
                                                  Callback callback);

private:
    DnsBackend &m_dns;
    SrvRandom m_random;
};

} // namespace sip
