// SPDX-License-Identifier: GPL-3.0-or-later
// Registration (RFC 3261 §10.2): the REGISTER on the wire, the registrar's
// expiry and the refresh at 80 % of it, 423 and Min-Expires, digest
// challenges (RFC 7616, RFC 8760), failures with back-off (RFC 5626 §4.5),
// unregister, and several registrations side by side — on the real
// transaction layer, a manual clock and a fake transport.

#include "RegistrationHarness.h"
#include "auth/Digest.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

using State = RegistrationState;

QByteArray headerLine(const QByteArray &wire, QByteArrayView name)
{
    for (const QByteArray &line : wire.split('\n')) {
        if (line.startsWith(name.toByteArray() + ": "))
            return line.trimmed();
    }
    return {};
}

// The request-digest the credentials in `request` should carry.
QByteArray expectedDigest(const Message &request, const AuthHeader &creds, QByteArrayView qop,
                          const QByteArray &realm, const QByteArray &nonce,
                          const QByteArray &password = "secret")
{
    Digest::Input in{creds.username(),
                     password,
                     "REGISTER",
                     request.requestUri().toByteArray(),
                     creds.cnonce(),
                     creds.nonceCount().isEmpty() ? 1u : creds.nonceCount().toUInt(nullptr, 16)};
    return Digest::response(creds.algorithm(), qop, realm, nonce, in).value_or("?");
}

Registration::Config withPassword()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.authUser = "alice";
    c.password = "secret";
    return c;
}

} // namespace

class tst_Registration : public QObject
{
    Q_OBJECT

private slots:
    void requestFormat_rfc3261_10_2();
    void registrarUriAndOutboundProxyRoute_rfc3261_10_2_and_8_1_2();
    void serverExpiresWins_rfc3261_10_2_4_data();
    void serverExpiresWins_rfc3261_10_2_4();
    void refreshAt80PercentOfGrantedExpires_rfc3261_10_2_4();
    void intervalTooBriefRetriedWithMinExpires_rfc3261_10_2_8();
    void intervalTooBriefWithoutMinExpiresFails_rfc3261_10_2_8();
    void digestChallengeAnswered_rfc3261_22_2_data();
    void digestChallengeAnswered_rfc3261_22_2();
    void topmostSupportedChallengeChosen_rfc8760_2_4();
    void proxyChallengeAnswered_rfc3261_22_3();
    void nonceCountRisesOnRefresh_rfc7616_3_4();
    void staleNonceIsNoFailure_rfc7616_3_3();
    void wrongPasswordFailsAndBacksOff_rfc3261_22_2();
    void missingPasswordReported();
    void failureBackoffDoublesToMaximum_rfc5626_4_5_data();
    void failureBackoffDoublesToMaximum_rfc5626_4_5();
    void backoffJitterStaysInHalfToFull_rfc5626_4_5();
    void rejectionRetriedAfterBackoff_rfc5626_4_5();
    void retryAfterHonoured_rfc3261_20_33();
    void timeoutTriesNextTargetThenFails_rfc3261_17_1_2_2();
    void transportAndResolverErrorsReported();
    void startAfterFailureTriesAtOnce();
    void unregisterSendsExpiresZero_rfc3261_10_2_2();
    void unregisterAnswersChallenge_rfc3261_22_2();
    void unregisterWithoutBindingCompletesAtOnce();
    void unregisterWaitsForRegisterInFlight_rfc3261_10_2();
    void unregisterWithoutAnswerReportsError();
    void restartKeepsCallId_rfc3261_10_2_4();
    void severalRegistrationsOnOneTransactionLayer();
    void destroyedRegistrationIgnoresLateResponses();
};

