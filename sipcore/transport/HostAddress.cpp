// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostAddress.h"

#include <QNetworkInterface>

namespace sip {

QByteArray viaHost(const QHostAddress &address)
{
    const QHostAddress a = normalizedAddress(address);
    if (a.protocol() == QAbstractSocket::IPv4Protocol) {
        // Dotted decimal by hand: QHostAddress::toString() formats through
        // QString::asprintf, and every request and response passes here.
        const quint32 v4 = a.toIPv4Address();
        char buf[16];
        char *p = buf;
        for (int shift = 24; shift >= 0; shift -= 8) {
            const unsigned octet = (v4 >> shift) & 0xff;
            if (octet >= 100)
                *p++ = char('0' + octet / 100);
            if (octet >= 10)
                *p++ = char('0' + octet / 10 % 10);
            *p++ = char('0' + octet % 10);
            if (shift)
                *p++ = '.';
        }
        return QByteArray(buf, p - buf);
    }
    QByteArray host = a.toString().toLatin1();
    if (a.protocol() == QAbstractSocket::IPv6Protocol) {
        // RFC 3261 §25.1: IPv6reference = "[" IPv6address "]"; no zone id.
        if (const qsizetype percent = host.indexOf('%'); percent >= 0)
            host.truncate(percent);
        return '[' + host + ']';
    }
    return host;
}

QHostAddress viaAddress(QByteArrayView text)
{
    QByteArrayView t = text;
    if (t.size() >= 2 && t.front() == '[' && t.back() == ']')
        t = t.sliced(1, t.size() - 2);
    if (t.isEmpty())
        return {};
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(t)))
        return {};
    return normalizedAddress(address);
}

QHostAddress normalizedAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4);
    }
    return address;
}

bool isWildcard(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
           address == QHostAddress::AnyIPv6;
}

bool sameFamily(const QHostAddress &bound, const QHostAddress &target)
{
    if (bound.protocol() == QAbstractSocket::AnyIPProtocol)
        return true; // QHostAddress::Any: a dual-stack socket
    return bound.protocol() == target.protocol();
}

QString familyName(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("IPv6")
                                                               : QStringLiteral("IPv4");
}

QHostAddress sourceAddressFor(const QHostAddress &bound, const QHostAddress &target)
{
    if (!isWildcard(bound))
        return bound;
    const bool v6 = target.protocol() == QAbstractSocket::IPv6Protocol;
    const QHostAddress loopback(v6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
    if (target.isLoopback())
        return loopback;
    const auto family = v6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == family && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return loopback;
}

bool isLocalAddress(const QHostAddress &address)
{
    if (address.isLoopback())
        return true;
    const QHostAddress a = normalizedAddress(address);
    for (const QHostAddress &local : QNetworkInterface::allAddresses()) {
        if (normalizedAddress(local).isEqual(a))
            return true;
    }
    return false;
}

} // namespace sip
