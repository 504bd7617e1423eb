// SPDX-License-Identifier: GPL-3.0-or-later
// sip::Uri: SIP and SIPS URIs (RFC 3261 §19.1), tel URIs (RFC 3966) and
// other absolute URIs kept opaque.

#include "message/Uri.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

} // namespace

class tst_Uri : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_19_1_1_components_data();
    void rfc3261_19_1_1_components();
    void rfc3261_19_1_3_examples_data();
    void rfc3261_19_1_3_examples();
    void rfc3261_19_1_1_hostForms_data();
    void rfc3261_19_1_1_hostForms();
    void rfc3261_19_1_1_port_data();
    void rfc3261_19_1_1_port();
    void rfc3261_19_1_1_uriParameters_data();
    void rfc3261_19_1_1_uriParameters();
    void rfc3261_19_1_1_headers_data();
    void rfc3261_19_1_1_headers();
    void rfc3261_19_1_2_escapes_data();
    void rfc3261_19_1_2_escapes();
    void rfc3261_19_1_1_invalid_data();
    void rfc3261_19_1_1_invalid();
    void rfc3966_telUri_data();
    void rfc3966_telUri();
    void rfc3261_19_1_otherSchemes_data();
    void rfc3261_19_1_otherSchemes();
    void rfc3261_19_1_2_sipBuilder_data();
    void rfc3261_19_1_2_sipBuilder();
    void addressOfRecord_data();
    void addressOfRecord();
    void transportParam_data();
    void transportParam();
    void parseViewIntoLargerBuffer();
    void copiesOutliveTheirSource();
    void defaultConstructedIsInvalid();
};

// RFC 3261 §19.1.1: sip:user:password@host:port;uri-parameters?headers
void tst_Uri::rfc3261_19_1_1_components_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Uri::Scheme>("scheme");
    QTest::addColumn<bool>("hasUser");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("hasPort");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QByteArray>("headers");

    QTest::addRow("host only") << QByteArray("sip:atlanta.com") << Uri::Scheme::Sip << false
                               << QByteArray() << QByteArray() << QByteArray("atlanta.com") << false
                               << 0 << QByteArray() << QByteArray();
    QTest::addRow("user and host")
        << QByteArray("sip:alice@atlanta.com") << Uri::Scheme::Sip << true << QByteArray("alice")
        << QByteArray() << QByteArray("atlanta.com") << false << 0 << QByteArray() << QByteArray();
    QTest::addRow("everything")
        << QByteArray("sip:alice:secret@atlanta.com:5070;transport=tcp;lr?subject=hi&x=y")
        << Uri::Scheme::Sip << true << QByteArray("alice") << QByteArray("secret")
        << QByteArray("atlanta.com") << true << 5070 << QByteArray(";transport=tcp;lr")
        << QByteArray("subject=hi&x=y");
    QTest::addRow("sips") << QByteArray("sips:bob@biloxi.com") << Uri::Scheme::Sips << true
                          << QByteArray("bob") << QByteArray() << QByteArray("biloxi.com") << false
                          << 0 << QByteArray() << QByteArray();
    QTest::addRow("scheme case-insensitive")
        << QByteArray("SIP:ALICE@AtLanTa.CoM") << Uri::Scheme::Sip << true << QByteArray("ALICE")
        << QByteArray() << QByteArray("AtLanTa.CoM") << false << 0 << QByteArray() << QByteArray();
    QTest::addRow("SiPs scheme") << QByteArray("SiPs:a@b") << Uri::Scheme::Sips << true
                                 << QByteArray("a") << QByteArray() << QByteArray("b") << false << 0
                                 << QByteArray() << QByteArray();
    QTest::addRow("empty password")
        << QByteArray("sip:alice:@atlanta.com") << Uri::Scheme::Sip << true << QByteArray("alice")
        << QByteArray() << QByteArray("atlanta.com") << false << 0 << QByteArray() << QByteArray();
    QTest::addRow("password extra chars")
        << QByteArray("sip:alice:s&=+$,%41@atlanta.com") << Uri::Scheme::Sip << true
        << QByteArray("alice") << QByteArray("s&=+$,%41") << QByteArray("atlanta.com") << false << 0
        << QByteArray() << QByteArray();
    QTest::addRow("user-unreserved in user")
        << QByteArray("sip:a&b=c+d$e,f;g?h/i@example.com") << Uri::Scheme::Sip << true
        << QByteArray("a&b=c+d$e,f;g?h/i") << QByteArray() << QByteArray("example.com") << false
        << 0 << QByteArray() << QByteArray();
    QTest::addRow("host with port and params")
        << QByteArray("sip:example.com:5060;lr") << Uri::Scheme::Sip << false << QByteArray()
        << QByteArray() << QByteArray("example.com") << true << 5060 << QByteArray(";lr")
        << QByteArray();
    QTest::addRow("headers without params")
        << QByteArray("sip:bob@biloxi.com?subject=x") << Uri::Scheme::Sip << true
        << QByteArray("bob") << QByteArray() << QByteArray("biloxi.com") << false << 0
        << QByteArray() << QByteArray("subject=x");
}