void tst_Registration::requestFormat_rfc3261_10_2()
{
    RegistrationHarness h;
    h.reg->start();
    QCOMPARE(h.resolvedFor, QList<QByteArray>{"sip:example.com"});
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.transport.sent[0].destination, endpoint(TransportType::Udp, 5060));
    const QByteArray wire = h.lastWire();
    QVERIFY(wire.startsWith("REGISTER sip:example.com SIP/2.0\r\n"));
    QCOMPARE(headerLine(wire, "To"), QByteArray("To: \"Alice\" <sip:alice@example.com>"));
    QVERIFY(headerLine(wire, "From").startsWith("From: \"Alice\" <sip:alice@example.com>;tag="));
    QCOMPARE(headerLine(wire, "CSeq"), QByteArray("CSeq: 1 REGISTER"));
    QCOMPARE(headerLine(wire, "Max-Forwards"), QByteArray("Max-Forwards: 70"));
    QCOMPARE(headerLine(wire, "Contact"),
             QByteArray("Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=3600"));
    QCOMPARE(headerLine(wire, "Expires"), QByteArray("Expires: 3600"));
    QCOMPARE(headerLine(wire, "Allow"), QByteArray("Allow: MESSAGE, OPTIONS, CANCEL, ACK"));
    QCOMPARE(headerLine(wire, "Content-Length"), QByteArray("Content-Length: 0"));
    QVERIFY(headerLine(wire, "Route").isEmpty());
    QVERIFY(headerLine(wire, "Supported").isEmpty()); // no outbound without an instance id
    QVERIFY(headerLine(wire, "Authorization").isEmpty());
    const Message m = h.last();
    QVERIFY(m.topVia().isRfc3261Branch());
    QVERIFY(m.topVia().hasRport());
    QVERIFY(!m.to().hasTag());
    QCOMPARE(m.callId(), QByteArrayView(h.reg->callId()));
    QCOMPARE(h.reg->contact(), QByteArray("sip:alice@192.0.2.10:5062;transport=udp"));
    QCOMPARE(h.states.size(), 1);
    QCOMPARE(h.states[0].state, State::Registering);
    h.reg->start(); // already registering: nothing more
    QCOMPARE(h.sentCount(), 1);
}

void tst_Registration::registrarUriAndOutboundProxyRoute_rfc3261_10_2_and_8_1_2()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.registrar = *Uri::parse("sip:registrar.example.com:5070");
    c.outboundProxy = *Uri::parse("sip:proxy.example.net");
    RegistrationHarness h(c);
    h.local = Endpoint{TransportType::Tcp, QHostAddress(QStringLiteral("2001:db8::5")), 5060};
    h.targets = {endpoint(TransportType::Tcp, 5060)};
    h.reg->start();
    QCOMPARE(h.resolvedFor, QList<QByteArray>{"sip:proxy.example.net"});
    const QByteArray wire = h.lastWire();
    QVERIFY(wire.startsWith("REGISTER sip:registrar.example.com:5070 SIP/2.0\r\n"));
    QCOMPARE(headerLine(wire, "Route"), QByteArray("Route: <sip:proxy.example.net;lr>"));
    QCOMPARE(headerLine(wire, "Contact"),
             QByteArray("Contact: <sip:alice@[2001:db8::5]:5060;transport=tcp>;expires=3600"));
    QCOMPARE(h.reg->flow(), endpoint(TransportType::Tcp, 5060));
}

void tst_Registration::serverExpiresWins_rfc3261_10_2_4_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<quint32>("granted");
    const QByteArray ours = "<sip:alice@192.0.2.10:5062;transport=udp>";
    QTest::addRow("contact param over Expires header")
        << "Contact: " + ours + ";expires=600\nExpires: 900" << 600u;
    QTest::addRow("ours among other bindings")
        << "Contact: <sip:alice@198.51.100.1:5060>;expires=50, " + ours +
               ";expires=1200\nExpires: 900"
        << 1200u;
    QTest::addRow("Expires header without our contact")
        << QByteArray("Contact: <sip:alice@198.51.100.1>;expires=70\nExpires: 900") << 900u;
    QTest::addRow("no expiry at all: what we asked") << QByteArray() << 3600u;
}

