// SPDX-License-Identifier: GPL-3.0-or-later
#include "Uri.h"

#include "Lex.h"

#include <QList>

#include <algorithm>

namespace sip {
namespace {

bool fail(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return false;
}

bool validHost(QByteArrayView host)
{
    if (host.isEmpty())
        return false;
    if (host.front() == '[') {
        // IPv6reference = "[" IPv6address "]" (RFC 3261 §25.1)
        if (host.size() < 4 || host.back() != ']')
            return false;
        bool colon = false;
        for (char c : host.sliced(1, host.size() - 2)) {
            if (c == ':')
                colon = true;
            else if (!lex::is(c, lex::Hex) && c != '.')
                return false;
        }
        return colon;
    }
    for (char c : host) {
        if (!lex::is(c, lex::HostChar))
            return false;
    }
    return host.front() != '.' && host.front() != '-';
}

// hname "=" hvalue *( "&" hname "=" hvalue )
bool validHeaders(QByteArrayView h)
{
    constexpr auto kHChar = lex::Unreserved | lex::HnvUnreserved;
    qsizetype start = 0;
    while (start <= h.size()) {
        qsizetype amp = h.indexOf('&', start);
        if (amp < 0)
            amp = h.size();
        const QByteArrayView item = h.sliced(start, amp - start);
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0 || !lex::isEscapedRun(item.first(eq), kHChar) ||
            !lex::isEscapedRun(item.sliced(eq + 1), kHChar))
            return false;
        start = amp + 1;
    }
    return true;
}

bool isVisualSeparator(char c)
{
    return c == '-' || c == '.' || c == '(' || c == ')';
}

// RFC 3261 §19.1.4: "characters other than those in the reserved set are
// equivalent to their %HH encoding". Decodes every escape except those of a
// reserved character (and of '%' itself, which would make a new escape);
// those stay escaped with upper-case hex so "%3b" equals "%3B" but not ";".
QByteArray normalizeEscapes(QByteArrayView s)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != '%' || i + 2 >= s.size() || !lex::is(s[i + 1], lex::Hex) ||
            !lex::is(s[i + 2], lex::Hex)) {
            out.append(c);
            continue;
        }
        const auto decoded = lex::unescape(s.sliced(i, 3));
        const char d = decoded->at(0);
        const bool reserved = QByteArrayView(";/?:@&=+$,").contains(d) || d == '%';
        if (reserved) {
            const auto u = static_cast<unsigned char>(d);
            out.append('%');
            out.append(kHex[u >> 4]);
            out.append(kHex[u & 15]);
        } else {
            out.append(d);
        }
        i += 2;
    }
    return out;
}

QByteArray lowerNormalized(QByteArrayView s)
{
    return normalizeEscapes(s).toLower();
}

using NameValues = QList<QPair<QByteArray, QByteArray>>;

// Parameters as (name, value) pairs, both normalized and lower-cased
// (parameter names and values compare case-insensitively, §19.1.4).
NameValues paramSet(const ParamList &params)
{
    NameValues out;
    params.forEach([&](const Param &p) {
        out.append({lowerNormalized(p.name), lowerNormalized(p.value)});
        return true;
    });
    std::sort(out.begin(), out.end());
    return out;
}

const QByteArray *findParam(const NameValues &set, QByteArrayView name)
{
    for (const auto &nv : set) {
        if (nv.first == name)
            return &nv.second;
    }
    return nullptr;
}

bool sameParamsIgnoringMissing(const Uri &a, const Uri &b)
{
    // RFC 3261 §19.1.4: user, ttl, method, maddr and transport must match
    // when present in either URI; other parameters only when in both.
    const NameValues pa = paramSet(a.params());
    const NameValues pb = paramSet(b.params());
    static constexpr QByteArrayView kMustMatch[] = {"user", "ttl", "method", "maddr", "transport"};
    for (QByteArrayView name : kMustMatch) {
        if (bool(findParam(pa, name)) != bool(findParam(pb, name)))
            return false;
    }
    for (const auto &nv : pa) {
        const QByteArray *other = findParam(pb, nv.first);
        if (other && *other != nv.second)
            return false;
    }
    return true;
}

