// SPDX-License-Identifier: GPL-3.0-or-later
// sip::lookupHeader and friends: known header names, their compact forms
// (RFC 3261 §7.3.3 and the IANA "Header Fields" registry), case-insensitive
// matching (§7.3.1), and list/singleton classification.

#include "message/HeaderName.h"

#include <QTest>

using namespace sip;

class tst_HeaderName : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_7_3_3_compactForm_data();
    void rfc3261_7_3_3_compactForm();
    void rfc3261_7_3_1_caseInsensitive_data();
    void rfc3261_7_3_1_caseInsensitive();
    void unknownNames_data();
    void unknownNames();
    void canonicalHeaderName_data();
    void canonicalHeaderName();
    void rfc3261_7_3_1_listAndSingleton_data();
    void rfc3261_7_3_1_listAndSingleton();
    void everyIdRoundTrips();
};

// RFC 3261 §7.3.3: i m e l c f s k t v; the others from the IANA registry:
// a Accept-Contact, j Reject-Contact, d Request-Disposition (RFC 3841),
// o Event, u Allow-Events (RFC 6665), r Refer-To (RFC 3515), b Referred-By
// (RFC 3892), x Session-Expires (RFC 4028), y Identity (RFC 8224).
void tst_HeaderName::rfc3261_7_3_3_compactForm_data()
{
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<HeaderId>("id");
    QTest::addColumn<QByteArray>("canonical");

    const struct
    {
        char c;
        HeaderId id;
        const char *name;
    } rows[] = {
        {'i', HeaderId::CallId, "Call-ID"},
        {'m', HeaderId::Contact, "Contact"},
        {'e', HeaderId::ContentEncoding, "Content-Encoding"},
        {'l', HeaderId::ContentLength, "Content-Length"},
        {'c', HeaderId::ContentType, "Content-Type"},
        {'f', HeaderId::From, "From"},
        {'s', HeaderId::Subject, "Subject"},
        {'k', HeaderId::Supported, "Supported"},
        {'t', HeaderId::To, "To"},
        {'v', HeaderId::Via, "Via"},
        {'a', HeaderId::AcceptContact, "Accept-Contact"},
        {'o', HeaderId::Event, "Event"},
        {'r', HeaderId::ReferTo, "Refer-To"},
        {'u', HeaderId::AllowEvents, "Allow-Events"},
        {'b', HeaderId::ReferredBy, "Referred-By"},
        {'x', HeaderId::SessionExpires, "Session-Expires"},
        {'y', HeaderId::Identity, "Identity"},
        {'j', HeaderId::RejectContact, "Reject-Contact"},
        {'d', HeaderId::RequestDisposition, "Request-Disposition"},
    };
    for (const auto &r : rows) {
        QTest::addRow("%c", r.c) << QByteArray(1, r.c) << r.id << QByteArray(r.name);
        const char upper = char(r.c - 'a' + 'A');
        QTest::addRow("%c", upper) << QByteArray(1, upper) << r.id << QByteArray(r.name);
    }
    // Letters with no compact form (n was Identity-Info, deprecated).
    for (char c : {'g', 'h', 'n', 'p', 'q', 'w', 'z', 'N', 'Z'})
        QTest::addRow("%c unknown", c) << QByteArray(1, c) << HeaderId::Other << QByteArray();
}

void tst_HeaderName::rfc3261_7_3_3_compactForm()
{
    QFETCH(QByteArray, compact);
    QFETCH(HeaderId, id);
    QFETCH(QByteArray, canonical);
    QCOMPARE(lookupHeader(compact), id);
    QCOMPARE(sip::canonicalHeaderName(lookupHeader(compact)).toByteArray(), canonical);
    if (id != HeaderId::Other)
        QCOMPARE(lookupHeader(canonical), id); // the long form is the same header
}

