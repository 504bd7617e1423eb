// SPDX-License-Identifier: GPL-3.0-or-later
// What a registration does with its flow: the address the registrar saw
// (RFC 3581 §4) put into the Contact, Service-Route kept (RFC 3608 §6),
// keep-alives on UDP and TCP (RFC 5626 §4.4.1), the outbound Contact
// parameters and Flow-Timer (RFC 5626 §4.2, §4.4.1), and registering again
// when the flow fails (RFC 5626 §4.5).

#include "RegistrationHarness.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

using State = RegistrationState;

QList<QByteArray> headerLines(const QByteArray &wire, QByteArrayView name)
{
    QList<QByteArray> out;
    for (const QByteArray &line : wire.split('\n')) {
        if (line.startsWith(name.toByteArray() + ": "))
            out << line.trimmed();
    }
    return out;
}

const QByteArray kInstance = "urn:uuid:00000000-0000-1000-8000-00a0c91e6bf6";

} // namespace

class tst_RegistrationFlow : public QObject
{
    Q_OBJECT

private slots:
    void receivedAndRportExposed_rfc3581_4();
    void publicAddressRegisteredBehindNat_rfc3581_4();
    void noRewriteWithoutNatOrWhenDisabled_data();
    void noRewriteWithoutNatOrWhenDisabled();
    void serviceRouteKept_rfc3608_6();
    void keepAliveOnUdpFlow_rfc5626_4_4_1();
    void keepAliveJitter_rfc5626_4_4_1();
    void keepAliveOnTcpFlow_rfc5626_4_4_1();
    void failedKeepAliveRegistersAgain_rfc5626_4_5();
    void closedConnectionRegistersAgain_rfc5626_4_5();
    void newConnectionPortReplacesOldBinding_rfc5626_4_5();
    void otherFlowsIgnored();
    void outboundContactParameters_rfc5626_4_2();
    void outboundFlowTimer_rfc5626_4_4_1();
    void withoutOutboundSupportFlowTimerOnlyWhenKeepAliveOn_rfc5626_4_4_1();
};

void tst_RegistrationFlow::receivedAndRportExposed_rfc3581_4()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.rewriteContact = false;
    RegistrationHarness h(c);
    h.reg->start();
    QVERIFY(!h.reg->reflexiveAddress());
    h.answerLast(200, {}, ";received=203.0.113.7;rport=40000");
    QCOMPARE(h.reg->reflexiveAddress(), (ReflexiveAddress{"203.0.113.7", 40000}));
    QCOMPARE(h.sentCount(), 1); // rewriting is off
    QCOMPARE(h.status().state, State::Registered);
    // IPv6: written with brackets, as a URI host.
    h.clock.advance(2'880'000);
    h.answerLast(200, {}, ";received=2001:db8::7;rport=5060");
    QCOMPARE(h.reg->reflexiveAddress(), (ReflexiveAddress{"[2001:db8::7]", 5060}));
}

void tst_RegistrationFlow::publicAddressRegisteredBehindNat_rfc3581_4()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(200, "Expires: 600", ";received=203.0.113.7;rport=40000");
    // Registered privately, but the registrar reaches us only through the
    // NAT: the public address is registered at once, the private removed.
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.reg->state(), State::Registering); // not reported before it is done
    QCOMPARE(headerLines(h.lastWire(), "Contact"),
             (QList<QByteArray>{"Contact: <sip:alice@203.0.113.7:40000;transport=udp>;expires=3600",
                                "Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=0"}));
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QCOMPARE(h.last().cseq().number(), 2u);
    h.answerLast(200, "Contact: <sip:alice@203.0.113.7:40000;transport=udp>;expires=600",
                 ";received=203.0.113.7;rport=40000");
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.status().expires, 600u);
    QCOMPARE(h.reg->contact(), QByteArray("sip:alice@203.0.113.7:40000;transport=udp"));
    QCOMPARE(h.states.size(), 2); // Registering, Registered
    // The refresh keeps the public Contact, alone.
    h.clock.advance(480'000);
    QCOMPARE(
        headerLines(h.lastWire(), "Contact"),
        QList<QByteArray>{"Contact: <sip:alice@203.0.113.7:40000;transport=udp>;expires=3600"});
    // The NAT mapping changed: registered again at the new address.
    h.answerLast(200, {}, ";received=203.0.113.7;rport=40002");
    QCOMPARE(h.sentCount(), 4);
    QCOMPARE(headerLines(h.lastWire(), "Contact"),
             (QList<QByteArray>{"Contact: <sip:alice@203.0.113.7:40002;transport=udp>;expires=3600",
                                "Contact: <sip:alice@203.0.113.7:40000;transport=udp>;expires=0"}));
    // Unregistering removes the address that is registered.
    h.answerLast(200, {}, ";received=203.0.113.7;rport=40002");
    h.reg->unregister();
    QCOMPARE(headerLines(h.lastWire(), "Contact"),
             QList<QByteArray>{"Contact: <sip:alice@203.0.113.7:40002;transport=udp>;expires=0"});
}

