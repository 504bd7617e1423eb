// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counters of the transport layer, for tests, --trace summaries and health.

#include <QtGlobal>

namespace sip {

struct TransportStats
{
    quint64 messagesSent = 0;
    quint64 messagesReceived = 0; // delivered to the receive handler
    quint64 invalidMessages = 0;  // given to the invalid handler
    // RFC 3261 §18.1.2: responses whose top Via sent-by is not ours.
    quint64 strayResponses = 0;
    quint64 connectionsOpened = 0;   // outgoing connections started
    quint64 connectionsAccepted = 0; // incoming connections accepted
    quint64 connectionsRefused = 0;  // incoming connections over the cap
    quint64 pingsAnswered = 0;       // RFC 5626 §4.4.1 CRLFCRLF -> CRLF
    quint64 pingsSent = 0;           // keep-alives sent (sendKeepAlive)
};

} // namespace sip
