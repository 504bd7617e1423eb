// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/AccountStore.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/MessageStore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

class TestAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void addFindUpdateRemove()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        AccountStore store(p.db());

        Account a;
        a.aor = QStringLiteral("sip:alice@example.org");
        a.displayName = QStringLiteral("Alice");
        a.registrar = QStringLiteral("sip:registrar.example.org");
        a.outboundProxy = QStringLiteral("sip:proxy.example.org;lr");
        a.authUser = QStringLiteral("alice01");
        a.transports = {QStringLiteral("tls"), QStringLiteral("tcp")};
        a.enabled = false;
        a.registerAccount = false;
        a.expires = 600;
        a.keepAliveInterval = 25;
        a.blockedAnswer = Account::BlockedAnswer::SilentAccept;
        auto id = store.add(a);
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));

        Account found = store.find(id.value()).value();
        QCOMPARE(found.id, id.value());
        QCOMPARE(found.aor, a.aor);
        QCOMPARE(found.displayName, a.displayName);
        QCOMPARE(found.registrar, a.registrar);
        QCOMPARE(found.outboundProxy, a.outboundProxy);
        QCOMPARE(found.authUser, a.authUser);
        QCOMPARE(found.transports, a.transports);
        QCOMPARE(found.enabled, false);
        QCOMPARE(found.registerAccount, false);
        QCOMPARE(found.expires, 600);
        QCOMPARE(found.keepAliveInterval, 25);
        QCOMPARE(found.blockedAnswer, Account::BlockedAnswer::SilentAccept);
        QVERIFY(found.createdAt.isValid());

        // Found by any spelling of the same address.
        auto byAor = store.findByAor(QStringLiteral("sip:alice@EXAMPLE.org:5060;transport=tls"));
        QVERIFY(byAor.ok() && byAor.value().has_value());
        QCOMPARE(byAor.value()->id, id.value());
        QVERIFY(!store.findByAor(QStringLiteral("sip:bob@example.org")).value().has_value());

        found.displayName = QStringLiteral("Alice A.");
        found.transports.clear();
        QVERIFY(store.update(found).ok());
        QCOMPARE(store.find(id.value()).value().displayName, QStringLiteral("Alice A."));
        QVERIFY(store.find(id.value()).value().transports.isEmpty());

        QCOMPARE(store.list().value().size(), 2); // with the fixture's account
        QVERIFY(store.remove(id.value()).ok());
        QCOMPARE(store.find(id.value()).error().code(), StoreError::Code::NotFound);
        QCOMPARE(store.remove(id.value()).error().code(), StoreError::Code::NotFound);
    }

    void refusesDuplicatesAndBadAddresses()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        AccountStore store(p.db());
        Account same;
        same.aor = QStringLiteral("sip:me@EXAMPLE.com;transport=tcp"); // the fixture's account
        QCOMPARE(store.add(same).error().code(), StoreError::Code::Duplicate);

        Account bad;
        bad.aor = QStringLiteral("not a uri");
        const auto refused = store.add(bad);
        QCOMPARE(refused.error().code(), StoreError::Code::InvalidArgument);
        QVERIFY(refused.error().message().contains(QStringLiteral("not a uri")));

        Account other;
        other.aor = QStringLiteral("sip:other@example.com");
        const qint64 otherId = store.add(other).value();
        other.id = otherId;
        other.aor = QStringLiteral("sip:me@example.com");
        QCOMPARE(store.update(other).error().code(), StoreError::Code::Duplicate);
        other.id = 9999;
        other.aor = QStringLiteral("sip:nobody@example.com");
        QCOMPARE(store.update(other).error().code(), StoreError::Code::NotFound);
    }

    void noPasswordColumn()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        const QSqlRecord record = p.db().connection().record(QStringLiteral("accounts"));
        QVERIFY(record.count() > 5);
        for (int i = 0; i < record.count(); ++i) {
            QVERIFY2(!record.fieldName(i).contains(QStringLiteral("pass"), Qt::CaseInsensitive),
                     qPrintable(record.fieldName(i)));
            QVERIFY(!record.fieldName(i).contains(QStringLiteral("secret"), Qt::CaseInsensitive));
        }
    }

    void removingAnAccountRemovesItsData()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        Contact c;
        c.accountId = p.accountId();
        c.uri = QStringLiteral("sip:friend@example.com");
        QVERIFY(ContactStore(p.db()).add(c).ok());
        QVERIFY(MessageStore(p.db())
                    .insertIncoming(
                        incoming(p.accountId(), "sip:friend@example.com", "hello there", "c1"))
                    .isStored());
        QVERIFY(AccountStore(p.db()).remove(p.accountId()).ok());
        QVERIFY(ContactStore(p.db()).list(p.accountId()).value().isEmpty());
        QVERIFY(ConversationStore(p.db()).list().value().isEmpty());
        QVERIFY(MessageStore(p.db()).history({}, 0).value().isEmpty());
        QSqlQuery q(p.db().connection());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO messages_words (messages_words, rank) VALUES ('integrity-check', 1)")));
    }

    void retiringKeepsTheHistoryAndTheSameAddressBringsItBack()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        AccountStore accounts(p.db());
        const Account before = accounts.find(p.accountId()).value();
        QVERIFY(
            MessageStore(p.db())
                .insertIncoming(incoming(p.accountId(), "sip:friend@example.com", "keep me", "r1"))
                .isStored());
        QVERIFY(accounts.retire(p.accountId()).ok());
        QVERIFY(accounts.list().value().isEmpty()); // not in use any more
        const Account retired = accounts.find(p.accountId()).value();
        QVERIFY(retired.removed);
        QVERIFY(!retired.enabled);
        // Its history is still there, readable.
        const auto conversations = ConversationStore(p.db()).list().value();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first().accountId, p.accountId());
        QCOMPARE(MessageStore(p.db()).history({}, 0).value().first().body,
                 QStringLiteral("keep me"));

        // Added again (another spelling of the address): the same account,
        // the new settings, the old history.
        Account again;
        QCOMPARE(before.aor, QStringLiteral("sip:me@example.com"));
        again.aor = QStringLiteral("sip:me@EXAMPLE.com"); // hosts compare case-blind (§19.1.4)
        again.displayName = QStringLiteral("Back again");
        const auto id = accounts.add(again);
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));
        QCOMPARE(id.value(), p.accountId());
        const Account revived = accounts.find(id.value()).value();
        QVERIFY(!revived.removed);
        QVERIFY(revived.enabled);
        QCOMPARE(revived.displayName, QStringLiteral("Back again"));
        QCOMPARE(accounts.list().value().size(), 1);
        QCOMPARE(ConversationStore(p.db()).list().value().first().accountId, id.value());
        // Only a retired one comes back: an account in use is a duplicate.
        QCOMPARE(accounts.add(again).error().code(), StoreError::Code::Duplicate);
    }

    void readOnlyRefusesWrites()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY(reader.ok());
        AccountStore store(*reader.value());
        QCOMPARE(store.list().value().size(), 1);
        Account a;
        a.aor = QStringLiteral("sip:x@example.com");
        QCOMPARE(store.add(a).error().code(), StoreError::Code::ReadOnly);
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_AccountStore.moc"
