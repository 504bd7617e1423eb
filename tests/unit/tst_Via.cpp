// SPDX-License-Identifier: GPL-3.0-or-later
// sip::Via: one Via value (RFC 3261 §20.42, §18.2.1, §8.1.1.7; rport of
// RFC 3581).

#include "message/Via.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

} // namespace

class tst_Via : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_42_via_data();
    void rfc3261_20_42_via();
    void rfc3261_20_42_lws_data();
    void rfc3261_20_42_lws();
    void rfc3581_rport_data();
    void rfc3581_rport();
    void rfc3261_8_1_1_7_branch_data();
    void rfc3261_8_1_1_7_branch();
    void rfc3261_18_2_1_received_data();
    void rfc3261_18_2_1_received();
    void rfc3261_20_42_maddrTtl_data();
    void rfc3261_20_42_maddrTtl();
    void rfc3261_20_42_invalid_data();
    void rfc3261_20_42_invalid();
    void keepsItsBytes();
};

// RFC 3261 §20.42: Via = ( "Via" / "v" ) HCOLON via-parm *(COMMA via-parm),
// via-parm = sent-protocol LWS sent-by *( SEMI via-params ).
void tst_Via::rfc3261_20_42_via_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("hasPort");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("branch");
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<int>("paramCount");

    QTest::addRow("rfc 20.42 first example")
        << QByteArray("SIP/2.0/UDP erlang.bell-telephone.com:5060;branch=z9hG4bK87asdks7")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP")
        << QByteArray("erlang.bell-telephone.com") << true << 5060 << QByteArray("z9hG4bK87asdks7")
        << QByteArray() << 1;
    QTest::addRow("rfc 20.42 second example")
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207;branch=z9hG4bK77asjd")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP") << QByteArray("192.0.2.1")
        << true << 5060 << QByteArray("z9hG4bK77asjd") << QByteArray("192.0.2.207") << 2;
    QTest::addRow("rfc 20.42 second example, folded")
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207\r\n  ;branch=z9hG4bK77asjd")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP") << QByteArray("192.0.2.1")
        << true << 5060 << QByteArray("z9hG4bK77asjd") << QByteArray("192.0.2.207") << 2;
    QTest::addRow("no port") << QByteArray("SIP/2.0/TLS client.atlanta.example.com;branch=z9hG4bKx")
                             << QByteArray("SIP") << QByteArray("2.0") << QByteArray("TLS")
                             << QByteArray("client.atlanta.example.com") << false << 0
                             << QByteArray("z9hG4bKx") << QByteArray() << 1;
    QTest::addRow("no params") << QByteArray("SIP/2.0/TCP pc33.atlanta.com:5066")
                               << QByteArray("SIP") << QByteArray("2.0") << QByteArray("TCP")
                               << QByteArray("pc33.atlanta.com") << true << 5066 << QByteArray()
                               << QByteArray() << 0;
    QTest::addRow("IPv6 sent-by") << QByteArray("SIP/2.0/TCP [2001:db8::9:1]:5061;branch=z9hG4bKas")
                                  << QByteArray("SIP") << QByteArray("2.0") << QByteArray("TCP")
                                  << QByteArray("[2001:db8::9:1]") << true << 5061
                                  << QByteArray("z9hG4bKas") << QByteArray() << 1;
    QTest::addRow("IPv6 sent-by without port")
        << QByteArray("SIP/2.0/UDP [::1];received=[2001:db8::9:255];branch=z9hG4bK1")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP") << QByteArray("[::1]")
        << false << 0 << QByteArray("z9hG4bK1") << QByteArray("[2001:db8::9:255]") << 2;
    QTest::addRow("case kept") << QByteArray("sip/2.0/tcp Host.Example.COM;Branch=z9hG4bKAbC")
                               << QByteArray("sip") << QByteArray("2.0") << QByteArray("tcp")
                               << QByteArray("Host.Example.COM") << false << 0
                               << QByteArray("z9hG4bKAbC") << QByteArray() << 1;
    QTest::addRow("extension transport")
        << QByteArray("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK56sdasks")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("WSS")
        << QByteArray("df7jal23ls0d.invalid") << false << 0 << QByteArray("z9hG4bK56sdasks")
        << QByteArray() << 1;
    QTest::addRow("port 65535") << QByteArray("SIP/2.0/UDP h.example.com:65535")
                                << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP")
                                << QByteArray("h.example.com") << true << 65535 << QByteArray()
                                << QByteArray() << 0;
    QTest::addRow("extension params kept")
        << QByteArray("SIP/2.0/UDP h.example.com;branch=z9hG4bK1;x-foo=bar;alias;comp=sigcomp")
        << QByteArray("SIP") << QByteArray("2.0") << QByteArray("UDP")
        << QByteArray("h.example.com") << false << 0 << QByteArray("z9hG4bK1") << QByteArray() << 4;
}

