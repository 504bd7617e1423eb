// SPDX-License-Identifier: GPL-3.0-or-later
// The UAS rules of RFC 3261 §8.2 and MESSAGE reception (RFC 3428 §7), over
// the real transaction layer on a manual clock and a fake transport.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "../transaction/TransactionFixtures.h"
#include "ua/CharsetDecoder.h"
#include "ua/UserAgent.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

struct Harness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    TransactionLayer layer{clock, transport};
    SeededRandom random{7};
    UserAgent ua{layer, transport, random, config()};
    QList<IncomingMessage> delivered;
    bool autoAnswer = true;

    static UserAgent::Config config()
    {
        UserAgent::Config c;
        c.users = {"bob"};
        return c;
    }
    Harness()
    {
        layer.setRequestHandler([this](quint64 id, const ReceivedMessage &r, bool merged) {
            ua.handleRequest(id, r, merged);
        });
        ua.setMessageHandler([this](const IncomingMessage &m) {
            delivered << m;
            if (autoAnswer)
                ua.answer(m.serverId, 200);
        });
    }
    void inject(const QByteArray &wire)
    {
        ParseResult r = Parser::parseDatagram(wire);
        ReceivedMessage meta{
            {}, endpoint(TransportType::Udp, 5070), endpoint(TransportType::Udp, 5060), 0};
        if (!r.ok()) {
            ua.handleMalformed(r, meta);
            return;
        }
        meta.message = r.message;
        layer.receive(meta);
    }
    Message lastResponse() const
    {
        return transport.sent.isEmpty() ? Message() : parseOrDie(transport.sent.back().wire);
    }
};

// A request to bob with the given method, extra header lines and body.
QByteArray req(QByteArrayView method, const QByteArray &extra = {}, const QByteArray &body = {},
               QByteArrayView ruri = "sip:bob@127.0.0.1", QByteArrayView branch = "z9hG4bKua1")
{
    return method.toByteArray() + ' ' + ruri.toByteArray() +
           " SIP/2.0\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=" +
           branch.toByteArray() +
           ";rport\r\n"
           "Max-Forwards: 70\r\n"
           "From: \"Alice\" <sip:alice@127.0.0.1>;tag=af\r\n"
           "To: <sip:bob@127.0.0.1>\r\n"
           "Call-ID: ua-call\r\n"
           "CSeq: 1 " +
           method.toByteArray() + "\r\n" + extra +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class tst_UserAgent : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_8_2_rejections_data();
    void rfc3261_8_2_rejections();
    void rfc3261_8_2_2_2_mergedRequestGets482();
    void rfc3261_9_2_cancel();
    void rfc3261_11_2_optionsAnswered();
    void rfc3261_17_1_1_3_ackNeverAnswered();
    void rfc3261_8_2_6_responseCopiesHeadersAndAddsToTag();
    void rfc3428_7_messageDecodedByCharset_data();
    void rfc3428_7_messageDecodedByCharset();
    void rfc3428_7_answerWaitsForTheHandler();
    void rfc3261_8_2_malformedGetsStateless400();
    void rfc3261_18_3_udpWithoutContentLength();
};

void tst_UserAgent::rfc3261_8_2_rejections_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addRow("§8.2.1 INVITE: 405 with Allow") << req("INVITE") << 405 << QByteArray("Allow")
                                                   << QByteArray("MESSAGE, OPTIONS, CANCEL, ACK");
    QTest::addRow("§8.2.1 unknown method: 405") << req("FROBNICATE") << 405 << QByteArray("Allow")
                                                << QByteArray("MESSAGE, OPTIONS, CANCEL, ACK");
    QTest::addRow("§8.2.2.1 tel Request-URI: 416")
        << req("MESSAGE", "Content-Type: text/plain\r\n", "x", "tel:+15551234") << 416
        << QByteArray() << QByteArray();
    QTest::addRow("§8.2.2.1 im Request-URI: 416")
        << req("MESSAGE", "Content-Type: text/plain\r\n", "x", "im:bob@example.org") << 416
        << QByteArray() << QByteArray();
    QTest::addRow("§8.2.2.1 other user: 404")
        << req("MESSAGE", "Content-Type: text/plain\r\n", "x", "sip:carol@127.0.0.1") << 404
        << QByteArray() << QByteArray();
    QTest::addRow("§8.2.2.3 unknown Require: 420 with Unsupported")
        << req("MESSAGE", "Require: foo, bar\r\nContent-Type: text/plain\r\n", "x") << 420
        << QByteArray("Unsupported") << QByteArray("foo, bar");
    QTest::addRow("§12.2.2 To tag without dialog: 481")
        << req("MESSAGE", "Content-Type: text/plain\r\n", "x")
               .replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=x")
        << 481 << QByteArray() << QByteArray();
    QTest::addRow("RFC 3428 §7 no Content-Type: 400")
        << req("MESSAGE", {}, "hello") << 400 << QByteArray() << QByteArray();
    QTest::addRow("§8.2.3 unsupported type: 415 with Accept")
        << req("MESSAGE", "Content-Type: application/octet-stream\r\n", "x") << 415
        << QByteArray("Accept") << QByteArray("text/plain");
    QTest::addRow("§8.2.3 unknown charset: 415 with Accept")
        << req("MESSAGE", "Content-Type: text/plain;charset=x-klingon\r\n", "x") << 415
        << QByteArray("Accept") << QByteArray("text/plain");
    QTest::addRow("§8.2.3 gzip encoding: 415 with Accept-Encoding")
        << req("MESSAGE", "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n", "x") << 415
        << QByteArray("Accept-Encoding") << QByteArray("identity");
}

