// SPDX-License-Identifier: GPL-3.0-or-later
// The interop lab itself, with third-party programs only: Kamailio challenges
// and relays MESSAGE (RFC 3428) between sipsak and baresip, and between two
// baresips, so a failure in tst_InteropCliSend points at tidings-cli, not at
// the lab.

#include "Baresip.h"
#include "InteropLab.h"

#include <QTest>

using namespace tidings::interop;

namespace {

const QByteArray kGreeting = "Grüße ✓ 你好";

} // namespace

class tst_InteropLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc3261_22_3_wrongPasswordGets407();
    void rfc3428_sipsakToRegisteredBaresip_data();
    void rfc3428_sipsakToRegisteredBaresip();
    void rfc3428_baresipToBaresip();
    void traceParserCutsBodyByContentLength();
};

void tst_InteropLab::initTestCase()
{
    if (const QString why = labUnavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void tst_InteropLab::rfc3261_22_3_wrongPasswordGets407()
{
    Kamailio lab;
    QVERIFY2(lab.start(), qPrintable(lab.error()));
    const SipsakResult r =
        sipsakMessage(lab, QStringLiteral("alice"), QStringLiteral("carol"), kGreeting,
                      QStringLiteral("udp"), true, "not-the-password");
    // sipsak answers the first challenge; the second 407 is final.
    QVERIFY2(r.finalStatus == 407, r.output.constData());
    QVERIFY2(r.output.contains("Proxy-Authenticate: Digest realm=\"127.0.0.1\""),
             r.output.constData());
    QVERIFY(lab.storedMessages(QStringLiteral("carol")).isEmpty());
}

void tst_InteropLab::rfc3428_sipsakToRegisteredBaresip_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("qop");
    QTest::addRow("udp, qop=auth") << "udp" << true;
    QTest::addRow("tcp, no qop") << "tcp" << false;
}

void tst_InteropLab::rfc3428_sipsakToRegisteredBaresip()
{
    QFETCH(QString, transport);
    QFETCH(bool, qop);
    Kamailio lab;
    QVERIFY2(lab.start({qop}), qPrintable(lab.error()));
    Baresip carol(lab, QStringLiteral("carol"), transport);
    QVERIFY2(carol.start(), qPrintable(carol.error()));

    const SipsakResult r =
        sipsakMessage(lab, QStringLiteral("alice"), QStringLiteral("carol"), kGreeting, transport);
    QVERIFY2(r.finalStatus == 200, r.output.constData());
    QVERIFY2(carol.waitForMessages(1), qPrintable(carol.outputTail()));
    const TracedSip m = carol.receivedMessages().constFirst();
    QCOMPARE(m.transport, transport.toUpper().toLatin1());
    QCOMPARE(m.body, kGreeting);
    QCOMPARE(m.header("Content-Type"), QByteArray("text/plain;charset=UTF-8"));
    QCOMPARE(m.header("From").left(25), QByteArray("<sip:alice@127.0.0.1>;tag"));
    // Kamailio took the credentials off (consume_credentials) before relaying.
    QVERIFY(m.header("Proxy-Authorization").isEmpty());
    QVERIFY2(carol.displayed("sip:alice@127.0.0.1", kGreeting), qPrintable(carol.outputTail()));
}

void tst_InteropLab::rfc3428_baresipToBaresip()
{
    Kamailio lab;
    QVERIFY2(lab.start({true}), qPrintable(lab.error()));
    Baresip carol(lab, QStringLiteral("carol"), QStringLiteral("tcp"));
    QVERIFY2(carol.start(), qPrintable(carol.error()));
    Baresip alice(lab, QStringLiteral("alice"), QStringLiteral("udp"), {QStringLiteral("carol")});
    QVERIFY2(alice.start(), qPrintable(alice.error()));

    QVERIFY2(alice.sendMessage(kGreeting), qPrintable(alice.error()));
    QVERIFY2(carol.waitForMessages(1), qPrintable(carol.outputTail()));
    const TracedSip m = carol.receivedMessages().constFirst();
    QCOMPARE(m.body, kGreeting);
    QCOMPARE(m.transport, QByteArray("TCP"));
    QVERIFY(m.header("From").startsWith("<sip:alice@127.0.0.1"));
    // alice answered Kamailio's 407 herself, then got carol's 200.
    QVERIFY(QTest::qWaitFor([&] { return !alice.messageResponses().isEmpty(); }, 5000));
    QCOMPARE(alice.messageResponses(), QList<int>{200});
}

void tst_InteropLab::traceParserCutsBodyByContentLength()
{
    // A body that itself holds the trace's colour codes and a blank line.
    const QByteArray body = "a\r\n\r\nb \x1b[;m\n\x1b[36;1m#\nc";
    const QByteArray trace = "noise\n\x1b[36;1m#\nUDP 127.0.0.1:5070 -> 127.0.0.1:6000\n"
                             "MESSAGE sip:carol@127.0.0.1:6000 SIP/2.0\r\nl: " +
                             QByteArray::number(body.size()) + "\r\nCall-ID: x\r\n\r\n" + body +
                             "\x1b[;m\n\x1b[36;1m#\nTCP 127.0.0.1:6000 -> 127.0.0.1:5070\n"
                             "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n\x1b[;m\n";
    const QList<TracedSip> parsed = parseBaresipTrace(trace);
    QCOMPARE(parsed.size(), 2);
    QCOMPARE(parsed[0].transport, QByteArray("UDP"));
    QCOMPARE(parsed[0].source, QByteArray("127.0.0.1:5070"));
    QCOMPARE(parsed[0].destination, QByteArray("127.0.0.1:6000"));
    QCOMPARE(parsed[0].startLine, QByteArray("MESSAGE sip:carol@127.0.0.1:6000 SIP/2.0"));
    QCOMPARE(parsed[0].header("Call-ID"), QByteArray("x"));
    QCOMPARE(parsed[0].body, body);
    QCOMPARE(parsed[1].startLine, QByteArray("SIP/2.0 200 OK"));
    QCOMPARE(parsed[1].body, QByteArray());
    // A block baresip is still writing is not reported yet.
    const QByteArray partial = "\x1b[36;1m#\nUDP 127.0.0.1:5070 -> 127.0.0.1:6000\n"
                               "MESSAGE sip:carol@127.0.0.1:6000 SIP/2.0\r\n"
                               "Content-Length: 10\r\n\r\nabc";
    QCOMPARE(parseBaresipTrace(trace + partial).size(), 2);
}

TIDINGS_INTEROP_TEST_MAIN(tst_InteropLab)
#include "tst_InteropLab.moc"
