// SPDX-License-Identifier: GPL-3.0-or-later
// MessengerService: the core on its own thread, driven as the desktop app
// drives it. Two profiles with accounts "without a server" on 127.0.0.1,
// real UDP/TCP sockets and real SQLite files; every command answered on the
// calling thread, every change announced after its commit (RFC 3428 §7: the
// receiver's 200 only after the store), and the password never written to
// the profile.

#include "ProfileScan.h"
#include "secrets/SecretStore.h"
#include "service/MessengerService.h"
#include "session/RegistrationWords.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tidings;
using namespace tidings::test;

namespace {

struct Side
{
    QTemporaryDir dir;
    std::unique_ptr<MessengerService> service;
    qint64 accountId = 0;

    bool start(SecretStore &secrets, const QString &user, bool waitOnline = true)
    {
        MessengerService::Options options;
        options.unregisterBoundMs = 500;
        options.session.localHost = QHostAddress(QHostAddress::LocalHost);
        service = std::make_unique<MessengerService>(dir.path(), secrets, options);
        QSignalSpy opened(service.get(), &MessengerService::opened);
        service->open();
        if (!opened.wait(10000))
            return false;
        if (accountId == 0) {
            Account a;
            a.aor = QStringLiteral("sip:%1@127.0.0.1").arg(user);
            a.displayName = user;
            a.registerAccount = false;
            a.listenPort = 0; // 5060, else a free port
            bool done = false;
            service->addAccount(a, {}, [&](StoreResult<qint64> r) {
                accountId = r.ok() ? r.value() : -1;
                done = true;
            });
            if (!QTest::qWaitFor([&] { return done; }, 10000) || accountId <= 0)
                return false;
        } else {
            service->startAccounts();
        }
        if (!waitOnline)
            return QTest::qWaitFor([&] { return !service->accounts().isEmpty(); }, 10000);
        return QTest::qWaitFor([&] { return service->status(accountId).isOnline(); }, 10000);
    }

    QString address() const
    {
        const QStringList at = service->status(accountId).reachableAt;
        return at.isEmpty() ? QString() : at.first();
    }

    void stop()
    {
        bool done = false;
        service->shutdown([&] { done = true; });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("shutdown did not finish within 10 s");
        service.reset();
    }
};

} // namespace

