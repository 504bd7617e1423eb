// SPDX-License-Identifier: GPL-3.0-or-later
// Two TransportLayers on loopback, each under a TransactionLayer, exchange
// MESSAGE and 200 (RFC 3428 §4, §7) over UDP, TCP and TLS on IPv4 and IPv6;
// binds share ports; big requests go whole over TCP; a burst over UDP all
// arrives.

#include "Peer.h"
#include "TestCa.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace sip;
using namespace sip::test;

Q_DECLARE_METATYPE(sip::TransportType)

class tst_TransportExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc3261_18_messageAnd200_data();
    void rfc3261_18_messageAnd200();
    void bindSharesPortBetweenUdpAndTcp();
    void bindMovesUdpWhenTcpPortTaken();
    void bindFailureSaysWhy();
    void rfc3261_18_3_largeRequestOverTcpArrivesIntact();
    void rfc3261_18_1_1_oversizedUdpRequestRefused();
    void rfc3261_18_1_1_fitsUdp();
    void noTransportForFamily();
    void burstOf1000OverUdp();

private:
    TestCa m_ca;
    bool m_ipv6 = false;
};

void tst_TransportExchange::initTestCase()
{
    QVERIFY2(m_ca.generate(), qPrintable(m_ca.error()));
    m_ipv6 = hasIpv6Loopback();
}

void tst_TransportExchange::rfc3261_18_messageAnd200_data()
{
    QTest::addColumn<TransportType>("type");
    QTest::addColumn<bool>("v6");
    QTest::newRow("udp-ipv4") << TransportType::Udp << false;
    QTest::newRow("tcp-ipv4") << TransportType::Tcp << false;
    QTest::newRow("tls-ipv4") << TransportType::Tls << false;
    QTest::newRow("udp-ipv6") << TransportType::Udp << true;
    QTest::newRow("tcp-ipv6") << TransportType::Tcp << true;
    QTest::newRow("tls-ipv6") << TransportType::Tls << true;
}

