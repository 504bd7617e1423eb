// SPDX-License-Identifier: GPL-3.0-or-later
// The Messenger with real sip::Stacks on 127.0.0.1 (port 0) and real SQLite
// files: incoming MESSAGEs stored before their 200 (RFC 3428 §7), a
// re-sent request stored once (RFC 3261 §8.2.2.2, §17.2.3), 500 with
// Retry-After when the database cannot grow (§21.5.1, §20.33), 603 for a
// blocked contact (§21.6.2), and the outbox sent through a Courier.

#include "Peer.h"
#include "RawMessageClient.h"
#include "StoreTestSupport.h"
#include "messenger/Courier.h"
#include "messenger/Messenger.h"
#include "store/AccountStore.h"
#include "store/ContactStore.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "ua/Stack.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace tidings;
using namespace tidings::test;

namespace {

std::unique_ptr<sip::Stack> makeStack(const QByteArray &aor)
{
    sip::Stack::Config config;
    config.aor = aor;
    auto stack = std::make_unique<sip::Stack>(config);
    QString error;
    if (!stack->bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error)) {
        qWarning("bind: %s", qPrintable(error));
        return nullptr;
    }
    return stack;
}

quint16 udpPort(sip::Stack &stack)
{
    for (const sip::Endpoint &e : stack.transport().localEndpoints()) {
        if (e.transport == sip::TransportType::Udp) {
            return e.port;
        }
    }
    return 0;
}

qint64 rowCount(Database &db, const QString &where = QStringLiteral("1"))
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*) FROM messages WHERE ") + where);
    return q.next() ? q.value(0).toLongLong() : -1;
}

// Waits for `count` final responses to `callId`.
bool waitForResponses(RawMessageClient &client, const QByteArray &callId, int count)
{
    QElapsedTimer t;
    t.start();
    while (client.responses(callId).size() < count && t.elapsed() < 15000) {
        client.socket().waitForReadyRead(50);
        QCoreApplication::processEvents();
        client.read();
    }
    return client.responses(callId).size() >= count;
}

} // namespace

class tst_Messenger : public QObject
{
    Q_OBJECT

private slots:
    void rfc3428_7_storedBeforeThe200();
    void rfc3261_17_2_3_resentRequestStoredOnce();
    void rfc3261_21_5_1_databaseFullGets500WithRetryAfter();
    void rfc3261_21_6_2_blockedContactDeclined();
    void attachRefusesUnknownAccountAndTwice();
    void outboxSentThroughCourier();
    void interruptedMessageSentAfterAttach();
    void rfc3261_10_courierWaitsForTheRegistration();
};

void tst_Messenger::rfc3428_7_storedBeforeThe200()
{
    TempProfile p;
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    auto stack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(stack);
    Messenger messenger(p.db());
    QVERIFY(messenger.attach(p.accountId(), *stack).ok());
    QVERIFY(messenger.isAttached(p.accountId()));
    QVERIFY(messenger.courier(p.accountId()));
    RawMessageClient client;
    QVERIFY(client.isBound());

    // When the store says "stored", no 200 has gone out yet, and the row is
    // already committed (readable from another connection).
    int answeredAtSignal = -1;
    qint64 rowsAtSignal = -1;
    QList<StoredMessage> seen;
    connect(&messenger, &Messenger::messagesStored, this, [&](const QList<StoredMessage> &m) {
        client.socket().waitForReadyRead(100);
        answeredAtSignal = client.read();
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        rowsAtSignal = reader ? rowCount(*reader.value()) : -2;
        seen += m;
    });
    const quint16 port = udpPort(*stack);
    for (int i = 0; i < 20; ++i) {
        client.send(port, "stored-" + QByteArray::number(i), "hello " + QByteArray::number(i),
                    "b" + QByteArray::number(i));
    }
    for (int i = 0; i < 20; ++i) {
        QVERIFY(waitForResponses(client, "stored-" + QByteArray::number(i), 1));
        QCOMPARE(client.responses("stored-" + QByteArray::number(i)).constFirst().status, 200);
    }
    QCOMPARE(answeredAtSignal, 0);
    QVERIFY(rowsAtSignal >= 1);
    QCOMPARE(seen.size(), 20);
    QCOMPARE(rowCount(p.db()), 20);
    QCOMPARE(seen.constFirst().peerUri, QStringLiteral("sip:alice@127.0.0.1"));
    messenger.detach(p.accountId());
    QVERIFY(!messenger.isAttached(p.accountId()));
}

