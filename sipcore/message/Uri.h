// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SIP, SIPS and tel URIs (RFC 3261 §19.1, RFC 3966) and any other
// absoluteURI kept opaque, so a UAS can answer 416 for schemes it does not
// support.
//
// A Uri is a set of views into its text plus a shared reference to the bytes
// it was parsed from (implicitly shared, never modified), so copies are cheap
// and stay valid on their own.

#include "ParamList.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sip {

class Uri
{
public:
    enum class Scheme : quint8
    {
        None, // default-constructed / invalid
        Sip,
        Sips,
        Tel,
        Other
    };

    Uri() = default;

    // Parses `text` (no surrounding LWS or angle brackets). `owner` must hold
    // the bytes `text` points into. On failure returns nullopt and, if `why`
    // is given, a short reason.
    // Parses into `out`, which must be default-constructed (no copies on the
    // parser's hot path). Returns false and sets *why on error.
    static bool parseInto(Uri &out, QByteArrayView text, const QByteArray &owner,
                          const char **why = nullptr);
    static std::optional<Uri> parse(QByteArrayView text, const QByteArray &owner,
                                    const char **why = nullptr);
    static std::optional<Uri> parse(const QByteArray &text, const char **why = nullptr)
    {
        return parse(QByteArrayView(text), text, why);
    }

    // Builds sip:/sips: URIs, escaping the user part as §19.1.2 requires.
    static Uri sip(QByteArrayView user, QByteArrayView host, int port = 0,
                   QByteArrayView params = {}, bool secure = false);

    bool isValid() const { return m_scheme != Scheme::None; }
    Scheme scheme() const { return m_scheme; }
    bool isSip() const { return m_scheme == Scheme::Sip || m_scheme == Scheme::Sips; }
    bool isSips() const { return m_scheme == Scheme::Sips; }
    QByteArrayView schemeText() const { return m_schemeText; }

    // Raw (escaped) components as written.
    QByteArrayView user() const { return m_user; }
    QByteArrayView password() const { return m_password; }
    bool hasUser() const { return m_hasUser; }
    // Host as written; IPv6 references keep their brackets.
    QByteArrayView host() const { return m_host; }
    // 0 when no port is given (hasPort() tells them apart from a literal 0).
    int port() const { return m_port; }
    bool hasPort() const { return m_hasPort; }
    ParamList params() const { return ParamList(m_params); }
    QByteArrayView param(QByteArrayView name) const { return params().value(name); }
    bool hasParam(QByteArrayView name) const { return params().contains(name); }
    // "?h=v&..." without the '?'.
    QByteArrayView headers() const { return m_headers; }
    // For tel: the number; for other schemes: everything after "scheme:".
    QByteArrayView opaque() const { return m_opaque; }

    // Decoded user part (%HH resolved).
    QByteArray userDecoded() const;
    // Host lower-cased, IPv6 brackets kept.
    QByteArray hostLower() const;
    // The transport parameter lower-cased ("udp", "tcp", "tls", ...), empty if none.
    QByteArray transportParam() const;
    bool isIpv6Host() const { return m_host.startsWith('['); }

    // The URI text exactly as written.
    QByteArrayView text() const { return m_text; }
    QByteArray toByteArray() const { return m_text.toByteArray(); }
    QString toString() const { return QString::fromUtf8(m_text); }

    // scheme:user@host without password, port, parameters or headers; the
    // user's escapes normalized as §19.1.4 compares them (unreserved
    // characters decoded, reserved ones kept escaped) and the host
    // lower-cased, so equivalent URIs give the same text.
    QByteArray addressOfRecord() const;

    // URI comparison of RFC 3261 §19.1.4 (sip/sips) or RFC 3966 §4 (tel);
    // other schemes compare case-insensitively as text. Not transitive, so
    // never usable as a key.
    bool equivalentTo(const Uri &other) const;

private:
    QByteArray m_owner;
    QByteArrayView m_text;
    QByteArrayView m_schemeText;
    QByteArrayView m_user;
    QByteArrayView m_password;
    QByteArrayView m_host;
    QByteArrayView m_params;
    QByteArrayView m_headers;
    QByteArrayView m_opaque;
    int m_port = 0;
    Scheme m_scheme = Scheme::None;
    bool m_hasUser = false;
    bool m_hasPort = false;
};

} // namespace sip