// URI headers: names case-insensitive, values as normalized text; all must
// be present in both (§19.1.4).
NameValues headerSet(QByteArrayView h)
{
    NameValues out;
    if (h.isEmpty())
        return out;
    qsizetype start = 0;
    while (start <= h.size()) {
        qsizetype amp = lex::find(h, '&', start);
        if (amp < 0)
            amp = h.size();
        const QByteArrayView item = h.sliced(start, amp - start);
        const qsizetype eq = lex::find(item, '=');
        out.append({lowerNormalized(item.first(qMax<qsizetype>(eq, 0))),
                    normalizeEscapes(eq < 0 ? QByteArrayView() : item.sliced(eq + 1))});
        start = amp + 1;
    }
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray telNumber(QByteArrayView number)
{
    QByteArray out;
    for (char c : number) {
        if (!isVisualSeparator(c))
            out.append(lex::toLower(c));
    }
    return out;
}

} // namespace

std::optional<Uri> Uri::parse(QByteArrayView text, const QByteArray &owner, const char **why)
{
    std::optional<Uri> out(std::in_place);
    if (!parseInto(*out, text, owner, why))
        out.reset();
    return out;
}

bool Uri::parseInto(Uri &u, QByteArrayView text, const QByteArray &owner, const char **why)
{
    Q_ASSERT(text.isEmpty() || (text.data() >= owner.constData() &&
                                text.data() + text.size() <= owner.constData() + owner.size()));
    u.m_owner = owner;
    u.m_text = text;
    const qsizetype colon = lex::find(text, ':');
    if (colon <= 0)
        return fail(why, "missing URI scheme");
    u.m_schemeText = text.first(colon);
    if (!lex::is(u.m_schemeText[0], lex::Alpha))
        return fail(why, "invalid URI scheme");
    for (char c : u.m_schemeText) {
        if (!lex::is(c, lex::SchemeChar))
            return fail(why, "invalid URI scheme");
    }
    const QByteArrayView rest = text.sliced(colon + 1);
    if (rest.isEmpty())
        return fail(why, "empty URI after the scheme");

    if (lex::iequals(u.m_schemeText, "sip"))
        u.m_scheme = Scheme::Sip;
    else if (lex::iequals(u.m_schemeText, "sips"))
        u.m_scheme = Scheme::Sips;
    else if (lex::iequals(u.m_schemeText, "tel"))
        u.m_scheme = Scheme::Tel;
    else
        u.m_scheme = Scheme::Other;

    if (u.m_scheme == Scheme::Other) {
        for (char c : rest) {
            // No LWS, controls, quotes or brackets inside any URI (they would
            // need escaping). SIP and tel components are checked by grammar.
            const auto u8 = static_cast<unsigned char>(c);
            if (u8 <= 0x20 || u8 >= 0x7f || c == '"' || c == '<' || c == '>')
                return fail(why, "invalid character in URI");
        }
        u.m_opaque = rest;
        return true;
    }
    if (u.m_scheme == Scheme::Tel) {
        // RFC 3966: telephone-subscriber *par
        const qsizetype semi = lex::find(rest, ';');
        u.m_opaque = semi < 0 ? rest : rest.first(semi);
        u.m_params = semi < 0 ? QByteArrayView() : rest.sliced(semi);
        if (u.m_opaque.isEmpty())
            return fail(why, "empty telephone number");
        for (char c : u.m_opaque) {
            if (!lex::is(c, lex::Hex) && !isVisualSeparator(c) && c != '+' && c != '*' && c != '#')
                return fail(why, "invalid character in telephone number");
        }
        if (ParamList(u.m_params).validate(true))
            return fail(why, "invalid tel URI parameter");
        u.m_user = u.m_opaque;
        return true;
    }

    // SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
    QByteArrayView hostPart = rest;
    const qsizetype at = lex::find(rest, '@');
    if (at >= 0) {
        const QByteArrayView userinfo = rest.first(at);
        const qsizetype pc = lex::find(userinfo, ':');
        u.m_user = pc < 0 ? userinfo : userinfo.first(pc);
        u.m_password = pc < 0 ? QByteArrayView() : userinfo.sliced(pc + 1);
        u.m_hasUser = true;
        if (u.m_user.isEmpty())
            return fail(why, "empty user part in URI");
        if (!lex::isEscapedRun(u.m_user, lex::Unreserved | lex::UserUnreserved))
            return fail(why, "invalid character in URI user part");
        if (!lex::isEscapedRun(u.m_password, lex::Unreserved | lex::PasswordExtra))
            return fail(why, "invalid character in URI password");
        hostPart = rest.sliced(at + 1);
    }
    qsizetype hostEnd = 0;
    if (!hostPart.isEmpty() && hostPart.front() == '[') {
        hostEnd = lex::find(hostPart, ']');
        if (hostEnd < 0)
            return fail(why, "unterminated IPv6 reference in URI host");
        ++hostEnd;
        u.m_host = hostPart.first(hostEnd);
        if (!validHost(u.m_host))
            return fail(why, "invalid URI host");
    } else {
        while (hostEnd < hostPart.size() && lex::is(hostPart[hostEnd], lex::HostChar))
            ++hostEnd;
        u.m_host = hostPart.first(hostEnd);
        if (hostEnd == 0 || u.m_host.front() == '.' || u.m_host.front() == '-')
            return fail(why, "invalid URI host");
        if (hostEnd < hostPart.size() && hostPart[hostEnd] != ':' && hostPart[hostEnd] != ';' &&
            hostPart[hostEnd] != '?')
            return fail(why, "invalid character in URI host");
    }
    qsizetype pos = hostEnd;
    if (pos < hostPart.size() && hostPart[pos] == ':') {
        qsizetype end = ++pos;
        while (end < hostPart.size() && lex::isDigit(hostPart[end]))
            ++end;
        const auto port = lex::parseUnsigned(hostPart.sliced(pos, end - pos), 65535);
        if (!port)
            return fail(why, "invalid URI port");
        u.m_port = int(*port);
        u.m_hasPort = true;
        pos = end;
    }
    const QByteArrayView tail = hostPart.sliced(pos);
    const qsizetype q = lex::find(tail, '?');
    u.m_params = q < 0 ? tail : tail.first(q);
    u.m_headers = q < 0 ? QByteArrayView() : tail.sliced(q + 1);
    if (!u.m_params.isEmpty() && u.m_params.front() != ';')
        return fail(why, "unexpected character after URI host");
    if (const char *bad = scanParams(u.m_params, true, [](QByteArrayView, QByteArrayView, bool) {}))
        return fail(why, bad);
    if (q >= 0 && !validHeaders(u.m_headers))
        return fail(why, "invalid URI header");
    return true;
}

