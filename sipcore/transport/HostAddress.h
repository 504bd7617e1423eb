// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// IP address helpers of the transport layer: the spelling of an address in a
// Via header (RFC 3261 §25.1 IPv6reference), IPv4-mapped addresses of
// dual-stack sockets, and the local address a request is sent from.

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace sip {

// "127.0.0.1", "[::1]": an address as the host of a Via sent-by or a URI.
QByteArray viaHost(const QHostAddress &address);
// The address written in a Via host, received or maddr value ("[::1]" and
// "::1" both work); a null address when it is not an IP literal (a name).
QHostAddress viaAddress(QByteArrayView text);
// ::ffff:a.b.c.d (from a dual-stack socket) as the IPv4 address a.b.c.d;
// everything else unchanged.
QHostAddress normalizedAddress(const QHostAddress &address);
// QHostAddress::Any, AnyIPv4 or AnyIPv6.
bool isWildcard(const QHostAddress &address);
// True when `bound` (an address a transport was bound to) can reach
// `target`: same IP family, or the dual-stack wildcard.
bool sameFamily(const QHostAddress &bound, const QHostAddress &target);
// "IPv4" or "IPv6", for messages.
QString familyName(const QHostAddress &address);
// The address a transport bound to `bound` sends to `target` from, for the
// Via sent-by (RFC 3261 §18.1.1): `bound` itself unless it is a wildcard;
// for a wildcard the loopback address when the target is a loopback one,
// else the first global address of the family on this host.
QHostAddress sourceAddressFor(const QHostAddress &bound, const QHostAddress &target);
// True when `address` is one of this host's addresses (any interface).
bool isLocalAddress(const QHostAddress &address);

} // namespace sip
