// SPDX-License-Identifier: GPL-3.0-or-later
#include "StunMessage.h"

#include <QtEndian>

#include <array>

namespace sip {
namespace {

// RFC 5389 §15.1: the address family byte.
constexpr quint8 kFamilyIpv4 = 0x01;
constexpr quint8 kFamilyIpv6 = 0x02;

quint16 read16(QByteArrayView b, qsizetype at)
{
    return quint16((quint8(b[at]) << 8) | quint8(b[at + 1]));
}

quint32 read32(QByteArrayView b, qsizetype at)
{
    return (quint32(read16(b, at)) << 16) | read16(b, at + 2);
}

void append16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

void append32(QByteArray &out, quint32 v)
{
    append16(out, quint16(v >> 16));
    append16(out, quint16(v & 0xffff));
}

void put16(QByteArray &out, qsizetype at, quint16 v)
{
    out[at] = char(v >> 8);
    out[at + 1] = char(v & 0xff);
}

qsizetype padded(qsizetype n)
{
    return (n + 3) & ~qsizetype(3);
}

// RFC 5389 §6: the method's 12 bits and the class's 2 bits interleave as
// M11..M7 C1 M6..M4 C0 M3..M0.
quint16 messageType(StunMessage::Class cls, quint16 method)
{
    const auto c = quint16(cls);
    return quint16((method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) |
                   ((c & 1) << 4) | ((c & 2) << 7));
}

QString hex(quint32 v, int width)
{
    return QStringLiteral("0x%1").arg(v, width, 16, QLatin1Char('0'));
}

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

} // namespace

StunMessage::StunMessage(Class cls, quint16 method, QByteArray transactionId)
    : m_class(cls)
    , m_method(method)
    , m_transactionId(std::move(transactionId))
{
    m_transactionId.resize(kTransactionIdSize, '\0');
}

quint32 StunMessage::crc32(QByteArrayView data)
{
    const auto &table = crcTable();
    quint32 c = 0xffffffffu;
    for (char ch : data)
        c = table[(c ^ quint8(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

bool StunMessage::looksLikeStun(QByteArrayView d)
{
    // RFC 5389 §6 and §7.3: first two bits zero, the magic cookie, a length
    // that is a multiple of four and accounts for the rest of the datagram.
    if (d.size() < kHeaderSize || (quint8(d[0]) & 0xc0) != 0)
        return false;
    if (read32(d, 4) != kMagicCookie)
        return false;
    const quint16 length = read16(d, 2);
    return length % 4 == 0 && qsizetype(length) + kHeaderSize == d.size();
}

StunMessage::ParseResult StunMessage::parse(QByteArrayView d)
{
    const auto fail = [](const QString &why) { return ParseResult{std::nullopt, why}; };
    if (d.size() < kHeaderSize)
        return fail(QStringLiteral("STUN message of %1 bytes is shorter than the 20-byte header")
                        .arg(d.size()));
    if ((quint8(d[0]) & 0xc0) != 0)
        return fail(QStringLiteral("not STUN: the first two bits are not zero (RFC 5389 §6)"));
    if (read32(d, 4) != kMagicCookie)
        return fail(QStringLiteral("not STUN: magic cookie %1 instead of 0x2112a442")
                        .arg(hex(read32(d, 4), 8)));
    const quint16 length = read16(d, 2);
    if (length % 4 != 0)
        return fail(QStringLiteral("STUN message length %1 is not a multiple of 4 (RFC 5389 §6)")
                        .arg(length));
    if (qsizetype(length) + kHeaderSize != d.size())
        return fail(QStringLiteral("STUN message length %1 does not match the %2 bytes received")
                        .arg(length)
                        .arg(d.size() - kHeaderSize));

    const quint16 type = read16(d, 0);
    const quint16 method =
        quint16((type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2));
    const auto cls = Class(((type >> 4) & 1) | ((type >> 7) & 2));
    if (method != kBinding)
        return fail(
            QStringLiteral("STUN method %1 is not Binding (RFC 5389 §18.1)").arg(hex(method, 3)));

    StunMessage m(cls, method, d.sliced(8, kTransactionIdSize).toByteArray());
    qsizetype at = kHeaderSize;
    while (at < d.size()) {
        if (d.size() - at < 4)
            return fail(QStringLiteral("truncated STUN attribute header at byte %1").arg(at));
        const quint16 attrType = read16(d, at);
        const quint16 attrLength = read16(d, at + 2);
        if (at + 4 + padded(attrLength) > d.size())
            return fail(QStringLiteral("STUN attribute %1 of %2 bytes runs past the end")
                            .arg(hex(attrType, 4))
                            .arg(attrLength));
        if (!m.m_attributes.isEmpty() && m.m_attributes.back().type == kFingerprint)
            return fail(QStringLiteral("STUN attribute after FINGERPRINT (RFC 5389 §15.5)"));
        if (attrType == kFingerprint) {
            if (attrLength != 4)
                return fail(
                    QStringLiteral("STUN FINGERPRINT of %1 bytes instead of 4").arg(attrLength));
            const quint32 expected = crc32(d.first(at)) ^ kFingerprintXor;
            const quint32 got = read32(d, at + 4);
            if (got != expected)
                return fail(QStringLiteral("STUN FINGERPRINT %1 does not match %2")
                                .arg(hex(got, 8), hex(expected, 8)));
        }
        m.m_attributes.append(
            {attrType, d.sliced(at + 4, attrLength).toByteArray(),
             d.sliced(at + 4 + attrLength, padded(attrLength) - attrLength).toByteArray()});
        at += 4 + padded(attrLength);
    }
    return {std::move(m), {}};
}

StunMessage StunMessage::bindingRequest(const QByteArray &transactionId)
{
    return StunMessage(Class::Request, kBinding, transactionId);
}

StunMessage StunMessage::bindingSuccess(const QByteArray &transactionId,
                                        const QHostAddress &address, quint16 port)
{
    StunMessage m(Class::SuccessResponse, kBinding, transactionId);
    m.setXorMappedAddress(address, port);
    return m;
}

QByteArray StunMessage::encode(bool fingerprint) const
{
    QByteArray out;
    append16(out, messageType(m_class, m_method));
    append16(out, 0); // the length, written below
    append32(out, kMagicCookie);
    out.append(m_transactionId);
    for (const Attribute &a : m_attributes) {
        if (a.type == kFingerprint)
            continue; // computed, never copied
        append16(out, a.type);
        append16(out, quint16(a.value.size()));
        out.append(a.value);
        const qsizetype pad = padded(a.value.size()) - a.value.size();
        out.append(a.padding.size() == pad ? a.padding : QByteArray(pad, '\0'));
    }
    if (fingerprint) {
        // RFC 5389 §15.5: the length already counts the FINGERPRINT.
        put16(out, 2, quint16(out.size() - kHeaderSize + 8));
        const quint32 crc = crc32(out) ^ kFingerprintXor;
        append16(out, kFingerprint);
        append16(out, 4);
        append32(out, crc);
    }
    put16(out, 2, quint16(out.size() - kHeaderSize));
    return out;
}

bool StunMessage::hasAttribute(quint16 type) const
{
    return attribute(type).has_value();
}

std::optional<QByteArray> StunMessage::attribute(quint16 type) const
{
    for (const Attribute &a : m_attributes) {
        if (a.type == type)
            return a.value;
    }
    return std::nullopt;
}

void StunMessage::addAttribute(quint16 type, const QByteArray &value)
{
    m_attributes.append({type, value, {}});
}

std::optional<StunMessage::MappedAddress> StunMessage::xorMappedAddress() const
{
    return decodeAddress(kXorMappedAddress, true);
}

std::optional<StunMessage::MappedAddress> StunMessage::mappedAddress() const
{
    return decodeAddress(kMappedAddress, false);
}

std::optional<StunMessage::MappedAddress> StunMessage::decodeAddress(quint16 type, bool xored) const
{
    const auto value = attribute(type);
    if (!value || value->size() < 4)
        return std::nullopt;
    const QByteArrayView v(*value);
    const quint8 family = quint8(v[1]);
    // RFC 5389 §15.2: X-Port is the port XOR the cookie's top 16 bits, an
    // IPv4 X-Address the address XOR the cookie, an IPv6 one the address
    // XOR the cookie and transaction id.
    quint16 port = read16(v, 2);
    if (xored)
        port ^= quint16(kMagicCookie >> 16);
    if (family == kFamilyIpv4 && v.size() == 8) {
        quint32 address = read32(v, 4);
        if (xored)
            address ^= kMagicCookie;
        return MappedAddress{QHostAddress(address), port};
    }
    if (family == kFamilyIpv6 && v.size() == 20) {
        Q_IPV6ADDR address;
        QByteArray mask;
        append32(mask, kMagicCookie);
        mask += m_transactionId;
        for (int i = 0; i < 16; ++i)
            address[i] = quint8(v[4 + i]) ^ (xored ? quint8(mask[i]) : 0);
        return MappedAddress{QHostAddress(address), port};
    }
    return std::nullopt;
}

void StunMessage::setXorMappedAddress(const QHostAddress &address, quint16 port)
{
    QByteArray value;
    bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    quint32 ipv4 = v4 ? address.toIPv4Address() : 0;
    if (!v4) {
        // An IPv4-mapped IPv6 address is the IPv4 peer it stands for.
        bool mapped = false;
        ipv4 = address.toIPv4Address(&mapped);
        v4 = mapped;
    }
    value.append('\0');
    value.append(char(v4 ? kFamilyIpv4 : kFamilyIpv6));
    append16(value, port ^ quint16(kMagicCookie >> 16));
    if (v4) {
        append32(value, ipv4 ^ kMagicCookie);
    } else {
        const Q_IPV6ADDR a = address.toIPv6Address();
        QByteArray mask;
        append32(mask, kMagicCookie);
        mask += m_transactionId;
        for (int i = 0; i < 16; ++i)
            value.append(char(a[i] ^ quint8(mask[i])));
    }
    for (Attribute &a : m_attributes) {
        if (a.type == kXorMappedAddress) {
            a.value = value;
            return;
        }
    }
    addAttribute(kXorMappedAddress, value);
}

} // namespace sip
