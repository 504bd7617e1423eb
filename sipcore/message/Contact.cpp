// SPDX-License-Identifier: GPL-3.0-or-later
#include "Contact.h"

#include "Lex.h"
#include "Limits.h"

namespace sip {

std::optional<Contact> Contact::parse(QByteArrayView text, const QByteArray &owner,
                                      const char **why)
{
    Contact c;
    const QByteArrayView s = lex::trimmed(text);
    if (s == "*") {
        c.m_wildcard = true;
        return c;
    }
    auto na = NameAddr::parse(s, owner, why);
    if (!na)
        return std::nullopt;
    c.m_address = std::move(*na);
    if (auto p = c.m_address.params().find("expires")) {
        // delta-seconds; values beyond 2**32-1 are taken as that (§20.19).
        bool digits = p->hasValue && !p->value.isEmpty();
        for (char ch : p->value)
            digits = digits && lex::isDigit(ch);
        if (!digits) {
            if (why)
                *why = "invalid expires parameter";
            return std::nullopt;
        }
        c.m_expires = quint32(
            lex::parseUnsigned(p->value, limits::kMaxExpires).value_or(limits::kMaxExpires));
    }
    return c;
}

} // namespace sip
