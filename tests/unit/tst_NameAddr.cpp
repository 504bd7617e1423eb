// SPDX-License-Identifier: GPL-3.0-or-later
// sip::NameAddr: name-addr / addr-spec with header parameters, as in From,
// To, Contact, Route and Record-Route (RFC 3261 §20.10, §20.20, §20.39,
// §25.1).

#include "message/NameAddr.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

} // namespace

class tst_NameAddr : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_25_1_nameAddr_data();
    void rfc3261_25_1_nameAddr();
    void rfc3261_20_addrSpecParams_data();
    void rfc3261_20_addrSpecParams();
    void rfc3261_19_3_tag_data();
    void rfc3261_19_3_tag();
    void rfc3261_20_10_invalid_data();
    void rfc3261_20_10_invalid();
    void format_data();
    void format();
    void rfc3261_25_1_format_noLineBreaks_data();
    void rfc3261_25_1_format_noLineBreaks();
    void parseViewIntoLargerBuffer();
};

// RFC 3261 §25.1: name-addr = [ display-name ] LAQUOT addr-spec RAQUOT,
// display-name = *(token LWS) / quoted-string. Examples from §20.20 (From),
// §20.39 (To) and RFC 4475 §3.1.1.1 (wsinv).
void tst_NameAddr::rfc3261_25_1_nameAddr_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QByteArray>("displayRaw");
    QTest::addColumn<bool>("angle");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<bool>("hasTag");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<int>("paramCount");

    QTest::addRow("rfc 20.20 quoted display name")
        << QByteArray(R"("A. G. Bell" <sip:agb@bell-telephone.com> ;tag=a48s)")
        << QStringLiteral("A. G. Bell") << QByteArray(R"("A. G. Bell")") << true
        << QByteArray("sip:agb@bell-telephone.com") << true << QByteArray("a48s") << 1;
    QTest::addRow("rfc 20.20 addr-spec")
        << QByteArray("sip:+12125551212@server.phone2net.com;tag=887s") << QString() << QByteArray()
        << false << QByteArray("sip:+12125551212@server.phone2net.com") << true
        << QByteArray("887s") << 1;
    QTest::addRow("rfc 20.20 token display name")
        << QByteArray("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8")
        << QStringLiteral("Anonymous") << QByteArray("Anonymous") << true
        << QByteArray("sip:c8oqz84zk7z@privacy.org") << true << QByteArray("hyh8") << 1;
    QTest::addRow("rfc 20.39 two tokens")
        << QByteArray("The Operator <sip:operator@cs.columbia.edu>;tag=287447")
        << QStringLiteral("The Operator") << QByteArray("The Operator") << true
        << QByteArray("sip:operator@cs.columbia.edu") << true << QByteArray("287447") << 1;
    QTest::addRow("rfc 20.39 addr-spec no tag")
        << QByteArray("sip:+12125551212@server.phone2net.com") << QString() << QByteArray() << false
        << QByteArray("sip:+12125551212@server.phone2net.com") << false << QByteArray() << 0;
    QTest::addRow("escaped quotes")
        << QByteArray(R"("Alice \"The Great\"" <sip:alice@atlanta.com>;tag=1928301774)")
        << QStringLiteral("Alice \"The Great\"") << QByteArray(R"("Alice \"The Great\"")") << true
        << QByteArray("sip:alice@atlanta.com") << true << QByteArray("1928301774") << 1;
    QTest::addRow("escaped backslash")
        << QByteArray(R"("C:\\Users" <sip:c@example.com>)") << QStringLiteral("C:\\Users")
        << QByteArray(R"("C:\\Users")") << true << QByteArray("sip:c@example.com") << false
        << QByteArray() << 0;
    QTest::addRow("utf-8 quoted") << QByteArray(
                                         "\"J\xc3\xbcrgen M\xc3\xbcller\" <sip:juergen@example.de>")
                                  << QString::fromUtf8("J\xc3\xbcrgen M\xc3\xbcller")
                                  << QByteArray("\"J\xc3\xbcrgen M\xc3\xbcller\"") << true
                                  << QByteArray("sip:juergen@example.de") << false << QByteArray()
                                  << 0;
    QTest::addRow("utf-8 token (lenient)")
        << QByteArray("J\xc3\xbcrgen <sip:juergen@example.de>")
        << QString::fromUtf8("J\xc3\xbcrgen") << QByteArray("J\xc3\xbcrgen") << true
        << QByteArray("sip:juergen@example.de") << false << QByteArray() << 0;
    QTest::addRow("quoted separators")
        << QByteArray(R"("Smith, John <js>; x" <sip:js@example.com>)")
        << QStringLiteral("Smith, John <js>; x") << QByteArray(R"("Smith, John <js>; x")") << true
        << QByteArray("sip:js@example.com") << false << QByteArray() << 0;
    QTest::addRow("empty quoted display name")
        << QByteArray(R"("" <sip:alice@atlanta.com>)") << QString() << QByteArray(R"("")") << true
        << QByteArray("sip:alice@atlanta.com") << false << QByteArray() << 0;
    QTest::addRow("no display name")
        << QByteArray("<sip:alice@atlanta.com>") << QString() << QByteArray() << true
        << QByteArray("sip:alice@atlanta.com") << false << QByteArray() << 0;
    QTest::addRow("quoted, no space before <")
        << QByteArray(R"("Bob"<sips:bob@biloxi.com>)") << QStringLiteral("Bob")
        << QByteArray(R"("Bob")") << true << QByteArray("sips:bob@biloxi.com") << false
        << QByteArray() << 0;
    QTest::addRow("token LWS collapsed")
        << QByteArray("Bob \t  Smith   <sip:bob@biloxi.com>") << QStringLiteral("Bob Smith")
        << QByteArray("Bob \t  Smith") << true << QByteArray("sip:bob@biloxi.com") << false
        << QByteArray() << 0;
    QTest::addRow("surrounding LWS")
        << QByteArray("  <sip:alice@atlanta.com> ; tag = x1 ") << QString() << QByteArray() << true
        << QByteArray("sip:alice@atlanta.com") << true << QByteArray("x1") << 1;
    QTest::addRow("non-sip URI") << QByteArray(R"("Mr. Watson" <mailto:watson@bell-telephone.com>)")
                                 << QStringLiteral("Mr. Watson") << QByteArray(R"("Mr. Watson")")
                                 << true << QByteArray("mailto:watson@bell-telephone.com") << false
                                 << QByteArray() << 0;
    QTest::addRow("tel URI") << QByteArray("<tel:+1-201-555-0123>;tag=9") << QString()
                             << QByteArray() << true << QByteArray("tel:+1-201-555-0123") << true
                             << QByteArray("9") << 1;
    // RFC 4475 §3.1.1.1 (wsinv), the From header after unfolding.
    QTest::addRow("rfc4475 wsinv From")
        << QByteArray(R"("J Rosenberg \\\""       <sip:jdrosen@example.com> ; tag = 98asjd8)")
        << QStringLiteral("J Rosenberg \\\"") << QByteArray(R"("J Rosenberg \\\"")") << true
        << QByteArray("sip:jdrosen@example.com") << true << QByteArray("98asjd8") << 1;
    // RFC 4475 §3.1.1.1 (wsinv), the To header: an addr-spec followed by
    // SWS ";" — LWS before the SEMI is allowed (§25.1 SEMI = SWS ";" SWS).
    QTest::addRow("rfc4475 wsinv To")
        << QByteArray("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n") << QString()
        << QByteArray() << false << QByteArray("sip:vivekg@chair-dnrc.example.com") << true
        << QByteArray("1918181833n") << 1;
}

