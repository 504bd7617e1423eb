// SPDX-License-Identifier: GPL-3.0-or-later
// sip::lex: the character classes and scanning helpers under every parser of
// the message layer (RFC 3261 §7.3.1, §19.1.2, §25.1).

#include "message/Lex.h"

#include <QTest>

#include <limits>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

// Runs lex::splitCommaList and collects the items it reports.
bool split(QByteArrayView s, QByteArrayList &items)
{
    items.clear();
    return lex::splitCommaList(s, [&](QByteArrayView item) { items.append(b(item)); });
}

} // namespace

class tst_Lex : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_25_1_quotedString_unquote_data();
    void rfc3261_25_1_quotedString_unquote();
    void rfc3261_25_1_quotedString_quote_data();
    void rfc3261_25_1_quotedString_quote();
    void rfc3261_25_1_findClosingQuote_data();
    void rfc3261_25_1_findClosingQuote();
    void rfc3261_7_3_1_unfold_data();
    void rfc3261_7_3_1_unfold();
    void rfc3261_19_1_2_unescape_data();
    void rfc3261_19_1_2_unescape();
    void rfc3261_19_1_2_escape_data();
    void rfc3261_19_1_2_escape();
    void rfc3261_19_1_2_isEscapedRun_data();
    void rfc3261_19_1_2_isEscapedRun();
    void rfc3261_7_3_1_splitCommaList_data();
    void rfc3261_7_3_1_splitCommaList();
    void splitCommaList_fastPathAgreesWithSlowPath_data();
    void splitCommaList_fastPathAgreesWithSlowPath();
    void rfc3261_25_1_lwsTrimmed_data();
    void rfc3261_25_1_lwsTrimmed();
    void rfc3261_25_1_token_data();
    void rfc3261_25_1_token();
    void rfc3261_7_3_1_iequals_data();
    void rfc3261_7_3_1_iequals();
    void parseUnsigned_data();
    void parseUnsigned();
    void find_data();
    void find();
};

// RFC 3261 §25.1: quoted-string = SWS DQUOTE *(qdtext / quoted-pair ) DQUOTE,
// quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F).
void tst_Lex::rfc3261_25_1_quotedString_unquote_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");

    QTest::addRow("plain quoted") << QByteArray(R"("abc")") << QByteArray("abc");
    QTest::addRow("empty quoted") << QByteArray(R"("")") << QByteArray();
    QTest::addRow("escaped quote") << QByteArray(R"("a\"b")") << QByteArray(R"(a"b)");
    QTest::addRow("escaped backslash") << QByteArray(R"("a\\b")") << QByteArray(R"(a\b)");
    QTest::addRow("escaped ordinary char") << QByteArray(R"("\a\b")") << QByteArray("ab");
    QTest::addRow("backslash before closing")
        << QByteArray(R"("J Rosenberg \\\"")") << QByteArray(R"(J Rosenberg \")");
    QTest::addRow("spaces kept") << QByteArray(R"("  a  b ")") << QByteArray("  a  b ");
    QTest::addRow("comma and semicolon") << QByteArray(R"("a,b;c")") << QByteArray("a,b;c");
    QTest::addRow("utf-8") << QByteArray("\"J\xc3\xbcrgen\"") << QByteArray("J\xc3\xbcrgen");
    QTest::addRow("not quoted unchanged") << QByteArray("abc") << QByteArray("abc");
    QTest::addRow("token with backslash unchanged") << QByteArray(R"(a\b)") << QByteArray(R"(a\b)");
    QTest::addRow("opening quote only unchanged") << QByteArray(R"("abc)") << QByteArray(R"("abc)");
    QTest::addRow("closing quote only unchanged") << QByteArray(R"(abc")") << QByteArray(R"(abc")");
    QTest::addRow("lone quote unchanged") << QByteArray(R"(")") << QByteArray(R"(")");
    QTest::addRow("empty unchanged") << QByteArray() << QByteArray();
}

void tst_Lex::rfc3261_25_1_quotedString_unquote()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(lex::unquote(in), out);
}

