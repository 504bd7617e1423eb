// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the transaction layer needs from the transport layer. Sockets sit
// behind this interface, so transactions are tested with a fake that
// captures the wire text.

#include "ReceivedMessage.h"
#include "ResponseRoute.h"

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
    // Sends a serialized response along its route (RFC 3261 §18.2.2, RFC
    // 3581 §4): over the request's connection when it is still open, else to
    // the received/rport address of the top Via. A route with an error
    // fails the send with that error. Server transactions keep only the
    // route and the bytes, not the request and response they came from.
    virtual void sendResponse(const QByteArray &wire, const ResponseRoute &route,
                              ErrorCallback onError) = 0;
    // The same for a response to `request`, routed by its top Via.
    void sendResponse(const Message &response, const ReceivedMessage &request,
                      ErrorCallback onError)
    {
        sendResponse(response.toWire(), ResponseRoute::forRequest(request), std::move(onError));
    }
};

} // namespace sip