void tst_Via::rfc3261_20_42_via()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, transport);
    QFETCH(QByteArray, host);
    QFETCH(bool, hasPort);
    QFETCH(int, port);
    QFETCH(QByteArray, branch);
    QFETCH(QByteArray, received);
    QFETCH(int, paramCount);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QVERIFY2(v, why);
    QCOMPARE(b(v->protocolName()), name);
    QCOMPARE(b(v->protocolVersion()), version);
    QCOMPARE(b(v->transport()), transport);
    QCOMPARE(b(v->host()), host);
    QCOMPARE(v->hasPort(), hasPort);
    QCOMPARE(v->port(), port);
    QCOMPARE(b(v->branch()), branch);
    QCOMPARE(b(v->received()), received);
    QCOMPARE(v->hasReceived(), !received.isEmpty());
    QCOMPARE(v->params().count(), paramCount);
    QCOMPARE(b(v->params().value("branch")), branch);
    QCOMPARE(b(v->text()), text.trimmed());
}

// RFC 3261 §20.42: "LWS on either side of the ":" or "/" is allowed", e.g.
// "Via: SIP / 2.0 / UDP first.example.com: 4000;ttl=16 ;maddr=224.2.0.1
// ;branch=z9hG4bKa7c6a8dlze.1"; also RFC 4475 §3.1.1.1 (wsinv).
void tst_Via::rfc3261_20_42_lws_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("transport");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("branch");

    QTest::addRow("rfc 20.42 LWS example")
        << QByteArray("SIP / 2.0 / UDP first.example.com: 4000;ttl=16 ;maddr=224.2.0.1 "
                      ";branch=z9hG4bKa7c6a8dlze.1")
        << QByteArray("UDP") << QByteArray("first.example.com") << 4000
        << QByteArray("z9hG4bKa7c6a8dlze.1");
    QTest::addRow("LWS before colon")
        << QByteArray("SIP/2.0/UDP host.example.com :5060") << QByteArray("UDP")
        << QByteArray("host.example.com") << 5060 << QByteArray();
    QTest::addRow("LWS both sides of colon")
        << QByteArray("SIP/2.0/UDP host.example.com \t:\t 5060 ; branch = z9hG4bK1")
        << QByteArray("UDP") << QByteArray("host.example.com") << 5060 << QByteArray("z9hG4bK1");
    QTest::addRow("tabs around slashes")
        << QByteArray("SIP\t/\t2.0\t/\tTCP\th.example.com") << QByteArray("TCP")
        << QByteArray("h.example.com") << 0 << QByteArray();
    QTest::addRow("rfc4475 wsinv")
        << QByteArray("SIP  /   2.0\r\n /UDP\r\n    192.0.2.2;branch=390skdjuw")
        << QByteArray("UDP") << QByteArray("192.0.2.2") << 0 << QByteArray("390skdjuw");
    QTest::addRow("surrounding LWS")
        << QByteArray("  SIP/2.0/UDP h.example.com;branch=z9hG4bK2 ") << QByteArray("UDP")
        << QByteArray("h.example.com") << 0 << QByteArray("z9hG4bK2");
    QTest::addRow("IPv6 with LWS colon")
        << QByteArray("SIP/2.0/UDP [2001:db8::1] : 5070") << QByteArray("UDP")
        << QByteArray("[2001:db8::1]") << 5070 << QByteArray();
}

void tst_Via::rfc3261_20_42_lws()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, transport);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QFETCH(QByteArray, branch);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QVERIFY2(v, why);
    QCOMPARE(b(v->protocolName()), QByteArray("SIP"));
    QCOMPARE(b(v->protocolVersion()), QByteArray("2.0"));
    QCOMPARE(b(v->transport()), transport);
    QCOMPARE(b(v->host()), host);
    QCOMPARE(v->port(), port);
    QCOMPARE(v->hasPort(), port != 0);
    QCOMPARE(b(v->branch()), branch);
}

