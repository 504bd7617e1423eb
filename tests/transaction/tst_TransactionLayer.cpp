// SPDX-License-Identifier: GPL-3.0-or-later
// Matching of responses and requests to transactions (RFC 3261 §17.1.3,
// §17.2.3), merged requests (§8.2.2.2), ACK and CANCEL, and many live
// transactions on one scheduler.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "TransactionFixtures.h"
#include "transaction/TransactionLayer.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

struct Harness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    TransactionLayer layer{clock, transport};
    struct Incoming
    {
        quint64 id;
        Message request;
        bool merged;
    };
    QList<Incoming> incoming;
    QList<Message> acks;

    Harness()
    {
        layer.setRequestHandler([this](quint64 id, const ReceivedMessage &r, bool merged) {
            incoming.append({id, r.message, merged});
        });
        layer.setAckHandler([this](const ReceivedMessage &r) { acks << r.message; });
    }
};

} // namespace

class tst_TransactionLayer : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_17_1_3_responseMatchesBranchAndMethod();
    void rfc3261_17_2_3_retransmissionMatchesServerTransaction();
    void rfc3261_17_2_3_sentByDistinguishesTransactions();
    void rfc3261_17_2_3_rfc2543Fallback();
    void rfc3261_8_2_2_2_mergedRequest();
    void rfc3261_17_2_3_ackMatchesInviteOrGoesToTu();
    void rfc3261_9_2_cancelMatching();
    void terminatedTransactionsAreReleased();
    void manyLiveTransactions();
};

void tst_TransactionLayer::rfc3261_17_1_3_responseMatchesBranchAndMethod()
{
    Harness h;
    QList<int> got;
    ClientTransaction::Handlers handlers;
    handlers.onResponse = [&](const Message &r) { got << r.statusCode(); };
    const Message req = request("MESSAGE", "z9hG4bKm1");
    h.layer.sendRequest(req, endpoint(TransportType::Udp), handlers);
    QCOMPARE(h.layer.clientCount(), 1);

    // Same branch, other method: no match (§17.1.3 rule 2).
    Message options = request("OPTIONS", "z9hG4bKm1");
    h.layer.receive(received(responseTo(options, 200)));
    // Other branch: no match.
    h.layer.receive(received(responseTo(request("MESSAGE", "z9hG4bKother"), 200)));
    QVERIFY(got.isEmpty());
    QCOMPARE(h.layer.strayResponses(), 2u);
    h.layer.receive(received(responseTo(req, 200)));
    QCOMPARE(got, QList<int>{200});
}

void tst_TransactionLayer::rfc3261_17_2_3_retransmissionMatchesServerTransaction()
{
    Harness h;
    const Message req = request("MESSAGE", "z9hG4bKr1");
    h.layer.receive(received(req));
    h.layer.receive(received(req));
    QCOMPARE(h.incoming.size(), 1); // delivered to the TU once
    QVERIFY(!h.incoming[0].merged);
    QVERIFY(h.layer.respond(h.incoming[0].id, responseTo(req, 200)));
    h.layer.receive(received(req)); // retransmission after the answer
    QCOMPARE(h.transport.sent.size(), 2);
    QCOMPARE(h.transport.sent[0].wire, h.transport.sent[1].wire);
    QCOMPARE(h.incoming.size(), 1);
}

void tst_TransactionLayer::rfc3261_17_2_3_sentByDistinguishesTransactions()
{
    Harness h;
    const QByteArray a = requestText("MESSAGE", "z9hG4bKsame");
    QByteArray b = a;
    b.replace("127.0.0.1:5070;branch", "127.0.0.2:5070;branch");
    h.layer.receive(received(parseOrDie(a)));
    h.layer.receive(received(parseOrDie(b)));
    QCOMPARE(h.incoming.size(), 2);
}

void tst_TransactionLayer::rfc3261_17_2_3_rfc2543Fallback()
{
    Harness h;
    // No magic cookie: matched on Request-URI, tags, Call-ID, CSeq and Via.
    const Message old = parseOrDie(requestText("MESSAGE", "old1"));
    h.layer.receive(received(old));
    h.layer.receive(received(old));
    QCOMPARE(h.incoming.size(), 1);
    const Message next = parseOrDie(requestText("MESSAGE", "old1", "UDP", {}, "ft", "call-1", 2));
    h.layer.receive(received(next));
    QCOMPARE(h.incoming.size(), 2);
}

