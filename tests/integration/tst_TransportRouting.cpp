// SPDX-License-Identifier: GPL-3.0-or-later
// Receiving and response routing against raw UDP sockets on loopback:
// received/rport stamping (RFC 3261 §18.2.1, RFC 3581 §4), where responses
// go (§18.2.2: rport, sent-by port, maddr), responses not for us dropped
// (§18.1.2), malformed messages handed up for a 400, and the SIP trace.

#include "Peer.h"
#include "message/Parser.h"

#include <QNetworkDatagram>
#include <QTest>
#include <QUdpSocket>

using namespace sip;
using namespace sip::test;

class tst_TransportRouting : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rfc3581_4_rportAndReceivedStampedAndUsed();
    void rfc3261_18_2_2_withoutRportToSentByPort();
    void rfc3261_18_2_1_receivedForHostName();
    void rfc3261_18_2_2_maddr();
    void rfc3261_18_1_2_responseForOtherSentByDropped();
    void rfc3261_18_3_malformedRequestGoesToInvalidHandler();
    void crlfDatagramIgnored();
    void traceSeesBothDirections();

private:
    // Bob's layer; every request gets a 200 straight from the receive handler.
    QByteArray request(const QByteArray &via, const QByteArray &extra = {}) const;
    QByteArray readDatagram(QUdpSocket &socket);
    Endpoint bobAt() const { return m_bob->localEndpoints().first(); }

    std::unique_ptr<TransportLayer> m_bob;
    QList<ReceivedMessage> m_received;
};

void tst_TransportRouting::init()
{
    m_received.clear();
    m_bob = std::make_unique<TransportLayer>();
    QVERIFY(m_bob->bind(TransportType::Udp, loopback(false), 0));
    m_bob->setReceiveHandler([this](const ReceivedMessage &r) {
        m_received.append(r);
        if (r.message.isRequest())
            m_bob->sendResponse(makeResponse(r.message, 200), r, {});
    });
}

void tst_TransportRouting::cleanup()
{
    m_bob.reset();
}

QByteArray tst_TransportRouting::request(const QByteArray &via, const QByteArray &extra) const
{
    return "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\nVia: " + via +
           "\r\nMax-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\n"
           "To: <sip:bob@127.0.0.1>\r\nCall-ID: route-1\r\nCSeq: 1 MESSAGE\r\n" +
           extra + "Content-Length: 0\r\n\r\n";
}

QByteArray tst_TransportRouting::readDatagram(QUdpSocket &socket)
{
    // Bob runs on this thread's event loop: spin it, never block.
    if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 3000))
        return {};
    return socket.receiveDatagram().data();
}

void tst_TransportRouting::rfc3581_4_rportAndReceivedStampedAndUsed()
{
    QUdpSocket client;
    QVERIFY(client.bind(loopback(false), 0));
    // The sent-by is an address behind a NAT; rport asks for symmetric routing.
    client.writeDatagram(request("SIP/2.0/UDP 192.0.2.1:5999;branch=z9hG4bKr1;rport"),
                         loopback(false), bobAt().port);
    const QByteArray wire = readDatagram(client);
    QVERIFY2(!wire.isEmpty(), "the response went somewhere else");
    const ParseResult r = Parser::parseDatagram(wire);
    QVERIFY(r.ok());
    QCOMPARE(r.message.statusCode(), 200);
    const Via &via = r.message.topVia();
    QCOMPARE(via.received(), QByteArrayView("127.0.0.1"));
    QCOMPARE(via.rport(), int(client.localPort()));
    QCOMPARE(via.host(), QByteArrayView("192.0.2.1"));
    QCOMPARE(via.branch(), QByteArrayView("z9hG4bKr1"));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received[0].remote.port, client.localPort());
}

void tst_TransportRouting::rfc3261_18_2_2_withoutRportToSentByPort()
{
    QUdpSocket sender;
    QUdpSocket listener;
    QVERIFY(sender.bind(loopback(false), 0));
    QVERIFY(listener.bind(loopback(false), 0));
    sender.writeDatagram(request("SIP/2.0/UDP 127.0.0.1:" +
                                 QByteArray::number(listener.localPort()) + ";branch=z9hG4bKr2"),
                         loopback(false), bobAt().port);
    const QByteArray wire = readDatagram(listener);
    QVERIFY2(!wire.isEmpty(), "no response at the sent-by port");
    QVERIFY(!sender.hasPendingDatagrams());
    // Sent-by equals the source address and no rport: nothing added.
    const Via &via = m_received.first().message.topVia();
    QVERIFY(!via.hasReceived());
    QVERIFY(!via.hasRport());
}

void tst_TransportRouting::rfc3261_18_2_1_receivedForHostName()
{
    QUdpSocket listener;
    QVERIFY(listener.bind(loopback(false), 0));
    listener.writeDatagram(request("SIP/2.0/UDP client.invalid:" +
                                   QByteArray::number(listener.localPort()) + ";branch=z9hG4bKr3"),
                           loopback(false), bobAt().port);
    const QByteArray wire = readDatagram(listener);
    QVERIFY2(!wire.isEmpty(), "no response");
    QCOMPARE(m_received.size(), 1);
    const Via &via = m_received.first().message.topVia();
    QCOMPARE(via.host(), QByteArrayView("client.invalid"));
    QCOMPARE(via.received(), QByteArrayView("127.0.0.1"));
    QVERIFY(!via.hasRport());
}

