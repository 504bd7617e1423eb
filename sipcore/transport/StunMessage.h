// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A STUN message (RFC 5389 §6) as a value: the Binding Request a UA sends as
// an RFC 5626 §4.4.2 keep-alive over UDP, and the Binding Success Response
// carrying XOR-MAPPED-ADDRESS (RFC 5389 §15.2) that tells it where the NAT
// maps its flow. Pure: bytes in, a value or a precise error out; no sockets.
//
// Attributes are kept as they came. XOR-MAPPED-ADDRESS (and the older
// MAPPED-ADDRESS, §15.1) are decoded on request; FINGERPRINT (§15.5) is
// checked when present; MESSAGE-INTEGRITY is not checked (keep-alives carry
// no credentials) and, like other attributes this class does not know, is
// only carried along.

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace sip {

struct StunParseResult;

class StunMessage
{
public:
    // RFC 5389 §6: the fixed header, and the cookie that marks RFC 5389 STUN.
    static constexpr qsizetype kHeaderSize = 20;
    static constexpr quint32 kMagicCookie = 0x2112A442;
    static constexpr qsizetype kTransactionIdSize = 12;
    // RFC 5389 §18.1: the one method defined there.
    static constexpr quint16 kBinding = 0x001;
    // RFC 5389 §18.2 attribute types used here.
    static constexpr quint16 kMappedAddress = 0x0001;
    static constexpr quint16 kXorMappedAddress = 0x0020;
    static constexpr quint16 kMessageIntegrity = 0x0008;
    static constexpr quint16 kSoftware = 0x8022;
    static constexpr quint16 kFingerprint = 0x8028;
    // RFC 5389 §15.5: the CRC-32 is XOR-ed with this ("STUN").
    static constexpr quint32 kFingerprintXor = 0x5354554e;

    // RFC 5389 §6: the two class bits of the message type.
    enum class Class : quint8
    {
        Request = 0,
        Indication = 1,
        SuccessResponse = 2,
        ErrorResponse = 3
    };

    struct Attribute
    {
        quint16 type = 0;
        QByteArray value;   // without padding
        QByteArray padding; // as received (RFC 5389 §15: any value); encoded again as is
    };

    struct MappedAddress
    {
        QHostAddress address;
        quint16 port = 0;
        friend bool operator==(const MappedAddress &a, const MappedAddress &b)
        {
            return a.port == b.port && a.address == b.address;
        }
    };

    using ParseResult = StunParseResult;

    StunMessage() = default;
    StunMessage(Class cls, quint16 method, QByteArray transactionId);

    // RFC 5389 §7.3 demultiplexing: the two leading zero bits, the magic
    // cookie at bytes 4–7, a length that is a multiple of 4 and matches the
    // datagram. A SIP message starts with a letter ("SIP/2.0" or a method),
    // whose top bits are 01, so no SIP message ever passes this test.
    static bool looksLikeStun(QByteArrayView datagram);
    // The message in `bytes` (one whole datagram), or why not. Rejects short
    // or garbage input, a length that does not match, attributes running
    // past the end, methods other than Binding and a FINGERPRINT that does
    // not match.
    static ParseResult parse(QByteArrayView bytes);

    // A Binding Request without attributes (RFC 5389 §7.1); RFC 5626 §4.4.2.
    static StunMessage bindingRequest(const QByteArray &transactionId);
    // The Binding Success Response to `request` with XOR-MAPPED-ADDRESS of
    // the request's source (RFC 5389 §7.3.1, §15.2).
    static StunMessage bindingSuccess(const QByteArray &transactionId, const QHostAddress &address,
                                      quint16 port);

    // The wire form. With `fingerprint` a FINGERPRINT attribute is appended
    // (RFC 5389 §15.5).
    QByteArray encode(bool fingerprint = false) const;

    Class messageClass() const { return m_class; }
    quint16 method() const { return m_method; }
    const QByteArray &transactionId() const { return m_transactionId; }
    const QList<Attribute> &attributes() const { return m_attributes; }
    bool hasAttribute(quint16 type) const;
    std::optional<QByteArray> attribute(quint16 type) const;
    void addAttribute(quint16 type, const QByteArray &value);
    // RFC 5389 §15.2: the address and port, un-XOR-ed; nullopt when absent
    // or malformed (an unknown family, a wrong length).
    std::optional<MappedAddress> xorMappedAddress() const;
    void setXorMappedAddress(const QHostAddress &address, quint16 port);
    // RFC 5389 §15.1: the plain MAPPED-ADDRESS of RFC 3489 servers.
    std::optional<MappedAddress> mappedAddress() const;

    // RFC 5389 §15.5: CRC-32 (ISO HDLC, as in zlib) of `data`.
    static quint32 crc32(QByteArrayView data);

private:
    std::optional<MappedAddress> decodeAddress(quint16 type, bool xored) const;

    Class m_class = Class::Request;
    quint16 m_method = kBinding;
    QByteArray m_transactionId = QByteArray(kTransactionIdSize, '\0');
    QList<Attribute> m_attributes;
};

struct StunParseResult
{
    std::optional<StunMessage> message;
    QString error; // why the bytes are no STUN message we accept
    bool ok() const { return message.has_value(); }
};

} // namespace sip