void tst_NameAddr::rfc3261_25_1_nameAddr()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, displayName);
    QFETCH(QByteArray, displayRaw);
    QFETCH(bool, angle);
    QFETCH(QByteArray, uri);
    QFETCH(bool, hasTag);
    QFETCH(QByteArray, tag);
    QFETCH(int, paramCount);

    const char *why = nullptr;
    const auto na = NameAddr::parse(text, &why);
    QVERIFY2(na, why);
    QVERIFY(na->isValid());
    QCOMPARE(na->displayName(), displayName);
    QCOMPARE(b(na->displayNameRaw()), displayRaw);
    QCOMPARE(na->hasAngleBrackets(), angle);
    QCOMPARE(b(na->uri().text()), uri);
    QVERIFY(na->uri().isValid());
    QCOMPARE(na->hasTag(), hasTag);
    QCOMPARE(b(na->tag()), tag);
    QCOMPARE(b(na->param("tag")), tag);
    QCOMPARE(na->params().count(), paramCount);
    QCOMPARE(b(na->text()), text.trimmed());
}

// RFC 3261 §20: "If the URI is not enclosed in angle brackets, any
// semicolon-delimited parameters are header-parameters, not URI
// parameters." Inside <...> they belong to the URI.
void tst_NameAddr::rfc3261_20_addrSpecParams_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("uriParams");
    QTest::addColumn<QByteArray>("headerParams");
    QTest::addColumn<QByteArray>("tag");

    QTest::addRow("addr-spec tag is a header param")
        << QByteArray("sip:alice@atlanta.com;tag=88sja8x") << QByteArray("sip:alice@atlanta.com")
        << QByteArray() << QByteArray(";tag=88sja8x") << QByteArray("88sja8x");
    QTest::addRow("addr-spec transport is a header param")
        << QByteArray("sip:alice@atlanta.com;transport=tcp;tag=1")
        << QByteArray("sip:alice@atlanta.com") << QByteArray() << QByteArray(";transport=tcp;tag=1")
        << QByteArray("1");
    QTest::addRow("bracketed URI params stay in the URI")
        << QByteArray("<sip:alice@atlanta.com;transport=tcp>;tag=1")
        << QByteArray("sip:alice@atlanta.com;transport=tcp") << QByteArray(";transport=tcp")
        << QByteArray(";tag=1") << QByteArray("1");
    QTest::addRow("tag inside brackets is a URI param")
        << QByteArray("<sip:alice@atlanta.com;tag=uri>;tag=hdr")
        << QByteArray("sip:alice@atlanta.com;tag=uri") << QByteArray(";tag=uri")
        << QByteArray(";tag=hdr") << QByteArray("hdr");
    QTest::addRow("lr inside brackets, no header params")
        << QByteArray("<sip:p1.example.com;lr>") << QByteArray("sip:p1.example.com;lr")
        << QByteArray(";lr") << QByteArray() << QByteArray();
    QTest::addRow("URI headers inside brackets")
        << QByteArray("<sip:alice@atlanta.com?subject=x>;expires=60")
        << QByteArray("sip:alice@atlanta.com?subject=x") << QByteArray()
        << QByteArray(";expires=60") << QByteArray();
}

