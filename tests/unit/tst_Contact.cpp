// SPDX-License-Identifier: GPL-3.0-or-later
// sip::Contact: one Contact value (RFC 3261 §20.10): "*" or a name-addr /
// addr-spec with contact-params (q, expires, extensions such as
// +sip.instance of RFC 5626).

#include "message/Contact.h"
#include "message/Lex.h"
#include "message/Limits.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

constexpr qint64 kNoExpires = -1;

qint64 expiresOf(const Contact &c)
{
    return c.expires() ? qint64(*c.expires()) : kNoExpires;
}

} // namespace

class tst_Contact : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_10_contact_data();
    void rfc3261_20_10_contact();
    void rfc3261_10_2_2_wildcard_data();
    void rfc3261_10_2_2_wildcard();
    void rfc3261_20_19_expiresClamped_data();
    void rfc3261_20_19_expiresClamped();
    void rfc5626_instanceId_data();
    void rfc5626_instanceId();
    void rfc3261_20_10_invalid_data();
    void rfc3261_20_10_invalid();
};

// RFC 3261 §20.10 examples, and the addr-spec / name-addr forms.
void tst_Contact::rfc3261_20_10_contact_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<qint64>("expires");
    QTest::addColumn<QByteArray>("q");

    QTest::addRow("rfc 20.10 first")
        << QByteArray(
               R"("Mr. Watson" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600)")
        << QByteArray("sip:watson@worcester.bell-telephone.com") << QStringLiteral("Mr. Watson")
        << qint64(3600) << QByteArray("0.7");
    QTest::addRow("rfc 20.10 second")
        << QByteArray(R"("Mr. Watson" <mailto:watson@bell-telephone.com> ;q=0.1)")
        << QByteArray("mailto:watson@bell-telephone.com") << QStringLiteral("Mr. Watson")
        << kNoExpires << QByteArray("0.1");
    QTest::addRow("rfc 20.10 compact")
        << QByteArray("<sips:bob@192.0.2.4>;expires=60") << QByteArray("sips:bob@192.0.2.4")
        << QString() << qint64(60) << QByteArray();
    QTest::addRow("addr-spec with expires (header param)")
        << QByteArray("sip:alice@192.0.2.4;expires=120") << QByteArray("sip:alice@192.0.2.4")
        << QString() << qint64(120) << QByteArray();
    QTest::addRow("addr-spec plain")
        << QByteArray("sip:alice@pc33.atlanta.com") << QByteArray("sip:alice@pc33.atlanta.com")
        << QString() << kNoExpires << QByteArray();
    QTest::addRow("expires inside brackets is a URI param")
        << QByteArray("<sip:alice@192.0.2.4;expires=120>")
        << QByteArray("sip:alice@192.0.2.4;expires=120") << QString() << kNoExpires << QByteArray();
    QTest::addRow("expires 0 (remove binding)")
        << QByteArray("<sip:alice@192.0.2.4>;expires=0") << QByteArray("sip:alice@192.0.2.4")
        << QString() << qint64(0) << QByteArray();
    QTest::addRow("expires name case")
        << QByteArray("<sip:alice@192.0.2.4>;EXPIRES=30") << QByteArray("sip:alice@192.0.2.4")
        << QString() << qint64(30) << QByteArray();
    QTest::addRow("q 1.0") << QByteArray("<sip:a@b.com>;q=1.0") << QByteArray("sip:a@b.com")
                           << QString() << kNoExpires << QByteArray("1.0");
    QTest::addRow("token display name, LWS")
        << QByteArray(
               "  Alice Smith <sip:alice@192.0.2.4:5070;transport=tcp> ; q = 0.5 ; expires = 15 ")
        << QByteArray("sip:alice@192.0.2.4:5070;transport=tcp") << QStringLiteral("Alice Smith")
        << qint64(15) << QByteArray("0.5");
}

void tst_Contact::rfc3261_20_10_contact()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, uri);
    QFETCH(QString, displayName);
    QFETCH(qint64, expires);
    QFETCH(QByteArray, q);

    const char *why = nullptr;
    const auto c = Contact::parse(text, text, &why);
    QVERIFY2(c, why);
    QVERIFY(!c->isWildcard());
    QCOMPARE(b(c->uri().text()), uri);
    QCOMPARE(b(c->address().uri().text()), uri);
    QCOMPARE(c->address().displayName(), displayName);
    QCOMPARE(expiresOf(*c), expires);
    QCOMPARE(b(c->q()), q);
}

// RFC 3261 §10.2.2: "Contact: *" removes all bindings (with Expires: 0).
void tst_Contact::rfc3261_10_2_2_wildcard_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("wildcard");

    QTest::addRow("star") << QByteArray("*") << true << true;
    QTest::addRow("star with LWS") << QByteArray(" \t* ") << true << true;
    QTest::addRow("star with params") << QByteArray("*;expires=0") << false << false;
    QTest::addRow("two stars") << QByteArray("**") << false << false;
    QTest::addRow("star in brackets") << QByteArray("<*>") << false << false;
    QTest::addRow("address") << QByteArray("<sip:a@b.com>") << true << false;
}