// RFC 3261 §7.3.1: "field names are always case-insensitive".
void tst_HeaderName::rfc3261_7_3_1_caseInsensitive_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<HeaderId>("id");

    QTest::addRow("Call-ID") << QByteArray("Call-ID") << HeaderId::CallId;
    QTest::addRow("call-id") << QByteArray("call-id") << HeaderId::CallId;
    QTest::addRow("CALL-ID") << QByteArray("CALL-ID") << HeaderId::CallId;
    QTest::addRow("cAlL-iD") << QByteArray("cAlL-iD") << HeaderId::CallId;
    QTest::addRow("Call-Id") << QByteArray("Call-Id") << HeaderId::CallId;
    QTest::addRow("cseq") << QByteArray("cseq") << HeaderId::CSeq;
    QTest::addRow("CSEQ") << QByteArray("CSEQ") << HeaderId::CSeq;
    QTest::addRow("via") << QByteArray("via") << HeaderId::Via;
    QTest::addRow("VIA") << QByteArray("VIA") << HeaderId::Via;
    QTest::addRow("to") << QByteArray("to") << HeaderId::To;
    QTest::addRow("tO") << QByteArray("tO") << HeaderId::To;
    QTest::addRow("content-length") << QByteArray("content-length") << HeaderId::ContentLength;
    QTest::addRow("CONTENT-TYPE") << QByteArray("CONTENT-TYPE") << HeaderId::ContentType;
    QTest::addRow("www-authenticate")
        << QByteArray("www-authenticate") << HeaderId::WwwAuthenticate;
    QTest::addRow("Www-Authenticate")
        << QByteArray("Www-Authenticate") << HeaderId::WwwAuthenticate;
    QTest::addRow("mime-version") << QByteArray("mime-version") << HeaderId::MimeVersion;
    QTest::addRow("max-FORWARDS") << QByteArray("max-FORWARDS") << HeaderId::MaxForwards;
    QTest::addRow("authentication-info (19 chars)")
        << QByteArray("AUTHENTICATION-INFO") << HeaderId::AuthenticationInfo;
    QTest::addRow("subscription-state")
        << QByteArray("subscription-STATE") << HeaderId::SubscriptionState;
    QTest::addRow("request-disposition")
        << QByteArray("Request-disposition") << HeaderId::RequestDisposition;
    QTest::addRow("content-disposition")
        << QByteArray("content-DISPOSITION") << HeaderId::ContentDisposition;
    QTest::addRow("proxy-authorization")
        << QByteArray("PROXY-authorization") << HeaderId::ProxyAuthorization;
    QTest::addRow("proxy-authenticate")
        << QByteArray("proxy-AUTHENTICATE") << HeaderId::ProxyAuthenticate;
}

void tst_HeaderName::rfc3261_7_3_1_caseInsensitive()
{
    QFETCH(QByteArray, name);
    QFETCH(HeaderId, id);
    QCOMPARE(lookupHeader(name), id);
}

// Names this library does not know, and near misses of known ones.
void tst_HeaderName::unknownNames_data()
{
    QTest::addColumn<QByteArray>("name");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("extension") << QByteArray("X-Custom");
    QTest::addRow("P-Asserted-Identity") << QByteArray("P-Asserted-Identity");
    QTest::addRow("Identity-Info") << QByteArray("Identity-Info");
    QTest::addRow("CR for dash") << QByteArray("Content\rLength");
    QTest::addRow("NUL for dash") << QByteArray("Content\0Length", 14);
    QTest::addRow("space for dash") << QByteArray("Content Length");
    QTest::addRow("underscore for dash") << QByteArray("Content_Length");
    QTest::addRow("letter for dash") << QByteArray("ContentxLength");
    QTest::addRow("@ for a") << QByteArray("C@ll-ID");
    QTest::addRow("control char for a") << QByteArray("C\x01ll-ID");
    QTest::addRow("bracket for dash") << QByteArray("Call]ID");
    QTest::addRow("suffix digit") << QByteArray("Via2");
    QTest::addRow("prefix") << QByteArray("Vi");
    QTest::addRow("longer") << QByteArray("Content-Lengthy");
    QTest::addRow("trailing space") << QByteArray("Content-Length ");
    QTest::addRow("leading space") << QByteArray(" Via");
    QTest::addRow("colon included") << QByteArray("To:");
    QTest::addRow("trailing NUL") << QByteArray("Via\0", 4);
    QTest::addRow("digit") << QByteArray("1");
    QTest::addRow("dash") << QByteArray("-");
    QTest::addRow("two letters") << QByteArray("ii");
    QTest::addRow("utf-8") << QByteArray("V\xc3\xad"
                                         "a");
    QTest::addRow("high bit letters") << QByteArray("\xd6\xe9\xe1"); // 'V'|0x80 'i'|0x80 'a'|0x80
    QTest::addRow("20 chars") << QByteArray("Authentication-Infos");
    QTest::addRow("21 chars exactly") << QByteArray("Subscription-State-XX");
    QTest::addRow("known name + tail, 25 chars") << QByteArray("Proxy-Authorization-Extra");
    QTest::addRow("256 chars") << QByteArray(256, 'v');
    QTest::addRow("2-char prefix of Call-ID") << QByteArray("Ca");
}

void tst_HeaderName::unknownNames()
{
    QFETCH(QByteArray, name);
    QCOMPARE(lookupHeader(name), HeaderId::Other);
}

