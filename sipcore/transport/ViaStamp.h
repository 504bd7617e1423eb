// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the transport layer writes into the top Via: the sent-protocol and
// sent-by of an outgoing request (RFC 3261 §18.1.1, RFC 3581 §3), and the
// received and rport parameters of an incoming one (RFC 3261 §18.2.1, RFC
// 3581 §4).
//
// These are free functions on Message's public API. A Message method would be
// cleaner; the one this needs is
//     bool Message::replaceTopVia(QByteArrayView value);
// "replaces the first Via value only, leaving the other Via values, their
// header lines and every other header where they are; false (message
// unchanged) when the message has no Via or the value does not parse".
// replaceTopVia() below stands in for it with setHeader(), which puts every
// Via value on the first Via header line (equivalent, RFC 3261 §7.3.1).

#include "Endpoint.h"
#include "message/Message.h"

namespace sip {

// Replaces the top Via value of `message` with `value`, keeping the other
// Via values in order. False (message unchanged) when there is no Via or
// `value` does not parse.
bool replaceTopVia(Message &message, QByteArrayView value);

// RFC 3261 §18.1.1: the top Via of a request about to be sent names the
// transport it goes over and the address and port it is sent from (for
// connections: the port that accepts connections, §18.2.2). Keeps the branch
// and the other parameters, drops a stale "received", and makes sure a
// valueless "rport" is present (RFC 3581 §3).
bool stampSentBy(Message &request, TransportType transport, const QHostAddress &address,
                 quint16 port);

// RFC 3261 §18.2.1: adds "received=<source>" to the top Via of a received
// request when its sent-by host is a name or differs from the source
// address; RFC 3581 §4: fills a valueless "rport" with the source port, and
// then adds "received" even when it equals the sent-by host. Returns true
// when the Via was changed.
bool stampReceived(Message &request, const QHostAddress &source, quint16 sourcePort);

} // namespace sip
