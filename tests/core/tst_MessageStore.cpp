// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/ConversationStore.h"
#include "store/MessageSearch.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

bool ftsInSync(Database &db)
{
    for (const char *table : {"messages_words", "messages_trigrams"}) {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('integrity-check', 1)")
                        .arg(QLatin1String(table)))) {
            qWarning() << table << q.lastError().text();
            return false;
        }
    }
    return true;
}

qint64 count(Database &db, const QString &sql = QStringLiteral("SELECT count(*) FROM messages"))
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 conversationOf(Database &db, qint64 accountId, const QString &peer)
{
    auto found = ConversationStore(db).find(accountId, ContactKey::fromString(peer));
    return found.ok() && found.value() ? found.value()->id : 0;
}

} // namespace

class TestMessageStore : public QObject
{
    Q_OBJECT

private slots:
    void storesARequestOnce_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("callId");
        QTest::addColumn<QString>("fromTag");
        QTest::addColumn<qint64>("cseq");
        QTest::addColumn<bool>("otherAccount");
        QTest::addColumn<bool>("duplicate");

        // The first message is sip:alice@example.com, "hello", call-1, tag-call-1, CSeq 1.
        QTest::newRow("retransmission (RFC 3261 §17.2.3)")
            << "sip:alice@example.com"
            << "hello"
            << "call-1"
            << "tag-call-1" << qint64(1) << false << true;
        QTest::newRow("merged request via another path (§8.2.2.2)")
            << "sip:alice@EXAMPLE.com;transport=tcp"
            << "hello"
            << "call-1"
            << "tag-call-1" << qint64(1) << false << true;
        QTest::newRow("same request, other body still one")
            << "sip:alice@example.com"
            << "changed"
            << "call-1"
            << "tag-call-1" << qint64(1) << false << true;
        QTest::newRow("next CSeq is a new message") << "sip:alice@example.com"
                                                    << "hello"
                                                    << "call-1"
                                                    << "tag-call-1" << qint64(2) << false << false;
        QTest::newRow("other Call-ID") << "sip:alice@example.com"
                                       << "hello"
                                       << "call-2"
                                       << "tag-call-1" << qint64(1) << false << false;
        QTest::newRow("other From tag") << "sip:alice@example.com"
                                        << "hello"
                                        << "call-1"
                                        << "other-tag" << qint64(1) << false << false;
        QTest::newRow("same request to another account")
            << "sip:alice@example.com"
            << "hello"
            << "call-1"
            << "tag-call-1" << qint64(1) << true << false;
    }

    void storesARequestOnce()
    {
        QFETCH(QString, peer);
        QFETCH(QString, body);
        QFETCH(QString, callId);
        QFETCH(QString, fromTag);
        QFETCH(qint64, cseq);
        QFETCH(bool, otherAccount);
        QFETCH(bool, duplicate);

        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        MessageStore store(p.db());
        const InsertOutcome first = store.insertIncoming(
            incoming(p.accountId(), "sip:alice@example.com", "hello", "call-1"));
        QCOMPARE(first.kind, InsertOutcome::Kind::Stored);
        QVERIFY(first.id > 0);

        qint64 account = p.accountId();
        if (otherAccount) {
            Account second;
            second.aor = QStringLiteral("sip:second@example.com");
            account = AccountStore(p.db()).add(second).value();
        }
        IncomingMessage m = incoming(account, peer, body, callId, cseq, at(5));
        m.fromTag = fromTag;
        const InsertOutcome again = store.insertIncoming(m);
        QVERIFY2(again.isStored(), qPrintable(again.error.toString()));
        QCOMPARE(again.kind,
                 duplicate ? InsertOutcome::Kind::Duplicate : InsertOutcome::Kind::Stored);
        QCOMPARE(again.id == first.id, duplicate);
        QCOMPARE(count(p.db()), duplicate ? 1 : 2);
        QCOMPARE(store.find(first.id).value().body, QStringLiteral("hello"));
    }

    void everyFieldRoundTrips()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        IncomingMessage m =
            incoming(p.accountId(), "sip:Alice@Example.com;transport=tls",
                     QString::fromUtf8("Grüße 🌍\nline two"), "abc@host", 42, at(100));
        m.contentType = QStringLiteral("text/plain;charset=UTF-8");
        m.sentAt = at(-3600); // an offline message's original time
        m.serverDate = at(99);
        m.deliveredLate = true;
        const InsertOutcome outcome = store.insertIncoming(m);
        QVERIFY(outcome.kind == InsertOutcome::Kind::Stored);

        const StoredMessage s = store.find(outcome.id).value();
        QCOMPARE(s.id, outcome.id);
        QCOMPARE(s.uid.size(), 16);
        QCOMPARE(s.accountId, p.accountId());
        QCOMPARE(s.peerUri, m.peerUri);
        QCOMPARE(s.peerKey, QStringLiteral("sip:Alice@example.com"));
        QCOMPARE(s.direction, Direction::Incoming);
        QCOMPARE(s.body, m.body);
        QCOMPARE(s.contentType, m.contentType);
        QCOMPARE(s.callId, m.callId);
        QCOMPARE(s.fromTag, m.fromTag);
        QCOMPARE(s.cseq, qint64(42));
        QCOMPARE(s.time, at(100));
        QCOMPARE(s.receivedAt, at(100));
        QCOMPARE(s.sentAt, at(-3600));
        QCOMPARE(s.serverDate, at(99));
        QCOMPARE(s.state, DeliveryState::Received);
        QCOMPARE(s.statusCode, 0);
        QVERIFY(!s.read);
        QVERIFY(s.deliveredLate);
        QCOMPARE(store.find(outcome.id + 100).error().code(), StoreError::Code::NotFound);
    }

    void batchIsOneTransactionWithOutcomesInOrder()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        const InsertOutcome earlier =
            store.insertIncoming(incoming(p.accountId(), "sip:a@example.com", "earlier", "e1"));
        QVERIFY(earlier.kind == InsertOutcome::Kind::Stored);

        QList<IncomingMessage> batch;
        for (int i = 0; i < 64; ++i) {
            batch << incoming(p.accountId(), QStringLiteral("sip:peer%1@example.com").arg(i % 5),
                              QStringLiteral("batch %1").arg(i), QStringLiteral("b%1").arg(i), 1,
                              at(i));
        }
        batch[10] = batch[3]; // a retransmission inside the batch
        batch[20] =
            incoming(p.accountId(), "sip:a@example.com", "earlier", "e1"); // and of an earlier one
        const QList<InsertOutcome> outcomes = store.insertIncomingBatch(batch);
        QCOMPARE(outcomes.size(), 64);
        QSet<qint64> ids;
        for (int i = 0; i < 64; ++i) {
            QVERIFY2(outcomes[i].isStored(), qPrintable(outcomes[i].error.toString()));
            if (i == 10) {
                QCOMPARE(outcomes[i].kind, InsertOutcome::Kind::Duplicate);
                QCOMPARE(outcomes[i].id, outcomes[3].id);
            } else if (i == 20) {
                QCOMPARE(outcomes[i].kind, InsertOutcome::Kind::Duplicate);
                QCOMPARE(outcomes[i].id, earlier.id);
            } else {
                QCOMPARE(outcomes[i].kind, InsertOutcome::Kind::Stored);
                ids.insert(outcomes[i].id);
            }
        }
        QCOMPARE(ids.size(), 62);
        QCOMPARE(count(p.db()), 63);
        QVERIFY(store.insertIncomingBatch({}).isEmpty());
    }

    void largeBatchesSpanStatements()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        QList<IncomingMessage> batch;
        for (int i = 0; i < 1200; ++i) {
            batch << incoming(p.accountId(), QStringLiteral("sip:peer%1@example.com").arg(i % 9),
                              QStringLiteral("large %1").arg(i), QStringLiteral("l%1").arg(i));
        }
        batch[700] = batch[100];   // a duplicate in another statement
        batch[1100] = batch[1050]; // and in the same one
        const QList<InsertOutcome> outcomes = MessageStore(p.db()).insertIncomingBatch(batch);
        QCOMPARE(outcomes.size(), 1200);
        QCOMPARE(outcomes[700].kind, InsertOutcome::Kind::Duplicate);
        QCOMPARE(outcomes[700].id, outcomes[100].id);
        QCOMPARE(outcomes[1100].kind, InsertOutcome::Kind::Duplicate);
        QCOMPARE(outcomes[1100].id, outcomes[1050].id);
        int stored = 0;
        for (const InsertOutcome &o : outcomes) {
            stored += o.kind == InsertOutcome::Kind::Stored ? 1 : 0;
        }
        QCOMPARE(stored, 1198);
        QCOMPARE(count(p.db()), 1198);
        QVERIFY(ftsInSync(p.db()));
    }

    void aRowTheDatabaseRejectsFailsAlone()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        // A rule the store does not check itself, enforced by the database.
        QSqlQuery rule(p.db().connection());
        QVERIFY(rule.exec(QStringLiteral(
            "CREATE TEMP TRIGGER reject_poison BEFORE INSERT ON messages WHEN new.body = 'poison' "
            "BEGIN SELECT RAISE(ABORT, 'poisoned message'); END")));
        QList<IncomingMessage> batch;
        for (int i = 0; i < 10; ++i) {
            batch << incoming(p.accountId(), "sip:a@example.com",
                              i == 4 ? QStringLiteral("poison") : QStringLiteral("fine %1").arg(i),
                              QStringLiteral("x%1").arg(i));
        }
        const QList<InsertOutcome> outcomes = MessageStore(p.db()).insertIncomingBatch(batch);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(outcomes[i].kind,
                     i == 4 ? InsertOutcome::Kind::Failed : InsertOutcome::Kind::Stored);
        }
        QCOMPARE(outcomes[4].error.code(), StoreError::Code::Constraint);
        QVERIFY2(outcomes[4].error.detail().contains(QStringLiteral("poisoned message")),
                 qPrintable(outcomes[4].error.toString()));
        QCOMPARE(count(p.db()), 9);
        QVERIFY(ftsInSync(p.db()));
    }

    void batchIsolatesBadMessages()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        QList<IncomingMessage> batch = {
            incoming(p.accountId(), "sip:ok1@example.com", "fine", "g1"),
            incoming(p.accountId(), "not a uri at all", "bad peer", "g2"),
            incoming(p.accountId(), "sip:ok2@example.com", "no call id", ""),
            incoming(p.accountId() + 100, "sip:ok3@example.com", "no such account", "g4"),
            incoming(p.accountId(), "sip:ok4@example.com", "fine too", "g5"),
        };
        const QList<InsertOutcome> outcomes = store.insertIncomingBatch(batch);
        QCOMPARE(outcomes[0].kind, InsertOutcome::Kind::Stored);
        QCOMPARE(outcomes[1].kind, InsertOutcome::Kind::Failed);
        QCOMPARE(outcomes[1].error.code(), StoreError::Code::InvalidArgument);
        QVERIFY(outcomes[1].error.message().contains(QStringLiteral("not a uri at all")));
        QCOMPARE(outcomes[2].kind, InsertOutcome::Kind::Failed);
        QVERIFY(outcomes[2].error.message().contains(QStringLiteral("Call-ID")));
        QCOMPARE(outcomes[3].kind, InsertOutcome::Kind::Failed);
        QCOMPARE(outcomes[3].error.code(), StoreError::Code::NotFound);
        QCOMPARE(outcomes[4].kind, InsertOutcome::Kind::Stored);
        QCOMPARE(count(p.db()), 2);
    }

    void diskFullFailsTheWholeBatchWithSqliteText()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        const InsertOutcome earlier =
            store.insertIncoming(incoming(p.accountId(), "sip:a@example.com", "earlier", "e1"));
        QVERIFY(earlier.kind == InsertOutcome::Kind::Stored);
        const qint64 before = count(p.db());

        // The file may not grow: as good as a full disk for SQLite (SQLITE_FULL).
        QSqlQuery limit(p.db().connection());
        QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = %1")
                               .arg(count(p.db(), QStringLiteral("PRAGMA page_count")))));
        QList<IncomingMessage> batch;
        batch << incoming(p.accountId(), "sip:a@example.com", "earlier", "e1"); // stored before
        for (int i = 0; i < 300; ++i) {
            batch << incoming(p.accountId(), "sip:b@example.com",
                              QString(2000, QLatin1Char('x')) + QString::number(i),
                              QStringLiteral("full-%1").arg(i));
        }
        const QList<InsertOutcome> outcomes = store.insertIncomingBatch(batch);
        QCOMPARE(outcomes.size(), batch.size());
        QCOMPARE(outcomes[0].kind, InsertOutcome::Kind::Duplicate);
        QCOMPARE(outcomes[0].id, earlier.id);
        for (int i = 1; i < outcomes.size(); ++i) {
            QCOMPARE(outcomes[i].kind, InsertOutcome::Kind::Failed);
            QCOMPARE(outcomes[i].error.code(), StoreError::Code::DiskFull);
        }
        const StoreError &error = outcomes[1].error;
        QVERIFY2(error.message().contains(QStringLiteral("disk is full")),
                 qPrintable(error.message()));
        QVERIFY2(error.detail().contains(QStringLiteral("full")), qPrintable(error.detail()));
        QVERIFY(error.toString().contains(QStringLiteral("SQLite")));
        QCOMPARE(count(p.db()), before);
        QVERIFY(ftsInSync(p.db()));

        // Space again: the store carries on.
        QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        QCOMPARE(store.insertIncomingBatch(batch.mid(1, 5)).constLast().kind,
                 InsertOutcome::Kind::Stored);
    }

    void pagesThroughThousandsExactlyOnce()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        const int total = 3000;
        QList<IncomingMessage> batch;
        QSet<qint64> inserted;
        for (int i = 0; i < total; ++i) {
            // Ten messages share each timestamp: the id breaks the ties.
            batch << incoming(p.accountId(), "sip:pager@example.com",
                              QStringLiteral("page test %1").arg(i), QStringLiteral("p%1").arg(i),
                              1, at(i / 10));
            if (i % 3 == 0) {
                batch << incoming(p.accountId(), "sip:other@example.com", "noise",
                                  QStringLiteral("n%1").arg(i), 1, at(i / 10));
            }
        }
        for (const InsertOutcome &o : store.insertIncomingBatch(batch)) {
            QVERIFY(o.kind == InsertOutcome::Kind::Stored);
        }
        const qint64 conversation = conversationOf(p.db(), p.accountId(), "sip:pager@example.com");
        QVERIFY(conversation > 0);

        QList<StoredMessage> seen;
        PageCursor cursor;
        int pages = 0;
        do {
            auto page = store.page(conversation, cursor, 97);
            QVERIFY2(page.ok(), qPrintable(page.error().toString()));
            QVERIFY(page.value().messages.size() <= 97);
            seen += page.value().messages;
            cursor = page.value().next;
            ++pages;
            // A message arriving while paging sorts before the cursor.
            if (pages == 5) {
                QVERIFY(store
                            .insertIncoming(incoming(p.accountId(), "sip:pager@example.com",
                                                     "late arrival", "late", 1, at(100000)))
                            .isStored());
            }
        } while (!cursor.isNull() && pages < 1000);

        QCOMPARE(pages, (total + 96) / 97);
        QCOMPARE(seen.size(), total);
        QSet<qint64> ids;
        for (int i = 0; i < seen.size(); ++i) {
            ids.insert(seen[i].id);
            QCOMPARE(seen[i].conversationId, conversation);
            if (i > 0) {
                const auto newer = std::make_pair(seen[i - 1].time, seen[i - 1].id);
                const auto older = std::make_pair(seen[i].time, seen[i].id);
                QVERIFY(older < newer);
            }
        }
        QCOMPARE(ids.size(), total);
        QCOMPARE(seen.first().body, QStringLiteral("page test 2999"));
        QCOMPARE(seen.last().body, QStringLiteral("page test 0"));

        // The next first page starts with the late arrival.
        QCOMPARE(store.page(conversation, {}, 1).value().messages.first().body,
                 QStringLiteral("late arrival"));
        // Limits are clamped.
        QCOMPARE(store.page(conversation, {}, 0).value().messages.size(), 1);
        QCOMPARE(store.page(conversation, {}, 1000000).value().messages.size(), 1000);
        QVERIFY(store.page(conversation + 1000, {}, 10).value().messages.isEmpty());
    }

    void historyNewestNOldestFirst()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        for (int i = 0; i < 10; ++i) {
            QVERIFY(store
                        .insertIncoming(incoming(
                            p.accountId(), i % 2 ? "sip:odd@example.com" : "sip:even@example.com",
                            QStringLiteral("m%1").arg(i), QStringLiteral("h%1").arg(i), 1, at(i)))
                        .isStored());
        }
        auto bodies = [](const QList<StoredMessage> &list) {
            QStringList out;
            for (const StoredMessage &m : list) {
                out << m.body;
            }
            return out;
        };
        QCOMPARE(bodies(store.history({}, 3).value()), (QStringList{"m7", "m8", "m9"}));
        QCOMPARE(store.history({}, 0).value().size(), 10);
        QCOMPARE(bodies(store.history(QStringLiteral("sip:odd@EXAMPLE.com"), 2).value()),
                 (QStringList{"m7", "m9"}));
        QCOMPARE(store.history(QStringLiteral("nonsense"), 2).error().code(),
                 StoreError::Code::InvalidArgument);
    }

    void readFlagsAndUnreadCounts()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            ids << store
                       .insertIncoming(incoming(p.accountId(), "sip:a@example.com", "x",
                                                QStringLiteral("r%1").arg(i), 1, at(i)))
                       .id;
        }
        ConversationStore conversations(p.db());
        Conversation c = conversations.list(p.accountId()).value().first();
        QCOMPARE(c.unreadCount, 3);
        QCOMPARE(c.lastMessageAt, at(2));
        QVERIFY(store.markRead(ids[0]).ok());
        QCOMPARE(conversations.find(c.id).value().unreadCount, 2);
        QCOMPARE(conversations.markRead(c.id).value(), 2);
        QCOMPARE(conversations.find(c.id).value().unreadCount, 0);
        QCOMPARE(store.markRead(99999).error().code(), StoreError::Code::NotFound);
    }

    void unreadCountsFollowEveryChange()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        ConversationStore conversations(p.db());
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            ids << store
                       .insertIncoming(incoming(p.accountId(), "sip:a@example.com", "x",
                                                QStringLiteral("u%1").arg(i), 1, at(i * 86400)))
                       .id;
        }
        QVERIFY(Outbox(p.db()).queue(outgoing(p.accountId(), "sip:a@example.com", "mine")).ok());
        const qint64 c = conversationOf(p.db(), p.accountId(), "sip:a@example.com");
        auto unread = [&] { return conversations.find(c).value().unreadCount; };
        auto actual = [&] {
            return int(count(p.db(), QStringLiteral("SELECT count(*) FROM messages WHERE "
                                                    "direction = 0 AND is_read = 0")));
        };
        QCOMPARE(unread(), 6); // the outgoing message is not unread
        QVERIFY(store.markRead(ids[0]).ok());
        QVERIFY(store.markRead(ids[0]).ok()); // twice: counted once
        QCOMPARE(unread(), 5);
        QVERIFY(store.remove(ids[1]).ok()); // unread, deleted
        QCOMPARE(unread(), 4);
        QVERIFY(store.remove(ids[0]).ok()); // read, deleted
        QCOMPARE(unread(), 4);
        QCOMPARE(store.applyRetention(1, at(5 * 86400)).value(), 2); // ids 2, 3
        QCOMPARE(unread(), 2);
        QCOMPARE(unread(), actual());
        QSqlQuery unmark(p.db().connection());
        QVERIFY(unmark.exec(QStringLiteral("UPDATE messages SET is_read = 0")));
        QCOMPARE(unread(), actual());
    }

    void deletingAConversationKeepsSearchInSync()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        for (int i = 0; i < 50; ++i) {
            QVERIFY(store
                        .insertIncoming(incoming(
                            p.accountId(), i % 2 ? "sip:gone@example.com" : "sip:kept@example.com",
                            QStringLiteral("pineapple %1").arg(i), QStringLiteral("d%1").arg(i)))
                        .isStored());
        }
        const qint64 gone = conversationOf(p.db(), p.accountId(), "sip:gone@example.com");
        QCOMPARE(ConversationStore(p.db()).remove(gone).value(), 25);
        QCOMPARE(count(p.db()), 25);
        QVERIFY(ftsInSync(p.db()));
        SearchFilter all;
        all.limit = 100;
        const auto hits = MessageSearch(p.db()).search(QStringLiteral("pineapple"), all).value();
        QCOMPARE(hits.size(), 25);
        for (const SearchHit &hit : hits) {
            QCOMPARE(hit.message.peerKey, QStringLiteral("sip:kept@example.com"));
        }
        QCOMPARE(ConversationStore(p.db()).remove(gone).error().code(), StoreError::Code::NotFound);
        QVERIFY(store.remove(hits.first().message.id).ok());
        QVERIFY(ftsInSync(p.db()));
        QCOMPARE(store.remove(hits.first().message.id).error().code(), StoreError::Code::NotFound);
    }

    void retentionDeletesOldButNotPending()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        MessageStore store(p.db());
        const QDateTime now = at(100 * 86400);
        for (int day = 0; day < 100; day += 10) {
            QVERIFY(store
                        .insertIncoming(incoming(
                            p.accountId(), "sip:a@example.com", QStringLiteral("day %1").arg(day),
                            QStringLiteral("t%1").arg(day), 1, at(day * 86400)))
                        .isStored());
        }
        Outbox outbox(p.db());
        const qint64 waiting =
            outbox.queue(outgoing(p.accountId(), "sip:a@example.com", "still to send", at(0)))
                .value();
        const qint64 failed =
            outbox.queue(outgoing(p.accountId(), "sip:a@example.com", "gave up", at(86400)))
                .value();
        QVERIFY(outbox.markFailed(failed, 408, "Request Timeout").ok());

        QCOMPARE(store.applyRetention(0, now).value(), 0);
        // Older than 45 days: days 0..50 (6 messages) and the failed one.
        QCOMPARE(store.applyRetention(45, now).value(), 7);
        QVERIFY(store.find(waiting).ok());
        QCOMPARE(store.find(failed).error().code(), StoreError::Code::NotFound);
        QCOMPARE(count(p.db()), 5);
        QVERIFY(ftsInSync(p.db()));
        QCOMPARE(store.deleteOlderThan(QDateTime()).error().code(),
                 StoreError::Code::InvalidArgument);
    }

    void storedMeansDurable()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        const InsertOutcome o = MessageStore(p.db()).insertIncoming(
            incoming(p.accountId(), "sip:a@example.com", "kept across restarts", "k1"));
        QVERIFY(o.kind == InsertOutcome::Kind::Stored);
        // A second connection (another process would see the same) finds it
        // at once; after a restart it is still there.
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY(reader.ok());
        QCOMPARE(MessageStore(*reader.value()).find(o.id).value().body,
                 QStringLiteral("kept across restarts"));
        reader.value().reset();
        QVERIFY(p.reopen());
        QCOMPARE(MessageStore(p.db()).find(o.id).value().body,
                 QStringLiteral("kept across restarts"));
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_MessageStore.moc"
