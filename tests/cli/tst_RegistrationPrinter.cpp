// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON lines `tidings-cli listen --register` prints for the states of
// its registration (docs/CLI.md contract: registered, registration_failed,
// unregistered), exactly as written.

#include "RegistrationPrinter.h"

#include <QTest>

using namespace tidings;

namespace {

sip::RegistrationStatus status(sip::RegistrationState state, quint32 expires = 0, int code = 0,
                               const QByteArray &reason = {}, const QString &error = {},
                               qint64 retryInMs = -1)
{
    sip::RegistrationStatus s;
    s.state = state;
    s.expires = expires;
    s.status = code;
    s.reason = reason;
    s.error = error;
    s.retryInMs = retryInMs;
    return s;
}

} // namespace

class tst_RegistrationPrinter : public QObject
{
    Q_OBJECT

private slots:
    void stateChanges_data();
    void stateChanges();
    void unregistered_data();
    void unregistered();
    void unregisterTimedOut();
};

void tst_RegistrationPrinter::stateChanges_data()
{
    using S = sip::RegistrationState;
    QTest::addColumn<sip::RegistrationStatus>("status");
    QTest::addColumn<QString>("line"); // empty: nothing printed

    QTest::addRow("registered")
        << status(S::Registered, 3600, 200, "OK")
        << R"({"event":"registered","aor":"sip:bob@127.0.0.1","expires":3600,)"
           R"("contact":"sip:bob@127.0.0.1:5080;transport=udp"})";
    QTest::addRow("wrong password")
        << status(S::Failed, 0, 401, "Unauthorized",
                  QStringLiteral("authentication failed for realm \"x\": wrong user name or "
                                 "password"),
                  23'456)
        << R"({"event":"registration_failed","status":401,"reason":"Unauthorized",)"
           R"("detail":"authentication failed for realm \"x\": wrong user name or password",)"
           R"("retry_in":24})";
    QTest::addRow("forbidden, no detail")
        << status(S::Failed, 0, 403, "Forbidden", {}, 30'000)
        << R"({"event":"registration_failed","status":403,"reason":"Forbidden","retry_in":30})";
    QTest::addRow("no response")
        << status(S::Failed, 0, 0, {},
                  QStringLiteral("could not send to tls:127.0.0.1:5061: TLS certificate of "
                                 "127.0.0.1 not trusted"),
                  15'001)
        << R"({"event":"registration_failed","error":"could not send to tls:127.0.0.1:5061: )"
           R"(TLS certificate of 127.0.0.1 not trusted","retry_in":16})";
    QTest::addRow("registering") << status(S::Registering) << "";
    QTest::addRow("unregistered") << status(S::Unregistered, 0, 200, "OK") << "";
}

void tst_RegistrationPrinter::stateChanges()
{
    QFETCH(sip::RegistrationStatus, status);
    QFETCH(QString, line);
    const JsonFields event =
        RegistrationPrinter::eventFor(status, QStringLiteral("sip:bob@127.0.0.1"),
                                      QStringLiteral("sip:bob@127.0.0.1:5080;transport=udp"));
    if (line.isEmpty())
        QVERIFY(event.isEmpty());
    else
        QCOMPARE(JsonLines::format(event), line);
}

void tst_RegistrationPrinter::unregistered_data()
{
    using S = sip::RegistrationState;
    QTest::addColumn<sip::RegistrationStatus>("status");
    QTest::addColumn<QString>("line");
    QTest::addRow("200") << status(S::Unregistered, 0, 200, "OK") << R"({"event":"unregistered"})";
    QTest::addRow("never bound") << status(S::Unregistered) << R"({"event":"unregistered"})";
    QTest::addRow("refused")
        << status(S::Unregistered, 0, 403, "Forbidden", QStringLiteral("the registrar answered"))
        << R"({"event":"unregistered","status":403,"reason":"Forbidden",)"
           R"("error":"the registrar answered; the binding may stay until it expires"})";
    QTest::addRow("no answer")
        << status(S::Unregistered, 0, 0, {}, QStringLiteral("no answer from udp:127.0.0.1:5060"))
        << R"({"event":"unregistered","error":"no answer from udp:127.0.0.1:5060; the binding )"
           R"(may stay until it expires"})";
}

void tst_RegistrationPrinter::unregistered()
{
    QFETCH(sip::RegistrationStatus, status);
    QFETCH(QString, line);
    QCOMPARE(JsonLines::format(RegistrationPrinter::unregisteredEvent(status)), line);
}

void tst_RegistrationPrinter::unregisterTimedOut()
{
    QCOMPARE(JsonLines::format(RegistrationPrinter::unregisterTimedOut(5)),
             QStringLiteral(R"({"event":"unregistered","error":"no answer to the unregister )"
                            R"(within 5 s; the binding may stay until it expires"})"));
}

QTEST_GUILESS_MAIN(tst_RegistrationPrinter)
#include "tst_RegistrationPrinter.moc"
