// SPDX-License-Identifier: GPL-3.0-or-later
// Sending MESSAGE (RFC 3428 §4): request format, outcomes, digest answers,
// per-recipient order, target failover and the §8 size rule — over the real
// transaction layer on a manual clock and a fake transport.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "../transaction/TransactionFixtures.h"
#include "auth/Digest.h"
#include "ua/Pager.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

struct Harness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    TransactionLayer layer{clock, transport};
    SeededRandom random{42};
    QList<Endpoint> targets{endpoint(TransportType::Udp, 5060)};
    QList<QByteArray> resolvedFor;
    QList<SendResult> results;
    std::unique_ptr<Pager> pager;

    explicit Harness(Pager::Config config = defaults())
    {
        pager = std::make_unique<Pager>(
            layer, random,
            [this](const Uri &target, qsizetype, Pager::ResolveCallback done) {
                resolvedFor << target.toByteArray();
                done(targets, targets.isEmpty() ? QStringLiteral("cannot resolve") : QString());
            },
            config);
    }
    static Pager::Config defaults()
    {
        Pager::Config c;
        c.from = "sip:alice@127.0.0.1";
        c.displayName = QStringLiteral("Alice Ä");
        return c;
    }
    void send(QByteArrayView to, const QByteArray &body = "hello")
    {
        pager->send({*Uri::parse(to.toByteArray()), body},
                    [this](const SendResult &r) { results << r; });
    }
    Message sentRequest(int i) const { return parseOrDie(transport.sent.at(i).wire); }
    // Answers sent request `i` with `status` (and extra header lines).
    void answer(int i, int status, const QByteArray &extra = {})
    {
        Message r = responseTo(sentRequest(i), status);
        if (!extra.isEmpty()) {
            for (const QByteArray &line : extra.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                r.addHeader(line.left(colon), line.mid(colon + 1));
            }
        }
        layer.receive(received(parseOrDie(r.toWire())));
    }
};

} // namespace

class tst_Pager : public QObject
{
    Q_OBJECT

private slots:
    void rfc3428_4_requestFormat();
    void rfc3261_8_1_2_outboundProxyBecomesLooseRoute();
    void rfc3608_6_serviceRouteIsTheRouteSet();
    void rfc3428_4_outcomes_data();
    void rfc3428_4_outcomes();
    void rfc3261_22_2_proxyChallengeAnswered();
    void rfc3261_22_wrongPasswordNotRetriedInALoop();
    void rfc7616_3_3_staleNonceRetriedOnce();
    void noCredentialsReportsIt();
    void onePerRecipientInOrder();
    void rfc3261_17_1_2_2_timeoutThenNextTarget();
    void transportErrorReported();
    void rfc3428_8_sizeRules();
};

void tst_Pager::rfc3428_4_requestFormat()
{
    Harness h;
    h.send("sip:bob@127.0.0.1", "Grüße");
    QCOMPARE(h.transport.sent.size(), 1);
    const Message m = h.sentRequest(0);
    QCOMPARE(m.method(), Method::Message);
    QCOMPARE(m.requestUri().text(), QByteArrayView("sip:bob@127.0.0.1"));
    QVERIFY(m.to().uri().equivalentTo(m.requestUri())); // To is the recipient
    QVERIFY(!m.to().hasTag());
    QVERIFY(m.from().hasTag());
    QCOMPARE(m.from().displayName(), QStringLiteral("Alice Ä"));
    QCOMPARE(m.from().uri().text(), QByteArrayView("sip:alice@127.0.0.1"));
    QVERIFY(!m.callId().isEmpty());
    QCOMPARE(m.cseq().number(), 1u);
    QCOMPARE(m.cseq().method(), QByteArrayView("MESSAGE"));
    QCOMPARE(m.maxForwards(), 70);
    QVERIFY(!m.hasHeader(HeaderId::Contact));
    QVERIFY(m.topVia().isRfc3261Branch());
    QCOMPARE(m.contentType().text(), QByteArrayView("text/plain;charset=UTF-8"));
    QCOMPARE(m.body(), QByteArrayView("Grüße"));
    QCOMPARE(h.resolvedFor, QList<QByteArray>{"sip:bob@127.0.0.1"});
}

void tst_Pager::rfc3261_8_1_2_outboundProxyBecomesLooseRoute()
{
    Pager::Config c = Harness::defaults();
    c.outboundProxy = *Uri::parse("sip:proxy.example:5070");
    Harness h(c);
    h.send("sip:bob@example.org");
    const Message m = h.sentRequest(0);
    QCOMPARE(m.header(HeaderId::Route), QByteArrayView("<sip:proxy.example:5070;lr>"));
    QCOMPARE(m.requestUri().text(), QByteArrayView("sip:bob@example.org"));
    QCOMPARE(h.resolvedFor, QList<QByteArray>{"sip:proxy.example:5070"});
}

