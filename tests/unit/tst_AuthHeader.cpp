// SPDX-License-Identifier: GPL-3.0-or-later
// sip::AuthHeader: WWW-Authenticate / Proxy-Authenticate challenges,
// Authorization / Proxy-Authorization credentials and Authentication-Info
// (RFC 3261 §20.6, §20.7, §20.27, §20.28, §20.44, §25.1; RFC 7616).

#include "message/AuthHeader.h"

#include <QTest>

using namespace sip;

namespace {

// RFC 7616 §3.9.1 (SHA-256 and MD5 examples).
const QByteArray kRfc7616Nonce("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");
const QByteArray kRfc7616Opaque("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
const QByteArray kRfc7616Cnonce("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

QByteArray rfc7616Challenge(const QByteArray &algorithm)
{
    return "Digest\r\n    realm=\"http-auth@example.org\",\r\n    qop=\"auth, auth-int\",\r\n"
           "    algorithm=" +
           algorithm + ",\r\n    nonce=\"" + kRfc7616Nonce + "\",\r\n    opaque=\"" +
           kRfc7616Opaque + "\"";
}

} // namespace

class tst_AuthHeader : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_44_challenge_data();
    void rfc3261_20_44_challenge();
    void rfc3261_20_7_credentials_data();
    void rfc3261_20_7_credentials();
    void rfc7616_3_3_algorithmDefault_data();
    void rfc7616_3_3_algorithmDefault();
    void rfc7616_3_3_qopList_data();
    void rfc7616_3_3_qopList();
    void rfc7616_3_3_stale_data();
    void rfc7616_3_3_stale();
    void rfc3261_20_6_authenticationInfo_data();
    void rfc3261_20_6_authenticationInfo();
    void rfc3261_25_1_authParams_data();
    void rfc3261_25_1_authParams();
    void rfc3261_25_1_invalid_data();
    void rfc3261_25_1_invalid();
};

// RFC 3261 §20.27 (Proxy-Authenticate), §20.44 (WWW-Authenticate) and
// RFC 7616 §3.9.1 / §3.9.2 challenges.
void tst_AuthHeader::rfc3261_20_44_challenge_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("scheme");
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<bool>("hasOpaque");
    QTest::addColumn<QByteArray>("opaque");
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArrayList>("qop");
    QTest::addColumn<bool>("stale");
    QTest::addColumn<int>("paramCount");

    QTest::addRow("rfc 20.44 WWW-Authenticate")
        << QByteArray("Digest realm=\"atlanta.com\",\r\n  domain=\"sip:boxesbybob.com\", "
                      "qop=\"auth\",\r\n  nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n  "
                      "opaque=\"\", stale=FALSE, algorithm=MD5")
        << QByteArray("Digest") << QByteArray("atlanta.com")
        << QByteArray("f84f1cec41e6cbe5aea9c8e88d359") << true << QByteArray() << QByteArray("MD5")
        << QByteArrayList{"auth"} << false << 7;
    QTest::addRow("rfc 20.27 Proxy-Authenticate")
        << QByteArray("Digest realm=\"atlanta.com\", domain=\"sip:ss1.carrier.com\", qop=\"auth\", "
                      "nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, "
                      "algorithm=MD5")
        << QByteArray("Digest") << QByteArray("atlanta.com")
        << QByteArray("f84f1cec41e6cbe5aea9c8e88d359") << true << QByteArray() << QByteArray("MD5")
        << QByteArrayList{"auth"} << false << 7;
    QTest::addRow("rfc7616 3.9.1 SHA-256")
        << rfc7616Challenge("SHA-256") << QByteArray("Digest")
        << QByteArray("http-auth@example.org") << kRfc7616Nonce << true << kRfc7616Opaque
        << QByteArray("SHA-256") << QByteArrayList{"auth", "auth-int"} << false << 5;
    QTest::addRow("rfc7616 3.9.1 MD5")
        << rfc7616Challenge("MD5") << QByteArray("Digest") << QByteArray("http-auth@example.org")
        << kRfc7616Nonce << true << kRfc7616Opaque << QByteArray("MD5")
        << QByteArrayList{"auth", "auth-int"} << false << 5;
    QTest::addRow("rfc7616 3.9.2 userhash")
        << QByteArray("Digest realm=\"api@example.org\", qop=\"auth\", algorithm=SHA-512-256, "
                      "nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", "
                      "opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\", charset=UTF-8, "
                      "userhash=true")
        << QByteArray("Digest") << QByteArray("api@example.org")
        << QByteArray("5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK") << true
        << QByteArray("HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS") << QByteArray("SHA-512-256")
        << QByteArrayList{"auth"} << false << 7;
    QTest::addRow("minimal, stale")
        << QByteArray("Digest realm=\"biloxi.com\", nonce=\"abc\", stale=TRUE")
        << QByteArray("Digest") << QByteArray("biloxi.com") << QByteArray("abc") << false
        << QByteArray() << QByteArray("MD5") << QByteArrayList{} << true << 3;
    QTest::addRow("scheme case kept")
        << QByteArray("DIGEST realm=\"r\", nonce=\"n\"") << QByteArray("DIGEST") << QByteArray("r")
        << QByteArray("n") << false << QByteArray() << QByteArray("MD5") << QByteArrayList{}
        << false << 2;
}

