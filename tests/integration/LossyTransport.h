// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TransportSender decorator that drops a share of the messages handed to
// it, silently, as a lossy network drops datagrams. The drops follow a seeded
// QRandomGenerator, so a run is reproducible.

#include "transport/TransportSender.h"

#include <QRandomGenerator>

namespace sip::test {

class LossyTransport final : public TransportSender
{
public:
    explicit LossyTransport(TransportSender &inner, quint32 seed = 1)
        : m_inner(inner)
        , m_random(seed)
    {}

    // 0 (default): pass everything through; 0.3: drop 30 %.
    void setDropRate(double rate, quint32 seed)
    {
        m_rate = rate;
        m_random.seed(seed);
    }

    void sendRequest(const Message &request, const Endpoint &target, ErrorCallback onError) override
    {
        ++requests;
        if (drop()) {
            ++droppedRequests;
            return;
        }
        m_inner.sendRequest(request, target, std::move(onError));
    }
    using TransportSender::sendResponse;
    void sendResponse(const QByteArray &wire, const ResponseRoute &route,
                      ErrorCallback onError) override
    {
        ++responses;
        if (drop()) {
            ++droppedResponses;
            return;
        }
        m_inner.sendResponse(wire, route, std::move(onError));
    }

    int requests = 0;
    int responses = 0;
    int droppedRequests = 0;
    int droppedResponses = 0;

private:
    bool drop() { return m_rate > 0 && m_random.generateDouble() < m_rate; }

    TransportSender &m_inner;
    QRandomGenerator m_random;
    double m_rate = 0;
};

} // namespace sip::test
