// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 5626 keep-alives on real loopback sockets: a STUN Binding Request on
// our SIP UDP port is answered with the sender's XOR-MAPPED-ADDRESS (RFC
// 5389 §7.3.1, §15.2) and never reaches the SIP parser (RFC 5626 §4.4.2);
// a Stack registered with outbound support keeps its UDP flow with STUN
// and its TCP flow with CRLF pings answered by real pongs (§4.4.1), without
// registering again.

#include "Peer.h"
#include "transport/StunMessage.h"
#include "ua/Stack.h"

#include <QTest>
#include <QUdpSocket>

using namespace sip;
using namespace sip::test;

namespace {

using State = RegistrationState;

const QByteArray kInstance = "urn:uuid:00000000-0000-1000-8000-00a0c91e6bf6";

// A registrar with outbound support (RFC 5626 §6): 200 with the Contact
// echoed and "Require: outbound". Its transport layer answers STUN and pings.
struct OutboundRegistrar
{
    explicit OutboundRegistrar(TransportType type)
        : m_type(type)
    {
        peer.answerStatus = 0;
        peer.onRequest = [this](quint64 id, const ReceivedMessage &r) {
            Message response = makeResponse(r.message, 200);
            const auto contacts = r.message.contacts();
            if (contacts && !contacts->isEmpty())
                response.addHeader("Contact", contacts->front().address().text());
            response.addHeader("Require", "outbound");
            peer.transactions.respond(id, response);
        };
    }
    bool bind() { return peer.bind(m_type); }
    Uri uri() const
    {
        const Endpoint e = peer.endpoint(m_type);
        return *Uri::parse("sip:127.0.0.1:" + QByteArray::number(e.port) +
                           ";transport=" + transportParamName(m_type).toByteArray());
    }

    Peer peer;

private:
    TransportType m_type;
};

Stack::Config outboundStack(const Uri &registrar)
{
    Stack::Config c;
    c.aor = "sip:alice@127.0.0.1";
    c.registrar = registrar;
    c.keepAliveStreamMs = 200;
    c.keepAliveUdpMs = 200;
    c.instanceId = kInstance;
    return c;
}

quint16 boundPort(Stack &stack, TransportType type)
{
    for (const Endpoint &e : stack.transport().localEndpoints()) {
        if (e.transport == type)
            return e.port;
    }
    return 0;
}

} // namespace

class tst_KeepAliveLoopback : public QObject
{
    Q_OBJECT

private slots:
    void bindingRequestAnswered_rfc5389_7_3_1_data();
    void bindingRequestAnswered_rfc5389_7_3_1();
    void stunKeepAliveKeepsUdpFlow_rfc5626_4_4_2();
    void pongsKeepTcpFlow_rfc5626_4_4_1();
};

void tst_KeepAliveLoopback::bindingRequestAnswered_rfc5389_7_3_1_data()
{
    QTest::addColumn<bool>("v6");
    QTest::addColumn<bool>("fingerprint");
    QTest::addRow("IPv4") << false << false;
    QTest::addRow("IPv4 with FINGERPRINT") << false << true;
    QTest::addRow("IPv6") << true << false;
}