void tst_AuthHeader::rfc3261_20_44_challenge()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, scheme);
    QFETCH(QByteArray, realm);
    QFETCH(QByteArray, nonce);
    QFETCH(bool, hasOpaque);
    QFETCH(QByteArray, opaque);
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArrayList, qop);
    QFETCH(bool, stale);
    QFETCH(int, paramCount);

    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, true, &why);
    QVERIFY2(h, why);
    QCOMPARE(h->scheme(), scheme);
    QVERIFY(h->isDigest());
    QCOMPARE(h->realm(), realm);
    QCOMPARE(h->nonce(), nonce);
    QCOMPARE(h->has("opaque"), hasOpaque);
    QCOMPARE(h->opaque(), opaque);
    QCOMPARE(h->algorithm(), algorithm);
    QCOMPARE(h->qopList(), qop);
    QCOMPARE(h->stale(), stale);
    QCOMPARE(h->params().size(), paramCount);
}

// RFC 3261 §20.7 (Authorization), §20.28 (Proxy-Authorization) and
// RFC 7616 §3.9.1 / §3.9.2 credentials.
void tst_AuthHeader::rfc3261_20_7_credentials_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("username");
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArrayList>("qop");
    QTest::addColumn<QByteArray>("cnonce");
    QTest::addColumn<QByteArray>("nc");

    QTest::addRow("rfc 20.7 Authorization")
        << QByteArray("Digest username=\"Alice\", realm=\"atlanta.com\",\r\n "
                      "nonce=\"84a4cc6f3082121f32b42a2187831a9e\",\r\n "
                      "response=\"7587245234b3434cc3412213e5f113a5432\"")
        << QByteArray("Alice") << QByteArray("atlanta.com")
        << QByteArray("84a4cc6f3082121f32b42a2187831a9e") << QByteArray()
        << QByteArray("7587245234b3434cc3412213e5f113a5432") << QByteArray("MD5")
        << QByteArrayList{} << QByteArray() << QByteArray();
    QTest::addRow("rfc 20.28 Proxy-Authorization")
        << QByteArray("Digest username=\"Alice\", realm=\"atlanta.com\",\r\n "
                      "nonce=\"c60f3082ee1212b402a21831ae\",\r\n "
                      "response=\"245f23415f11432b3434341c022\"")
        << QByteArray("Alice") << QByteArray("atlanta.com")
        << QByteArray("c60f3082ee1212b402a21831ae") << QByteArray()
        << QByteArray("245f23415f11432b3434341c022") << QByteArray("MD5") << QByteArrayList{}
        << QByteArray() << QByteArray();
    QTest::addRow("rfc7616 3.9.1 SHA-256")
        << QByteArray("Digest username=\"Mufasa\",\r\n    realm=\"http-auth@example.org\",\r\n"
                      "    uri=\"/dir/index.html\",\r\n    algorithm=SHA-256,\r\n    nonce=\"" +
                      kRfc7616Nonce + "\",\r\n    nc=00000001,\r\n    cnonce=\"" + kRfc7616Cnonce +
                      "\",\r\n    qop=auth,\r\n    response=\"753927fa0e85d155564e2e272a28d180"
                      "2ca10daf4496794697cf8db5856cb6c1\",\r\n    opaque=\"" +
                      kRfc7616Opaque + "\"")
        << QByteArray("Mufasa") << QByteArray("http-auth@example.org") << kRfc7616Nonce
        << QByteArray("/dir/index.html")
        << QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
        << QByteArray("SHA-256") << QByteArrayList{"auth"} << kRfc7616Cnonce
        << QByteArray("00000001");
    QTest::addRow("rfc7616 3.9.1 MD5")
        << QByteArray("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
                      "uri=\"/dir/index.html\", algorithm=MD5, nonce=\"" +
                      kRfc7616Nonce + "\", nc=00000001, cnonce=\"" + kRfc7616Cnonce +
                      "\", qop=auth, response=\"8ca523f5e9506fed4657c9700eebdbec\", opaque=\"" +
                      kRfc7616Opaque + "\"")
        << QByteArray("Mufasa") << QByteArray("http-auth@example.org") << kRfc7616Nonce
        << QByteArray("/dir/index.html") << QByteArray("8ca523f5e9506fed4657c9700eebdbec")
        << QByteArray("MD5") << QByteArrayList{"auth"} << kRfc7616Cnonce << QByteArray("00000001");
    QTest::addRow("rfc7616 3.9.2 userhash")
        << QByteArray(
               "Digest "
               "username=\"488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec\", "
               "realm=\"api@example.org\", uri=\"/doe.json\", algorithm=SHA-512-256, "
               "nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", nc=00000001, "
               "cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\", qop=auth, "
               "response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\", "
               "opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\", userhash=true")
        << QByteArray("488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec")
        << QByteArray("api@example.org")
        << QByteArray("5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK") << QByteArray("/doe.json")
        << QByteArray("ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd")
        << QByteArray("SHA-512-256") << QByteArrayList{"auth"}
        << QByteArray("NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v") << QByteArray("00000001");
    QTest::addRow("SIP request-URI in uri")
        << QByteArray("Digest username=\"bob\", realm=\"biloxi.com\", "
                      "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
                      "uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", "
                      "response=\"6629fae49393a05397450978507c4ef1\", "
                      "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")
        << QByteArray("bob") << QByteArray("biloxi.com")
        << QByteArray("dcd98b7102dd2f0e8b11d0f600bfb0c093") << QByteArray("sip:bob@biloxi.com")
        << QByteArray("6629fae49393a05397450978507c4ef1") << QByteArray("MD5")
        << QByteArrayList{"auth"} << QByteArray("0a4f113b") << QByteArray("00000001");
}

