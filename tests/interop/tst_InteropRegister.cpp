// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli listen --register` as bob at a real Kamailio: registered over
// UDP, TCP and TLS (a client-only TLS bind reached over its own connection),
// MESSAGEs from sipsak, baresip and tidings-cli relayed to it, stored ones
// delivered when it comes online, a wrong password, an untrusted
// certificate, and the unregister on SIGTERM — what arrived, byte for byte,
// and what Kamailio's location table holds.

#include "Baresip.h"
#include "InteropLab.h"
#include "TidingsListen.h"

#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace tidings::interop;

namespace {

const QString kBob = QStringLiteral("sip:bob@127.0.0.1");
const QString kAlice = QStringLiteral("sip:alice@127.0.0.1");

// listen as bob on one `transport` bind (tls: client-only, no certificate),
// registering through the lab: with --registrar, or (viaProxy) with --proxy
// and the registrar left to its default, the AOR's domain.
QStringList listenArgs(const Kamailio &lab, const QString &transport, bool viaProxy = false,
                       bool trustCa = true)
{
    QStringList args{QStringLiteral("--aor"),
                     kBob,
                     QStringLiteral("--bind"),
                     transport + QStringLiteral(":127.0.0.1:0"),
                     QStringLiteral("--register"),
                     viaProxy ? QStringLiteral("--proxy") : QStringLiteral("--registrar"),
                     lab.proxyUri(transport),
                     QStringLiteral("--auth-user"),
                     QStringLiteral("bob"),
                     QStringLiteral("--password-env"),
                     QLatin1String(kPasswordVariable)};
    if (transport == QLatin1String("tls") && trustCa)
        args << QStringLiteral("--tls-ca") << lab.caFile();
    return args;
}

// 3,000 bytes of UTF-8 in numbered lines, padded with dots.
QByteArray longText()
{
    QByteArray text;
    for (int i = 0;; ++i) {
        const QByteArray line = QStringLiteral("%1 Grüße ✓ 你好, a long message to a registered "
                                               "listener.\n")
                                    .arg(i, 3, 10, QLatin1Char('0'))
                                    .toUtf8();
        if (text.size() + line.size() > 3000)
            break;
        text += line;
    }
    return text + QByteArray(3000 - text.size(), '.');
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The REGISTERs Kamailio logged (its request_route logs every request).
int registersLogged(const Kamailio &lab)
{
    return int(lab.log().count("REQ REGISTER "));
}

} // namespace

class tst_InteropRegister : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc3261_10_registeredListenReceivesFromSipsakAndBaresip_data();
    void rfc3261_10_registeredListenReceivesFromSipsakAndBaresip();
    void rfc3428_storedMessageDeliveredOnRegister_data();
    void rfc3428_storedMessageDeliveredOnRegister();
    void rfc3261_22_wrongPasswordFailsWithoutALoop();
    void rfc5922_tlsRegistrationNeedsTheCa_data();
    void rfc5922_tlsRegistrationNeedsTheCa();
    void rfc3428_8_longMessageOverTcpToRegisteredListen();
};

