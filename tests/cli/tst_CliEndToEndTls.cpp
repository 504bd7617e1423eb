// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli send` to `tidings-cli listen` over TLS, real processes on
// loopback sockets (IPv4 and, where the host has it, IPv6): the listener
// presents a certificate for 127.0.0.1, ::1 and localhost issued by a
// throw-away CA (TestCa.h, made with the openssl command line); the sender
// trusts that CA only through --tls-ca.

#include "CliProcess.h"
#include "TestCa.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using tidings::test::cliPath;
using tidings::test::CliRun;
using tidings::test::ipv6LoopbackAvailable;

namespace {

// Generous: two busy cores, and a TLS handshake per send.
constexpr int kSendWaitMs = 60000;
constexpr int kEventWaitMs = 20000;

using SendRun = CliRun;

SendRun send(const QStringList &args)
{
    return tidings::test::runCli(QStringList{QStringLiteral("send")} + args, kSendWaitMs);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// A body that survives only an exact round trip: non-ASCII in several
// scripts, an emoji outside the BMP, JSON's special characters, a tab, line
// breaks and whitespace at both ends.
QString trickyBody(const QString &tag)
{
    return QStringLiteral("  %1: Grüße, 你好, 👋 \"quoted\" back\\slash\ttab\r\nline two \n")
        .arg(tag);
}

} // namespace

class tst_CliEndToEndTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rfc3261_26_2_sendOverTls_data();
    void rfc3261_26_2_sendOverTls();
    void rfc3261_26_2_1_untrustedCertificateFails_data();
    void rfc3261_26_2_1_untrustedCertificateFails();
    void rfc3261_26_2_2_sipsUriGoesOverTls_data();
    void rfc3261_26_2_2_sipsUriGoesOverTls();
    void rfc3261_26_2_2_sipsUriNeverInTheClear_data();
    void rfc3261_26_2_2_sipsUriNeverInTheClear();
    void sigtermEndsTlsListenCleanly();

private:
    QJsonObject nextEvent();
    // Sends `text` to `to` and checks the result line and the message line
    // the listener prints for it.
    void sendAndExpectDelivery(const QString &to, const QStringList &extraArgs, const QString &text,
                               const QString &remoteHost);
    QString caPath() const { return m_files.filePath(QStringLiteral("ca.pem")); }
    QString port(bool v6) const { return v6 ? m_port6 : m_port4; }
    QString host(bool v6) const
    {
        return v6 ? QStringLiteral("[::1]") : QStringLiteral("127.0.0.1");
    }
    // The listener's "remote" host, as a regular expression.
    static QString remoteHost(bool v6)
    {
        return v6 ? QStringLiteral("\\[::1\\]") : QStringLiteral("127\\.0\\.0\\.1");
    }

    sip::test::TestCa m_ca;
    sip::test::TestCa m_otherCa;
    QTemporaryDir m_files;
    QProcess m_listen;
    QByteArray m_pending;
    bool m_ipv6 = false;
    QString m_port4;
    QString m_port6;
};