// RFC 3581 §3/§4: a client adds "rport" without a value; the server fills
// in the source port ("rport=9988").
void tst_Via::rfc3581_rport_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("hasRport");
    QTest::addColumn<int>("rport");

    QTest::addRow("absent") << QByteArray("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKkjshdyff")
                            << true << false << 0;
    QTest::addRow("rfc3581 request")
        << QByteArray("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff") << true << true
        << 0;
    QTest::addRow("rfc3581 response")
        << QByteArray(
               "SIP/2.0/UDP 10.1.1.1:4540;received=192.0.2.1;rport=9988;branch=z9hG4bKkjshdyff")
        << true << true << 9988;
    QTest::addRow("valueless last")
        << QByteArray("SIP/2.0/UDP 10.1.1.1;branch=z9hG4bK1;rport") << true << true << 0;
    QTest::addRow("name case") << QByteArray("SIP/2.0/UDP 10.1.1.1;RPort=5060") << true << true
                               << 5060;
    QTest::addRow("LWS around =") << QByteArray("SIP/2.0/UDP 10.1.1.1 ; rport = 1024") << true
                                  << true << 1024;
    QTest::addRow("65535") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=65535") << true << true
                           << 65535;
    QTest::addRow("65536") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=65536") << false << false << 0;
    QTest::addRow("abc") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=abc") << false << false << 0;
    QTest::addRow("negative") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=-1") << false << false << 0;
    QTest::addRow("empty value") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=") << false << false
                                 << 0;
    QTest::addRow("quoted") << QByteArray("SIP/2.0/UDP 10.1.1.1;rport=\"5060\"") << false << false
                            << 0;
}

void tst_Via::rfc3581_rport()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, hasRport);
    QFETCH(int, rport);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QCOMPARE(v.has_value(), valid);
    if (!valid) {
        QVERIFY(why && *why);
        return;
    }
    QCOMPARE(v->hasRport(), hasRport);
    QCOMPARE(v->rport(), rport);
}

// RFC 3261 §8.1.1.7: branches of RFC 3261 elements start with "z9hG4bK";
// a branch without the cookie comes from an RFC 2543 element.
void tst_Via::rfc3261_8_1_1_7_branch_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("branch");
    QTest::addColumn<bool>("rfc3261");

    QTest::addRow("cookie") << QByteArray("SIP/2.0/UDP a.example.com;branch=z9hG4bK776asdhds")
                            << QByteArray("z9hG4bK776asdhds") << true;
    QTest::addRow("cookie only") << QByteArray("SIP/2.0/UDP a.example.com;branch=z9hG4bK")
                                 << QByteArray("z9hG4bK") << true;
    QTest::addRow("rfc2543 branch") << QByteArray("SIP/2.0/UDP a.example.com;branch=776asdhds")
                                    << QByteArray("776asdhds") << false;
    QTest::addRow("cookie case matters") << QByteArray("SIP/2.0/UDP a.example.com;branch=Z9HG4BK1")
                                         << QByteArray("Z9HG4BK1") << false;
    QTest::addRow("cookie not at start") << QByteArray("SIP/2.0/UDP a.example.com;branch=xz9hG4bK1")
                                         << QByteArray("xz9hG4bK1") << false;
    QTest::addRow("no branch") << QByteArray("SIP/2.0/UDP a.example.com") << QByteArray() << false;
    QTest::addRow("name case") << QByteArray("SIP/2.0/UDP a.example.com;BRANCH=z9hG4bKx")
                               << QByteArray("z9hG4bKx") << true;
    QTest::addRow("token chars") << QByteArray(
                                        "SIP/2.0/UDP a.example.com;branch=z9hG4bK.a-b!%*_+`'~")
                                 << QByteArray("z9hG4bK.a-b!%*_+`'~") << true;
}

void tst_Via::rfc3261_8_1_1_7_branch()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, branch);
    QFETCH(bool, rfc3261);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QVERIFY2(v, why);
    QCOMPARE(b(v->branch()), branch);
    QCOMPARE(v->isRfc3261Branch(), rfc3261);
    QCOMPARE(b(kBranchMagicCookie), QByteArray("z9hG4bK"));
}

