// SPDX-License-Identifier: GPL-3.0-or-later
// The Courier: one account's outbox sent through the SIP pager (RFC 3428 §4)
// with every state written to a real SQLite profile — order per peer, final
// states with status and reason, readiness, retry and remove, resending an
// interrupted request with its identity (RFC 3261 §8.2.2.2), and a full disk.
// The pager runs on the real transaction layer over a fake transport and a
// manual clock, so responses and timeouts come exactly when the test says.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "../transaction/TransactionFixtures.h"
#include "StoreTestSupport.h"
#include "messenger/Courier.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "ua/Pager.h"

#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace tidings;
using namespace tidings::test;
using sip::test::FakeTransport;
using sip::test::ManualScheduler;

namespace {

struct Transition
{
    qint64 id = 0;
    DeliveryState state = DeliveryState::Queued;
    int status = 0;
    QString reason;
};

// One sending side: clock, fake wire, transaction layer, pager and the
// Courier over a profile's database. A "restart" is a new Sender on the
// same (reopened) database.
struct Sender
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    sip::TransactionLayer layer;
    sip::SeededRandom random;
    std::unique_ptr<sip::Pager> pager;
    std::unique_ptr<Courier> courier;
    QList<Transition> transitions;
    QStringList storeErrors;

    Sender(Database &db, qint64 accountId, quint32 seed = 42, sip::TimerValues timers = {})
        : layer(clock, transport, timers)
        , random(seed)
    {
        sip::Pager::Config config;
        config.from = "sip:me@example.com";
        pager = std::make_unique<sip::Pager>(
            layer, random,
            [](const sip::Uri &, qsizetype, sip::Pager::ResolveCallback done) {
                done({sip::test::endpoint(sip::TransportType::Udp, 5060)}, {});
            },
            config);
        courier = std::make_unique<Courier>(db, accountId, *pager);
        QObject::connect(courier.get(), &Courier::stateChanged,
                         [this](qint64 id, DeliveryState state, int status, const QString &why) {
                             transitions.append({id, state, status, why});
                         });
        QObject::connect(courier.get(), &Courier::storeFailed,
                         [this](qint64, const QString &error) { storeErrors << error; });
    }

    int requestCount() const
    {
        int n = 0;
        for (const auto &s : transport.sent) {
            n += s.isResponse ? 0 : 1;
        }
        return n;
    }
    sip::Message request(int i) const { return sip::test::parseOrDie(transport.sent.at(i).wire); }
    QString bodyOf(int i) const { return QString::fromUtf8(request(i).body().toByteArray()); }
    QString peerOf(int i) const
    {
        return QString::fromUtf8(request(i).requestUri().text().toByteArray());
    }
    void answer(int i, int status, const QByteArray &reason = {})
    {
        const sip::Message req = request(i);
        sip::Message r = sip::Message::response(status, reason);
        for (QByteArrayView via : req.headerValues(sip::HeaderId::Via)) {
            r.addHeader("Via", via);
        }
        r.addHeader("From", req.header(sip::HeaderId::From));
        r.addHeader("To", req.header(sip::HeaderId::To).toByteArray() + ";tag=peer");
        r.addHeader("Call-ID", req.callId());
        r.addHeader("CSeq", req.header(sip::HeaderId::CSeq));
        layer.receive(sip::test::received(sip::test::parseOrDie(r.toWire())));
    }
    QList<DeliveryState> statesOf(qint64 id) const
    {
        QList<DeliveryState> out;
        for (const Transition &t : transitions) {
            if (t.id == id) {
                out << t.state;
            }
        }
        return out;
    }
};

StoredMessage row(Database &db, qint64 id)
{
    return MessageStore(db).find(id).value();
}

qint64 pageCount(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA page_count"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

// The file may not grow: as good as a full disk for SQLite (SQLITE_FULL).
bool limitGrowth(Database &db, bool limited)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("PRAGMA max_page_count = %1")
                      .arg(limited ? pageCount(db) : qint64(1073741823)));
}

} // namespace

