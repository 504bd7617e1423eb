// SPDX-License-Identifier: GPL-3.0-or-later
#include "Message.h"

#include "Lex.h"
#include "Limits.h"
#include "SipDate.h"
#include "TokenList.h"

namespace sip {
namespace {

const Via kNoVia;

template <typename T, typename ParseOne>
std::optional<QList<T>> parseList(const Message &m, HeaderId id, const char **why,
                                  ParseOne &&parseOne)
{
    QList<T> out;
    bool ok = true;
    for (const HeaderField &f : m.headers()) {
        if (f.id != id)
            continue;
        const bool balanced = lex::splitCommaList(f.value, [&](QByteArrayView item) {
            if (!ok)
                return;
            if (auto v = parseOne(item, f))
                out.append(std::move(*v));
            else
                ok = false;
        });
        if (!balanced || !ok) {
            if (why && !*why)
                *why = "malformed list";
            return std::nullopt;
        }
    }
    return out;
}

std::optional<quint32> parseDelta(QByteArrayView value, const char **why)
{
    const QByteArrayView v = lex::trimmed(value);
    bool digits = !v.isEmpty();
    for (char c : v)
        digits = digits && lex::isDigit(c);
    if (!digits) {
        if (why)
            *why = "expected delta-seconds";
        return std::nullopt;
    }
    // RFC 3261 §20.19: larger values are taken as 2**32-1.
    return quint32(lex::parseUnsigned(v, limits::kMaxExpires).value_or(limits::kMaxExpires));
}

} // namespace

Message Message::request(QByteArrayView method, const Uri &requestUri)
{
    Message m;
    m.m_kind = Kind::Request;
    quint16 source = 0;
    m.m_method = m.store(method, &source);
    m.m_methodId = methodFromName(method);
    m.m_requestUri = requestUri;
    return m;
}

Message Message::response(int status, QByteArrayView reason)
{
    Message m;
    m.m_kind = Kind::Response;
    m.m_status = status;
    quint16 source = 0;
    m.m_reason = m.store(reason.isNull() ? defaultReason(status) : reason, &source);
    return m;
}

QByteArrayView Message::defaultReason(int status)
{
    switch (status) {
    case 100:
        return "Trying";
    case 180:
        return "Ringing";
    case 181:
        return "Call Is Being Forwarded";
    case 182:
        return "Queued";
    case 183:
        return "Session Progress";
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Moved Temporarily";
    case 305:
        return "Use Proxy";
    case 380:
        return "Alternative Service";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 410:
        return "Gone";
    case 413:
        return "Request Entity Too Large";
    case 414:
        return "Request-URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Unsupported URI Scheme";
    case 420:
        return "Bad Extension";
    case 421:
        return "Extension Required";
    case 423:
        return "Interval Too Brief";
    case 480:
        return "Temporarily Unavailable";
    case 481:
        return "Call/Transaction Does Not Exist";
    case 482:
        return "Loop Detected";
    case 483:
        return "Too Many Hops";
    case 484:
        return "Address Incomplete";
    case 485:
        return "Ambiguous";
    case 486:
        return "Busy Here";
    case 487:
        return "Request Terminated";
    case 488:
        return "Not Acceptable Here";
    case 491:
        return "Request Pending";
    case 493:
        return "Undecipherable";
    case 500:
        return "Server Internal Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Server Time-out";
    case 505:
        return "Version Not Supported";
    case 513:
        return "Message Too Large";
    case 600:
        return "Busy Everywhere";
    case 603:
        return "Decline";
    case 604:
        return "Does Not Exist Anywhere";
    case 606:
        return "Not Acceptable";
    default:
        return "";
    }
}

const Via &Message::topVia() const
{
    return m_vias.isEmpty() ? kNoVia : m_vias.front();
}

qsizetype Message::findField(QByteArrayView name, qsizetype from) const
{
    const HeaderId id = lookupHeader(name);
    for (qsizetype i = from; i < m_headers.size(); ++i) {
        const HeaderField &f = m_headers[i];
        if (id != HeaderId::Other ? f.id == id
                                  : (f.id == HeaderId::Other && lex::iequals(f.name, name)))
            return i;
    }
    return -1;
}

QByteArrayView Message::header(HeaderId id) const
{
    for (const HeaderField &f : m_headers) {
        if (f.id == id)
            return f.value;
    }
    return {};
}

QByteArrayView Message::header(QByteArrayView name) const
{
    const qsizetype i = findField(name);
    return i < 0 ? QByteArrayView() : m_headers[i].value;
}

bool Message::hasHeader(HeaderId id) const
{
    for (const HeaderField &f : m_headers) {
        if (f.id == id)
            return true;
    }
    return false;
}

bool Message::hasHeader(QByteArrayView name) const
{
    return findField(name) >= 0;
}

QList<QByteArrayView> Message::headerValues(HeaderId id) const
{
    QList<QByteArrayView> out;
    for (const HeaderField &f : m_headers) {
        if (f.id == id)
            out.append(f.value);
    }
    return out;
}

QList<QByteArrayView> Message::headerValues(QByteArrayView name) const
{
    QList<QByteArrayView> out;
    for (qsizetype i = findField(name); i >= 0; i = findField(name, i + 1))
        out.append(m_headers[i].value);
    return out;
}

QByteArray Message::headerUnfolded(QByteArrayView name) const
{
    return lex::unfold(header(name));
}

std::optional<QList<Contact>> Message::contacts(const char **why) const
{
    return parseList<Contact>(*this, HeaderId::Contact, why,
                              [&](QByteArrayView item, const HeaderField &f) {
                                  return Contact::parse(item, owner(f.source), why);
                              });
}

#define SIP_NAME_ADDR_LIST(fn, hid)                                                                \
    std::optional<QList<NameAddr>> Message::fn(const char **why) const                             \
    {                                                                                              \
        return parseList<NameAddr>(*this, HeaderId::hid, why,                                      \
                                   [&](QByteArrayView item, const HeaderField &f) {                \
                                       auto na = NameAddr::parse(item, owner(f.source), why);      \
                                       /* §20.30, §20.34: these carry name-addr only */          \
                                       if (na && !na->hasAngleBrackets()) {                        \
                                           if (why)                                                \
                                               *why = "URI must be in angle brackets";             \
                                           return std::optional<NameAddr>();                       \
                                       }                                                           \
                                       return na;                                                  \
                                   });                                                             \
    }
SIP_NAME_ADDR_LIST(routes, Route)
SIP_NAME_ADDR_LIST(recordRoutes, RecordRoute)
SIP_NAME_ADDR_LIST(serviceRoutes, ServiceRoute)
SIP_NAME_ADDR_LIST(paths, Path)
#undef SIP_NAME_ADDR_LIST

std::optional<quint32> Message::expires(const char **why) const
{
    if (!hasHeader(HeaderId::Expires))
        return std::nullopt;
    return parseDelta(header(HeaderId::Expires), why);
}

std::optional<quint32> Message::minExpires(const char **why) const
{
    if (!hasHeader(HeaderId::MinExpires))
        return std::nullopt;
    return parseDelta(header(HeaderId::MinExpires), why);
}

std::optional<QDateTime> Message::date(const char **why) const
{
    if (!hasHeader(HeaderId::Date))
        return std::nullopt;
    auto d = parseSipDate(lex::unfold(header(HeaderId::Date)));
    if (!d && why)
        *why = "expected an RFC 1123 date in GMT";
    return d;
}

#define SIP_TOKEN_LIST(fn, hid)                                                                    \
    std::optional<QList<QByteArray>> Message::fn(const char **why) const                           \
    {                                                                                              \
        QList<QByteArray> out;                                                                     \
        for (const HeaderField &f : m_headers) {                                                   \
            if (f.id != HeaderId::hid)                                                             \
                continue;                                                                          \
            auto list = parseTokenList(f.value, why);                                              \
            if (!list)                                                                             \
                return std::nullopt;                                                               \
            out += *list;                                                                          \
        }                                                                                          \
        return out;                                                                                \
    }
SIP_TOKEN_LIST(allow, Allow)
SIP_TOKEN_LIST(supported, Supported)
SIP_TOKEN_LIST(require, Require)
SIP_TOKEN_LIST(proxyRequire, ProxyRequire)
SIP_TOKEN_LIST(unsupported, Unsupported)
#undef SIP_TOKEN_LIST

std::optional<QList<MediaType>> Message::accept(const char **why) const
{
    auto list = parseList<MediaType>(*this, HeaderId::Accept, why,
                                     [&](QByteArrayView item, const HeaderField &f) {
                                         if (item.isEmpty()) // "Accept:" accepts nothing
                                             return std::optional<MediaType>(MediaType());
                                         return MediaType::parse(item, owner(f.source), true, why);
                                     });
    if (list)
        list->removeIf([](const MediaType &m) { return !m.isValid(); });
    return list;
}

#define SIP_AUTH_LIST(fn, hid)                                                                     \
    std::optional<QList<AuthHeader>> Message::fn(const char **why) const                           \
    {                                                                                              \
        QList<AuthHeader> out;                                                                     \
        for (const HeaderField &f : m_headers) {                                                   \
            if (f.id != HeaderId::hid)                                                             \
                continue;                                                                          \
            auto h = AuthHeader::parse(f.value, true, why);                                        \
            if (!h)                                                                                \
                return std::nullopt;                                                               \
            out.append(std::move(*h));                                                             \
        }                                                                                          \
        return out;                                                                                \
    }
SIP_AUTH_LIST(wwwAuthenticate, WwwAuthenticate)
SIP_AUTH_LIST(proxyAuthenticate, ProxyAuthenticate)
SIP_AUTH_LIST(authorization, Authorization)
SIP_AUTH_LIST(proxyAuthorization, ProxyAuthorization)
#undef SIP_AUTH_LIST

std::optional<AuthHeader> Message::authenticationInfo(const char **why) const
{
    if (!hasHeader(HeaderId::AuthenticationInfo))
        return std::nullopt;
    return AuthHeader::parse(header(HeaderId::AuthenticationInfo), false, why);
}

const QByteArray &Message::owner(quint16 source) const
{
    return source == 0 ? m_wire : m_chunks[source - 1];
}

quint16 Message::adopt(const QByteArray &bytes)
{
    if (!m_wire.isNull() && m_wire.constData() == bytes.constData())
        return 0;
    for (qsizetype i = 0; i < m_chunks.size(); ++i) {
        if (m_chunks[i].constData() == bytes.constData())
            return quint16(i + 1);
    }
    m_chunks.append(bytes);
    return quint16(m_chunks.size());
}

QByteArrayView Message::store(QByteArrayView text, quint16 *source)
{
    m_chunks.append(text.toByteArray());
    *source = quint16(m_chunks.size());
    return m_chunks.back();
}

} // namespace sip
