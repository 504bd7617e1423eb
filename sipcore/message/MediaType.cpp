// SPDX-License-Identifier: GPL-3.0-or-later
#include "MediaType.h"

#include "Lex.h"

namespace sip {

std::optional<MediaType> MediaType::parse(QByteArrayView text, const QByteArray &owner,
                                          bool allowWildcards, const char **why)
{
    const QByteArrayView s = lex::trimmed(text);
    const qsizetype slash = lex::find(s, '/');
    const auto fail = [why](const char *reason) -> std::optional<MediaType> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (slash < 0)
        return fail("expected type/subtype");
    MediaType m;
    m.m_owner = owner;
    m.m_text = s;
    m.m_type = lex::trimmed(s.first(slash));
    qsizetype pos = slash + 1;
    while (pos < s.size() && lex::isWs(s[pos]))
        ++pos;
    qsizetype end = pos;
    while (end < s.size() && lex::isTokenChar(s[end]))
        ++end;
    m.m_subtype = s.sliced(pos, end - pos);
    m.m_params = lex::trimmedLeft(s.sliced(end));
    if (!lex::isToken(m.m_type) || m.m_subtype.isEmpty())
        return fail("invalid media type");
    if (!allowWildcards && (m.m_type == "*" || m.m_subtype == "*"))
        return fail("wildcard not allowed in a content type");
    if (m.m_type == "*" && m.m_subtype != "*")
        return fail("invalid media range");
    if (!m.m_params.isEmpty() && m.m_params.front() != ';')
        return fail("unexpected text after the media type");
    if (auto bad = ParamList(m.m_params).validate(false))
        return fail(*bad);
    return m;
}

QByteArray MediaType::charset() const
{
    return lex::unquote(params().value("charset"));
}

QByteArray MediaType::essence() const
{
    QByteArray out = m_type.toByteArray();
    out += '/';
    out += m_subtype;
    return out.toLower();
}

bool MediaType::matches(QByteArrayView type, QByteArrayView subtype) const
{
    if (m_type == "*")
        return true;
    if (!lex::iequals(m_type, type))
        return false;
    return m_subtype == "*" || lex::iequals(m_subtype, subtype);
}

} // namespace sip
