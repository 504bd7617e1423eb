// SPDX-License-Identifier: GPL-3.0-or-later
// The STUN codec (RFC 5389 §6, §15.2, §15.5) used for RFC 5626 §4.4.2 keep-
// alives: the RFC 5769 test vectors byte for byte, XOR-MAPPED-ADDRESS for
// IPv4 and IPv6, the FINGERPRINT CRC-32, demultiplexing against SIP, and
// malformed input rejected with a precise error.

#include "transport/StunMessage.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray fromHex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

const QByteArray kTransactionId = fromHex("b7e7a701 bc34d686 fa87dfae");

// RFC 5769 §2.1: sample request (SOFTWARE, PRIORITY, ICE-CONTROLLED,
// USERNAME, MESSAGE-INTEGRITY, FINGERPRINT).
QByteArray rfc5769Request()
{
    return fromHex("00010058 2112a442 b7e7a701 bc34d686 fa87dfae"
                   "80220010 5354554e 20746573 7420636c 69656e74"
                   "00240004 6e0001ff"
                   "80290008 932ff9b1 51263b36"
                   "00060009 6576746a 3a683676 59202020"
                   "00080014 9aeaa70c bfd8cb56 781ef2b5 b2d3f249 c1b571a2"
                   "80280004 e57a3bcf");
}

// RFC 5769 §2.2: sample IPv4 response, mapped address 192.0.2.1:32853.
QByteArray rfc5769Ipv4Response()
{
    return fromHex("0101003c 2112a442 b7e7a701 bc34d686 fa87dfae"
                   "8022000b 74657374 20766563 746f7220"
                   "00200008 0001a147 e112a643"
                   "00080014 2b91f599 fd9e90c3 8c7489f9 2af9ba53 f06be7d7"
                   "80280004 c07d4c96");
}

// RFC 5769 §2.3: sample IPv6 response, mapped address
// [2001:db8:1234:5678:11:2233:4455:6677]:32853.
QByteArray rfc5769Ipv6Response()
{
    return fromHex("01010048 2112a442 b7e7a701 bc34d686 fa87dfae"
                   "8022000b 74657374 20766563 746f7220"
                   "00200014 0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"
                   "00080014 a382954e 4be67bf1 1784c97c 8292c275 bfe3ed41"
                   "80280004 c8fb0b4c");
}

} // namespace

class tst_StunMessage : public QObject
{
    Q_OBJECT

private slots:
    void rfc5769SampleRequest_rfc5389_6();
    void rfc5769Responses_rfc5389_15_2_data();
    void rfc5769Responses_rfc5389_15_2();
    void bindingRequestBytes_rfc5389_6();
    void roundTrip_rfc5389_15_2_data();
    void roundTrip_rfc5389_15_2();
    void fingerprintWritten_rfc5389_15_5();
    void crc32KnownValue();
    void malformedRejected_data();
    void malformedRejected();
    void demultiplexFromSip_rfc5389_7_3_data();
    void demultiplexFromSip_rfc5389_7_3();
};

void tst_StunMessage::rfc5769SampleRequest_rfc5389_6()
{
    const QByteArray wire = rfc5769Request();
    QCOMPARE(wire.size(), 108);
    QVERIFY(StunMessage::looksLikeStun(wire));
    const auto r = StunMessage::parse(wire);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.message->messageClass(), StunMessage::Class::Request);
    QCOMPARE(r.message->method(), StunMessage::kBinding);
    QCOMPARE(r.message->transactionId(), kTransactionId);
    // Six attributes, unknown ones carried along; the FINGERPRINT matched
    // (parse() rejects a wrong one), MESSAGE-INTEGRITY is not checked.
    QCOMPARE(r.message->attributes().size(), 6);
    QCOMPARE(r.message->attribute(StunMessage::kSoftware), QByteArray("STUN test client"));
    QCOMPARE(r.message->attribute(0x0006), QByteArray("evtj:h6vY")); // USERNAME, unpadded
    QVERIFY(r.message->hasAttribute(StunMessage::kMessageIntegrity));
    QVERIFY(!r.message->xorMappedAddress());
    // Encoded again: the same bytes (the FINGERPRINT recomputed).
    QCOMPARE(r.message->encode(true), wire);
}