void tst_HeaderName::canonicalHeaderName_data()
{
    QTest::addColumn<HeaderId>("id");
    QTest::addColumn<QByteArray>("name");

    QTest::addRow("Call-ID") << HeaderId::CallId << QByteArray("Call-ID");
    QTest::addRow("CSeq") << HeaderId::CSeq << QByteArray("CSeq");
    QTest::addRow("WWW-Authenticate")
        << HeaderId::WwwAuthenticate << QByteArray("WWW-Authenticate");
    QTest::addRow("MIME-Version") << HeaderId::MimeVersion << QByteArray("MIME-Version");
    QTest::addRow("Via") << HeaderId::Via << QByteArray("Via");
    QTest::addRow("Content-Length") << HeaderId::ContentLength << QByteArray("Content-Length");
    QTest::addRow("Other") << HeaderId::Other << QByteArray();
    QTest::addRow("Count_") << HeaderId::Count_ << QByteArray();
    QTest::addRow("out of range") << HeaderId(200) << QByteArray();
}

void tst_HeaderName::canonicalHeaderName()
{
    QFETCH(HeaderId, id);
    QFETCH(QByteArray, name);
    QCOMPARE(sip::canonicalHeaderName(id).toByteArray(), name);
}

// RFC 3261 §7.3.1: headers whose grammar is a comma-separated list may be
// combined on one line; the others (§20 grammar without a list form) may
// appear once.
void tst_HeaderName::rfc3261_7_3_1_listAndSingleton_data()
{
    QTest::addColumn<HeaderId>("id");
    QTest::addColumn<bool>("list");
    QTest::addColumn<bool>("singleton");

    QTest::addRow("Via") << HeaderId::Via << true << false;
    QTest::addRow("Contact") << HeaderId::Contact << true << false;
    QTest::addRow("Route") << HeaderId::Route << true << false;
    QTest::addRow("Record-Route") << HeaderId::RecordRoute << true << false;
    QTest::addRow("Allow") << HeaderId::Allow << true << false;
    QTest::addRow("Supported") << HeaderId::Supported << true << false;
    QTest::addRow("Require") << HeaderId::Require << true << false;
    QTest::addRow("Call-ID") << HeaderId::CallId << false << true;
    QTest::addRow("CSeq") << HeaderId::CSeq << false << true;
    QTest::addRow("From") << HeaderId::From << false << true;
    QTest::addRow("To") << HeaderId::To << false << true;
    QTest::addRow("Max-Forwards") << HeaderId::MaxForwards << false << true;
    QTest::addRow("Content-Length") << HeaderId::ContentLength << false << true;
    QTest::addRow("Content-Type") << HeaderId::ContentType << false << true;
    QTest::addRow("Expires") << HeaderId::Expires << false << true;
    QTest::addRow("Date") << HeaderId::Date << false << true;
    // Several challenges/credentials arrive as separate header lines; their
    // values contain commas that are not list separators.
    QTest::addRow("WWW-Authenticate") << HeaderId::WwwAuthenticate << false << false;
    QTest::addRow("Authorization") << HeaderId::Authorization << false << false;
    QTest::addRow("Proxy-Authenticate") << HeaderId::ProxyAuthenticate << false << false;
    QTest::addRow("Other") << HeaderId::Other << false << false;
    QTest::addRow("Count_") << HeaderId::Count_ << false << false;
}

void tst_HeaderName::rfc3261_7_3_1_listAndSingleton()
{
    QFETCH(HeaderId, id);
    QFETCH(bool, list);
    QFETCH(bool, singleton);
    QCOMPARE(isListHeader(id), list);
    QCOMPARE(isSingletonHeader(id), singleton);
}

// Every known id has a canonical name that looks up to the same id in any
// case, and no header is both a list and a singleton.
void tst_HeaderName::everyIdRoundTrips()
{
    for (int i = int(HeaderId::Other) + 1; i < int(HeaderId::Count_); ++i) {
        const auto id = HeaderId(i);
        const QByteArray name = sip::canonicalHeaderName(id).toByteArray();
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
        QCOMPARE(lookupHeader(name), id);
        QCOMPARE(lookupHeader(name.toLower()), id);
        QCOMPARE(lookupHeader(name.toUpper()), id);
        QVERIFY2(!(isListHeader(id) && isSingletonHeader(id)), name.constData());
        // One more or one fewer char is a different (unknown) name.
        QCOMPARE(lookupHeader(name + 'x'), HeaderId::Other);
        QCOMPARE(lookupHeader(name.chopped(1) + '#'), HeaderId::Other);
    }
}

QTEST_GUILESS_MAIN(tst_HeaderName)
#include "tst_HeaderName.moc"
