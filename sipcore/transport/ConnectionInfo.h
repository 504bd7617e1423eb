// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A snapshot of one TCP/TLS connection of the transport layer.

#include "Endpoint.h"

namespace sip {

struct ConnectionInfo
{
    quint64 id = 0;
    Endpoint local;  // this side's address and port
    Endpoint remote; // the peer's
    bool outgoing = false;
    bool open = false; // false while connecting or in the TLS handshake
};

} // namespace sip
