// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// WWW-Authenticate / Proxy-Authenticate (challenge), Authorization /
// Proxy-Authorization (credentials) and Authentication-Info: a scheme and a
// comma-separated list of auth-params (RFC 3261 §20.5, §20.6, §20.27, §20.28,
// §20.44, §25.1; RFC 7616 §3.3–§3.5; RFC 8760).

#include <QByteArray>
#include <QList>

#include <optional>

namespace sip {

class AuthHeader
{
public:
    struct Param
    {
        QByteArray name;  // lower-cased
        QByteArray value; // unquoted
        bool quoted = false;
    };

    // `withScheme` false for Authentication-Info, which has no scheme.
    static std::optional<AuthHeader> parse(QByteArrayView text, bool withScheme = true,
                                           const char **why = nullptr);

    QByteArray scheme() const { return m_scheme; } // as written, e.g. "Digest"
    bool isDigest() const { return m_scheme.compare("digest", Qt::CaseInsensitive) == 0; }
    const QList<Param> &params() const { return m_params; }
    bool has(QByteArrayView name) const;
    // Unquoted value of the named parameter (case-insensitive), empty if absent.
    QByteArray value(QByteArrayView name) const;

    // Convenience accessors for digest parameters.
    QByteArray realm() const { return value("realm"); }
    QByteArray nonce() const { return value("nonce"); }
    QByteArray opaque() const { return value("opaque"); }
    // "MD5" when absent, as RFC 7616 §3.3 says.
    QByteArray algorithm() const;
    // qop-options split at commas (challenge) or the chosen qop (credentials).
    QList<QByteArray> qopList() const;
    bool stale() const { return value("stale").compare("true", Qt::CaseInsensitive) == 0; }
    QByteArray username() const { return value("username"); }
    QByteArray uri() const { return value("uri"); }
    QByteArray response() const { return value("response"); }
    QByteArray cnonce() const { return value("cnonce"); }
    QByteArray nonceCount() const { return value("nc"); }
    QByteArray nextNonce() const { return value("nextnonce"); }
    QByteArray responseAuth() const { return value("rspauth"); }

private:
    QByteArray m_scheme;
    QList<Param> m_params;
};

} // namespace sip