void tst_AuthHeader::rfc3261_20_7_credentials()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, username);
    QFETCH(QByteArray, realm);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArrayList, qop);
    QFETCH(QByteArray, cnonce);
    QFETCH(QByteArray, nc);

    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, true, &why);
    QVERIFY2(h, why);
    QVERIFY(h->isDigest());
    QCOMPARE(h->username(), username);
    QCOMPARE(h->realm(), realm);
    QCOMPARE(h->nonce(), nonce);
    QCOMPARE(h->uri(), uri);
    QCOMPARE(h->response(), response);
    QCOMPARE(h->algorithm(), algorithm);
    QCOMPARE(h->qopList(), qop);
    QCOMPARE(h->cnonce(), cnonce);
    QCOMPARE(h->nonceCount(), nc);
}

// RFC 7616 §3.3: "If this is not present, it is assumed to be "MD5"".
void tst_AuthHeader::rfc7616_3_3_algorithmDefault_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("algorithm");

    QTest::addRow("absent") << QByteArray("Digest realm=\"r\", nonce=\"n\"") << QByteArray("MD5");
    QTest::addRow("MD5") << QByteArray("Digest realm=\"r\", algorithm=MD5") << QByteArray("MD5");
    QTest::addRow("MD5-sess") << QByteArray("Digest realm=\"r\", algorithm=MD5-sess")
                              << QByteArray("MD5-sess");
    QTest::addRow("SHA-256") << QByteArray("Digest realm=\"r\", algorithm=SHA-256")
                             << QByteArray("SHA-256");
    QTest::addRow("SHA-512-256-sess")
        << QByteArray("Digest realm=\"r\", algorithm=SHA-512-256-sess")
        << QByteArray("SHA-512-256-sess");
    QTest::addRow("quoted (lenient)")
        << QByteArray("Digest realm=\"r\", algorithm=\"SHA-256\"") << QByteArray("SHA-256");
    QTest::addRow("case kept") << QByteArray("Digest realm=\"r\", ALGORITHM=sha-256")
                               << QByteArray("sha-256");
}