void tst_Pager::rfc3608_6_serviceRouteIsTheRouteSet()
{
    Harness h;
    h.pager->setServiceRoute({"<sip:orig@scscf.example.com;lr>", "<sip:as.example.com;lr>"});
    h.send("sip:bob@example.org");
    Message m = h.sentRequest(0);
    QCOMPARE(m.headerValues(HeaderId::Route),
             (QList<QByteArrayView>{"<sip:orig@scscf.example.com;lr>", "<sip:as.example.com;lr>"}));
    QCOMPARE(m.requestUri().text(), QByteArrayView("sip:bob@example.org"));
    // Without an outbound proxy the first Service-Route entry is the first hop.
    QCOMPARE(h.resolvedFor, QList<QByteArray>{"sip:orig@scscf.example.com;lr"});

    // With one, its Route comes first and it stays the first hop.
    Pager::Config c = Harness::defaults();
    c.outboundProxy = *Uri::parse("sip:proxy.example:5070");
    Harness p(c);
    p.pager->setServiceRoute({"<sip:orig@scscf.example.com;lr>"});
    p.send("sip:bob@example.org");
    m = p.sentRequest(0);
    QCOMPARE(
        m.headerValues(HeaderId::Route),
        (QList<QByteArrayView>{"<sip:proxy.example:5070;lr>", "<sip:orig@scscf.example.com;lr>"}));
    QCOMPARE(p.resolvedFor, QList<QByteArray>{"sip:proxy.example:5070"});
}

void tst_Pager::rfc3428_4_outcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("error");
    QTest::addRow("200 delivered") << 200 << int(SendResult::Outcome::Delivered) << QString();
    QTest::addRow("202 accepted, not delivered")
        << 202 << int(SendResult::Outcome::Accepted) << QString();
    QTest::addRow("404 rejected") << 404 << int(SendResult::Outcome::Rejected) << QString();
    QTest::addRow("480 rejected") << 480 << int(SendResult::Outcome::Rejected) << QString();
    QTest::addRow("413 too large")
        << 413 << int(SendResult::Outcome::Rejected) << QStringLiteral("too large");
    QTest::addRow("513 too large")
        << 513 << int(SendResult::Outcome::Rejected) << QStringLiteral("too large");
    QTest::addRow("603 decline") << 603 << int(SendResult::Outcome::Rejected) << QString();
}

void tst_Pager::rfc3428_4_outcomes()
{
    QFETCH(int, status);
    QFETCH(int, outcome);
    QFETCH(QString, error);
    Harness h;
    h.send("sip:bob@127.0.0.1");
    h.answer(0, 100); // provisional responses are not outcomes
    QVERIFY(h.results.isEmpty());
    h.answer(0, status);
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(int(h.results[0].outcome), outcome);
    QCOMPARE(h.results[0].status, status);
    QCOMPARE(h.results[0].reason, QByteArray(Message::defaultReason(status).toByteArray()));
    QCOMPARE(h.results[0].callId, h.sentRequest(0).callId().toByteArray());
    QCOMPARE(h.results[0].transport, TransportType::Udp);
    QVERIFY(h.results[0].error.contains(error));
}

void tst_Pager::rfc3261_22_2_proxyChallengeAnswered()
{
    Pager::Config c = Harness::defaults();
    c.authUser = "alice";
    c.password = "secret";
    Harness h(c);
    h.send("sip:bob@127.0.0.1");
    h.answer(0, 407,
             "Proxy-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"n0nce\", qop=\"auth\", "
             "algorithm=SHA-256");
    QCOMPARE(h.transport.sent.size(), 2);
    const Message first = h.sentRequest(0);
    const Message retry = h.sentRequest(1);
    QCOMPARE(retry.callId(), first.callId());
    QCOMPARE(retry.from().tag(), first.from().tag());
    QCOMPARE(retry.cseq().number(), 2u);
    QVERIFY(retry.topVia().branch() != first.topVia().branch());
    const auto creds = retry.proxyAuthorization();
    QVERIFY(creds && creds->size() == 1);
    const AuthHeader &a = creds->front();
    QCOMPARE(a.username(), QByteArray("alice"));
    QCOMPARE(a.uri(), QByteArray("sip:bob@127.0.0.1"));
    QCOMPARE(a.algorithm(), QByteArray("SHA-256"));
    Digest::Input in{"alice", "secret", "MESSAGE", "sip:bob@127.0.0.1", a.cnonce(), 1};
    QCOMPARE(a.response(), Digest::response("SHA-256", "auth", "127.0.0.1", "n0nce", in).value());
    h.answer(1, 200);
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].outcome, SendResult::Outcome::Delivered);
}