void tst_RegistrationFlow::noRewriteWithoutNatOrWhenDisabled_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QByteArray>("viaParams");
    QTest::addColumn<bool>("rewrite");
    QTest::addRow("udp, same address and port")
        << int(TransportType::Udp) << QByteArray(";received=192.0.2.10;rport=5062") << true;
    QTest::addRow("tcp, same address, connection's own port")
        << int(TransportType::Tcp) << QByteArray(";received=192.0.2.10;rport=49152") << true;
    QTest::addRow("udp, a NAT, but rewriting is off")
        << int(TransportType::Udp) << QByteArray(";received=203.0.113.7;rport=40000") << false;
    QTest::addRow("valueless rport: nothing learned")
        << int(TransportType::Udp) << QByteArray(";rport") << true;
}

void tst_RegistrationFlow::noRewriteWithoutNatOrWhenDisabled()
{
    QFETCH(int, transport);
    QFETCH(QByteArray, viaParams);
    QFETCH(bool, rewrite);
    Registration::Config c = RegistrationHarness::defaults();
    c.rewriteContact = rewrite;
    RegistrationHarness h(c);
    h.targets = {endpoint(TransportType(transport), 5060)};
    h.reg->start();
    h.answerLast(200, {}, viaParams);
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.status().state, State::Registered);
}