void tst_Contact::rfc3261_10_2_2_wildcard()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, wildcard);

    const char *why = nullptr;
    const auto c = Contact::parse(text, text, &why);
    QCOMPARE(c.has_value(), valid);
    if (!valid) {
        QVERIFY(why && *why);
        return;
    }
    QCOMPARE(c->isWildcard(), wildcard);
    if (wildcard) {
        QVERIFY(!c->uri().isValid());
        QVERIFY(!c->expires());
        QVERIFY(c->q().isEmpty());
    }
}

// RFC 3261 §20.10 / §20.19: contact-expires = "expires" EQUAL delta-seconds;
// "If a value larger than 2**32-1 is received, treat it as 2**32-1".
void tst_Contact::rfc3261_20_19_expiresClamped_data()
{
    QTest::addColumn<QByteArray>("expires");
    QTest::addColumn<quint32>("value");

    QTest::addRow("3600") << QByteArray("3600") << quint32(3600);
    QTest::addRow("leading zeros") << QByteArray("00060") << quint32(60);
    QTest::addRow("2^32 - 2") << QByteArray("4294967294") << quint32(4294967294u);
    QTest::addRow("2^32 - 1") << QByteArray("4294967295") << quint32(4294967295u);
    QTest::addRow("2^32") << QByteArray("4294967296") << limits::kMaxExpires;
    QTest::addRow("10^18") << QByteArray("1000000000000000000") << limits::kMaxExpires;
    QTest::addRow("19 nines") << QByteArray("9999999999999999999") << limits::kMaxExpires;
    QTest::addRow("30 digits") << QByteArray("123456789012345678901234567890")
                               << limits::kMaxExpires;
}

void tst_Contact::rfc3261_20_19_expiresClamped()
{
    QFETCH(QByteArray, expires);
    QFETCH(quint32, value);

    const QByteArray text = "<sip:alice@192.0.2.4>;expires=" + expires;
    const char *why = nullptr;
    const auto c = Contact::parse(text, text, &why);
    QVERIFY2(c, why);
    QVERIFY(c->expires());
    QCOMPARE(*c->expires(), value);
}

// RFC 5626 §4.1: +sip.instance="<urn:uuid:...>" (a quoted-string, kept
// quoted by the parameter list) and reg-id.
void tst_Contact::rfc5626_instanceId_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("instance");
    QTest::addColumn<QByteArray>("regId");

    QTest::addRow("rfc5626 example")
        << QByteArray(R"(<sip:line1@192.0.2.2;transport=tcp>; reg-id=1;)"
                      R"(+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>")")
        << QByteArray("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>") << QByteArray("1");
    QTest::addRow("with expires and q")
        << QByteArray(
               R"("Alice" <sip:alice@192.0.2.4>;+sip.instance="<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";expires=3600;q=0.9)")
        << QByteArray("<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>") << QByteArray();
    QTest::addRow("semicolon and comma inside the quotes")
        << QByteArray(R"(<sip:a@b.com>;+sip.instance="<urn:x;y,z>";reg-id=2)")
        << QByteArray("<urn:x;y,z>") << QByteArray("2");
    QTest::addRow("absent") << QByteArray("<sip:a@b.com>;expires=5") << QByteArray()
                            << QByteArray();
}

void tst_Contact::rfc5626_instanceId()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, instance);
    QFETCH(QByteArray, regId);

    const char *why = nullptr;
    const auto c = Contact::parse(text, text, &why);
    QVERIFY2(c, why);
    const QByteArrayView raw = c->address().param("+sip.instance");
    QCOMPARE(lex::unquote(raw), instance);
    if (!instance.isEmpty())
        QVERIFY(raw.startsWith('"') && raw.endsWith('"'));
    QCOMPARE(b(c->address().param("reg-id")), regId);
    QCOMPARE(b(c->address().param("+SIP.INSTANCE")), b(raw));
}

void tst_Contact::rfc3261_20_10_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("expires not a number") << QByteArray("<sip:a@b.com>;expires=abc");
    QTest::addRow("expires negative") << QByteArray("<sip:a@b.com>;expires=-1");
    QTest::addRow("expires fraction") << QByteArray("<sip:a@b.com>;expires=1.5");
    QTest::addRow("expires without value") << QByteArray("<sip:a@b.com>;expires");
    QTest::addRow("expires empty") << QByteArray("<sip:a@b.com>;expires=");
    QTest::addRow("expires quoted") << QByteArray("<sip:a@b.com>;expires=\"60\"");
    QTest::addRow("addr-spec expires not a number") << QByteArray("sip:a@b.com;expires=x");
    QTest::addRow("bad URI") << QByteArray("<sip:@b.com>");
    QTest::addRow("missing >") << QByteArray("<sip:a@b.com;expires=60");
    QTest::addRow("unterminated quoted display name") << QByteArray("\"Alice <sip:a@b.com>");
    QTest::addRow("addr-spec with ?") << QByteArray("sip:a@b.com?subject=x");
    QTest::addRow("unterminated +sip.instance")
        << QByteArray("<sip:a@b.com>;+sip.instance=\"<urn:x>");
}

void tst_Contact::rfc3261_20_10_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto c = Contact::parse(text, text, &why);
    QVERIFY(!c);
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!Contact::parse(text, text)); // a null `why` is allowed
}

QTEST_GUILESS_MAIN(tst_Contact)
#include "tst_Contact.moc"