void tst_Uri::rfc3261_19_1_1_components()
{
    QFETCH(QByteArray, text);
    QFETCH(Uri::Scheme, scheme);
    QFETCH(bool, hasUser);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, host);
    QFETCH(bool, hasPort);
    QFETCH(int, port);
    QFETCH(QByteArray, params);
    QFETCH(QByteArray, headers);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QVERIFY(u->isValid());
    QCOMPARE(u->scheme(), scheme);
    QVERIFY(u->isSip());
    QCOMPARE(u->isSips(), scheme == Uri::Scheme::Sips);
    QCOMPARE(b(u->schemeText()), text.first(text.indexOf(':')));
    QCOMPARE(u->hasUser(), hasUser);
    QCOMPARE(b(u->user()), user);
    QCOMPARE(b(u->password()), password);
    QCOMPARE(b(u->host()), host);
    QCOMPARE(u->hostLower(), host.toLower());
    QCOMPARE(u->hasPort(), hasPort);
    QCOMPARE(u->port(), port);
    QCOMPARE(b(u->params().text()), params);
    QCOMPARE(b(u->headers()), headers);
    QCOMPARE(b(u->text()), text);
    QCOMPARE(u->toByteArray(), text);
    QCOMPARE(u->toString(), QString::fromUtf8(text));
    QVERIFY(!u->isIpv6Host());
}

// RFC 3261 §19.1.3: the example SIP and SIPS URIs.
void tst_Uri::rfc3261_19_1_3_examples_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QByteArray>("headers");

    QTest::addRow("alice") << QByteArray("sip:alice@atlanta.com") << QByteArray("alice")
                           << QByteArray() << QByteArray("atlanta.com") << QByteArray()
                           << QByteArray();
    QTest::addRow("password and transport")
        << QByteArray("sip:alice:secretword@atlanta.com;transport=tcp") << QByteArray("alice")
        << QByteArray("secretword") << QByteArray("atlanta.com") << QByteArray(";transport=tcp")
        << QByteArray();
    QTest::addRow("sips with headers")
        << QByteArray("sips:alice@atlanta.com?subject=project%20x&priority=urgent")
        << QByteArray("alice") << QByteArray() << QByteArray("atlanta.com") << QByteArray()
        << QByteArray("subject=project%20x&priority=urgent");
    QTest::addRow("telephone-subscriber user")
        << QByteArray("sip:+1-212-555-1212:1234@gateway.com;user=phone")
        << QByteArray("+1-212-555-1212") << QByteArray("1234") << QByteArray("gateway.com")
        << QByteArray(";user=phone") << QByteArray();
    QTest::addRow("sips numeric user")
        << QByteArray("sips:1212@gateway.com") << QByteArray("1212") << QByteArray()
        << QByteArray("gateway.com") << QByteArray() << QByteArray();
    QTest::addRow("IPv4 host") << QByteArray("sip:alice@192.0.2.4") << QByteArray("alice")
                               << QByteArray() << QByteArray("192.0.2.4") << QByteArray()
                               << QByteArray();
    QTest::addRow("method and escaped header")
        << QByteArray("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com") << QByteArray()
        << QByteArray() << QByteArray("atlanta.com") << QByteArray(";method=REGISTER")
        << QByteArray("to=alice%40atlanta.com");
    QTest::addRow("semicolon in user")
        << QByteArray("sip:alice;day=tuesday@atlanta.com") << QByteArray("alice;day=tuesday")
        << QByteArray() << QByteArray("atlanta.com") << QByteArray() << QByteArray();
}

void tst_Uri::rfc3261_19_1_3_examples()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, params);
    QFETCH(QByteArray, headers);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(b(u->user()), user);
    QCOMPARE(b(u->password()), password);
    QCOMPARE(b(u->host()), host);
    QCOMPARE(b(u->params().text()), params);
    QCOMPARE(b(u->headers()), headers);
    QVERIFY(u->equivalentTo(*u));
}

