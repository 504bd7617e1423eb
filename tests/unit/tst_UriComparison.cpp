// SPDX-License-Identifier: GPL-3.0-or-later
// URI comparison: RFC 3261 §19.1.4 (sip/sips) and RFC 3966 §4 (tel).

#include "message/Uri.h"

#include <QTest>

using namespace sip;

class tst_UriComparison : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_19_1_4_comparison_data();
    void rfc3261_19_1_4_comparison();
    void rfc3261_19_1_4_intransitive();
    void rfc3966_4_telComparison_data();
    void rfc3966_4_telComparison();
};

void tst_UriComparison::rfc3261_19_1_4_comparison_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equivalent");

    // The RFC's equivalent pairs.
    QTest::addRow("rfc: escape, host case, param case")
        << QByteArray("sip:%61lice@atlanta.com;transport=TCP")
        << QByteArray("sip:alice@AtLanTa.CoM;Transport=tcp") << true;
    QTest::addRow("rfc: newparam in one only")
        << QByteArray("sip:carol@chicago.com") << QByteArray("sip:carol@chicago.com;newparam=5")
        << true;
    QTest::addRow("rfc: security in one only")
        << QByteArray("sip:carol@chicago.com") << QByteArray("sip:carol@chicago.com;security=on")
        << true;
    QTest::addRow("rfc: disjoint params")
        << QByteArray("sip:carol@chicago.com;newparam=5")
        << QByteArray("sip:carol@chicago.com;security=on") << true;
    QTest::addRow("rfc: param order")
        << QByteArray("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com")
        << QByteArray("sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")
        << true;
    QTest::addRow("rfc: header order")
        << QByteArray("sip:alice@atlanta.com?subject=project%20x&priority=urgent")
        << QByteArray("sip:alice@atlanta.com?priority=urgent&subject=project%20x") << true;

    // The RFC's non-equivalent pairs.
    QTest::addRow("rfc: user case") << QByteArray("SIP:ALICE@AtLanTa.CoM;Transport=udp")
                                    << QByteArray("sip:alice@AtLanTa.CoM;Transport=UDP") << false;
    QTest::addRow("rfc: port absent vs 5060")
        << QByteArray("sip:bob@biloxi.com") << QByteArray("sip:bob@biloxi.com:5060") << false;
    QTest::addRow("rfc: transport absent vs udp")
        << QByteArray("sip:bob@biloxi.com") << QByteArray("sip:bob@biloxi.com;transport=udp")
        << false;
    QTest::addRow("rfc: port and transport")
        << QByteArray("sip:bob@biloxi.com") << QByteArray("sip:bob@biloxi.com:6000;transport=tcp")
        << false;
    QTest::addRow("rfc: header in one only")
        << QByteArray("sip:carol@chicago.com")
        << QByteArray("sip:carol@chicago.com?Subject=next%20meeting") << false;
    QTest::addRow("rfc: name vs address")
        << QByteArray("sip:bob@phone21.boxesbybob.com") << QByteArray("sip:bob@192.0.2.4") << false;

    // Further rules of the section.
    QTest::addRow("identical") << QByteArray("sip:alice@atlanta.com")
                               << QByteArray("sip:alice@atlanta.com") << true;
    QTest::addRow("scheme case") << QByteArray("SIP:alice@atlanta.com")
                                 << QByteArray("sip:alice@atlanta.com") << true;
    QTest::addRow("sip vs sips") << QByteArray("sip:alice@atlanta.com")
                                 << QByteArray("sips:alice@atlanta.com") << false;
    QTest::addRow("user vs no user")
        << QByteArray("sip:atlanta.com") << QByteArray("sip:alice@atlanta.com") << false;
    QTest::addRow("password case") << QByteArray("sip:alice:Secret@atlanta.com")
                                   << QByteArray("sip:alice:secret@atlanta.com") << false;
    QTest::addRow("password vs none") << QByteArray("sip:alice:secret@atlanta.com")
                                      << QByteArray("sip:alice@atlanta.com") << false;
    QTest::addRow("escape hex case")
        << QByteArray("sip:a%3bb@atlanta.com") << QByteArray("sip:a%3Bb@atlanta.com") << true;
    QTest::addRow("same port") << QByteArray("sip:bob@biloxi.com:5060")
                               << QByteArray("sip:bob@BILOXI.com:5060") << true;
    QTest::addRow("different ports")
        << QByteArray("sip:bob@biloxi.com:5060") << QByteArray("sip:bob@biloxi.com:5070") << false;
    QTest::addRow("port 0 vs absent")
        << QByteArray("sip:bob@biloxi.com:0") << QByteArray("sip:bob@biloxi.com") << false;
    QTest::addRow("IPv6 case") << QByteArray("sip:[2001:DB8::1]") << QByteArray("sip:[2001:db8::1]")
                               << true;
    QTest::addRow("user param in one only")
        << QByteArray("sip:+1234@gw.com;user=phone") << QByteArray("sip:+1234@gw.com") << false;
    QTest::addRow("ttl in one only")
        << QByteArray("sip:a@b.com;ttl=15") << QByteArray("sip:a@b.com") << false;
    QTest::addRow("method in one only")
        << QByteArray("sip:a@b.com;method=INVITE") << QByteArray("sip:a@b.com") << false;
    QTest::addRow("method case") << QByteArray("sip:a@b.com;method=INVITE")
                                 << QByteArray("sip:a@b.com;method=invite") << true;
    QTest::addRow("maddr in one only")
        << QByteArray("sip:a@b.com;maddr=239.255.255.1") << QByteArray("sip:a@b.com") << false;
    QTest::addRow("transport differs") << QByteArray("sip:a@b.com;transport=tcp")
                                       << QByteArray("sip:a@b.com;transport=udp") << false;
    QTest::addRow("escaped param value") << QByteArray("sip:a@b.com;transport=%74cp")
                                         << QByteArray("sip:a@b.com;transport=TCP") << true;
    QTest::addRow("escaped param name") << QByteArray("sip:a@b.com;%74ransport=tcp")
                                        << QByteArray("sip:a@b.com;transport=tcp") << true;
    QTest::addRow("lr in one only")
        << QByteArray("sip:a@b.com;lr") << QByteArray("sip:a@b.com") << true;
    QTest::addRow("other param differs")
        << QByteArray("sip:a@b.com;foo=1") << QByteArray("sip:a@b.com;foo=2") << false;
    QTest::addRow("header name case")
        << QByteArray("sip:a@b.com?Subject=x") << QByteArray("sip:a@b.com?subject=x") << true;
    QTest::addRow("header escaped vs plain")
        << QByteArray("sip:a@b.com?subject=%61") << QByteArray("sip:a@b.com?subject=a") << true;
    QTest::addRow("header values differ")
        << QByteArray("sip:a@b.com?subject=a") << QByteArray("sip:a@b.com?subject=b") << false;
    QTest::addRow("extra header") << QByteArray("sip:a@b.com?subject=a")
                                  << QByteArray("sip:a@b.com?subject=a&priority=urgent") << false;
    // "Characters other than those in the reserved set (see RFC 2396) are
    // equivalent to their "%" HEX HEX encoding": reserved ones are not.
    QTest::addRow("reserved char vs its escape")
        << QByteArray("sip:alice%3Bday@atlanta.com") << QByteArray("sip:alice;day@atlanta.com")
        << false;
    QTest::addRow("sip vs tel") << QByteArray("sip:+12015550123@gw.com")
                                << QByteArray("tel:+12015550123") << false;
    QTest::addRow("other scheme case")
        << QByteArray("MAILTO:Alice@Example.com") << QByteArray("mailto:alice@example.com") << true;
    QTest::addRow("other scheme differs")
        << QByteArray("mailto:alice@example.com") << QByteArray("mailto:bob@example.com") << false;
}

