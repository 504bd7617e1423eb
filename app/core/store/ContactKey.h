// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sip {
class Uri;
}

namespace tidings {

// The canonical identity of a contact, computed from a URI, so that
// sip:bob@example.com and sip:bob@EXAMPLE.com;transport=tcp are one contact.
//
// RFC 3261 §19.1.4 URI comparison is not transitive (a parameter present on
// only one side is ignored), so it cannot serve as a key; this key keeps what
// names the party and drops what only says how to reach it:
//   - the scheme, lower-cased (sip and sips stay different contacts);
//   - the user part as written, its escapes normalized as §19.1.4 compares
//     them ("%41lice" is "Alice"; a reserved character stays escaped, in
//     upper-case hex) — case is kept, the user part is case-sensitive;
//   - the host lower-cased (§19.1.4: case-insensitive); an IPv6 reference in
//     its compressed RFC 5952 form, so [::1] and [0:0::1] are one host;
//   - the port, unless it is the default (5060 for sip, 5061 for sips,
//     RFC 3261 §19.1.2);
//   - no password, URI parameters (transport, user, maddr, ...) or headers.
// tel URIs (RFC 3966): the number without visual separators, lower-cased,
// plus phone-context for local numbers (§5.1.5: a local number means nothing
// without its context). Other schemes: the scheme lower-cased and the rest as
// written.
class ContactKey
{
public:
    ContactKey() = default;

    static ContactKey fromUri(const sip::Uri &uri);
    // Parses `text` (optionally in angle brackets, surrounding space ignored).
    // An unparsable URI gives an invalid key.
    static ContactKey fromString(const QString &text);

    bool isValid() const { return !m_key.isEmpty(); }
    QString toString() const { return m_key; }

    friend bool operator==(const ContactKey &, const ContactKey &) = default;

private:
    explicit ContactKey(QString key)
        : m_key(std::move(key))
    {}

    QString m_key;
};

} // namespace tidings
