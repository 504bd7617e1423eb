// SPDX-License-Identifier: GPL-3.0-or-later
// Building, editing and serializing messages (RFC 3261 §7), and the headers
// parsed on access.

#include "message/Parser.h"

#include <QTest>

using namespace sip;

namespace {

Message parsed(const QByteArray &wire)
{
    ParseResult r = Parser::parseDatagram(wire);
    if (!r.ok())
        qFatal("fixture does not parse: %s", r.error.reasonPhrase().constData());
    return r.message;
}

const QByteArray kRegister401 =
    "SIP/2.0 401 Unauthorized\r\n"
    "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKnashds7;received=192.0.2.4;rport=5060\r\n"
    "From: Bob <sip:bob@example.com>;tag=a73kszlfl\r\n"
    "To: Bob <sip:bob@example.com>;tag=1410948204\r\n"
    "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.4\r\n"
    "CSeq: 1 REGISTER\r\n"
    "WWW-Authenticate: Digest realm=\"example.com\", qop=\"auth\",\r\n"
    " nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", opaque=\"\", stale=FALSE, algorithm=MD5\r\n"
    "WWW-Authenticate: Digest realm=\"example.com\", algorithm=SHA-256, qop=\"auth\",\r\n"
    " nonce=\"abc\"\r\n"
    "Min-Expires: 60\r\n"
    "Date: Sat, 13 Nov 2010 23:29:00 GMT\r\n"
    "Supported: path, outbound\r\n"
    "Require: \r\n"
    "Unsupported: foo\r\n"
    "Content-Length: 0\r\n\r\n";

} // namespace

class tst_Message : public QObject
{
    Q_OBJECT

private slots:
    void rfc3428_4_buildMessageRequest();
    void rfc3261_8_2_6_buildResponse();
    void rfc3261_8_2_6_copyHeaderSharesParsedValues();
    void copyHeaderRefusesAPresentHeader();
    void prependViaKeepsOrder();
    void setHeaderReplacesAllAtFirstPlace();
    void replaceTopViaKeepsTheOthers();
    void removeHeader();
    void mutatorsRejectMalformedValues_data();
    void mutatorsRejectMalformedValues();
    void serializerWritesLongNamesAndTruthfulLength();
    void lazyHeaders();
    void lazyHeadersReportErrors();
    void headerLookupByNameAndCompactForm();
    void defaultReasonPhrases();
};

void tst_Message::rfc3428_4_buildMessageRequest()
{
    const auto target = Uri::parse("sip:bob@example.org");
    QVERIFY(target);
    Message m = Message::request("MESSAGE", *target);
    QVERIFY(m.addHeader("Via", "SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKabc;rport"));
    QVERIFY(m.addHeader("Max-Forwards", "70"));
    QVERIFY(m.addHeader("From", "\"Alice\" <sip:alice@example.com>;tag=f1"));
    QVERIFY(m.addHeader("To", "<sip:bob@example.org>"));
    QVERIFY(m.addHeader("Call-ID", "c1@192.0.2.9"));
    QVERIFY(m.addHeader("CSeq", "1 MESSAGE"));
    m.setBody("Grüße 👋", "text/plain;charset=UTF-8");
    QCOMPARE(m.method(), Method::Message);
    QCOMPARE(m.topVia().branch(), QByteArrayView("z9hG4bKabc"));
    QCOMPARE(m.cseq().number(), 1u);
    QCOMPARE(m.contentType().charset(), QByteArray("UTF-8"));
    QCOMPARE(m.contentLength(), QByteArray("Grüße 👋").size());

    const QByteArray wire = m.toWire();
    QCOMPARE(wire, QByteArray("MESSAGE sip:bob@example.org SIP/2.0\r\n"
                              "Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKabc;rport\r\n"
                              "Max-Forwards: 70\r\n"
                              "From: \"Alice\" <sip:alice@example.com>;tag=f1\r\n"
                              "To: <sip:bob@example.org>\r\n"
                              "Call-ID: c1@192.0.2.9\r\n"
                              "CSeq: 1 MESSAGE\r\n"
                              "Content-Length: 12\r\n"
                              "Content-Type: text/plain;charset=UTF-8\r\n"
                              "\r\n"
                              "Grüße 👋"));
    const ParseResult back = Parser::parse(wire, Parser::Framing::Stream);
    QVERIFY(back.ok());
    QCOMPARE(back.message.body(), QByteArrayView("Grüße 👋"));
    QCOMPARE(back.message.from().displayName(), QStringLiteral("Alice"));
}