void tst_UriComparison::rfc3261_19_1_4_comparison()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equivalent);

    const char *why = nullptr;
    const auto ua = Uri::parse(a, &why);
    QVERIFY2(ua, why);
    const auto ub = Uri::parse(b, &why);
    QVERIFY2(ub, why);
    QVERIFY(ua->equivalentTo(*ua));
    QVERIFY(ub->equivalentTo(*ub));
    // The comparison is symmetric.
    QCOMPARE(ua->equivalentTo(*ub), equivalent);
    QCOMPARE(ub->equivalentTo(*ua), equivalent);
}

// RFC 3261 §19.1.4: "the comparison ... is not transitive":
// sip:carol@chicago.com equals both ;security=on and ;security=off, which
// differ from each other.
void tst_UriComparison::rfc3261_19_1_4_intransitive()
{
    const auto plain = Uri::parse(QByteArray("sip:carol@chicago.com"));
    const auto on = Uri::parse(QByteArray("sip:carol@chicago.com;security=on"));
    const auto off = Uri::parse(QByteArray("sip:carol@chicago.com;security=off"));
    QVERIFY(plain && on && off);
    QVERIFY(plain->equivalentTo(*on));
    QVERIFY(plain->equivalentTo(*off));
    QVERIFY(!on->equivalentTo(*off));
    QVERIFY(!off->equivalentTo(*on));
}

