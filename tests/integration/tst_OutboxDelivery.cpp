// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox end to end (issue 5): a sender's Messenger with its profile on a
// real SQLite file and a real sip::Stack on 127.0.0.1, delivering to a peer
// over UDP. Messages written while the account is not registered wait; after
// a restart of the sender and a registration they arrive in order, exactly
// once. A message a crash left Sending goes again as the same request (RFC
// 3261 §8.2.2.2, §17.2.3) and the receiving Messenger stores it once.

#include "Peer.h"
#include "messenger/Messenger.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "ua/Stack.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tidings;
using namespace sip;
using namespace sip::test;

namespace {

// A registrar: answers every REGISTER 200, echoing its first Contact.
struct Registrar
{
    Registrar()
    {
        peer.answerStatus = 0;
        peer.onRequest = [this](quint64 id, const ReceivedMessage &r) {
            Message response = makeResponse(r.message, 200);
            const auto contacts = r.message.contacts();
            if (contacts && !contacts->isEmpty())
                response.addHeader("Contact", contacts->front().address().text());
            peer.transactions.respond(id, response);
        };
    }
    Peer peer;
};

quint16 freeUdpPort()
{
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    return probe.localPort(); // closed again when `probe` goes
}

Uri registrarUri(quint16 port)
{
    return *Uri::parse("sip:127.0.0.1:" + QByteArray::number(port) + ";transport=udp");
}

// The sending side: profile directory (kept across restarts), database,
// stack and Messenger, which a restart destroys and makes anew.
struct Sender
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<Stack> stack;
    std::unique_ptr<Messenger> messenger;
    qint64 accountId = 0;

    bool open(QString *why)
    {
        auto opened = Database::open(dir.path());
        if (!opened) {
            *why = opened.error().toString();
            return false;
        }
        db = std::move(opened).value();
        AccountStore accounts(*db);
        const auto found = accounts.findByAor(QStringLiteral("sip:alice@127.0.0.1"));
        if (found.value()) {
            accountId = found.value()->id;
            return true;
        }
        Account account;
        account.aor = QStringLiteral("sip:alice@127.0.0.1");
        const auto added = accounts.add(account);
        *why = added.error().toString();
        accountId = added.value();
        return added.ok();
    }
    // The account online with a registrar at `registrarPort` (attached,
    // registration started): ready once it is registered.
    bool start(quint16 registrarPort, QString *why)
    {
        Stack::Config c;
        c.aor = "sip:alice@127.0.0.1";
        c.registrar = registrarUri(registrarPort);
        c.timers = fastTimers();
        c.keepAliveUdpMs = 0;
        c.keepAliveStreamMs = 0;
        stack = std::make_unique<Stack>(c);
        if (!stack->bind(TransportType::Udp, QHostAddress::LocalHost, 0, why))
            return false;
        messenger = std::make_unique<Messenger>(*db);
        if (auto attached = messenger->attach(accountId, *stack); !attached) {
            *why = attached.error().toString();
            return false;
        }
        stack->registration()->start();
        return true;
    }
    // The process ends: everything goes, the profile directory stays.
    void stop()
    {
        if (messenger)
            messenger->detach(accountId);
        messenger.reset();
        stack.reset();
        db.reset();
    }
    QList<StoredMessage> outgoing()
    {
        QList<StoredMessage> out;
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("SELECT id FROM messages WHERE direction = 1 ORDER BY id"));
        while (q.next())
            out << MessageStore(*db).find(q.value(0).toLongLong()).value();
        return out;
    }
};

QString bodyOf(const ReceivedMessage &r)
{
    return QString::fromUtf8(r.message.body().toByteArray());
}

} // namespace

class tst_OutboxDelivery : public QObject
{
    Q_OBJECT

private slots:
    void deliversAfterPeerComesUpAndSenderRestarts_inOrderExactlyOnce();
    void rfc3261_8_2_2_2_crashLeftSendingResentAsSameRequestStoredOnce_data();
    void rfc3261_8_2_2_2_crashLeftSendingResentAsSameRequestStoredOnce();
};

