// SPDX-License-Identifier: GPL-3.0-or-later
// sip::ParamList and sip::scanParams: ";name[=value]..." parameter lists
// under header rules (generic-param, RFC 3261 §7.3.1, §25.1) and URI rules
// (uri-parameter, §19.1.1).

#include "message/Lex.h"
#include "message/ParamList.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

// "name", "name=value" for each parameter scanParams reports.
struct Scan
{
    const char *error = nullptr;
    QByteArrayList items;
};

Scan scan(QByteArrayView text, bool uriRules)
{
    Scan s;
    s.error = scanParams(text, uriRules, [&](QByteArrayView name, QByteArrayView value, bool has) {
        s.items.append(has ? b(name) + '=' + b(value) : b(name));
    });
    return s;
}

QByteArrayList listed(const ParamList &params)
{
    QByteArrayList out;
    params.forEach([&](const Param &p) {
        out.append(p.hasValue ? b(p.name) + '=' + b(p.value) : b(p.name));
        return true;
    });
    return out;
}

} // namespace

class tst_ParamList : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_7_3_1_find_data();
    void rfc3261_7_3_1_find();
    void forEach_data();
    void forEach();
    void forEach_stopsEarly();
    void rfc3261_25_1_headerVsUriRules_data();
    void rfc3261_25_1_headerVsUriRules();
    void rfc3261_25_1_scanParams_data();
    void rfc3261_25_1_scanParams();
};

// RFC 3261 §7.3.1: "parameter names ... are case-insensitive"; values are
// returned as written (quoted-strings keep their quotes).
void tst_ParamList::rfc3261_7_3_1_find_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<QByteArray>("value");

    const QByteArray uri(";transport=tcp;lr;ttl=15;maddr=239.255.255.1");
    QTest::addRow("value") << uri << QByteArray("transport") << true << true << QByteArray("tcp");
    QTest::addRow("name case") << uri << QByteArray("TRANSPORT") << true << true
                               << QByteArray("tcp");
    QTest::addRow("valueless") << uri << QByteArray("lr") << true << false << QByteArray();
    QTest::addRow("last") << uri << QByteArray("maddr") << true << true
                          << QByteArray("239.255.255.1");
    QTest::addRow("absent") << uri << QByteArray("user") << false << false << QByteArray();
    QTest::addRow("prefix of a name")
        << uri << QByteArray("trans") << false << false << QByteArray();
    QTest::addRow("longer than a name")
        << uri << QByteArray("lrx") << false << false << QByteArray();
    QTest::addRow("empty list") << QByteArray() << QByteArray("lr") << false << false
                                << QByteArray();
    QTest::addRow("first of duplicates")
        << QByteArray(";a=1;A=2") << QByteArray("a") << true << true << QByteArray("1");
    QTest::addRow("quoted value kept quoted")
        << QByteArray(";+sip.instance=\"<urn:uuid:1>\";reg-id=1") << QByteArray("+sip.instance")
        << true << true << QByteArray("\"<urn:uuid:1>\"");
    QTest::addRow("semicolon inside quotes")
        << QByteArray(";a=\"x;y=z\";b=2") << QByteArray("b") << true << true << QByteArray("2");
    QTest::addRow("name inside quotes is not a param")
        << QByteArray(";a=\"x;y=z\";b=2") << QByteArray("y") << false << false << QByteArray();
    QTest::addRow("LWS trimmed") << QByteArray(" ; tag = 1918181833n ;\tq=0.5") << QByteArray("tag")
                                 << true << true << QByteArray("1918181833n");
    QTest::addRow("empty value after =")
        << QByteArray(";a=;b") << QByteArray("a") << true << true << QByteArray();
    QTest::addRow("IPv6 value") << QByteArray(";received=[2001:db8::1]") << QByteArray("received")
                                << true << true << QByteArray("[2001:db8::1]");
}

