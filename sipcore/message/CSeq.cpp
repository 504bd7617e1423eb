// SPDX-License-Identifier: GPL-3.0-or-later
#include "CSeq.h"

#include "Lex.h"
#include "Limits.h"

namespace sip {

std::optional<CSeq> CSeq::parse(QByteArrayView text, const QByteArray &owner, const char **why)
{
    const QByteArrayView s = lex::trimmed(text);
    qsizetype i = 0;
    while (i < s.size() && lex::isDigit(s[i]))
        ++i;
    const auto number = lex::parseUnsigned(s.first(i), limits::kMaxCSeq);
    if (!number) {
        if (why)
            *why = i == 0 ? "missing sequence number" : "sequence number must be below 2^31";
        return std::nullopt;
    }
    qsizetype j = i;
    while (j < s.size() && lex::isWs(s[j]))
        ++j;
    const QByteArrayView method = s.sliced(j);
    if (j == i || !lex::isToken(method)) {
        if (why)
            *why = "missing or invalid method";
        return std::nullopt;
    }
    CSeq c;
    c.m_owner = owner;
    c.m_method = method;
    c.m_number = quint32(*number);
    return c;
}

} // namespace sip
