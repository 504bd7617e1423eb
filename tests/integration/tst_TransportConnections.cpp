// SPDX-License-Identifier: GPL-3.0-or-later
// TCP connection management of the TransportLayer: reuse in both directions
// (RFC 3261 §18.1, §18.2.2), a new connection for a response when the
// request's has closed, CRLF keep-alive (RFC 5626 §4.4.1), idle timeout,
// connect failures reported once per message, the connection cap, and
// closing an unframeable stream (§18.3).

#include "Peer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace sip;
using namespace sip::test;

class tst_TransportConnections : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_18_2_2_responseReusesConnection();
    void rfc3261_18_1_requestReusesPeerOpenedConnection();
    void rfc3261_18_2_2_responseOpensNewConnectionWhenClosed();
    void rfc5626_4_4_1_crlfPingAnsweredWithPong();
    void idleConnectionsClose();
    void rfc3261_17_1_4_connectFailureReportedOncePerMessage();
    void connectionCapRefusesExtraConnections();
    void rfc3261_18_3_unframeableStreamClosesAfter400();
};

// Alice and Bob over TCP on 127.0.0.1.
struct TcpPair
{
    explicit TcpPair(const TransportOptions &options = {})
        : alice(options)
        , bob(options)
    {}
    bool bind() { return alice.bind(TransportType::Tcp) && bob.bind(TransportType::Tcp); }
    Peer alice;
    Peer bob;
};

void tst_TransportConnections::rfc3261_18_2_2_responseReusesConnection()
{
    TcpPair p;
    QVERIFY(p.bind());
    const Endpoint bobAt = p.bob.endpoint(TransportType::Tcp);
    p.alice.sendMessage(bobAt, "first");
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 1, 5000);
    QCOMPARE(p.alice.outcomes[0].status, 200);

    QCOMPARE(p.alice.transport.connectionCount(), 1);
    QCOMPARE(p.bob.transport.connectionCount(), 1);
    const ConnectionInfo mine = p.alice.transport.connections().first();
    const ConnectionInfo theirs = p.bob.transport.connections().first();
    QVERIFY(mine.outgoing);
    QVERIFY(!theirs.outgoing);
    QCOMPARE(mine.remote, bobAt);
    QCOMPARE(theirs.remote.port, mine.local.port);
    // The request came in on Bob's connection; the 200 went back on it.
    QCOMPARE(p.bob.requests[0].connection, theirs.id);
    QCOMPARE(p.alice.received[0].connection, mine.id);

    // A second request to Bob reuses the same connection.
    p.alice.sendMessage(bobAt, "second");
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 2, 5000);
    QCOMPARE(p.alice.outcomes[1].status, 200);
    QCOMPARE(p.bob.requests[1].connection, theirs.id);
    QCOMPARE(p.alice.received[1].connection, mine.id);
    QCOMPARE(p.alice.transport.connectionCount(), 1);
    QCOMPARE(p.bob.transport.connectionCount(), 1);
    QCOMPARE(p.alice.transport.stats().connectionsOpened, 1u);
    QCOMPARE(p.alice.transport.stats().connectionsAccepted, 0u);
    QCOMPARE(p.bob.transport.stats().connectionsAccepted, 1u);
    QCOMPARE(p.bob.transport.stats().connectionsOpened, 0u);
}

void tst_TransportConnections::rfc3261_18_1_requestReusesPeerOpenedConnection()
{
    TcpPair p;
    QVERIFY(p.bind());
    p.alice.sendMessage(p.bob.endpoint(TransportType::Tcp), "hello");
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 1, 5000);

    // Bob sends a request back to where Alice's request came from: the flow
    // Alice opened carries it, no new connection.
    const Endpoint aliceFlow = p.bob.requests[0].remote;
    p.bob.sendMessage(aliceFlow, "back at you");
    QTRY_COMPARE_WITH_TIMEOUT(p.bob.finished(), 1, 5000);
    QCOMPARE(p.bob.outcomes[0].status, 200);
    QCOMPARE(p.alice.requests.size(), 1);
    QCOMPARE(p.alice.requests[0].message.body(), QByteArrayView("back at you"));
    QCOMPARE(p.alice.requests[0].connection, p.alice.transport.connections().first().id);
    QCOMPARE(p.bob.transport.stats().connectionsOpened, 0u);
    QCOMPARE(p.alice.transport.stats().connectionsAccepted, 0u);
    QCOMPARE(p.alice.transport.connectionCount(), 1);
    QCOMPARE(p.bob.transport.connectionCount(), 1);
}

