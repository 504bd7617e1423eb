// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// DnsBackend on Qt: SRV through QDnsLookup, addresses through QHostInfo (the
// system resolver, so /etc/hosts and the like apply) or, when a nameserver
// is set, through QDnsLookup AAAA and A queries to that server.
//
// Limits of Qt 6.4's QDnsLookup that shape RFC 3263 support here:
//   - no NAPTR queries, so RFC 3263 §4.1 NAPTR processing is skipped and the
//     Resolver goes straight to SRV queries, as §4.1 allows when no NAPTR
//     records are found;
//   - a nameserver set with setNameserver() is always asked on port 53.
// Everything runs on the calling thread's event loop (QDnsLookup and
// QHostInfo do their blocking work on Qt's own threads).

#include "DnsBackend.h"

namespace sip {

class QtDnsBackend final : public DnsBackend
{
public:
    QtDnsBackend() = default;

    // Sends every query (SRV and addresses) to `server`, port 53, instead of
    // the system's resolver. A null address restores the system resolver.
    void setNameserver(const QHostAddress &server) { m_nameserver = server; }
    QHostAddress nameserver() const { return m_nameserver; }

    [[nodiscard]] std::unique_ptr<DnsLookup> lookupSrv(const QString &name,
                                                       SrvCallback callback) override;
    [[nodiscard]] std::unique_ptr<DnsLookup> lookupAddresses(const QString &host,
                                                             AddressCallback callback) override;

private:
    QHostAddress m_nameserver;
};

} // namespace sip