void tst_Registration::serverExpiresWins_rfc3261_10_2_4()
{
    QFETCH(QByteArray, extra);
    QFETCH(quint32, granted);
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(100); // provisional: no state change
    QCOMPARE(h.states.size(), 1);
    h.answerLast(200, extra);
    QCOMPARE(h.states.size(), 2);
    QCOMPARE(h.states[1].state, State::Registered);
    QCOMPARE(h.states[1].expires, granted);
    QCOMPARE(h.states[1].status, 200);
    QCOMPARE(h.states[1].reason, QByteArray("OK"));
    QVERIFY(h.states[1].error.isEmpty());
    QCOMPARE(h.reg->grantedExpires(), granted);
    QCOMPARE(h.reg->refreshAt(), qint64(granted) * 800);
}

void tst_Registration::refreshAt80PercentOfGrantedExpires_rfc3261_10_2_4()
{
    RegistrationHarness h;
    h.registerWith(1000);
    const Message first = h.sent(0);
    h.clock.advance(799'999);
    QCOMPARE(h.sentCount(), 1);
    h.clock.advance(1);
    QCOMPARE(h.sentCount(), 2);
    const Message refresh = h.last();
    QCOMPARE(refresh.callId(), first.callId());
    QCOMPARE(refresh.from().tag(), first.from().tag());
    QCOMPARE(refresh.cseq().number(), 2u);
    QVERIFY(refresh.topVia().branch() != first.topVia().branch());
    QCOMPARE(headerLine(h.lastWire(), "Contact"),
             QByteArray("Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=3600"));
    QCOMPARE(h.reg->state(), State::Registered); // a refresh is no state change
    h.answerLast(200, "Expires: 100");
    QCOMPARE(h.states.size(), 3); // Registering, Registered, Registered again
    QCOMPARE(h.states[2].state, State::Registered);
    QCOMPARE(h.states[2].expires, 100u);
    h.clock.advance(80'000);
    QCOMPARE(h.sentCount(), 3);
    QCOMPARE(h.last().cseq().number(), 3u);
}

void tst_Registration::intervalTooBriefRetriedWithMinExpires_rfc3261_10_2_8()
{
    Registration::Config c = RegistrationHarness::defaults();
    c.expires = 60;
    RegistrationHarness h(c);
    h.reg->start();
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 60"));
    h.answerLast(423, "Min-Expires: 300");
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(h.last().cseq().number(), 2u);
    QCOMPARE(headerLine(h.lastWire(), "Contact"),
             QByteArray("Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=300"));
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 300"));
    h.answerLast(200);
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.status().expires, 300u);
    h.clock.advance(240'000); // the refresh asks for the minimum again
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 300"));
}

void tst_Registration::intervalTooBriefWithoutMinExpiresFails_rfc3261_10_2_8()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(423, "Min-Expires: 60"); // not more than the 3600 we asked: no loop
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().status, 423);
    QVERIFY(h.status().error.contains(QStringLiteral("Min-Expires")));
}

void tst_Registration::digestChallengeAnswered_rfc3261_22_2_data()
{
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("qop");
    for (const char *algorithm : {"MD5", "SHA-256", "SHA-512-256"}) {
        QTest::addRow("%s qop=auth", algorithm) << QByteArray(algorithm) << QByteArray("auth");
        QTest::addRow("%s no qop", algorithm) << QByteArray(algorithm) << QByteArray();
    }
}

void tst_Registration::digestChallengeAnswered_rfc3261_22_2()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, qop);
    RegistrationHarness h(withPassword());
    h.reg->start();
    QByteArray challenge =
        "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\", algorithm=" + algorithm;
    if (!qop.isEmpty())
        challenge += ", qop=\"" + qop + "\"";
    h.answerLast(401, challenge);
    QCOMPARE(h.sentCount(), 2);
    const Message retry = h.last();
    QCOMPARE(retry.callId(), h.sent(0).callId());
    QCOMPARE(retry.cseq().number(), 2u);
    const auto creds = retry.authorization();
    QVERIFY(creds && creds->size() == 1);
    const AuthHeader &a = creds->front();
    QCOMPARE(a.username(), QByteArray("alice"));
    QCOMPARE(a.realm(), QByteArray("example.com"));
    QCOMPARE(a.uri(), QByteArray("sip:example.com"));
    QCOMPARE(a.algorithm(), algorithm);
    QCOMPARE(a.nonceCount(), qop.isEmpty() ? QByteArray() : QByteArray("00000001"));
    QCOMPARE(a.response(), expectedDigest(retry, a, qop, "example.com", "n1"));
    QCOMPARE(h.reg->state(), State::Registering); // a challenge is no failure
    h.answerLast(200);
    QCOMPARE(h.status().state, State::Registered);
}