void tst_Messenger::rfc3261_17_2_3_resentRequestStoredOnce()
{
    TempProfile p;
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    RawMessageClient client;
    int signalled = 0;
    for (int run = 0; run < 2; ++run) {
        // A new stack each time, as after a restart: its transaction layer
        // has forgotten the first request, so only the store can tell.
        auto stack = makeStack("sip:bob@127.0.0.1");
        QVERIFY(stack);
        Messenger messenger(p.db());
        connect(&messenger, &Messenger::messagesStored, this,
                [&](const QList<StoredMessage> &m) { signalled += int(m.size()); });
        QVERIFY(messenger.attach(p.accountId(), *stack).ok());
        client.clear();
        client.send(udpPort(*stack), "resent", "once", "run" + QByteArray::number(run));
        QVERIFY(waitForResponses(client, "resent", 1));
        QCOMPARE(client.responses("resent").constFirst().status, 200);
    }
    QCOMPARE(rowCount(p.db()), 1);
    QCOMPARE(signalled, 1);
}

void tst_Messenger::rfc3261_21_5_1_databaseFullGets500WithRetryAfter()
{
    TempProfile p;
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    auto stack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(stack);
    Messenger messenger(p.db());
    QSignalSpy failed(&messenger, &Messenger::storeFailed);
    QVERIFY(messenger.attach(p.accountId(), *stack).ok());
    RawMessageClient client;
    const quint16 port = udpPort(*stack);
    client.send(port, "before", "kept", "k1");
    QVERIFY(waitForResponses(client, "before", 1));
    QCOMPARE(client.responses("before").constFirst().status, 200);

    // The file may not grow (SQLITE_FULL, as on a full disk: the real disk
    // is tst_StoreDiskFull's).
    QSqlQuery limit(p.db().connection());
    QVERIFY(limit.exec(QStringLiteral("PRAGMA page_count")) && limit.next());
    QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(limit.value(0).toInt())));
    const QByteArray big(1200, 'x');
    for (int i = 0; i < 10; ++i) {
        client.send(port, "full-" + QByteArray::number(i), big, "f" + QByteArray::number(i));
    }
    for (int i = 0; i < 10; ++i) {
        const QByteArray id = "full-" + QByteArray::number(i);
        QVERIFY(waitForResponses(client, id, 1));
        QCOMPARE(client.responses(id).constFirst().status, 500);
        QCOMPARE(client.responses(id).constFirst().retryAfter, QByteArray("30"));
    }
    QVERIFY(failed.size() >= 1);
    QCOMPARE(rowCount(p.db()), 1);
    QVERIFY(p.db().checkIntegrity().ok());

    // Room again: the sender's retry (RFC 3261 §20.33) is stored. It is a
    // new request (CSeq 2, §8.1.3.5): the same CSeq on a new branch would be
    // a merged request while the first transaction lasts (§8.2.2.2, 482).
    QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    client.send(port, "full-0", big, "retry", "t1", 2);
    QVERIFY(waitForResponses(client, "full-0", 2));
    QCOMPARE(client.responses("full-0").constLast().status, 200);
    QCOMPARE(rowCount(p.db()), 2);
}

