// SPDX-License-Identifier: GPL-3.0-or-later
// The Via rewriting of the transport layer, without sockets: sent-by of
// outgoing requests (RFC 3261 §18.1.1, RFC 3581 §3) and received/rport of
// incoming ones (RFC 3261 §18.2.1, RFC 3581 §4).

#include "message/Parser.h"
#include "transport/HostAddress.h"
#include "transport/ViaStamp.h"

#include <QTest>

using namespace sip;

namespace {

Message withVia(const QByteArray &via, const QByteArray &more = {})
{
    QByteArray w = "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\nVia: " + via + "\r\n" + more +
                   "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:b@127.0.0.1>\r\n"
                   "Call-ID: v1\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
    ParseResult r = Parser::parseDatagram(w);
    if (!r.ok())
        qFatal("fixture does not parse: %s", r.error.reasonPhrase().constData());
    return r.message;
}

} // namespace

class tst_ViaStamp : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_18_1_1_sentByRewritten_data();
    void rfc3261_18_1_1_sentByRewritten();
    void rfc3261_18_2_1_receivedAndRport_data();
    void rfc3261_18_2_1_receivedAndRport();
    void lowerViasKept();
    void viaHostSpelling();
};

void tst_ViaStamp::rfc3261_18_1_1_sentByRewritten_data()
{
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unspecified 0.0.0.0")
        << QByteArray("SIP/2.0/UDP 0.0.0.0;branch=z9hG4bK1") << 1 << "127.0.0.1" << 5070
        << QByteArray("SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK1;rport");
    QTest::newRow("rport kept valueless")
        << QByteArray("SIP/2.0/UDP h:1;rport=4;branch=z9hG4bK2;received=1.2.3.4;x=y") << 0 << "::1"
        << 5080 << QByteArray("SIP/2.0/UDP [::1]:5080;rport;branch=z9hG4bK2;x=y");
    QTest::newRow("tls") << QByteArray("SIP/2.0/UDP a.example.org;branch=z9hG4bK3;rport") << 2
                         << "10.0.0.1" << 5061
                         << QByteArray("SIP/2.0/TLS 10.0.0.1:5061;branch=z9hG4bK3;rport");
}

void tst_ViaStamp::rfc3261_18_1_1_sentByRewritten()
{
    QFETCH(QByteArray, via);
    QFETCH(int, transport);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QByteArray, expected);
    Message m = withVia(via);
    QVERIFY(stampSentBy(m, TransportType(transport), QHostAddress(address), quint16(port)));
    QCOMPARE(m.header(HeaderId::Via), expected);
    QCOMPARE(m.vias().size(), 1);
}

void tst_ViaStamp::rfc3261_18_2_1_receivedAndRport_data()
{
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("expected"); // empty: unchanged
    QTest::newRow("same address, no rport")
        << QByteArray("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1") << "127.0.0.1" << QByteArray();
    QTest::newRow("other address")
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1") << "127.0.0.1"
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;received=127.0.0.1");
    QTest::newRow("host name")
        << QByteArray("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1") << "127.0.0.1"
        << QByteArray("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1;received=127.0.0.1");
    // RFC 3581 §4: rport filled, received added even though it is the same.
    QTest::newRow("rport, same address")
        << QByteArray("SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK1") << "127.0.0.1"
        << QByteArray("SIP/2.0/UDP 127.0.0.1:5070;rport=40000;branch=z9hG4bK1;received=127.0.0.1");
    QTest::newRow("stale received replaced")
        << QByteArray("SIP/2.0/UDP 192.0.2.1;received=10.1.1.1;branch=z9hG4bK1") << "127.0.0.1"
        << QByteArray("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1;received=127.0.0.1");
    QTest::newRow("ipv6 source")
        << QByteArray("SIP/2.0/TCP [2001:db8::9]:5060;branch=z9hG4bK1;rport") << "::1"
        << QByteArray("SIP/2.0/TCP [2001:db8::9]:5060;branch=z9hG4bK1;rport=40000;received=::1");
    QTest::newRow("ipv4-mapped source") << QByteArray("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1")
                                        << "::ffff:127.0.0.1" << QByteArray();
}

void tst_ViaStamp::rfc3261_18_2_1_receivedAndRport()
{
    QFETCH(QByteArray, via);
    QFETCH(QString, source);
    QFETCH(QByteArray, expected);
    Message m = withVia(via);
    const bool changed = stampReceived(m, QHostAddress(source), 40000);
    QCOMPARE(changed, !expected.isEmpty());
    QCOMPARE(m.header(HeaderId::Via), expected.isEmpty() ? via : expected);
    // What was written parses back (the message stays consistent).
    QVERIFY(Parser::parseDatagram(m.toWire()).ok());
}

void tst_ViaStamp::lowerViasKept()
{
    Message m = withVia("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKtop, SIP/2.0/TCP p1.example;branch="
                        "z9hG4bKp1",
                        "Via: SIP/2.0/UDP p2.example;branch=z9hG4bKp2\r\n");
    QCOMPARE(m.vias().size(), 3);
    QVERIFY(stampReceived(m, QHostAddress("127.0.0.1"), 1));
    QCOMPARE(m.vias().size(), 3);
    QCOMPARE(m.vias()[0].received(), QByteArrayView("127.0.0.1"));
    QCOMPARE(m.vias()[1].branch(), QByteArrayView("z9hG4bKp1"));
    QCOMPARE(m.vias()[2].branch(), QByteArrayView("z9hG4bKp2"));
    QCOMPARE(m.vias()[2].host(), QByteArrayView("p2.example"));
}

void tst_ViaStamp::viaHostSpelling()
{
    QCOMPARE(viaHost(QHostAddress("127.0.0.1")), QByteArray("127.0.0.1"));
    QCOMPARE(viaHost(QHostAddress("::1")), QByteArray("[::1]"));
    QCOMPARE(viaHost(QHostAddress("::ffff:10.0.0.1")), QByteArray("10.0.0.1"));
    // Every octet width, the first and last addresses.
    for (const char *ip : {"0.0.0.0", "255.255.255.255", "192.0.2.10", "10.100.9.99", "1.20.203.4"})
        QCOMPARE(viaHost(QHostAddress(QString::fromLatin1(ip))), QByteArray(ip));
    QCOMPARE(viaAddress("[::1]"), QHostAddress("::1"));
    QCOMPARE(viaAddress("::1"), QHostAddress("::1"));
    QVERIFY(viaAddress("example.com").isNull());
}

QTEST_MAIN(tst_ViaStamp)
#include "tst_ViaStamp.moc"
