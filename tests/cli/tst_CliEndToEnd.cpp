// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli send` to `tidings-cli listen`, real processes on loopback
// sockets (127.0.0.1, and ::1 where the host has it): the JSON lines, exit
// codes and signals of the docs/CLI.md contract. TLS: tst_CliEndToEndTls.

#include "CliProcess.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using tidings::test::cliPath;
using tidings::test::CliRun;
using tidings::test::ipv6LoopbackAvailable;
using tidings::test::nextJsonLine;

namespace {

using SendRun = CliRun;

SendRun send(const QStringList &args)
{
    return tidings::test::runCli(QStringList{QStringLiteral("send")} + args, 40000);
}

} // namespace

class tst_CliEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rfc3428_sendOverUdpAndTcp_data();
    void rfc3428_sendOverUdpAndTcp();
    void rfc3261_8_2_2_1_unknownUserGets404();
    void rfc3428_8_largeMessageGoesOverTcp();
    void timeoutWhenNobodyAnswers();
    void ipv6_sendOverUdpAndTcp_data();
    void ipv6_sendOverUdpAndTcp();
    void sigtermEndsListenCleanly();

private:
    QJsonObject nextEvent() { return nextJsonLine(m_listen, m_pending); }
    QProcess m_listen;
    QString m_port;
    QByteArray m_pending;
    // A second listener on ::1 only, when the host has IPv6.
    bool m_ipv6 = false;
    QProcess m_listen6;
    QString m_port6;
    QByteArray m_pending6;
};

void tst_CliEndToEnd::initTestCase()
{
    m_listen.start(cliPath(), {QStringLiteral("listen"), QStringLiteral("--aor"),
                               QStringLiteral("sip:bob@127.0.0.1"), QStringLiteral("--bind"),
                               QStringLiteral("udp:127.0.0.1:0"), QStringLiteral("--bind"),
                               QStringLiteral("tcp:127.0.0.1:0")});
    QVERIFY(m_listen.waitForStarted());
    const QJsonObject listening = nextEvent();
    QCOMPARE(listening.value(QStringLiteral("event")).toString(), QStringLiteral("listening"));
    const QStringList binds = listening.value(QStringLiteral("bind")).toVariant().toStringList();
    QCOMPARE(binds.size(), 2);
    // udp and tcp given the same port (0) share one port number.
    m_port = binds[0].section(QLatin1Char(':'), -1);
    QCOMPARE(binds[1].section(QLatin1Char(':'), -1), m_port);
    QVERIFY(m_port.toInt() > 0);

    m_ipv6 = ipv6LoopbackAvailable();
    if (!m_ipv6)
        return;
    m_listen6.start(cliPath(), {QStringLiteral("listen"), QStringLiteral("--aor"),
                                QStringLiteral("sip:bob@[::1]"), QStringLiteral("--bind"),
                                QStringLiteral("udp:[::1]:0"), QStringLiteral("--bind"),
                                QStringLiteral("tcp:[::1]:0")});
    QVERIFY(m_listen6.waitForStarted());
    const QJsonObject listening6 = nextJsonLine(m_listen6, m_pending6);
    QVERIFY2(listening6.value(QStringLiteral("event")).toString() == QLatin1String("listening"),
             qPrintable(QString::fromUtf8(m_listen6.readAllStandardError())));
    QCOMPARE(listening6.value(QStringLiteral("aor")).toString(), QStringLiteral("sip:bob@[::1]"));
    const QStringList binds6 = listening6.value(QStringLiteral("bind")).toVariant().toStringList();
    QCOMPARE(binds6.size(), 2);
    const QRegularExpression udp6(QStringLiteral("^udp:\\[::1\\]:(\\d+)$"));
    const QRegularExpression tcp6(QStringLiteral("^tcp:\\[::1\\]:(\\d+)$"));
    const auto u = udp6.match(binds6[0]);
    const auto t = tcp6.match(binds6[1]);
    QVERIFY2(u.hasMatch() && t.hasMatch(), qPrintable(binds6.join(QLatin1Char(' '))));
    m_port6 = u.captured(1);
    QCOMPARE(t.captured(1), m_port6);
    QVERIFY(m_port6.toInt() > 0);
}

void tst_CliEndToEnd::cleanupTestCase()
{
    for (QProcess *p : {&m_listen, &m_listen6}) {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished();
        }
    }
}

void tst_CliEndToEnd::rfc3428_sendOverUdpAndTcp_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("text");
    QTest::addRow("udp, non-ASCII") << "udp" << QStringLiteral("Grüße, 你好, 👋");
    QTest::addRow("tcp") << "tcp" << QStringLiteral("over TCP\nwith a second line");
}