void tst_Lex::rfc3261_25_1_quotedString_quote_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");

    QTest::addRow("plain") << QByteArray("abc") << QByteArray(R"("abc")");
    QTest::addRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::addRow("quote escaped") << QByteArray(R"(a"b)") << QByteArray(R"("a\"b")");
    QTest::addRow("backslash escaped") << QByteArray(R"(a\b)") << QByteArray(R"("a\\b")");
    QTest::addRow("both") << QByteArray(R"(\")") << QByteArray(R"("\\\"")");
    QTest::addRow("separators kept") << QByteArray("a, b; <c>") << QByteArray(R"("a, b; <c>")");
    QTest::addRow("utf-8 kept") << QByteArray("M\xc3\xbcller") << QByteArray("\"M\xc3\xbcller\"");
}

void tst_Lex::rfc3261_25_1_quotedString_quote()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(lex::quote(in), out);
    // quote() and unquote() are inverse, and the result is one quoted-string.
    QCOMPARE(lex::unquote(out), in);
    QCOMPARE(lex::findClosingQuote(out, 0), out.size() - 1);
}

void tst_Lex::rfc3261_25_1_findClosingQuote_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<int>("open");
    QTest::addColumn<int>("close");

    QTest::addRow("simple") << QByteArray(R"("abc" x)") << 0 << 4;
    QTest::addRow("empty string") << QByteArray(R"("")") << 0 << 1;
    QTest::addRow("escaped quote skipped") << QByteArray(R"("a\"b" x)") << 0 << 5;
    QTest::addRow("escaped backslash then quote") << QByteArray(R"("a\\" x)") << 0 << 4;
    QTest::addRow("open in the middle") << QByteArray(R"(x="y",z)") << 2 << 4;
    QTest::addRow("unterminated") << QByteArray(R"("abc)") << 0 << -1;
    QTest::addRow("closing quote escaped") << QByteArray(R"("abc\")") << 0 << -1;
    QTest::addRow("trailing backslash") << QByteArray(R"("abc\)") << 0 << -1;
}

void tst_Lex::rfc3261_25_1_findClosingQuote()
{
    QFETCH(QByteArray, in);
    QFETCH(int, open);
    QFETCH(int, close);
    QCOMPARE(lex::findClosingQuote(in, open), qsizetype(close));
}

// RFC 3261 §7.3.1: a header value may be folded onto several lines (CRLF
// followed by SP/HTAB); a recipient treats the fold and the whitespace
// around it as a single SP.
void tst_Lex::rfc3261_7_3_1_unfold_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");

    QTest::addRow("no fold") << QByteArray("a b") << QByteArray("a b");
    QTest::addRow("CRLF SP") << QByteArray("a\r\n b") << QByteArray("a b");
    QTest::addRow("CRLF HTAB") << QByteArray("a\r\n\tb") << QByteArray("a b");
    QTest::addRow("CRLF many WSP") << QByteArray("a\r\n  \t b") << QByteArray("a b");
    QTest::addRow("WSP before fold") << QByteArray("a \t\r\n b") << QByteArray("a b");
    QTest::addRow("two folds") << QByteArray("a\r\n b\r\n\tc") << QByteArray("a b c");
    QTest::addRow("fold after comma") << QByteArray("Digest realm=\"x\",\r\n nonce=\"y\"")
                                      << QByteArray("Digest realm=\"x\", nonce=\"y\"");
    QTest::addRow("RFC 3261 20.42 Via")
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207\r\n  ;branch=z9hG4bK77asjd")
        << QByteArray("SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207 ;branch=z9hG4bK77asjd");
    QTest::addRow("spaces in quoted string kept")
        << QByteArray(R"("a   b" <sip:x@y>)") << QByteArray(R"("a   b" <sip:x@y>)");
    QTest::addRow("escaped quote does not end the string")
        << QByteArray("\"a\\\"\" \r\n b") << QByteArray("\"a\\\"\" b");
    QTest::addRow("empty") << QByteArray() << QByteArray();
}

void tst_Lex::rfc3261_7_3_1_unfold()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(lex::unfold(in), out);
    QVERIFY(!lex::unfold(in).contains('\r'));
    QVERIFY(!lex::unfold(in).contains('\n'));
}