class TestCourier : public QObject
{
    Q_OBJECT

private slots:
    void rfc3428_4_finalStatesRecorded_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<DeliveryState>("expected");
        QTest::newRow("200 OK: sent") << 200 << QByteArray("OK") << DeliveryState::Sent;
        QTest::newRow("202 Accepted: accepted (RFC 3428 §7)")
            << 202 << QByteArray("Accepted") << DeliveryState::Accepted;
        QTest::newRow("404: failed") << 404 << QByteArray("Not Found") << DeliveryState::Failed;
        QTest::newRow("480: failed")
            << 480 << QByteArray("Temporarily Unavailable") << DeliveryState::Failed;
        QTest::newRow("603: failed") << 603 << QByteArray("Decline") << DeliveryState::Failed;
    }

    void rfc3428_4_finalStatesRecorded()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(DeliveryState, expected);
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);

        const auto id =
            s.courier->send(QStringLiteral("sip:bob@example.com"), QStringLiteral("Grüße"));
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
        QCOMPARE(row(p.db(), id.value()).state, DeliveryState::Queued);
        QTRY_COMPARE(s.requestCount(), 1);

        // Recorded as Sending with the request's own identity before the answer.
        StoredMessage m = row(p.db(), id.value());
        QCOMPARE(m.state, DeliveryState::Sending);
        const sip::Message sent = s.request(0);
        QCOMPARE(m.callId.toUtf8(), sent.callId().toByteArray());
        QCOMPARE(m.fromTag.toUtf8(), sent.from().tag().toByteArray());
        QCOMPARE(m.cseq, qint64(sent.cseq().number()));
        QCOMPARE(s.bodyOf(0), QStringLiteral("Grüße"));

        s.answer(0, status, reason);
        QTRY_COMPARE(row(p.db(), id.value()).state, expected);
        m = row(p.db(), id.value());
        QCOMPARE(m.statusCode, status);
        QCOMPARE(m.reason, QString::fromUtf8(reason));
        QCOMPARE(s.statesOf(id.value()),
                 (QList<DeliveryState>{DeliveryState::Queued, DeliveryState::Sending, expected}));
        QCOMPARE(s.transitions.constLast().status, status);
        QCOMPARE(s.transitions.constLast().reason, QString::fromUtf8(reason));
        QVERIFY(Outbox(p.db()).pending(p.accountId()).value().isEmpty());
    }

    void rfc3261_17_1_2_2_noAnswerFailsWithTheErrorInWords_data()
    {
        QTest::addColumn<bool>("transportError");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Timer F fires") << false << QStringLiteral("no answer from");
        QTest::newRow("transport error") << true << QStringLiteral("network is unreachable");
    }

    void rfc3261_17_1_2_2_noAnswerFailsWithTheErrorInWords()
    {
        QFETCH(bool, transportError);
        QFETCH(QString, expected);
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        if (transportError) {
            s.transport.failWith = QStringLiteral("network is unreachable");
        }
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        QTRY_VERIFY(!s.statesOf(id).isEmpty() && s.statesOf(id).size() >= 2);
        s.clock.advance(64 * 500 + 1); // Timer F (RFC 3261 §17.1.2.2)
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Failed);
        const StoredMessage m = row(p.db(), id);
        QCOMPARE(m.statusCode, 0);
        QVERIFY2(m.reason.contains(expected), qPrintable(m.reason));
        QCOMPARE(s.transitions.constLast().state, DeliveryState::Failed);
        QCOMPARE(s.transitions.constLast().reason, m.reason);
    }

    void notReadyKeepsMessagesQueued()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        QVERIFY(!s.courier->isReady());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            ids << s.courier->send(QStringLiteral("sip:bob@example.com"), QString::number(i))
                       .value();
        }
        QTest::qWait(50); // let any scheduled work run: none may send
        QCOMPARE(s.requestCount(), 0);
        for (const qint64 id : ids) {
            QCOMPARE(row(p.db(), id).state, DeliveryState::Queued);
            QCOMPARE(s.statesOf(id), QList<DeliveryState>{DeliveryState::Queued});
        }
    }

    void readyFlushesOldestFirstOnePerPeer()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        // Written while not ready, interleaved over two peers.
        const QStringList order{"a1", "b1", "a2", "b2", "a3"};
        QHash<QString, qint64> ids;
        for (const QString &body : order) {
            const QString peer = body.startsWith(QLatin1Char('a'))
                                     ? QStringLiteral("sip:ann@example.com")
                                     : QStringLiteral("sip:ben@example.com");
            ids.insert(body, s.courier->send(peer, body).value());
        }
        QTest::qWait(20);
        QCOMPARE(s.requestCount(), 0);

        s.courier->setReady(true);
        // The oldest of each peer goes at once, oldest first; the rest wait.
        QTRY_COMPARE(s.requestCount(), 2);
        QCOMPARE(s.bodyOf(0), QStringLiteral("a1"));
        QCOMPARE(s.bodyOf(1), QStringLiteral("b1"));
        QCOMPARE(s.courier->inFlightCount(), 2);
        QCOMPARE(row(p.db(), ids["a2"]).state, DeliveryState::Queued);

        // Each answer lets that peer's next message go, in written order.
        s.answer(1, 200, "OK"); // b1
        QTRY_COMPARE(s.requestCount(), 3);
        QCOMPARE(s.bodyOf(2), QStringLiteral("b2"));
        s.answer(0, 202, "Accepted"); // a1
        QTRY_COMPARE(s.requestCount(), 4);
        QCOMPARE(s.bodyOf(3), QStringLiteral("a2"));
        s.answer(3, 404, "Not Found"); // a2 fails: the queue goes on
        QTRY_COMPARE(s.requestCount(), 5);
        QCOMPARE(s.bodyOf(4), QStringLiteral("a3"));
        s.answer(4, 200, "OK");
        s.answer(2, 200, "OK");
        QTRY_COMPARE(s.courier->inFlightCount(), 0);

        QCOMPARE(row(p.db(), ids["a1"]).state, DeliveryState::Accepted);
        QCOMPARE(row(p.db(), ids["a2"]).state, DeliveryState::Failed);
        QCOMPARE(row(p.db(), ids["a2"]).statusCode, 404);
        for (const char *sent : {"b1", "b2", "a3"}) {
            QCOMPARE(row(p.db(), ids[sent]).state, DeliveryState::Sent);
        }
        QCOMPARE(s.requestCount(), 5); // each exactly once
    }

    void failureWhileNotReadyGoesBackToQueued_data()
    {
        QTest::addColumn<bool>("transportError");
        QTest::newRow("Timer F (RFC 3261 §17.1.2.2)") << false;
        QTest::newRow("transport error (RFC 3261 §18.4)") << true;
    }

    void failureWhileNotReadyGoesBackToQueued()
    {
        QFETCH(bool, transportError);
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        const qint64 next = s.courier->send(QStringLiteral("sip:bob@example.com"), "two").value();
        QTRY_COMPARE(s.requestCount(), 1);
        const sip::Message first = s.request(0);

        s.courier->setReady(false); // the account went away while it was in flight
        if (transportError) {
            s.transport.pendingErrors.first()(QStringLiteral("connection reset"));
        } else {
            s.clock.advance(64 * 500 + 1);
        }
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Queued);
        QCOMPARE(s.statesOf(id).constLast(), DeliveryState::Queued);
        const int retransmitted = s.requestCount(); // Timer E's copies of the first one
        QTest::qWait(20);
        QCOMPARE(s.requestCount(), retransmitted); // not ready: nothing new starts
        QCOMPARE(row(p.db(), next).state, DeliveryState::Queued);

        // Ready again: the same request goes out again (its outcome is
        // unknown), then the next one.
        s.transport.failWith.clear();
        const int before = int(s.transport.sent.size());
        s.courier->setReady(true);
        QTRY_COMPARE(int(s.transport.sent.size()), before + 1);
        const sip::Message again = s.request(before);
        QCOMPARE(again.callId(), first.callId());
        QCOMPARE(again.from().tag(), first.from().tag());
        QCOMPARE(again.cseq().number(), first.cseq().number());
        QCOMPARE(again.topVia().branch(), first.topVia().branch());
        s.answer(before, 200, "OK");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Sent);
        QTRY_COMPARE(row(p.db(), next).state, DeliveryState::Sending);
    }

    void retryAfterAFinalResponseIsANewRequest()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        QTRY_COMPARE(s.requestCount(), 1);
        s.answer(0, 480, "Temporarily Unavailable");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Failed);

        QVERIFY(s.courier->retry(id).ok());
        QTRY_COMPARE(s.requestCount(), 2);
        // RFC 3261 §8.1.1.4: a new request, not the refused one again.
        QVERIFY(s.request(1).callId() != s.request(0).callId());
        QCOMPARE(row(p.db(), id).callId.toUtf8(), s.request(1).callId().toByteArray());
        s.answer(1, 200, "OK");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Sent);
        QCOMPARE(s.statesOf(id),
                 (QList<DeliveryState>{DeliveryState::Queued, DeliveryState::Sending,
                                       DeliveryState::Failed, DeliveryState::Queued,
                                       DeliveryState::Sending, DeliveryState::Sent}));
        // Only a failed message can be retried.
        QCOMPARE(s.courier->retry(id).error().code(), StoreError::Code::InvalidState);
    }

    void rfc3261_17_2_3_retryAfterNoAnswerResendsTheSameRequest()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        QTRY_COMPARE(s.requestCount(), 1);
        s.clock.advance(64 * 500 + 1);
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Failed);
        const int before = int(s.transport.sent.size());

        QVERIFY(s.courier->retry(id).ok());
        QTRY_COMPARE(int(s.transport.sent.size()), before + 1);
        // It may have arrived: the same request again, which a receiver
        // still holding its transaction answers as a retransmission.
        QCOMPARE(s.request(before).callId(), s.request(0).callId());
        QCOMPARE(s.request(before).topVia().branch(), s.request(0).topVia().branch());
        s.answer(before, 200, "OK");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Sent);
    }

    void removeQueuedOrFailedButNotInFlight()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        const qint64 gone = s.courier->send(QStringLiteral("sip:bob@example.com"), "gone").value();
        const qint64 kept = s.courier->send(QStringLiteral("sip:bob@example.com"), "kept").value();
        QVERIFY(s.courier->remove(gone).ok());
        QCOMPARE(MessageStore(p.db()).find(gone).error().code(), StoreError::Code::NotFound);

        s.courier->setReady(true);
        QTRY_COMPARE(s.requestCount(), 1);
        QCOMPARE(s.bodyOf(0), QStringLiteral("kept")); // the removed one never goes
        QCOMPARE(s.courier->remove(kept).error().code(), StoreError::Code::InvalidState);
        s.answer(0, 486, "Busy Here");
        QTRY_COMPARE(row(p.db(), kept).state, DeliveryState::Failed);
        QVERIFY(s.courier->remove(kept).ok());
        QCOMPARE(s.courier->remove(kept).error().code(), StoreError::Code::NotFound);
        QTest::qWait(20);
        QCOMPARE(s.requestCount(), 1);
    }

    void rfc3261_8_2_2_2_interruptedMessageResentWithItsIdentity()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        qint64 id = 0;
        QByteArray callId, fromTag, branch;
        quint32 cseq = 0;
        {
            Sender crashed(p.db(), p.accountId(), 1);
            crashed.courier->setReady(true);
            id = crashed.courier->send(QStringLiteral("sip:bob@example.com"), "once").value();
            QTRY_COMPARE(crashed.requestCount(), 1);
            const sip::Message m = crashed.request(0);
            callId = m.callId().toByteArray();
            fromTag = m.from().tag().toByteArray();
            cseq = m.cseq().number();
            branch = m.topVia().branch().toByteArray();
            // Gone with the request in flight: no answer is ever recorded.
        }
        QCOMPARE(row(p.db(), id).state, DeliveryState::Sending);

        QVERIFY(p.reopen());
        QCOMPARE(Outbox(p.db()).requeueInterrupted(p.accountId()).value(), 1);
        Sender restarted(p.db(), p.accountId(), 2); // another random sequence
        restarted.courier->setReady(true);
        QTRY_COMPARE(restarted.requestCount(), 1);
        const sip::Message again = restarted.request(0);
        QCOMPARE(again.callId().toByteArray(), callId);
        QCOMPARE(again.from().tag().toByteArray(), fromTag);
        QCOMPARE(again.cseq().number(), cseq);
        // The same branch too: a retransmission to a server transaction
        // that still remembers it (RFC 3261 §17.2.3), not a merged request.
        QCOMPARE(again.topVia().branch().toByteArray(), branch);
        QCOMPARE(QString::fromUtf8(again.body().toByteArray()), QStringLiteral("once"));
        restarted.answer(0, 200, "OK");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Sent);
    }

    void rfc3261_8_2_2_2_mergedResendWaitsOutTimerJOnce_data()
    {
        QTest::addColumn<int>("secondAnswer");
        QTest::addColumn<DeliveryState>("expected");
        QTest::newRow("then 200: sent") << 200 << DeliveryState::Sent;
        QTest::newRow("482 again: a real loop, failed") << 482 << DeliveryState::Failed;
    }

    void rfc3261_8_2_2_2_mergedResendWaitsOutTimerJOnce()
    {
        QFETCH(int, secondAnswer);
        QFETCH(DeliveryState, expected);
        TempProfile p;
        QVERIFY(p.isValid());
        sip::TimerValues fast; // the wait: Timer J (64*T1 = 3.2 s) plus T2 (0.4 s)
        fast.t1 = 50;
        fast.t2 = 400;
        fast.t4 = 500;
        Outbox outbox(p.db());
        // Left Sending by a crash, put back by the restart.
        const qint64 id =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "again")).value();
        QVERIFY(outbox.markSending(id, "crashed-call", "crashed-tag", 3).ok());
        QCOMPARE(outbox.requeueInterrupted(p.accountId()).value(), 1);
        const qint64 later =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "later", at(5))).value();

        Sender s(p.db(), p.accountId(), 42, fast);
        s.courier->setReady(true);
        QTRY_COMPARE(s.requestCount(), 1);
        QCOMPARE(s.request(0).callId(), QByteArrayView("crashed-call"));
        // The receiver still holds the first copy's transaction: a merged request.
        s.answer(0, 482, "Loop Detected");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Queued);
        QCOMPARE(s.courier->heldCount(), 1);
        QCOMPARE(row(p.db(), later).state, DeliveryState::Queued); // order kept
        QVERIFY2(s.transitions.constLast().reason.contains(QStringLiteral("482")),
                 qPrintable(s.transitions.constLast().reason));

        // After Timer J: the same request once more.
        QTRY_COMPARE_WITH_TIMEOUT(s.requestCount(), 2, 30000);
        QCOMPARE(s.request(1).callId(), QByteArrayView("crashed-call"));
        QCOMPARE(s.request(1).from().tag(), QByteArrayView("crashed-tag"));
        QCOMPARE(s.request(1).cseq().number(), 3u);
        s.answer(1, secondAnswer, secondAnswer == 200 ? "OK" : "Loop Detected");
        QTRY_COMPARE(row(p.db(), id).state, expected);
        QCOMPARE(row(p.db(), id).statusCode, secondAnswer);
        QTRY_COMPARE(s.requestCount(), 3);
        QCOMPARE(s.bodyOf(2), QStringLiteral("later"));
    }

    void aFirstAttemptAnswered482Fails()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        QTRY_COMPARE(s.requestCount(), 1);
        s.answer(0, 482, "Loop Detected");
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Failed);
        QCOMPARE(row(p.db(), id).statusCode, 482);
        QCOMPARE(s.courier->heldCount(), 0);
    }

    void aSendingRowNotRequeuedHoldsItsPeerBack()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Outbox outbox(p.db());
        const qint64 stuck =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "stuck", at(1))).value();
        QVERIFY(outbox.markSending(stuck, "c", "t", 1).ok());
        outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "later", at(2)));
        outbox.queue(outgoing(p.accountId(), "sip:eve@example.com", "other", at(3)));

        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        QTRY_COMPARE(s.requestCount(), 1);
        QTest::qWait(20);
        QCOMPARE(s.requestCount(), 1);
        QCOMPARE(s.bodyOf(0), QStringLiteral("other")); // bob's "later" may not overtake
    }

    void diskFullWhenQueueingIsAnError()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        QVERIFY(limitGrowth(p.db(), true));
        StoreError error;
        for (int i = 0; i < 200 && error.isNull(); ++i) {
            auto queued = s.courier->send(QStringLiteral("sip:bob@example.com"),
                                          QString(4000, QLatin1Char('x')));
            if (!queued) {
                error = queued.error();
            }
        }
        QCOMPARE(error.code(), StoreError::Code::DiskFull);
        QVERIFY2(error.message().contains(QStringLiteral("disk is full")),
                 qPrintable(error.message()));
        QVERIFY(limitGrowth(p.db(), false));
        QVERIFY(s.courier->send(QStringLiteral("sip:bob@example.com"), "fits again").ok());
    }

    void diskFullOnAStateUpdateKeepsTheMessage()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Sender s(p.db(), p.accountId());
        s.courier->setReady(true);
        const qint64 id = s.courier->send(QStringLiteral("sip:bob@example.com"), "hi").value();
        const qint64 next = s.courier->send(QStringLiteral("sip:bob@example.com"), "two").value();
        QTRY_COMPARE(s.requestCount(), 1);

        // The answer's reason needs new pages the full disk cannot give.
        QVERIFY(limitGrowth(p.db(), true));
        const QByteArray longReason(6000, 'r');
        s.answer(0, 404, longReason);
        QTRY_VERIFY(!s.storeErrors.isEmpty());
        QVERIFY2(s.storeErrors.first().contains(QStringLiteral("disk is full")),
                 qPrintable(s.storeErrors.first()));
        // Not lost: still in the outbox, and the peer's next message waits.
        QCOMPARE(row(p.db(), id).state, DeliveryState::Sending);
        QCOMPARE(s.courier->unrecordedCount(), 1);
        QTest::qWait(20);
        QCOMPARE(s.requestCount(), 1);
        QCOMPARE(row(p.db(), next).state, DeliveryState::Queued);

        // Space again: the outcome is written, then the queue goes on.
        QVERIFY(limitGrowth(p.db(), false));
        s.courier->setReady(true);
        QTRY_COMPARE(row(p.db(), id).state, DeliveryState::Failed);
        QCOMPARE(row(p.db(), id).statusCode, 404);
        QCOMPARE(row(p.db(), id).reason, QString::fromLatin1(longReason));
        QCOMPARE(s.courier->unrecordedCount(), 0);
        QTRY_COMPARE(s.requestCount(), 2);
        QCOMPARE(s.bodyOf(1), QStringLiteral("two"));
    }
};

QTEST_GUILESS_MAIN(TestCourier)
#include "tst_Courier.moc"