void tst_CliEndToEndTls::initTestCase()
{
    QVERIFY2(m_ca.generate(), qPrintable(m_ca.error()));
    QVERIFY2(m_otherCa.generate(), qPrintable(m_otherCa.error()));
    QVERIFY(m_files.isValid());
    QVERIFY(writeFile(caPath(), m_ca.ca().toPem()));
    QVERIFY(writeFile(m_files.filePath(QStringLiteral("other-ca.pem")), m_otherCa.ca().toPem()));
    QVERIFY(writeFile(m_files.filePath(QStringLiteral("server.pem")),
                      m_ca.serverCertificate().toPem()));
    QVERIFY(writeFile(m_files.filePath(QStringLiteral("server.key")), m_ca.serverKey().toPem()));

    m_ipv6 = ipv6LoopbackAvailable();
    QStringList args{QStringLiteral("listen"),
                     QStringLiteral("--aor"),
                     QStringLiteral("sip:bob@127.0.0.1"),
                     QStringLiteral("--tls-cert"),
                     m_files.filePath(QStringLiteral("server.pem")),
                     QStringLiteral("--tls-key"),
                     m_files.filePath(QStringLiteral("server.key")),
                     QStringLiteral("--bind"),
                     QStringLiteral("tls:127.0.0.1:0")};
    if (m_ipv6)
        args << QStringLiteral("--bind") << QStringLiteral("tls:[::1]:0");
    m_listen.start(cliPath(), args);
    QVERIFY(m_listen.waitForStarted());
    const QJsonObject listening = nextEvent();
    QVERIFY2(listening.value(QStringLiteral("event")).toString() == QLatin1String("listening"),
             qPrintable(QString::fromUtf8(m_listen.readAllStandardError())));
    const QStringList binds = listening.value(QStringLiteral("bind")).toVariant().toStringList();
    QCOMPARE(binds.size(), m_ipv6 ? 2 : 1);
    static const QRegularExpression v4(QStringLiteral("^tls:127\\.0\\.0\\.1:(\\d+)$"));
    static const QRegularExpression v6(QStringLiteral("^tls:\\[::1\\]:(\\d+)$"));
    const auto m4 = v4.match(binds[0]);
    QVERIFY2(m4.hasMatch(), qPrintable(binds[0]));
    m_port4 = m4.captured(1);
    QVERIFY(m_port4.toInt() > 0);
    if (m_ipv6) {
        const auto m6 = v6.match(binds[1]);
        QVERIFY2(m6.hasMatch(), qPrintable(binds[1]));
        m_port6 = m6.captured(1);
        QVERIFY(m_port6.toInt() > 0);
    }
}

void tst_CliEndToEndTls::cleanupTestCase()
{
    if (m_listen.state() != QProcess::NotRunning) {
        m_listen.kill();
        m_listen.waitForFinished();
    }
}

QJsonObject tst_CliEndToEndTls::nextEvent()
{
    return tidings::test::nextJsonLine(m_listen, m_pending, kEventWaitMs);
}

