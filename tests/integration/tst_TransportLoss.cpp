// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3261 §17.1.2.2 and §17.2.2 over a lossy path: with 30 % (and 90 %) of
// the messages each side sends dropped (seeded, reproducible), 50 MESSAGEs
// over UDP each end with exactly one final outcome, a 200 or a reported
// timeout; none is lost silently and none reaches the TU twice.

#include "Peer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace sip;
using namespace sip::test;

class tst_TransportLoss : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_17_1_2_2_everyMessageGetsOneOutcomeDespiteLoss_data();
    void rfc3261_17_1_2_2_everyMessageGetsOneOutcomeDespiteLoss();
};

void tst_TransportLoss::rfc3261_17_1_2_2_everyMessageGetsOneOutcomeDespiteLoss_data()
{
    QTest::addColumn<double>("loss");
    QTest::addColumn<bool>("expectTimeouts");
    // Retransmissions (Timer E) recover 30 % loss.
    QTest::newRow("loss30") << 0.3 << false;
    // At 90 % most transactions cannot finish: each must say so (Timer F).
    QTest::newRow("loss90") << 0.9 << true;
}

void tst_TransportLoss::rfc3261_17_1_2_2_everyMessageGetsOneOutcomeDespiteLoss()
{
    QFETCH(double, loss);
    QFETCH(bool, expectTimeouts);
    constexpr int kCount = 50;
    Peer alice;
    Peer bob;
    QVERIFY(alice.bind(TransportType::Udp));
    QVERIFY(bob.bind(TransportType::Udp));
    alice.lossy.setDropRate(loss, 20260101);
    bob.lossy.setDropRate(loss, 20260102);

    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < kCount; ++n)
        alice.sendMessage(bob.endpoint(TransportType::Udp), "lossy " + QByteArray::number(n));
    // Timer F is 64*T1 = 3.2 s: every transaction has ended well before 10 s.
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), kCount, 10000);
    const qint64 elapsed = timer.elapsed();
    // Late retransmissions and Timer K change nothing.
    QTest::qWait(600);

    int ok = 0;
    int timeouts = 0;
    for (const Peer::Outcome &o : alice.outcomes) {
        QCOMPARE(o.finals, 1);
        if (o.status == 200)
            ++ok;
        else if (o.timeout)
            ++timeouts;
        else
            QFAIL(qPrintable(
                QStringLiteral("unexpected outcome: %1 %2").arg(o.status).arg(o.failure)));
    }
    QCOMPARE(ok + timeouts, kCount);
    // Every 200 answers a MESSAGE Bob's TU saw, and the TU saw each at most once.
    QSet<QByteArray> seen;
    for (const ReceivedMessage &r : bob.requests)
        seen.insert(r.message.callId().toByteArray());
    QCOMPARE(seen.size(), bob.requests.size());
    QVERIFY(bob.requests.size() >= ok);
    for (const Peer::Outcome &o : alice.outcomes) {
        if (o.status == 200)
            QVERIFY(seen.contains(o.response.callId().toByteArray()));
    }
    QVERIFY(alice.lossy.droppedRequests > 0);
    QVERIFY(bob.lossy.droppedResponses > 0);
    if (expectTimeouts)
        QVERIFY(timeouts > 0);
    qInfo("%d MESSAGEs, %d%% loss: %d got 200, %d timed out, after %lld ms; Alice sent %d "
          "requests (%d dropped), Bob sent %d responses (%d dropped), Bob's TU saw %lld",
          kCount, int(loss * 100), ok, timeouts, elapsed, alice.lossy.requests,
          alice.lossy.droppedRequests, bob.lossy.responses, bob.lossy.droppedResponses,
          qlonglong(bob.requests.size()));
}

QTEST_MAIN(tst_TransportLoss)
#include "tst_TransportLoss.moc"
