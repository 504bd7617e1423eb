// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the transaction layer needs from the transport layer. Sockets sit
// behind this interface, so transactions are tested with a fake that
// captures the wire text.

#include "ReceivedMessage.h"

#include <functional>

namespace sip {

class TransportSender
{
public:
    // Called at most once, when the message could not be sent (at once or
    // later, e.g. a TCP connection that failed), with the reason in words.
    using ErrorCallback = std::function<void(const QString &reason)>;

    virtual ~TransportSender() = default;

    // Sends a request to a resolved target over target.transport (target
    // selection and the RFC 3261 §18.1.1 size rule happen before).
    virtual void sendRequest(const Message &request, const Endpoint &target,
                             ErrorCallback onError) = 0;
    // Sends a response back the way RFC 3261 §18.2.2 and RFC 3581 §4 say:
    // over the request's connection when it is still open, else to the
    // received/rport address of the top Via.
    virtual void sendResponse(const Message &response, const ReceivedMessage &request,
                              ErrorCallback onError) = 0;
};

} // namespace sip