// RFC 3261 §19.1.2 / §25.1: escaped = "%" HEXDIG HEXDIG.
void tst_Lex::rfc3261_19_1_2_unescape_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("out");

    QTest::addRow("no escapes") << QByteArray("alice") << true << QByteArray("alice");
    QTest::addRow("empty") << QByteArray() << true << QByteArray();
    QTest::addRow("upper-case hex") << QByteArray("%41%42c") << true << QByteArray("ABc");
    QTest::addRow("lower-case hex") << QByteArray("%61lice") << true << QByteArray("alice");
    QTest::addRow("space") << QByteArray("project%20x") << true << QByteArray("project x");
    QTest::addRow("percent itself") << QByteArray("100%25") << true << QByteArray("100%");
    QTest::addRow("at sign") << QByteArray("bob%40biloxi.com") << true
                             << QByteArray("bob@biloxi.com");
    QTest::addRow("utf-8 bytes") << QByteArray("%e2%82%AC") << true << QByteArray("\xe2\x82\xac");
    QTest::addRow("NUL byte") << QByteArray("a%00b") << true << QByteArray("a\0b", 3);
    QTest::addRow("bad hex first") << QByteArray("%G1") << false << QByteArray();
    QTest::addRow("bad hex second") << QByteArray("%1G") << false << QByteArray();
    QTest::addRow("truncated one digit") << QByteArray("ab%4") << false << QByteArray();
    QTest::addRow("lone percent at end") << QByteArray("ab%") << false << QByteArray();
    QTest::addRow("lone percent alone") << QByteArray("%") << false << QByteArray();
    QTest::addRow("double percent") << QByteArray("%%41") << false << QByteArray();
    QTest::addRow("sign is not hex") << QByteArray("%+1") << false << QByteArray();
}

void tst_Lex::rfc3261_19_1_2_unescape()
{
    QFETCH(QByteArray, in);
    QFETCH(bool, valid);
    QFETCH(QByteArray, out);
    const std::optional<QByteArray> r = lex::unescape(in);
    QCOMPARE(r.has_value(), valid);
    if (valid)
        QCOMPARE(*r, out);
    // Exactly the same inputs pass isEscapedRun when every char is allowed.
    QCOMPARE(lex::isEscapedRun(in, 0xffff), valid);
}

void tst_Lex::rfc3261_19_1_2_escape_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<int>("allowed");
    QTest::addColumn<QByteArray>("out");

    const int user = lex::Unreserved | lex::UserUnreserved;
    QTest::addRow("unreserved kept")
        << QByteArray("alice-b_c.d!e~f*g'h(i)j") << int(lex::Unreserved)
        << QByteArray("alice-b_c.d!e~f*g'h(i)j");
    QTest::addRow("space") << QByteArray("alice smith") << int(lex::Unreserved)
                           << QByteArray("alice%20smith");
    QTest::addRow("at sign in user") << QByteArray("bob@home") << user << QByteArray("bob%40home");
    QTest::addRow("colon in user") << QByteArray("a:b") << user << QByteArray("a%3Ab");
    QTest::addRow("user-unreserved kept")
        << QByteArray("+1;x=y?&$,/") << user << QByteArray("+1;x=y?&$,/");
    QTest::addRow("percent") << QByteArray("100%") << user << QByteArray("100%25");
    QTest::addRow("utf-8 upper-case hex")
        << QByteArray("j\xc3\xbcrgen") << user << QByteArray("j%C3%BCrgen");
    QTest::addRow("control chars") << QByteArray("\r\n\t") << user << QByteArray("%0D%0A%09");
    QTest::addRow("NUL and DEL") << QByteArray("\0\x7f", 2) << user << QByteArray("%00%7F");
    QTest::addRow("nothing allowed") << QByteArray("ab") << 0 << QByteArray("%61%62");
    QTest::addRow("empty") << QByteArray() << user << QByteArray();
}

void tst_Lex::rfc3261_19_1_2_escape()
{
    QFETCH(QByteArray, in);
    QFETCH(int, allowed);
    QFETCH(QByteArray, out);
    const QByteArray escaped = lex::escape(in, std::uint16_t(allowed));
    QCOMPARE(escaped, out);
    // Round trip, and the result only holds allowed chars and escapes.
    QCOMPARE(lex::unescape(escaped).value_or("<invalid>"), in);
    QVERIFY(lex::isEscapedRun(escaped, std::uint16_t(allowed)));
}

