// SPDX-License-Identifier: GPL-3.0-or-later
// Option parsing of `tidings-cli listen` and `send` (docs/CLI.md contract):
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
    void listenRegister();
    void defaultRegistrar_data();
    void defaultRegistrar();
    void listenErrors_data();
    void listenErrors();
    void listenKeepAlive_data();
    void listenKeepAlive();
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

void tst_CliOptions::listenRegister()
{
    qputenv("TIDINGS_TEST_PW", "s3cret");
    QString error;
    // The contract's usage, in full.
    const auto full = CliOptions::parseListen(
        {"--aor", "sip:bob@example.com", "--bind", "tls:0.0.0.0:0", "--register", "--registrar",
         "sip:registrar.example.com;transport=tls", "--auth-user", "bob-auth", "--password-env",
         "TIDINGS_TEST_PW", "--proxy", "sip:proxy.example.com;lr", "--tls-ca", "ca.pem"},
        &error);
    QVERIFY2(full, qPrintable(error));
    QVERIFY(full->registerAccount);
    QVERIFY(full->registrar);
    QCOMPARE(full->registrar->text(), QByteArrayView("sip:registrar.example.com;transport=tls"));
    QVERIFY(full->proxy);
    QCOMPARE(full->proxy->text(), QByteArrayView("sip:proxy.example.com;lr"));
    QCOMPARE(full->authUser, QByteArray("bob-auth"));
    QCOMPARE(full->password, QByteArray("s3cret"));

    // RFC 3261 §10.2: without --registrar, the AOR's domain; the auth user
    // and password may be left out (a registrar that does not challenge).
    const auto plain = CliOptions::parseListen(
        {"--aor", "sip:bob@example.com", "--bind", "udp:0.0.0.0:0", "--register"}, &error);
    QVERIFY2(plain, qPrintable(error));
    QVERIFY(plain->registerAccount);
    QVERIFY(plain->registrar);
    QCOMPARE(plain->registrar->text(), QByteArrayView("sip:example.com"));
    QVERIFY(plain->authUser.isEmpty());
    QVERIFY(plain->password.isEmpty());

    // Without --register: no registrar at all.
    const auto none = CliOptions::parseListen(
        {"--aor", "sip:bob@example.com", "--bind", "udp:0.0.0.0:0"}, &error);
    QVERIFY(none);
    QVERIFY(!none->registerAccount);
    QVERIFY(!none->registrar);
}

void tst_CliOptions::defaultRegistrar_data()
{
    QTest::addColumn<QString>("aor");
    QTest::addColumn<QString>("registrar");
    QTest::addRow("domain") << "sip:bob@example.com"
                            << "sip:example.com";
    QTest::addRow("with port") << "sip:bob@127.0.0.1:5070"
                               << "sip:127.0.0.1:5070";
    QTest::addRow("sips") << "sips:bob@example.com"
                          << "sips:example.com";
    QTest::addRow("IPv6") << "sip:bob@[::1]:5070"
                          << "sip:[::1]:5070";
    QTest::addRow("parameters dropped") << "sip:bob@example.com;transport=tcp"
                                        << "sip:example.com";
}

void tst_CliOptions::defaultRegistrar()
{
    QFETCH(QString, aor);
    QFETCH(QString, registrar);
    const auto uri = sip::Uri::parse(aor.toUtf8());
    QVERIFY(uri);
    const auto r = CliOptions::defaultRegistrar(*uri);
    QVERIFY(r);
    QCOMPARE(QString::fromUtf8(r->toByteArray()), registrar);
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
    QTest::addRow("registrar without register")
        << QStringList{"--aor", "sip:b@h", "--bind", "udp:127.0.0.1:0", "--registrar", "sip:h"}
        << "--registrar only applies with --register";
    QTest::addRow("auth user without register")
        << QStringList{"--aor", "sip:b@h", "--bind", "udp:127.0.0.1:0", "--auth-user", "b"}
        << "--auth-user only applies with --register";
    QTest::addRow("password without register")
        << QStringList{"--aor", "sip:b@h", "--bind", "udp:127.0.0.1:0", "--password-env", "PATH"}
        << "--password-env only applies with --register";
    QTest::addRow("register with a tel registrar")
        << QStringList{"--aor",      "sip:b@h",     "--bind",   "udp:127.0.0.1:0",
                       "--register", "--registrar", "tel:+1555"}
        << "not a SIP URI";
    QTest::addRow("register with the password variable unset")
        << QStringList{"--aor",
                       "sip:b@h",
                       "--bind",
                       "udp:127.0.0.1:0",
                       "--register",
                       "--password-env",
                       "TIDINGS_TEST_UNSET_VAR"}
        << "TIDINGS_TEST_UNSET_VAR is not set";
    QTest::addRow("cert without key")
        << QStringList{"--aor", "sip:b@h", "--bind", "tls:127.0.0.1:0", "--tls-cert", "c.pem"}
        << "go together";
    QTest::addRow("flag with value") << QStringList{"--trace=yes"} << "takes no value";
    QTest::addRow("keepalive without register")
        << QStringList{"--aor", "sip:b@h", "--bind", "udp:127.0.0.1:0", "--keepalive", "30"}
        << "--keepalive only applies with --register";
    for (const char *bad : {"-1", "3601", "ten", "1.5", ""}) {
        QTest::addRow("keepalive \"%s\"", bad)
            << QStringList{"--aor",      "sip:b@h",     "--bind", "udp:127.0.0.1:0",
                           "--register", "--keepalive", bad}
            << "--keepalive must be a whole number of seconds from 0 (off) to 3600";
    }
}

void tst_CliOptions::listenErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CliOptions::parseListen(args, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_CliOptions::listenKeepAlive_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("seconds"); // -1: not given, the defaults apply
    QTest::addRow("not given") << QStringList{} << -1;
    QTest::addRow("0: off") << QStringList{"--keepalive", "0"} << 0;
    QTest::addRow("25") << QStringList{"--keepalive", "25"} << 25;
    QTest::addRow("3600 with =") << QStringList{"--keepalive=3600"} << 3600;
}

void tst_CliOptions::listenKeepAlive()
{
    QFETCH(QStringList, extra);
    QFETCH(int, seconds);
    QString error;
    const auto o = CliOptions::parseListen(
        QStringList{"--aor", "sip:b@127.0.0.1", "--bind", "udp:127.0.0.1:0", "--register"} + extra,
        &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->keepAliveSeconds.value_or(-1), seconds);
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