void tst_TransportConnections::rfc3261_18_2_2_responseOpensNewConnectionWhenClosed()
{
    TcpPair p;
    QVERIFY(p.bind());
    // Bob's TU closes the request's connection before answering: the 200 must
    // go on a new connection to the Via received address and sent-by port
    // (Alice's listening port).
    p.bob.answerStatus = 0;
    quint64 serverId = 0;
    p.bob.onRequest = [&](quint64 id, const ReceivedMessage &r) {
        serverId = id;
        QVERIFY(p.bob.transport.closeConnection(r.connection));
    };
    p.alice.sendMessage(p.bob.endpoint(TransportType::Tcp));
    QTRY_VERIFY_WITH_TIMEOUT(serverId != 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.transport.connectionCount(), 0, 5000);
    QVERIFY(p.bob.transactions.respond(serverId, makeResponse(p.bob.requests[0].message, 200)));

    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 1, 5000);
    QCOMPARE(p.alice.outcomes[0].status, 200);
    QCOMPARE(p.bob.transport.stats().connectionsOpened, 1u);
    QCOMPARE(p.alice.transport.stats().connectionsAccepted, 1u);
    const ConnectionInfo c = p.bob.transport.connections().first();
    QCOMPARE(c.remote, p.alice.endpoint(TransportType::Tcp));
}

void tst_TransportConnections::rfc5626_4_4_1_crlfPingAnsweredWithPong()
{
    Peer bob;
    QVERIFY(bob.bind(TransportType::Tcp));
    QTcpSocket client;
    client.connectToHost(loopback(false), bob.endpoint(TransportType::Tcp).port);
    QVERIFY(client.waitForConnected(5000));
    client.write("\r\n\r\n");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += client.readAll()).size() >= 2, 5000);
    QCOMPARE(got, QByteArray("\r\n"));
    QCOMPARE(bob.transport.stats().pingsAnswered, 1u);
    // The flow stays open and still carries SIP.
    QCOMPARE(bob.transport.connectionCount(), 1);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void tst_TransportConnections::idleConnectionsClose()
{
    TransportOptions options;
    options.idleTimeoutMs = 300;
    TcpPair p(options);
    QVERIFY(p.bind());
    QSignalSpy closedAlice(&p.alice.transport, &TransportLayer::connectionClosed);
    p.alice.sendMessage(p.bob.endpoint(TransportType::Tcp));
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 1, 5000);
    QCOMPARE(p.alice.transport.connectionCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.transport.connectionCount(), 0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(p.bob.transport.connectionCount(), 0, 3000);
    QVERIFY(!closedAlice.isEmpty());
    // Whichever side timed out first; both wait the same 300 ms.
    const QString reason = closedAlice.first().at(1).toString();
    QVERIFY2(reason.startsWith(QLatin1String("idle for")) || reason == "closed by the peer",
             qPrintable(reason));
    // A new request simply opens a new connection.
    p.alice.sendMessage(p.bob.endpoint(TransportType::Tcp));
    QTRY_COMPARE_WITH_TIMEOUT(p.alice.finished(), 2, 5000);
    QCOMPARE(p.alice.outcomes[1].status, 200);
    QCOMPARE(p.alice.transport.stats().connectionsOpened, 2u);
}