void tst_KeepAliveLoopback::bindingRequestAnswered_rfc5389_7_3_1()
{
    QFETCH(bool, v6);
    QFETCH(bool, fingerprint);
    if (v6 && !hasIpv6Loopback())
        QSKIP("no IPv6 loopback here");
    TransportLayer transport;
    QString error;
    QVERIFY2(transport.bind(TransportType::Udp, loopback(v6), 0, &error), qPrintable(error));
    int sipMessages = 0, invalid = 0, traced = 0;
    transport.setReceiveHandler([&](const ReceivedMessage &) { ++sipMessages; });
    transport.setInvalidHandler([&](const ParseResult &, const ReceivedMessage &) { ++invalid; });
    transport.setTraceHandler(
        [&](bool, const Endpoint &, const Endpoint &, const QByteArray &) { ++traced; });
    const Endpoint ours = transport.localEndpoints().front();

    QUdpSocket client;
    QVERIFY(client.bind(loopback(v6), 0));
    const QByteArray id = QByteArray::fromHex("0102030405060708090a0b0c");
    QCOMPARE(client.writeDatagram(StunMessage::bindingRequest(id).encode(fingerprint), ours.address,
                                  ours.port),
             fingerprint ? 28 : 20);
    QTRY_VERIFY_WITH_TIMEOUT(client.hasPendingDatagrams(), 5000);
    QByteArray answer(2048, '\0');
    QHostAddress from;
    quint16 fromPort = 0;
    answer.resize(client.readDatagram(answer.data(), answer.size(), &from, &fromPort));
    QCOMPARE(fromPort, ours.port); // from the SIP socket itself
    const auto r = StunMessage::parse(answer);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.message->messageClass(), StunMessage::Class::SuccessResponse);
    QCOMPARE(r.message->transactionId(), id);
    QCOMPARE(r.message->hasAttribute(StunMessage::kFingerprint), fingerprint);
    const auto mapped = r.message->xorMappedAddress();
    QVERIFY(mapped);
    QCOMPARE(mapped->address, loopback(v6));
    QCOMPARE(mapped->port, client.localPort());

    // A broken STUN datagram (FINGERPRINT wrong) gets nothing; a STUN-like
    // one never reaches the parser either.
    QByteArray bad = StunMessage::bindingRequest(id).encode(true);
    bad[27] = char(bad[27] ^ 0x55);
    client.writeDatagram(bad, ours.address, ours.port);
    // SIP still flows on the same socket: this MESSAGE is parsed (and
    // proves the datagrams before it were handled first).
    client.writeDatagram(makeMessage(ours).toWire(), ours.address, ours.port);
    QTRY_COMPARE_WITH_TIMEOUT(sipMessages, 1, 5000);
    QVERIFY(!client.hasPendingDatagrams());
    QCOMPARE(invalid, 0);
    QCOMPARE(traced, 1); // the MESSAGE only: STUN is not SIP
    QCOMPARE(transport.stats().invalidMessages, 0u);
    QCOMPARE(transport.stats().messagesReceived, 1u);
}

void tst_KeepAliveLoopback::stunKeepAliveKeepsUdpFlow_rfc5626_4_4_2()
{
    OutboundRegistrar registrar(TransportType::Udp);
    QVERIFY(registrar.bind());
    Stack stack(outboundStack(registrar.uri()));
    QVERIFY(stack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, nullptr));
    QList<StunMessage> responses;
    connect(&stack.transport(), &TransportLayer::stunResponseReceived,
            [&](const Endpoint &, const StunMessage &m) { responses << m; });
    Registration &reg = *stack.registration();
    reg.start();
    QTRY_COMPARE_WITH_TIMEOUT(reg.state(), State::Registered, 5000);
    QVERIFY(reg.outboundActive());
    QCOMPARE(reg.keepAlive().mode(), KeepAlive::Mode::Stun);
    QTRY_VERIFY_WITH_TIMEOUT(reg.keepAlive().answeredCount() >= 3, 10000);
    // The registrar's socket answered with where it saw us from.
    const auto mapped = reg.keepAlive().mappedAddress();
    QVERIFY(mapped);
    QCOMPARE(mapped->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(mapped->port, boundPort(stack, TransportType::Udp));
    QVERIFY(responses.size() >= 3);
    // Keep-alives are no SIP: one REGISTER, nothing invalid on either side.
    QCOMPARE(registrar.peer.requests.size(), 1);
    QCOMPARE(registrar.peer.transport.stats().invalidMessages, 0u);
    QCOMPARE(stack.transport().stats().invalidMessages, 0u);
    QCOMPARE(reg.state(), State::Registered);
}

void tst_KeepAliveLoopback::pongsKeepTcpFlow_rfc5626_4_4_1()
{
    OutboundRegistrar registrar(TransportType::Tcp);
    QVERIFY(registrar.bind());
    Stack stack(outboundStack(registrar.uri()));
    QVERIFY(stack.bind(TransportType::Tcp, QHostAddress::LocalHost, 0, nullptr));
    QList<Endpoint> pongs;
    connect(&stack.transport(), &TransportLayer::pongReceived,
            [&](const Endpoint &remote) { pongs << remote; });
    Registration &reg = *stack.registration();
    reg.start();
    QTRY_COMPARE_WITH_TIMEOUT(reg.state(), State::Registered, 5000);
    QCOMPARE(reg.keepAlive().mode(), KeepAlive::Mode::PingPong);
    QTRY_VERIFY_WITH_TIMEOUT(reg.keepAlive().answeredCount() >= 3, 10000);
    QVERIFY(pongs.size() >= 3);
    QCOMPARE(pongs.front(), registrar.peer.endpoint(TransportType::Tcp));
    QVERIFY(registrar.peer.transport.stats().pingsAnswered >= 3);
    QCOMPARE(registrar.peer.requests.size(), 1);
    QCOMPARE(stack.transport().connectionCount(), 1);
    QCOMPARE(reg.state(), State::Registered);
}

QTEST_GUILESS_MAIN(tst_KeepAliveLoopback)
#include "tst_KeepAliveLoopback.moc"