void tst_Lex::rfc3261_19_1_2_isEscapedRun_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<int>("cls");
    QTest::addColumn<bool>("ok");

    const int user = lex::Unreserved | lex::UserUnreserved;
    QTest::addRow("empty") << QByteArray() << user << true;
    QTest::addRow("plain user") << QByteArray("alice") << user << true;
    QTest::addRow("escape") << QByteArray("%61lice") << user << true;
    QTest::addRow("telephone-subscriber") << QByteArray("+1-212-555-1212") << user << true;
    QTest::addRow("space") << QByteArray("al ice") << user << false;
    QTest::addRow("at sign") << QByteArray("a@b") << user << false;
    QTest::addRow("colon") << QByteArray("a:b") << user << false;
    QTest::addRow("bad escape") << QByteArray("%G1") << user << false;
    QTest::addRow("truncated escape") << QByteArray("a%6") << user << false;
    QTest::addRow("semicolon not unreserved") << QByteArray("a;b") << int(lex::Unreserved) << false;
    QTest::addRow("password extra")
        << QByteArray("s&=+$,") << int(lex::Unreserved | lex::PasswordExtra) << true;
    QTest::addRow("password no slash")
        << QByteArray("a/b") << int(lex::Unreserved | lex::PasswordExtra) << false;
}

void tst_Lex::rfc3261_19_1_2_isEscapedRun()
{
    QFETCH(QByteArray, in);
    QFETCH(int, cls);
    QFETCH(bool, ok);
    QCOMPARE(lex::isEscapedRun(in, std::uint16_t(cls)), ok);
}

// RFC 3261 §7.3.1: several values of a list header may share one line,
// separated by commas; a comma inside a quoted-string or <...> separates
// nothing.
void tst_Lex::rfc3261_7_3_1_splitCommaList_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArrayList>("items");

    // Fast path: no quotes or angle brackets.
    QTest::addRow("single") << QByteArray("a") << true << QByteArrayList{"a"};
    QTest::addRow("three, LWS trimmed") << QByteArray("MESSAGE, OPTIONS ,INVITE") << true
                                        << QByteArrayList{"MESSAGE", "OPTIONS", "INVITE"};
    QTest::addRow("tabs and folds trimmed")
        << QByteArray("\ta\r\n ,\r\n b\t") << true << QByteArrayList{"a", "b"};
    QTest::addRow("empty value") << QByteArray() << true << QByteArrayList{""};
    QTest::addRow("empty items kept")
        << QByteArray("a,,b,") << true << QByteArrayList{"a", "", "b", ""};
    QTest::addRow("Via list")
        << QByteArray("SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com")
        << true
        << QByteArrayList{"SIP/2.0/UDP a.example.com;branch=z9hG4bK1", "SIP/2.0/TCP b.example.com"};

    // Slow path: quotes and brackets.
    QTest::addRow("comma in quotes")
        << QByteArray(R"("a,b", c)") << true << QByteArrayList{R"("a,b")", "c"};
    QTest::addRow("escaped quote in quotes")
        << QByteArray(R"("a\",b", c)") << true << QByteArrayList{R"("a\",b")", "c"};
    QTest::addRow("comma in angle brackets") << QByteArray("<sip:a@b;x=1,2>, <sip:c@d>") << true
                                             << QByteArrayList{"<sip:a@b;x=1,2>", "<sip:c@d>"};
    QTest::addRow("RFC 3261 20.10 Contact list")
        << QByteArray(R"("Mr. Watson" <sip:watson@worcester.bell-telephone.com>;q=0.7; )"
                      R"(expires=3600, "Mr. Watson" <mailto:watson@bell-telephone.com> ;q=0.1)")
        << true
        << QByteArrayList{
               R"("Mr. Watson" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600)",
               R"("Mr. Watson" <mailto:watson@bell-telephone.com> ;q=0.1)"};
    QTest::addRow("quoted display name with comma")
        << QByteArray(R"("Smith, John" <sip:j@x>, <sip:k@y>)") << true
        << QByteArrayList{R"("Smith, John" <sip:j@x>)", "<sip:k@y>"};
    QTest::addRow("quote inside angle brackets") << QByteArray(R"(<sip:a@b;x=">,">, c)") << true
                                                 << QByteArrayList{R"(<sip:a@b;x=">,">)", "c"};
    QTest::addRow("digest params")
        << QByteArray(R"(realm="a", qop="auth, auth-int", algorithm=MD5)") << true
        << QByteArrayList{R"(realm="a")", R"(qop="auth, auth-int")", "algorithm=MD5"};

    // Unbalanced.
    QTest::addRow("unterminated quote") << QByteArray(R"(a, "b)") << false << QByteArrayList{};
    QTest::addRow("unterminated angle") << QByteArray("<sip:a@b, c") << false << QByteArrayList{};
    QTest::addRow("stray closing angle") << QByteArray("a>, b") << false << QByteArrayList{};
    QTest::addRow("nested angle") << QByteArray("<<sip:a@b>>") << false << QByteArrayList{};
}

