// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ContactKey.h"

#include "message/Uri.h"

#include <QtTest>

using namespace tidings;

class TestContactKey : public QObject
{
    Q_OBJECT

private slots:
    void key_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("key"); // empty: invalid

        // Host case, default port and parameters do not make another contact.
        QTest::newRow("plain") << "sip:bob@example.com"
                               << "sip:bob@example.com";
        QTest::newRow("host case") << "sip:bob@EXAMPLE.com"
                                   << "sip:bob@example.com";
        QTest::newRow("transport dropped") << "sip:bob@EXAMPLE.com;transport=tcp"
                                           << "sip:bob@example.com";
        QTest::newRow("all parameters dropped")
            << "sip:bob@example.com;user=phone;maddr=10.0.0.1;ttl=5;lr;method=MESSAGE"
            << "sip:bob@example.com";
        QTest::newRow("headers dropped") << "sip:bob@example.com?subject=hi&priority=urgent"
                                         << "sip:bob@example.com";
        QTest::newRow("password dropped") << "sip:bob:secret@example.com"
                                          << "sip:bob@example.com";
        QTest::newRow("scheme case") << "SIP:bob@example.com"
                                     << "sip:bob@example.com";
        QTest::newRow("angle brackets and space") << "  <sip:bob@example.com;transport=udp>  "
                                                  << "sip:bob@example.com";
        // Ports (RFC 3261 §19.1.2 defaults).
        QTest::newRow("default sip port") << "sip:bob@example.com:5060"
                                          << "sip:bob@example.com";
        QTest::newRow("other sip port") << "sip:bob@example.com:5070"
                                        << "sip:bob@example.com:5070";
        QTest::newRow("default sips port") << "sips:bob@example.com:5061"
                                           << "sips:bob@example.com";
        QTest::newRow("5060 is not the sips default") << "sips:bob@example.com:5060"
                                                      << "sips:bob@example.com:5060";
        QTest::newRow("5061 is not the sip default") << "sip:bob@example.com:5061"
                                                     << "sip:bob@example.com:5061";
        QTest::newRow("sips stays sips") << "sips:bob@example.com"
                                         << "sips:bob@example.com";
        // The user part keeps its case; escapes are normalized (§19.1.4).
        QTest::newRow("user case kept") << "sip:Bob@example.com"
                                        << "sip:Bob@example.com";
        QTest::newRow("unreserved escape decoded") << "sip:%42ob@example.com"
                                                   << "sip:Bob@example.com";
        QTest::newRow("lower-case hex of unreserved") << "sip:b%6fb@example.com"
                                                      << "sip:bob@example.com";
        QTest::newRow("reserved escape kept, hex upper-cased") << "sip:bob%3bx@example.com"
                                                               << "sip:bob%3Bx@example.com";
        QTest::newRow("escaped at-sign stays escaped") << "sip:bob%40home@example.com"
                                                       << "sip:bob%40home@example.com";
        QTest::newRow("UTF-8 user escaped upper-case") << "sip:j%c3%b6rg@example.com"
                                                       << "sip:j%C3%B6rg@example.com";
        QTest::newRow("telephone user") << "sip:+1-212-555-0100@gw.example.com;user=phone"
                                        << "sip:+1-212-555-0100@gw.example.com";
        QTest::newRow("no user part") << "sip:example.com"
                                      << "sip:example.com";
        // Hosts.
        QTest::newRow("IPv4") << "sip:bob@192.0.2.1:5060"
                              << "sip:bob@192.0.2.1";
        QTest::newRow("IPv6 loopback") << "sip:bob@[::1]"
                                       << "sip:bob@[::1]";
        QTest::newRow("IPv6 long form") << "sip:bob@[0:0:0:0:0:0:0:1]:5060"
                                        << "sip:bob@[::1]";
        QTest::newRow("IPv6 upper case") << "sip:bob@[2001:DB8::A]:5070;transport=tls"
                                         << "sip:bob@[2001:db8::a]:5070";
        QTest::newRow("IPv6 leading zeros") << "sips:bob@[2001:0db8:0000::0001]"
                                            << "sips:bob@[2001:db8::1]";
        // tel (RFC 3966).
        QTest::newRow("tel global") << "tel:+1-212-555-0100"
                                    << "tel:+12125550100";
        QTest::newRow("tel visual separators") << "tel:+1(212)555.0100"
                                               << "tel:+12125550100";
        QTest::newRow("tel drops other params") << "tel:+1-212-555-0100;ext=12"
                                                << "tel:+12125550100";
        QTest::newRow("tel local with context") << "tel:7042;phone-context=EXAMPLE.com"
                                                << "tel:7042;phone-context=example.com";
        QTest::newRow("tel local with global context") << "tel:7042;phone-context=+1-212"
                                                       << "tel:7042;phone-context=+1212";
        QTest::newRow("tel hex digits lower-cased") << "tel:+1-AB"
                                                    << "tel:+1ab";
        // Other schemes: scheme lower-cased, the rest as written.
        QTest::newRow("mailto") << "MAILTO:Bob@Example.com"
                                << "mailto:Bob@Example.com";
        QTest::newRow("urn") << "urn:service:sos"
                             << "urn:service:sos";
        // Invalid.
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("spaces only") << "   "
                                     << "";
        QTest::newRow("no scheme") << "bob@example.com"
                                   << "";
        QTest::newRow("bad host") << "sip:bob@exa mple.com"
                                  << "";
        QTest::newRow("unterminated IPv6") << "sip:bob@[::1"
                                           << "";
    }

    void key()
    {
        QFETCH(QString, uri);
        QFETCH(QString, key);
        const ContactKey k = ContactKey::fromString(uri);
        QCOMPARE(k.isValid(), !key.isEmpty());
        QCOMPARE(k.toString(), key);
    }

    void sameContact_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");

        QTest::newRow("issue example") << "sip:bob@example.com"
                                       << "sip:bob@EXAMPLE.com;transport=tcp" << true;
        QTest::newRow("user case differs") << "sip:bob@example.com"
                                           << "sip:Bob@example.com" << false;
        QTest::newRow("sip vs sips") << "sip:bob@example.com"
                                     << "sips:bob@example.com" << false;
        QTest::newRow("port differs") << "sip:bob@example.com"
                                      << "sip:bob@example.com:5070" << false;
        QTest::newRow("explicit default port") << "sip:bob@example.com"
                                               << "sip:bob@example.com:5060" << true;
        // §19.1.4 is not transitive: A=;transport=tcp equals B (no parameter),
        // B equals C=;transport=udp, but A differs from C. The key makes all
        // three one contact, as a key must.
        QTest::newRow("non-transitive comparison, one key")
            << "sip:bob@example.com;transport=tcp"
            << "sip:bob@example.com;transport=udp" << true;
        QTest::newRow("escape vs literal") << "sip:%62ob@example.com"
                                           << "sip:bob@example.com" << true;
        QTest::newRow("IPv6 spellings") << "sip:bob@[::1]"
                                        << "sip:bob@[0::1]:5060" << true;
        QTest::newRow("tel separators") << "tel:+1-212-555-0100"
                                        << "tel:+12125550100" << true;
        QTest::newRow("tel vs sip") << "tel:+12125550100"
                                    << "sip:+12125550100@example.com" << false;
    }

    void sameContact()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const ContactKey ka = ContactKey::fromString(a);
        const ContactKey kb = ContactKey::fromString(b);
        QVERIFY(ka.isValid());
        QVERIFY(kb.isValid());
        QCOMPARE(ka == kb, same);
    }

    void fromParsedUri()
    {
        const auto uri = sip::Uri::parse(QByteArrayLiteral("sip:alice@Example.COM:5060;lr"));
        QVERIFY(uri.has_value());
        QCOMPARE(ContactKey::fromUri(*uri).toString(), QStringLiteral("sip:alice@example.com"));
        QVERIFY(!ContactKey::fromUri(sip::Uri()).isValid());
    }

    void keyIsStableUnderItself()
    {
        // A key is itself a URI that maps to the same key.
        for (const char *text : {"sip:Bob@example.com:5070", "sips:x%3By@[2001:db8::1]",
                                 "tel:+12125550100", "tel:7042;phone-context=example.com"}) {
            const ContactKey key = ContactKey::fromString(QString::fromLatin1(text));
            QVERIFY2(key.isValid(), text);
            QCOMPARE(ContactKey::fromString(key.toString()), key);
        }
    }
};

QTEST_GUILESS_MAIN(TestContactKey)
#include "tst_ContactKey.moc"
