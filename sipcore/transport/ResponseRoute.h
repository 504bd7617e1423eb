// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where a response goes (RFC 3261 §18.2.2, RFC 3581 §4), worked out from the
// request it answers. Pure: no sockets, so the rules are tested on their own.

#include "ReceivedMessage.h"

#include <QString>

namespace sip {

struct ResponseRoute
{
    // Reliable transports: the request's connection, used while it is open.
    quint64 connection = 0;
    // Otherwise (and always for UDP) the destination.
    Endpoint target;
    // The request's source and the local socket it arrived on (a UDP
    // response leaves from that socket).
    Endpoint remote;
    Endpoint local;
    // Why there is no route (empty when there is one).
    QString error;

    bool ok() const { return error.isEmpty(); }

    // RFC 3261 §18.2.2:
    //  - reliable: the request's connection; if it has closed, a new
    //    connection to the "received" address (or the source address) and
    //    the sent-by port (default 5060, 5061 for TLS);
    //  - unreliable: with "maddr", that address and the sent-by port (5060
    //    by default); else the "received" address (or the source address)
    //    and, when the Via has "rport" (RFC 3581 §4), its value (or the
    //    source port when it is still valueless), else the sent-by port.
    // The source address stands in for "received", which stampReceived()
    // adds whenever the sent-by host differs from it.
    static ResponseRoute forRequest(const ReceivedMessage &request);
};

} // namespace sip