void tst_Lex::rfc3261_7_3_1_splitCommaList()
{
    QFETCH(QByteArray, in);
    QFETCH(bool, ok);
    QFETCH(QByteArrayList, items);
    QByteArrayList got;
    QCOMPARE(split(in, got), ok);
    if (ok)
        QCOMPARE(got, items);
}

// The same list with and without a quoted item (which forces the slow path)
// splits at the same places.
void tst_Lex::splitCommaList_fastPathAgreesWithSlowPath_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("withQuotes");

    QTest::addRow("three") << QByteArray("a, b ,c") << QByteArray(R"(a, "b" ,c)");
    QTest::addRow("empty items") << QByteArray("a,,b,") << QByteArray(R"(a,,"b",)");
    QTest::addRow("single") << QByteArray(" a ") << QByteArray(R"( "a" )");
    QTest::addRow("LWS") << QByteArray("a\r\n ,\tb") << QByteArray("\"a\"\r\n ,\tb");
}

void tst_Lex::splitCommaList_fastPathAgreesWithSlowPath()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, withQuotes);
    QByteArrayList fast, slow;
    QVERIFY(split(plain, fast));
    QVERIFY(split(withQuotes, slow));
    QCOMPARE(slow.size(), fast.size());
    for (qsizetype i = 0; i < fast.size(); ++i)
        QCOMPARE(lex::unquote(slow.at(i)), fast.at(i));
}

// RFC 3261 §25.1: LWS = [*WSP CRLF] 1*WSP; SWS = [LWS].
void tst_Lex::rfc3261_25_1_lwsTrimmed_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("both");
    QTest::addColumn<QByteArray>("left");

    QTest::addRow("none") << QByteArray("a b") << QByteArray("a b") << QByteArray("a b");
    QTest::addRow("spaces") << QByteArray("  a b  ") << QByteArray("a b") << QByteArray("a b  ");
    QTest::addRow("tabs") << QByteArray("\ta\t") << QByteArray("a") << QByteArray("a\t");
    QTest::addRow("CRLF") << QByteArray("\r\n a\r\n") << QByteArray("a") << QByteArray("a\r\n");
    QTest::addRow("only LWS") << QByteArray(" \t\r\n ") << QByteArray() << QByteArray();
    QTest::addRow("empty") << QByteArray() << QByteArray() << QByteArray();
    QTest::addRow("vertical tab is not LWS")
        << QByteArray("\va\v") << QByteArray("\va\v") << QByteArray("\va\v");
}

void tst_Lex::rfc3261_25_1_lwsTrimmed()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, both);
    QFETCH(QByteArray, left);
    QCOMPARE(b(lex::trimmed(in)), both);
    QCOMPARE(b(lex::trimmedLeft(in)), left);
}

// RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" /
// "+" / "`" / "'" / "~" ).
void tst_Lex::rfc3261_25_1_token_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<bool>("token");

    QTest::addRow("method") << QByteArray("MESSAGE") << true;
    QTest::addRow("all token marks") << QByteArray("a-.!%*_+`'~9") << true;
    QTest::addRow("option tag") << QByteArray("100rel") << true;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("space") << QByteArray("a b") << false;
    for (char c : QByteArray("()<>@,;:\\\"/[]?={}")) {
        if (c)
            QTest::addRow("separator %c", c) << QByteArray("a") + c << false;
    }
    QTest::addRow("utf-8") << QByteArray("\xc3\xbc") << false;
    QTest::addRow("NUL") << QByteArray("a\0", 2) << false;
}