void tst_UserAgent::rfc3261_8_2_rejections()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, headerValue);
    Harness h;
    h.inject(wire);
    QCOMPARE(h.transport.sent.size(), 1);
    const Message r = h.lastResponse();
    QCOMPARE(r.statusCode(), status);
    if (!header.isEmpty())
        QCOMPARE(r.header(header), QByteArrayView(headerValue));
    QVERIFY(h.delivered.isEmpty());
}

void tst_UserAgent::rfc3261_8_2_2_2_mergedRequestGets482()
{
    Harness h;
    h.autoAnswer = false; // the first copy is still being processed
    const QByteArray body = "once";
    h.inject(
        req("MESSAGE", "Content-Type: text/plain\r\n", body, "sip:bob@127.0.0.1", "z9hG4bKb1"));
    h.inject(
        req("MESSAGE", "Content-Type: text/plain\r\n", body, "sip:bob@127.0.0.1", "z9hG4bKb2"));
    QCOMPARE(h.delivered.size(), 1); // never delivered twice
    QCOMPARE(h.transport.sent.size(), 1);
    QCOMPARE(h.lastResponse().statusCode(), 482);
    h.ua.answer(h.delivered[0].serverId, 200);
    QCOMPARE(h.lastResponse().statusCode(), 200);
}

void tst_UserAgent::rfc3261_9_2_cancel()
{
    Harness h;
    h.autoAnswer = false;
    h.inject(req("MESSAGE", "Content-Type: text/plain\r\n", "x", "sip:bob@127.0.0.1", "z9hG4bKcx"));
    h.inject(req("CANCEL", {}, {}, "sip:bob@127.0.0.1", "z9hG4bKcx"));
    QCOMPARE(h.lastResponse().statusCode(), 200);
    QCOMPARE(h.lastResponse().cseq().method(), QByteArrayView("CANCEL"));
    h.inject(req("CANCEL", {}, {}, "sip:bob@127.0.0.1", "z9hG4bKnothing")
                 .replace("Call-ID: ua-call", "Call-ID: never-seen"));
    QCOMPARE(h.lastResponse().statusCode(), 481);
}

void tst_UserAgent::rfc3261_11_2_optionsAnswered()
{
    Harness h;
    h.inject(req("OPTIONS"));
    const Message r = h.lastResponse();
    QCOMPARE(r.statusCode(), 200);
    QVERIFY(r.allow()->contains("MESSAGE"));
    QCOMPARE(r.accept()->size(), 1);
    QVERIFY(r.hasHeader("Supported"));
}

void tst_UserAgent::rfc3261_17_1_1_3_ackNeverAnswered()
{
    Harness h;
    h.inject(req("ACK").replace("To: <sip:bob@127.0.0.1>", "To: <sip:bob@127.0.0.1>;tag=t"));
    QVERIFY(h.transport.sent.isEmpty());
}

void tst_UserAgent::rfc3261_8_2_6_responseCopiesHeadersAndAddsToTag()
{
    Harness h;
    const QByteArray wire = req("MESSAGE", "Content-Type: text/plain\r\n", "hi");
    h.inject(wire);
    const Message request = parseOrDie(wire);
    const Message r = h.lastResponse();
    QCOMPARE(r.statusCode(), 200);
    QCOMPARE(r.header(HeaderId::Via), request.header(HeaderId::Via));
    QCOMPARE(r.header(HeaderId::From), request.header(HeaderId::From));
    QCOMPARE(r.callId(), request.callId());
    QCOMPARE(r.header(HeaderId::CSeq), request.header(HeaderId::CSeq));
    QVERIFY(r.to().hasTag());
    QVERIFY(r.to().uri().equivalentTo(request.to().uri()));
    QVERIFY(r.body().isEmpty()); // RFC 3428 §7: 200 without a body
    // A retransmission gets the very same response (same To tag).
    h.inject(wire);
    QCOMPARE(h.transport.sent.size(), 2);
    QCOMPARE(h.transport.sent[1].wire, h.transport.sent[0].wire);
    QCOMPARE(h.delivered.size(), 1);
}