// RFC 3261 §19.1.1 / §25.1: host = hostname / IPv4address / IPv6reference.
void tst_Uri::rfc3261_19_1_1_hostForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<int>("port");

    QTest::addRow("hostname") << QByteArray("sip:a@pc33.atlanta.com")
                              << QByteArray("pc33.atlanta.com") << false << 0;
    QTest::addRow("hostname with dash") << QByteArray("sip:a@erlang.bell-telephone.com")
                                        << QByteArray("erlang.bell-telephone.com") << false << 0;
    QTest::addRow("FQDN trailing dot")
        << QByteArray("sip:a@example.com.") << QByteArray("example.com.") << false << 0;
    QTest::addRow("single label") << QByteArray("sip:a@localhost") << QByteArray("localhost")
                                  << false << 0;
    QTest::addRow("IPv4") << QByteArray("sip:a@192.0.2.4:5060") << QByteArray("192.0.2.4") << false
                          << 5060;
    QTest::addRow("IPv6") << QByteArray("sip:a@[2001:db8::1]") << QByteArray("[2001:db8::1]")
                          << true << 0;
    QTest::addRow("IPv6 with port") << QByteArray("sips:[2001:DB8::10:1]:5061;transport=tcp")
                                    << QByteArray("[2001:DB8::10:1]") << true << 5061;
    QTest::addRow("IPv6 loopback") << QByteArray("sip:[::1]") << QByteArray("[::1]") << true << 0;
    QTest::addRow("IPv6 unspecified") << QByteArray("sip:[::]") << QByteArray("[::]") << true << 0;
    QTest::addRow("IPv4-mapped IPv6")
        << QByteArray("sip:a@[::ffff:192.0.2.4]") << QByteArray("[::ffff:192.0.2.4]") << true << 0;
}

void tst_Uri::rfc3261_19_1_1_hostForms()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, host);
    QFETCH(bool, ipv6);
    QFETCH(int, port);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(b(u->host()), host);
    QCOMPARE(u->isIpv6Host(), ipv6);
    QCOMPARE(u->hostLower(), host.toLower());
    QCOMPARE(u->port(), port);
}

// RFC 3261 §25.1: hostport = host [ ":" port ], port = 1*DIGIT; a port is a
// 16-bit number, and an absent port is not the same as 5060 (§19.1.4).
void tst_Uri::rfc3261_19_1_1_port_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("hasPort");
    QTest::addColumn<int>("port");

    QTest::addRow("absent") << QByteArray("sip:a@b.com") << true << false << 0;
    QTest::addRow("zero") << QByteArray("sip:a@b.com:0") << true << true << 0;
    QTest::addRow("one") << QByteArray("sip:a@b.com:1") << true << true << 1;
    QTest::addRow("5060") << QByteArray("sip:a@b.com:5060") << true << true << 5060;
    QTest::addRow("leading zeros") << QByteArray("sip:a@b.com:05060") << true << true << 5060;
    QTest::addRow("65535") << QByteArray("sip:a@b.com:65535") << true << true << 65535;
    QTest::addRow("65535 before params")
        << QByteArray("sip:a@b.com:65535;lr") << true << true << 65535;
    QTest::addRow("65536") << QByteArray("sip:a@b.com:65536") << false << false << 0;
    QTest::addRow("70000") << QByteArray("sip:a@b.com:70000") << false << false << 0;
    QTest::addRow("huge") << QByteArray("sip:a@b.com:99999999999999999999999") << false << false
                          << 0;
    QTest::addRow("empty") << QByteArray("sip:a@b.com:") << false << false << 0;
    QTest::addRow("empty before params") << QByteArray("sip:a@b.com:;lr") << false << false << 0;
    QTest::addRow("negative") << QByteArray("sip:a@b.com:-1") << false << false << 0;
    QTest::addRow("letters") << QByteArray("sip:a@b.com:50x") << false << false << 0;
    QTest::addRow("IPv6 65536") << QByteArray("sip:[::1]:65536") << false << false << 0;
}

void tst_Uri::rfc3261_19_1_1_port()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, hasPort);
    QFETCH(int, port);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QCOMPARE(u.has_value(), valid);
    if (!valid) {
        QVERIFY(why);
        QVERIFY(*why);
        return;
    }
    QCOMPARE(u->hasPort(), hasPort);
    QCOMPARE(u->port(), port);
}

