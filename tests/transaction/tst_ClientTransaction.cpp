// SPDX-License-Identifier: GPL-3.0-or-later
// The non-INVITE client transaction, RFC 3261 §17.1.2, on a manual clock and
// a fake transport.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "TransactionFixtures.h"
#include "transaction/ClientTransaction.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

struct Harness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    QList<int> responses;
    QList<ClientFailure> failures;
    int terminated = 0;
    std::unique_ptr<ClientTransaction> txn;

    explicit Harness(TransportType type)
    {
        ClientTransaction::Handlers h;
        h.onResponse = [this](const Message &r) { responses << r.statusCode(); };
        h.onFailure = [this](const ClientFailure &f) { failures << f; };
        h.onTerminated = [this] { ++terminated; };
        txn = std::make_unique<ClientTransaction>(
            request("MESSAGE", "z9hG4bKc1", transportName(type)), endpoint(type), clock, transport,
            TimerValues{}, h);
        txn->start();
    }
    QList<qint64> sendTimes() const
    {
        QList<qint64> t;
        for (const auto &s : transport.sent)
            t << s.at;
        return t;
    }
};

} // namespace

class tst_ClientTransaction : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_17_1_2_2_timerE_doublesToT2_thenTimerF();
    void rfc3261_17_1_2_2_reliableTransportNoRetransmit();
    void rfc3261_17_1_2_2_proceedingRetransmitsEveryT2();
    void rfc3261_17_1_2_2_finalResponse_completed_timerK_data();
    void rfc3261_17_1_2_2_finalResponse_completed_timerK();
    void rfc3261_17_1_4_transportErrorSynchronous();
    void rfc3261_17_1_4_transportErrorLater();
    void transportErrorAfterFinalIsIgnored();
};

void tst_ClientTransaction::rfc3261_17_1_2_2_timerE_doublesToT2_thenTimerF()
{
    Harness h(TransportType::Udp);
    h.clock.advance(40000);
    // Sent at 0, then Timer E: 500, 1000, 2000, 4000 (T2), 4000, ...
    QCOMPARE(h.sendTimes(),
             (QList<qint64>{0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500}));
    QCOMPARE(h.txn->retransmissions(), 10);
    // Timer F (64*T1 = 32 s): the TU hears of the timeout, once.
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.failures[0].kind, ClientFailure::Kind::Timeout);
    QVERIFY(h.failures[0].reason.contains(QStringLiteral("32")));
    QVERIFY(h.responses.isEmpty());
    QCOMPARE(h.txn->state(), ClientTransaction::State::Terminated);
    QCOMPARE(h.terminated, 1);
    QCOMPARE(h.clock.pendingCount(), 0);
    // Every copy is the same request.
    for (const auto &s : h.transport.sent)
        QCOMPARE(s.wire, h.transport.sent[0].wire);
}

void tst_ClientTransaction::rfc3261_17_1_2_2_reliableTransportNoRetransmit()
{
    Harness h(TransportType::Tcp);
    h.clock.advance(31999);
    QCOMPARE(h.transport.sent.size(), 1);
    QVERIFY(h.failures.isEmpty());
    h.clock.advance(1);
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.failures[0].kind, ClientFailure::Kind::Timeout);
}

void tst_ClientTransaction::rfc3261_17_1_2_2_proceedingRetransmitsEveryT2()
{
    Harness h(TransportType::Udp);
    h.clock.advance(600); // sent at 0 and 500
    h.txn->receiveResponse(responseTo(h.txn->request(), 100));
    QCOMPARE(h.txn->state(), ClientTransaction::State::Proceeding);
    QCOMPARE(h.responses, QList<int>{100});
    h.clock.advance(10000);
    // The pending Timer E (due 1500) still fires; from then on every T2.
    QCOMPARE(h.sendTimes(), (QList<qint64>{0, 500, 1500, 5500, 9500}));
    h.txn->receiveResponse(responseTo(h.txn->request(), 180));
    QCOMPARE(h.responses, (QList<int>{100, 180}));
}

