// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

QStringList bodies(const QList<StoredMessage> &messages)
{
    QStringList out;
    for (const StoredMessage &m : messages) {
        out << m.body;
    }
    return out;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void queuedMessagesWaitInOrder()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        Account other;
        other.aor = QStringLiteral("sip:work@example.com");
        const qint64 work = AccountStore(p.db()).add(other).value();

        Outbox outbox(p.db());
        // Written out of order on purpose: pending() goes by written time, then id.
        QVERIFY(
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "second", at(20))).ok());
        QVERIFY(
            outbox.queue(outgoing(p.accountId(), "sip:carol@example.com", "first", at(10))).ok());
        QVERIFY(outbox.queue(outgoing(work, "sip:bob@example.com", "work", at(15))).ok());
        QVERIFY(outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "third", at(20))).ok());

        QCOMPARE(bodies(outbox.pending(p.accountId()).value()),
                 (QStringList{"first", "second", "third"}));
        QCOMPARE(bodies(outbox.pending(work).value()), QStringList{"work"});
        QCOMPARE(bodies(outbox.pending().value()),
                 (QStringList{"first", "work", "second", "third"}));

        const StoredMessage m = outbox.pending(work).value().first();
        QCOMPARE(m.direction, Direction::Outgoing);
        QCOMPARE(m.state, DeliveryState::Queued);
        QCOMPARE(m.sentAt, at(15));
        QCOMPARE(m.time, at(15));
        QVERIFY(m.read);
    }

    void deliveryStates_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<DeliveryState>("expected");
        QTest::newRow("200 OK: sent") << 200 << "OK" << DeliveryState::Sent;
        QTest::newRow("202 Accepted (RFC 3428 §7)") << 202 << "Accepted" << DeliveryState::Accepted;
        QTest::newRow("404: failed") << 404 << "Not Found" << DeliveryState::Failed;
        QTest::newRow("488: failed") << 488 << "Not Acceptable Here" << DeliveryState::Failed;
        QTest::newRow("503: failed") << 503 << "Service Unavailable" << DeliveryState::Failed;
    }

    void deliveryStates()
    {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(DeliveryState, expected);
        TempProfile p;
        QVERIFY(p.isValid());
        Outbox outbox(p.db());
        MessageStore store(p.db());
        const qint64 id =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "hi")).value();

        QVERIFY(outbox.markSending(id, QStringLiteral("call@me"), QStringLiteral("ft"), 7).ok());
        StoredMessage m = store.find(id).value();
        QCOMPARE(m.state, DeliveryState::Sending);
        QCOMPARE(m.callId, QStringLiteral("call@me"));
        QCOMPARE(m.fromTag, QStringLiteral("ft"));
        QCOMPARE(m.cseq, qint64(7));
        QCOMPARE(outbox.pending(p.accountId()).value().size(), 1); // still to be answered

        auto result = outbox.markResult(id, status, reason);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result.value(), expected);
        m = store.find(id).value();
        QCOMPARE(m.state, expected);
        QCOMPARE(m.statusCode, status);
        QCOMPARE(m.reason, reason);
        QVERIFY(outbox.pending(p.accountId()).value().isEmpty());
    }

    void failureRetryAndDelete()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Outbox outbox(p.db());
        MessageStore store(p.db());
        const qint64 id =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "hi")).value();

        // No response at all (Timer F, a transport error): status 0 and a reason.
        QVERIFY(outbox.markFailed(id, 0, QStringLiteral("timeout")).ok());
        StoredMessage m = store.find(id).value();
        QCOMPARE(m.state, DeliveryState::Failed);
        QCOMPARE(m.statusCode, 0);
        QCOMPARE(m.reason, QStringLiteral("timeout"));

        QVERIFY(outbox.retry(id).ok());
        m = store.find(id).value();
        QCOMPARE(m.state, DeliveryState::Queued);
        QCOMPARE(m.statusCode, 0);
        QVERIFY(m.reason.isEmpty());
        QCOMPARE(outbox.pending(p.accountId()).value().size(), 1);

        QVERIFY(outbox.markSending(id, "c2", "t2", 1).ok());
        QCOMPARE(outbox.markResult(id, 480, "Temporarily Unavailable").value(),
                 DeliveryState::Failed);
        QVERIFY(outbox.remove(id).ok());
        QCOMPARE(store.find(id).error().code(), StoreError::Code::NotFound);
        QCOMPARE(outbox.remove(id).error().code(), StoreError::Code::NotFound);
    }

    void wrongTransitionsAreRefused()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Outbox outbox(p.db());
        const qint64 id =
            outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "hi")).value();

        const auto early = outbox.markResult(id, 200, "OK"); // not sending yet
        QCOMPARE(early.error().code(), StoreError::Code::InvalidState);
        QVERIFY2(early.error().message().contains(QStringLiteral("queued")),
                 qPrintable(early.error().message()));
        QCOMPARE(outbox.retry(id).error().code(), StoreError::Code::InvalidState);
        QCOMPARE(outbox.requeue(id).error().code(), StoreError::Code::InvalidState);

        QVERIFY(outbox.markSending(id, "c", "t", 1).ok());
        QCOMPARE(outbox.markSending(id, "c", "t", 1).error().code(),
                 StoreError::Code::InvalidState);
        QCOMPARE(outbox.remove(id).error().code(), StoreError::Code::InvalidState);
        QVERIFY(outbox.markResult(id, 200, "OK").ok());
        QCOMPARE(outbox.retry(id).error().code(), StoreError::Code::InvalidState);
        QCOMPARE(outbox.markFailed(id, 500, "x").error().code(), StoreError::Code::InvalidState);

        QCOMPARE(outbox.markSending(99999, "c", "t", 1).error().code(), StoreError::Code::NotFound);
        // An incoming message is never in the outbox.
        const qint64 in =
            MessageStore(p.db())
                .insertIncoming(incoming(p.accountId(), "sip:bob@example.com", "yo", "i1"))
                .id;
        QCOMPARE(outbox.markSending(in, "c", "t", 1).error().code(), StoreError::Code::NotFound);
        QCOMPARE(outbox.remove(in).error().code(), StoreError::Code::NotFound);
    }

    void refusesBadMessages()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Outbox outbox(p.db());
        QCOMPARE(outbox.queue(outgoing(p.accountId(), "bob", "x")).error().code(),
                 StoreError::Code::InvalidArgument);
        QCOMPARE(
            outbox.queue(outgoing(p.accountId() + 7, "sip:bob@example.com", "x")).error().code(),
            StoreError::Code::NotFound);
        QVERIFY(outbox.pending().value().isEmpty());
    }

    void survivesARestart()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        {
            Outbox outbox(p.db());
            QList<qint64> ids;
            for (int i = 0; i < 4; ++i) {
                ids << outbox
                           .queue(outgoing(p.accountId(), "sip:bob@example.com",
                                           QStringLiteral("m%1").arg(i), at(i)))
                           .value();
            }
            QVERIFY(outbox.markSending(ids[0], "c0", "t0", 1).ok());
            QVERIFY(outbox.markResult(ids[0], 200, "OK").ok());
            QVERIFY(outbox.markSending(ids[1], "c1", "t1", 1).ok()); // interrupted by the "crash"
        }
        QVERIFY(p.reopen());
        Outbox outbox(p.db());
        const auto pending = outbox.pending(p.accountId()).value();
        QCOMPARE(bodies(pending), (QStringList{"m1", "m2", "m3"}));
        QCOMPARE(pending.first().state, DeliveryState::Sending);
        QCOMPARE(outbox.requeueInterrupted(p.accountId()).value(), 1);
        QCOMPARE(outbox.pending(p.accountId()).value().first().state, DeliveryState::Queued);
        QCOMPARE(outbox.requeueInterrupted().value(), 0);
    }

    void readOnlyOutboxIsRefused()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        QVERIFY(Outbox(p.db()).queue(outgoing(p.accountId(), "sip:bob@example.com", "x")).ok());
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY(reader.ok());
        Outbox outbox(*reader.value());
        QCOMPARE(outbox.pending().value().size(), 1);
        QCOMPARE(outbox.queue(outgoing(p.accountId(), "sip:bob@example.com", "y")).error().code(),
                 StoreError::Code::ReadOnly);
        QCOMPARE(outbox.markSending(1, "c", "t", 1).error().code(), StoreError::Code::ReadOnly);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_Outbox.moc"
