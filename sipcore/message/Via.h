// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One Via value (RFC 3261 §20.42, §18.2.1; rport of RFC 3581).

#include "ParamList.h"

#include <QByteArray>

#include <optional>

namespace sip {

// RFC 3261 §8.1.1.7: branches of RFC 3261 elements start with this cookie.
inline constexpr QByteArrayView kBranchMagicCookie = "z9hG4bK";

class Via
{
public:
    Via() = default;

    // Parses into `out`, which must be default-constructed (no copies on the
    // parser's hot path). Returns false and sets *why on error.
    static bool parseInto(Via &out, QByteArrayView text, const QByteArray &owner,
                          const char **why = nullptr);
    static std::optional<Via> parse(QByteArrayView text, const QByteArray &owner,
                                    const char **why = nullptr);
    static std::optional<Via> parse(const QByteArray &text, const char **why = nullptr)
    {
        return parse(QByteArrayView(text), text, why);
    }

    QByteArrayView protocolName() const { return m_protocolName; }       // "SIP"
    QByteArrayView protocolVersion() const { return m_protocolVersion; } // "2.0"
    QByteArrayView transport() const { return m_transport; }             // "UDP", "TCP", ...
    QByteArrayView host() const { return m_host; }
    int port() const { return m_port; }
    bool hasPort() const { return m_hasPort; }
    ParamList params() const { return ParamList(m_params); }
    QByteArrayView branch() const { return m_branch; }
    bool isRfc3261Branch() const { return m_branch.startsWith(kBranchMagicCookie); }
    QByteArrayView received() const { return m_received; }
    bool hasReceived() const { return !m_received.isEmpty(); }
    QByteArrayView maddr() const { return m_maddr; }
    // RFC 3581: "rport" without a value in requests, "rport=N" once filled in.
    bool hasRport() const { return m_hasRport; }
    int rport() const { return m_rport; } // 0 when valueless
    int ttl() const { return m_ttl; }     // -1 when absent
    QByteArrayView text() const { return m_text; }

private:
    QByteArray m_owner;
    QByteArrayView m_text;
    QByteArrayView m_protocolName;
    QByteArrayView m_protocolVersion;
    QByteArrayView m_transport;
    QByteArrayView m_host;
    QByteArrayView m_params;
    QByteArrayView m_branch;
    QByteArrayView m_received;
    QByteArrayView m_maddr;
    int m_port = 0;
    int m_rport = 0;
    int m_ttl = -1;
    bool m_hasPort = false;
    bool m_hasRport = false;
};

} // namespace sip