void tst_Message::rfc3261_8_2_6_buildResponse()
{
    const Message req = parsed(
        "MESSAGE sip:bob@example.org SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1, SIP/2.0/TCP p.example;branch=z9hG4bK0\r\n"
        "From: <sip:alice@example.com>;tag=1\r\n"
        "To: <sip:bob@example.org>\r\n"
        "Call-ID: r@192.0.2.9\r\n"
        "CSeq: 5 MESSAGE\r\n"
        "Content-Length: 0\r\n\r\n");
    Message resp = Message::response(200);
    for (QByteArrayView via : req.headerValues(HeaderId::Via))
        QVERIFY(resp.addHeader("Via", via));
    QVERIFY(resp.addHeader("From", req.header(HeaderId::From)));
    QVERIFY(resp.addHeader("To", req.header(HeaderId::To).toByteArray() + ";tag=t9"));
    QVERIFY(resp.addHeader("Call-ID", req.callId()));
    QVERIFY(resp.addHeader("CSeq", req.header(HeaderId::CSeq)));
    QCOMPARE(resp.reasonPhrase(), QByteArrayView("OK"));
    QCOMPARE(resp.vias().size(), 2);
    QCOMPARE(resp.to().tag(), QByteArrayView("t9"));
    const QByteArray wire = resp.toWire();
    QVERIFY(wire.startsWith("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1, "));
    QVERIFY(wire.endsWith("Content-Length: 0\r\n\r\n"));
    QVERIFY(Parser::parseDatagram(wire).ok());
}

void tst_Message::rfc3261_8_2_6_copyHeaderSharesParsedValues()
{
    Message resp = Message::response(200);
    {
        // Compact names, Via values over two lines, a stamped top Via (held
        // in a chunk of its own): all of it copied, and still valid after
        // the request is gone.
        Message req = parsed("MESSAGE sip:bob@example.org SIP/2.0\r\n"
                             "v: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1;rport\r\n"
                             "Via: SIP/2.0/TCP p.example;branch=z9hG4bK0\r\n"
                             "f: \"Al\" <sip:alice@example.com>;tag=1\r\n"
                             "t: <sip:bob@example.org>;tag=2\r\n"
                             "i: r@192.0.2.9\r\n"
                             "CSeq: 5 MESSAGE\r\n"
                             "l: 0\r\n\r\n");
        QVERIFY(req.replaceTopVia("SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1;rport=5062"
                                  ";received=192.0.2.1"));
        for (HeaderId id :
             {HeaderId::Via, HeaderId::From, HeaderId::To, HeaderId::CallId, HeaderId::CSeq})
            QVERIFY(resp.copyHeader(req, id));
    }
    QCOMPARE(resp.vias().size(), 2);
    QCOMPARE(resp.topVia().received(), QByteArrayView("192.0.2.1"));
    QCOMPARE(resp.topVia().rport(), 5062);
    QCOMPARE(resp.from().displayName(), QStringLiteral("Al"));
    QCOMPARE(resp.from().tag(), QByteArrayView("1"));
    QCOMPARE(resp.to().tag(), QByteArrayView("2"));
    QCOMPARE(resp.callId(), QByteArrayView("r@192.0.2.9"));
    QCOMPARE(resp.cseq().number(), 5u);
    QCOMPARE(
        resp.toWire(),
        QByteArray("SIP/2.0 200 OK\r\n"
                   "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1;rport=5062;received=192.0.2.1\r\n"
                   "Via: SIP/2.0/TCP p.example;branch=z9hG4bK0\r\n"
                   "From: \"Al\" <sip:alice@example.com>;tag=1\r\n"
                   "To: <sip:bob@example.org>;tag=2\r\n"
                   "Call-ID: r@192.0.2.9\r\n"
                   "CSeq: 5 MESSAGE\r\n"
                   "Content-Length: 0\r\n\r\n"));
    // A copy of the response keeps working as well.
    const Message copy = resp;
    QCOMPARE(copy.toWire(), resp.toWire());
}

