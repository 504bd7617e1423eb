// SPDX-License-Identifier: GPL-3.0-or-later
// Option parsing of `tidings-cli listen` and `send` (DESIGN.md contract):
// every bad command line gets a clear message, before any socket opens.

#include "CliOptions.h"

#include <QTemporaryFile>
#include <QTest>

using namespace tidings;

class tst_CliOptions : public QObject
{
    Q_OBJECT

private slots:
    void bindSpecs_data();
    void bindSpecs();
    void listenValid();
    void listenErrors_data();
    void listenErrors();
    void sendValid();
    void sendErrors_data();
    void sendErrors();
    void passwordComesFromTheEnvironment();
};

void tst_CliOptions::bindSpecs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addRow("udp v4") << "udp:127.0.0.1:5080" << true << "127.0.0.1" << 5080;
    QTest::addRow("tcp v6 port 0") << "tcp:[::1]:0" << true << "::1" << 0;
    QTest::addRow("TLS upper case") << "TLS:127.0.0.1:5061" << true << "127.0.0.1" << 5061;
    QTest::addRow("sctp") << "sctp:127.0.0.1:5060" << false << "" << 0;
    QTest::addRow("v6 without brackets") << "udp:::1:5060" << false << "" << 0;
    QTest::addRow("hostname") << "udp:localhost:5060" << false << "" << 0;
    QTest::addRow("port too big") << "udp:127.0.0.1:70000" << false << "" << 0;
    QTest::addRow("no port") << "udp:127.0.0.1" << false << "" << 0;
}

void tst_CliOptions::bindSpecs()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, address);
    QFETCH(int, port);
    QString error;
    const auto b = BindSpec::parse(text, &error);
    QCOMPARE(b.has_value(), ok);
    if (ok) {
        QCOMPARE(b->address, QHostAddress(address));
        QCOMPARE(int(b->port), port);
    } else {
        QVERIFY(error.contains(text));
        QVERIFY(error.contains(QStringLiteral("T:HOST:PORT")));
    }
}

void tst_CliOptions::listenValid()
{
    QString error;
    const auto o = CliOptions::parseListen(
        {"--aor", "sip:bob@127.0.0.1", "--bind", "udp:127.0.0.1:0", "--bind=tcp:127.0.0.1:0",
         "--bind", "tls:[::1]:0", "--trace", "--profile", "/tmp/p", "--tls-ca", "ca.pem"},
        &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->aor.text(), QByteArrayView("sip:bob@127.0.0.1"));
    QCOMPARE(o->binds.size(), 3);
    QCOMPARE(o->binds[2].transport, sip::TransportType::Tls);
    QVERIFY(o->trace);
    QCOMPARE(o->profile, QStringLiteral("/tmp/p"));
    QCOMPARE(o->tlsCa, QStringLiteral("ca.pem"));
}

void tst_CliOptions::listenErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("no aor") << QStringList{"--bind", "udp:127.0.0.1:0"} << "--aor";
    QTest::addRow("no bind") << QStringList{"--aor", "sip:b@127.0.0.1"} << "--bind";
    QTest::addRow("tel aor") << QStringList{"--aor", "tel:+1555", "--bind", "udp:127.0.0.1:0"}
                             << "not a SIP URI";
    QTest::addRow("unknown option")
        << QStringList{"--aor", "sip:b@h", "--frobnicate"} << "unknown option \"--frobnicate\"";
    QTest::addRow("missing value") << QStringList{"--aor"} << "--aor needs a value";
    QTest::addRow("register without registrar")
        << QStringList{"--aor", "sip:b@h", "--bind", "udp:127.0.0.1:0", "--register"}
        << "--registrar";
    QTest::addRow("cert without key")
        << QStringList{"--aor", "sip:b@h", "--bind", "tls:127.0.0.1:0", "--tls-cert", "c.pem"}
        << "go together";
    QTest::addRow("flag with value") << QStringList{"--trace=yes"} << "takes no value";
}

void tst_CliOptions::listenErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CliOptions::parseListen(args, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_CliOptions::sendValid()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("from a file\n");
    file.close();
    QString error;
    const auto o =
        CliOptions::parseSend({"--from", "sip:alice@127.0.0.1", "--to", "sip:bob@127.0.0.1:5080",
                               "--file", file.fileName(), "--transport", "tcp", "--timeout", "5",
                               "--content-type", "text/plain;charset=ISO-8859-1"},
                              &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->body, QByteArray("from a file\n"));
    QCOMPARE(o->transport, sip::TransportType::Tcp);
    QCOMPARE(o->timeoutSeconds, 5);
    QCOMPARE(o->contentType, QByteArray("text/plain;charset=ISO-8859-1"));
    const auto d = CliOptions::parseSend({"--from=sip:a@h", "--to=sip:b@h", "--text=hé"}, &error);
    QVERIFY(d);
    QCOMPARE(d->body, QByteArray("h\xc3\xa9"));
    QCOMPARE(d->timeoutSeconds, 32); // Timer F
    QCOMPARE(d->contentType, QByteArray("text/plain;charset=UTF-8"));
}

void tst_CliOptions::sendErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("no to") << QStringList{"--from", "sip:a@h", "--text", "x"} << "--to";
    QTest::addRow("text and file")
        << QStringList{"--from", "sip:a@h", "--to", "sip:b@h", "--text", "x", "--file", "f"}
        << "exactly one";
    QTest::addRow("neither text nor file")
        << QStringList{"--from", "sip:a@h", "--to", "sip:b@h"} << "exactly one";
    QTest::addRow("unreadable file")
        << QStringList{"--from", "sip:a@h", "--to", "sip:b@h", "--file", "/nonexistent/x"}
        << "cannot read";
    QTest::addRow("bad transport")
        << QStringList{"--from", "sip:a@h", "--to", "sip:b@h", "--text", "x", "--transport", "sctp"}
        << "udp, tcp or tls";
    QTest::addRow("bad timeout") << QStringList{"--from", "sip:a@h", "--to",      "sip:b@h",
                                                "--text", "x",       "--timeout", "0"}
                                 << "--timeout";
    QTest::addRow("positional") << QStringList{"sip:b@h"} << "unexpected argument";
    QTest::addRow("sips over tcp (RFC 3261 26.2.2)")
        << QStringList{"--from", "sip:a@h", "--to", "sips:b@h", "--text", "x", "--transport", "tcp"}
        << "needs TLS on every hop";
}

void tst_CliOptions::sendErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CliOptions::parseSend(args, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_CliOptions::passwordComesFromTheEnvironment()
{
    qputenv("TIDINGS_TEST_PW", "s3cret");
    QString error;
    const auto o = CliOptions::parseSend({"--from", "sip:a@h", "--to", "sip:b@h", "--text", "x",
                                          "--password-env", "TIDINGS_TEST_PW"},
                                         &error);
    QVERIFY(o);
    QCOMPARE(o->password, QByteArray("s3cret"));
    QVERIFY(!CliOptions::parseSend({"--from", "sip:a@h", "--to", "sip:b@h", "--text", "x",
                                    "--password-env", "TIDINGS_TEST_UNSET_VAR"},
                                   &error));
    QVERIFY(error.contains(QStringLiteral("TIDINGS_TEST_UNSET_VAR is not set")));
}

QTEST_GUILESS_MAIN(tst_CliOptions)
#include "tst_CliOptions.moc"