void tst_TransportRouting::rfc3261_18_2_2_maddr()
{
    QUdpSocket sender;
    QUdpSocket listener;
    QVERIFY(sender.bind(loopback(false), 0));
    QVERIFY(listener.bind(loopback(false), 0));
    sender.writeDatagram(
        request("SIP/2.0/UDP 192.0.2.1:" + QByteArray::number(listener.localPort()) +
                ";maddr=127.0.0.1;branch=z9hG4bKr4"),
        loopback(false), bobAt().port);
    QVERIFY2(!readDatagram(listener).isEmpty(), "no response at maddr:sent-by port");
    QVERIFY(!sender.hasPendingDatagrams());
}

void tst_TransportRouting::rfc3261_18_1_2_responseForOtherSentByDropped()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(loopback(false), 0));
    const auto response = [](const QByteArray &via) {
        return "SIP/2.0 200 OK\r\nVia: " + via +
               "\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>;tag=2\r\n"
               "Call-ID: stray\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
    };
    peer.writeDatagram(response("SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKs1"), loopback(false),
                       bobAt().port);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->stats().strayResponses, 1u, 3000);
    QVERIFY(m_received.isEmpty());
    // The same with Bob's own sent-by is delivered.
    peer.writeDatagram(response("SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(bobAt().port) +
                                ";branch=z9hG4bKs2;rport=" + QByteArray::number(bobAt().port) +
                                ";received=127.0.0.1"),
                       loopback(false), bobAt().port);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 1, 3000);
    QCOMPARE(m_received[0].message.statusCode(), 200);
    QCOMPARE(m_bob->stats().strayResponses, 1u);
}

void tst_TransportRouting::rfc3261_18_3_malformedRequestGoesToInvalidHandler()
{
    QUdpSocket client;
    QVERIFY(client.bind(loopback(false), 0));
    ParseResult seen;
    ReceivedMessage seenMeta;
    m_bob->setInvalidHandler([&](const ParseResult &r, const ReceivedMessage &meta) {
        seen = r;
        seenMeta = meta;
        if (r.error.respondable) {
            Message answer = Message::response(r.error.suggestedStatus(), r.error.reasonPhrase());
            for (QByteArrayView via : r.message.headerValues(HeaderId::Via))
                answer.addHeader("Via", via);
            answer.addHeader("From", r.message.header(HeaderId::From));
            answer.addHeader("To", r.message.header(HeaderId::To).toByteArray() + ";tag=x");
            answer.addHeader("Call-ID", r.message.callId());
            answer.addHeader("CSeq", r.message.header(HeaderId::CSeq));
            m_bob->sendResponse(answer, {r.message, meta.remote, meta.local, 0}, {});
        }
    });
    QByteArray bad = request("SIP/2.0/UDP 192.0.2.1:5999;branch=z9hG4bKbad;rport");
    bad.replace("Max-Forwards: 70", "Max-Forwards: seventy");
    client.writeDatagram(bad, loopback(false), bobAt().port);
    const QByteArray wire = readDatagram(client);
    QVERIFY2(wire.startsWith("SIP/2.0 400 "), wire.constData());
    QVERIFY(seen.error.isError());
    QVERIFY(seen.error.respondable);
    QVERIFY(!seenMeta.message.isValid());
    QCOMPARE(seenMeta.remote.port, client.localPort());
    QCOMPARE(seen.message.topVia().rport(), int(client.localPort()));
    QVERIFY(m_received.isEmpty());
    QCOMPARE(m_bob->stats().invalidMessages, 1u);
}

void tst_TransportRouting::crlfDatagramIgnored()
{
    int invalid = 0;
    m_bob->setInvalidHandler([&](const ParseResult &, const ReceivedMessage &) { ++invalid; });
    QUdpSocket client;
    QVERIFY(client.bind(loopback(false), 0));
    client.writeDatagram("\r\n\r\n", loopback(false), bobAt().port);
    client.writeDatagram(request("SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(client.localPort()) +
                                 ";branch=z9hG4bKk"),
                         loopback(false), bobAt().port);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 1, 3000);
    QCOMPARE(invalid, 0);
}

void tst_TransportRouting::traceSeesBothDirections()
{
    struct Line
    {
        bool outgoing;
        Endpoint local;
        Endpoint remote;
        QByteArray wire;
    };
    QList<Line> lines;
    m_bob->setTraceHandler(
        [&](bool out, const Endpoint &local, const Endpoint &remote, const QByteArray &wire) {
            lines.append({out, local, remote, wire});
        });
    QUdpSocket client;
    QVERIFY(client.bind(loopback(false), 0));
    const QByteArray sent = request(
        "SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(client.localPort()) + ";branch=z9hG4bKt");
    client.writeDatagram(sent, loopback(false), bobAt().port);
    QVERIFY(!readDatagram(client).isEmpty());
    QCOMPARE(lines.size(), 2);
    const Endpoint clientAt{TransportType::Udp, loopback(false), client.localPort()};
    QVERIFY(!lines[0].outgoing);
    QCOMPARE(lines[0].wire, sent);
    QCOMPARE(lines[0].remote, clientAt);
    QCOMPARE(lines[0].local, bobAt());
    QVERIFY(lines[1].outgoing);
    QVERIFY(lines[1].wire.startsWith("SIP/2.0 200 OK\r\n"));
    QCOMPARE(lines[1].remote, clientAt);
}

QTEST_MAIN(tst_TransportRouting)
#include "tst_TransportRouting.moc"
