// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON line of one stored message (tidings-cli history and search), byte
// for byte: the contract's fields in order, the optional ones only when they
// say something, and RFC 8259 §7 escaping.

#include "HistoryEvent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace tidings;

namespace {

QDateTime at(qint64 secondsFromBase)
{
    // 2026-01-01T00:00:00Z
    return QDateTime::fromMSecsSinceEpoch(1767225600000LL + secondsFromBase * 1000, Qt::UTC);
}

StoredMessage incomingMessage()
{
    StoredMessage m;
    m.id = 42;
    m.direction = Direction::Incoming;
    m.peerUri = QStringLiteral("sip:alice@example.com");
    m.body = QStringLiteral("Hello");
    m.contentType = QStringLiteral("text/plain");
    m.callId = QStringLiteral("abc@host");
    m.time = at(0);
    m.receivedAt = at(0);
    m.state = DeliveryState::Received;
    return m;
}

StoredMessage outgoingMessage(DeliveryState state, int status, const QString &reason)
{
    StoredMessage m = incomingMessage();
    m.direction = Direction::Outgoing;
    m.peerUri = QStringLiteral("sip:bob@example.com");
    m.state = state;
    m.statusCode = status;
    m.reason = reason;
    m.time = at(61);
    return m;
}

} // namespace

class TestHistoryEvent : public QObject
{
    Q_OBJECT

private slots:
    void format_data()
    {
        QTest::addColumn<StoredMessage>("message");
        QTest::addColumn<QString>("contact");
        QTest::addColumn<QString>("expected");

        const QString head = QStringLiteral("{\"event\":\"history\",\"id\":42,");
        QTest::newRow("incoming") << incomingMessage() << QString()
                                  << head + QStringLiteral(
                                                "\"direction\":\"in\",\"peer\":\"sip:alice@"
                                                "example.com\",\"body\":\"Hello\",\"content_"
                                                "type\":\"text/plain\",\"state\":\"received\","
                                                "\"call_id\":\"abc@host\",\"time\":\"2026-01-"
                                                "01T00:00:00.000Z\"}");
        QTest::newRow("incoming, with the contact's name")
            << incomingMessage() << QStringLiteral("Alice Ω")
            << head + QStringLiteral("\"direction\":\"in\",\"peer\":\"sip:alice@example.com\","
                                     "\"contact\":\"Alice Ω\",\"body\":\"Hello\",\"content_type\":"
                                     "\"text/plain\",\"state\":\"received\",\"call_id\":\"abc@"
                                     "host\",\"time\":\"2026-01-01T00:00:00.000Z\"}");

        StoredMessage late = incomingMessage();
        late.sentAt = at(-3600);
        late.deliveredLate = true;
        QTest::newRow("incoming, stored and forwarded (RFC 3428 §7 offline store)")
            << late << QString()
            << head + QStringLiteral("\"direction\":\"in\",\"peer\":\"sip:alice@example.com\","
                                     "\"body\":\"Hello\",\"content_type\":\"text/plain\","
                                     "\"state\":\"received\",\"call_id\":\"abc@host\",\"time\":"
                                     "\"2026-01-01T00:00:00.000Z\",\"sent_at\":\"2025-12-31T23:"
                                     "00:00.000Z\",\"delivered_late\":true}");

        StoredMessage tricky = incomingMessage();
        tricky.body = QStringLiteral("\"quoted\" back\\slash\ttab\r\nline 你好 👋\x01");
        QTest::newRow("RFC 8259 §7 escaping, non-ASCII as is")
            << tricky << QString()
            << head + QStringLiteral("\"direction\":\"in\",\"peer\":\"sip:alice@example.com\","
                                     "\"body\":\"\\\"quoted\\\" back\\\\slash\\ttab\\r\\nline "
                                     "你好 👋\\u0001\",\"content_type\":\"text/plain\",\"state\":"
                                     "\"received\",\"call_id\":\"abc@host\",\"time\":\"2026-01-"
                                     "01T00:00:00.000Z\"}");

        const QString outHead =
            head + QStringLiteral("\"direction\":\"out\",\"peer\":\"sip:bob@example.com\","
                                  "\"body\":\"Hello\",\"content_type\":\"text/plain\",");
        const QString outTail = QStringLiteral("\"call_id\":\"abc@host\",\"time\":\"2026-01-"
                                               "01T00:01:01.000Z\"}");
        QTest::newRow("RFC 3428 §7 200: sent")
            << outgoingMessage(DeliveryState::Sent, 200, QStringLiteral("OK")) << QString()
            << outHead + QStringLiteral("\"state\":\"sent\",\"status\":200,\"reason\":\"OK\",") +
                   outTail;
        QTest::newRow("RFC 3428 §7 202: accepted")
            << outgoingMessage(DeliveryState::Accepted, 202, QStringLiteral("Accepted"))
            << QString()
            << outHead +
                   QStringLiteral(
                       "\"state\":\"accepted\",\"status\":202,\"reason\":\"Accepted\",") +
                   outTail;
        QTest::newRow("RFC 3261 §21.4.24 486: failed with status and reason")
            << outgoingMessage(DeliveryState::Failed, 486, QStringLiteral("Busy Here")) << QString()
            << outHead +
                   QStringLiteral("\"state\":\"failed\",\"status\":486,\"reason\":\"Busy Here\",") +
                   outTail;
        QTest::newRow("RFC 3261 §17.1.2.2 Timer F: failed without a response")
            << outgoingMessage(DeliveryState::Failed, 0, QStringLiteral("timeout")) << QString()
            << outHead + QStringLiteral("\"state\":\"failed\",\"reason\":\"timeout\",") + outTail;

        StoredMessage queued = outgoingMessage(DeliveryState::Queued, 0, QString());
        queued.callId.clear();
        QTest::newRow("queued, not sent yet: empty call_id")
            << queued << QString()
            << outHead + QStringLiteral("\"state\":\"queued\",\"call_id\":\"\",\"time\":\"2026-01-"
                                        "01T00:01:01.000Z\"}");
    }

    void format()
    {
        QFETCH(StoredMessage, message);
        QFETCH(QString, contact);
        QFETCH(QString, expected);
        const QByteArray line = HistoryEvent::format(message, contact);
        QCOMPARE(QString::fromUtf8(line), expected);
        QVERIFY(!line.contains('\n'));
        // It is JSON, and reads back to the same text.
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(QStringLiteral("body")).toString(), message.body);
    }

    void snippetComesLast()
    {
        const QString snippet = QStringLiteral("…see you at [lunch] \"tomorrow\"");
        const QByteArray line = HistoryEvent::format(incomingMessage(), {}, &snippet);
        QVERIFY2(line.endsWith(",\"snippet\":\"…see you at [lunch] \\\"tomorrow\\\"\"}"),
                 line.constData());
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.value(QStringLiteral("snippet")).toString(), snippet);
        QCOMPARE(object.value(QStringLiteral("event")).toString(), QStringLiteral("history"));
        // Without a snippet there is no such field, not an empty one.
        QVERIFY(!HistoryEvent::format(incomingMessage()).contains("snippet"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryEvent)
#include "tst_HistoryEvent.moc"
