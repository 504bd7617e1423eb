// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/ConversationStore.h"
#include "store/HistoryExporter.h"
#include "store/HistoryImporter.h"
#include "store/MessageSearch.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

// Fills a profile with one of everything an export must carry.
void fill(TempProfile &p)
{
    MessageStore store(p.db());
    IncomingMessage late =
        incoming(p.accountId(), "sip:alice@example.com",
                 QString::fromUtf8("first line\nsecond line — ünïcödé 你好"), "in-1", 1, at(10));
    late.sentAt = at(-7200);
    late.serverDate = at(9);
    late.deliveredLate = true;
    QVERIFY(store.insertIncoming(late).kind == InsertOutcome::Kind::Stored);
    QVERIFY(store
                .insertIncoming(
                    incoming(p.accountId(), "sip:alice@example.com", "hello", "in-2", 5, at(20)))
                .kind == InsertOutcome::Kind::Stored);
    QVERIFY(store
                .insertIncoming(
                    incoming(p.accountId(), "sip:bob@example.com", "from bob", "in-3", 1, at(25)))
                .kind == InsertOutcome::Kind::Stored);

    Outbox outbox(p.db());
    const qint64 sent =
        outbox.queue(outgoing(p.accountId(), "sip:alice@example.com", "sent reply", at(30)))
            .value();
    QVERIFY(outbox.markSending(sent, "out-1", "ot", 1).ok());
    QVERIFY(outbox.markResult(sent, 202, "Accepted").ok());
    const qint64 failed =
        outbox.queue(outgoing(p.accountId(), "sip:alice@example.com", "did not arrive", at(40)))
            .value();
    QVERIFY(outbox.markSending(failed, "out-2", "ot", 2).ok());
    QVERIFY(outbox.markResult(failed, 404, "Not Found").ok());
    QVERIFY(outbox.queue(outgoing(p.accountId(), "sip:alice@example.com", "still waiting", at(50)))
                .ok());
}

QByteArray exportJson(Database &db, qint64 conversation = 0)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto count = HistoryExporter(db).exportJson(buffer, conversation);
    if (!count) {
        qWarning() << count.error().toString();
    }
    return buffer.data();
}

StoreResult<ImportReport> importJson(Database &db, const QByteArray &json)
{
    QBuffer buffer;
    buffer.setData(json);
    buffer.open(QIODevice::ReadOnly);
    return HistoryImporter(db).importJson(buffer);
}

} // namespace