void tst_NameAddr::rfc3261_20_addrSpecParams()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, uriParams);
    QFETCH(QByteArray, headerParams);
    QFETCH(QByteArray, tag);

    const char *why = nullptr;
    const auto na = NameAddr::parse(text, &why);
    QVERIFY2(na, why);
    QCOMPARE(b(na->uri().text()), uri);
    QCOMPARE(b(na->uri().params().text()), uriParams);
    QCOMPARE(b(na->params().text()), headerParams);
    QCOMPARE(b(na->tag()), tag);
    QCOMPARE(na->hasTag(), !tag.isEmpty());
}

// RFC 3261 §19.3 / §25.1: tag-param = "tag" EQUAL token.
void tst_NameAddr::rfc3261_19_3_tag_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("tag");

    QTest::addRow("token") << QByteArray("<sip:a@b.com>;tag=1928301774") << true
                           << QByteArray("1928301774");
    QTest::addRow("all token chars")
        << QByteArray("<sip:a@b.com>;tag=aZ9-.!%*_+`'~") << true << QByteArray("aZ9-.!%*_+`'~");
    QTest::addRow("name case-insensitive")
        << QByteArray("<sip:a@b.com>;TAG=abc") << true << QByteArray("abc");
    QTest::addRow("LWS around =") << QByteArray("<sip:a@b.com> ; tag = abc") << true
                                  << QByteArray("abc");
    QTest::addRow("after other params")
        << QByteArray("<sip:a@b.com>;x=1;tag=abc;y") << true << QByteArray("abc");
    QTest::addRow("tag-like name") << QByteArray("<sip:a@b.com>;tags=abc") << true << QByteArray();
    QTest::addRow("no value") << QByteArray("<sip:a@b.com>;tag") << false << QByteArray();
    QTest::addRow("empty value") << QByteArray("<sip:a@b.com>;tag=") << false << QByteArray();
    QTest::addRow("quoted value") << QByteArray(R"(<sip:a@b.com>;tag="abc")") << false
                                  << QByteArray();
    QTest::addRow("IPv6-looking value")
        << QByteArray("<sip:a@b.com>;tag=[::1]") << false << QByteArray();
}