void tst_AuthHeader::rfc7616_3_3_algorithmDefault()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, algorithm);
    const auto h = AuthHeader::parse(text);
    QVERIFY(h);
    QCOMPARE(h->algorithm(), algorithm);
}

// RFC 7616 §3.3: qop = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT
// in a challenge; the chosen qop-value (a token) in credentials (§3.4).
void tst_AuthHeader::rfc7616_3_3_qopList_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("qop");

    QTest::addRow("absent") << QByteArray("Digest realm=\"r\"") << QByteArrayList{};
    QTest::addRow("one") << QByteArray("Digest qop=\"auth\"") << QByteArrayList{"auth"};
    QTest::addRow("two with space")
        << QByteArray("Digest qop=\"auth, auth-int\"") << QByteArrayList{"auth", "auth-int"};
    QTest::addRow("two without space")
        << QByteArray("Digest qop=\"auth,auth-int\"") << QByteArrayList{"auth", "auth-int"};
    QTest::addRow("LWS and empty items")
        << QByteArray("Digest qop=\" auth ,, auth-int ,\"") << QByteArrayList{"auth", "auth-int"};
    QTest::addRow("token in credentials")
        << QByteArray("Digest qop=auth-int") << QByteArrayList{"auth-int"};
    QTest::addRow("empty quoted") << QByteArray("Digest qop=\"\"") << QByteArrayList{};
}

void tst_AuthHeader::rfc7616_3_3_qopList()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, qop);
    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, true, &why);
    QVERIFY2(h, why);
    QCOMPARE(h->qopList(), qop);
}

// RFC 7616 §3.3: stale "If stale is true (case-insensitive)" the nonce was
// stale; "If stale is false, or anything other than true, or the stale
// parameter is not present", the credentials were wrong.
void tst_AuthHeader::rfc7616_3_3_stale_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("stale");

    QTest::addRow("TRUE") << QByteArray("Digest realm=\"r\", stale=TRUE") << true;
    QTest::addRow("true") << QByteArray("Digest realm=\"r\", stale=true") << true;
    QTest::addRow("True") << QByteArray("Digest realm=\"r\", stale=True") << true;
    QTest::addRow("quoted true (lenient)")
        << QByteArray("Digest realm=\"r\", stale=\"true\"") << true;
    QTest::addRow("FALSE") << QByteArray("Digest realm=\"r\", stale=FALSE") << false;
    QTest::addRow("other token") << QByteArray("Digest realm=\"r\", stale=yes") << false;
    QTest::addRow("absent") << QByteArray("Digest realm=\"r\"") << false;
    QTest::addRow("name case") << QByteArray("Digest realm=\"r\", STALE=TRUE") << true;
}

void tst_AuthHeader::rfc7616_3_3_stale()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, stale);
    const auto h = AuthHeader::parse(text);
    QVERIFY(h);
    QCOMPARE(h->stale(), stale);
}