void tst_Message::copyHeaderRefusesAPresentHeader()
{
    const Message req = parsed("OPTIONS sip:x@example.org SIP/2.0\r\n"
                               "Via: SIP/2.0/UDP a.example;branch=z9hG4bKa\r\n"
                               "From: <sip:y@example.org>;tag=1\r\nTo: <sip:x@example.org>\r\n"
                               "Call-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    Message resp = Message::response(200);
    QVERIFY(resp.addHeader("Call-ID", "other"));
    QVERIFY(!resp.copyHeader(req, HeaderId::CallId));
    QCOMPARE(resp.callId(), QByteArrayView("other"));
    QCOMPARE(resp.headerValues(HeaderId::CallId).size(), 1);
    QVERIFY(!resp.copyHeader(resp, HeaderId::Via));
    QVERIFY(!resp.copyHeader(req, HeaderId::Other));
}

void tst_Message::prependViaKeepsOrder()
{
    Message m = parsed("OPTIONS sip:x@example.org SIP/2.0\r\n"
                       "Via: SIP/2.0/UDP a.example;branch=z9hG4bKa\r\n"
                       "From: <sip:y@example.org>;tag=1\r\nTo: <sip:x@example.org>\r\n"
                       "Call-ID: v\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    QVERIFY(m.prependHeader(
        "Via", "SIP/2.0/TCP b.example;branch=z9hG4bKb, SIP/2.0/TCP c.example;branch=z9hG4bKc"));
    QCOMPARE(m.vias().size(), 3);
    QCOMPARE(m.vias()[0].host(), QByteArrayView("b.example"));
    QCOMPARE(m.vias()[1].host(), QByteArrayView("c.example"));
    QCOMPARE(m.vias()[2].host(), QByteArrayView("a.example"));
    QVERIFY(m.removeFirstHeader("Via"));
    QCOMPARE(m.vias().size(), 1);
    QCOMPARE(m.topVia().host(), QByteArrayView("a.example"));
}

void tst_Message::setHeaderReplacesAllAtFirstPlace()
{
    Message m = parsed(kRegister401);
    QVERIFY(m.setHeader("www-authenticate", "Digest realm=\"x\", nonce=\"n\""));
    QCOMPARE(m.headerValues(HeaderId::WwwAuthenticate).size(), 1);
    QCOMPARE(m.headers()[5].id, HeaderId::WwwAuthenticate);
    QVERIFY(m.setHeader("X-New", "appended"));
    QCOMPARE(m.headers().back().name, QByteArrayView("X-New"));
    QVERIFY(m.setHeader("To", "<sip:bob@example.com>;tag=new"));
    QCOMPARE(m.to().tag(), QByteArrayView("new"));
}