// RFC 3261 §18.2.1: the server adds received= with the source address;
// via-received = "received" EQUAL (IPv4address / IPv6address).
void tst_Via::rfc3261_18_2_1_received_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("received");

    QTest::addRow("absent") << QByteArray("SIP/2.0/UDP bob.example.com") << true << QByteArray();
    QTest::addRow("IPv4") << QByteArray("SIP/2.0/UDP bob.example.com;received=192.0.2.207") << true
                          << QByteArray("192.0.2.207");
    QTest::addRow("IPv6 bracketed")
        << QByteArray("SIP/2.0/UDP bob.example.com;received=[2001:db8::9:255]") << true
        << QByteArray("[2001:db8::9:255]");
    QTest::addRow("IPv6 bare") << QByteArray("SIP/2.0/UDP bob.example.com;received=2001:db8::9:255")
                               << true << QByteArray("2001:db8::9:255");
    QTest::addRow("no value") << QByteArray("SIP/2.0/UDP bob.example.com;received") << false
                              << QByteArray();
    QTest::addRow("empty value") << QByteArray("SIP/2.0/UDP bob.example.com;received=") << false
                                 << QByteArray();
    QTest::addRow("not an address")
        << QByteArray("SIP/2.0/UDP bob.example.com;received=a*b") << false << QByteArray();
    QTest::addRow("quoted") << QByteArray("SIP/2.0/UDP bob.example.com;received=\"192.0.2.1\"")
                            << false << QByteArray();
}

void tst_Via::rfc3261_18_2_1_received()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, received);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QCOMPARE(v.has_value(), valid);
    if (!valid) {
        QVERIFY(why && *why);
        return;
    }
    QCOMPARE(b(v->received()), received);
    QCOMPARE(v->hasReceived(), !received.isEmpty());
}

// RFC 3261 §20.42 / §25.1: via-maddr = "maddr" EQUAL host,
// via-ttl = "ttl" EQUAL ttl, ttl = 1*3DIGIT ; 0 to 255.
void tst_Via::rfc3261_20_42_maddrTtl_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("maddr");
    QTest::addColumn<int>("ttl");

    QTest::addRow("neither") << QByteArray("SIP/2.0/UDP h.example.com") << true << QByteArray()
                             << -1;
    QTest::addRow("multicast") << QByteArray("SIP/2.0/UDP h.example.com;maddr=224.2.0.1;ttl=16")
                               << true << QByteArray("224.2.0.1") << 16;
    QTest::addRow("maddr hostname") << QByteArray("SIP/2.0/UDP h.example.com;maddr=mc.example.com")
                                    << true << QByteArray("mc.example.com") << -1;
    QTest::addRow("maddr IPv6") << QByteArray("SIP/2.0/UDP h.example.com;maddr=[ff02::1]") << true
                                << QByteArray("[ff02::1]") << -1;
    QTest::addRow("ttl 0") << QByteArray("SIP/2.0/UDP h.example.com;ttl=0") << true << QByteArray()
                           << 0;
    QTest::addRow("ttl 255") << QByteArray("SIP/2.0/UDP h.example.com;ttl=255") << true
                             << QByteArray() << 255;
    QTest::addRow("ttl 256") << QByteArray("SIP/2.0/UDP h.example.com;ttl=256") << false
                             << QByteArray() << -1;
    QTest::addRow("ttl abc") << QByteArray("SIP/2.0/UDP h.example.com;ttl=abc") << false
                             << QByteArray() << -1;
    QTest::addRow("ttl no value") << QByteArray("SIP/2.0/UDP h.example.com;ttl") << false
                                  << QByteArray() << -1;
    QTest::addRow("maddr no value")
        << QByteArray("SIP/2.0/UDP h.example.com;maddr") << false << QByteArray() << -1;
    QTest::addRow("maddr bad char")
        << QByteArray("SIP/2.0/UDP h.example.com;maddr=a!b") << false << QByteArray() << -1;
}

void tst_Via::rfc3261_20_42_maddrTtl()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, maddr);
    QFETCH(int, ttl);

    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QCOMPARE(v.has_value(), valid);
    if (!valid) {
        QVERIFY(why && *why);
        return;
    }
    QCOMPARE(b(v->maddr()), maddr);
    QCOMPARE(v->ttl(), ttl);
}