void tst_RegistrationFlow::serviceRouteKept_rfc3608_6()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.outboundProxy = *Uri::parse("sip:edge.example.com;lr");
    RegistrationHarness h(c);
    h.reg->start();
    QVERIFY(h.reg->serviceRoute().isEmpty());
    h.answerLast(200, "Expires: 100\nService-Route: <sip:orig@scscf.example.com;lr>, "
                      "<sip:as.example.com;lr>");
    QCOMPARE(h.reg->serviceRoute(),
             (QList<QByteArray>{"<sip:orig@scscf.example.com;lr>", "<sip:as.example.com;lr>"}));
    // REGISTER itself keeps going the configured way.
    h.clock.advance(80'000);
    QCOMPARE(headerLines(h.lastWire(), "Route"),
             QList<QByteArray>{"Route: <sip:edge.example.com;lr>"});
    // A 200 without Service-Route empties it; so does unregistering.
    h.answerLast(200, "Expires: 100");
    QVERIFY(h.reg->serviceRoute().isEmpty());
    h.clock.advance(80'000);
    h.answerLast(200, "Expires: 100\nService-Route: <sip:orig@scscf.example.com;lr>");
    QCOMPARE(h.reg->serviceRoute().size(), 1);
    h.reg->unregister();
    h.answerLast(200);
    QVERIFY(h.reg->serviceRoute().isEmpty());
}

void tst_RegistrationFlow::keepAliveOnUdpFlow_rfc5626_4_4_1()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.keepAliveUdpMs = 25'000;
    RegistrationHarness h(c);
    h.registerWith(3600);
    QVERIFY(h.reg->keepAlive().isRunning());
    h.clock.advance(24'999);
    QVERIFY(h.keepAlives.isEmpty());
    h.clock.advance(1);
    QCOMPARE(h.keepAlives.size(), 1);
    QCOMPARE(h.keepAlives[0].second, endpoint(TransportType::Udp, 5060));
    h.clock.advance(50'000);
    QCOMPARE(h.keepAlives.size(), 3);
    QCOMPARE(h.keepAlives[2].first, 75'000);
    QCOMPARE(h.sentCount(), 1); // keep-alives are no SIP requests
    h.reg->unregister();
    QVERIFY(!h.reg->keepAlive().isRunning());
    h.clock.advance(100'000);
    QCOMPARE(h.keepAlives.size(), 3);
}

void tst_RegistrationFlow::keepAliveJitter_rfc5626_4_4_1()
{
    TestRandom random;
    QCOMPARE(KeepAlive::jittered(120'000, random), 120'000);
    random.fixed = 1'000'000;
    QCOMPARE(KeepAlive::jittered(120'000, random), 96'000); // 80 %
    QCOMPARE(KeepAlive::jittered(0, random), 0);
    SeededRandom seeded(11);
    for (int i = 0; i < 200; ++i) {
        const qint64 d = KeepAlive::jittered(25'000, seeded);
        QVERIFY2(d >= 20'000 && d <= 25'000, QByteArray::number(d).constData());
    }
    // In a registration: the first ping after 80 % of the interval.
    Registration::Config c = RegistrationHarness::defaults();
    c.keepAliveUdpMs = 30'000;
    RegistrationHarness h(c);
    h.random.fixed = 1'000'000;
    h.registerWith();
    h.clock.advance(24'000);
    QCOMPARE(h.keepAlives.size(), 1);
}

void tst_RegistrationFlow::keepAliveOnTcpFlow_rfc5626_4_4_1()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.keepAliveStreamMs = 120'000;
    c.keepAliveUdpMs = 1000; // not for this flow
    RegistrationHarness h(c);
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.registerWith(3600);
    QCOMPARE(h.reg->keepAlive().intervalMs(), 120'000);
    h.clock.advance(120'000);
    QCOMPARE(h.keepAlives.size(), 1);
    QCOMPARE(h.keepAlives[0].second, endpoint(TransportType::Tcp, 5060));
    // No keep-alives while failed.
    h.clock.advance(2'880'000 - 120'000); // the refresh
    h.answerLast(403);
    QVERIFY(!h.reg->keepAlive().isRunning());
    const int pings = int(h.keepAlives.size());
    h.clock.advance(25'000);
    QCOMPARE(h.keepAlives.size(), pings);
    // Interval 0: none.
    Registration::Config off = c;
    off.keepAliveStreamMs = 0;
    RegistrationHarness quiet(off);
    quiet.targets = {endpoint(TransportType::Tcp, 5060)};
    quiet.registerWith(3600);
    QVERIFY(!quiet.reg->keepAlive().isRunning());
    quiet.clock.advance(1'000'000);
    QVERIFY(quiet.keepAlives.isEmpty());
}

void tst_RegistrationFlow::failedKeepAliveRegistersAgain_rfc5626_4_5()
{
    RegistrationHarness h;
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.registerWith(3600);
    h.clock.advance(120'000);
    QCOMPARE(h.keepAlives.size(), 1);
    QCOMPARE(h.sentCount(), 1);
    h.keepAliveErrors[0](QStringLiteral("no TCP connection to 127.0.0.1:5060 for a keep-alive"));
    // A new flow at once, same Call-ID, next CSeq.
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.last().cseq().number(), 2u);
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QCOMPARE(h.transport.sent.back().destination, endpoint(TransportType::Tcp, 5060));
    QCOMPARE(h.reg->state(), State::Registered);
    h.answerLast(200, RegistrationHarness::contactEcho(h.last(), 3600));
    QCOMPARE(h.status().state, State::Registered);
    QVERIFY(h.reg->keepAlive().isRunning());
    // A second error report for the old ping changes nothing.
    h.keepAliveErrors[0](QStringLiteral("late"));
    QCOMPARE(h.sentCount(), 2);
}

void tst_RegistrationFlow::closedConnectionRegistersAgain_rfc5626_4_5()
{
    RegistrationHarness h;
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.registerWith(3600);
    h.reg->flowFailed(endpoint(TransportType::Tcp, 5060), QStringLiteral("closed by the peer"));
    QCOMPARE(h.sentCount(), 2);
    // The new REGISTER fails: back-off, not a loop.
    h.answerLast(503);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().retryInMs, 30'000);
    h.reg->flowFailed(endpoint(TransportType::Tcp, 5060), QStringLiteral("again"));
    QCOMPARE(h.sentCount(), 2); // failed already: the back-off decides
}

void tst_RegistrationFlow::newConnectionPortReplacesOldBinding_rfc5626_4_5()
{
    // A client-only TLS bind names the connection's own port: a new
    // connection is a new Contact, and the old one is removed with it.
    RegistrationHarness h;
    h.targets = {endpoint(TransportType::Tls, 5061)};
    h.local = Endpoint{TransportType::Tls, QHostAddress(QStringLiteral("192.0.2.10")), 50001};
    h.registerWith(3600);
    h.local->port = 50002;
    h.reg->flowFailed(endpoint(TransportType::Tls, 5061), QStringLiteral("closed by the peer"));
    QCOMPARE(headerLines(h.lastWire(), "Contact"),
             (QList<QByteArray>{"Contact: <sip:alice@192.0.2.10:50002;transport=tls>;expires=3600",
                                "Contact: <sip:alice@192.0.2.10:50001;transport=tls>;expires=0"}));
    h.answerLast(200, RegistrationHarness::contactEcho(h.last(), 3600));
    h.clock.advance(2'880'000);
    QCOMPARE(headerLines(h.lastWire(), "Contact").size(), 1);
}

void tst_RegistrationFlow::otherFlowsIgnored()
{
    RegistrationHarness h;
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.reg->flowFailed(endpoint(TransportType::Tcp, 5060), QStringLiteral("not registered yet"));
    QCOMPARE(h.sentCount(), 0);
    h.registerWith(3600);
    h.reg->flowFailed(endpoint(TransportType::Tcp, 5070), QStringLiteral("another peer"));
    h.reg->flowFailed(endpoint(TransportType::Tls, 5060), QStringLiteral("another transport"));
    QCOMPARE(h.sentCount(), 1);
    h.clock.advance(2'880'000); // refresh in flight: its own outcome decides
    h.reg->flowFailed(endpoint(TransportType::Tcp, 5060), QStringLiteral("closed"));
    QCOMPARE(h.sentCount(), 2);
}

void tst_RegistrationFlow::outboundContactParameters_rfc5626_4_2()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.instanceId = kInstance;
    c.regId = 2;
    RegistrationHarness h(c);
    h.reg->start();
    const QByteArray wire = h.lastWire();
    QCOMPARE(headerLines(wire, "Contact"),
             QList<QByteArray>{"Contact: <sip:alice@192.0.2.10:5062;transport=udp>;+sip.instance="
                               "\"<" +
                               kInstance + ">\";reg-id=2;expires=3600"});
    QCOMPARE(headerLines(wire, "Supported"), QList<QByteArray>{"Supported: outbound"});
    // The registrar (or edge proxy) may rewrite the URI; the instance and
    // reg-id still name our binding.
    h.answerLast(200, "Contact: <sip:alice@192.0.2.10:5062;transport=udp;ob>;+sip.instance=\"<" +
                          kInstance + ">\";reg-id=2;expires=900\nExpires: 3600");
    QCOMPARE(h.status().expires, 900u);
    QVERIFY(!h.reg->outboundActive()); // no "Require: outbound"
    h.reg->unregister();
    QCOMPARE(headerLines(h.lastWire(), "Contact"),
             QList<QByteArray>{"Contact: <sip:alice@192.0.2.10:5062;transport=udp>;+sip.instance="
                               "\"<" +
                               kInstance + ">\";reg-id=2;expires=0"});
}

void tst_RegistrationFlow::outboundFlowTimer_rfc5626_4_4_1()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.instanceId = kInstance;
    c.keepAliveStreamMs = 0; // outbound keeps the flow alive anyway
    RegistrationHarness h(c);
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.registerWith(3600, "Require: outbound\nFlow-Timer: 50");
    QVERIFY(h.reg->outboundActive());
    QCOMPARE(h.reg->keepAlive().intervalMs(), 50'000);
    h.clock.advance(50'000);
    QCOMPARE(h.keepAlives.size(), 1);
    // With outbound the pong is required (tst_KeepAlive has the rest).
    h.reg->pongReceived(endpoint(TransportType::Tcp, 5060));
    h.clock.advance(50'000);
    QCOMPARE(h.keepAlives.size(), 2);
    QCOMPARE(h.sentCount(), 1);
}

void tst_RegistrationFlow::withoutOutboundSupportFlowTimerOnlyWhenKeepAliveOn_rfc5626_4_4_1()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.keepAliveUdpMs = 0;
    RegistrationHarness h(c);
    h.registerWith(3600, "Flow-Timer: 50");
    QVERIFY(!h.reg->keepAlive().isRunning());
    Registration::Config on = RegistrationHarness::defaults();
    on.keepAliveUdpMs = 25'000;
    RegistrationHarness h2(on);
    h2.registerWith(3600, "Flow-Timer: 20");
    QCOMPARE(h2.reg->keepAlive().intervalMs(), 20'000);
}

QTEST_GUILESS_MAIN(tst_RegistrationFlow)
#include "tst_RegistrationFlow.moc"
