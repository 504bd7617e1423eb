// SPDX-License-Identifier: GPL-3.0-or-later
// Where responses go, without sockets (RFC 3261 §18.2.2, RFC 3581 §4).

#include "message/Parser.h"
#include "transport/ResponseRoute.h"

#include <QTest>

using namespace sip;

Q_DECLARE_METATYPE(sip::TransportType)

class tst_ResponseRoute : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_18_2_2_route_data();
    void rfc3261_18_2_2_route();
    void noViaIsAnError();
};

void tst_ResponseRoute::rfc3261_18_2_2_route_data()
{
    QTest::addColumn<TransportType>("transport");
    QTest::addColumn<QByteArray>("via");
    QTest::addColumn<quint64>("connection");
    QTest::addColumn<QString>("address"); // expected target
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");
    const quint64 none = 0;
    // Source of every request: 10.0.0.7:40000.
    QTest::newRow("udp rport filled")
        << TransportType::Udp
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;rport=40000;received=10.0.0.7")
        << none << "10.0.0.7" << 40000 << QString();
    QTest::newRow("udp rport valueless: source port")
        << TransportType::Udp << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;rport")
        << none << "10.0.0.7" << 40000 << QString();
    QTest::newRow("udp no rport: received and sent-by port")
        << TransportType::Udp
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;received=10.0.0.7") << none
        << "10.0.0.7" << 5070 << QString();
    QTest::newRow("udp no port: 5060")
        << TransportType::Udp << QByteArray("SIP/2.0/UDP 10.0.0.7;branch=z9hG4bK1") << none
        << "10.0.0.7" << 5060 << QString();
    QTest::newRow("udp maddr")
        << TransportType::Udp
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;maddr=239.1.1.1;branch=z9hG4bK1;rport") << none
        << "239.1.1.1" << 5070 << QString();
    QTest::newRow("udp maddr name")
        << TransportType::Udp
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5070;maddr=mc.example;branch=z9hG4bK1") << none
        << QString() << 0 << "maddr mc.example of the top Via is not an IP address";
    QTest::newRow("tcp connection, then received:sent-by")
        << TransportType::Tcp
        << QByteArray("SIP/2.0/TCP 192.0.2.1:5070;branch=z9hG4bK1;rport=40000;received=10.0.0.7")
        << quint64(7) << "10.0.0.7" << 5070 << QString();
    QTest::newRow("tls default port 5061")
        << TransportType::Tls << QByteArray("SIP/2.0/TLS 10.0.0.7;branch=z9hG4bK1") << quint64(3)
        << "10.0.0.7" << 5061 << QString();
}

void tst_ResponseRoute::rfc3261_18_2_2_route()
{
    QFETCH(TransportType, transport);
    QFETCH(QByteArray, via);
    QFETCH(quint64, connection);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, error);
    const QByteArray wire = "MESSAGE sip:b@10.0.0.1 SIP/2.0\r\nVia: " + via +
                            "\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:b@y>\r\nCall-ID: c\r\n"
                            "CSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
    const ParseResult parsed = Parser::parseDatagram(wire);
    QVERIFY(parsed.ok());
    const ReceivedMessage request{parsed.message,
                                  {transport, QHostAddress("10.0.0.7"), 40000},
                                  {transport, QHostAddress("10.0.0.1"), 5060},
                                  connection};
    const ResponseRoute route = ResponseRoute::forRequest(request);
    QCOMPARE(route.error, error);
    if (!error.isEmpty())
        return;
    QCOMPARE(route.connection, connection);
    QCOMPARE(route.target.transport, transport);
    QCOMPARE(route.target.address, QHostAddress(address));
    QCOMPARE(route.target.port, quint16(port));
}

void tst_ResponseRoute::noViaIsAnError()
{
    const ResponseRoute route = ResponseRoute::forRequest({});
    QVERIFY(!route.ok());
}

QTEST_MAIN(tst_ResponseRoute)
#include "tst_ResponseRoute.moc"
