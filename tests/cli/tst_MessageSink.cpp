// SPDX-License-Identifier: GPL-3.0-or-later
// listen's message sink: every message line is written and flushed before
// any 200 goes out; messages that arrive in one burst share one write
// (group commit), and nothing pending is dropped at shutdown.

#include "JsonLines.h"
#include "MessageSink.h"
#include "message/Parser.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tidings;

namespace {

sip::IncomingMessage incoming(quint64 serverId, const QString &text)
{
    const QByteArray body = text.toUtf8();
    const QByteArray wire = "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n"
                            "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK" +
                            QByteArray::number(serverId) +
                            "\r\n"
                            "From: \"Alice\" <sip:alice@127.0.0.1>;tag=a1\r\n"
                            "To: <sip:bob@127.0.0.1>\r\n"
                            "Call-ID: c" +
                            QByteArray::number(serverId) +
                            "\r\n"
                            "CSeq: 1 MESSAGE\r\n"
                            "Content-Type: text/plain;charset=UTF-8\r\n"
                            "Content-Length: " +
                            QByteArray::number(body.size()) + "\r\n\r\n" + body;
    sip::ParseResult r = sip::Parser::parseDatagram(wire);
    if (!r.ok())
        qFatal("fixture does not parse");
    sip::IncomingMessage m;
    m.serverId = serverId;
    m.received.message = r.message;
    m.received.remote = {sip::TransportType::Udp, QHostAddress::LocalHost, 5062};
    m.text = text;
    m.contentType = "text/plain";
    return m;
}

// A device that records each write, so a test sees how many there were
// and what had been written when each answer went out.
class RecordingDevice : public QBuffer
{
public:
    QList<QByteArray> writes;

protected:
    qint64 writeData(const char *data, qint64 len) override
    {
        writes.append(QByteArray(data, len));
        return QBuffer::writeData(data, len);
    }
};

} // namespace

class tst_MessageSink : public QObject
{
    Q_OBJECT

private slots:
    void burstSharesOneWriteBeforeAnyAnswer();
    void linesFollowTheContract();
    void pendingMessagesAreWrittenAndAnsweredAtShutdown();
};

void tst_MessageSink::burstSharesOneWriteBeforeAnyAnswer()
{
    RecordingDevice device;
    QVERIFY(device.open(QIODevice::WriteOnly));
    QTextStream stream(&device);
    JsonLines json(stream);
    QList<quint64> answered;
    QList<int> writesAtAnswer;
    MessageSink sink(json, [&](quint64 id) {
        answered << id;
        writesAtAnswer << int(device.writes.size());
    });

    for (quint64 id : {7u, 8u, 9u})
        sink.add(incoming(id, QStringLiteral("m%1").arg(id)));
    QCOMPARE(sink.pending(), 3);
    QVERIFY(answered.isEmpty()); // nothing answered inside the burst
    QVERIFY(device.writes.isEmpty());

    QTRY_COMPARE(answered, (QList<quint64>{7, 8, 9}));
    QCOMPARE(device.writes.size(), 1); // one write for the burst
    QCOMPARE(writesAtAnswer, (QList<int>{1, 1, 1}));
    const QList<QByteArray> lines = device.writes.first().split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest
    QVERIFY(lines.last().isEmpty());
    QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(QStringLiteral("body")).toString(),
             QStringLiteral("m9"));
    QCOMPARE(sink.pending(), 0);
}

void tst_MessageSink::linesFollowTheContract()
{
    QString out;
    QTextStream stream(&out);
    JsonLines json(stream);
    {
        MessageSink sink(json, [](quint64) {});
        sink.add(incoming(1, QStringLiteral("Grüße \"✓\"\n")));
    }
    const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(o.keys().size(), 10);
    QVERIFY2(out.startsWith(QString::fromUtf8(
                 R"({"event":"message","from":"sip:alice@127.0.0.1","from_display":"Alice",)"
                 R"("to":"sip:bob@127.0.0.1","content_type":"text/plain","body":"Grüße \"✓\"\n",)"
                 R"("call_id":"c1","transport":"udp","remote":"127.0.0.1:5062","received_at":")")),
             qPrintable(out));
    QVERIFY(QRegularExpression(QStringLiteral(R"("\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"}\n$)"))
                .match(out)
                .hasMatch());
}

void tst_MessageSink::pendingMessagesAreWrittenAndAnsweredAtShutdown()
{
    QString out;
    QTextStream stream(&out);
    JsonLines json(stream);
    QList<quint64> answered;
    {
        MessageSink sink(json, [&](quint64 id) { answered << id; });
        sink.add(incoming(1, QStringLiteral("last words")));
    } // destroyed before the event loop ran
    QCOMPARE(answered, QList<quint64>{1});
    QCOMPARE(out.count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(tst_MessageSink)
#include "tst_MessageSink.moc"
