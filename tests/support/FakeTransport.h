// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TransportSender that captures what would go on the wire (with the
// scheduler's time) and can be told to fail sends.

#include "transport/TransportSender.h"

#include <QList>

#include <functional>

namespace sip::test {

class FakeTransport final : public TransportSender
{
public:
    struct Sent
    {
        qint64 at;            // scheduler time of the send
        QByteArray wire;      // serialized message
        Endpoint destination; // the target, or the request's source for responses
        bool isResponse;
    };

    explicit FakeTransport(std::function<qint64()> clock = {})
        : m_clock(std::move(clock))
    {}

    void sendRequest(const Message &request, const Endpoint &target, ErrorCallback onError) override
    {
        record(request.toWire(), target, false, std::move(onError));
    }
    using TransportSender::sendResponse;
    void sendResponse(const QByteArray &wire, const ResponseRoute &route,
                      ErrorCallback onError) override
    {
        record(wire, route.remote, true, std::move(onError));
    }

    // The next sends fail synchronously with this reason (empty: succeed).
    QString failWith;
    // Error callbacks of sends, to fail them later (asynchronously).
    QList<ErrorCallback> pendingErrors;
    QList<Sent> sent;

private:
    void record(const QByteArray &wire, const Endpoint &to, bool response, ErrorCallback onError)
    {
        if (!failWith.isEmpty()) {
            onError(failWith);
            return;
        }
        sent.append({m_clock ? m_clock() : 0, wire, to, response});
        pendingErrors.append(std::move(onError));
    }

    std::function<qint64()> m_clock;
};

} // namespace sip::test