class TestHistoryExport : public QObject
{
    Q_OBJECT

private slots:
    void jsonCarriesTheContractFields()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        fill(p);
        const QByteArray json = exportJson(p.db());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value("format").toString(), QStringLiteral("tidings-history"));
        QCOMPARE(root.value("version").toInt(), 1);
        QCOMPARE(root.value("accounts").toArray().size(), 1);
        QCOMPARE(root.value("accounts").toArray()[0].toObject().value("aor").toString(),
                 QStringLiteral("sip:me@example.com"));
        const QJsonArray messages = root.value("messages").toArray();
        QCOMPARE(messages.size(), 6);
        // One message per line, oldest first.
        QCOMPARE(json.count('\n'), 6 + 2);

        const QJsonObject first = messages[0].toObject();
        QCOMPARE(first.value("direction").toString(), QStringLiteral("in"));
        QCOMPARE(first.value("peer").toString(), QStringLiteral("sip:alice@example.com"));
        QCOMPARE(first.value("state").toString(), QStringLiteral("received"));
        QCOMPARE(first.value("content_type").toString(), QStringLiteral("text/plain"));
        QCOMPARE(first.value("call_id").toString(), QStringLiteral("in-1"));
        QCOMPARE(first.value("time").toString(), QStringLiteral("2026-01-01T00:00:10.000Z"));
        QCOMPARE(first.value("sent_at").toString(), QStringLiteral("2025-12-31T22:00:00.000Z"));
        QCOMPARE(first.value("delivered_late").toBool(), true);
        QCOMPARE(first.value("uid").toString().size(), 36);

        const QJsonObject failed = messages[4].toObject();
        QCOMPARE(failed.value("direction").toString(), QStringLiteral("out"));
        QCOMPARE(failed.value("state").toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value("status").toInt(), 404);
        QCOMPARE(failed.value("reason").toString(), QStringLiteral("Not Found"));
    }

    void importIsIdempotent()
    {
        TempProfile source;
        QVERIFY(source.isValid());
        fill(source);
        const QByteArray json = exportJson(source.db());

        // Into an empty profile: everything arrives once, the account disabled.
        QTemporaryDir emptyDir;
        auto target = Database::open(emptyDir.path());
        QVERIFY(target.ok());
        Database &db = *target.value();
        auto first = importJson(db, json);
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QCOMPARE(first.value().added, 6);
        QCOMPARE(first.value().duplicates, 0);
        QCOMPARE(first.value().failed, 0);
        const auto accounts = AccountStore(db).list().value();
        QCOMPARE(accounts.size(), 1);
        QVERIFY(!accounts[0].enabled);
        QVERIFY(!accounts[0].registerAccount);

        const auto original = MessageStore(source.db()).history({}, 0).value();
        const auto copied = MessageStore(db).history({}, 0).value();
        QCOMPARE(copied.size(), original.size());
        for (int i = 0; i < copied.size(); ++i) {
            QCOMPARE(copied[i].uid, original[i].uid);
            QCOMPARE(copied[i].body, original[i].body);
            QCOMPARE(copied[i].direction, original[i].direction);
            QCOMPARE(copied[i].peerKey, original[i].peerKey);
            QCOMPARE(copied[i].time, original[i].time);
            QCOMPARE(copied[i].sentAt, original[i].sentAt);
            QCOMPARE(copied[i].serverDate, original[i].serverDate);
            QCOMPARE(copied[i].callId, original[i].callId);
            QCOMPARE(copied[i].deliveredLate, original[i].deliveredLate);
            QCOMPARE(copied[i].statusCode, original[i].statusCode);
        }
        // A message still waiting when exported is not sent by an import.
        QCOMPARE(copied.last().body, QStringLiteral("still waiting"));
        QCOMPARE(copied.last().state, DeliveryState::Failed);
        QVERIFY(Outbox(db).pending().value().isEmpty());
        // Search works on what was imported.
        QCOMPARE(MessageSearch(db).search(QStringLiteral("arrive")).value().size(), 1);

        // Again: nothing added.
        auto second = importJson(db, json);
        QVERIFY(second.ok());
        QCOMPARE(second.value().added, 0);
        QCOMPARE(second.value().duplicates, 6);
        QCOMPARE(MessageStore(db).history({}, 0).value().size(), 6);

        // Back into the profile it came from: nothing added either.
        auto home = importJson(source.db(), json);
        QVERIFY(home.ok());
        QCOMPARE(home.value().added, 0);
        QCOMPARE(home.value().duplicates, 6);
        QCOMPARE(MessageStore(source.db()).history({}, 0).value().size(), 6);
    }

    void oneConversation()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        fill(p);
        const auto bob = ConversationStore(p.db())
                             .find(p.accountId(), ContactKey::fromString("sip:bob@example.com"))
                             .value();
        QVERIFY(bob.has_value());
        const QJsonObject root = QJsonDocument::fromJson(exportJson(p.db(), bob->id)).object();
        const QJsonArray messages = root.value("messages").toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].toObject().value("body").toString(), QStringLiteral("from bob"));
        QCOMPARE(root.value("accounts").toArray().size(), 1);
    }

    void plainText()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        fill(p);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(HistoryExporter(p.db()).exportText(buffer).value(), 6);
        const QString text = QString::fromUtf8(buffer.data());
        QVERIFY2(text.startsWith(QStringLiteral(
                     "== Conversation with sip:alice@example.com (account sip:me@example.com) ==\n"
                     "[2026-01-01T00:00:10.000Z] sip:alice@example.com: first line\n"
                     "    second line")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("(delivered late)")));
        QVERIFY(text.contains(QStringLiteral("] me: sent reply\n")));
        QVERIFY(
            text.contains(QStringLiteral("] me: did not arrive (not delivered: 404 Not Found)")));
        QVERIFY(text.contains(QStringLiteral("] me: still waiting (not sent yet)")));
        QVERIFY(text.contains(QStringLiteral("\n\n== Conversation with sip:bob@example.com")));
    }

    void files()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        fill(p);
        QTemporaryDir out;
        const QString jsonPath = out.filePath(QStringLiteral("history.json"));
        QCOMPARE(HistoryExporter(p.db()).exportJsonFile(jsonPath).value(), 6);
        QCOMPARE(HistoryExporter(p.db()).exportTextFile(out.filePath("history.txt")).value(), 6);
        auto report = HistoryImporter(p.db()).importJsonFile(jsonPath);
        QVERIFY(report.ok());
        QCOMPARE(report.value().duplicates, 6);

        const auto missing = HistoryImporter(p.db()).importJsonFile(out.filePath("nope.json"));
        QCOMPARE(missing.error().code(), StoreError::Code::Io);
        const auto unwritable =
            HistoryExporter(p.db()).exportJsonFile(out.filePath("no/such/dir/x.json"));
        QCOMPARE(unwritable.error().code(), StoreError::Code::Io);
    }

    void refusesWhatIsNotAnExport_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not JSON") << QByteArray("hello\n") << "JSON error";
        QTest::newRow("truncated")
            << QByteArray("{\"format\":\"tidings-history\",\"messages\":[") << "JSON error";
        QTest::newRow("other JSON")
            << QByteArray("{\"format\":\"something-else\"}") << "not a Tidings history export";
        QTest::newRow("an array") << QByteArray("[1,2,3]") << "not a Tidings history export";
        QTest::newRow("newer format")
            << QByteArray("{\"format\":\"tidings-history\",\"version\":99,\"messages\":[]}")
            << "newer version";
    }

    void refusesWhatIsNotAnExport()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, messagePart);
        TempProfile p;
        QVERIFY(p.isValid());
        auto result = importJson(p.db(), content);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StoreError::Code::Format);
        QVERIFY2(result.error().message().contains(messagePart),
                 qPrintable(result.error().message()));
        QVERIFY(MessageStore(p.db()).history({}, 0).value().isEmpty());
    }

    void handWrittenFilesImportOnce()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        const QByteArray json = R"({"format":"tidings-history","version":1,
            "accounts":[{"aor":"sip:me@example.com"}],
            "messages":[
              {"account":"sip:me@example.com","direction":"in","peer":"sip:x@example.com",
               "body":"no uid, no call id","time":"2026-02-01T10:00:00.000Z"},
              {"account":"sip:me@example.com","direction":"out","peer":"sip:x@example.com",
               "body":"an answer","state":"sent","time":"2026-02-01T10:01:00.000Z"},
              {"account":"sip:me@example.com","direction":"sideways","body":"bad"},
              {"account":"sip:me@example.com","direction":"in","peer":"sip:x@example.com"},
              {"account":"sip:me@example.com","direction":"in","peer":"no uri","body":"bad peer"}
            ]})";
        auto first = importJson(p.db(), json);
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QCOMPARE(first.value().added, 2);
        QCOMPARE(first.value().failed, 3);
        QCOMPARE(first.value().problems.size(), 3);
        QVERIFY(first.value().problems[0].contains(QStringLiteral("Message 3")));
        auto second = importJson(p.db(), json);
        QCOMPARE(second.value().added, 0);
        QCOMPARE(second.value().duplicates, 2);
        const auto history = MessageStore(p.db()).history({}, 0).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].time, QDateTime(QDate(2026, 2, 1), QTime(10, 0), Qt::UTC));
    }

    void readOnlyRefusesImport()
    {
        TempProfile p;
        QVERIFY(p.isValid());
        fill(p);
        const QByteArray json = exportJson(p.db());
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY(reader.ok());
        QCOMPARE(importJson(*reader.value(), json).error().code(), StoreError::Code::ReadOnly);
        // Exporting from a reader works.
        QCOMPARE(QJsonDocument::fromJson(exportJson(*reader.value()))
                     .object()
                     .value("messages")
                     .toArray()
                     .size(),
                 6);
    }
};

QTEST_GUILESS_MAIN(TestHistoryExport)
#include "tst_HistoryExport.moc"