void tst_Lex::rfc3261_25_1_token()
{
    QFETCH(QByteArray, in);
    QFETCH(bool, token);
    QCOMPARE(lex::isToken(in), token);
    for (char c : in) {
        if (!token)
            break;
        QVERIFY(lex::isTokenChar(c));
    }
}

// RFC 3261 §7.3.1: field names and tokens are case-insensitive.
void tst_Lex::rfc3261_7_3_1_iequals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::addRow("same") << QByteArray("tcp") << QByteArray("tcp") << true;
    QTest::addRow("case") << QByteArray("Transport") << QByteArray("tRANSPORT") << true;
    QTest::addRow("empty") << QByteArray() << QByteArray() << true;
    QTest::addRow("length") << QByteArray("tcp") << QByteArray("tcpx") << false;
    QTest::addRow("different") << QByteArray("udp") << QByteArray("tcp") << false;
    // Only ASCII letters fold: '@' (0x40) and '`' (0x60) differ by the case bit.
    QTest::addRow("not letters") << QByteArray("@[") << QByteArray("`{") << false;
    QTest::addRow("utf-8 does not fold")
        << QByteArray("\xc3\x9c") << QByteArray("\xc3\xbc") << false;
}

void tst_Lex::rfc3261_7_3_1_iequals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(lex::iequals(a, b), equal);
    QCOMPARE(lex::iequals(b, a), equal);
}

void tst_Lex::parseUnsigned_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<quint64>("max");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("value");

    constexpr quint64 kAny = std::numeric_limits<quint64>::max();
    QTest::addRow("zero") << QByteArray("0") << kAny << true << quint64(0);
    QTest::addRow("leading zeros") << QByteArray("0005060") << kAny << true << quint64(5060);
    QTest::addRow("port max") << QByteArray("65535") << quint64(65535) << true << quint64(65535);
    QTest::addRow("port max + 1") << QByteArray("65536") << quint64(65535) << false << quint64(0);
    QTest::addRow("2^31 - 1") << QByteArray("2147483647") << quint64(0x7fffffff) << true
                              << quint64(0x7fffffff);
    QTest::addRow("2^31") << QByteArray("2147483648") << quint64(0x7fffffff) << false << quint64(0);
    QTest::addRow("19 digits") << QByteArray("9999999999999999999") << kAny << true
                               << quint64(9999999999999999999ull);
    QTest::addRow("20 digits") << QByteArray("18446744073709551615") << kAny << false << quint64(0);
    QTest::addRow("empty") << QByteArray() << kAny << false << quint64(0);
    QTest::addRow("sign") << QByteArray("+1") << kAny << false << quint64(0);
    QTest::addRow("minus") << QByteArray("-1") << kAny << false << quint64(0);
    QTest::addRow("trailing letter") << QByteArray("12a") << kAny << false << quint64(0);
    QTest::addRow("space") << QByteArray(" 1") << kAny << false << quint64(0);
}

void tst_Lex::parseUnsigned()
{
    QFETCH(QByteArray, in);
    QFETCH(quint64, max);
    QFETCH(bool, valid);
    QFETCH(quint64, value);
    const auto r = lex::parseUnsigned(in, max);
    QCOMPARE(r.has_value(), valid);
    if (valid)
        QCOMPARE(quint64(*r), value);
}

void tst_Lex::find_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<char>("c");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("at");

    QTest::addRow("first") << QByteArray("a;b;c") << ';' << 0 << 1;
    QTest::addRow("from") << QByteArray("a;b;c") << ';' << 2 << 3;
    QTest::addRow("from at hit") << QByteArray("a;b;c") << ';' << 3 << 3;
    QTest::addRow("absent") << QByteArray("abc") << ';' << 0 << -1;
    QTest::addRow("from past end") << QByteArray("a;") << ';' << 2 << -1;
    QTest::addRow("empty") << QByteArray() << ';' << 0 << -1;
    QTest::addRow("NUL") << QByteArray("a\0b", 3) << '\0' << 0 << 1;
}

void tst_Lex::find()
{
    QFETCH(QByteArray, in);
    QFETCH(char, c);
    QFETCH(int, from);
    QFETCH(int, at);
    QCOMPARE(lex::find(in, c, from), qsizetype(at));
}

QTEST_GUILESS_MAIN(tst_Lex)
#include "tst_Lex.moc"
