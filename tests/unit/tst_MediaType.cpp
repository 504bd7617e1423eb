// SPDX-License-Identifier: GPL-3.0-or-later
// sip::MediaType: media-type of Content-Type (RFC 3261 §20.15) and the
// media-range of Accept (§20.1), grammar of §25.1.

#include "message/MediaType.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

} // namespace

class tst_MediaType : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_15_contentType_data();
    void rfc3261_20_15_contentType();
    void rfc3261_20_1_acceptWildcards_data();
    void rfc3261_20_1_acceptWildcards();
    void rfc3261_20_1_matches_data();
    void rfc3261_20_1_matches();
    void rfc3261_25_1_invalid_data();
    void rfc3261_25_1_invalid();
    void keepsItsBytes();
};

// RFC 3261 §25.1: media-type = m-type SLASH m-subtype *(SEMI m-parameter),
// SLASH = SWS "/" SWS; m-parameter = m-attribute EQUAL m-value,
// m-value = token / quoted-string.
void tst_MediaType::rfc3261_20_15_contentType_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("subtype");
    QTest::addColumn<QByteArray>("essence");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<int>("paramCount");

    QTest::addRow("rfc 20.15 application/sdp")
        << QByteArray("application/sdp") << QByteArray("application") << QByteArray("sdp")
        << QByteArray("application/sdp") << QByteArray() << 0;
    QTest::addRow("rfc 20.15 charset")
        << QByteArray("text/html; charset=ISO-8859-4") << QByteArray("text") << QByteArray("html")
        << QByteArray("text/html") << QByteArray("ISO-8859-4") << 1;
    QTest::addRow("text/plain UTF-8")
        << QByteArray("text/plain;charset=UTF-8") << QByteArray("text") << QByteArray("plain")
        << QByteArray("text/plain") << QByteArray("UTF-8") << 1;
    QTest::addRow("quoted charset")
        << QByteArray("text/plain; charset=\"UTF-8\"") << QByteArray("text") << QByteArray("plain")
        << QByteArray("text/plain") << QByteArray("UTF-8") << 1;
    QTest::addRow("spaces around slash")
        << QByteArray("text / plain") << QByteArray("text") << QByteArray("plain")
        << QByteArray("text/plain") << QByteArray() << 0;
    QTest::addRow("LWS everywhere")
        << QByteArray(" text\t/\tplain ; charset = utf-8 ; format=flowed ") << QByteArray("text")
        << QByteArray("plain") << QByteArray("text/plain") << QByteArray("utf-8") << 2;
    QTest::addRow("case kept, essence lower-cased")
        << QByteArray("Application/IM-IsComposing+XML") << QByteArray("Application")
        << QByteArray("IM-IsComposing+XML") << QByteArray("application/im-iscomposing+xml")
        << QByteArray() << 0;
    QTest::addRow("RFC 3862 CPIM")
        << QByteArray("message/cpim") << QByteArray("message") << QByteArray("cpim")
        << QByteArray("message/cpim") << QByteArray() << 0;
    QTest::addRow("charset name case")
        << QByteArray("text/plain;CHARSET=utf-8") << QByteArray("text") << QByteArray("plain")
        << QByteArray("text/plain") << QByteArray("utf-8") << 1;
    QTest::addRow("quoted boundary")
        << QByteArray("multipart/mixed;boundary=\"boundary 1\"") << QByteArray("multipart")
        << QByteArray("mixed") << QByteArray("multipart/mixed") << QByteArray() << 1;
    QTest::addRow("quoted charset with escape")
        << QByteArray(R"(text/plain;charset="a\"b")") << QByteArray("text") << QByteArray("plain")
        << QByteArray("text/plain") << QByteArray(R"(a"b)") << 1;
}

void tst_MediaType::rfc3261_20_15_contentType()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, subtype);
    QFETCH(QByteArray, essence);
    QFETCH(QByteArray, charset);
    QFETCH(int, paramCount);

    const char *why = nullptr;
    const auto m = MediaType::parse(text, &why);
    QVERIFY2(m, why);
    QVERIFY(m->isValid());
    QCOMPARE(b(m->type()), type);
    QCOMPARE(b(m->subtype()), subtype);
    QCOMPARE(m->essence(), essence);
    QCOMPARE(m->charset(), charset);
    QCOMPARE(m->params().count(), paramCount);
    QCOMPARE(b(m->text()), text.trimmed());
    QVERIFY(m->matches(type.toUpper(), subtype.toLower()));
}