void tst_Registration::topmostSupportedChallengeChosen_rfc8760_2_4()
{
    RegistrationHarness h(withPassword());
    h.reg->start();
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"x\", algorithm=SHA-999\n"
                      "WWW-Authenticate: Digest realm=\"r\", nonce=\"a\", algorithm=SHA-512-256, "
                      "qop=\"auth\"\n"
                      "WWW-Authenticate: Digest realm=\"r\", nonce=\"b\", algorithm=MD5, "
                      "qop=\"auth\"");
    const AuthHeader a = h.last().authorization()->front();
    QCOMPARE(a.algorithm(), QByteArray("SHA-512-256"));
    QCOMPARE(a.nonce(), QByteArray("a"));
    QCOMPARE(a.response(), expectedDigest(h.last(), a, "auth", "r", "a"));
}

void tst_Registration::proxyChallengeAnswered_rfc3261_22_3()
{
    RegistrationHarness h(withPassword());
    h.reg->start();
    h.answerLast(407, "Proxy-Authenticate: Digest realm=\"proxy\", nonce=\"p1\", qop=\"auth\"");
    QVERIFY(!h.last().hasHeader(HeaderId::Authorization));
    const AuthHeader p = h.last().proxyAuthorization()->front();
    QCOMPARE(p.realm(), QByteArray("proxy"));
    QCOMPARE(p.response(), expectedDigest(h.last(), p, "auth", "proxy", "p1"));
    // Then the registrar's own challenge: both answers go with the request.
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"w1\"");
    QCOMPARE(h.sentCount(), 3);
    QCOMPARE(h.last().proxyAuthorization()->front().realm(), QByteArray("proxy"));
    QCOMPARE(h.last().authorization()->front().realm(), QByteArray("example.com"));
    h.answerLast(200);
    QCOMPARE(h.status().state, State::Registered);
}

void tst_Registration::nonceCountRisesOnRefresh_rfc7616_3_4()
{
    RegistrationHarness h(withPassword());
    h.reg->start();
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\", qop=\"auth\"");
    h.answerLast(200, "Expires: 100");
    const AuthHeader first = h.last().authorization()->front();
    h.clock.advance(80'000);
    QCOMPARE(h.sentCount(), 3);
    // The refresh carries credentials at once: same nonce, next count,
    // a fresh cnonce.
    const AuthHeader again = h.last().authorization()->front();
    QCOMPARE(again.nonce(), QByteArray("n1"));
    QCOMPARE(again.nonceCount(), QByteArray("00000002"));
    QVERIFY(again.cnonce() != first.cnonce());
    QCOMPARE(again.response(), expectedDigest(h.last(), again, "auth", "r", "n1"));
    h.answerLast(200, "Expires: 100");
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.sentCount(), 3);
}

void tst_Registration::staleNonceIsNoFailure_rfc7616_3_3()
{
    RegistrationHarness h(withPassword());
    h.reg->start();
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"a\", qop=\"auth\"");
    h.answerLast(401,
                 "WWW-Authenticate: Digest realm=\"r\", nonce=\"b\", qop=\"auth\", stale=true");
    QCOMPARE(h.sentCount(), 3);
    const AuthHeader b = h.last().authorization()->front();
    QCOMPARE(b.nonce(), QByteArray("b"));
    QCOMPARE(b.nonceCount(), QByteArray("00000001"));
    h.answerLast(200, "Expires: 100");
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.reg->failureCount(), 0);
    // At the refresh the server has forgotten the nonce and challenges the
    // credentials sent ahead without stale: a fresh challenge, answered.
    h.clock.advance(80'000);
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"c\", qop=\"auth\"");
    QCOMPARE(h.sentCount(), 5);
    QCOMPARE(h.last().authorization()->front().nonce(), QByteArray("c"));
    h.answerLast(200, "Expires: 100");
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.states.last().state, State::Registered);
    for (const RegistrationStatus &s : h.states)
        QVERIFY(s.state != State::Failed);
}