void tst_Via::rfc3261_20_42_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("only LWS") << QByteArray("  ");
    QTest::addRow("missing transport") << QByteArray("SIP/2.0/");
    QTest::addRow("missing transport before params") << QByteArray("SIP/2.0/;branch=z9hG4bK1");
    QTest::addRow("missing transport and slash") << QByteArray("SIP/2.0 host.example.com");
    QTest::addRow("missing version") << QByteArray("SIP//UDP host.example.com");
    QTest::addRow("missing protocol name") << QByteArray("/2.0/UDP host.example.com");
    QTest::addRow("missing sent-by") << QByteArray("SIP/2.0/UDP");
    QTest::addRow("missing sent-by, trailing LWS") << QByteArray("SIP/2.0/UDP   ");
    QTest::addRow("missing sent-by before params") << QByteArray("SIP/2.0/UDP ;branch=z9hG4bK1");
    QTest::addRow("no LWS before sent-by") << QByteArray("SIP/2.0/UDP[::1]");
    QTest::addRow("port 70000") << QByteArray("SIP/2.0/UDP host.example.com:70000");
    QTest::addRow("port 65536") << QByteArray("SIP/2.0/UDP host.example.com:65536");
    QTest::addRow("empty port") << QByteArray("SIP/2.0/UDP host.example.com:");
    QTest::addRow("empty port before params")
        << QByteArray("SIP/2.0/UDP host.example.com:;branch=z9hG4bK1");
    QTest::addRow("port letters") << QByteArray("SIP/2.0/UDP host.example.com:50a");
    QTest::addRow("unterminated IPv6") << QByteArray("SIP/2.0/UDP [2001:db8::1");
    QTest::addRow("IPv6 bad char") << QByteArray("SIP/2.0/UDP [2001:db8::g1]");
    QTest::addRow("empty IPv6 reference") << QByteArray("SIP/2.0/UDP []:5060");
    QTest::addRow("text after sent-by") << QByteArray("SIP/2.0/UDP host.example.com junk");
    QTest::addRow("rport=abc") << QByteArray("SIP/2.0/UDP host.example.com;rport=abc");
    QTest::addRow("branch without value") << QByteArray("SIP/2.0/UDP host.example.com;branch");
    QTest::addRow("branch empty") << QByteArray("SIP/2.0/UDP host.example.com;branch=");
    QTest::addRow("branch quoted")
        << QByteArray("SIP/2.0/UDP host.example.com;branch=\"z9hG4bK1\"");
    QTest::addRow("trailing semicolon") << QByteArray("SIP/2.0/UDP host.example.com;");
    QTest::addRow("bad param name") << QByteArray("SIP/2.0/UDP host.example.com;=1");
    QTest::addRow("second value (comma)")
        << QByteArray("SIP/2.0/UDP a.example.com, SIP/2.0/UDP b.example.com");
    QTest::addRow("unterminated quoted param") << QByteArray("SIP/2.0/UDP h.example.com;x=\"abc");
}

void tst_Via::rfc3261_20_42_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto v = Via::parse(text, &why);
    QVERIFY2(!v, qPrintable(v ? QString::fromUtf8(v->host()) : QString()));
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!Via::parse(text)); // a null `why` is allowed
}

// A Via keeps the bytes it was parsed from.
void tst_Via::keepsItsBytes()
{
    std::optional<Via> kept;
    {
        QByteArray owner("Via: SIP/2.0/UDP 192.0.2.1:5060;rport=1234;branch=z9hG4bK77asjd\r\n");
        const qsizetype start = owner.indexOf(' ') + 1;
        const QByteArrayView value = QByteArrayView(owner).sliced(start, owner.size() - start - 2);
        const char *why = nullptr;
        kept = Via::parse(value, owner, &why);
        QVERIFY2(kept, why);
        owner.fill('X');
    }
    QCOMPARE(b(kept->transport()), QByteArray("UDP"));
    QCOMPARE(b(kept->host()), QByteArray("192.0.2.1"));
    QCOMPARE(kept->port(), 5060);
    QCOMPARE(kept->rport(), 1234);
    QCOMPARE(b(kept->branch()), QByteArray("z9hG4bK77asjd"));
    QCOMPARE(b(kept->text()),
             QByteArray("SIP/2.0/UDP 192.0.2.1:5060;rport=1234;branch=z9hG4bK77asjd"));
}

QTEST_GUILESS_MAIN(tst_Via)
#include "tst_Via.moc"
