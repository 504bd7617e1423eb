// SPDX-License-Identifier: GPL-3.0-or-later
// A Stack registering with a registrar on loopback over real sockets: the
// Contact is the transport layer's own address (RFC 3261 §10.2, §18.1.1),
// keep-alives reach the registrar on the flow (RFC 5626 §4.4.1), a closed
// connection leads to a new REGISTER (RFC 5626 §4.5), and unregister removes
// the binding (§10.2.2). The registrar is a Peer answering 200 with the
// Contact echoed and a Service-Route (RFC 3608) the stack's pager takes up.

#include "Peer.h"
#include "ua/Stack.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

using State = RegistrationState;

// A registrar: answers every REGISTER 200, echoing its first Contact.
struct Registrar
{
    explicit Registrar(TransportType type)
        : m_type(type)
    {
        peer.answerStatus = 0;
        peer.onRequest = [this](quint64 id, const ReceivedMessage &r) {
            Message response = makeResponse(r.message, 200);
            const auto contacts = r.message.contacts();
            if (contacts && !contacts->isEmpty())
                response.addHeader("Contact", contacts->front().address().text());
            response.addHeader("Service-Route", "<sip:service@127.0.0.1;lr>");
            peer.transactions.respond(id, response);
        };
    }
    bool bind() { return peer.bind(m_type); }
    Uri uri() const
    {
        const Endpoint e = peer.endpoint(m_type);
        return *Uri::parse("sip:127.0.0.1:" + QByteArray::number(e.port) +
                           ";transport=" + transportParamName(m_type).toByteArray());
    }
    QByteArray contact(int i) const
    {
        return peer.requests.at(i).message.header(HeaderId::Contact).toByteArray();
    }

    Peer peer;

private:
    TransportType m_type;
};

Stack::Config stackConfig(const Uri &registrar)
{
    Stack::Config c;
    c.aor = "sip:alice@127.0.0.1";
    c.registrar = registrar;
    c.keepAliveStreamMs = 200;
    c.keepAliveUdpMs = 200;
    return c;
}

quint16 boundPort(Stack &stack, TransportType type)
{
    for (const Endpoint &e : stack.transport().localEndpoints()) {
        if (e.transport == type)
            return e.port;
    }
    return 0;
}

} // namespace

class tst_RegistrationLoopback : public QObject
{
    Q_OBJECT

private slots:
    void contactIsTheTransportsAddress_rfc3261_10_2_data();
    void contactIsTheTransportsAddress_rfc3261_10_2();
    void keepAlivesReachRegistrarOverTcp_rfc5626_4_4_1();
    void keepAliveDatagramsOverUdp_rfc5626_4_4_1();
    void closedConnectionRegistersAgain_rfc5626_4_5();
    void unregisterRemovesBinding_rfc3261_10_2_2();
    void keepAliveNeverOpensAConnection_rfc5626_4_4_1();
};

void tst_RegistrationLoopback::contactIsTheTransportsAddress_rfc3261_10_2_data()
{
    QTest::addColumn<int>("type");
    QTest::addRow("udp") << int(TransportType::Udp);
    QTest::addRow("tcp") << int(TransportType::Tcp);
}

void tst_RegistrationLoopback::contactIsTheTransportsAddress_rfc3261_10_2()
{
    QFETCH(int, type);
    const auto t = TransportType(type);
    Registrar registrar(t);
    QVERIFY(registrar.bind());
    Stack stack(stackConfig(registrar.uri()));
    QString error;
    QVERIFY2(stack.bind(t, QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(stack.registration());
    QList<RegistrationStatus> states;
    connect(stack.registration(), &Registration::stateChanged,
            [&](const RegistrationStatus &s) { states << s; });
    stack.registration()->start();
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->state(), State::Registered, 5000);
    QCOMPARE(registrar.peer.requests.size(), 1);
    const QByteArray expected = "<sip:alice@127.0.0.1:" + QByteArray::number(boundPort(stack, t)) +
                                ";transport=" + transportParamName(t).toByteArray() +
                                ">;expires=3600";
    QCOMPARE(registrar.contact(0), expected);
    QCOMPARE(states.last().status, 200);
    QCOMPARE(states.last().expires, 3600u);
    QCOMPARE(stack.pager().serviceRoute(), QList<QByteArray>{"<sip:service@127.0.0.1;lr>"});
    // Same address as seen: nothing rewritten, one REGISTER only.
    QCOMPARE(stack.registration()->reflexiveAddress()->host, QByteArray("127.0.0.1"));
    QTest::qWait(50);
    QCOMPARE(registrar.peer.requests.size(), 1);
}

void tst_RegistrationLoopback::keepAlivesReachRegistrarOverTcp_rfc5626_4_4_1()
{
    Registrar registrar(TransportType::Tcp);
    QVERIFY(registrar.bind());
    Stack stack(stackConfig(registrar.uri()));
    QVERIFY(stack.bind(TransportType::Tcp, QHostAddress::LocalHost, 0, nullptr));
    stack.registration()->start();
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->state(), State::Registered, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(registrar.peer.transport.stats().pingsAnswered >= 2, 5000);
    QVERIFY(stack.transport().stats().pingsSent >= 2);
    // Pings are no messages: the registrar saw one request, one connection.
    QCOMPARE(registrar.peer.requests.size(), 1);
    QCOMPARE(registrar.peer.transport.stats().invalidMessages, 0u);
    QCOMPARE(stack.transport().connectionCount(), 1);
}

void tst_RegistrationLoopback::keepAliveDatagramsOverUdp_rfc5626_4_4_1()
{
    Registrar registrar(TransportType::Udp);
    QVERIFY(registrar.bind());
    Stack stack(stackConfig(registrar.uri()));
    QVERIFY(stack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, nullptr));
    stack.registration()->start();
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->state(), State::Registered, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(stack.transport().stats().pingsSent >= 2, 5000);
    // The registrar's transport drops CRLF datagrams quietly.
    QCOMPARE(registrar.peer.transport.stats().invalidMessages, 0u);
    QCOMPARE(registrar.peer.requests.size(), 1);
}