void tst_ParamList::rfc3261_7_3_1_find()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, name);
    QFETCH(bool, found);
    QFETCH(bool, hasValue);
    QFETCH(QByteArray, value);

    const ParamList params(text);
    QCOMPARE(b(params.text()), text);
    QCOMPARE(params.isEmpty(), text.isEmpty());
    const std::optional<Param> p = params.find(name);
    QCOMPARE(p.has_value(), found);
    QCOMPARE(params.contains(name), found);
    QCOMPARE(b(params.value(name)), value);
    if (found) {
        QVERIFY(lex::iequals(p->name, name));
        QCOMPARE(p->hasValue, hasValue);
        QCOMPARE(b(p->value), value);
    }
}

void tst_ParamList::forEach_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("items");

    QTest::addRow("empty") << QByteArray() << QByteArrayList{};
    QTest::addRow("one") << QByteArray(";lr") << QByteArrayList{"lr"};
    QTest::addRow("in order") << QByteArray(";transport=tcp;lr;ttl=15")
                              << QByteArrayList{"transport=tcp", "lr", "ttl=15"};
    QTest::addRow("LWS") << QByteArray(" ; a = 1 ;\r\n b ") << QByteArrayList{"a=1", "b"};
    QTest::addRow("quoted") << QByteArray(";a=\"x;y\";b=\"\\\"q\\\";\"")
                            << QByteArrayList{"a=\"x;y\"", "b=\"\\\"q\\\";\""};
    QTest::addRow("= in quoted value") << QByteArray(";a=\"k=v\"") << QByteArrayList{"a=\"k=v\""};
    QTest::addRow("= in unquoted value") << QByteArray(";a=k=v") << QByteArrayList{"a=k=v"};
    QTest::addRow("no leading semicolon") << QByteArray("a=1;b") << QByteArrayList{"a=1", "b"};
    QTest::addRow("empty items skipped") << QByteArray(";;a;;b;") << QByteArrayList{"a", "b"};
}

void tst_ParamList::forEach()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, items);
    const ParamList params(text);
    QCOMPARE(listed(params), items);
    QCOMPARE(params.count(), items.size());
}

void tst_ParamList::forEach_stopsEarly()
{
    const ParamList params(";a=1;b=2;c=3");
    QByteArrayList seen;
    params.forEach([&](const Param &p) {
        seen.append(b(p.name));
        return p.name != "b";
    });
    QCOMPARE(seen, (QByteArrayList{"a", "b"}));
    QCOMPARE(ParamList().count(), 0);
    QVERIFY(ParamList().isEmpty());
    QVERIFY(!ParamList().find("a"));
}