void tst_Message::replaceTopViaKeepsTheOthers()
{
    Message m = parsed(
        "MESSAGE sip:bob@example.org SIP/2.0\r\n"
        "Via: SIP/2.0/UDP a.example;branch=z9hG4bKa, SIP/2.0/UDP b.example;branch=z9hG4bKb\r\n"
        "Via: SIP/2.0/TCP c.example;branch=z9hG4bKc\r\n"
        "From: <sip:y@example.org>;tag=1\r\nTo: <sip:bob@example.org>\r\n"
        "Call-ID: v\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n");
    QVERIFY(m.replaceTopVia("SIP/2.0/UDP a.example;branch=z9hG4bKa;received=192.0.2.1;rport=5060"));
    QCOMPARE(m.vias().size(), 3);
    QCOMPARE(m.topVia().received(), QByteArrayView("192.0.2.1"));
    QCOMPARE(m.vias()[1].host(), QByteArrayView("b.example"));
    const QList<QByteArrayView> lines = m.headerValues(HeaderId::Via);
    QCOMPARE(lines.size(), 2); // the line layout is kept
    QCOMPARE(lines[1], QByteArrayView("SIP/2.0/TCP c.example;branch=z9hG4bKc"));
    const QByteArray before = m.toWire();
    QVERIFY(!m.replaceTopVia("not a via"));
    QVERIFY(!m.replaceTopVia("SIP/2.0/UDP x.example;branch=z9hG4bKx, SIP/2.0/UDP y.example"));
    QCOMPARE(m.vias().size(), 3);
    QCOMPARE(m.toWire(), before);
    QCOMPARE(m.topVia().branch(), QByteArrayView("z9hG4bKa"));
}

void tst_Message::removeHeader()
{
    Message m = parsed(kRegister401);
    QCOMPARE(m.removeHeader("WWW-Authenticate"), 2);
    QVERIFY(!m.hasHeader(HeaderId::WwwAuthenticate));
    QCOMPARE(m.removeHeader("Not-There"), 0);
    QVERIFY(m.from().isValid()); // the eager index survives removals
    QCOMPARE(m.callId(), QByteArrayView("1j9FpLxk3uxtm8tn@192.0.2.4"));
}

void tst_Message::mutatorsRejectMalformedValues_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addRow("via without transport") << QByteArray("Via") << QByteArray("SIP/2.0 host");
    QTest::addRow("from unterminated") << QByteArray("From") << QByteArray("\"x <sip:a@b>");
    QTest::addRow("cseq text") << QByteArray("CSeq") << QByteArray("one MESSAGE");
    QTest::addRow("line break") << QByteArray("Subject") << QByteArray("a\r\nInjected: yes");
    QTest::addRow("bad name") << QByteArray("Bad Name") << QByteArray("x");
    QTest::addRow("duplicate call-id") << QByteArray("Call-ID") << QByteArray("second");
}

void tst_Message::mutatorsRejectMalformedValues()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    Message m = parsed(kRegister401);
    const QByteArray before = m.toWire();
    QVERIFY(!m.addHeader(name, value));
    QCOMPARE(m.toWire(), before);
    QCOMPARE(m.vias().size(), 1);
}

void tst_Message::serializerWritesLongNamesAndTruthfulLength()
{
    const Message m = parsed("MESSAGE sip:bob@example.org SIP/2.0\r\n"
                             "v: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKs\r\n"
                             "f: <sip:alice@example.com>;tag=1\r\nt: <sip:bob@example.org>\r\n"
                             "i: s@192.0.2.9\r\nCSEQ: 1 MESSAGE\r\nc: text/plain\r\n"
                             "x-custom:  kept\r\n as written\r\n"
                             "l: 3\r\n\r\nabcTRAILING");
    QCOMPARE(m.toWire(), QByteArray("MESSAGE sip:bob@example.org SIP/2.0\r\n"
                                    "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKs\r\n"
                                    "From: <sip:alice@example.com>;tag=1\r\n"
                                    "To: <sip:bob@example.org>\r\n"
                                    "Call-ID: s@192.0.2.9\r\n"
                                    "CSeq: 1 MESSAGE\r\n"
                                    "Content-Type: text/plain\r\n"
                                    "x-custom: kept as written\r\n"
                                    "Content-Length: 3\r\n\r\nabc"));
}