void tst_TransportExchange::rfc3261_18_messageAnd200()
{
    QFETCH(TransportType, type);
    QFETCH(bool, v6);
    if (v6 && !m_ipv6)
        QSKIP("this machine has no IPv6 loopback (::1 cannot be bound)");

    Peer alice;
    Peer bob;
    if (type == TransportType::Tls) {
        // Bob is a TLS server; Alice is client-only and trusts the test CA.
        QString error;
        QVERIFY2(bob.transport.setTlsIdentity(m_ca.serverCertificate(), m_ca.serverKey(), &error),
                 qPrintable(error));
        alice.transport.addTrustedCa({m_ca.ca()});
    }
    QVERIFY(alice.bind(type, v6));
    QVERIFY(bob.bind(type, v6));
    const Endpoint bobAt = bob.endpoint(type, v6);
    QVERIFY(bobAt.isValid());
    if (type == TransportType::Tls)
        QCOMPARE(alice.endpoint(type, v6).port, quint16(0)); // client-only: no listener

    const int i = alice.sendMessage(bobAt, "Hello over " + transportName(type).toByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    QCOMPARE(alice.outcomes[i].failure, QString());
    QCOMPARE(alice.outcomes[i].status, 200);
    QCOMPARE(alice.outcomes[i].finals, 1);

    QCOMPARE(bob.requests.size(), 1);
    const ReceivedMessage &r = bob.requests.first();
    QCOMPARE(r.message.body(), "Hello over " + transportName(type).toByteArray());
    QCOMPARE(r.remote.transport, type);
    QCOMPARE(r.remote.address, loopback(v6));
    QCOMPARE(r.local, bobAt);
    QCOMPARE(r.connection != 0, isReliable(type));
    // §18.1.1: the Via names the transport and Alice's address and port;
    // RFC 3581 §4: Bob filled rport with the source port and added received.
    const Via &via = r.message.topVia();
    QCOMPARE(via.transport(), transportName(type));
    QCOMPARE(via.host(), viaHost(loopback(v6)));
    const quint16 expectedPort = type == TransportType::Tls
                                     ? alice.transport.connections().first().local.port
                                     : alice.endpoint(type, v6).port;
    QCOMPARE(via.port(), int(expectedPort));
    QCOMPARE(via.rport(), int(r.remote.port));
    QCOMPARE(viaAddress(via.received()), loopback(v6));
    QVERIFY(via.isRfc3261Branch());

    // The 200 came back to Alice the same way.
    QCOMPARE(alice.received.size(), 1);
    QCOMPARE(alice.received.first().message.statusCode(), 200);
    QCOMPARE(alice.received.first().remote.transport, type);
    if (isReliable(type)) {
        QCOMPARE(alice.transport.connectionCount(), 1);
        QCOMPARE(bob.transport.connectionCount(), 1);
        QCOMPARE(alice.transport.stats().connectionsOpened, 1u);
        QCOMPARE(bob.transport.stats().connectionsAccepted, 1u);
        QCOMPARE(bob.transport.stats().connectionsOpened, 0u);
    }
}

void tst_TransportExchange::bindSharesPortBetweenUdpAndTcp()
{
    TransportLayer layer;
    QString error;
    QVERIFY2(layer.bind(TransportType::Udp, loopback(false), 0, &error), qPrintable(error));
    QVERIFY2(layer.bind(TransportType::Tcp, loopback(false), 0, &error), qPrintable(error));
    QVERIFY2(layer.bind(TransportType::Tls, loopback(false), 0, &error), qPrintable(error));
    if (m_ipv6) {
        QVERIFY2(layer.bind(TransportType::Tcp, loopback(true), 0, &error), qPrintable(error));
        QVERIFY2(layer.bind(TransportType::Udp, loopback(true), 0, &error), qPrintable(error));
    }
    const QList<Endpoint> eps = layer.localEndpoints();
    QCOMPARE(eps.size(), m_ipv6 ? 5 : 3);
    QCOMPARE(eps[0].transport, TransportType::Udp);
    QCOMPARE(eps[1].transport, TransportType::Tcp);
    QVERIFY(eps[0].port != 0);
    QCOMPARE(eps[1].port, eps[0].port);
    QCOMPARE(eps[2].port, quint16(0)); // TLS without identity: client-only
    if (m_ipv6) {
        QVERIFY(eps[3].port != 0);
        QCOMPARE(eps[4].port, eps[3].port);
        QCOMPARE(eps[3].address, loopback(true));
    }
}

void tst_TransportExchange::bindMovesUdpWhenTcpPortTaken()
{
    TransportLayer layer;
    QVERIFY(layer.bind(TransportType::Udp, loopback(false), 0));
    const quint16 first = layer.localEndpoints().first().port;
    // Someone else takes TCP on that port before the TCP bind.
    QTcpServer squatter;
    QVERIFY(squatter.listen(loopback(false), first));
    QString error;
    QVERIFY2(layer.bind(TransportType::Tcp, loopback(false), 0, &error), qPrintable(error));
    const QList<Endpoint> eps = layer.localEndpoints();
    QVERIFY(eps[0].port != first);
    QCOMPARE(eps[1].port, eps[0].port);
}

void tst_TransportExchange::bindFailureSaysWhy()
{
    QUdpSocket holder;
    QVERIFY(holder.bind(loopback(false), 0, QAbstractSocket::DontShareAddress));
    TransportLayer layer;
    QString error;
    QVERIFY(!layer.bind(TransportType::Udp, loopback(false), holder.localPort(), &error));
    QVERIFY2(
        error.startsWith(QStringLiteral("cannot bind udp:127.0.0.1:%1: ").arg(holder.localPort())),
        qPrintable(error));
    QVERIFY(layer.localEndpoints().isEmpty());
}

void tst_TransportExchange::rfc3261_18_3_largeRequestOverTcpArrivesIntact()
{
    Peer alice;
    Peer bob;
    QVERIFY(alice.bind(TransportType::Tcp));
    QVERIFY(bob.bind(TransportType::Tcp));
    QByteArray body;
    for (int i = 0; body.size() < 5000; ++i)
        body += QByteArray::number(i % 10);
    body.truncate(5000);
    QVERIFY(!TransportLayer::fitsUdp(
        makeMessage(bob.endpoint(TransportType::Tcp), body).toWire().size()));
    const int i = alice.sendMessage(bob.endpoint(TransportType::Tcp), body);
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    QCOMPARE(alice.outcomes[i].status, 200);
    QCOMPARE(bob.requests.size(), 1);
    QCOMPARE(bob.requests.first().message.body().size(), 5000);
    QCOMPARE(bob.requests.first().message.body(), body);
    QCOMPARE(bob.requests.first().message.contentLength(), 5000);
}

void tst_TransportExchange::rfc3261_18_1_1_oversizedUdpRequestRefused()
{
    Peer alice;
    QVERIFY(alice.bind(TransportType::Udp));
    const int i =
        alice.sendMessage({TransportType::Udp, loopback(false), 9}, QByteArray(70000, 'x'));
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 5000);
    QVERIFY2(alice.outcomes[i].failure.contains(QLatin1String("too large for UDP")),
             qPrintable(alice.outcomes[i].failure));
    QCOMPARE(alice.transport.stats().messagesSent, 0u);
}

