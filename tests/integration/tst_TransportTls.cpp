// SPDX-License-Identifier: GPL-3.0-or-later
// TLS (RFC 3261 §26.2.1) with a CA the test makes with the openssl CLI:
// verification against the IP address or Endpoint::serverName (RFC 5922
// §7.2), a clear error when the server is not trusted, client-only binds
// whose flow the server reuses, and the identity given after the bind.

#include "Peer.h"
#include "TestCa.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

class tst_TransportTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc3261_26_2_1_trustedCaVerifiesIpAddress();
    void rfc5922_7_2_serverNameVerified();
    void rfc5922_7_2_wrongServerNameRefused();
    void rfc3261_26_2_1_untrustedServerFailsWithReason();
    void rfc3261_18_1_clientOnlyFlowReusedByServer();
    void identityAfterBindStartsListening();
    void unusableIdentityRefused();

private:
    // Bob: TLS server with the test identity. Alice: client-only.
    bool setUp(Peer &alice, Peer &bob, bool trust);

    TestCa m_ca;
};

void tst_TransportTls::initTestCase()
{
    QVERIFY2(m_ca.generate(), qPrintable(m_ca.error()));
}

bool tst_TransportTls::setUp(Peer &alice, Peer &bob, bool trust)
{
    if (!bob.transport.setTlsIdentity(m_ca.serverCertificate(), m_ca.serverKey()))
        return false;
    if (trust)
        alice.transport.addTrustedCa({m_ca.ca()});
    return alice.bind(TransportType::Tls) && bob.bind(TransportType::Tls);
}

void tst_TransportTls::rfc3261_26_2_1_trustedCaVerifiesIpAddress()
{
    Peer alice;
    Peer bob;
    QVERIFY(setUp(alice, bob, true));
    alice.sendMessage(bob.endpoint(TransportType::Tls), "secret");
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    QCOMPARE(alice.outcomes[0].failure, QString());
    QCOMPARE(alice.outcomes[0].status, 200);
    QCOMPARE(bob.requests.first().message.body(), QByteArrayView("secret"));
    QCOMPARE(bob.requests.first().remote.transport, TransportType::Tls);
}

void tst_TransportTls::rfc5922_7_2_serverNameVerified()
{
    Peer alice;
    Peer bob;
    QVERIFY(setUp(alice, bob, true));
    Endpoint target = bob.endpoint(TransportType::Tls);
    target.serverName = QStringLiteral("localhost"); // subjectAltName DNS:localhost
    alice.sendMessage(target);
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    QCOMPARE(alice.outcomes[0].failure, QString());
    QCOMPARE(alice.outcomes[0].status, 200);
}

void tst_TransportTls::rfc5922_7_2_wrongServerNameRefused()
{
    Peer alice;
    Peer bob;
    QVERIFY(setUp(alice, bob, true));
    Endpoint target = bob.endpoint(TransportType::Tls);
    target.serverName = QStringLiteral("sip.example.org");
    alice.sendMessage(target);
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    const QString failure = alice.outcomes[0].failure;
    QVERIFY2(failure.startsWith(QLatin1String("TLS certificate of sip.example.org not trusted: ")),
             qPrintable(failure));
    QVERIFY2(failure.contains(QLatin1String("host name")), qPrintable(failure));
    QVERIFY(bob.requests.isEmpty());
}

void tst_TransportTls::rfc3261_26_2_1_untrustedServerFailsWithReason()
{
    Peer alice;
    Peer bob;
    QVERIFY(setUp(alice, bob, false)); // Alice knows only the system CAs
    alice.sendMessage(bob.endpoint(TransportType::Tls));
    alice.sendMessage(bob.endpoint(TransportType::Tls)); // queued on the same attempt
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 2, 10000);
    QTest::qWait(200);
    for (const Peer::Outcome &o : alice.outcomes) {
        QCOMPARE(o.finals, 1);
        QVERIFY(!o.timeout);
        QCOMPARE(o.failure,
                 QStringLiteral("TLS certificate of 127.0.0.1 not trusted: The issuer certificate "
                                "of a locally looked up certificate could not be found"));
    }
    QVERIFY(bob.requests.isEmpty());
    QCOMPARE(alice.transport.stats().connectionsOpened, 1u);
    QTRY_COMPARE_WITH_TIMEOUT(alice.transport.connectionCount(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(bob.transport.connectionCount(), 0, 5000);
}

void tst_TransportTls::rfc3261_18_1_clientOnlyFlowReusedByServer()
{
    Peer alice;
    Peer bob;
    QVERIFY(setUp(alice, bob, true));
    QCOMPARE(alice.endpoint(TransportType::Tls).port, quint16(0));
    alice.sendMessage(bob.endpoint(TransportType::Tls), "hello");
    QTRY_COMPARE_WITH_TIMEOUT(alice.finished(), 1, 10000);
    QCOMPARE(alice.outcomes[0].status, 200);

    // Alice has no listener: Bob reaches her only over the flow she opened.
    bob.sendMessage(bob.requests.first().remote, "welcome");
    QTRY_COMPARE_WITH_TIMEOUT(bob.finished(), 1, 10000);
    QCOMPARE(bob.outcomes[0].failure, QString());
    QCOMPARE(bob.outcomes[0].status, 200);
    QCOMPARE(alice.requests.size(), 1);
    QCOMPARE(alice.requests.first().message.body(), QByteArrayView("welcome"));
    QCOMPARE(bob.transport.stats().connectionsOpened, 0u);
    QCOMPARE(alice.transport.connectionCount(), 1);
}

void tst_TransportTls::identityAfterBindStartsListening()
{
    TransportLayer layer;
    QVERIFY(layer.bind(TransportType::Tls, loopback(false), 0));
    QCOMPARE(layer.localEndpoints().first().port, quint16(0));
    QString error;
    QVERIFY2(layer.setTlsIdentity(m_ca.serverCertificate(), m_ca.serverKey(), &error),
             qPrintable(error));
    QVERIFY(layer.localEndpoints().first().port != 0);
}

void tst_TransportTls::unusableIdentityRefused()
{
    TransportLayer layer;
    QString error;
    QVERIFY(!layer.setTlsIdentity(m_ca.serverCertificate(), QSslKey(), &error));
    QCOMPARE(error, QStringLiteral("the TLS key is empty or not a private key"));
    QVERIFY(!layer.setTlsIdentity(QSslCertificate(), m_ca.serverKey(), &error));
    QCOMPARE(error, QStringLiteral("the TLS certificate is empty or not a certificate"));
}

QTEST_MAIN(tst_TransportTls)
#include "tst_TransportTls.moc"