// RFC 3261 §20.1 / §25.1: media-range = ( "*/*" / ( m-type SLASH "*" ) /
// ( m-type SLASH m-subtype ) ) ... only in Accept; Content-Type names one
// concrete type.
void tst_MediaType::rfc3261_20_1_acceptWildcards_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("allowWildcards");
    QTest::addColumn<bool>("valid");

    QTest::addRow("*/* in Accept") << QByteArray("*/*") << true << true;
    QTest::addRow("text/* in Accept") << QByteArray("text/*") << true << true;
    QTest::addRow("*/* with q in Accept") << QByteArray("*/*;q=0.1") << true << true;
    QTest::addRow("concrete in Accept") << QByteArray("application/sdp") << true << true;
    QTest::addRow("*/plain in Accept") << QByteArray("*/plain") << true << false;
    QTest::addRow("*/* in Content-Type") << QByteArray("*/*") << false << false;
    QTest::addRow("text/* in Content-Type") << QByteArray("text/*") << false << false;
    QTest::addRow("*/plain in Content-Type") << QByteArray("*/plain") << false << false;
}

void tst_MediaType::rfc3261_20_1_acceptWildcards()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, allowWildcards);
    QFETCH(bool, valid);

    const char *why = nullptr;
    const auto m = MediaType::parse(text, text, allowWildcards, &why);
    QCOMPARE(m.has_value(), valid);
    if (!valid)
        QVERIFY(why && *why);
    if (!allowWildcards)
        QCOMPARE(MediaType::parse(text, &why).has_value(), valid); // the default
}

// Type and subtype compare case-insensitively (RFC 2045 §5.1); wildcards in
// the range match anything.
void tst_MediaType::rfc3261_20_1_matches_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("subtype");
    QTest::addColumn<bool>("matches");

    QTest::addRow("same") << QByteArray("text/plain") << QByteArray("text") << QByteArray("plain")
                          << true;
    QTest::addRow("case") << QByteArray("text/plain") << QByteArray("TEXT") << QByteArray("Plain")
                          << true;
    QTest::addRow("params ignored") << QByteArray("text/plain;charset=utf-8") << QByteArray("text")
                                    << QByteArray("plain") << true;
    QTest::addRow("other subtype")
        << QByteArray("text/plain") << QByteArray("text") << QByteArray("html") << false;
    QTest::addRow("other type") << QByteArray("text/plain") << QByteArray("image")
                                << QByteArray("plain") << false;
    QTest::addRow("*/* matches all")
        << QByteArray("*/*") << QByteArray("application") << QByteArray("pidf+xml") << true;
    QTest::addRow("text/* matches text")
        << QByteArray("text/*") << QByteArray("Text") << QByteArray("html") << true;
    QTest::addRow("text/* rejects image")
        << QByteArray("text/*") << QByteArray("image") << QByteArray("png") << false;
    QTest::addRow("subtype prefix")
        << QByteArray("text/plain") << QByteArray("text") << QByteArray("plai") << false;
}

void tst_MediaType::rfc3261_20_1_matches()
{
    QFETCH(QByteArray, range);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, subtype);
    QFETCH(bool, matches);

    const char *why = nullptr;
    const auto m = MediaType::parse(range, range, true, &why);
    QVERIFY2(m, why);
    QCOMPARE(m->matches(type, subtype), matches);
}

void tst_MediaType::rfc3261_25_1_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("no slash") << QByteArray("text");
    QTest::addRow("no type") << QByteArray("/plain");
    QTest::addRow("no subtype") << QByteArray("text/");
    QTest::addRow("no subtype before params") << QByteArray("text/;charset=utf-8");
    QTest::addRow("space inside type") << QByteArray("te xt/plain");
    QTest::addRow("separator in type") << QByteArray("te@xt/plain");
    QTest::addRow("second slash") << QByteArray("text/plain/x");
    QTest::addRow("junk after subtype") << QByteArray("text/plain junk");
    QTest::addRow("trailing semicolon") << QByteArray("text/plain;");
    QTest::addRow("param without name") << QByteArray("text/plain;=utf-8");
    QTest::addRow("param empty value") << QByteArray("text/plain;charset=");
    QTest::addRow("unterminated quote") << QByteArray("text/plain;charset=\"utf-8");
    QTest::addRow("comma (two types)") << QByteArray("text/plain, text/html");
    QTest::addRow("wildcard") << QByteArray("*/*");
}

void tst_MediaType::rfc3261_25_1_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto m = MediaType::parse(text, &why);
    QVERIFY2(!m, qPrintable(m ? QString::fromUtf8(m->essence()) : QString()));
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!MediaType::parse(text)); // a null `why` is allowed
    QVERIFY(!MediaType().isValid());
}

void tst_MediaType::keepsItsBytes()
{
    std::optional<MediaType> kept;
    {
        QByteArray owner("Content-Type: text/plain;charset=UTF-8\r\n");
        const QByteArrayView value = QByteArrayView(owner).sliced(14, owner.size() - 16);
        const char *why = nullptr;
        kept = MediaType::parse(value, owner, false, &why);
        QVERIFY2(kept, why);
        owner.fill('X');
    }
    QCOMPARE(kept->essence(), QByteArray("text/plain"));
    QCOMPARE(kept->charset(), QByteArray("UTF-8"));
    QCOMPARE(b(kept->text()), QByteArray("text/plain;charset=UTF-8"));
}

QTEST_GUILESS_MAIN(tst_MediaType)
#include "tst_MediaType.moc"