void tst_TransportExchange::rfc3261_18_1_1_fitsUdp()
{
    QVERIFY(TransportLayer::fitsUdp(1300));
    QVERIFY(!TransportLayer::fitsUdp(1301));
}

void tst_TransportExchange::noTransportForFamily()
{
    TransportLayer layer;
    QVERIFY(layer.bind(TransportType::Udp, loopback(false), 0));
    QStringList errors;
    layer.sendRequest(makeMessage({TransportType::Udp, loopback(true), 5060}),
                      {TransportType::Udp, loopback(true), 5060},
                      [&](const QString &why) { errors << why; });
    layer.sendRequest(makeMessage({TransportType::Tcp, loopback(false), 5060}),
                      {TransportType::Tcp, loopback(false), 5060},
                      [&](const QString &why) { errors << why; });
    QVERIFY(errors.isEmpty()); // reported from the event loop, not inside the call
    QTRY_COMPARE(errors.size(), 2);
    QCOMPARE(errors[0], QStringLiteral("no udp transport bound for IPv6"));
    QCOMPARE(errors[1], QStringLiteral("no tcp transport bound for IPv4"));
}

void tst_TransportExchange::burstOf1000OverUdp()
{
    constexpr int kCount = 1000;
    // RFC 3261 default timers (T1 = 500 ms): the burst itself, not Timer E,
    // is what is measured; a datagram the kernel dropped is still recovered.
    Peer alice({}, TimerValues());
    Peer bob({}, TimerValues());
    QVERIFY(alice.bind(TransportType::Udp));
    QVERIFY(bob.bind(TransportType::Udp));
    const Endpoint bobAt = bob.endpoint(TransportType::Udp);
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < kCount; ++n)
        alice.sendMessage(bobAt, "burst " + QByteArray::number(n));
    const qint64 sendLoop = timer.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), kCount, 20000);
    const qint64 elapsed = timer.elapsed();

    int ok = 0;
    for (const Peer::Outcome &o : alice.outcomes) {
        QCOMPARE(o.finals, 1);
        ok += o.status == 200 ? 1 : 0;
    }
    QCOMPARE(ok, kCount);
    // Each MESSAGE reached Bob's TU exactly once (retransmissions absorbed).
    QCOMPARE(bob.requests.size(), kCount);
    QSet<QByteArray> bodies;
    for (const ReceivedMessage &r : bob.requests)
        bodies.insert(r.message.body().toByteArray());
    QCOMPARE(bodies.size(), kCount);
    const quint64 retransmitted = bob.transport.stats().messagesReceived - kCount;
    qInfo("burst of %d MESSAGEs over UDP: sent in %lld ms, all answered after %lld ms, "
          "%llu request retransmissions reached Bob",
          kCount, sendLoop, elapsed, static_cast<unsigned long long>(retransmitted));
}

QTEST_MAIN(tst_TransportExchange)
#include "tst_TransportExchange.moc"