void tst_Messenger::rfc3261_21_6_2_blockedContactDeclined()
{
    TempProfile p;
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    Contact blocked;
    blocked.accountId = p.accountId();
    blocked.uri = QStringLiteral("sip:alice@127.0.0.1");
    blocked.blocked = true;
    QVERIFY(ContactStore(p.db()).add(blocked).ok());
    auto stack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(stack);
    Messenger messenger(p.db());
    QSignalSpy stored(&messenger, &Messenger::messagesStored);
    QVERIFY(messenger.attach(p.accountId(), *stack).ok());
    RawMessageClient client;
    client.send(udpPort(*stack), "blocked-1", "spam", "x1");
    QVERIFY(waitForResponses(client, "blocked-1", 1));
    QCOMPARE(client.responses("blocked-1").constFirst().status, 603); // the account's default
    // The user changes the account's setting: saved, and used at once.
    QVERIFY(messenger.setBlockedAnswer(p.accountId(), Account::BlockedAnswer::SilentAccept).ok());
    QCOMPARE(AccountStore(p.db()).find(p.accountId()).value().blockedAnswer,
             Account::BlockedAnswer::SilentAccept);
    client.send(udpPort(*stack), "blocked-2", "spam", "x2");
    QVERIFY(waitForResponses(client, "blocked-2", 1));
    QCOMPARE(client.responses("blocked-2").constFirst().status, 200);
    // Attached again (a restart): the saved setting applies from the start.
    messenger.detach(p.accountId());
    Messenger restarted(p.db());
    QSignalSpy storedAfter(&restarted, &Messenger::messagesStored);
    QVERIFY(restarted.attach(p.accountId(), *stack).ok());
    client.send(udpPort(*stack), "blocked-3", "spam", "x3");
    QVERIFY(waitForResponses(client, "blocked-3", 1));
    QCOMPARE(client.responses("blocked-3").constFirst().status, 200);
    QCOMPARE(rowCount(p.db()), 0);
    QCOMPARE(stored.size(), 0);
    QCOMPARE(storedAfter.size(), 0);
}

void tst_Messenger::attachRefusesUnknownAccountAndTwice()
{
    TempProfile p;
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    auto stack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(stack);
    Messenger messenger(p.db());
    const auto unknown = messenger.attach(p.accountId() + 100, *stack);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code(), StoreError::Code::NotFound);
    QVERIFY(messenger.attach(p.accountId(), *stack).ok());
    const auto twice = messenger.attach(p.accountId(), *stack);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code(), StoreError::Code::InvalidState);
    QVERIFY(!twice.error().message().isEmpty());
}

void tst_Messenger::outboxSentThroughCourier()
{
    TempProfile alice;
    TempProfile bob;
    QVERIFY2(alice.isValid(), qPrintable(alice.error()));
    QVERIFY2(bob.isValid(), qPrintable(bob.error()));
    auto aliceStack = makeStack("sip:me@example.com");
    auto bobStack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(aliceStack && bobStack);
    Messenger aliceMessenger(alice.db());
    Messenger bobMessenger(bob.db());
    QVERIFY(bobMessenger.attach(bob.accountId(), *bobStack).ok());
    const QString to = QStringLiteral("sip:bob@127.0.0.1:%1").arg(udpPort(*bobStack));

    // Written before the account is attached: it waits in the outbox.
    auto early = aliceMessenger.send(alice.accountId(), to, QStringLiteral("first"));
    QVERIFY2(early.ok(), qPrintable(early.error().toString()));
    QSignalSpy states(&aliceMessenger, &Messenger::messageStateChanged);
    QVERIFY(aliceMessenger.attach(alice.accountId(), *aliceStack).ok());
    auto later = aliceMessenger.send(alice.accountId(), to, QStringLiteral("second"));
    QVERIFY(later.ok());

    MessageStore aliceStore(alice.db());
    QTRY_VERIFY_WITH_TIMEOUT(aliceStore.find(early.value()).value().state == DeliveryState::Sent &&
                                 aliceStore.find(later.value()).value().state ==
                                     DeliveryState::Sent,
                             20000);
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.constLast()[1].value<DeliveryState>(), DeliveryState::Sent);
    // In order, each stored once on bob's side.
    const auto history = MessageStore(bob.db()).history({}, 0).value();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].body, QStringLiteral("first"));
    QCOMPARE(history[1].body, QStringLiteral("second"));
}

