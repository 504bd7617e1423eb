// SPDX-License-Identifier: GPL-3.0-or-later
// Keep-alives that must be answered (RFC 5626 §4.4): with a registrar that
// supports outbound, a CRLF pong within 10 s of each ping on TCP/TLS
// (§4.4.1) and a STUN Binding Response (RFC 5389) over UDP whose
// XOR-MAPPED-ADDRESS stays the same (§4.4.2); no answer, or a changed
// mapping, fails the flow and the registration registers again (§4.5).
// Without outbound support nothing is required. Flow-Timer sets the
// interval (§4.4.1). On the real transaction layer, a manual clock and a
// fake transport.

#include "RegistrationHarness.h"

#include <QSet>
#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

using State = RegistrationState;
using Mode = KeepAlive::Mode;

const QByteArray kInstance = "urn:uuid:00000000-0000-1000-8000-00a0c91e6bf6";

Registration::Config outboundConfig()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.instanceId = kInstance;
    return c;
}

// The harness with STUN keep-alives captured as well.
struct StunHarness : RegistrationHarness
{
    struct Sent
    {
        qint64 at = 0;
        Endpoint flow;
        StunMessage request;
    };
    QList<Sent> stunSent;
    QList<TransportSender::ErrorCallback> stunErrors;

    explicit StunHarness(const Registration::Config &config = outboundConfig(),
                         TransportType type = TransportType::Udp)
        : RegistrationHarness(config)
    {
        targets = {endpoint(type, 5060)};
        Registration::Network n = network();
        n.sendStun = [this](const Endpoint &flow, const QByteArray &request,
                            TransportSender::ErrorCallback onError) {
            const auto parsed = StunMessage::parse(request);
            if (!parsed.ok())
                qFatal("unparsable STUN request: %s", qPrintable(parsed.error));
            stunSent.append({clock.now(), flow, *parsed.message});
            stunErrors.append(std::move(onError));
        };
        reg = std::make_unique<Registration>(layer, clock, random, n, config);
        QObject::connect(reg.get(), &Registration::stateChanged,
                         [this](const RegistrationStatus &s) { states << s; });
    }

    void registerOutbound(const QByteArray &extra = {})
    {
        registerWith(3600, extra.isEmpty() ? QByteArray("Require: outbound")
                                           : "Require: outbound\n" + extra);
    }

    StunMessage answerTo(int i, const QHostAddress &mapped = QHostAddress("203.0.113.7"),
                         quint16 port = 40000) const
    {
        return StunMessage::bindingSuccess(stunSent.at(i).request.transactionId(), mapped, port);
    }
};

// REGISTER requests sent, retransmissions (RFC 3261 §17.1.2.2) not counted.
int registers(const RegistrationHarness &h)
{
    QSet<quint32> cseqs;
    for (int i = 0; i < h.sentCount(); ++i)
        cseqs.insert(h.sent(i).cseq().number());
    return int(cseqs.size());
}

} // namespace

class tst_KeepAlive : public QObject
{
    Q_OBJECT

private slots:
    void transactionIdIs96RandomBits_rfc5389_6();
    void pongInTimeKeepsFlow_rfc5626_4_4_1_data();
    void pongInTimeKeepsFlow_rfc5626_4_4_1();
    void noPongFailsFlowOnce_rfc5626_4_4_1();
    void noPongRequiredWithoutOutbound_rfc5626_4_4_1();
    void flowTimerSetsInterval_rfc5626_4_4_1_data();
    void flowTimerSetsInterval_rfc5626_4_4_1();
    void stunSentOverUdpWithOutbound_rfc5626_4_4_2();
    void crlfOverUdpWithoutOutbound_rfc5626_4_4_2();
    void stunResponses_rfc5626_4_4_2_data();
    void stunResponses_rfc5626_4_4_2();
    void changedMappingFailsFlow_rfc5626_4_4_2();
    void stunSendErrorFailsFlow_rfc5626_4_4_2();
    void withoutStunSenderPingsOnly();
};

