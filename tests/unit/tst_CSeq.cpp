// SPDX-License-Identifier: GPL-3.0-or-later
// sip::CSeq: CSeq = "CSeq" HCOLON 1*DIGIT LWS Method (RFC 3261 §20.16), the
// number below 2**31 (§8.1.1.5).

#include "message/CSeq.h"
#include "message/Limits.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray b(QByteArrayView v)
{
    return v.toByteArray();
}

} // namespace

class tst_CSeq : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_16_cseq_data();
    void rfc3261_20_16_cseq();
    void rfc3261_8_1_1_5_sequenceNumber_data();
    void rfc3261_8_1_1_5_sequenceNumber();
    void rfc3261_20_16_invalid_data();
    void rfc3261_20_16_invalid();
    void construct();
    void keepsItsBytes();
};

void tst_CSeq::rfc3261_20_16_cseq_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint32>("number");
    QTest::addColumn<QByteArray>("method");

    QTest::addRow("rfc 20.16 example")
        << QByteArray("4711 INVITE") << quint32(4711) << QByteArray("INVITE");
    QTest::addRow("MESSAGE") << QByteArray("1 MESSAGE") << quint32(1) << QByteArray("MESSAGE");
    QTest::addRow("zero") << QByteArray("0 REGISTER") << quint32(0) << QByteArray("REGISTER");
    QTest::addRow("leading zeros") << QByteArray("007 ACK") << quint32(7) << QByteArray("ACK");
    QTest::addRow("leading and trailing LWS")
        << QByteArray("  4711 INVITE \t") << quint32(4711) << QByteArray("INVITE");
    QTest::addRow("several spaces")
        << QByteArray("4711    INVITE") << quint32(4711) << QByteArray("INVITE");
    QTest::addRow("tab") << QByteArray("4711\tINVITE") << quint32(4711) << QByteArray("INVITE");
    QTest::addRow("folded LWS") << QByteArray("4711\r\n INVITE") << quint32(4711)
                                << QByteArray("INVITE");
    // Method names are case-sensitive (§7.1), and extension methods are tokens.
    QTest::addRow("case kept") << QByteArray("5 invite") << quint32(5) << QByteArray("invite");
    QTest::addRow("extension method")
        << QByteArray("9 X-FOO.BAR") << quint32(9) << QByteArray("X-FOO.BAR");
}

void tst_CSeq::rfc3261_20_16_cseq()
{
    QFETCH(QByteArray, text);
    QFETCH(quint32, number);
    QFETCH(QByteArray, method);

    const char *why = nullptr;
    const auto c = CSeq::parse(text, text, &why);
    QVERIFY2(c, why);
    QVERIFY(c->isValid());
    QCOMPARE(c->number(), number);
    QCOMPARE(b(c->method()), method);
}

// RFC 3261 §8.1.1.5: "The sequence number value MUST be expressible as a
// 32-bit unsigned integer and MUST be less than 2**31."
void tst_CSeq::rfc3261_8_1_1_5_sequenceNumber_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint32>("number");

    QTest::addRow("2^31 - 1") << QByteArray("2147483647 MESSAGE") << true << quint32(2147483647u);
    QTest::addRow("2^31") << QByteArray("2147483648 MESSAGE") << false << quint32(0);
    QTest::addRow("2^32 - 1") << QByteArray("4294967295 MESSAGE") << false << quint32(0);
    QTest::addRow("2^32") << QByteArray("4294967296 MESSAGE") << false << quint32(0);
    QTest::addRow("2^31 - 1 with leading zeros")
        << QByteArray("0002147483647 MESSAGE") << true << quint32(2147483647u);
    QTest::addRow("20 digits") << QByteArray("99999999999999999999 MESSAGE") << false << quint32(0);
}

void tst_CSeq::rfc3261_8_1_1_5_sequenceNumber()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(quint32, number);

    const char *why = nullptr;
    const auto c = CSeq::parse(text, text, &why);
    QCOMPARE(c.has_value(), valid);
    if (valid) {
        QCOMPARE(c->number(), number);
        QVERIFY(c->number() <= limits::kMaxCSeq);
    } else {
        QVERIFY(why && *why);
    }
}

void tst_CSeq::rfc3261_20_16_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("only LWS") << QByteArray("   ");
    QTest::addRow("missing method") << QByteArray("4711");
    QTest::addRow("missing method, trailing LWS") << QByteArray("4711  ");
    QTest::addRow("missing number") << QByteArray("INVITE");
    QTest::addRow("missing number, leading LWS") << QByteArray("  INVITE");
    QTest::addRow("no LWS") << QByteArray("4711INVITE");
    QTest::addRow("negative") << QByteArray("-1 INVITE");
    QTest::addRow("plus sign") << QByteArray("+1 INVITE");
    QTest::addRow("hex") << QByteArray("0x10 INVITE");
    QTest::addRow("decimal point") << QByteArray("1.5 INVITE");
    QTest::addRow("two methods") << QByteArray("1 INVITE ACK");
    QTest::addRow("separator in method") << QByteArray("1 INV:ITE");
    QTest::addRow("method then number") << QByteArray("INVITE 1");
    QTest::addRow("utf-8 method") << QByteArray("1 M\xc3\x89SSAGE");
}

void tst_CSeq::rfc3261_20_16_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto c = CSeq::parse(text, text, &why);
    QVERIFY(!c);
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!CSeq::parse(text, text)); // a null `why` is allowed
}

void tst_CSeq::construct()
{
    const CSeq c(42, "MESSAGE");
    QVERIFY(c.isValid());
    QCOMPARE(c.number(), quint32(42));
    QCOMPARE(b(c.method()), QByteArray("MESSAGE"));

    // Copies stay valid after the original is gone.
    std::optional<CSeq> copy;
    {
        const CSeq original(7, QByteArray("OPTIONS"));
        copy = original;
    }
    QCOMPARE(copy->number(), quint32(7));
    QCOMPARE(b(copy->method()), QByteArray("OPTIONS"));

    QVERIFY(!CSeq().isValid());
    QCOMPARE(CSeq().number(), quint32(0));
}

void tst_CSeq::keepsItsBytes()
{
    std::optional<CSeq> kept;
    {
        QByteArray owner("CSeq: 4711 INVITE\r\n");
        const QByteArrayView value = QByteArrayView(owner).sliced(5, owner.size() - 7);
        kept = CSeq::parse(value, owner);
        QVERIFY(kept);
        owner.fill('X');
    }
    QCOMPARE(kept->number(), quint32(4711));
    QCOMPARE(b(kept->method()), QByteArray("INVITE"));
}

QTEST_GUILESS_MAIN(tst_CSeq)
#include "tst_CSeq.moc"