void tst_RegistrationLoopback::closedConnectionRegistersAgain_rfc5626_4_5()
{
    Registrar registrar(TransportType::Tcp);
    QVERIFY(registrar.bind());
    Stack::Config c = stackConfig(registrar.uri());
    c.keepAliveStreamMs = 0;
    Stack stack(c);
    QVERIFY(stack.bind(TransportType::Tcp, QHostAddress::LocalHost, 0, nullptr));
    stack.registration()->start();
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->state(), State::Registered, 5000);
    QCOMPARE(registrar.peer.transport.connectionCount(), 1);
    const quint64 first = registrar.peer.transport.connections().first().id;
    QVERIFY(registrar.peer.transport.closeConnection(first));
    // The flow is gone; a new REGISTER comes on a new connection.
    QTRY_COMPARE_WITH_TIMEOUT(registrar.peer.requests.size(), 2, 5000);
    QVERIFY(registrar.peer.requests[1].connection != first);
    const Message again = registrar.peer.requests[1].message;
    QCOMPARE(again.callId(), registrar.peer.requests[0].message.callId());
    QCOMPARE(again.cseq().number(), 2u);
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->status().status, 200, 5000);
    QCOMPARE(stack.registration()->state(), State::Registered);
}

void tst_RegistrationLoopback::unregisterRemovesBinding_rfc3261_10_2_2()
{
    Registrar registrar(TransportType::Udp);
    QVERIFY(registrar.bind());
    Stack stack(stackConfig(registrar.uri()));
    QVERIFY(stack.bind(TransportType::Udp, QHostAddress::LocalHost, 0, nullptr));
    stack.registration()->start();
    QTRY_COMPARE_WITH_TIMEOUT(stack.registration()->state(), State::Registered, 5000);
    QList<RegistrationStatus> done;
    stack.registration()->unregister([&](const RegistrationStatus &s) { done << s; });
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
    QCOMPARE(done[0].state, State::Unregistered);
    QCOMPARE(done[0].status, 200);
    QCOMPARE(registrar.peer.requests.size(), 2);
    QVERIFY(registrar.contact(1).endsWith(";expires=0"));
    QCOMPARE(registrar.peer.requests[1].message.header(HeaderId::Expires), QByteArrayView("0"));
}

void tst_RegistrationLoopback::keepAliveNeverOpensAConnection_rfc5626_4_4_1()
{
    TransportLayer transport;
    QVERIFY(transport.bind(TransportType::Tcp, QHostAddress::LocalHost, 0));
    const Endpoint nowhere{TransportType::Tcp, QHostAddress::LocalHost, 9};
    QString error;
    bool called = false;
    transport.sendKeepAlive(nowhere, [&](const QString &why) {
        error = why;
        called = true;
    });
    QVERIFY(!called); // reported from the event loop, never inside the call
    QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
    QCOMPARE(error, QStringLiteral("no TCP connection to 127.0.0.1:9 for a keep-alive"));
    QCOMPARE(transport.connectionCount(), 0);
    QCOMPARE(transport.stats().pingsSent, 0u);
    // localAddressFor() is what opens the flow, with the listening port.
    const auto local = transport.localAddressFor(nowhere, &error);
    QVERIFY(local);
    QCOMPARE(local->port, transport.localEndpoints().front().port);
    QCOMPARE(local->address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(transport.connectionCount(), 1);
    // No UDP bound: no local address for a UDP target, and why.
    QVERIFY(!transport.localAddressFor({TransportType::Udp, QHostAddress::LocalHost, 9}, &error));
    QVERIFY(error.startsWith(QStringLiteral("no udp transport bound")));
}

QTEST_GUILESS_MAIN(tst_RegistrationLoopback)
#include "tst_RegistrationLoopback.moc"