// RFC 3261 §19.1.1: uri-parameters = *( ";" uri-parameter ), names
// case-insensitive, valueless parameters (lr) allowed.
void tst_Uri::rfc3261_19_1_1_uriParameters_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("count");

    const QByteArray all("sip:proxy.example.com;transport=TCP;lr;maddr=239.255.255.1;ttl=15;"
                         "user=phone;method=INVITE;x-ext=%41b");
    QTest::addRow("transport") << all << QByteArray("transport") << true << QByteArray("TCP") << 7;
    QTest::addRow("name case-insensitive")
        << all << QByteArray("TRANSPORT") << true << QByteArray("TCP") << 7;
    QTest::addRow("lr valueless") << all << QByteArray("lr") << true << QByteArray() << 7;
    QTest::addRow("maddr") << all << QByteArray("maddr") << true << QByteArray("239.255.255.1")
                           << 7;
    QTest::addRow("ttl") << all << QByteArray("ttl") << true << QByteArray("15") << 7;
    QTest::addRow("user") << all << QByteArray("user") << true << QByteArray("phone") << 7;
    QTest::addRow("method") << all << QByteArray("method") << true << QByteArray("INVITE") << 7;
    QTest::addRow("escaped value kept")
        << all << QByteArray("x-ext") << true << QByteArray("%41b") << 7;
    QTest::addRow("absent") << all << QByteArray("comp") << false << QByteArray() << 7;
    QTest::addRow("param-unreserved chars") << QByteArray("sip:a@b;x=[::1]/:&+$") << QByteArray("x")
                                            << true << QByteArray("[::1]/:&+$") << 1;
    QTest::addRow("no params") << QByteArray("sip:a@b") << QByteArray("lr") << false << QByteArray()
                               << 0;
}

void tst_Uri::rfc3261_19_1_1_uriParameters()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(bool, present);
    QFETCH(QByteArray, value);
    QFETCH(int, count);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(u->hasParam(name), present);
    QCOMPARE(b(u->param(name)), value);
    QCOMPARE(u->params().count(), count);
    QCOMPARE(u->params().isEmpty(), count == 0);
}

// RFC 3261 §19.1.1: headers = "?" header *( "&" header ),
// header = hname "=" hvalue, hname = 1*(...), hvalue = *(...).
void tst_Uri::rfc3261_19_1_1_headers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("headers");

    QTest::addRow("one") << QByteArray("sip:a@b?subject=hi") << true << QByteArray("subject=hi");
    QTest::addRow("two") << QByteArray("sip:a@b?subject=project%20x&priority=urgent") << true
                         << QByteArray("subject=project%20x&priority=urgent");
    QTest::addRow("empty hvalue") << QByteArray("sip:a@b?body=") << true << QByteArray("body=");
    QTest::addRow("hnv-unreserved") << QByteArray("sip:a@b?to=sip:bob%40biloxi.com&x=[]/?:+$")
                                    << true << QByteArray("to=sip:bob%40biloxi.com&x=[]/?:+$");
    QTest::addRow("after params") << QByteArray("sip:a@b;lr?x=1") << true << QByteArray("x=1");
    QTest::addRow("no headers") << QByteArray("sip:a@b") << true << QByteArray();
    QTest::addRow("lone question mark") << QByteArray("sip:a@b?") << false << QByteArray();
    QTest::addRow("hname without =") << QByteArray("sip:a@b?subject") << false << QByteArray();
    QTest::addRow("empty hname") << QByteArray("sip:a@b?=x") << false << QByteArray();
    QTest::addRow("trailing ampersand") << QByteArray("sip:a@b?x=1&") << false << QByteArray();
    QTest::addRow("double ampersand") << QByteArray("sip:a@b?x=1&&y=2") << false << QByteArray();
    QTest::addRow("bad escape") << QByteArray("sip:a@b?x=%G1") << false << QByteArray();
    QTest::addRow("space") << QByteArray("sip:a@b?x=a b") << false << QByteArray();
    QTest::addRow("semicolon in header") << QByteArray("sip:a@b?x=a;b") << false << QByteArray();
}

void tst_Uri::rfc3261_19_1_1_headers()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, headers);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QCOMPARE(u.has_value(), valid);
    if (valid)
        QCOMPARE(b(u->headers()), headers);
    else
        QVERIFY(why && *why);
}