void tst_TransportConnections::rfc3261_17_1_4_connectFailureReportedOncePerMessage()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(loopback(false), 0));
        closedPort = probe.serverPort();
    }
    TransportLayer layer;
    QVERIFY(layer.bind(TransportType::Tcp, loopback(false), 0));
    const Endpoint nowhere{TransportType::Tcp, loopback(false), closedPort};
    QList<QStringList> errors(3);
    for (int i = 0; i < 3; ++i)
        layer.sendRequest(makeMessage(nowhere), nowhere,
                          [&errors, i](const QString &why) { errors[i] << why; });
    // All three wait on one connection attempt.
    QCOMPARE(layer.stats().connectionsOpened, 1u);
    QTRY_VERIFY_WITH_TIMEOUT(errors[0].size() + errors[1].size() + errors[2].size() == 3, 5000);
    QTest::qWait(200); // nothing more comes
    for (const QStringList &e : errors) {
        QCOMPARE(e.size(), 1);
        QCOMPARE(e.first(),
                 QStringLiteral("TCP connection to 127.0.0.1:%1 failed: Connection refused")
                     .arg(closedPort));
    }
    QCOMPARE(layer.connectionCount(), 0);

    // Through a transaction: the TU gets one transport error, no timeout later.
    Peer alice;
    QVERIFY(alice.bind(TransportType::Tcp));
    alice.sendMessage(nowhere);
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 5000);
    QTest::qWait(300);
    QCOMPARE(alice.outcomes[0].finals, 1);
    QVERIFY(!alice.outcomes[0].timeout);
    QVERIFY(alice.outcomes[0].failure.contains(QLatin1String("Connection refused")));
}

void tst_TransportConnections::connectionCapRefusesExtraConnections()
{
    TransportOptions options;
    options.maxConnections = 2;
    TransportLayer bob(options);
    QVERIFY(bob.bind(TransportType::Tcp, loopback(false), 0));
    const quint16 port = bob.localEndpoints().first().port;
    QTcpSocket c1, c2, c3;
    for (QTcpSocket *c : {&c1, &c2, &c3}) {
        c->connectToHost(loopback(false), port);
        QVERIFY(c->waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(bob.stats().connectionsAccepted + bob.stats().connectionsRefused ==
                                     quint64(c == &c1   ? 1
                                             : c == &c2 ? 2
                                                        : 3),
                                 5000);
    }
    QCOMPARE(bob.connectionCount(), 2);
    QCOMPARE(bob.stats().connectionsRefused, 1u);
    QTRY_COMPARE_WITH_TIMEOUT(c3.state(), QAbstractSocket::UnconnectedState, 5000);

    // Outgoing: a send that needs a connection beyond the cap fails.
    QString error;
    bob.sendRequest(makeMessage({TransportType::Tcp, loopback(false), 9}),
                    {TransportType::Tcp, loopback(false), 9},
                    [&](const QString &why) { error = why; });
    QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 5000);
    QCOMPARE(error, QStringLiteral("too many connections (2 open)"));
}

void tst_TransportConnections::rfc3261_18_3_unframeableStreamClosesAfter400()
{
    TransportLayer bob;
    QVERIFY(bob.bind(TransportType::Tcp, loopback(false), 0));
    ParseError seen;
    bob.setInvalidHandler([&](const ParseResult &r, const ReceivedMessage &meta) {
        seen = r.error;
        QVERIFY(!meta.message.isValid());
        QVERIFY(meta.connection != 0);
        if (r.error.respondable) {
            Message answer = makeResponse(r.message, r.error.suggestedStatus());
            bob.sendResponse(answer, {r.message, meta.remote, meta.local, meta.connection}, {});
        }
    });
    QTcpSocket client;
    client.connectToHost(loopback(false), bob.localEndpoints().first().port);
    QVERIFY(client.waitForConnected(5000));
    // §18.3: on a stream, Content-Length is mandatory.
    client.write("MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n"
                 "Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKnolen\r\n"
                 "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\n"
                 "To: <sip:bob@127.0.0.1>\r\nCall-ID: nolen\r\nCSeq: 1 MESSAGE\r\n\r\nhi");
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += client.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(got.startsWith("SIP/2.0 400 "), got.constData());
    QCOMPARE(seen.code, ParseError::Code::MissingContentLength);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(bob.connectionCount(), 0);
    QCOMPARE(bob.stats().invalidMessages, 1u);
}

QTEST_MAIN(tst_TransportConnections)
#include "tst_TransportConnections.moc"