class tst_MessengerService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); }

    void rfc3428_bothDirectionsWithoutAServer()
    {
        SecretStore secrets(QStringLiteral("tidings-test-service"));
        Side alice, bob;
        QVERIFY(alice.start(secrets, QStringLiteral("alice")));
        QVERIFY(bob.start(secrets, QStringLiteral("bob")));
        QVERIFY(alice.address().startsWith(QLatin1String("sip:alice@127.0.0.1:")));
        QVERIFY(bob.address().startsWith(QLatin1String("sip:bob@127.0.0.1:")));

        QSignalSpy changed(alice.service.get(), &MessengerService::messageChanged);
        QSignalSpy stored(bob.service.get(), &MessengerService::messagesStored);
        const QString text = QStringLiteral("Grüße  aus\nTōkyō 東京 🙂");
        qint64 id = 0;
        alice.service->send(alice.accountId, bob.address(), text,
                            [&](StoreResult<qint64> r) { id = r.ok() ? r.value() : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(id != 0, 5000);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty(), 10000);
        const auto incoming = stored.first().first().value<QList<StoredMessage>>();
        QCOMPARE(incoming.size(), 1);
        QCOMPARE(incoming.first().body, text);
        QVERIFY(incoming.first().conversationId > 0);

        // Queued -> Sending -> Sent, each announced with the whole row.
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() &&
                                     changed.last().first().value<StoredMessage>().state ==
                                         DeliveryState::Sent,
                                 10000);
        QList<DeliveryState> states;
        for (const auto &args : changed) {
            const auto m = args.first().value<StoredMessage>();
            QCOMPARE(m.id, id);
            QVERIFY(m.conversationId > 0);
            states.append(m.state);
        }
        QCOMPARE(states.first(), DeliveryState::Queued);
        QVERIFY(states.contains(DeliveryState::Sending));
        QCOMPARE(states.last(), DeliveryState::Sent);

        // And back: bob answers in the conversation the message opened.
        QSignalSpy aliceStored(alice.service.get(), &MessengerService::messagesStored);
        bob.service->send(bob.accountId, incoming.first().peerUri, QStringLiteral("pong"));
        QTRY_VERIFY_WITH_TIMEOUT(!aliceStored.isEmpty(), 10000);
        QCOMPARE(aliceStored.first().first().value<QList<StoredMessage>>().first().body,
                 QStringLiteral("pong"));

        // Read: announced, and the reader sees it.
        QSignalSpy read(bob.service.get(), &MessengerService::conversationRead);
        bob.service->markConversationRead(incoming.first().conversationId);
        QVERIFY(read.wait(5000));
        auto reader = bob.service->openReader();
        QVERIFY(reader.ok());
        auto conv = ConversationStore(*reader.value()).find(incoming.first().conversationId);
        QVERIFY(conv.ok());
        QCOMPARE(conv.value().unreadCount, 0);
        QCOMPARE(conv.value().lastDirection, Direction::Outgoing);
        QCOMPARE(conv.value().peerDisplayName, QStringLiteral("alice"));

        alice.stop();
        bob.stop();
    }

    void queuedWhileOfflineGoesOutAfterRestart()
    {
        SecretStore secrets(QStringLiteral("tidings-test-service"));
        Side alice, bob;
        QVERIFY(bob.start(secrets, QStringLiteral("bob")));
        const QString bobAt = bob.address();
        QVERIFY(alice.start(secrets, QStringLiteral("alice")));
        // Alice's account is switched off: the message waits in the outbox.
        bool disabled = false;
        alice.service->setAccountEnabled(alice.accountId, false,
                                         [&](StoreResult<void> r) { disabled = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(disabled, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(alice.service->status(alice.accountId).state,
                                  AccountStatus::State::Disabled, 5000);
        QSignalSpy changed(alice.service.get(), &MessengerService::messageChanged);
        for (int i = 1; i <= 3; ++i)
            alice.service->send(alice.accountId, bobAt, QStringLiteral("offline %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 5000);
        for (const auto &args : changed)
            QCOMPARE(args.first().value<StoredMessage>().state, DeliveryState::Queued);
        alice.stop();

        // Restarted and switched on: delivered in order, exactly once.
        QSignalSpy stored(bob.service.get(), &MessengerService::messagesStored);
        QVERIFY(alice.start(secrets, QStringLiteral("alice"), false));
        QCOMPARE(alice.service->status(alice.accountId).state, AccountStatus::State::Disabled);
        bool enabled = false;
        alice.service->setAccountEnabled(alice.accountId, true,
                                         [&](StoreResult<void> r) { enabled = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(enabled, 5000);
        QStringList bodies;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                bodies.clear();
                for (const auto &args : stored)
                    for (const StoredMessage &m : args.first().value<QList<StoredMessage>>())
                        bodies.append(m.body);
                return bodies.size() >= 3;
            }(),
            15000);
        QCOMPARE(bodies, (QStringList{QStringLiteral("offline 1"), QStringLiteral("offline 2"),
                                      QStringLiteral("offline 3")}));
        alice.stop();
        bob.stop();
    }

    void tooLongOrEmptyRefusedBeforeQueueing()
    {
        SecretStore secrets(QStringLiteral("tidings-test-service"));
        Side alice;
        QVERIFY(alice.start(secrets, QStringLiteral("alice")));
        StoreResult<qint64> result = StoreError(StoreError::Code::None, {});
        bool done = false;
        alice.service->send(alice.accountId, QStringLiteral("sip:bob@127.0.0.1:9"),
                            QString(64 * 1024 + 1, QLatin1Char('x')), [&](StoreResult<qint64> r) {
                                result = r;
                                done = true;
                            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StoreError::Code::InvalidArgument);
        QVERIFY(result.error().toString().contains(QLatin1String("64 KiB")));
        auto reader = alice.service->openReader();
        QVERIFY(reader.ok());
        auto conversations = ConversationStore(*reader.value()).list();
        QVERIFY(conversations.ok());
        QVERIFY(conversations.value().isEmpty()); // nothing was queued
        alice.stop();
    }

    void passwordNeverWrittenToTheProfile()
    {
        SecretStore secrets(QStringLiteral("tidings-test-service"));
        QTemporaryDir dir;
        const QByteArray password = "s3cr3t-Pässwort-2f9c81";
        {
            MessengerService service(dir.path(), secrets);
            QSignalSpy opened(&service, &MessengerService::opened);
            service.open();
            QVERIFY(opened.wait(10000));
            Account a;
            a.aor = QStringLiteral("sip:carol@127.0.0.1:9"); // nobody answers there
            a.registrar = QStringLiteral("sip:127.0.0.1:9");
            bool done = false;
            service.addAccount(a, QString::fromUtf8(password),
                               [&](StoreResult<qint64> r) { done = r.ok(); });
            QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
            bool shut = false;
            service.shutdown([&] { shut = true; });
            QTRY_VERIFY_WITH_TIMEOUT(shut, 10000);
        }
        // In every encoding it could be written in.
        const ScanResult scan =
            scanFiles(dir.path(), {password, QString::fromUtf8(password).toUtf8().toHex(),
                                   QString::fromUtf8(password).toLatin1()});
        QVERIFY2(scan.containing.isEmpty(), qPrintable(scan.containing.join(QLatin1Char(' '))));
        QVERIFY(scan.unreadable.isEmpty());
        QVERIFY(scan.files > 0);
    }

    void registrationProblemsInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("words");
        QTest::newRow("401 after credentials") << 401 << QString() << "Wrong user name or password";
        QTest::newRow("403") << 403 << QString() << "Wrong user name or password";
        QTest::newRow("timeout") << 0 << "no answer from udp:192.0.2.1:5060: Timer F"
                                 << "Server unreachable";
        QTest::newRow("tls") << 0 << "TLS handshake failed: The certificate is self-signed"
                             << "The server's certificate is not trusted";
        QTest::newRow("dns") << 0 << "no address found for sip:nowhere.invalid"
                             << "The server's name cannot be found";
        QTest::newRow("503") << 503 << QString() << "The server has a problem (503)";
    }

    void registrationProblemsInWords()
    {
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(QString, words);
        QCOMPARE(RegistrationWords::problem(status, error), words);
    }
};

QTEST_MAIN(tst_MessengerService)
#include "tst_MessengerService.moc"
