// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the datagram and stream parsers, the serializer and every
// header parsed on access. Besides "no crash, no leak, no UB" it checks the
// round-trip property: whatever parses serializes to text that parses again
// to the same values and serializes identically.

#include "message/Parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace sip;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void touchLazyHeaders(const Message &m)
{
    const char *why = nullptr;
    (void)m.contacts(&why);
    (void)m.routes(&why);
    (void)m.recordRoutes(&why);
    (void)m.serviceRoutes(&why);
    (void)m.paths(&why);
    (void)m.expires(&why);
    (void)m.minExpires(&why);
    (void)m.date(&why);
    (void)m.allow(&why);
    (void)m.supported(&why);
    (void)m.require(&why);
    (void)m.proxyRequire(&why);
    (void)m.unsupported(&why);
    (void)m.accept(&why);
    (void)m.wwwAuthenticate(&why);
    (void)m.proxyAuthenticate(&why);
    (void)m.authorization(&why);
    (void)m.proxyAuthorization(&why);
    (void)m.authenticationInfo(&why);
    for (const HeaderField &f : m.headers())
        (void)m.headerUnfolded(f.name);
    (void)m.from().displayName();
    (void)m.to().uri().addressOfRecord();
    (void)m.requestUri().userDecoded();
    (void)m.contentType().charset();
}

void roundTrip(const Message &m)
{
    const QByteArray wire = m.toWire();
    const ParseResult again = Parser::parse(wire, Parser::Framing::Stream);
    check(again.ok());
    const Message &b = again.message;
    check(b.toWire() == wire);
    check(b.isRequest() == m.isRequest());
    check(b.methodName() == m.methodName());
    check(b.statusCode() == m.statusCode());
    check(b.callId() == m.callId());
    check(b.cseq().number() == m.cseq().number());
    check(b.vias().size() == m.vias().size());
    check(b.from().tag() == m.from().tag());
    check(b.to().tag() == m.to().tag());
    check(b.body() == m.body());
    check(b.maxForwards() == m.maxForwards());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult d = Parser::parse(bytes, Parser::Framing::Datagram);
    if (d.ok()) {
        touchLazyHeaders(d.message);
        roundTrip(d.message);
    } else {
        check(!d.error.reasonPhrase().contains('\n'));
        (void)d.error.suggestedStatus();
    }
    const ParseResult s = Parser::parse(bytes, Parser::Framing::Stream);
    if (s.ok())
        roundTrip(s.message);
    return 0;
}