void tst_UserAgent::rfc3428_7_messageDecodedByCharset_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addRow("UTF-8") << QByteArray("text/plain;charset=UTF-8")
                           << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                         "e \xf0\x9f\x91\x8b")
                           << QStringLiteral("Grüße 👋");
    QTest::addRow("no charset means UTF-8")
        << QByteArray("text/plain") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
    QTest::addRow("invalid UTF-8 becomes U+FFFD") << QByteArray("text/plain;charset=utf-8")
                                                  << QByteArray("a\xff"
                                                                "b")
                                                  << QStringLiteral("a\uFFFDb");
    QTest::addRow("ISO-8859-1") << QByteArray("text/plain; charset=\"ISO-8859-1\"")
                                << QByteArray("Gr\xfc\xdf"
                                              "e")
                                << QStringLiteral("Grüße");
    QTest::addRow("US-ASCII with a stray byte")
        << QByteArray("text/plain;charset=us-ascii") << QByteArray("ok\xe9!")
        << QStringLiteral("ok\uFFFD!");
    QTest::addRow("UTF-16 with BOM (LE)")
        << QByteArray("text/plain;charset=utf-16") << QByteArray("\xff\xfeH\0i\0", 6)
        << QStringLiteral("Hi");
    QTest::addRow("UTF-16BE") << QByteArray("text/plain;charset=UTF-16BE")
                              << QByteArray("\0H\0\xe9", 4) << QStringLiteral("Hé");
    QTest::addRow("windows-1252 through iconv") << QByteArray("text/plain;charset=windows-1252")
                                                << QByteArray("\x80 5") << QStringLiteral("€ 5");
    QTest::addRow("KOI8-R through iconv")
        << QByteArray("text/plain;charset=KOI8-R") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4")
        << QStringLiteral("Привет");
    QTest::addRow("Shift_JIS through iconv")
        << QByteArray("text/plain;charset=Shift_JIS") << QByteArray("\x82\xb1\x82\xf1")
        << QStringLiteral("こん");
}

void tst_UserAgent::rfc3428_7_messageDecodedByCharset()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    Harness h;
    h.inject(req("MESSAGE", "Content-Type: " + contentType + "\r\n", body));
    QCOMPARE(h.delivered.size(), 1);
    QCOMPARE(h.delivered[0].text, text);
    QCOMPARE(h.delivered[0].contentType, QByteArray("text/plain"));
    QCOMPARE(h.lastResponse().statusCode(), 200);
}

void tst_UserAgent::rfc3428_7_answerWaitsForTheHandler()
{
    Harness h;
    h.autoAnswer = false;
    h.inject(req("MESSAGE", "Content-Type: text/plain\r\n", "store me"));
    QVERIFY(h.transport.sent.isEmpty()); // nothing until the store says so
    h.ua.answer(h.delivered[0].serverId, 500, "Disk full", {{"Retry-After", "30"}});
    QCOMPARE(h.lastResponse().statusCode(), 500);
    QCOMPARE(h.lastResponse().reasonPhrase(), QByteArrayView("Disk full"));
    QCOMPARE(h.lastResponse().header("Retry-After"), QByteArrayView("30"));
    h.ua.answer(h.delivered[0].serverId, 200); // a second answer is ignored
    QCOMPARE(h.transport.sent.size(), 1);
}

void tst_UserAgent::rfc3261_8_2_malformedGetsStateless400()
{
    Harness h;
    h.inject(req("MESSAGE", "Content-Type: text/plain\r\n", "x")
                 .replace("CSeq: 1 MESSAGE", "CSeq: 1 OPTIONS"));
    QCOMPARE(h.transport.sent.size(), 1);
    const Message r = h.lastResponse();
    QCOMPARE(r.statusCode(), 400);
    QCOMPARE(r.reasonPhrase(), QByteArrayView("CSeq method does not match the request method"));
    // Without the headers a response needs, nothing can be sent.
    QByteArray noVia = req("MESSAGE");
    noVia.replace("Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKua1;rport\r\n", "");
    h.inject(noVia);
    QCOMPARE(h.transport.sent.size(), 1);
    // A body shorter than Content-Length (§18.3) gets 400 too.
    QByteArray shortBody = req("MESSAGE", "Content-Type: text/plain\r\n", "0123456789");
    shortBody.chop(4);
    h.inject(shortBody);
    QCOMPARE(h.lastResponse().statusCode(), 400);
    QCOMPARE(h.lastResponse().reasonPhrase(), QByteArrayView("Body shorter than Content-Length"));
}

void tst_UserAgent::rfc3261_18_3_udpWithoutContentLength()
{
    Harness h;
    QByteArray wire = req("MESSAGE", "Content-Type: text/plain\r\n", "to the end");
    wire.replace("Content-Length: 10\r\n", "");
    h.inject(wire);
    QCOMPARE(h.delivered.size(), 1);
    QCOMPARE(h.delivered[0].text, QStringLiteral("to the end"));
}

QTEST_GUILESS_MAIN(tst_UserAgent)
#include "tst_UserAgent.moc"