void tst_TransactionLayer::rfc3261_8_2_2_2_mergedRequest()
{
    Harness h;
    // The same request forked by a proxy arrives through two branches.
    h.layer.receive(received(parseOrDie(requestText("MESSAGE", "z9hG4bKpath1"))));
    h.layer.receive(received(parseOrDie(requestText("MESSAGE", "z9hG4bKpath2"))));
    QCOMPARE(h.incoming.size(), 2);
    QVERIFY(!h.incoming[0].merged);
    QVERIFY(h.incoming[1].merged); // the UAS answers 482 and does not deliver it
    // A new CSeq is a new request, not a merge.
    h.layer.receive(
        received(parseOrDie(requestText("MESSAGE", "z9hG4bKpath3", "UDP", {}, "ft", "call-1", 2))));
    QVERIFY(!h.incoming[2].merged);
    // With a To tag (in-dialog) the rule does not apply.
    h.layer.receive(received(parseOrDie(requestText("MESSAGE", "z9hG4bKd1", "UDP", "tt"))));
    h.layer.receive(received(parseOrDie(requestText("MESSAGE", "z9hG4bKd2", "UDP", "tt"))));
    QVERIFY(!h.incoming[3].merged);
    QVERIFY(!h.incoming[4].merged);
    // Once the first transaction is gone, the same identifiers are fresh.
    QVERIFY(h.layer.respond(h.incoming[0].id, responseTo(h.incoming[0].request, 200)));
    QVERIFY(h.layer.respond(h.incoming[1].id, responseTo(h.incoming[1].request, 482)));
    h.clock.advance(32000);
    h.layer.receive(received(parseOrDie(requestText("MESSAGE", "z9hG4bKpath4"))));
    QVERIFY(!h.incoming.back().merged);
}

void tst_TransactionLayer::rfc3261_17_2_3_ackMatchesInviteOrGoesToTu()
{
    Harness h;
    const Message invite = request("INVITE", "z9hG4bKinv");
    h.layer.receive(received(invite));
    QVERIFY(h.layer.respond(h.incoming[0].id, responseTo(invite, 405)));
    // The ACK for that final response belongs to the INVITE's transaction.
    h.layer.receive(received(parseOrDie(requestText("ACK", "z9hG4bKinv", "UDP", "tt"))));
    QVERIFY(h.acks.isEmpty());
    QCOMPARE(h.incoming.size(), 1);
    // A stray ACK goes to the TU (which never answers it).
    h.layer.receive(received(parseOrDie(requestText("ACK", "z9hG4bKstray", "UDP", "tt"))));
    QCOMPARE(h.acks.size(), 1);
}

void tst_TransactionLayer::rfc3261_9_2_cancelMatching()
{
    Harness h;
    h.layer.receive(received(request("MESSAGE", "z9hG4bKc")));
    const Message cancel = request("CANCEL", "z9hG4bKc");
    QVERIFY(h.layer.hasServerTransactionFor(cancel));
    QVERIFY(!h.layer.hasServerTransactionFor(request("CANCEL", "z9hG4bKnone")));
    // The CANCEL is a transaction of its own.
    h.layer.receive(received(cancel));
    QCOMPARE(h.incoming.size(), 2);
    QCOMPARE(h.incoming[1].request.method(), Method::Cancel);
}

void tst_TransactionLayer::terminatedTransactionsAreReleased()
{
    Harness h;
    ClientTransaction::Handlers handlers;
    int done = 0;
    handlers.onResponse = [&](const Message &) { ++done; };
    const Message req = request("MESSAGE", "z9hG4bKrel", "TCP");
    h.layer.sendRequest(req, endpoint(TransportType::Tcp), handlers);
    h.layer.receive(received(responseTo(req, 200), TransportType::Tcp));
    QCOMPARE(done, 1);
    QCOMPARE(h.layer.clientCount(), 0);
    h.clock.advance(0); // the sweep deletes it on the next turn
    QCOMPARE(h.clock.pendingCount(), 0);
    // Responses for a released transaction are strays.
    h.layer.receive(received(responseTo(req, 200), TransportType::Tcp));
    QCOMPARE(done, 1);
}

void tst_TransactionLayer::manyLiveTransactions()
{
    // 20,000 client and 20,000 server transactions alive at once over UDP,
    // all on one scheduler; all complete and are released.
    Harness h;
    int finals = 0, timeouts = 0;
    ClientTransaction::Handlers handlers;
    handlers.onResponse = [&](const Message &) { ++finals; };
    handlers.onFailure = [&](const ClientFailure &) { ++timeouts; };
    QList<Message> sent;
    for (int i = 0; i < 20000; ++i) {
        Message req = request("MESSAGE", "z9hG4bKmany" + QByteArray::number(i));
        sent << req;
        h.layer.sendRequest(req, endpoint(TransportType::Udp), handlers);
        h.layer.receive(received(request("MESSAGE", "z9hG4bKin" + QByteArray::number(i))));
    }
    QCOMPARE(h.layer.clientCount(), 20000);
    QCOMPARE(h.layer.serverCount(), 20000);
    for (int i = 0; i < 20000; i += 2)
        h.layer.receive(received(responseTo(sent[i], 200)));
    for (const auto &in : h.incoming)
        h.layer.respond(in.id, responseTo(in.request, 200));
    h.clock.advance(40000);
    QCOMPARE(finals, 10000);
    QCOMPARE(timeouts, 10000);
    QCOMPARE(h.layer.clientCount(), 0);
    QCOMPARE(h.layer.serverCount(), 0);
    QCOMPARE(h.clock.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(tst_TransactionLayer)
#include "tst_TransactionLayer.moc"
