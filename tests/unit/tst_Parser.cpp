// SPDX-License-Identifier: GPL-3.0-or-later
// The parser against the torture-style cases in tests/data/sip/torture
// (RFC 4475 in spirit, written for Tidings), the RFC 3261 §18.3 framing
// rules, the hard limits, and parse -> serialize -> parse round trips.

#include "message/Lex.h"
#include "message/Limits.h"
#include "message/Parser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTest>

using namespace sip;

namespace {

const QString kTortureDir = QStringLiteral(TIDINGS_TEST_DATA_DIR "/sip/torture/");

QJsonArray loadCases()
{
    QFile f(kTortureDir + QStringLiteral("cases.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
}

QByteArray readCase(const QJsonObject &c)
{
    QFile f(kTortureDir + c.value(QStringLiteral("file")).toString());
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    return f.readAll();
}

QByteArray codeName(ParseError::Code code)
{
    switch (code) {
#define NAME(c)                                                                                    \
    case ParseError::Code::c:                                                                      \
        return #c;
        NAME(None)
        NAME(Empty)
        NAME(TooLarge)
        NAME(TooManyHeaders)
        NAME(LineTooLong)
        NAME(Incomplete)
        NAME(BadStartLine)
        NAME(BadVersion)
        NAME(BadHeaderLine)
        NAME(BadHeaderValue)
        NAME(MissingHeader)
        NAME(DuplicateHeader)
        NAME(CSeqMismatch)
        NAME(MissingContentLength)
        NAME(BodyTruncated)
        NAME(BodyLengthMismatch)
#undef NAME
    }
    return "?";
}

QString s(QByteArrayView v)
{
    return QString::fromUtf8(v);
}

Parser::Framing framingOf(const QJsonObject &c)
{
    return c.value(QStringLiteral("framing")).toString() == QLatin1String("stream")
               ? Parser::Framing::Stream
               : Parser::Framing::Datagram;
}

// A minimal valid request with `extra` header lines before Content-Length.
QByteArray request(const QByteArray &extra, const QByteArray &body = {})
{
    return "MESSAGE sip:bob@example.org SIP/2.0\r\n"
           "Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKlim\r\n"
           "From: <sip:alice@example.com>;tag=1\r\n"
           "To: <sip:bob@example.org>\r\n"
           "Call-ID: lim@192.0.2.9\r\n"
           "CSeq: 1 MESSAGE\r\n" +
           extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class tst_Parser : public QObject
{
    Q_OBJECT

private slots:
    void tortureCases_data();
    void tortureCases();
    void roundTrip_data();
    void roundTrip();
    void rfc3261_18_3_datagramLimit();
    void limits_headerCount();
    void limits_lineLength();
    void limits_viaCount();
    void parseError_reasonPhraseHasNoLineBreaks();
    void rfc3261_8_2_versionGets505();
    void rawBytesAreShared();
};

void tst_Parser::tortureCases_data()
{
    QTest::addColumn<QJsonObject>("expect");
    for (const QJsonValue &v : loadCases()) {
        const QJsonObject c = v.toObject();
        QTest::addRow("%s", qPrintable(c.value(QStringLiteral("name")).toString())) << c;
    }
}

void tst_Parser::tortureCases()
{
    QFETCH(QJsonObject, expect);
    const QByteArray wire = readCase(expect);
    const ParseResult r = Parser::parse(wire, framingOf(expect));
    const auto str = [&](const char *key) { return expect.value(QLatin1String(key)).toString(); };
    const auto has = [&](const char *key) { return expect.contains(QLatin1String(key)); };
    const auto num = [&](const char *key) { return expect.value(QLatin1String(key)).toInteger(); };

    if (!expect.value(QStringLiteral("valid")).toBool()) {
        QVERIFY2(!r.ok(), "an invalid message parsed");
        QCOMPARE(codeName(r.error.code), str("error").toUtf8());
        QCOMPARE(s(r.error.header), str("header"));
        QCOMPARE(r.error.respondable, expect.value(QStringLiteral("respondable")).toBool());
        QVERIFY(!r.error.reasonPhrase().isEmpty());
        return;
    }
    QVERIFY2(r.ok(), r.error.reasonPhrase().constData());
    const Message &m = r.message;

    if (has("method")) {
        QVERIFY(m.isRequest());
        QCOMPARE(s(m.methodName()), str("method"));
    }
    if (has("status")) {
        QVERIFY(m.isResponse());
        QCOMPARE(m.statusCode(), num("status"));
    }
    if (has("reason"))
        QCOMPARE(s(m.reasonPhrase()), str("reason"));
    if (has("ruri"))
        QCOMPARE(s(m.requestUri().text()), str("ruri"));
    if (has("ruriScheme"))
        QCOMPARE(s(m.requestUri().schemeText()), str("ruriScheme"));
    if (has("ruriUser"))
        QCOMPARE(s(m.requestUri().user()), str("ruriUser"));
    if (has("ruriPassword"))
        QCOMPARE(s(m.requestUri().password()), str("ruriPassword"));
    if (has("ruriHost"))
        QCOMPARE(s(m.requestUri().host()), str("ruriHost"));
    if (has("ruriPort"))
        QCOMPARE(m.requestUri().port(), num("ruriPort"));
    if (has("ruriUserDecoded"))
        QCOMPARE(s(m.requestUri().userDecoded()), str("ruriUserDecoded"));
    if (has("ruriUserDecodedHex"))
        QCOMPARE(m.requestUri().userDecoded().toHex(), str("ruriUserDecodedHex").toUtf8());
    if (has("callId"))
        QCOMPARE(s(m.callId()), str("callId"));
    if (has("cseq"))
        QCOMPARE(qint64(m.cseq().number()), num("cseq"));
    if (has("cseqMethod"))
        QCOMPARE(s(m.cseq().method()), str("cseqMethod"));
    if (has("fromUri"))
        QCOMPARE(s(m.from().uri().text()), str("fromUri"));
    if (has("fromTag"))
        QCOMPARE(s(m.from().tag()), str("fromTag"));
    if (has("fromDisplay"))
        QCOMPARE(m.from().displayName(), str("fromDisplay"));
    if (has("fromUserDecoded"))
        QCOMPARE(s(m.from().uri().userDecoded()), str("fromUserDecoded"));
    if (has("toUri"))
        QCOMPARE(s(m.to().uri().text()), str("toUri"));
    if (has("toTag"))
        QCOMPARE(s(m.to().tag()), str("toTag"));
    if (has("toDisplay"))
        QCOMPARE(m.to().displayName(), str("toDisplay"));
    if (has("toUserDecoded"))
        QCOMPARE(s(m.to().uri().userDecoded()), str("toUserDecoded"));
    if (has("maxForwards"))
        QCOMPARE(m.maxForwards(), num("maxForwards"));
    if (has("contentType"))
        QCOMPARE(s(m.contentType().essence()), str("contentType"));
    if (has("charset"))
        QCOMPARE(s(m.contentType().charset()), str("charset"));
    if (has("contentLength"))
        QCOMPARE(m.contentLength(), num("contentLength"));
    if (has("body"))
        QCOMPARE(s(m.body()), str("body"));
    if (has("bodyLength"))
        QCOMPARE(m.body().size(), num("bodyLength"));
    if (has("headerCount"))
        QCOMPARE(m.headers().size(), num("headerCount"));
    if (has("viaCount"))
        QCOMPARE(m.vias().size(), num("viaCount"));
    if (has("vias")) {
        const QJsonArray vias = expect.value(QStringLiteral("vias")).toArray();
        QCOMPARE(m.vias().size(), vias.size());
        for (qsizetype i = 0; i < vias.size(); ++i) {
            const QJsonObject e = vias[i].toObject();
            const Via &v = m.vias()[i];
            QCOMPARE(s(v.transport()), e.value(QStringLiteral("transport")).toString());
            QCOMPARE(s(v.host()), e.value(QStringLiteral("host")).toString());
            QCOMPARE(v.port(), e.value(QStringLiteral("port")).toInt());
            QCOMPARE(s(v.branch()), e.value(QStringLiteral("branch")).toString());
            QCOMPARE(s(v.received()), e.value(QStringLiteral("received")).toString());
            QCOMPARE(v.hasRport(), e.contains(QStringLiteral("rport")));
            QCOMPARE(v.rport(), e.value(QStringLiteral("rport")).toInt());
        }
    }
    if (has("headers")) {
        const QJsonObject headers = expect.value(QStringLiteral("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            QVERIFY2(m.hasHeader(it.key().toUtf8()), qPrintable(it.key()));
            QCOMPARE(s(m.headerUnfolded(it.key().toUtf8())), it.value().toString());
        }
    }
    if (has("contactCount") || has("contactDisplay") || has("contactQ") ||
        has("contactUserDecoded") || has("contactExpires")) {
        const char *why = nullptr;
        const auto contacts = m.contacts(&why);
        QVERIFY2(contacts.has_value(), why);
        QVERIFY(!contacts->isEmpty());
        if (has("contactCount"))
            QCOMPARE(contacts->size(), num("contactCount"));
        if (has("contactDisplay"))
            QCOMPARE(contacts->front().address().displayName(), str("contactDisplay"));
        if (has("contactQ"))
            QCOMPARE(s(contacts->front().q()), str("contactQ"));
        if (has("contactUserDecoded"))
            QCOMPARE(s(contacts->front().uri().userDecoded()), str("contactUserDecoded"));
        if (has("contactExpires"))
            QCOMPARE(qint64(contacts->front().expires().value_or(0)), num("contactExpires"));
        if (has("contactCount") && num("contactCount") == 3) {
            // §20.19: an expires beyond 2**32-1 is taken as that value.
            QCOMPARE(contacts->at(2).expires().value_or(0), 4294967295u);
            QCOMPARE(contacts->at(1).expires().value_or(0), 60u);
        }
    }
    if (has("routeCount")) {
        const auto routes = m.routes();
        QVERIFY(routes.has_value());
        QCOMPARE(routes->size(), num("routeCount"));
        QVERIFY(routes->front().uri().hasParam("lr"));
    }
    if (has("acceptCount")) {
        const auto accept = m.accept();
        QVERIFY(accept.has_value());
        QCOMPARE(accept->size(), num("acceptCount"));
    }
    if (has("allowCount")) {
        const auto allow = m.allow();
        QVERIFY(allow.has_value());
        QCOMPARE(allow->size(), num("allowCount"));
        QVERIFY(allow->contains("MESSAGE"));
    }
    if (has("authUsername")) {
        const auto auth = m.authorization();
        QVERIFY(auth.has_value());
        QCOMPARE(auth->size(), 1);
        QCOMPARE(s(auth->front().username()), str("authUsername"));
        QCOMPARE(s(auth->front().realm()), str("authRealm"));
        QCOMPARE(s(auth->front().nonceCount()), str("authNc"));
        QVERIFY(auth->front().isDigest());
    }
}

void tst_Parser::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("expect");
    for (const QJsonValue &v : loadCases()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("valid")).toBool())
            QTest::addRow("%s", qPrintable(c.value(QStringLiteral("name")).toString())) << c;
    }
}

void tst_Parser::roundTrip()
{
    QFETCH(QJsonObject, expect);
    const ParseResult first = Parser::parse(readCase(expect), framingOf(expect));
    QVERIFY(first.ok());
    // Serialized text is canonical, frames on a stream and parses to the
    // same values; serializing again changes nothing.
    const QByteArray wire = first.message.toWire();
    const ParseResult second = Parser::parse(wire, Parser::Framing::Stream);
    QVERIFY2(second.ok(), second.error.reasonPhrase().constData());
    const Message &a = first.message;
    const Message &b = second.message;
    QCOMPARE(b.toWire(), wire);
    QCOMPARE(b.isRequest(), a.isRequest());
    QCOMPARE(b.methodName(), a.methodName());
    QCOMPARE(b.requestUri().text(), a.requestUri().text());
    QCOMPARE(b.statusCode(), a.statusCode());
    QCOMPARE(b.reasonPhrase(), a.reasonPhrase());
    QCOMPARE(b.headers().size(),
             a.headers().size() + (a.hasHeader(HeaderId::ContentLength) ? 0 : 1));
    QCOMPARE(b.vias().size(), a.vias().size());
    for (qsizetype i = 0; i < a.vias().size(); ++i) {
        QCOMPARE(b.vias()[i].branch(), a.vias()[i].branch());
        QCOMPARE(b.vias()[i].host(), a.vias()[i].host());
    }
    QVERIFY(b.from().uri().equivalentTo(a.from().uri()));
    QCOMPARE(b.from().tag(), a.from().tag());
    QCOMPARE(b.from().displayName(), a.from().displayName());
    QVERIFY(b.to().uri().equivalentTo(a.to().uri()));
    QCOMPARE(b.callId(), a.callId());
    QCOMPARE(b.cseq().number(), a.cseq().number());
    QCOMPARE(b.maxForwards(), a.maxForwards());
    QCOMPARE(b.body(), a.body());
    QCOMPARE(b.contentLength(), a.body().size());
    for (qsizetype i = 0; i < a.headers().size(); ++i) {
        if (a.headers()[i].id == HeaderId::ContentLength)
            continue;
        QCOMPARE(b.headers()[i].id, a.headers()[i].id);
        QCOMPARE(b.headers()[i].value, QByteArrayView(lex::unfold(a.headers()[i].value)));
    }
}

void tst_Parser::rfc3261_18_3_datagramLimit()
{
    // A datagram can never exceed the largest UDP payload; anything larger
    // handed to the datagram parser is refused before it is examined.
    const QByteArray big = request({}, QByteArray(limits::kMaxDatagramSize, 'x'));
    const ParseResult r = Parser::parseDatagram(big);
    QCOMPARE(r.error.code, ParseError::Code::TooLarge);
    QCOMPARE(r.error.suggestedStatus(), 513);
    // Just under the limit parses.
    const QByteArray ok = request({}, QByteArray(60000, 'x'));
    QVERIFY(Parser::parseDatagram(ok).ok());
}

void tst_Parser::limits_headerCount()
{
    QByteArray extra;
    for (int i = 0; i < limits::kMaxHeaderCount; ++i)
        extra += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    const ParseResult r = Parser::parseDatagram(request(extra));
    QCOMPARE(r.error.code, ParseError::Code::TooManyHeaders);
    // Well under the limit is fine and keeps unknown headers in order.
    QByteArray some;
    for (int i = 0; i < 100; ++i)
        some += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    const ParseResult ok = Parser::parseDatagram(request(some));
    QVERIFY(ok.ok());
    QCOMPARE(ok.message.headerValues("X-Filler-42").value(0), QByteArrayView("42"));
    QCOMPARE(ok.message.headers()[5 + 7].name, QByteArrayView("X-Filler-7"));
}

void tst_Parser::limits_lineLength()
{
    const QByteArray longValue(limits::kMaxHeaderLineLength, 'a');
    const ParseResult r = Parser::parseDatagram(request("Subject: " + longValue + "\r\n"));
    QCOMPARE(r.error.code, ParseError::Code::LineTooLong);
    const ParseResult ok =
        Parser::parseDatagram(request("Subject: " + longValue.left(8000) + "\r\n"));
    QVERIFY(ok.ok());
}

void tst_Parser::limits_viaCount()
{
    QByteArray vias;
    for (int i = 0; i < limits::kMaxViaCount; ++i)
        vias += "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK" + QByteArray::number(i) + "\r\n";
    const ParseResult r = Parser::parseDatagram(request(vias)); // one more than the limit
    QCOMPARE(r.error.code, ParseError::Code::BadHeaderValue);
    QCOMPARE(r.error.header, QByteArray("Via"));
}

void tst_Parser::parseError_reasonPhraseHasNoLineBreaks()
{
    ParseError e = ParseError::make(ParseError::Code::BadHeaderValue, "Via", "bad\r\nthing\x01");
    const QByteArray reason = e.reasonPhrase();
    QVERIFY(!reason.contains('\r'));
    QVERIFY(!reason.contains('\n'));
    QVERIFY(!reason.contains('\x01'));
    QCOMPARE(reason, QByteArray("Malformed Via header (bad  thing )"));
}

void tst_Parser::rfc3261_8_2_versionGets505()
{
    QByteArray wire = request({});
    wire.replace("SIP/2.0\r\n", "SIP/3.0\r\n");
    const ParseResult r = Parser::parseDatagram(wire);
    QCOMPARE(r.error.code, ParseError::Code::BadVersion);
    QCOMPARE(r.error.suggestedStatus(), 505);
}

void tst_Parser::rawBytesAreShared()
{
    // The parser keeps views into the bytes it was given: no copy.
    const QByteArray wire = request({}, "hello");
    const ParseResult r = Parser::parseDatagram(wire);
    QVERIFY(r.ok());
    QCOMPARE(r.message.rawBytes().constData(), wire.constData());
    QCOMPARE(r.message.body().data(), wire.constData() + wire.size() - 5);
    // A copy of the message outlives the original bytes' owner.
    Message copy;
    {
        QByteArray owned = request({}, "world");
        copy = Parser::parseDatagram(owned).message;
    }
    QCOMPARE(copy.body(), QByteArrayView("world"));
    QCOMPARE(copy.from().tag(), QByteArrayView("1"));
}

QTEST_GUILESS_MAIN(tst_Parser)
#include "tst_Parser.moc"