void tst_Pager::rfc3261_22_wrongPasswordNotRetriedInALoop()
{
    Pager::Config c = Harness::defaults();
    c.password = "wrong";
    Harness h(c);
    h.send("sip:bob@127.0.0.1");
    const QByteArray challenge = "WWW-Authenticate: Digest realm=\"r\", nonce=\"a\"";
    h.answer(0, 401, challenge);
    h.answer(1, 401, challenge);
    QCOMPARE(h.transport.sent.size(), 2);
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, 401);
    QVERIFY(h.results[0].error.contains(QStringLiteral("wrong user name or password")));
}

void tst_Pager::rfc7616_3_3_staleNonceRetriedOnce()
{
    Pager::Config c = Harness::defaults();
    c.password = "pw";
    Harness h(c);
    h.send("sip:bob@127.0.0.1");
    h.answer(0, 401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"a\"");
    h.answer(1, 401, "WWW-Authenticate: Digest realm=\"r\", nonce=\"b\", stale=true");
    QCOMPARE(h.transport.sent.size(), 3);
    QCOMPARE(h.sentRequest(2).authorization()->front().nonce(), QByteArray("b"));
    h.answer(2, 200);
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].isSuccess());
}

void tst_Pager::noCredentialsReportsIt()
{
    Harness h;
    h.send("sip:bob@127.0.0.1");
    h.answer(0, 407, "Proxy-Authenticate: Digest realm=\"r\", nonce=\"a\"");
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, 407);
    QVERIFY(h.results[0].error.contains(QStringLiteral("password")));
}

void tst_Pager::onePerRecipientInOrder()
{
    Harness h;
    h.send("sip:bob@127.0.0.1", "one");
    h.send("sip:bob@127.0.0.1", "two");
    h.send("sip:carol@127.0.0.1", "for carol");
    h.send("sip:BOB@127.0.0.1", "three (another user: BOB)");
    h.send("sip:bob@127.0.0.1", "four");
    // bob's first, carol's and BOB's are in flight; bob's others wait.
    QCOMPARE(h.transport.sent.size(), 3);
    QCOMPARE(h.pager->queuedCount(), 2);
    h.answer(0, 404); // a failure is reported and bob's queue goes on
    QCOMPARE(h.transport.sent.size(), 4);
    QCOMPARE(h.sentRequest(3).body(), QByteArrayView("two"));
    h.answer(3, 200);
    QCOMPARE(h.sentRequest(4).body(), QByteArrayView("four"));
    h.answer(4, 200);
    h.answer(1, 200);
    h.answer(2, 200);
    QCOMPARE(h.results.size(), 5);
    QCOMPARE(h.pager->inFlightCount(), 0);
    QCOMPARE(h.pager->queuedCount(), 0);
}

void tst_Pager::rfc3261_17_1_2_2_timeoutThenNextTarget()
{
    Harness h;
    h.targets = {endpoint(TransportType::Tcp, 5060), endpoint(TransportType::Udp, 5062)};
    h.send("sip:bob@example.org");
    h.clock.advance(32000); // Timer F on the first target
    QCOMPARE(h.transport.sent.back().destination, endpoint(TransportType::Udp, 5062));
    QVERIFY(h.results.isEmpty());
    h.clock.advance(32000);
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].outcome, SendResult::Outcome::Failed);
    QVERIFY(h.results[0].timedOut);
    QVERIFY(h.results[0].error.startsWith(QStringLiteral("no answer from udp:127.0.0.1:5062")));
}

void tst_Pager::transportErrorReported()
{
    Harness h;
    h.transport.failWith = QStringLiteral("connection refused");
    h.send("sip:bob@127.0.0.1");
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].outcome, SendResult::Outcome::Failed);
    QCOMPARE(h.results[0].error,
             QStringLiteral("could not send to udp:127.0.0.1:5060: connection refused"));
    QVERIFY(!h.results[0].timedOut);
    h.targets.clear();
    h.transport.failWith.clear();
    h.send("sip:bob@nowhere.invalid");
    QCOMPARE(h.results[1].error, QStringLiteral("cannot resolve"));
}

void tst_Pager::rfc3428_8_sizeRules()
{
    Pager::Config c = Harness::defaults();
    c.maxMessageSize = 4096;
    Harness h(c);
    h.send("sip:bob@127.0.0.1", QByteArray(5000, 'x')); // over the configured maximum
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].error.contains(QStringLiteral("limit is 4096")));
    h.send("sip:bob@127.0.0.1", QByteArray(2000, 'y')); // > 1300 but only UDP available
    QCOMPARE(h.results.size(), 2);
    QVERIFY(h.results[1].error.contains(QStringLiteral("TCP or TLS")));
    h.targets = {endpoint(TransportType::Tcp)};
    h.send("sip:bob@127.0.0.1", QByteArray(2000, 'z'));
    QCOMPARE(h.transport.sent.size(), 1);
    QCOMPARE(h.sentRequest(0).body().size(), 2000);
    QVERIFY(h.transport.sent[0].wire.size() > 2000);
}

QTEST_GUILESS_MAIN(tst_Pager)
#include "tst_Pager.moc"