void tst_StunMessage::rfc5769Responses_rfc5389_15_2_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("address");
    QTest::addRow("RFC 5769 §2.2 IPv4") << rfc5769Ipv4Response() << QStringLiteral("192.0.2.1");
    QTest::addRow("RFC 5769 §2.3 IPv6")
        << rfc5769Ipv6Response() << QStringLiteral("2001:db8:1234:5678:11:2233:4455:6677");
}

void tst_StunMessage::rfc5769Responses_rfc5389_15_2()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, address);
    QVERIFY(StunMessage::looksLikeStun(wire));
    const auto r = StunMessage::parse(wire);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.message->messageClass(), StunMessage::Class::SuccessResponse);
    QCOMPARE(r.message->transactionId(), kTransactionId);
    QCOMPARE(r.message->attribute(StunMessage::kSoftware), QByteArray("test vector"));
    const auto mapped = r.message->xorMappedAddress();
    QVERIFY(mapped);
    QCOMPARE(mapped->address, QHostAddress(address));
    QCOMPARE(mapped->port, quint16(32853));
    QCOMPARE(r.message->encode(true), wire);
    // Our own encoding of the address gives the RFC's X-Port and X-Address.
    StunMessage ours(StunMessage::Class::SuccessResponse, StunMessage::kBinding, kTransactionId);
    ours.setXorMappedAddress(QHostAddress(address), 32853);
    QCOMPARE(ours.attribute(StunMessage::kXorMappedAddress),
             r.message->attribute(StunMessage::kXorMappedAddress));
}

void tst_StunMessage::bindingRequestBytes_rfc5389_6()
{
    // RFC 5626 §4.4.2: a Binding Request; no attributes needed.
    const QByteArray id = fromHex("000102030405060708090a0b");
    const QByteArray wire = StunMessage::bindingRequest(id).encode();
    QCOMPARE(wire, fromHex("00010000 2112a442 00010203 04050607 08090a0b"));
    QVERIFY(StunMessage::looksLikeStun(wire));
    // The success response type is 0x0101, the error response 0x0111.
    QCOMPARE(StunMessage(StunMessage::Class::SuccessResponse, StunMessage::kBinding, id)
                 .encode()
                 .left(2),
             fromHex("0101"));
    QCOMPARE(
        StunMessage(StunMessage::Class::ErrorResponse, StunMessage::kBinding, id).encode().left(2),
        fromHex("0111"));
    QCOMPARE(
        StunMessage(StunMessage::Class::Indication, StunMessage::kBinding, id).encode().left(2),
        fromHex("0011"));
}

void tst_StunMessage::roundTrip_rfc5389_15_2_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::addRow("IPv4 loopback") << "127.0.0.1" << 5060 << "127.0.0.1";
    QTest::addRow("IPv4 high port") << "203.0.113.7" << 65535 << "203.0.113.7";
    QTest::addRow("IPv6 loopback") << "::1" << 5062 << "::1";
    QTest::addRow("IPv6 documentation") << "2001:db8::7" << 1 << "2001:db8::7";
    QTest::addRow("IPv4-mapped IPv6 as IPv4") << "::ffff:192.0.2.9" << 4000 << "192.0.2.9";
}

void tst_StunMessage::roundTrip_rfc5389_15_2()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, expected);
    const QByteArray id = fromHex("a1a2a3a4a5a6a7a8a9aaabac");
    const QByteArray wire =
        StunMessage::bindingSuccess(id, QHostAddress(address), quint16(port)).encode();
    const auto r = StunMessage::parse(wire);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.message->messageClass(), StunMessage::Class::SuccessResponse);
    QCOMPARE(r.message->transactionId(), id);
    const auto mapped = r.message->xorMappedAddress();
    QVERIFY(mapped);
    QCOMPARE(mapped->address, QHostAddress(expected));
    QCOMPARE(mapped->port, quint16(port));
}

void tst_StunMessage::fingerprintWritten_rfc5389_15_5()
{
    const QByteArray id = fromHex("0c0b0a090807060504030201");
    const QByteArray wire = StunMessage::bindingRequest(id).encode(true);
    QCOMPARE(wire.size(), 28);
    QCOMPARE(wire.mid(2, 2), fromHex("0008"));
    QCOMPARE(wire.mid(20, 4), fromHex("80280004"));
    const auto r = StunMessage::parse(wire);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.message->hasAttribute(StunMessage::kFingerprint));
    // One bit changed in the transaction id: the FINGERPRINT no longer fits.
    QByteArray bad = wire;
    bad[19] = char(bad[19] ^ 1);
    const auto rejected = StunMessage::parse(bad);
    QVERIFY(!rejected.ok());
    QVERIFY2(rejected.error.startsWith(QStringLiteral("STUN FINGERPRINT")),
             qPrintable(rejected.error));
}