// RFC 3261 §20.6 / RFC 7616 §3.5: Authentication-Info has no scheme, just
// ainfo *(COMMA ainfo).
void tst_AuthHeader::rfc3261_20_6_authenticationInfo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("nextnonce");
    QTest::addColumn<QByteArray>("rspauth");
    QTest::addColumn<QByteArray>("cnonce");
    QTest::addColumn<QByteArray>("nc");
    QTest::addColumn<QByteArrayList>("qop");

    QTest::addRow("rfc 20.6 example") << QByteArray("nextnonce=\"47364c23432d2e131a5fb210812c\"")
                                      << QByteArray("47364c23432d2e131a5fb210812c") << QByteArray()
                                      << QByteArray() << QByteArray() << QByteArrayList{};
    QTest::addRow("all fields")
        << QByteArray("nextnonce=\"47364c23432d2e131a5fb210812c\", qop=auth, "
                      "rspauth=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", "
                      "nc=00000001")
        << QByteArray("47364c23432d2e131a5fb210812c")
        << QByteArray("6629fae49393a05397450978507c4ef1") << QByteArray("0a4f113b")
        << QByteArray("00000001") << QByteArrayList{"auth"};
    QTest::addRow("folded, order differs")
        << QByteArray("rspauth=\"abc\",\r\n cnonce=\"xyz\",\r\n nc=00000002,\r\n "
                      "nextnonce=\"n2\"")
        << QByteArray("n2") << QByteArray("abc") << QByteArray("xyz") << QByteArray("00000002")
        << QByteArrayList{};
}

void tst_AuthHeader::rfc3261_20_6_authenticationInfo()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, nextnonce);
    QFETCH(QByteArray, rspauth);
    QFETCH(QByteArray, cnonce);
    QFETCH(QByteArray, nc);
    QFETCH(QByteArrayList, qop);

    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, false, &why);
    QVERIFY2(h, why);
    QVERIFY(h->scheme().isEmpty());
    QVERIFY(!h->isDigest());
    QCOMPARE(h->nextNonce(), nextnonce);
    QCOMPARE(h->responseAuth(), rspauth);
    QCOMPARE(h->cnonce(), cnonce);
    QCOMPARE(h->nonceCount(), nc);
    QCOMPARE(h->qopList(), qop);

    // With a scheme expected, the first name is taken as the scheme and the
    // '=' after it is an error.
    QVERIFY(!AuthHeader::parse(text, true));
}

// RFC 3261 §25.1: auth-param = auth-param-name EQUAL ( token /
// quoted-string ); names case-insensitive, quoted values unquoted.
void tst_AuthHeader::rfc3261_25_1_authParams_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("scheme");
    QTest::addColumn<bool>("digest");
    QTest::addColumn<QByteArrayList>("names");
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<QList<bool>>("quoted");

    QTest::addRow("names lower-cased, values unquoted")
        << QByteArray("Digest Realm=\"Atlanta.com\", NONCE=abc") << QByteArray("Digest") << true
        << QByteArrayList{"realm", "nonce"} << QByteArrayList{"Atlanta.com", "abc"}
        << QList<bool>{true, false};
    QTest::addRow("LWS around =") << QByteArray("Digest realm = \"a\" ,nonce= b")
                                  << QByteArray("Digest") << true
                                  << QByteArrayList{"realm", "nonce"} << QByteArrayList{"a", "b"}
                                  << QList<bool>{true, false};
    QTest::addRow("escapes and commas in quotes")
        << QByteArray(R"(Digest realm="a\"b, c", domain="sip:a.com sip:b.com")")
        << QByteArray("Digest") << true << QByteArrayList{"realm", "domain"}
        << QByteArrayList{R"(a"b, c)", "sip:a.com sip:b.com"} << QList<bool>{true, true};
    QTest::addRow("empty quoted value")
        << QByteArray("Digest opaque=\"\"") << QByteArray("Digest") << true
        << QByteArrayList{"opaque"} << QByteArrayList{""} << QList<bool>{true};
    QTest::addRow("other scheme") << QByteArray("Basic realm=\"WallyWorld\"") << QByteArray("Basic")
                                  << false << QByteArrayList{"realm"}
                                  << QByteArrayList{"WallyWorld"} << QList<bool>{true};
    QTest::addRow("scheme only") << QByteArray("Digest") << QByteArray("Digest") << true
                                 << QByteArrayList{} << QByteArrayList{} << QList<bool>{};
    QTest::addRow("RFC 8760 username*")
        << QByteArray("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=\"api@example.org\"")
        << QByteArray("Digest") << true << QByteArrayList{"username*", "realm"}
        << QByteArrayList{"UTF-8''J%C3%A4s%C3%B8n%20Doe", "api@example.org"}
        << QList<bool>{false, true};
}