void tst_Message::lazyHeaders()
{
    const Message m = parsed(kRegister401);
    const auto challenges = m.wwwAuthenticate();
    QVERIFY(challenges);
    QCOMPARE(challenges->size(), 2);
    QCOMPARE(challenges->at(0).realm(), QByteArray("example.com"));
    QCOMPARE(challenges->at(0).qopList(), QList<QByteArray>{"auth"});
    QVERIFY(!challenges->at(0).stale());
    QCOMPARE(challenges->at(1).algorithm(), QByteArray("SHA-256"));
    QCOMPARE(m.minExpires().value_or(0), 60u);
    QVERIFY(!m.expires().has_value());
    QCOMPARE(m.date().value_or(QDateTime()),
             QDateTime(QDate(2010, 11, 13), QTime(23, 29, 0), Qt::UTC));
    QCOMPARE(m.supported().value_or(QList<QByteArray>()), (QList<QByteArray>{"path", "outbound"}));
    QVERIFY(m.require().has_value());
    QVERIFY(m.require()->isEmpty());
    QCOMPARE(m.unsupported().value_or(QList<QByteArray>()), QList<QByteArray>{"foo"});
    QVERIFY(m.contacts().has_value());
    QVERIFY(m.contacts()->isEmpty());
    QCOMPARE(m.topVia().rport(), 5060);
    QCOMPARE(m.topVia().received(), QByteArrayView("192.0.2.4"));
}

void tst_Message::lazyHeadersReportErrors()
{
    const Message m = parsed("SIP/2.0 200 OK\r\n"
                             "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKe\r\n"
                             "From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\n"
                             "Call-ID: e\r\nCSeq: 1 REGISTER\r\n"
                             "Contact: <sip:a@192.0.2.9;expires=60\r\n"
                             "Expires: soon\r\n"
                             "Date: yesterday\r\n"
                             "Route: sip:p.example.com;lr\r\n"
                             "Allow: INVITE MESSAGE\r\n"
                             "Content-Length: 0\r\n\r\n");
    const char *why = nullptr;
    QVERIFY(!m.contacts(&why));
    QVERIFY(why);
    why = nullptr;
    QVERIFY(!m.expires(&why));
    QVERIFY(why);
    QVERIFY(!m.date());
    why = nullptr;
    QVERIFY(!m.routes(&why)); // §20.34: Route takes name-addr only
    QCOMPARE(QByteArray(why), QByteArray("URI must be in angle brackets"));
    QVERIFY(!m.allow());
}

void tst_Message::headerLookupByNameAndCompactForm()
{
    const Message m = parsed("MESSAGE sip:bob@example.org SIP/2.0\r\n"
                             "v: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKs\r\n"
                             "f: <sip:alice@example.com>;tag=1\r\nt: <sip:bob@example.org>\r\n"
                             "i: s@192.0.2.9\r\nCSeq: 1 MESSAGE\r\n"
                             "X-Thing: one\r\nx-thing: two\r\n"
                             "Content-Length: 0\r\n\r\n");
    QCOMPARE(m.header("Call-ID"), QByteArrayView("s@192.0.2.9"));
    QCOMPARE(m.header("call-id"), QByteArrayView("s@192.0.2.9"));
    QCOMPARE(m.header("i"), QByteArrayView("s@192.0.2.9"));
    QCOMPARE(m.headerValues("X-THING"), (QList<QByteArrayView>{"one", "two"}));
    QVERIFY(!m.hasHeader("X-Other"));
    QCOMPARE(m.headers()[0].name, QByteArrayView("v")); // names kept as written
}

void tst_Message::defaultReasonPhrases()
{
    QCOMPARE(Message::defaultReason(202), QByteArrayView("Accepted"));
    QCOMPARE(Message::defaultReason(415), QByteArrayView("Unsupported Media Type"));
    QCOMPARE(Message::defaultReason(482), QByteArrayView("Loop Detected"));
    QCOMPARE(Message::response(513).reasonPhrase(), QByteArrayView("Message Too Large"));
    QCOMPARE(Message::response(299).reasonPhrase(), QByteArrayView(""));
    QCOMPARE(Message::response(404, "Nobody Here").reasonPhrase(), QByteArrayView("Nobody Here"));
}

QTEST_GUILESS_MAIN(tst_Message)
#include "tst_Message.moc"
