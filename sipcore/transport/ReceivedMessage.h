// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A parsed message together with how it arrived: the transport layer hands
// these to the transaction layer (RFC 3261 §18.2.1, §18.1.2).

#include "Endpoint.h"
#include "message/Message.h"

namespace sip {

struct ReceivedMessage
{
    Message message;
    Endpoint remote;        // source address and port, and the transport
    Endpoint local;         // the local socket it arrived on
    quint64 connection = 0; // the TCP/TLS connection (0 for UDP): responses reuse it
};

} // namespace sip
