// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthHeader.h"

#include "Lex.h"

namespace sip {

std::optional<AuthHeader> AuthHeader::parse(QByteArrayView text, bool withScheme, const char **why)
{
    const auto fail = [why](const char *reason) -> std::optional<AuthHeader> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    AuthHeader h;
    QByteArrayView s = lex::trimmed(text);
    if (withScheme) {
        qsizetype i = 0;
        while (i < s.size() && lex::isTokenChar(s[i]))
            ++i;
        if (i == 0)
            return fail("missing authentication scheme");
        h.m_scheme = s.first(i).toByteArray();
        if (i < s.size() && !lex::isWs(s[i]))
            return fail("invalid authentication scheme");
        s = lex::trimmed(s.sliced(i));
    }
    if (s.isEmpty())
        return withScheme ? std::optional<AuthHeader>(h) : fail("no parameters");
    const char *error = nullptr;
    const bool balanced = lex::splitCommaList(s, [&](QByteArrayView item) {
        if (error)
            return;
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0) {
            error = "expected name=value";
            return;
        }
        Param p;
        const QByteArrayView name = lex::trimmed(item.first(eq));
        const QByteArrayView value = lex::trimmed(item.sliced(eq + 1));
        if (!lex::isToken(name)) {
            error = "invalid parameter name";
            return;
        }
        if (!value.isEmpty() && value.front() == '"') {
            if (lex::findClosingQuote(value, 0) != value.size() - 1) {
                error = "malformed quoted value";
                return;
            }
            p.quoted = true;
        } else if (!lex::isToken(value)) {
            error = "invalid parameter value";
            return;
        }
        p.name = name.toByteArray().toLower();
        p.value = lex::unquote(value);
        h.m_params.append(std::move(p));
    });
    if (!balanced)
        return fail("unbalanced quotes");
    if (error)
        return fail(error);
    return h;
}

bool AuthHeader::has(QByteArrayView name) const
{
    for (const Param &p : m_params) {
        if (lex::iequals(p.name, name))
            return true;
    }
    return false;
}

QByteArray AuthHeader::value(QByteArrayView name) const
{
    for (const Param &p : m_params) {
        if (lex::iequals(p.name, name))
            return p.value;
    }
    return {};
}

QByteArray AuthHeader::algorithm() const
{
    const QByteArray a = value("algorithm");
    return a.isEmpty() ? QByteArray("MD5") : a;
}

QList<QByteArray> AuthHeader::qopList() const
{
    QList<QByteArray> out;
    for (const QByteArray &q : value("qop").split(',')) {
        const QByteArray t = q.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

} // namespace sip