void tst_OutboxDelivery::deliversAfterPeerComesUpAndSenderRestarts_inOrderExactlyOnce()
{
    Peer bob; // the recipient: answers every MESSAGE 200
    QVERIFY(bob.bind(TransportType::Udp));
    const QString bobUri =
        QStringLiteral("sip:bob@127.0.0.1:%1").arg(bob.endpoint(TransportType::Udp).port);
    const quint16 registrarPort = freeUdpPort(); // nothing listens there yet

    Sender alice;
    QString why;
    QVERIFY(alice.dir.isValid());
    QVERIFY2(alice.open(&why), qPrintable(why));
    QVERIFY2(alice.start(registrarPort, &why), qPrintable(why));

    // The registrar is down: the registration fails and nothing is sent.
    const int n = 12;
    QStringList written;
    for (int i = 0; i < n; ++i) {
        written << QStringLiteral("message %1 of %2").arg(i + 1).arg(n);
        QVERIFY(alice.messenger->send(alice.accountId, bobUri, written.last()).ok());
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice.stack->registration()->state(), RegistrationState::Failed,
                              20000);
    QTest::qWait(200);
    QCOMPARE(bob.requests.size(), 0);
    for (const StoredMessage &m : alice.outgoing())
        QCOMPARE(m.state, DeliveryState::Queued);

    // The sender quits and starts again; the registrar is up this time.
    alice.stop();
    Registrar registrar;
    QVERIFY(registrar.peer.bind(TransportType::Udp, false, registrarPort));
    QVERIFY2(alice.open(&why), qPrintable(why));
    QCOMPARE(alice.outgoing().size(), n);
    QVERIFY2(alice.start(registrarPort, &why), qPrintable(why));

    QTRY_COMPARE_WITH_TIMEOUT(alice.stack->registration()->state(), RegistrationState::Registered,
                              20000);
    QTRY_COMPARE_WITH_TIMEOUT(bob.requests.size(), n, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const StoredMessage &m : alice.outgoing()) {
                if (m.state != DeliveryState::Sent)
                    return false;
            }
            return true;
        }(),
        30000);
    QTest::qWait(300); // room for a duplicate to show up: none may
    QCOMPARE(bob.requests.size(), n);

    QStringList received;
    QSet<QByteArray> callIds;
    for (const ReceivedMessage &r : std::as_const(bob.requests)) {
        received << bodyOf(r);
        callIds.insert(r.message.callId().toByteArray());
    }
    QCOMPARE(received, written); // in the order written
    QCOMPARE(int(callIds.size()), n);
    for (const StoredMessage &m : alice.outgoing()) {
        QCOMPARE(m.statusCode, 200);
        QCOMPARE(m.reason, QStringLiteral("OK"));
    }
    alice.stop();
}

void tst_OutboxDelivery::rfc3261_8_2_2_2_crashLeftSendingResentAsSameRequestStoredOnce_data()
{
    QTest::addColumn<bool>("afterTimerJ");
    // Within Timer J the receiver still holds the first copy's transaction;
    // the restarted sender (another port, so no retransmission, RFC 3261
    // §17.2.3) gets 482 for a merged request and sends it once more after
    // Timer J. After Timer J the store recognises Call-ID, From tag and CSeq.
    QTest::newRow("within Timer J: 482, resent after it (RFC 3261 §8.2.2.2)") << false;
    QTest::newRow("after Timer J: the store recognises it (RFC 3261 §17.2.2)") << true;
}