void tst_NameAddr::rfc3261_19_3_tag()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, tag);

    const char *why = nullptr;
    const auto na = NameAddr::parse(text, &why);
    QCOMPARE(na.has_value(), valid);
    if (!valid) {
        QVERIFY(why && *why);
        return;
    }
    QCOMPARE(b(na->tag()), tag);
    QCOMPARE(na->hasTag(), !tag.isEmpty());
}

void tst_NameAddr::rfc3261_20_10_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("only LWS") << QByteArray("  \t ");
    QTest::addRow("unterminated quote") << QByteArray(R"("Alice <sip:alice@atlanta.com>)");
    QTest::addRow("quote closed by escape") << QByteArray(R"("Alice\" <sip:alice@atlanta.com>)");
    QTest::addRow("quoted name without <") << QByteArray(R"("Alice" sip:alice@atlanta.com)");
    QTest::addRow("missing >") << QByteArray("<sip:alice@atlanta.com");
    QTest::addRow("missing > with name") << QByteArray("Alice <sip:alice@atlanta.com;tag=1");
    QTest::addRow("empty brackets") << QByteArray("<>");
    QTest::addRow("bad URI in brackets") << QByteArray("<sip:@atlanta.com>");
    QTest::addRow("addr-spec with ?") << QByteArray("sip:alice@atlanta.com?subject=x");
    QTest::addRow("addr-spec with ,") << QByteArray("sip:alice@atlanta.com,sip:bob@biloxi.com");
    QTest::addRow("addr-spec with space") << QByteArray("sip:alice @atlanta.com");
    QTest::addRow("addr-spec bad URI") << QByteArray("alice@atlanta.com");
    QTest::addRow("separator in token display name") << QByteArray("Al@ce <sip:a@atlanta.com>");
    QTest::addRow("comma in token display name") << QByteArray("Smith, J <sip:a@atlanta.com>");
    QTest::addRow("junk after >") << QByteArray("<sip:alice@atlanta.com> junk");
    QTest::addRow("bad header param") << QByteArray("<sip:alice@atlanta.com>;=x");
    QTest::addRow("trailing semicolon") << QByteArray("<sip:alice@atlanta.com>;");
    QTest::addRow("unterminated quoted param") << QByteArray(R"(<sip:a@b.com>;x="abc)");
}

void tst_NameAddr::rfc3261_20_10_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto na = NameAddr::parse(text, &why);
    QVERIFY2(!na, qPrintable(na ? na->uri().toString() : QString()));
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!NameAddr::parse(text)); // a null `why` is allowed
}

// NameAddr::format builds `"Display" <uri>;params` (the display name quoted
// per §25.1 quoted-string); parsing it gives back the same parts.
void tst_NameAddr::format_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("plain") << QStringLiteral("Alice") << QByteArray("sip:alice@atlanta.com")
                           << QByteArray(";tag=1928301774")
                           << QByteArray(R"("Alice" <sip:alice@atlanta.com>;tag=1928301774)");
    QTest::addRow("no display name") << QString() << QByteArray("sip:alice@atlanta.com")
                                     << QByteArray() << QByteArray("<sip:alice@atlanta.com>");
    QTest::addRow("quotes") << QStringLiteral("Alice \"The Great\"")
                            << QByteArray("sip:alice@atlanta.com") << QByteArray()
                            << QByteArray(R"("Alice \"The Great\"" <sip:alice@atlanta.com>)");
    QTest::addRow("backslash") << QStringLiteral("C:\\Users") << QByteArray("sip:c@example.com")
                               << QByteArray() << QByteArray(R"("C:\\Users" <sip:c@example.com>)");
    QTest::addRow("utf-8") << QString::fromUtf8("J\xc3\xbcrgen M\xc3\xbcller")
                           << QByteArray("sip:juergen@example.de") << QByteArray()
                           << QByteArray(
                                  "\"J\xc3\xbcrgen M\xc3\xbcller\" <sip:juergen@example.de>");
    QTest::addRow("separators") << QStringLiteral("Smith, John <js>; x")
                                << QByteArray("sip:js@example.com") << QByteArray(";expires=60")
                                << QByteArray(
                                       R"("Smith, John <js>; x" <sip:js@example.com>;expires=60)");
    QTest::addRow("URI with params and headers")
        << QStringLiteral("Bob") << QByteArray("sip:bob@biloxi.com;transport=tcp?subject=x")
        << QByteArray(";tag=a6c85cf")
        << QByteArray(R"("Bob" <sip:bob@biloxi.com;transport=tcp?subject=x>;tag=a6c85cf)");
}