Uri Uri::sip(QByteArrayView user, QByteArrayView host, int port, QByteArrayView params, bool secure)
{
    QByteArray text = secure ? "sips:" : "sip:";
    if (!user.isEmpty()) {
        text += lex::escape(user, lex::Unreserved | lex::UserUnreserved);
        text += '@';
    }
    text += host;
    if (port > 0) {
        text += ':';
        text += QByteArray::number(port);
    }
    text += params;
    return parse(text).value_or(Uri());
}

QByteArray Uri::userDecoded() const
{
    return lex::unescape(m_user).value_or(m_user.toByteArray());
}

QByteArray Uri::hostLower() const
{
    return m_host.toByteArray().toLower();
}

QByteArray Uri::transportParam() const
{
    return param("transport").toByteArray().toLower();
}

QByteArray Uri::addressOfRecord() const
{
    QByteArray out = m_schemeText.toByteArray().toLower();
    out += ':';
    if (m_scheme == Scheme::Sip || m_scheme == Scheme::Sips) {
        if (m_hasUser) {
            out += normalizeEscapes(m_user);
            out += '@';
        }
        out += hostLower();
    } else {
        out += m_opaque;
    }
    return out;
}

bool Uri::equivalentTo(const Uri &o) const
{
    if (m_scheme != o.m_scheme || m_scheme == Scheme::None)
        return false;
    switch (m_scheme) {
    case Scheme::Other:
        return lex::iequals(m_text, o.m_text);
    case Scheme::Tel:
        return telNumber(m_opaque) == telNumber(o.m_opaque) &&
               paramSet(params()) == paramSet(o.params());
    default:
        break;
    }
    // RFC 3261 §19.1.4: userinfo case-sensitive, escapes equal their
    // characters; host case-insensitive; a missing port differs from 5060.
    if (m_hasUser != o.m_hasUser || normalizeEscapes(m_user) != normalizeEscapes(o.m_user) ||
        normalizeEscapes(m_password) != normalizeEscapes(o.m_password))
        return false;
    if (!lex::iequals(m_host, o.m_host) || m_hasPort != o.m_hasPort || m_port != o.m_port)
        return false;
    if (!sameParamsIgnoringMissing(*this, o))
        return false;
    return headerSet(m_headers) == headerSet(o.m_headers);
}

} // namespace sip
