// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli send` to `tidings-cli listen`, real processes on loopback
// sockets: the JSON lines, exit codes and signals of the DESIGN.md contract.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

namespace {

const QString kCli = QStringLiteral(TIDINGS_CLI_PATH);

struct SendRun
{
    int exitCode = -1;
    QJsonObject result;
    QString rawOut;
    QString err;
};

SendRun send(const QStringList &args)
{
    QProcess p;
    p.start(kCli, QStringList{QStringLiteral("send")} + args);
    SendRun r;
    if (!p.waitForFinished(40000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.rawOut = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.result = QJsonDocument::fromJson(r.rawOut.toUtf8()).object();
    return r;
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
    void sigtermEndsListenCleanly();

private:
    QJsonObject nextEvent();
    QProcess m_listen;
    QString m_port;
    QByteArray m_pending;
};

void tst_CliEndToEnd::initTestCase()
{
    m_listen.start(kCli, {QStringLiteral("listen"), QStringLiteral("--aor"),
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
}

void tst_CliEndToEnd::cleanupTestCase()
{
    if (m_listen.state() != QProcess::NotRunning) {
        m_listen.kill();
        m_listen.waitForFinished();
    }
}

QJsonObject tst_CliEndToEnd::nextEvent()
{
    QElapsedTimer t;
    t.start();
    while (!m_pending.contains('\n') && t.elapsed() < 10000) {
        m_listen.waitForReadyRead(200);
        m_pending += m_listen.readAllStandardOutput();
    }
    const qsizetype nl = m_pending.indexOf('\n');
    if (nl < 0)
        return {};
    const QByteArray line = m_pending.left(nl);
    m_pending.remove(0, nl + 1);
    // The contract shows "event" first on every line.
    if (!line.startsWith("{\"event\":"))
        return {};
    return QJsonDocument::fromJson(line).object();
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

void tst_CliEndToEnd::sigtermEndsListenCleanly()
{
    ::kill(pid_t(m_listen.processId()), SIGTERM);
    QVERIFY(m_listen.waitForFinished(6000));
    QCOMPARE(m_listen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_listen.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_CliEndToEnd)
#include "tst_CliEndToEnd.moc"