void tst_CliEndToEndTls::sendAndExpectDelivery(const QString &to, const QStringList &extraArgs,
                                               const QString &text, const QString &remoteHost)
{
    const SendRun r =
        send(QStringList{QStringLiteral("--from"), QStringLiteral("sip:alice@127.0.0.1"),
                         QStringLiteral("--to"), to, QStringLiteral("--text"), text} +
             extraArgs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.rawOut + r.err));
    QVERIFY(r.rawOut.startsWith(QStringLiteral("{\"event\":\"result\"")));
    QCOMPARE(r.rawOut.count(QLatin1Char('\n')), 1); // one result line, nothing else
    QCOMPARE(r.result.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(r.result.value(QStringLiteral("reason")).toString(), QStringLiteral("OK"));
    QCOMPARE(r.result.value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
    QVERIFY(!r.result.value(QStringLiteral("call_id")).toString().isEmpty());

    const QJsonObject m = nextEvent();
    QCOMPARE(m.value(QStringLiteral("event")).toString(), QStringLiteral("message"));
    QCOMPARE(m.value(QStringLiteral("call_id")), r.result.value(QStringLiteral("call_id")));
    QCOMPARE(m.value(QStringLiteral("body")).toString().toUtf8(), text.toUtf8());
    QCOMPARE(m.value(QStringLiteral("from")).toString(), QStringLiteral("sip:alice@127.0.0.1"));
    QCOMPARE(m.value(QStringLiteral("to")).toString(), to);
    QCOMPARE(m.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(m.value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
    // The sender's ephemeral TLS port, in the contract's host:port form.
    const QString remote = m.value(QStringLiteral("remote")).toString();
    QVERIFY2(QRegularExpression(QLatin1Char('^') + remoteHost + QStringLiteral(":(\\d+)$"))
                 .match(remote)
                 .hasMatch(),
             qPrintable(remote));
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
            .match(m.value(QStringLiteral("received_at")).toString())
            .hasMatch());
}

void tst_CliEndToEndTls::rfc3261_26_2_sendOverTls_data()
{
    QTest::addColumn<bool>("v6");
    QTest::addRow("IPv4") << false;
    QTest::addRow("IPv6") << true;
}

void tst_CliEndToEndTls::rfc3261_26_2_sendOverTls()
{
    QFETCH(bool, v6);
    if (v6 && !m_ipv6)
        QSKIP("::1 cannot be bound on this host (no IPv6 on the loopback interface)");
    // The certificate names 127.0.0.1 and ::1 as subjectAltName IP entries;
    // the target is an address, so it is verified as that address.
    sendAndExpectDelivery(QStringLiteral("sip:bob@%1:%2").arg(host(v6), port(v6)),
                          {QStringLiteral("--transport"), QStringLiteral("tls"),
                           QStringLiteral("--tls-ca"), caPath()},
                          trickyBody(QStringLiteral("tls")), remoteHost(v6));
}

void tst_CliEndToEndTls::rfc3261_26_2_1_untrustedCertificateFails_data()
{
    QTest::addColumn<bool>("v6");
    QTest::addColumn<bool>("sips");
    QTest::addColumn<QString>("trusted"); // --tls-ca, empty for the system CAs only
    QTest::addRow("system CAs only") << false << false << QString();
    QTest::addRow("another CA") << false << false << QStringLiteral("other-ca.pem");
    QTest::addRow("sips:, system CAs only") << false << true << QString();
    QTest::addRow("IPv6, another CA") << true << false << QStringLiteral("other-ca.pem");
}

void tst_CliEndToEndTls::rfc3261_26_2_1_untrustedCertificateFails()
{
    QFETCH(bool, v6);
    QFETCH(bool, sips);
    QFETCH(QString, trusted);
    if (v6 && !m_ipv6)
        QSKIP("::1 cannot be bound on this host (no IPv6 on the loopback interface)");
    QStringList args{
        QStringLiteral("--from"),
        QStringLiteral("sip:alice@127.0.0.1"),
        QStringLiteral("--to"),
        QStringLiteral("%1:bob@%2:%3")
            .arg(sips ? QStringLiteral("sips") : QStringLiteral("sip"), host(v6), port(v6)),
        QStringLiteral("--text"),
        QStringLiteral("must not arrive"),
        QStringLiteral("--timeout"),
        QStringLiteral("30")};
    if (!sips)
        args << QStringLiteral("--transport") << QStringLiteral("tls");
    if (!trusted.isEmpty())
        args << QStringLiteral("--tls-ca") << m_files.filePath(trusted);
    const SendRun r = send(args);
    // A transport failure: exit 3, and no status, since no response came.
    QVERIFY2(r.exitCode == 3, qPrintable(r.rawOut + r.err));
    QVERIFY(r.rawOut.startsWith(QStringLiteral("{\"event\":\"result\"")));
    QVERIFY(!r.result.contains(QStringLiteral("status")));
    const QString error = r.result.value(QStringLiteral("error")).toString();
    // A refused certificate is reported as such, at once: not as a timeout.
    QVERIFY2(error != QLatin1String("timeout"), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("not trusted")) ||
                 error.contains(QLatin1String("verif"), Qt::CaseInsensitive),
             qPrintable(error));
    // It names the server whose certificate it refused.
    QVERIFY2(error.contains(v6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1")),
             qPrintable(error));
    // The same words reach a user on stderr.
    QVERIFY2(r.err.contains(error), qPrintable(r.err));

    // The listener printed nothing for it: the next line it prints is the
    // next message that does get through.
    sendAndExpectDelivery(QStringLiteral("sip:bob@%1:%2").arg(host(v6), port(v6)),
                          {QStringLiteral("--transport"), QStringLiteral("tls"),
                           QStringLiteral("--tls-ca"), caPath()},
                          QStringLiteral("after the refused one"), remoteHost(v6));
}

void tst_CliEndToEndTls::rfc3261_26_2_2_sipsUriGoesOverTls_data()
{
    QTest::addColumn<bool>("v6");
    QTest::addColumn<QString>("name"); // empty: the loopback address
    QTest::addColumn<QString>("params");
    QTest::addRow("IPv4") << false << QString() << QString();
    // RFC 3261 §26.2.2: sips: over TCP means TLS over TCP.
    QTest::addRow("IPv4, transport=tcp in the URI")
        << false << QString() << QStringLiteral(";transport=tcp");
    QTest::addRow("IPv6") << true << QString() << QString();
    // RFC 5922 §7.2: a name is verified against the subjectAltName DNS entry.
    // localhost may resolve to ::1 first, where the listener has another
    // port; either way the message arrives over the IPv4 loopback.
    QTest::addRow("by name, localhost") << false << QStringLiteral("localhost") << QString();
}

void tst_CliEndToEndTls::rfc3261_26_2_2_sipsUriGoesOverTls()
{
    QFETCH(bool, v6);
    QFETCH(QString, name);
    QFETCH(QString, params);
    if (v6 && !m_ipv6)
        QSKIP("::1 cannot be bound on this host (no IPv6 on the loopback interface)");
    // No --transport: the sips: scheme alone picks TLS.
    sendAndExpectDelivery(
        QStringLiteral("sips:bob@%1:%2%3").arg(name.isEmpty() ? host(v6) : name, port(v6), params),
        {QStringLiteral("--tls-ca"), caPath()}, trickyBody(QStringLiteral("sips")), remoteHost(v6));
}

void tst_CliEndToEndTls::rfc3261_26_2_2_sipsUriNeverInTheClear_data()
{
    QTest::addColumn<QString>("uriParams");
    QTest::addColumn<QString>("transportOption");
    QTest::addColumn<int>("exitCode");
    // A URI that names UDP is refused by target selection (exit 3); the
    // options contradicting each other are a usage error (exit 2).
    QTest::addRow("transport=udp in the URI") << QStringLiteral(";transport=udp") << QString() << 3;
    QTest::addRow("--transport udp") << QString() << QStringLiteral("udp") << 2;
    QTest::addRow("--transport tcp") << QString() << QStringLiteral("tcp") << 2;
}

void tst_CliEndToEndTls::rfc3261_26_2_2_sipsUriNeverInTheClear()
{
    QFETCH(QString, uriParams);
    QFETCH(QString, transportOption);
    // Plain UDP and TCP sockets on one port, watching for anything sent in
    // the clear.
    QTcpServer tcp;
    QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
    QUdpSocket udp;
    QVERIFY(udp.bind(QHostAddress::LocalHost, tcp.serverPort()));
    QStringList args{QStringLiteral("--from"),
                     QStringLiteral("sip:alice@127.0.0.1"),
                     QStringLiteral("--to"),
                     QStringLiteral("sips:bob@127.0.0.1:%1%2").arg(tcp.serverPort()).arg(uriParams),
                     QStringLiteral("--text"),
                     QStringLiteral("secret"),
                     QStringLiteral("--tls-ca"),
                     caPath(),
                     QStringLiteral("--timeout"),
                     QStringLiteral("10")};
    if (!transportOption.isEmpty())
        args << QStringLiteral("--transport") << transportOption;
    QFETCH(int, exitCode);
    const SendRun r = send(args);
    // Refused before anything goes out: no response, and why.
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.rawOut + r.err));
    QVERIFY(!r.result.contains(QStringLiteral("status")));
    const QString error =
        exitCode == 2 ? r.err : r.result.value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QLatin1String("sips:")) && error.contains(QLatin1String("TLS")),
             qPrintable(error));
    QVERIFY(!udp.hasPendingDatagrams());
    QVERIFY(!tcp.waitForNewConnection(500));
}

void tst_CliEndToEndTls::sigtermEndsTlsListenCleanly()
{
    ::kill(pid_t(m_listen.processId()), SIGTERM);
    QVERIFY(m_listen.waitForFinished(10000));
    QCOMPARE(m_listen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_listen.exitCode(), 0);
    // Nothing was printed after the last delivered message.
    m_pending += m_listen.readAllStandardOutput();
    QCOMPARE(m_pending, QByteArray());
}

QTEST_GUILESS_MAIN(tst_CliEndToEndTls)
#include "tst_CliEndToEndTls.moc"
