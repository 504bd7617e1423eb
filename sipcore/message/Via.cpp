// SPDX-License-Identifier: GPL-3.0-or-later
#include "Via.h"

#include "Lex.h"

namespace sip {
namespace {

bool fail(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return false;
}

qsizetype skipWs(QByteArrayView s, qsizetype pos)
{
    while (pos < s.size() && lex::isWs(s[pos]))
        ++pos;
    return pos;
}

qsizetype tokenEnd(QByteArrayView s, qsizetype pos)
{
    while (pos < s.size() && lex::isTokenChar(s[pos]))
        ++pos;
    return pos;
}

bool validAddress(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!lex::is(c, lex::HostChar) && c != ':' && c != '[' && c != ']')
            return false;
    }
    return true;
}

} // namespace

std::optional<Via> Via::parse(QByteArrayView text, const QByteArray &owner, const char **why)
{
    std::optional<Via> out(std::in_place);
    if (!parseInto(*out, text, owner, why))
        out.reset();
    return out;
}

bool Via::parseInto(Via &v, QByteArrayView text, const QByteArray &owner, const char **why)
{
    v.m_owner = owner;
    const QByteArrayView s = lex::trimmed(text);
    v.m_text = s;
    // sent-protocol = protocol-name SLASH protocol-version SLASH transport
    qsizetype pos = 0;
    qsizetype end = tokenEnd(s, pos);
    v.m_protocolName = s.sliced(pos, end - pos);
    pos = skipWs(s, end);
    if (v.m_protocolName.isEmpty() || pos >= s.size() || s[pos] != '/')
        return fail(why, "malformed sent-protocol");
    pos = skipWs(s, pos + 1);
    end = tokenEnd(s, pos);
    v.m_protocolVersion = s.sliced(pos, end - pos);
    pos = skipWs(s, end);
    if (v.m_protocolVersion.isEmpty() || pos >= s.size() || s[pos] != '/')
        return fail(why, "malformed sent-protocol");
    pos = skipWs(s, pos + 1);
    end = tokenEnd(s, pos);
    v.m_transport = s.sliced(pos, end - pos);
    if (v.m_transport.isEmpty())
        return fail(why, "missing transport");
    pos = skipWs(s, end);
    if (pos == end)
        return fail(why, "missing sent-by");
    // sent-by = host [ COLON port ]
    if (pos < s.size() && s[pos] == '[') {
        end = s.indexOf(']', pos);
        if (end < 0)
            return fail(why, "unterminated IPv6 reference in sent-by");
        ++end;
    } else {
        end = pos;
        while (end < s.size() && lex::is(s[end], lex::HostChar))
            ++end;
    }
    v.m_host = s.sliced(pos, end - pos);
    if (v.m_host.isEmpty())
        return fail(why, "missing sent-by host");
    if (v.m_host.front() == '[') {
        // IPv6reference: hex digits, ':' and '.', at least one ':'.
        const QByteArrayView inner = v.m_host.sliced(1, v.m_host.size() - 2);
        bool colon = false;
        for (char c : inner) {
            colon = colon || c == ':';
            if (!lex::is(c, lex::Hex) && c != ':' && c != '.')
                return fail(why, "invalid IPv6 address in sent-by");
        }
        if (!colon)
            return fail(why, "invalid IPv6 address in sent-by");
    }
    pos = skipWs(s, end);
    if (pos < s.size() && s[pos] == ':') {
        pos = skipWs(s, pos + 1);
        end = pos;
        while (end < s.size() && lex::isDigit(s[end]))
            ++end;
        const auto port = lex::parseUnsigned(s.sliced(pos, end - pos), 65535);
        if (!port)
            return fail(why, "invalid sent-by port");
        v.m_port = int(*port);
        v.m_hasPort = true;
        pos = skipWs(s, end);
    }
    v.m_params = s.sliced(pos);
    if (!v.m_params.isEmpty() && v.m_params.front() != ';')
        return fail(why, "unexpected text after sent-by");
    // One pass validates the parameters and picks out those the transport
    // and transaction layers need.
    const char *error = nullptr;
    const char *syntax = scanParams(
        v.m_params, false, [&](QByteArrayView name, QByteArrayView value, bool hasValue) {
            switch (name.size()) {
            case 6:
                if (lex::iequals(name, "branch")) {
                    if (!hasValue || value.front() == '"')
                        error = "invalid branch parameter";
                    v.m_branch = value;
                }
                break;
            case 8:
                if (lex::iequals(name, "received")) {
                    if (!validAddress(value))
                        error = "invalid received parameter";
                    v.m_received = value;
                }
                break;
            case 5:
                if (lex::iequals(name, "rport")) {
                    v.m_hasRport = true;
                    if (hasValue) {
                        const auto port = lex::parseUnsigned(value, 65535);
                        if (!port)
                            error = "invalid rport parameter";
                        v.m_rport = int(port.value_or(0));
                    }
                } else if (lex::iequals(name, "maddr")) {
                    if (!validAddress(value))
                        error = "invalid maddr parameter";
                    v.m_maddr = value;
                }
                break;
            case 3:
                if (lex::iequals(name, "ttl")) {
                    const auto ttl = lex::parseUnsigned(value, 255);
                    if (!ttl)
                        error = "invalid ttl parameter";
                    v.m_ttl = int(ttl.value_or(0));
                }
                break;
            default:
                break;
            }
        });
    if (syntax)
        return fail(why, syntax);
    if (error)
        return fail(why, error);
    return true;
}

} // namespace sip