void tst_AuthHeader::rfc3261_25_1_authParams()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, scheme);
    QFETCH(bool, digest);
    QFETCH(QByteArrayList, names);
    QFETCH(QByteArrayList, values);
    QFETCH(QList<bool>, quoted);

    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, true, &why);
    QVERIFY2(h, why);
    QCOMPARE(h->scheme(), scheme);
    QCOMPARE(h->isDigest(), digest);
    QCOMPARE(h->params().size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        const AuthHeader::Param &p = h->params().at(i);
        QCOMPARE(p.name, names.at(i));
        QCOMPARE(p.value, values.at(i));
        QCOMPARE(p.quoted, quoted.at(i));
        QVERIFY(h->has(names.at(i)));
        QVERIFY(h->has(names.at(i).toUpper()));
        QCOMPARE(h->value(names.at(i).toUpper()), values.at(i));
    }
    QVERIFY(!h->has("absent"));
    QVERIFY(h->value("absent").isEmpty());
}

void tst_AuthHeader::rfc3261_25_1_invalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("withScheme");

    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("only LWS") << QByteArray("  ") << true;
    QTest::addRow("missing scheme") << QByteArray("realm=\"atlanta.com\", nonce=\"abc\"") << true;
    QTest::addRow("missing scheme, quoted first") << QByteArray("\"Digest\" realm=\"a\"") << true;
    QTest::addRow("scheme with separator") << QByteArray("Dig:est realm=\"a\"") << true;
    QTest::addRow("unbalanced quote")
        << QByteArray("Digest realm=\"atlanta.com, nonce=\"abc") << true;
    QTest::addRow("unterminated last value") << QByteArray("Digest realm=\"atlanta.com") << true;
    QTest::addRow("junk after quoted value") << QByteArray("Digest realm=\"a\"b") << true;
    QTest::addRow("param without value") << QByteArray("Digest realm") << true;
    QTest::addRow("param without name") << QByteArray("Digest =abc") << true;
    QTest::addRow("bad name") << QByteArray("Digest re@lm=abc") << true;
    QTest::addRow("value with space") << QByteArray("Digest realm=a b") << true;
    QTest::addRow("empty item") << QByteArray("Digest realm=\"a\",,nonce=\"b\"") << true;
    QTest::addRow("trailing comma") << QByteArray("Digest realm=\"a\",") << true;
    QTest::addRow("empty token value") << QByteArray("Digest realm=") << true;
    QTest::addRow("angle bracket unbalanced") << QByteArray("Digest uri=<sip:a@b") << true;
    QTest::addRow("info empty") << QByteArray() << false;
    QTest::addRow("info unbalanced quote") << QByteArray("nextnonce=\"abc") << false;
    QTest::addRow("info bare token") << QByteArray("nextnonce") << false;
}

void tst_AuthHeader::rfc3261_25_1_invalid()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, withScheme);
    const char *why = nullptr;
    const auto h = AuthHeader::parse(text, withScheme, &why);
    QVERIFY2(!h, h ? h->scheme().constData() : "");
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!AuthHeader::parse(text, withScheme)); // a null `why` is allowed
}

QTEST_GUILESS_MAIN(tst_AuthHeader)
#include "tst_AuthHeader.moc"