// RFC 3261 §19.1.2: characters outside the allowed sets are %HH-escaped;
// userDecoded() resolves the escapes of the user part.
void tst_Uri::rfc3261_19_1_2_escapes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("decoded");

    QTest::addRow("none") << QByteArray("sip:alice@a.com") << QByteArray("alice")
                          << QByteArray("alice");
    QTest::addRow("unreserved escaped")
        << QByteArray("sip:%61lice@atlanta.com") << QByteArray("%61lice") << QByteArray("alice");
    QTest::addRow("space") << QByteArray("sip:alice%20smith@a.com") << QByteArray("alice%20smith")
                           << QByteArray("alice smith");
    QTest::addRow("at sign") << QByteArray("sip:bob%40home@a.com") << QByteArray("bob%40home")
                             << QByteArray("bob@home");
    QTest::addRow("colon") << QByteArray("sip:a%3Ab@a.com") << QByteArray("a%3Ab")
                           << QByteArray("a:b");
    QTest::addRow("lower-case hex")
        << QByteArray("sip:a%3ab@a.com") << QByteArray("a%3ab") << QByteArray("a:b");
    QTest::addRow("percent") << QByteArray("sip:100%25@a.com") << QByteArray("100%25")
                             << QByteArray("100%");
    QTest::addRow("utf-8") << QByteArray("sip:j%C3%BCrgen@a.de") << QByteArray("j%C3%BCrgen")
                           << QByteArray("j\xc3\xbcrgen");
    QTest::addRow("no user") << QByteArray("sip:a.com") << QByteArray() << QByteArray();
}

void tst_Uri::rfc3261_19_1_2_escapes()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, decoded);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(b(u->user()), user);
    QCOMPARE(u->userDecoded(), decoded);
}

// RFC 3261 §19.1.1 / §25.1 grammar violations; every failure says why.
void tst_Uri::rfc3261_19_1_1_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("missing scheme") << QByteArray("alice@atlanta.com");
    QTest::addRow("empty scheme") << QByteArray(":alice@atlanta.com");
    QTest::addRow("scheme starts with digit") << QByteArray("1sip:alice@atlanta.com");
    QTest::addRow("scheme with underscore") << QByteArray("si_p:alice@atlanta.com");
    QTest::addRow("nothing after scheme") << QByteArray("sip:");
    QTest::addRow("empty user") << QByteArray("sip:@atlanta.com");
    QTest::addRow("empty user with password") << QByteArray("sip::secret@atlanta.com");
    QTest::addRow("bad escape in user") << QByteArray("sip:%G1@atlanta.com");
    QTest::addRow("truncated escape in user") << QByteArray("sip:ab%4@atlanta.com");
    QTest::addRow("space in user") << QByteArray("sip:al ice@atlanta.com");
    QTest::addRow("bracket in user") << QByteArray("sip:a<b@atlanta.com");
    QTest::addRow("bad char in password") << QByteArray("sip:alice:se/cret@atlanta.com");
    QTest::addRow("bad escape in password") << QByteArray("sip:alice:%zz@atlanta.com");
    QTest::addRow("empty host") << QByteArray("sip:alice@");
    QTest::addRow("empty host before port") << QByteArray("sip:alice@:5060");
    QTest::addRow("host starts with dot") << QByteArray("sip:alice@.atlanta.com");
    QTest::addRow("host starts with dash") << QByteArray("sip:alice@-atlanta.com");
    QTest::addRow("second at sign") << QByteArray("sip:alice@atlanta.com@biloxi.com");
    QTest::addRow("space after host") << QByteArray("sip:alice@atlanta.com x");
    QTest::addRow("space in host") << QByteArray("sip:alice@atl anta.com");
    QTest::addRow("trailing space") << QByteArray("sip:alice@atlanta.com ");
    QTest::addRow("leading space") << QByteArray(" sip:alice@atlanta.com");
    QTest::addRow("angle bracket") << QByteArray("sip:alice@atlanta.com>");
    QTest::addRow("unterminated IPv6") << QByteArray("sip:alice@[2001:db8::1");
    QTest::addRow("IPv6 without colon") << QByteArray("sip:alice@[1234]");
    QTest::addRow("IPv6 bad char") << QByteArray("sip:alice@[2001:db8::g]");
    QTest::addRow("IPv6 empty") << QByteArray("sip:alice@[]");
    QTest::addRow("IPv6 garbage after bracket") << QByteArray("sip:alice@[::1]x");
    QTest::addRow("trailing semicolon") << QByteArray("sip:alice@atlanta.com;");
    QTest::addRow("empty param name") << QByteArray("sip:alice@atlanta.com;=tcp");
    QTest::addRow("empty param value") << QByteArray("sip:alice@atlanta.com;transport=");
    QTest::addRow("LWS in params") << QByteArray("sip:alice@atlanta.com; lr");
    QTest::addRow("quoted param value") << QByteArray("sip:alice@atlanta.com;x=\"y\"");
    QTest::addRow("bad escape in param") << QByteArray("sip:alice@atlanta.com;x=%G1");
    QTest::addRow("bad header") << QByteArray("sip:alice@atlanta.com?subject");
    QTest::addRow("tel empty number") << QByteArray("tel:;phone-context=example.com");
    QTest::addRow("tel letters") << QByteArray("tel:+1-twelve");
    QTest::addRow("tel space") << QByteArray("tel:+1 212 555 1212");
    QTest::addRow("tel bad param") << QByteArray("tel:+1234;");
    QTest::addRow("other with space") << QByteArray("http://example.com/a b");
    QTest::addRow("other with quote") << QByteArray("mailto:\"a\"@example.com");
    QTest::addRow("other with angle") << QByteArray("urn:a<b>");
    QTest::addRow("other with control") << QByteArray("urn:a\tb");
    QTest::addRow("other with utf-8") << QByteArray("urn:\xc3\xbc");
}

