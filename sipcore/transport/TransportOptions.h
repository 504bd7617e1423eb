// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Tunables of the transport layer, each with its reason. Defaults suit a
// user agent; tests shorten the timeouts.

#include <QtGlobal>

namespace sip {

struct TransportOptions
{
    // A TCP/TLS connection without traffic for this long is closed (RFC 3261
    // §18.3 leaves the policy to the implementation; RFC 5626 §4.4.1 keeps a
    // wanted flow alive with CRLF pings well inside it).
    qint64 idleTimeoutMs = 600'000;
    // TCP connect plus TLS handshake; past it queued messages fail.
    qint64 connectTimeoutMs = 10'000;
    // Open and opening connections, both directions. A peer opening more is
    // refused; a send that needs one more fails.
    int maxConnections = 1000;
    // Bytes written to a connection that the peer has not read yet; a send
    // beyond it fails instead of buffering without bound. (Received bytes are
    // bounded by StreamFramer: limits::kMaxHeaderSectionSize and
    // limits::kMaxStreamBodySize.)
    qint64 maxSendBuffer = 4 * 1024 * 1024;
    // SO_RCVBUF asked for on UDP sockets, so a burst of datagrams waits in the
    // kernel rather than being dropped (the kernel caps it, net.core.rmem_max).
    int udpReceiveBuffer = 1024 * 1024;
};

} // namespace sip
