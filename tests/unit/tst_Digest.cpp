// SPDX-License-Identifier: GPL-3.0-or-later
// Digest authentication: RFC 2617 §3.5 and RFC 7616 §3.9.1 example values,
// RFC 2069-style challenges, -sess, SHA-512/256 and challenge choice
// (RFC 8760 §2.4).

#include "auth/Digest.h"

#include <QTest>

using namespace sip;

class tst_Digest : public QObject
{
    Q_OBJECT

private slots:
    void rfc7616_hashes_data();
    void rfc7616_hashes();
    void rfc7616_3_9_1_and_rfc2617_3_5_examples_data();
    void rfc7616_3_9_1_and_rfc2617_3_5_examples();
    void rfc2069_noQop();
    void rfc7616_sessVariantWithNonceCount();
    void rfc8760_2_4_topmostSupportedChallenge();
    void authorizationHeaderParsesBack();
    void authIntOnlyIsRefused();
};

void tst_Digest::rfc7616_hashes_data()
{
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("MD5") << QByteArray("MD5") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
    QTest::addRow("SHA-256")
        << QByteArray("SHA-256")
        << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::addRow("SHA-512-256 (FIPS 180-4, through OpenSSL)")
        << QByteArray("SHA-512-256")
        << QByteArray("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    QTest::addRow("case-insensitive, -sess")
        << QByteArray("md5-SESS") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
}

void tst_Digest::rfc7616_hashes()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, expected);
    QCOMPARE(Digest::hash(algorithm, "abc").value_or("unsupported"), expected);
    QVERIFY(!Digest::hash("SHA-1", "abc"));
    QVERIFY(!Digest::isSupported("AKAv1-MD5"));
}

void tst_Digest::rfc7616_3_9_1_and_rfc2617_3_5_examples_data()
{
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("realm");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("cnonce");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("RFC 7616 §3.9.1 SHA-256")
        << QByteArray("SHA-256") << QByteArray("http-auth@example.org")
        << QByteArray("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")
        << QByteArray("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")
        << QByteArray("Circle of Life")
        << QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    QTest::addRow("RFC 7616 §3.9.1 MD5")
        << QByteArray("MD5") << QByteArray("http-auth@example.org")
        << QByteArray("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")
        << QByteArray("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")
        << QByteArray("Circle of Life") << QByteArray("8ca523f5e9506fed4657c9700eebdbec");
    QTest::addRow("RFC 2617 §3.5 MD5")
        << QByteArray("MD5") << QByteArray("testrealm@host.com")
        << QByteArray("dcd98b7102dd2f0e8b11d0f600bfb0c093") << QByteArray("0a4f113b")
        << QByteArray("Circle Of Life") << QByteArray("6629fae49393a05397450978507c4ef1");
}

void tst_Digest::rfc7616_3_9_1_and_rfc2617_3_5_examples()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, realm);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, cnonce);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, expected);
    Digest::Input in{"Mufasa", password, "GET", "/dir/index.html", cnonce, 1};
    QCOMPARE(Digest::response(algorithm, "auth", realm, nonce, in).value_or("unsupported"),
             expected);
}

void tst_Digest::rfc2069_noQop()
{
    const auto challenge = AuthHeader::parse("Digest realm=\"example.com\", nonce=\"abc\"");
    QVERIFY(challenge);
    Digest::Input in{"bob", "secret", "MESSAGE", "sip:bob@example.com", "unused", 1};
    const auto value = Digest::authorization(*challenge, in);
    QVERIFY(value);
    QCOMPARE(*value, QByteArray("Digest username=\"bob\", realm=\"example.com\", nonce=\"abc\", "
                                "uri=\"sip:bob@example.com\", "
                                "response=\"ba6ba787361d66148fcbe13f3c832bd2\", algorithm=MD5"));
}

void tst_Digest::rfc7616_sessVariantWithNonceCount()
{
    Digest::Input in{"bob", "secret", "REGISTER", "sip:example.com", "c1", 2};
    QCOMPARE(Digest::response("SHA-256-sess", "auth", "example.com", "n1", in).value_or(""),
             QByteArray("20f31a3bf5ad95fe0bfd9d215e0938d4601d2824ed53367b442144d040821bb6"));
}

void tst_Digest::rfc8760_2_4_topmostSupportedChallenge()
{
    QList<AuthHeader> challenges;
    for (const char *text :
         {"Basic realm=\"x\"", "Digest realm=\"x\", nonce=\"1\", algorithm=AKAv1-MD5",
          "Digest realm=\"x\", nonce=\"2\", algorithm=SHA-256, qop=\"auth-int\"",
          "Digest realm=\"x\", nonce=\"3\", algorithm=SHA-512-256, qop=\"auth\"",
          "Digest realm=\"x\", nonce=\"4\", algorithm=MD5"})
        challenges << *AuthHeader::parse(QByteArray(text));
    QCOMPARE(Digest::chooseChallenge(challenges), 3);
    QCOMPARE(Digest::chooseChallenge({}), -1);
}

void tst_Digest::authorizationHeaderParsesBack()
{
    const auto challenge = AuthHeader::parse(
        "Digest realm=\"example.com\", nonce=\"n\\\"q\", opaque=\"op\", qop=\"auth,auth-int\", "
        "algorithm=SHA-256");
    QVERIFY(challenge);
    Digest::Input in{"al\"ice", "pw", "MESSAGE", "sip:bob@example.com", "cn", 10};
    const auto value = Digest::authorization(*challenge, in);
    QVERIFY(value);
    const auto back = AuthHeader::parse(*value);
    QVERIFY(back);
    QCOMPARE(back->username(), QByteArray("al\"ice"));
    QCOMPARE(back->nonce(), QByteArray("n\"q"));
    QCOMPARE(back->opaque(), QByteArray("op"));
    QCOMPARE(back->qopList(), QList<QByteArray>{"auth"});
    QCOMPARE(back->nonceCount(), QByteArray("0000000a"));
    QCOMPARE(back->cnonce(), QByteArray("cn"));
    QCOMPARE(back->algorithm(), QByteArray("SHA-256"));
    QCOMPARE(back->response(),
             Digest::response("SHA-256", "auth", "example.com", "n\"q", in).value_or(""));
}

void tst_Digest::authIntOnlyIsRefused()
{
    const auto challenge = AuthHeader::parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"");
    Digest::Input in{"u", "p", "MESSAGE", "sip:x@y", "c", 1};
    QVERIFY(!Digest::authorization(*challenge, in));
}

QTEST_GUILESS_MAIN(tst_Digest)
#include "tst_Digest.moc"