void tst_StunMessage::crc32KnownValue()
{
    // The CRC-32 check value of the ISO HDLC polynomial.
    QCOMPARE(StunMessage::crc32("123456789"), 0xcbf43926u);
    QCOMPARE(StunMessage::crc32({}), 0u);
}

void tst_StunMessage::malformedRejected_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("error");
    const QByteArray request = fromHex("00010000 2112a442 000102030405060708090a0b");
    QTest::addRow("empty") << QByteArray() << "STUN message of 0 bytes is shorter";
    QTest::addRow("19 bytes") << request.left(19) << "STUN message of 19 bytes is shorter";
    QTest::addRow("SIP text") << QByteArray("SIP/2.0 200 OK\r\nVia: x\r\n\r\n")
                              << "not STUN: the first two bits";
    QTest::addRow("no magic cookie (RFC 3489)")
        << fromHex("00010000 2112a443 000102030405060708090a0b") << "not STUN: magic cookie";
    QTest::addRow("length not a multiple of 4")
        << fromHex("00010002 2112a442 000102030405060708090a0b 0000")
        << "STUN message length 2 is not a multiple of 4";
    QTest::addRow("length past the datagram")
        << fromHex("00010008 2112a442 000102030405060708090a0b 00200008")
        << "STUN message length 8 does not match the 4 bytes";
    QTest::addRow("trailing bytes")
        << fromHex("00010000 2112a442 000102030405060708090a0b 00000000")
        << "STUN message length 0 does not match the 4 bytes";
    QTest::addRow("attribute past the end")
        << fromHex("01010008 2112a442 000102030405060708090a0b 00200008 0001a147")
        << "STUN attribute 0x0020 of 8 bytes runs past the end";
    QTest::addRow("unknown method") << fromHex("00030000 2112a442 000102030405060708090a0b")
                                    << "STUN method 0x003 is not Binding";
    QTest::addRow("fingerprint of 8 bytes")
        << fromHex("0001000c 2112a442 000102030405060708090a0b 80280008 00000000 00000000")
        << "STUN FINGERPRINT of 8 bytes instead of 4";
    // A correct FINGERPRINT (over a header that counts the attribute after
    // it), then one more attribute.
    QByteArray afterFingerprint = fromHex("0001000c 2112a442 000102030405060708090a0b");
    const quint32 crc = StunMessage::crc32(afterFingerprint) ^ StunMessage::kFingerprintXor;
    afterFingerprint += fromHex("80280004") +
                        QByteArray::fromHex(QByteArray::number(crc, 16).rightJustified(8, '0')) +
                        fromHex("80220000");
    QTest::addRow("attribute after fingerprint")
        << afterFingerprint << "STUN attribute after FINGERPRINT";
}

void tst_StunMessage::malformedRejected()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, error);
    const auto r = StunMessage::parse(wire);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
}

void tst_StunMessage::demultiplexFromSip_rfc5389_7_3_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<bool>("stun");
    QTest::addRow("binding request")
        << StunMessage::bindingRequest(QByteArray(12, '\1')).encode() << true;
    QTest::addRow("binding response")
        << StunMessage::bindingSuccess(QByteArray(12, '\2'), QHostAddress::LocalHost, 5060).encode()
        << true;
    QTest::addRow("SIP request") << QByteArray("MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n\r\n")
                                 << false;
    QTest::addRow("SIP response") << QByteArray("SIP/2.0 200 OK\r\n\r\n") << false;
    QTest::addRow("CRLF keep-alive") << QByteArray("\r\n") << false;
    QTest::addRow("20 zero bytes") << QByteArray(20, '\0') << false;
    QTest::addRow("length mismatch")
        << fromHex("00010004 2112a442 000102030405060708090a0b") << false;
}

void tst_StunMessage::demultiplexFromSip_rfc5389_7_3()
{
    QFETCH(QByteArray, datagram);
    QFETCH(bool, stun);
    QCOMPARE(StunMessage::looksLikeStun(datagram), stun);
}

QTEST_GUILESS_MAIN(tst_StunMessage)
#include "tst_StunMessage.moc"
