// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Messages for the transaction tests.

#include "message/Parser.h"
#include "transport/ReceivedMessage.h"

#include <QHostAddress>

namespace sip::test {

inline Endpoint endpoint(TransportType t, quint16 port = 5060)
{
    return {t, QHostAddress(QStringLiteral("127.0.0.1")), port};
}

inline Message parseOrDie(const QByteArray &wire)
{
    ParseResult r = Parser::parseDatagram(wire);
    if (!r.ok())
        qFatal("fixture does not parse: %s", r.error.reasonPhrase().constData());
    return r.message;
}

inline QByteArray requestText(QByteArrayView method = "MESSAGE",
                              QByteArrayView branch = "z9hG4bKtest1",
                              QByteArrayView transport = "UDP", QByteArrayView toTag = {},
                              QByteArrayView fromTag = "ft", QByteArrayView callId = "call-1",
                              quint32 cseq = 1)
{
    QByteArray w = method.toByteArray() + " sip:bob@127.0.0.1 SIP/2.0\r\n";
    w += "Via: SIP/2.0/" + transport.toByteArray() +
         " 127.0.0.1:5070;branch=" + branch.toByteArray() + ";rport\r\n";
    w += "Max-Forwards: 70\r\n";
    w += "From: <sip:alice@127.0.0.1>;tag=" + fromTag.toByteArray() + "\r\n";
    w += "To: <sip:bob@127.0.0.1>";
    if (!toTag.isEmpty())
        w += ";tag=" + toTag.toByteArray();
    w += "\r\nCall-ID: " + callId.toByteArray() + "\r\n";
    w += "CSeq: " + QByteArray::number(cseq) + ' ' + method.toByteArray() + "\r\n";
    w += "Content-Length: 0\r\n\r\n";
    return w;
}

inline Message request(QByteArrayView method = "MESSAGE", QByteArrayView branch = "z9hG4bKtest1",
                       QByteArrayView transport = "UDP")
{
    return parseOrDie(requestText(method, branch, transport));
}

inline Message responseTo(const Message &req, int status, QByteArrayView toTag = "tt")
{
    Message r = Message::response(status);
    for (QByteArrayView via : req.headerValues(HeaderId::Via))
        r.addHeader("Via", via);
    r.addHeader("From", req.header(HeaderId::From));
    r.addHeader("To", req.header(HeaderId::To).toByteArray() + ";tag=" + toTag.toByteArray());
    r.addHeader("Call-ID", req.callId());
    r.addHeader("CSeq", req.header(HeaderId::CSeq));
    // Round-trip through the parser, as a received response would.
    return parseOrDie(r.toWire());
}

inline ReceivedMessage received(const Message &m, TransportType t = TransportType::Udp)
{
    return {m, endpoint(t, 5070), endpoint(t, 5060), t == TransportType::Udp ? 0u : 7u};
}

} // namespace sip::test