void tst_Messenger::interruptedMessageSentAfterAttach()
{
    TempProfile alice;
    TempProfile bob;
    QVERIFY2(alice.isValid() && bob.isValid(), qPrintable(alice.error() + bob.error()));
    auto aliceStack = makeStack("sip:me@example.com");
    auto bobStack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(aliceStack && bobStack);
    Messenger bobMessenger(bob.db());
    QVERIFY(bobMessenger.attach(bob.accountId(), *bobStack).ok());

    // Left Sending by a crash: attach puts it back to Queued, and it goes.
    Outbox outbox(alice.db());
    auto id = outbox.queue(outgoing(alice.accountId(),
                                    QStringLiteral("sip:bob@127.0.0.1:%1").arg(udpPort(*bobStack)),
                                    QStringLiteral("interrupted")));
    QVERIFY(id.ok());
    QVERIFY(
        outbox.markSending(id.value(), QStringLiteral("crash-call"), QStringLiteral("crash-tag"), 1)
            .ok());
    Messenger aliceMessenger(alice.db());
    QVERIFY(aliceMessenger.attach(alice.accountId(), *aliceStack).ok());
    MessageStore aliceStore(alice.db());
    QTRY_COMPARE_WITH_TIMEOUT(aliceStore.find(id.value()).value().state, DeliveryState::Sent,
                              20000);
    QTRY_COMPARE_WITH_TIMEOUT(MessageStore(bob.db()).history({}, 0).value().size(), 1, 10000);
    QCOMPARE(MessageStore(bob.db()).history({}, 0).value().constFirst().body,
             QStringLiteral("interrupted"));
}

void tst_Messenger::rfc3261_10_courierWaitsForTheRegistration()
{
    TempProfile alice;
    TempProfile bob;
    QVERIFY2(alice.isValid() && bob.isValid(), qPrintable(alice.error() + bob.error()));
    // A registrar that answers every REGISTER 200, echoing its Contact.
    sip::test::Peer registrar;
    registrar.answerStatus = 0;
    registrar.onRequest = [&registrar](quint64 id, const sip::ReceivedMessage &r) {
        sip::Message response = sip::test::makeResponse(r.message, 200);
        const auto contacts = r.message.contacts();
        if (contacts && !contacts->isEmpty()) {
            response.addHeader("Contact", contacts->front().address().text());
        }
        response.addHeader("Expires", "3600");
        registrar.transactions.respond(id, response);
    };
    QVERIFY(registrar.bind(sip::TransportType::Udp));
    const sip::Endpoint registrarAt = registrar.endpoint(sip::TransportType::Udp);

    sip::Stack::Config config;
    config.aor = "sip:me@127.0.0.1";
    config.registrar = *sip::Uri::parse("sip:127.0.0.1:" + QByteArray::number(registrarAt.port));
    sip::Stack aliceStack(config);
    QString error;
    QVERIFY2(aliceStack.bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error),
             qPrintable(error));
    auto bobStack = makeStack("sip:bob@127.0.0.1");
    QVERIFY(bobStack);
    Messenger bobMessenger(bob.db());
    QVERIFY(bobMessenger.attach(bob.accountId(), *bobStack).ok());

    Messenger aliceMessenger(alice.db());
    QVERIFY(aliceMessenger.attach(alice.accountId(), aliceStack).ok());
    QVERIFY(!aliceMessenger.courier(alice.accountId())->isReady());
    auto id = aliceMessenger.send(alice.accountId(),
                                  QStringLiteral("sip:bob@127.0.0.1:%1").arg(udpPort(*bobStack)),
                                  QStringLiteral("after registering"));
    QVERIFY(id.ok());
    // Not registered: it waits (nothing can make it go before start()).
    QTest::qWait(300);
    MessageStore aliceStore(alice.db());
    QCOMPARE(aliceStore.find(id.value()).value().state, DeliveryState::Queued);
    QCOMPARE(MessageStore(bob.db()).history({}, 0).value().size(), 0);

    aliceStack.registration()->start();
    QTRY_VERIFY_WITH_TIMEOUT(aliceMessenger.courier(alice.accountId())->isReady(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(aliceStore.find(id.value()).value().state, DeliveryState::Sent,
                              20000);
    QCOMPARE(MessageStore(bob.db()).history({}, 0).value().size(), 1);
    aliceMessenger.detach(alice.accountId());
}

QTEST_GUILESS_MAIN(tst_Messenger)
#include "tst_Messenger.moc"
