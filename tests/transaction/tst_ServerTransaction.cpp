// SPDX-License-Identifier: GPL-3.0-or-later
// The non-INVITE server transaction, RFC 3261 §17.2.2, on a manual clock and
// a fake transport.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "TransactionFixtures.h"
#include "transaction/ServerTransaction.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

struct Harness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    QStringList errors;
    int terminated = 0;
    Message req;
    std::unique_ptr<ServerTransaction> txn;

    explicit Harness(TransportType type)
        : req(request("MESSAGE", "z9hG4bKs1", transportName(type)))
    {
        ServerTransaction::Handlers h;
        h.onTransportError = [this](const QString &e) { errors << e; };
        h.onTerminated = [this] { ++terminated; };
        txn = std::make_unique<ServerTransaction>(received(req, type), clock, transport,
                                                  TimerValues{}, h);
    }
};

} // namespace

class tst_ServerTransaction : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_17_2_2_tryingAbsorbsRetransmissions();
    void rfc3261_17_2_2_proceedingResendsProvisional();
    void rfc3261_17_2_2_completedResendsFinal_timerJ();
    void rfc3261_17_2_2_reliableTerminatesAtOnce();
    void rfc3261_17_2_2_onlyOneFinalResponse();
    void rfc3261_17_2_4_transportError();
};

void tst_ServerTransaction::rfc3261_17_2_2_tryingAbsorbsRetransmissions()
{
    Harness h(TransportType::Udp);
    h.txn->receiveRetransmission();
    h.txn->receiveRetransmission();
    QCOMPARE(h.transport.sent.size(), 0);
    QCOMPARE(h.txn->absorbed(), 2);
    QCOMPARE(h.txn->state(), ServerTransaction::State::Trying);
}

void tst_ServerTransaction::rfc3261_17_2_2_proceedingResendsProvisional()
{
    Harness h(TransportType::Udp);
    QVERIFY(h.txn->respond(responseTo(h.req, 100)));
    QCOMPARE(h.txn->state(), ServerTransaction::State::Proceeding);
    h.txn->receiveRetransmission();
    QCOMPARE(h.transport.sent.size(), 2);
    QCOMPARE(h.transport.sent[1].wire, h.transport.sent[0].wire);
    QVERIFY(h.transport.sent[1].wire.startsWith("SIP/2.0 100 Trying\r\n"));
}

void tst_ServerTransaction::rfc3261_17_2_2_completedResendsFinal_timerJ()
{
    Harness h(TransportType::Udp);
    QVERIFY(h.txn->respond(responseTo(h.req, 200)));
    QCOMPARE(h.txn->state(), ServerTransaction::State::Completed);
    h.clock.advance(31000);
    h.txn->receiveRetransmission(); // a late retransmission still gets the 200
    QCOMPARE(h.transport.sent.size(), 2);
    QVERIFY(h.transport.sent[1].wire.startsWith("SIP/2.0 200 OK\r\n"));
    QCOMPARE(h.transport.sent[1].destination, h.txn->route().remote);
    h.clock.advance(999); // Timer J = 64*T1 = 32 s
    QCOMPARE(h.txn->state(), ServerTransaction::State::Completed);
    h.clock.advance(1);
    QCOMPARE(h.txn->state(), ServerTransaction::State::Terminated);
    QCOMPARE(h.terminated, 1);
    h.txn->receiveRetransmission(); // nothing after Terminated
    QCOMPARE(h.transport.sent.size(), 2);
}

void tst_ServerTransaction::rfc3261_17_2_2_reliableTerminatesAtOnce()
{
    Harness h(TransportType::Tcp);
    QVERIFY(h.txn->respond(responseTo(h.req, 202)));
    QCOMPARE(h.txn->state(), ServerTransaction::State::Terminated); // Timer J = 0
    QCOMPARE(h.clock.pendingCount(), 0);
}

void tst_ServerTransaction::rfc3261_17_2_2_onlyOneFinalResponse()
{
    Harness h(TransportType::Udp);
    QVERIFY(h.txn->respond(responseTo(h.req, 404)));
    QVERIFY(!h.txn->respond(responseTo(h.req, 200)));
    QVERIFY(!h.txn->respond(responseTo(h.req, 100)));
    QCOMPARE(h.transport.sent.size(), 1);
}

void tst_ServerTransaction::rfc3261_17_2_4_transportError()
{
    Harness h(TransportType::Tcp);
    h.transport.failWith = QStringLiteral("connection reset");
    QVERIFY(h.txn->respond(responseTo(h.req, 200)));
    QCOMPARE(h.errors, QStringList{QStringLiteral("connection reset")});
    QCOMPARE(h.txn->state(), ServerTransaction::State::Terminated);
    QCOMPARE(h.terminated, 1);
}

QTEST_GUILESS_MAIN(tst_ServerTransaction)
#include "tst_ServerTransaction.moc"