void tst_NameAddr::format()
{
    QFETCH(QString, displayName);
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, params);
    QFETCH(QByteArray, text);

    const QByteArray formatted = NameAddr::format(displayName, uri, params);
    QCOMPARE(formatted, text);

    const char *why = nullptr;
    const auto na = NameAddr::parse(formatted, &why);
    QVERIFY2(na, why);
    QCOMPARE(na->displayName(), displayName);
    QVERIFY(na->hasAngleBrackets());
    QCOMPARE(b(na->uri().text()), uri);
    QCOMPARE(b(na->params().text()), params);
    // Formatting what was parsed gives the same text again.
    QCOMPARE(NameAddr::format(na->displayName(), na->uri().text(), na->params().text()), text);
}

// RFC 3261 §25.1: a quoted-string cannot carry CR or LF (quoted-pair
// excludes %x0A and %x0D; qdtext has them only inside LWS), so a display
// name given by the user must never put a line break into the header
// (which would also let it inject header fields).
void tst_NameAddr::rfc3261_25_1_format_noLineBreaks_data()
{
    QTest::addColumn<QString>("displayName");

    QTest::addRow("CRLF header injection") << QStringLiteral("Alice\r\nX-Injected: 1");
    QTest::addRow("bare LF") << QStringLiteral("Alice\nSmith");
    QTest::addRow("bare CR") << QStringLiteral("Alice\rSmith");
    QTest::addRow("CRLF then WSP") << QStringLiteral("Alice\r\n Smith");
    QTest::addRow("trailing CRLF") << QStringLiteral("Alice\r\n");
}

void tst_NameAddr::rfc3261_25_1_format_noLineBreaks()
{
    QFETCH(QString, displayName);
    const QByteArray formatted = NameAddr::format(displayName, "sip:alice@atlanta.com", ";tag=1");
    QVERIFY2(!formatted.contains('\r') && !formatted.contains('\n'), formatted.toHex().constData());
    const char *why = nullptr;
    const auto na = NameAddr::parse(formatted, &why);
    QVERIFY2(na, why);
    QVERIFY(!na->displayName().contains(QLatin1Char('\r')));
    QVERIFY(!na->displayName().contains(QLatin1Char('\n')));
    QVERIFY(na->displayName().startsWith(QStringLiteral("Alice")));
    QCOMPARE(b(na->uri().text()), QByteArray("sip:alice@atlanta.com"));
    QCOMPARE(b(na->tag()), QByteArray("1"));
}

// The parts are views into the parsed bytes, which the NameAddr keeps alive.
void tst_NameAddr::parseViewIntoLargerBuffer()
{
    std::optional<NameAddr> kept;
    {
        QByteArray owner("From: \"Alice\" <sip:alice@atlanta.com>;tag=1928301774\r\n");
        const qsizetype start = owner.indexOf(':') + 1;
        const QByteArrayView value = QByteArrayView(owner).sliced(start, owner.size() - start - 2);
        const char *why = nullptr;
        kept = NameAddr::parse(value, owner, &why);
        QVERIFY2(kept, why);
        owner.fill('X');
    }
    QCOMPARE(kept->displayName(), QStringLiteral("Alice"));
    QCOMPARE(b(kept->uri().text()), QByteArray("sip:alice@atlanta.com"));
    QCOMPARE(b(kept->tag()), QByteArray("1928301774"));
    QCOMPARE(b(kept->text()), QByteArray(R"("Alice" <sip:alice@atlanta.com>;tag=1928301774)"));
}

QTEST_GUILESS_MAIN(tst_NameAddr)
#include "tst_NameAddr.moc"