// RFC 3261 §25.1. Header rules: generic-param = token [ EQUAL gen-value ],
// gen-value = token / host / quoted-string, SEMI = SWS ";" SWS.
// URI rules (§19.1.1): uri-parameter = 1*paramchar [ "=" 1*paramchar ],
// paramchar = param-unreserved / unreserved / escaped, no LWS.
void tst_ParamList::rfc3261_25_1_headerVsUriRules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("header");
    QTest::addColumn<bool>("uri");

    QTest::addRow("empty") << QByteArray() << true << true;
    QTest::addRow("simple") << QByteArray(";transport=tcp;lr") << true << true;
    QTest::addRow("token marks") << QByteArray(";a-b.c!d*e_f+g`h'i~j=1") << true << false;
    QTest::addRow("IPv6 value") << QByteArray(";maddr=[2001:db8::1]") << true << true;
    QTest::addRow("quoted value") << QByteArray(";a=\"q v\"") << true << false;
    QTest::addRow("LWS around separators") << QByteArray(" ; a = 1 ; b ") << true << false;
    QTest::addRow("LWS before first") << QByteArray(" ;a") << true << false;
    QTest::addRow("escape") << QByteArray(";a=%41") << true << true;
    QTest::addRow("escaped name") << QByteArray(";%61=1") << true << true;
    QTest::addRow("bad escape") << QByteArray(";a=%G1") << true << false;
    QTest::addRow("truncated escape") << QByteArray(";a=%4") << true << false;
    QTest::addRow("slash and $ in value") << QByteArray(";a=b/c$") << false << true;
    QTest::addRow("& in name") << QByteArray(";a&b=1") << false << true;
    QTest::addRow("parens in value") << QByteArray(";a=(b)") << false << true;
    QTest::addRow("no leading semicolon") << QByteArray("a=1") << false << false;
    QTest::addRow("lone semicolon") << QByteArray(";") << false << false;
    QTest::addRow("trailing semicolon") << QByteArray(";a;") << false << false;
    QTest::addRow("double semicolon") << QByteArray(";a;;b") << false << false;
    QTest::addRow("empty name") << QByteArray(";=1") << false << false;
    QTest::addRow("empty value") << QByteArray(";a=") << false << false;
    QTest::addRow("unterminated quote") << QByteArray(";a=\"x") << false << false;
    QTest::addRow("junk after quoted value") << QByteArray(";a=\"x\"y") << false << false;
    QTest::addRow("space inside value") << QByteArray(";a=b c") << false << false;
    QTest::addRow("comma") << QByteArray(";a=b,c") << false << false;
    QTest::addRow("double =") << QByteArray(";a==b") << false << false;
    QTest::addRow("utf-8") << QByteArray(";a=\xc3\xbc") << false << false;
}

void tst_ParamList::rfc3261_25_1_headerVsUriRules()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, header);
    QFETCH(bool, uri);

    const ParamList params(text);
    const auto headerError = params.validate(false);
    const auto uriError = params.validate(true);
    QCOMPARE(!headerError, header);
    QCOMPARE(!uriError, uri);
    if (headerError)
        QVERIFY(*headerError && **headerError);
    if (uriError)
        QVERIFY(*uriError && **uriError);
    // scanParams agrees with validate().
    QCOMPARE(scan(text, false).error == nullptr, header);
    QCOMPARE(scan(text, true).error == nullptr, uri);
}

// scanParams reports each parameter once, in order, with the value exactly
// as written.
void tst_ParamList::rfc3261_25_1_scanParams_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("uriRules");
    QTest::addColumn<QByteArrayList>("items");

    QTest::addRow("uri") << QByteArray(";transport=tcp;lr;maddr=239.255.255.1") << true
                         << QByteArrayList{"transport=tcp", "lr", "maddr=239.255.255.1"};
    QTest::addRow("uri escapes kept")
        << QByteArray(";x=%41b;%6Cr") << true << QByteArrayList{"x=%41b", "%6Cr"};
    QTest::addRow("header LWS trimmed") << QByteArray(" ; tag = 1918181833n ;\tq=0.5 ") << false
                                        << QByteArrayList{"tag=1918181833n", "q=0.5"};
    QTest::addRow("header quoted kept")
        << QByteArray(";+sip.instance=\"<urn:uuid:1;2>\";reg-id=1") << false
        << QByteArrayList{"+sip.instance=\"<urn:uuid:1;2>\"", "reg-id=1"};
    QTest::addRow("header IPv6") << QByteArray(";received=[::1];rport") << false
                                 << QByteArrayList{"received=[::1]", "rport"};
    QTest::addRow("empty") << QByteArray() << false << QByteArrayList{};
}

void tst_ParamList::rfc3261_25_1_scanParams()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, uriRules);
    QFETCH(QByteArrayList, items);

    const Scan s = scan(text, uriRules);
    QVERIFY2(!s.error, s.error);
    QCOMPARE(s.items, items);
    // ParamList iterates the same parameters.
    QCOMPARE(listed(ParamList(text)), items);
}

QTEST_GUILESS_MAIN(tst_ParamList)
#include "tst_ParamList.moc"
