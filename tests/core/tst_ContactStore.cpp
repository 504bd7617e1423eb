// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/MessageStore.h"

#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

Contact contact(qint64 accountId, const QString &uri, const QString &name = {})
{
    Contact c;
    c.accountId = accountId;
    c.uri = uri;
    c.displayName = name;
    return c;
}

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

private slots:
    void addUpdateRemove()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        ContactStore store(p.db());
        Contact bob =
            contact(p.accountId(), QStringLiteral("sip:bob@example.com"), QStringLiteral("Bob"));
        bob.notes = QStringLiteral("met at the conference");
        auto id = store.add(bob);
        QVERIFY2(id.ok(), qPrintable(id.error().toString()));

        Contact found = store.find(id.value()).value();
        QCOMPARE(found.uri, bob.uri);
        QCOMPARE(found.key, QStringLiteral("sip:bob@example.com"));
        QCOMPARE(found.displayName, QStringLiteral("Bob"));
        QCOMPARE(found.notes, bob.notes);
        QVERIFY(!found.favourite);
        QVERIFY(!found.blocked);

        found.favourite = true;
        found.blocked = true;
        found.uri = QStringLiteral("sip:bob@example.com:5070");
        QVERIFY(store.update(found).ok());
        const Contact updated = store.find(id.value()).value();
        QVERIFY(updated.favourite);
        QVERIFY(updated.blocked);
        QCOMPARE(updated.key, QStringLiteral("sip:bob@example.com:5070"));

        QVERIFY(store.remove(id.value()).ok());
        QCOMPARE(store.find(id.value()).error().code(), StoreError::Code::NotFound);
        QCOMPARE(store.remove(id.value()).error().code(), StoreError::Code::NotFound);
        QCOMPARE(store.update(updated).error().code(), StoreError::Code::NotFound);
    }

    void oneContactPerKey()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        ContactStore store(p.db());
        QVERIFY(store.add(contact(p.accountId(), QStringLiteral("sip:bob@example.com"))).ok());
        const auto again =
            store.add(contact(p.accountId(), QStringLiteral("sip:bob@EXAMPLE.com;transport=tcp")));
        QCOMPARE(again.error().code(), StoreError::Code::Duplicate);

        // Another user part is another contact; so is a case change in it.
        QVERIFY(store.add(contact(p.accountId(), QStringLiteral("sip:Bob@example.com"))).ok());
        const qint64 carol = store.add(contact(p.accountId(), "sip:carol@example.com")).value();
        Contact clash = store.find(carol).value();
        clash.uri = QStringLiteral("sip:bob@example.com:5060");
        QCOMPARE(store.update(clash).error().code(), StoreError::Code::Duplicate);
    }

    void findByKeyOrUri()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        ContactStore store(p.db());
        const qint64 id =
            store.add(contact(p.accountId(), QStringLiteral("sip:bob@example.com"))).value();
        for (const char *spelling :
             {"sip:bob@example.com", "sip:bob@EXAMPLE.COM", "<sip:bob@example.com;transport=tls>",
              "sip:bob@example.com:5060", "sip:%62ob@example.com"}) {
            auto found = store.findByUri(p.accountId(), QString::fromLatin1(spelling));
            QVERIFY2(found.ok() && found.value().has_value(), spelling);
            QCOMPARE(found.value()->id, id);
        }
        QVERIFY(!store.findByUri(p.accountId(), QStringLiteral("sip:bob@example.net"))
                     .value()
                     .has_value());
        QCOMPARE(store.findByUri(p.accountId(), QStringLiteral("bob")).error().code(),
                 StoreError::Code::InvalidArgument);
        QVERIFY(!store.findByKey(p.accountId() + 1, ContactKey::fromString("sip:bob@example.com"))
                     .value()
                     .has_value());
    }

    void listOrder()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        ContactStore store(p.db());
        Contact zed = contact(p.accountId(), QStringLiteral("sip:zed@example.com"), "zed");
        zed.favourite = true;
        QVERIFY(store.add(contact(p.accountId(), "sip:b@example.com", "Bravo")).ok());
        QVERIFY(store.add(contact(p.accountId(), "sip:a@example.com", "alpha")).ok());
        QVERIFY(store.add(zed).ok());
        QVERIFY(store.add(contact(p.accountId(), "sip:charlie@example.com")).ok());
        QStringList names;
        for (const Contact &c : store.list(p.accountId()).value()) {
            names << (c.displayName.isEmpty() ? c.uri : c.displayName);
        }
        QCOMPARE(names, (QStringList{"zed", "alpha", "Bravo", "sip:charlie@example.com"}));
    }

    void refusesBadInput()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        ContactStore store(p.db());
        QCOMPARE(store.add(contact(p.accountId(), QStringLiteral("bob at example"))).error().code(),
                 StoreError::Code::InvalidArgument);
        QCOMPARE(store.add(contact(9999, QStringLiteral("sip:bob@example.com"))).error().code(),
                 StoreError::Code::NotFound);
    }

    void removingAContactKeepsTheConversation()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        ContactStore store(p.db());
        const qint64 id = store.add(contact(p.accountId(), "sip:bob@example.com")).value();
        QVERIFY(MessageStore(p.db())
                    .insertIncoming(incoming(p.accountId(), "sip:bob@example.com", "hi", "c1"))
                    .isStored());
        QVERIFY(store.remove(id).ok());
        QCOMPARE(ConversationStore(p.db()).list().value().size(), 1);
        QCOMPARE(MessageStore(p.db()).history({}, 0).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_ContactStore.moc"
