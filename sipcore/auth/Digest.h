// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTTP Digest authentication as SIP uses it (RFC 3261 §22.4, RFC 7616,
// RFC 8760): MD5, SHA-256 and SHA-512/256 (through OpenSSL: Qt has no such
// hash), their -sess variants, with qop=auth and without qop (RFC 2069-style
// challenges are still common).

#include "message/AuthHeader.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace sip {

class Digest
{
public:
    // The hex digest of `data` under a digest algorithm name ("MD5",
    // "SHA-256", "SHA-512-256", with or without "-sess"); nullopt when the
    // algorithm is not supported.
    static std::optional<QByteArray> hash(QByteArrayView algorithm, QByteArrayView data);
    static bool isSupported(QByteArrayView algorithm);

    // RFC 8760 §2.4: of several challenges, the first (topmost) whose
    // algorithm is supported, Digest scheme only. -1 when none is usable.
    static int chooseChallenge(const QList<AuthHeader> &challenges);

    struct Input
    {
        QByteArray username;
        QByteArray password;
        QByteArray method;    // the request's method
        QByteArray digestUri; // the Request-URI as sent
        QByteArray cnonce;    // random, used with qop or -sess
        quint32 nonceCount = 1;
    };

    // The value of an Authorization / Proxy-Authorization header answering
    // `challenge`, or nullopt when its algorithm or qop is unsupported
    // (only "auth" is: a body-less hash for auth-int is never guessed).
    static std::optional<QByteArray> authorization(const AuthHeader &challenge, const Input &in);

    // The request-digest alone (RFC 7616 §3.4.1), for tests and checks.
    static std::optional<QByteArray> response(QByteArrayView algorithm, QByteArrayView qop,
                                              const QByteArray &realm, const QByteArray &nonce,
                                              const Input &in);
};

} // namespace sip
