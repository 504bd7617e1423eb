// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tidings {

// A SIP account's settings. The password is not here: it lives in the OS
// keychain (or only in memory), never in the database.
struct Account
{
    // How to answer a MESSAGE from a blocked contact.
    enum class BlockedAnswer
    {
        Decline = 0,      // 603 Decline
        SilentAccept = 1, // 200, and the message is dropped
    };

    qint64 id = 0;
    QString displayName;
    // Address of record, e.g. sip:alice@example.com.
    QString aor;
    // Registrar URI; empty: the AOR's domain.
    QString registrar;
    // Outbound proxy URI; empty: none.
    QString outboundProxy;
    // Digest user name; empty: the AOR's user part.
    QString authUser;
    // Transports in order of preference, e.g. {"tls", "tcp", "udp"}; empty: defaults.
    QStringList transports;
    bool enabled = true;
    bool registerAccount = true;
    // Requested registration expiry in seconds (RFC 3261 §10.2.1.1).
    int expires = 3600;
    // Keep-alive interval in seconds (RFC 5626 §4.4); 0: the defaults (25 s
    // over UDP, 120 s on connections).
    int keepAliveInterval = 0;
    BlockedAnswer blockedAnswer = BlockedAnswer::Decline;
    // A CA certificate (or a self-signed server certificate), PEM, to trust
    // besides the system's when verifying the server over TLS; empty: none.
    QString tlsCaFile;
    // Without registration (registerAccount false: "use without a server")
    // the port to listen on, UDP and TCP; 0: 5060, or a free one when taken.
    int listenPort = 0;
    // Removed by the user with its history kept: not listed, never started;
    // its conversations stay readable. Adding the same address again brings
    // it back with that history.
    bool removed = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace tidings

Q_DECLARE_METATYPE(tidings::Account)