void tst_Uri::rfc3261_19_1_1_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(!u, qPrintable(u ? u->toString() : QString()));
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');

    // parseInto reports the same.
    Uri into;
    const char *whyInto = nullptr;
    QVERIFY(!Uri::parseInto(into, text, text, &whyInto));
    QCOMPARE(QByteArray(whyInto), QByteArray(why));
    // And a null `why` is allowed.
    QVERIFY(!Uri::parse(text));
}

// RFC 3966 §3: telephone-subscriber = global-number / local-number.
void tst_Uri::rfc3966_telUri_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QByteArray>("params");

    QTest::addRow("global") << QByteArray("tel:+1-201-555-0123") << QByteArray("+1-201-555-0123")
                            << QByteArray();
    QTest::addRow("dots and parens")
        << QByteArray("tel:+1(201)555.0123") << QByteArray("+1(201)555.0123") << QByteArray();
    QTest::addRow("local with context")
        << QByteArray("tel:7042;phone-context=example.com") << QByteArray("7042")
        << QByteArray(";phone-context=example.com");
    QTest::addRow("local with global context")
        << QByteArray("tel:863-1234;phone-context=+1-914-555") << QByteArray("863-1234")
        << QByteArray(";phone-context=+1-914-555");
    QTest::addRow("extension") << QByteArray("tel:+1-201-555-0123;ext=1234")
                               << QByteArray("+1-201-555-0123") << QByteArray(";ext=1234");
    QTest::addRow("star and hash")
        << QByteArray("tel:*21#;phone-context=example.com") << QByteArray("*21#")
        << QByteArray(";phone-context=example.com");
    QTest::addRow("TEL scheme upper-case")
        << QByteArray("TEL:+12015550123") << QByteArray("+12015550123") << QByteArray();
}

void tst_Uri::rfc3966_telUri()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, number);
    QFETCH(QByteArray, params);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(u->scheme(), Uri::Scheme::Tel);
    QVERIFY(!u->isSip());
    QVERIFY(!u->isSips());
    QCOMPARE(b(u->opaque()), number);
    QCOMPARE(b(u->params().text()), params);
    QCOMPARE(b(u->text()), text);
}

// RFC 3261 §19.1 / §8.2.2.1: other absoluteURIs are kept, so a UAS can
// answer 416 (Unsupported URI Scheme).
void tst_Uri::rfc3261_19_1_otherSchemes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("scheme");
    QTest::addColumn<QByteArray>("opaque");

    QTest::addRow("mailto") << QByteArray("mailto:watson@bell-telephone.com")
                            << QByteArray("mailto") << QByteArray("watson@bell-telephone.com");
    QTest::addRow("http") << QByteArray("http://www.example.com/alice/photo.jpg")
                          << QByteArray("http") << QByteArray("//www.example.com/alice/photo.jpg");
    QTest::addRow("urn") << QByteArray("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")
                         << QByteArray("urn")
                         << QByteArray("uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    QTest::addRow("im") << QByteArray("im:alice@example.com") << QByteArray("im")
                        << QByteArray("alice@example.com");
    QTest::addRow("scheme with + - .")
        << QByteArray("x-a.b+c:opaque") << QByteArray("x-a.b+c") << QByteArray("opaque");
}

void tst_Uri::rfc3261_19_1_otherSchemes()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, scheme);
    QFETCH(QByteArray, opaque);

    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(u->scheme(), Uri::Scheme::Other);
    QVERIFY(u->isValid());
    QVERIFY(!u->isSip());
    QCOMPARE(b(u->schemeText()), scheme);
    QCOMPARE(b(u->opaque()), opaque);
    QCOMPARE(b(u->text()), text);
}