void tst_CliEndToEnd::rfc3428_sendOverUdpAndTcp()
{
    QFETCH(QString, transport);
    QFETCH(QString, text);
    const SendRun r =
        send({QStringLiteral("--from"), QStringLiteral("sip:alice@127.0.0.1"),
              QStringLiteral("--to"), QStringLiteral("sip:bob@127.0.0.1:") + m_port,
              QStringLiteral("--transport"), transport, QStringLiteral("--text"), text});
    QVERIFY2(r.exitCode == 0, qPrintable(r.rawOut + r.err));
    QVERIFY(r.rawOut.startsWith(QStringLiteral("{\"event\":\"result\"")));
    QCOMPARE(r.result.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(r.result.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QCOMPARE(r.result.value(QStringLiteral("transport")).toString(), transport);
    const QJsonObject m = nextEvent();
    QCOMPARE(m.value(QStringLiteral("event")).toString(), QStringLiteral("message"));
    QCOMPARE(m.value(QStringLiteral("body")).toString(), text);
    QCOMPARE(m.value(QStringLiteral("from")).toString(), QStringLiteral("sip:alice@127.0.0.1"));
    QCOMPARE(m.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(m.value(QStringLiteral("transport")).toString(), transport);
    QCOMPARE(m.value(QStringLiteral("call_id")), r.result.value(QStringLiteral("call_id")));
    QVERIFY(m.value(QStringLiteral("remote")).toString().startsWith(QStringLiteral("127.0.0.1:")));
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
            .match(m.value(QStringLiteral("received_at")).toString())
            .hasMatch());
}

void tst_CliEndToEnd::rfc3261_8_2_2_1_unknownUserGets404()
{
    const SendRun r = send({QStringLiteral("--from"), QStringLiteral("sip:alice@127.0.0.1"),
                            QStringLiteral("--to"), QStringLiteral("sip:carol@127.0.0.1:") + m_port,
                            QStringLiteral("--text"), QStringLiteral("x")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.result.value(QStringLiteral("status")).toInt(), 404);
}

void tst_CliEndToEnd::rfc3428_8_largeMessageGoesOverTcp()
{
    const QString big(5000, QLatin1Char('x'));
    const SendRun r = send({QStringLiteral("--from"), QStringLiteral("sip:alice@127.0.0.1"),
                            QStringLiteral("--to"), QStringLiteral("sip:bob@127.0.0.1:") + m_port,
                            QStringLiteral("--text"), big});
    QVERIFY2(r.exitCode == 0, qPrintable(r.rawOut + r.err));
    // No transport was asked for: over 1300 bytes it may not be UDP.
    QCOMPARE(r.result.value(QStringLiteral("transport")).toString(), QStringLiteral("tcp"));
    const QJsonObject m = nextEvent();
    QCOMPARE(m.value(QStringLiteral("body")).toString(), big);
}

void tst_CliEndToEnd::timeoutWhenNobodyAnswers()
{
    // A UDP port nobody reads: bind one and keep it silent.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    const SendRun r = send(
        {QStringLiteral("--from"), QStringLiteral("sip:alice@127.0.0.1"), QStringLiteral("--to"),
         QStringLiteral("sip:bob@127.0.0.1:%1").arg(silent.localPort()), QStringLiteral("--text"),
         QStringLiteral("hello?"), QStringLiteral("--timeout"), QStringLiteral("2")});
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.result.value(QStringLiteral("error")).toString(), QStringLiteral("timeout"));
    QVERIFY(silent.hasPendingDatagrams()); // it was sent (and retransmitted)
}

void tst_CliEndToEnd::ipv6_sendOverUdpAndTcp_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QString>("text");
    QTest::addRow("udp") << "udp" << QStringLiteral("über IPv6 👋 \"udp\"\t");
    QTest::addRow("tcp") << "tcp" << QStringLiteral("über IPv6\r\nover TCP\\ ");
}

void tst_CliEndToEnd::ipv6_sendOverUdpAndTcp()
{
    QFETCH(QString, transport);
    QFETCH(QString, text);
    if (!m_ipv6)
        QSKIP("::1 cannot be bound on this host (no IPv6 on the loopback interface)");
    const QString to = QStringLiteral("sip:bob@[::1]:") + m_port6;
    const SendRun r =
        send({QStringLiteral("--from"), QStringLiteral("sip:alice@[::1]"), QStringLiteral("--to"),
              to, QStringLiteral("--transport"), transport, QStringLiteral("--text"), text});
    QVERIFY2(r.exitCode == 0, qPrintable(r.rawOut + r.err));
    QVERIFY(r.rawOut.startsWith(QStringLiteral("{\"event\":\"result\"")));
    QCOMPARE(r.result.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(r.result.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QCOMPARE(r.result.value(QStringLiteral("transport")).toString(), transport);
    const QJsonObject m = nextJsonLine(m_listen6, m_pending6);
    QCOMPARE(m.value(QStringLiteral("event")).toString(), QStringLiteral("message"));
    QCOMPARE(m.value(QStringLiteral("call_id")), r.result.value(QStringLiteral("call_id")));
    QCOMPARE(m.value(QStringLiteral("body")).toString().toUtf8(), text.toUtf8());
    QCOMPARE(m.value(QStringLiteral("from")).toString(), QStringLiteral("sip:alice@[::1]"));
    QCOMPARE(m.value(QStringLiteral("to")).toString(), to);
    QCOMPARE(m.value(QStringLiteral("transport")).toString(), transport);
    // IPv6 remotes in brackets, with the sender's port.
    const QString remote = m.value(QStringLiteral("remote")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\[::1\\]:\\d+$")).match(remote).hasMatch(),
             qPrintable(remote));
}

void tst_CliEndToEnd::sigtermEndsListenCleanly()
{
    if (m_ipv6) {
        ::kill(pid_t(m_listen6.processId()), SIGTERM);
        QVERIFY(m_listen6.waitForFinished(10000));
        QCOMPARE(m_listen6.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_listen6.exitCode(), 0);
    }
    ::kill(pid_t(m_listen.processId()), SIGTERM);
    QVERIFY(m_listen.waitForFinished(6000));
    QCOMPARE(m_listen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_listen.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_CliEndToEnd)
#include "tst_CliEndToEnd.moc"