void tst_OutboxDelivery::rfc3261_8_2_2_2_crashLeftSendingResentAsSameRequestStoredOnce()
{
    QFETCH(bool, afterTimerJ);

    // The receiver: its own profile, Messenger and stack (no registration).
    QTemporaryDir bobDir;
    auto bobDb = Database::open(bobDir.path());
    QVERIFY2(bobDb.ok(), qPrintable(bobDb.error().toString()));
    Account bobAccount;
    bobAccount.aor = QStringLiteral("sip:bob@127.0.0.1");
    const qint64 bobId = AccountStore(*bobDb.value()).add(bobAccount).value();
    Stack::Config bc;
    bc.aor = "sip:bob@127.0.0.1";
    bc.timers = fastTimers(); // Timer J 3.2 s
    Stack bobStack(bc);
    QString why;
    QVERIFY2(bobStack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, &why), qPrintable(why));
    Messenger bobMessenger(*bobDb.value());
    QVERIFY(bobMessenger.attach(bobId, bobStack).ok());
    quint16 bobPort = 0;
    for (const Endpoint &e : bobStack.transport().localEndpoints())
        bobPort = e.port;
    const QString bobUri = QStringLiteral("sip:bob@127.0.0.1:%1").arg(bobPort);
    int storedSignals = 0;

    // The sender, without registration (always ready).
    QTemporaryDir aliceDir;
    qint64 messageId = 0;
    QString firstCallId;
    {
        auto db = Database::open(aliceDir.path());
        QVERIFY(db.ok());
        Account account;
        account.aor = QStringLiteral("sip:alice@127.0.0.1");
        const qint64 aliceId = AccountStore(*db.value()).add(account).value();
        Stack::Config c;
        c.aor = "sip:alice@127.0.0.1";
        c.timers = fastTimers();
        Stack stack(c);
        QVERIFY(stack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, &why));
        auto messenger = std::make_unique<Messenger>(*db.value());
        QVERIFY(messenger->attach(aliceId, stack).ok());

        // The "crash": the sender dies once the receiver has stored the
        // message and before its 200 is sent, so the sender never learns.
        auto crash = connect(&bobMessenger, &Messenger::messagesStored, this,
                             [&](const QList<StoredMessage> &stored) {
                                 storedSignals += int(stored.size());
                                 if (messenger) {
                                     messenger->detach(aliceId);
                                     messenger.reset();
                                 }
                             });
        messageId = messenger->send(aliceId, bobUri, QStringLiteral("exactly once")).value();
        QTRY_COMPARE_WITH_TIMEOUT(storedSignals, 1, 10000);
        disconnect(crash);
        const StoredMessage left = MessageStore(*db.value()).find(messageId).value();
        QCOMPARE(left.state, DeliveryState::Sending);
        firstCallId = left.callId;
        QVERIFY(!firstCallId.isEmpty());
        QTest::qWait(100); // the 200 reaches a sender that no longer listens
    }
    connect(&bobMessenger, &Messenger::messagesStored, this,
            [&](const QList<StoredMessage> &stored) { storedSignals += int(stored.size()); });
    if (afterTimerJ)
        QTest::qWait(int(fastTimers().timerJ()) + 500);

    // The restart: the same profile, a new stack and Messenger.
    auto db = Database::open(aliceDir.path());
    QVERIFY(db.ok());
    const qint64 aliceId =
        AccountStore(*db.value()).findByAor(QStringLiteral("sip:alice@127.0.0.1")).value()->id;
    Stack::Config c;
    c.aor = "sip:alice@127.0.0.1";
    c.timers = fastTimers();
    Stack stack(c);
    QVERIFY(stack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, &why));
    const quint64 receivedBefore = bobStack.transport().stats().messagesReceived;
    Messenger messenger(*db.value());
    QVERIFY(messenger.attach(aliceId, stack).ok()); // requeues it, then sends it

    QTRY_COMPARE_WITH_TIMEOUT(MessageStore(*db.value()).find(messageId).value().state,
                              DeliveryState::Sent, 20000);
    const StoredMessage sent = MessageStore(*db.value()).find(messageId).value();
    QCOMPARE(sent.callId, firstCallId); // the same request
    QCOMPARE(sent.statusCode, 200);
    QVERIFY(bobStack.transport().stats().messagesReceived > receivedBefore); // it went again
    QTest::qWait(200);

    // The receiver has it once.
    QCOMPARE(storedSignals, 1);
    QSqlQuery q(bobDb.value()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT call_id, body FROM messages WHERE direction = 0")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), firstCallId);
    QCOMPARE(q.value(1).toString(), QStringLiteral("exactly once"));
    QVERIFY(!q.next());
    messenger.detach(aliceId);
    bobMessenger.detach(bobId);
}

QTEST_GUILESS_MAIN(tst_OutboxDelivery)
#include "tst_OutboxDelivery.moc"