// RFC 3261 §19.1.4: every equivalent and non-equivalent pair the section
// lists, plus rules it states (userinfo case-sensitive, host case-
// insensitive, port/transport/user/ttl/method/maddr must match when present
// in either, other parameters only when in both, headers never ignored,
// unreserved characters equal their %HH escapes).
void tst_Uri::rfc3261_19_1_2_sipBuilder_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("plain") << QByteArray("alice") << QByteArray("atlanta.com") << 0 << QByteArray()
                           << false << QByteArray("sip:alice@atlanta.com");
    QTest::addRow("space, port, params")
        << QByteArray("alice smith") << QByteArray("example.com") << 5070
        << QByteArray(";transport=tcp") << false
        << QByteArray("sip:alice%20smith@example.com:5070;transport=tcp");
    QTest::addRow("at sign") << QByteArray("bob@home") << QByteArray("example.com") << 0
                             << QByteArray() << false << QByteArray("sip:bob%40home@example.com");
    QTest::addRow("colon") << QByteArray("a:b") << QByteArray("example.com") << 0 << QByteArray()
                           << false << QByteArray("sip:a%3Ab@example.com");
    QTest::addRow("percent") << QByteArray("100%") << QByteArray("example.com") << 0 << QByteArray()
                             << false << QByteArray("sip:100%25@example.com");
    QTest::addRow("utf-8") << QByteArray("j\xc3\xbcrgen") << QByteArray("example.de") << 0
                           << QByteArray() << false << QByteArray("sip:j%C3%BCrgen@example.de");
    QTest::addRow("angle brackets and quote")
        << QByteArray("<\"x\">") << QByteArray("example.com") << 0 << QByteArray() << false
        << QByteArray("sip:%3C%22x%22%3E@example.com");
    QTest::addRow("user-unreserved kept")
        << QByteArray("+1-212-555-1212;isub=1") << QByteArray("gateway.com") << 0
        << QByteArray(";user=phone") << false
        << QByteArray("sip:+1-212-555-1212;isub=1@gateway.com;user=phone");
    QTest::addRow("no user, sips") << QByteArray() << QByteArray("example.com") << 5061
                                   << QByteArray() << true << QByteArray("sips:example.com:5061");
    QTest::addRow("IPv6 host") << QByteArray("alice") << QByteArray("[2001:db8::1]") << 5060
                               << QByteArray() << false
                               << QByteArray("sip:alice@[2001:db8::1]:5060");
}

void tst_Uri::rfc3261_19_1_2_sipBuilder()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, host);
    QFETCH(int, port);
    QFETCH(QByteArray, params);
    QFETCH(bool, secure);
    QFETCH(QByteArray, text);

    const Uri u = Uri::sip(user, host, port, params, secure);
    QVERIFY(u.isValid());
    QCOMPARE(u.toByteArray(), text);
    QCOMPARE(u.isSips(), secure);
    QCOMPARE(u.userDecoded(), user);
    QCOMPARE(u.hasUser(), !user.isEmpty());
    QCOMPARE(b(u.host()), host);
    QCOMPARE(u.port(), port);
    QCOMPARE(u.hasPort(), port > 0);
    QCOMPARE(b(u.params().text()), params);
    // What the builder writes parses back to an equivalent URI.
    const auto reparsed = Uri::parse(text);
    QVERIFY(reparsed);
    QVERIFY(reparsed->equivalentTo(u));
}

// addressOfRecord(): scheme:user@host, no password/port/params/headers, user
// decoded, host lower-cased (Uri.h).
void tst_Uri::addressOfRecord_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("aor");

    QTest::addRow("plain") << QByteArray("sip:alice@atlanta.com")
                           << QByteArray("sip:alice@atlanta.com");
    QTest::addRow("everything stripped")
        << QByteArray("sip:alice:secret@AtLanTa.CoM:5060;transport=tcp?subject=x")
        << QByteArray("sip:alice@atlanta.com");
    QTest::addRow("scheme lower-cased, user case kept")
        << QByteArray("SIPS:Bob@Biloxi.COM") << QByteArray("sips:Bob@biloxi.com");
    QTest::addRow("no user") << QByteArray("sip:Atlanta.com;method=REGISTER")
                             << QByteArray("sip:atlanta.com");
    QTest::addRow("IPv6") << QByteArray("sip:[2001:DB8::1]:5060")
                          << QByteArray("sip:[2001:db8::1]");
    QTest::addRow("user decoded") << QByteArray("sip:%61lice@atlanta.com")
                                  << QByteArray("sip:alice@atlanta.com");
    QTest::addRow("tel") << QByteArray("TEL:+1-201-555-0123;ext=1")
                         << QByteArray("tel:+1-201-555-0123");
    QTest::addRow("other") << QByteArray("mailto:alice@example.com")
                           << QByteArray("mailto:alice@example.com");
}