void tst_Registration::wrongPasswordFailsAndBacksOff_rfc3261_22_2()
{
    RegistrationHarness h(withPassword());
    h.reg->start();
    const QByteArray challenge = "WWW-Authenticate: Digest realm=\"r\", nonce=\"a\"";
    h.answerLast(401, challenge);
    h.answerLast(401, challenge);
    QCOMPARE(h.sentCount(), 2); // not a third time
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().status, 401);
    QCOMPARE(h.status().reason, QByteArray("Unauthorized"));
    QVERIFY(h.status().error.contains(QStringLiteral("wrong user name or password")));
    QCOMPARE(h.status().retryInMs, 30'000);
    h.clock.advance(29'999);
    QCOMPARE(h.sentCount(), 2);
    h.clock.advance(1);
    QCOMPARE(h.sentCount(), 3);
    QCOMPARE(h.states.last().state, State::Registering);
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QCOMPARE(h.last().cseq().number(), 3u);
    QVERIFY(!h.last().hasHeader(HeaderId::Authorization)); // a new attempt starts afresh
    h.answerLast(401, challenge);
    h.answerLast(401, challenge);
    QCOMPARE(h.sentCount(), 4);
    QCOMPARE(h.status().retryInMs, 60'000);
}

void tst_Registration::missingPasswordReported()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(407, "Proxy-Authenticate: Digest realm=\"r\", nonce=\"a\"");
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().status, 407);
    QVERIFY(h.status().error.contains(QStringLiteral("none is configured")));
}

