// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One Contact value (RFC 3261 §20.10): "*" or a name-addr/addr-spec with
// contact-params (q, expires, and extensions such as +sip.instance).

#include "NameAddr.h"

#include <optional>

namespace sip {

class Contact
{
public:
    Contact() = default;

    static std::optional<Contact> parse(QByteArrayView text, const QByteArray &owner,
                                        const char **why = nullptr);

    // "Contact: *" (only valid in REGISTER with Expires: 0, §10.2.2).
    bool isWildcard() const { return m_wildcard; }
    const NameAddr &address() const { return m_address; }
    const Uri &uri() const { return m_address.uri(); }
    // The expires parameter (RFC 3261 §20.10), clamped to 2**32-1.
    std::optional<quint32> expires() const { return m_expires; }
    // The q parameter as written, empty when absent.
    QByteArrayView q() const { return m_address.param("q"); }

private:
    NameAddr m_address;
    std::optional<quint32> m_expires;
    bool m_wildcard = false;
};

} // namespace sip