void tst_Uri::addressOfRecord()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, aor);
    const char *why = nullptr;
    const auto u = Uri::parse(text, &why);
    QVERIFY2(u, why);
    QCOMPARE(u->addressOfRecord(), aor);
}

// RFC 3261 §19.1.1: transport-param, compared case-insensitively (§19.1.4).
void tst_Uri::transportParam_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("transport");

    QTest::addRow("none") << QByteArray("sip:a@b.com") << QByteArray();
    QTest::addRow("udp") << QByteArray("sip:a@b.com;transport=udp") << QByteArray("udp");
    QTest::addRow("TCP lower-cased")
        << QByteArray("sip:a@b.com;transport=TCP") << QByteArray("tcp");
    QTest::addRow("name case") << QByteArray("sip:a@b.com;Transport=Tls") << QByteArray("tls");
    QTest::addRow("after others") << QByteArray("sip:a@b.com;lr;transport=sctp;x=1")
                                  << QByteArray("sctp");
    QTest::addRow("ws extension") << QByteArray("sip:a@b.com;transport=WS") << QByteArray("ws");
}

void tst_Uri::transportParam()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, transport);
    const auto u = Uri::parse(text);
    QVERIFY(u);
    QCOMPARE(u->transportParam(), transport);
}

// A URI parsed from part of a larger buffer (a header value inside a
// message) sees only its own bytes.
void tst_Uri::parseViewIntoLargerBuffer()
{
    const QByteArray owner("To: <sip:bob@biloxi.com;transport=tcp>;tag=1\r\n");
    const qsizetype start = owner.indexOf('<') + 1;
    const QByteArrayView view = QByteArrayView(owner).sliced(start, owner.indexOf('>') - start);

    const char *why = nullptr;
    const auto u = Uri::parse(view, owner, &why);
    QVERIFY2(u, why);
    QCOMPARE(b(u->text()), QByteArray("sip:bob@biloxi.com;transport=tcp"));
    QCOMPARE(u->params().count(), 1);
    QVERIFY(!u->hasParam("tag"));
    QCOMPARE(u->text().data(), view.data()); // a view, not a copy
}

// A Uri shares the bytes it was parsed from: it stays valid after the
// caller's buffer changes or goes away, and copies are independent.
void tst_Uri::copiesOutliveTheirSource()
{
    std::optional<Uri> copy;
    {
        QByteArray source("sip:alice:pw@atlanta.com:5070;transport=tcp?subject=x");
        const auto u = Uri::parse(source);
        QVERIFY(u);
        copy = *u;
        source.fill('X'); // detaches: the Uri keeps the original bytes
        QCOMPARE(b(u->host()), QByteArray("atlanta.com"));
    }
    QVERIFY(copy->isValid());
    QCOMPARE(copy->toByteArray(),
             QByteArray("sip:alice:pw@atlanta.com:5070;transport=tcp?subject=x"));
    QCOMPARE(b(copy->user()), QByteArray("alice"));
    QCOMPARE(b(copy->password()), QByteArray("pw"));
    QCOMPARE(b(copy->host()), QByteArray("atlanta.com"));
    QCOMPARE(copy->port(), 5070);
    QCOMPARE(copy->transportParam(), QByteArray("tcp"));
    QCOMPARE(b(copy->headers()), QByteArray("subject=x"));
}

void tst_Uri::defaultConstructedIsInvalid()
{
    const Uri u;
    QVERIFY(!u.isValid());
    QCOMPARE(u.scheme(), Uri::Scheme::None);
    QVERIFY(!u.isSip());
    QVERIFY(u.text().isEmpty());
    QVERIFY(!u.equivalentTo(u));
    const auto sip = Uri::parse(QByteArray("sip:a@b.com"));
    QVERIFY(!u.equivalentTo(*sip));
    QVERIFY(!sip->equivalentTo(u));
    // A builder given an invalid host yields an invalid Uri.
    QVERIFY(!Uri::sip("alice", "bad host").isValid());
    QVERIFY(!Uri::sip("alice", "example.com", 65536).isValid());
}

QTEST_GUILESS_MAIN(tst_Uri)
#include "tst_Uri.moc"