void tst_InteropRegister::initTestCase()
{
    if (const QString why = labUnavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void tst_InteropRegister::rfc3261_10_registeredListenReceivesFromSipsakAndBaresip_data()
{
    QTest::addColumn<QString>("transport");
    QTest::addColumn<bool>("qop");
    QTest::addColumn<bool>("viaProxy");
    QTest::addRow("udp, --registrar, no qop") << "udp" << false << false;
    QTest::addRow("tcp, --proxy, qop=auth") << "tcp" << true << true;
    QTest::addRow("tls client-only, --registrar, qop=auth") << "tls" << true << false;
}

void tst_InteropRegister::rfc3261_10_registeredListenReceivesFromSipsakAndBaresip()
{
    QFETCH(QString, transport);
    QFETCH(bool, qop);
    QFETCH(bool, viaProxy);
    Kamailio lab;
    QVERIFY2(lab.start({qop}), qPrintable(lab.error()));
    TidingsListen bob(lab);
    QVERIFY2(bob.start(listenArgs(lab, transport, viaProxy)), qPrintable(bob.error()));

    const auto registered = bob.waitForEvent(QStringLiteral("registered"));
    QVERIFY2(registered, qPrintable(bob.describe()));
    QCOMPARE(str(*registered, "aor"), kBob);
    QCOMPARE(registered->value(QStringLiteral("expires")).toInt(), 3600); // max_expires
    const QString contact = str(*registered, "contact");
    QVERIFY2(contact.startsWith(QStringLiteral("sip:bob@127.0.0.1:")) &&
                 contact.endsWith(QStringLiteral(";transport=") + transport),
             qPrintable(contact));
    // The 401 was answered once; with qop, as asked (RFC 7616 §3.4).
    const QList<TracedWire> registers = bob.sent("REGISTER ");
    QCOMPARE(registers.size(), 2);
    QVERIFY(registers[0].header("Authorization").isEmpty());
    QCOMPARE(registers[1].header("Authorization").contains("qop=auth"), qop);
    QVERIFY2(registers[1].header("Allow").contains("MESSAGE"), registers[1].wire.constData());
    QCOMPARE(registers[1].startLine(),
             viaProxy ? QByteArray("REGISTER sip:127.0.0.1 SIP/2.0") // §10.2 default
                      : "REGISTER " + lab.proxyUri(transport).toUtf8() + " SIP/2.0");
    QVERIFY2(lab.registrations(QStringLiteral("bob")).contains(contact.toUtf8()),
             lab.registrations(QStringLiteral("bob")).constData());

    // sipsak speaks UDP and TCP only; over TLS it sends over UDP.
    const QString sipsakTransport =
        transport == QLatin1String("tls") ? QStringLiteral("udp") : transport;
    const QByteArray fromSipsak =
        QStringLiteral("sipsak über %1: Grüße ✓ 你好 👋").arg(sipsakTransport).toUtf8();
    const SipsakResult s = sipsakMessage(lab, QStringLiteral("alice"), QStringLiteral("bob"),
                                         fromSipsak, sipsakTransport);
    QVERIFY2(s.finalStatus == 200, s.output.constData());

    Baresip alice(lab, QStringLiteral("alice"), QStringLiteral("udp"), {QStringLiteral("bob")});
    QVERIFY2(alice.start(), qPrintable(alice.error()));
    const QByteArray fromBaresip = "baresip: Ünïcödé ✓ 你好 \"quoted\" \\ back";
    QVERIFY2(alice.sendMessage(fromBaresip), qPrintable(alice.error()));

    const auto second = bob.waitForEvent(QStringLiteral("message"), 2);
    QVERIFY2(second, qPrintable(bob.describe()));
    const QList<QJsonObject> messages = bob.events(QStringLiteral("message"));
    QCOMPARE(messages.size(), 2);
    const quint16 kamailioPort = transport == QLatin1String("tls") ? lab.tlsPort() : lab.port();
    const QList<QByteArray> sent{fromSipsak, fromBaresip};
    // baresip's account AOR carries the lab's port (InteropLab's Baresip).
    const QStringList from{kAlice, QStringLiteral("sip:alice@127.0.0.1:%1").arg(lab.port())};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject &m = messages[i];
        QCOMPARE(str(m, "body").toUtf8(), sent[i]);
        QCOMPARE(str(m, "from"), from[i]);
        QCOMPARE(str(m, "content_type"), QStringLiteral("text/plain"));
        // Over the flow bob opened (TCP/TLS: Kamailio's received_avp).
        QCOMPARE(str(m, "transport"), transport);
        QCOMPARE(str(m, "remote"), QStringLiteral("127.0.0.1:%1").arg(kamailioPort));
    }
    // On the wire, byte for byte.
    const QList<TracedWire> wire = bob.received("MESSAGE ");
    QCOMPARE(wire.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(wire[i].body(), sent[i]);
        QCOMPARE(wire[i].header("Content-Length"), QByteArray::number(sent[i].size()));
        QVERIFY2(wire[i].startLine().startsWith("MESSAGE " + contact.toUtf8()),
                 wire[i].startLine().constData());
    }
    QTRY_COMPARE_WITH_TIMEOUT(alice.messageResponses(), QList<int>{200}, 5000);

    // SIGTERM: the binding goes, then the process, with exit 0.
    bob.signal(SIGTERM);
    const auto unregistered = bob.waitForEvent(QStringLiteral("unregistered"), 1, 6000);
    QVERIFY2(unregistered, qPrintable(bob.describe()));
    QCOMPARE(unregistered->keys(), QStringList{QStringLiteral("event")});
    QCOMPARE(bob.waitForExit(3000), 0);
    const QList<TracedWire> all = bob.sent("REGISTER ");
    QCOMPARE(all.last().header("Expires"), QByteArray("0"));
    QVERIFY2(!lab.registrations(QStringLiteral("bob")).contains("sip:bob@"),
             lab.registrations(QStringLiteral("bob")).constData());
}

void tst_InteropRegister::rfc3428_storedMessageDeliveredOnRegister_data()
{
    QTest::addColumn<bool>("msiloDate");
    QTest::addRow("add_date=0") << false;
    QTest::addRow("add_date=1 (msilo's default)") << true;
}

void tst_InteropRegister::rfc3428_storedMessageDeliveredOnRegister()
{
    QFETCH(bool, msiloDate);
    Kamailio lab;
    Kamailio::Options options;
    options.qop = true;
    options.msiloDate = msiloDate;
    QVERIFY2(lab.start(options), qPrintable(lab.error()));
    const QByteArray text = "Später: Grüße ✓ 你好";
    const SipsakResult s = sipsakMessage(lab, QStringLiteral("alice"), QStringLiteral("bob"), text);
    QVERIFY2(s.finalStatus == 202, s.output.constData());
    QVERIFY2(s.output.contains("202 Accepted (stored offline)"), s.output.constData());
    QCOMPARE(lab.storedMessages(QStringLiteral("bob")), QList<QByteArray>{text});

    TidingsListen bob(lab);
    QVERIFY2(bob.start(listenArgs(lab, QStringLiteral("udp"))), qPrintable(bob.error()));
    const auto m = bob.waitForEvent(QStringLiteral("message"));
    QVERIFY2(m, qPrintable(bob.describe()));
    // Printed after "registered": msilo dumps once the REGISTER is saved.
    QCOMPARE(str(bob.events().at(1), "event"), QStringLiteral("registered"));
    QCOMPARE(str(*m, "from"), kAlice);

    // What msilo sends, honestly: the charset parameter is gone (the body
    // is still UTF-8, which is what a text/plain MESSAGE without charset is
    // decoded as), a Date header is added, and with add_date=1 the body
    // starts with "[Offline message - <ctime>] ".
    const QList<TracedWire> wire = bob.received("MESSAGE ");
    QCOMPARE(wire.size(), 1);
    QCOMPARE(wire[0].header("Content-Type"), QByteArray("text/plain"));
    QVERIFY(!wire[0].header("Date").isEmpty());
    QCOMPARE(str(*m, "content_type"), QStringLiteral("text/plain"));
    const QByteArray body = wire[0].body();
    if (!msiloDate) {
        QCOMPARE(body, text);
    } else {
        static const QRegularExpression prefix(QStringLiteral(
            "^\\[Offline message - \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\] "));
        const QRegularExpressionMatch p = prefix.match(QString::fromUtf8(body));
        QVERIFY2(p.hasMatch(), body.constData());
        QCOMPARE(body.mid(p.capturedLength(0)), text);
    }
    QCOMPARE(str(*m, "body").toUtf8(), body);

    bob.signal(SIGTERM);
    QVERIFY2(bob.waitForEvent(QStringLiteral("unregistered"), 1, 6000), qPrintable(bob.describe()));
    QCOMPARE(bob.waitForExit(3000), 0);
}

void tst_InteropRegister::rfc3261_22_wrongPasswordFailsWithoutALoop()
{
    Kamailio lab;
    QVERIFY2(lab.start({true}), qPrintable(lab.error()));
    TidingsListen bob(lab);
    QVERIFY2(bob.start(listenArgs(lab, QStringLiteral("udp")), "not-the-password"),
             qPrintable(bob.error()));
    const auto failed = bob.waitForEvent(QStringLiteral("registration_failed"));
    QVERIFY2(failed, qPrintable(bob.describe()));
    // Kamailio challenges the wrong answer again: 401, reported as refused.
    QCOMPARE(failed->value(QStringLiteral("status")).toInt(), 401);
    QCOMPARE(str(*failed, "reason"), QStringLiteral("Unauthorized"));
    QVERIFY2(str(*failed, "detail").contains(QStringLiteral("wrong user name or password")),
             qPrintable(str(*failed, "detail")));
    const int retry = failed->value(QStringLiteral("retry_in")).toInt();
    QVERIFY2(retry >= 15 && retry <= 30, qPrintable(QString::number(retry)));

    // No loop: two REGISTERs (the challenged one and its answer), counted
    // at both ends, and nothing more for three seconds.
    QTest::qWait(3000);
    QCOMPARE(bob.sent("REGISTER ").size(), 2);
    QCOMPARE(registersLogged(lab), 2);
    QCOMPARE(bob.events(QStringLiteral("registration_failed")).size(), 1);
    QVERIFY(!lab.registrations(QStringLiteral("bob")).contains("sip:bob@"));

    bob.signal(SIGTERM);
    QVERIFY2(bob.waitForEvent(QStringLiteral("unregistered"), 1, 3000), qPrintable(bob.describe()));
    QCOMPARE(bob.waitForExit(3000), 0);
    QCOMPARE(registersLogged(lab), 2); // never bound: nothing to remove
}

void tst_InteropRegister::rfc5922_tlsRegistrationNeedsTheCa_data()
{
    QTest::addColumn<bool>("trustCa");
    QTest::addRow("--tls-ca lab CA") << true;
    QTest::addRow("CA not trusted") << false;
}

void tst_InteropRegister::rfc5922_tlsRegistrationNeedsTheCa()
{
    QFETCH(bool, trustCa);
    Kamailio lab;
    QVERIFY2(lab.start(), qPrintable(lab.error()));
    TidingsListen bob(lab);
    QVERIFY2(bob.start(listenArgs(lab, QStringLiteral("tls"), false, trustCa)),
             qPrintable(bob.error()));
    if (trustCa) {
        const auto registered = bob.waitForEvent(QStringLiteral("registered"));
        QVERIFY2(registered, qPrintable(bob.describe()));
        QVERIFY(str(*registered, "contact").endsWith(QStringLiteral(";transport=tls")));
        QVERIFY(lab.registrations(QStringLiteral("bob")).contains(";transport=tls"));
    } else {
        const auto failed = bob.waitForEvent(QStringLiteral("registration_failed"));
        QVERIFY2(failed, qPrintable(bob.describe()));
        // No response came: "error" in words, naming the certificate.
        QVERIFY(!failed->contains(QStringLiteral("status")));
        const QString error = str(*failed, "error");
        QVERIFY2(error.contains(QStringLiteral("certificate")) &&
                     error.contains(QStringLiteral("not trusted")),
                 qPrintable(error));
        QVERIFY(failed->value(QStringLiteral("retry_in")).toInt() >= 15);
        // Nothing went over the unverified connection.
        QCOMPARE(registersLogged(lab), 0);
        QVERIFY(!lab.registrations(QStringLiteral("bob")).contains("sip:bob@"));
    }
    bob.signal(SIGTERM);
    QVERIFY2(bob.waitForEvent(QStringLiteral("unregistered"), 1, 6000), qPrintable(bob.describe()));
    QCOMPARE(bob.waitForExit(3000), 0);
    QVERIFY(!lab.registrations(QStringLiteral("bob")).contains("sip:bob@"));
}

void tst_InteropRegister::rfc3428_8_longMessageOverTcpToRegisteredListen()
{
    Kamailio lab;
    QVERIFY2(lab.start({true}), qPrintable(lab.error()));
    TidingsListen bob(lab);
    QVERIFY2(bob.start(listenArgs(lab, QStringLiteral("tcp"))), qPrintable(bob.error()));
    QVERIFY2(bob.waitForEvent(QStringLiteral("registered")), qPrintable(bob.describe()));

    const QByteArray text = longText();
    QCOMPARE(text.size(), 3000);
    const CliResult r = tidingsCliSend(
        {QStringLiteral("--from"), kAlice, QStringLiteral("--to"), kBob, QStringLiteral("--proxy"),
         lab.proxyUri(QStringLiteral("tcp")), QStringLiteral("--transport"), QStringLiteral("tcp"),
         QStringLiteral("--auth-user"), QStringLiteral("alice"), QStringLiteral("--password-env"),
         QLatin1String(kPasswordVariable), QStringLiteral("--text"), QString::fromUtf8(text),
         QStringLiteral("--timeout"), QStringLiteral("15")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe().right(2000) + bob.describe()));
    QCOMPARE(r.result.value(QStringLiteral("status")).toInt(), 200);

    const auto m = bob.waitForEvent(QStringLiteral("message"));
    QVERIFY2(m, qPrintable(bob.describe()));
    QCOMPARE(str(*m, "body").toUtf8(), text);
    QCOMPARE(str(*m, "transport"), QStringLiteral("tcp"));
    QCOMPARE(str(*m, "call_id"), r.result.value(QStringLiteral("call_id")).toString());
    const QList<TracedWire> wire = bob.received("MESSAGE ");
    QCOMPARE(wire.size(), 1);
    QCOMPARE(wire[0].header("Content-Length"), QByteArray("3000"));
    QCOMPARE(wire[0].body(), text);

    bob.signal(SIGTERM);
    QVERIFY2(bob.waitForEvent(QStringLiteral("unregistered"), 1, 6000), qPrintable(bob.describe()));
    QCOMPARE(bob.waitForExit(3000), 0);
}

TIDINGS_INTEROP_TEST_MAIN(tst_InteropRegister)
#include "tst_InteropRegister.moc"