// RFC 3966 §4: visual separators are ignored, parameters compare by name in
// any order, and a parameter present in only one URI makes them differ.
void tst_UriComparison::rfc3966_4_telComparison_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equivalent");

    QTest::addRow("dashes vs none")
        << QByteArray("tel:+1-201-555-0123") << QByteArray("tel:+12015550123") << true;
    QTest::addRow("dots vs dashes")
        << QByteArray("tel:+1.201.555.0123") << QByteArray("tel:+1-201-555-0123") << true;
    QTest::addRow("parens") << QByteArray("tel:+1(201)555-0123") << QByteArray("tel:+12015550123")
                            << true;
    QTest::addRow("scheme case") << QByteArray("TEL:+12015550123") << QByteArray("tel:+12015550123")
                                 << true;
    QTest::addRow("different digits")
        << QByteArray("tel:+12015550123") << QByteArray("tel:+12015550124") << false;
    QTest::addRow("global vs local")
        << QByteArray("tel:+12015550123") << QByteArray("tel:12015550123") << false;
    QTest::addRow("param order") << QByteArray("tel:7042;phone-context=example.com;ext=1")
                                 << QByteArray("tel:7042;ext=1;phone-context=example.com") << true;
    QTest::addRow("param case") << QByteArray("tel:7042;phone-context=example.com")
                                << QByteArray("tel:7042;PHONE-CONTEXT=Example.COM") << true;
    QTest::addRow("param in one only")
        << QByteArray("tel:+12015550123;ext=1234") << QByteArray("tel:+12015550123") << false;
    QTest::addRow("param value differs")
        << QByteArray("tel:7042;phone-context=example.com")
        << QByteArray("tel:7042;phone-context=example.net") << false;
    QTest::addRow("hex digits case") << QByteArray("tel:12AB;phone-context=example.com")
                                     << QByteArray("tel:12ab;phone-context=example.com") << true;
}

void tst_UriComparison::rfc3966_4_telComparison()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equivalent);

    const char *why = nullptr;
    const auto ua = Uri::parse(a, &why);
    QVERIFY2(ua, why);
    const auto ub = Uri::parse(b, &why);
    QVERIFY2(ub, why);
    QCOMPARE(ua->equivalentTo(*ub), equivalent);
    QCOMPARE(ub->equivalentTo(*ua), equivalent);
}

// RFC 3261 §19.1.2: the user part escapes every character outside
// unreserved / user-unreserved.
QTEST_GUILESS_MAIN(tst_UriComparison)
#include "tst_UriComparison.moc"