void tst_Registration::failureBackoffDoublesToMaximum_rfc5626_4_5_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delay");
    QTest::addRow("1st") << 1 << qint64(30'000);
    QTest::addRow("2nd") << 2 << qint64(60'000);
    QTest::addRow("3rd") << 3 << qint64(120'000);
    QTest::addRow("6th") << 6 << qint64(960'000);
    QTest::addRow("7th capped") << 7 << qint64(1'800'000);
    QTest::addRow("40th capped") << 40 << qint64(1'800'000);
}

void tst_Registration::failureBackoffDoublesToMaximum_rfc5626_4_5()
{
    QFETCH(int, failures);
    QFETCH(qint64, delay);
    TestRandom none;
    QCOMPARE(Registration::backoffDelay(RegistrationHarness::defaults(), failures, none), delay);
}

void tst_Registration::backoffJitterStaysInHalfToFull_rfc5626_4_5()
{
    Registration::Config c = RegistrationHarness::defaults();
    TestRandom most;
    most.fixed = 1'000'000'000; // the largest jitter there is
    QCOMPARE(Registration::backoffDelay(c, 1, most), 15'000);
    QCOMPARE(Registration::backoffDelay(c, 9, most), 900'000);
    c.retryBaseMs = 1000;
    c.retryMaxMs = 4000;
    c.retryJitter = 0;
    QCOMPARE(Registration::backoffDelay(c, 5, most), 4000);
    SeededRandom seeded(3);
    c = RegistrationHarness::defaults();
    for (int i = 0; i < 200; ++i) {
        const qint64 d = Registration::backoffDelay(c, 2, seeded);
        QVERIFY2(d >= 30'000 && d <= 60'000, QByteArray::number(d).constData());
    }
}

void tst_Registration::rejectionRetriedAfterBackoff_rfc5626_4_5()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(403);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().status, 403);
    QCOMPARE(h.status().reason, QByteArray("Forbidden"));
    QCOMPARE(h.status().error, QStringLiteral("the registrar answered 403 Forbidden"));
    QCOMPARE(h.status().retryInMs, 30'000);
    QCOMPARE(h.resolvedFor.size(), 1);
    h.clock.advance(30'000);
    QCOMPARE(h.resolvedFor.size(), 2); // a new attempt resolves again
    QCOMPARE(h.sentCount(), 2);
    h.answerLast(500);
    QCOMPARE(h.status().retryInMs, 60'000);
    h.clock.advance(60'000);
    h.answerLast(200);
    QCOMPARE(h.status().state, State::Registered);
    QCOMPARE(h.reg->failureCount(), 0);
}

void tst_Registration::retryAfterHonoured_rfc3261_20_33()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(503, "Retry-After: 120 (maintenance)");
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().retryInMs, 120'000);
    h.clock.advance(119'999);
    QCOMPARE(h.sentCount(), 1);
    h.clock.advance(1);
    QCOMPARE(h.sentCount(), 2);
}

void tst_Registration::timeoutTriesNextTargetThenFails_rfc3261_17_1_2_2()
{
    RegistrationHarness h;
    h.targets = {endpoint(TransportType::Udp, 5060), endpoint(TransportType::Udp, 5062)};
    h.reg->start();
    h.clock.advance(32'000); // Timer F
    QCOMPARE(h.transport.sent.back().destination, endpoint(TransportType::Udp, 5062));
    QCOMPARE(h.reg->state(), State::Registering);
    h.clock.advance(32'000);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().status, 0);
    QVERIFY(h.status().error.startsWith(QStringLiteral("no answer from udp:127.0.0.1:5062")));
    QCOMPARE(h.status().retryInMs, 30'000);
}

void tst_Registration::transportAndResolverErrorsReported()
{
    RegistrationHarness h;
    h.transport.failWith = QStringLiteral("connection refused");
    h.reg->start();
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().error,
             QStringLiteral("could not send to udp:127.0.0.1:5060: connection refused"));
    h.transport.failWith.clear();
    h.targets.clear();
    h.clock.advance(30'000);
    QCOMPARE(h.status().state, State::Failed);
    QCOMPARE(h.status().error, QStringLiteral("cannot resolve"));
    QCOMPARE(h.status().retryInMs, 60'000);
    h.targets = {endpoint(TransportType::Udp)};
    h.local.reset();
    h.clock.advance(60'000);
    QCOMPARE(h.status().state, State::Failed);
    QVERIFY(h.status().error.contains(QStringLiteral("no udp transport bound")));
}

void tst_Registration::startAfterFailureTriesAtOnce()
{
    RegistrationHarness h;
    h.reg->start();
    h.answerLast(480);
    QCOMPARE(h.status().state, State::Failed);
    h.reg->start();
    QCOMPARE(h.sentCount(), 2);
    h.answerLast(200);
    QCOMPARE(h.status().state, State::Registered);
    h.clock.advance(30'000); // the cancelled retry does not fire
    QCOMPARE(h.sentCount(), 2);
}

void tst_Registration::unregisterSendsExpiresZero_rfc3261_10_2_2()
{
    RegistrationHarness h;
    h.registerWith(600);
    QList<RegistrationStatus> done;
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    QCOMPARE(h.sentCount(), 2);
    const QByteArray wire = h.lastWire();
    QCOMPARE(headerLine(wire, "Contact"),
             QByteArray("Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=0"));
    QCOMPARE(headerLine(wire, "Expires"), QByteArray("Expires: 0"));
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QCOMPARE(h.last().cseq().number(), 2u);
    QVERIFY(done.isEmpty());
    h.answerLast(200);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].state, State::Unregistered);
    QCOMPARE(done[0].status, 200);
    QCOMPARE(h.states.last().state, State::Unregistered);
    h.clock.advance(3'600'000); // no refresh, no retry, no keep-alive
    QCOMPARE(h.sentCount(), 2);
    QVERIFY(h.keepAlives.isEmpty());
}

void tst_Registration::unregisterAnswersChallenge_rfc3261_22_2()
{
    RegistrationHarness h(withPassword());
    h.registerWith();
    QList<RegistrationStatus> done;
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    h.answerLast(401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"u\", qop=\"auth\"");
    QCOMPARE(h.sentCount(), 3);
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 0"));
    const AuthHeader a = h.last().authorization()->front();
    QCOMPARE(a.response(), expectedDigest(h.last(), a, "auth", "r", "u"));
    h.answerLast(200);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].status, 200);
    QVERIFY(done[0].error.isEmpty());
}

void tst_Registration::unregisterWithoutBindingCompletesAtOnce()
{
    RegistrationHarness h;
    QList<RegistrationStatus> done;
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].state, State::Unregistered);
    QCOMPARE(done[0].status, 0);
    QCOMPARE(h.sentCount(), 0);
    // A failed first attempt bound nothing either.
    h.reg->start();
    h.answerLast(404);
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    QCOMPARE(done.size(), 2);
    QCOMPARE(h.sentCount(), 1);
    h.clock.advance(60'000); // and the retry is off
    QCOMPARE(h.sentCount(), 1);
}

void tst_Registration::unregisterWaitsForRegisterInFlight_rfc3261_10_2()
{
    RegistrationHarness h;
    h.reg->start();
    QList<RegistrationStatus> done;
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    QCOMPARE(h.sentCount(), 1); // §10.2: not before the previous one's final response
    h.answerLast(200, RegistrationHarness::contactEcho(h.last(), 3600));
    QCOMPARE(h.sentCount(), 2);
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 0"));
    QVERIFY(done.isEmpty());
    h.answerLast(200);
    QCOMPARE(done.size(), 1);
    QCOMPARE(h.reg->state(), State::Unregistered);
}

void tst_Registration::unregisterWithoutAnswerReportsError()
{
    RegistrationHarness h;
    h.registerWith();
    QList<RegistrationStatus> done;
    h.reg->unregister([&](const RegistrationStatus &s) { done << s; });
    h.clock.advance(32'000);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0].state, State::Unregistered);
    QCOMPARE(done[0].status, 0);
    QVERIFY(done[0].error.startsWith(QStringLiteral("no answer from udp:127.0.0.1:5060")));
}

void tst_Registration::restartKeepsCallId_rfc3261_10_2_4()
{
    RegistrationHarness h;
    h.registerWith();
    h.reg->unregister();
    h.answerLast(200);
    h.reg->start();
    QCOMPARE(h.sentCount(), 3);
    QCOMPARE(h.last().callId(), h.sent(0).callId());
    QCOMPARE(h.last().cseq().number(), 3u);
    QCOMPARE(headerLine(h.lastWire(), "Expires"), QByteArray("Expires: 3600"));
}

void tst_Registration::severalRegistrationsOnOneTransactionLayer()
{
    RegistrationHarness h;
    Registration::Config bobConfig = RegistrationHarness::defaults();
    bobConfig.aor = "sip:bob@example.org";
    bobConfig.displayName.clear();
    Registration bob(h.layer, h.clock, h.random, h.network(), bobConfig);
    h.reg->start();
    bob.start();
    QCOMPARE(h.sentCount(), 2);
    const Message alices = h.sent(0);
    const Message bobs = h.sent(1);
    QVERIFY(alices.callId() != bobs.callId());
    QCOMPARE(bobs.requestUri().text(), QByteArrayView("sip:example.org"));
    QCOMPARE(headerLine(h.transport.sent[1].wire, "Contact"),
             QByteArray("Contact: <sip:bob@192.0.2.10:5062;transport=udp>;expires=3600"));
    h.answer(1, 200, "Expires: 120");
    QCOMPARE(bob.state(), State::Registered);
    QCOMPARE(h.reg->state(), State::Registering);
    h.answer(0, 403);
    QCOMPARE(h.reg->state(), State::Failed);
    QCOMPARE(bob.state(), State::Registered);
    bob.unregister();
    h.answerLast(200);
    QCOMPARE(bob.state(), State::Unregistered);
    QCOMPARE(h.reg->state(), State::Failed);
}

void tst_Registration::destroyedRegistrationIgnoresLateResponses()
{
    RegistrationHarness h;
    h.reg->start();
    h.reg.reset();
    h.answer(0, 200); // matched to its transaction, ignored by the gone TU
    h.clock.advance(3'600'000);
    QCOMPARE(h.sentCount(), 1);
    QCOMPARE(h.states.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Registration)
#include "tst_Registration.moc"