void tst_KeepAlive::transactionIdIs96RandomBits_rfc5389_6()
{
    SeededRandom random(3);
    const QByteArray a = KeepAlive::transactionId(random);
    const QByteArray b = KeepAlive::transactionId(random);
    QCOMPARE(a.size(), 12);
    QCOMPARE(b.size(), 12);
    QVERIFY(a != b);
    // Every byte value reachable: the draws cover 16 bits each.
    TestRandom fixed;
    fixed.fixed = 0xffffffff;
    QCOMPARE(KeepAlive::transactionId(fixed), QByteArray(12, char(0xff)));
}

void tst_KeepAlive::pongInTimeKeepsFlow_rfc5626_4_4_1_data()
{
    QTest::addColumn<int>("transport");
    QTest::addRow("tcp") << int(TransportType::Tcp);
    QTest::addRow("tls") << int(TransportType::Tls);
}

void tst_KeepAlive::pongInTimeKeepsFlow_rfc5626_4_4_1()
{
    QFETCH(int, transport);
    const Endpoint flow = endpoint(TransportType(transport), 5060);
    StunHarness h(outboundConfig(), TransportType(transport));
    h.registerOutbound();
    QVERIFY(h.reg->outboundActive());
    QCOMPARE(h.reg->keepAlive().mode(), Mode::PingPong);
    h.clock.advance(120'000);
    for (int round = 1; round <= 3; ++round) {
        QCOMPARE(h.keepAlives.size(), round);
        QVERIFY(h.reg->keepAlive().awaitingAnswer());
        // A pong on another flow answers nothing.
        h.reg->pongReceived(endpoint(TransportType(transport), 5070));
        QVERIFY(h.reg->keepAlive().awaitingAnswer());
        h.clock.advance(9'999);
        h.reg->pongReceived(flow);
        QVERIFY(!h.reg->keepAlive().awaitingAnswer());
        h.clock.advance(120'000 - 9'999); // the next ping
    }
    QCOMPARE(h.reg->keepAlive().answeredCount(), 3);
    QCOMPARE(h.sentCount(), 1); // never registered again
    QCOMPARE(h.status().state, State::Registered);
    QVERIFY(h.stunSent.isEmpty());
}

void tst_KeepAlive::noPongFailsFlowOnce_rfc5626_4_4_1()
{
    StunHarness h(outboundConfig(), TransportType::Tcp);
    h.registerOutbound("Flow-Timer: 30");
    h.clock.advance(30'000);
    QCOMPARE(h.keepAlives.size(), 1);
    h.clock.advance(9'999);
    QCOMPARE(h.sentCount(), 1);
    h.clock.advance(1);
    // 10 s without a pong: the flow has failed; a new REGISTER at once,
    // same Call-ID, next CSeq (RFC 5626 §4.5), and no more pings meanwhile.
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.last().cseq().number(), 2u);
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QVERIFY(!h.reg->keepAlive().isRunning());
    h.clock.advance(20'000);
    QCOMPARE(h.keepAlives.size(), 1);
    QCOMPARE(h.sentCount(), 2); // once, not per missed pong
    // A late pong changes nothing; the new flow's 200 starts keep-alives again.
    h.reg->pongReceived(endpoint(TransportType::Tcp, 5060));
    QCOMPARE(h.sentCount(), 2);
    h.answerLast(200, RegistrationHarness::contactEcho(h.last(), 3600) +
                          "\nRequire: outbound\nFlow-Timer: 30");
    QCOMPARE(h.status().state, State::Registered);
    QVERIFY(h.reg->keepAlive().isRunning());
    QCOMPARE(h.reg->keepAlive().mode(), Mode::PingPong);
}

void tst_KeepAlive::noPongRequiredWithoutOutbound_rfc5626_4_4_1()
{
    // The same registration, but the 200 has no "Require: outbound": a
    // plain server never answers pings, and none is waited for.
    StunHarness h(outboundConfig(), TransportType::Tcp);
    h.registerWith(3600);
    QVERIFY(!h.reg->outboundActive());
    QCOMPARE(h.reg->keepAlive().mode(), Mode::Ping);
    h.clock.advance(120'000 * 4);
    QCOMPARE(h.keepAlives.size(), 4);
    QVERIFY(!h.reg->keepAlive().awaitingAnswer());
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.status().state, State::Registered);
}

void tst_KeepAlive::flowTimerSetsInterval_rfc5626_4_4_1_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<bool>("outbound");
    QTest::addRow("tcp, outbound") << int(TransportType::Tcp) << true;
    QTest::addRow("udp, outbound (STUN)") << int(TransportType::Udp) << true;
    QTest::addRow("tcp, no outbound") << int(TransportType::Tcp) << false;
    QTest::addRow("udp, no outbound") << int(TransportType::Udp) << false;
}

void tst_KeepAlive::flowTimerSetsInterval_rfc5626_4_4_1()
{
    QFETCH(int, transport);
    QFETCH(bool, outbound);
    StunHarness h(outboundConfig(), TransportType(transport));
    h.random.fixed = 1'000'000; // the earliest the jitter allows: 80 %
    const QByteArray flowTimer = "Flow-Timer: 40";
    if (outbound)
        h.registerOutbound(flowTimer);
    else
        h.registerWith(3600, flowTimer);
    QCOMPARE(h.reg->keepAlive().intervalMs(), 40'000);
    const auto sent = [&] { return h.keepAlives.size() + h.stunSent.size(); };
    h.clock.advance(31'999);
    QCOMPARE(sent(), 0);
    h.clock.advance(1); // 80 % of 40 s: sent within the Flow-Timer
    QCOMPARE(sent(), 1);
    if (outbound && transport == int(TransportType::Udp)) {
        QCOMPARE(h.stunSent.size(), 1);
        h.reg->stunResponseReceived(h.targets[0], h.answerTo(0));
    } else if (outbound) {
        h.reg->pongReceived(h.targets[0]);
    }
    h.clock.advance(32'000);
    QCOMPARE(sent(), 2);
}

void tst_KeepAlive::stunSentOverUdpWithOutbound_rfc5626_4_4_2()
{
    StunHarness h;
    h.registerOutbound();
    QCOMPARE(h.reg->keepAlive().mode(), Mode::Stun);
    h.clock.advance(25'000);
    // A STUN Binding Request on the flow instead of a CRLF datagram.
    QVERIFY(h.keepAlives.isEmpty());
    QCOMPARE(h.stunSent.size(), 1);
    const StunMessage &request = h.stunSent[0].request;
    QCOMPARE(h.stunSent[0].flow, endpoint(TransportType::Udp, 5060));
    QCOMPARE(request.messageClass(), StunMessage::Class::Request);
    QCOMPARE(request.method(), StunMessage::kBinding);
    QCOMPARE(request.transactionId().size(), 12);
    QVERIFY(request.attributes().isEmpty());
    QCOMPARE(h.sentCount(), 1); // no SIP request
    // Each keep-alive is a new transaction.
    h.random.fixed = 7;
    h.reg->stunResponseReceived(h.targets[0], h.answerTo(0));
    h.clock.advance(25'000);
    QCOMPARE(h.stunSent.size(), 2);
    QVERIFY(h.stunSent[1].request.transactionId() != request.transactionId());
}

void tst_KeepAlive::crlfOverUdpWithoutOutbound_rfc5626_4_4_2()
{
    StunHarness h;
    h.registerWith(3600); // no "Require: outbound"
    QCOMPARE(h.reg->keepAlive().mode(), Mode::Ping);
    h.clock.advance(25'000 * 3);
    QCOMPARE(h.keepAlives.size(), 3);
    QVERIFY(h.stunSent.isEmpty());
    QCOMPARE(h.sentCount(), 1);
}

void tst_KeepAlive::stunResponses_rfc5626_4_4_2_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("flowKept");
    QTest::addRow("matching success response") << "match" << true;
    QTest::addRow("matching error response") << "error" << true;
    QTest::addRow("success without a mapped address") << "bare" << true;
    QTest::addRow("mismatched transaction id: ignored, then timeout") << "otherId" << false;
    QTest::addRow("from another address: ignored, then timeout") << "otherRemote" << false;
    QTest::addRow("a request, not a response: ignored") << "request" << false;
    QTest::addRow("no response: timeout") << "none" << false;
}

void tst_KeepAlive::stunResponses_rfc5626_4_4_2()
{
    QFETCH(QString, kind);
    QFETCH(bool, flowKept);
    StunHarness h;
    h.registerOutbound();
    h.clock.advance(25'000);
    QCOMPARE(h.stunSent.size(), 1);
    const QByteArray id = h.stunSent[0].request.transactionId();
    Endpoint from = h.targets[0];
    StunMessage response = h.answerTo(0);
    if (kind == "error") {
        response = StunMessage(StunMessage::Class::ErrorResponse, StunMessage::kBinding, id);
    } else if (kind == "bare") {
        response = StunMessage(StunMessage::Class::SuccessResponse, StunMessage::kBinding, id);
    } else if (kind == "otherId") {
        QByteArray other = id;
        other[11] = char(other[11] ^ 0x01);
        response = StunMessage::bindingSuccess(other, QHostAddress("203.0.113.7"), 40000);
    } else if (kind == "otherRemote") {
        from.port = 5070;
    } else if (kind == "request") {
        response = StunMessage::bindingRequest(id);
    }
    h.clock.advance(3'000);
    if (kind != "none")
        h.reg->stunResponseReceived(from, response);
    QCOMPARE(h.reg->keepAlive().awaitingAnswer(), !flowKept);
    h.clock.advance(7'000); // 10 s after the request
    if (flowKept) {
        QCOMPARE(registers(h), 1);
        QCOMPARE(h.reg->keepAlive().answeredCount(), 1);
        QVERIFY(h.reg->keepAlive().isRunning());
    } else {
        // RFC 5626 §4.4.2: no response means the flow failed; register again.
        QCOMPARE(h.sentCount(), 2);
        QCOMPARE(h.last().cseq().number(), 2u);
        QVERIFY(!h.reg->keepAlive().isRunning());
        h.clock.advance(20'000); // the new REGISTER is retransmitted, not repeated
        QCOMPARE(registers(h), 2);
        QVERIFY(h.stunSent.size() == 1);
    }
    QCOMPARE(h.status().state, State::Registered);
}

void tst_KeepAlive::changedMappingFailsFlow_rfc5626_4_4_2()
{
    StunHarness h;
    h.registerOutbound();
    h.clock.advance(25'000);
    h.reg->stunResponseReceived(h.targets[0], h.answerTo(0));
    QCOMPARE(h.reg->keepAlive().mappedAddress(),
             (StunMessage::MappedAddress{QHostAddress("203.0.113.7"), 40000}));
    // The same mapping again: fine.
    h.clock.advance(25'000);
    h.reg->stunResponseReceived(h.targets[0], h.answerTo(1));
    QCOMPARE(h.sentCount(), 1);
    // The NAT rebound the flow to another port: failed, registered again.
    h.clock.advance(25'000);
    h.reg->stunResponseReceived(h.targets[0], h.answerTo(2, QHostAddress("203.0.113.7"), 40002));
    QCOMPARE(h.sentCount(), 2);
    QVERIFY(!h.reg->keepAlive().isRunning());
    // The new registration's keep-alive starts without the old mapping.
    h.answerLast(200, RegistrationHarness::contactEcho(h.last(), 3600) + "\nRequire: outbound");
    QVERIFY(h.reg->keepAlive().isRunning());
    QVERIFY(!h.reg->keepAlive().mappedAddress());
    h.clock.advance(25'000);
    h.reg->stunResponseReceived(h.targets[0], h.answerTo(3, QHostAddress("203.0.113.7"), 40002));
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.status().state, State::Registered);
}

void tst_KeepAlive::stunSendErrorFailsFlow_rfc5626_4_4_2()
{
    StunHarness h;
    h.registerOutbound();
    h.clock.advance(25'000);
    h.stunErrors[0](QStringLiteral("no udp transport bound for IPv4"));
    QCOMPARE(h.sentCount(), 2);
    h.stunErrors[0](QStringLiteral("late"));
    QCOMPARE(h.sentCount(), 2);
}

void tst_KeepAlive::withoutStunSenderPingsOnly()
{
    // The plain harness has no STUN sender: outbound over UDP falls back to
    // CRLF datagrams, which need no answer.
    RegistrationHarness h(outboundConfig());
    h.registerWith(3600, "Require: outbound");
    QVERIFY(h.reg->outboundActive());
    QCOMPARE(h.reg->keepAlive().mode(), Mode::Ping);
    h.clock.advance(100'000);
    QCOMPARE(h.keepAlives.size(), 4);
    QCOMPARE(h.sentCount(), 1);
}

QTEST_GUILESS_MAIN(tst_KeepAlive)
#include "tst_KeepAlive.moc"