void tst_ClientTransaction::rfc3261_17_1_2_2_finalResponse_completed_timerK_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("reliable");
    QTest::addRow("200 over UDP") << 200 << false;
    QTest::addRow("202 over UDP") << 202 << false;
    QTest::addRow("404 over UDP") << 404 << false;
    QTest::addRow("200 over TCP") << 200 << true;
    QTest::addRow("503 over TCP") << 503 << true;
}

void tst_ClientTransaction::rfc3261_17_1_2_2_finalResponse_completed_timerK()
{
    QFETCH(int, status);
    QFETCH(bool, reliable);
    Harness h(reliable ? TransportType::Tcp : TransportType::Udp);
    h.clock.advance(100);
    const Message final = responseTo(h.txn->request(), status);
    h.txn->receiveResponse(final);
    QCOMPARE(h.responses, QList<int>{status});
    if (reliable) {
        // Timer K is zero on reliable transports: straight to Terminated.
        QCOMPARE(h.txn->state(), ClientTransaction::State::Terminated);
    } else {
        QCOMPARE(h.txn->state(), ClientTransaction::State::Completed);
        // Retransmissions of the response are absorbed.
        h.txn->receiveResponse(final);
        h.txn->receiveResponse(final);
        QCOMPARE(h.responses, QList<int>{status});
        // No more requests go out in Completed.
        h.clock.advance(4999);
        QCOMPARE(h.transport.sent.size(), 1);
        QCOMPARE(h.txn->state(), ClientTransaction::State::Completed);
        h.clock.advance(1); // Timer K = T4 = 5 s
        QCOMPARE(h.txn->state(), ClientTransaction::State::Terminated);
    }
    QCOMPARE(h.terminated, 1);
    QVERIFY(h.failures.isEmpty());
    QCOMPARE(h.clock.pendingCount(), 0);
}

void tst_ClientTransaction::rfc3261_17_1_4_transportErrorSynchronous()
{
    ManualScheduler clock;
    FakeTransport transport;
    transport.failWith = QStringLiteral("connection refused");
    QList<ClientFailure> failures;
    ClientTransaction::Handlers h;
    h.onFailure = [&](const ClientFailure &f) { failures << f; };
    ClientTransaction txn(request(), endpoint(TransportType::Tcp), clock, transport, {}, h);
    txn.start();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures[0].kind, ClientFailure::Kind::TransportError);
    QCOMPARE(failures[0].reason, QStringLiteral("connection refused"));
    QCOMPARE(txn.state(), ClientTransaction::State::Terminated);
    QCOMPARE(clock.pendingCount(), 0);
}

void tst_ClientTransaction::rfc3261_17_1_4_transportErrorLater()
{
    Harness h(TransportType::Tls);
    h.clock.advance(200);
    h.transport.pendingErrors.first()(QStringLiteral("certificate verify failed"));
    QCOMPARE(h.failures.size(), 1);
    QCOMPARE(h.failures[0].reason, QStringLiteral("certificate verify failed"));
    QCOMPARE(h.txn->state(), ClientTransaction::State::Terminated);
    // A late response changes nothing.
    h.txn->receiveResponse(responseTo(h.txn->request(), 200));
    QVERIFY(h.responses.isEmpty());
}

void tst_ClientTransaction::transportErrorAfterFinalIsIgnored()
{
    Harness h(TransportType::Udp);
    h.txn->receiveResponse(responseTo(h.txn->request(), 200));
    h.transport.pendingErrors.first()(QStringLiteral("late"));
    QVERIFY(h.failures.isEmpty());
    // An error callback that outlives its transaction is harmless.
    auto error = h.transport.pendingErrors.first();
    h.txn.reset();
    error(QStringLiteral("after destruction"));
}

QTEST_GUILESS_MAIN(tst_ClientTransaction)
#include "tst_ClientTransaction.moc"
