// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8): states
// Trying, Proceeding, Completed, Terminated. Retransmitted requests are
// absorbed (Trying) or answered with the last response (Proceeding,
// Completed); Timer J keeps the transaction for 64*T1 over unreliable
// transports so late retransmissions still get the final response.

#include "Scheduler.h"
#include "TimerValues.h"
#include "transport/TransportSender.h"

#include <functional>
#include <memory>

namespace sip {

class ServerTransaction
{
public:
    enum class State : quint8
    {
        Trying,
        Proceeding,
        Completed,
        Terminated
    };

    struct Handlers
    {
        // A response could not be sent (§17.2.4): the TU is told.
        std::function<void(const QString &reason)> onTransportError;
        // The transaction reached Terminated (the layer forgets it).
        std::function<void()> onTerminated;
    };

    ServerTransaction(const ReceivedMessage &request, Scheduler &scheduler, TransportSender &sender,
                      const TimerValues &timers, Handlers handlers);
    ~ServerTransaction();
    ServerTransaction(const ServerTransaction &) = delete;
    ServerTransaction &operator=(const ServerTransaction &) = delete;

    // A retransmission of the request (matched by §17.2.3).
    void receiveRetransmission();
    // The TU's response: 1xx moves to Proceeding, a final one to Completed.
    // Returns false when a final response was already sent.
    bool respond(const Message &response);

    State state() const { return m_state; }
    // Where responses go (§18.2.2), worked out from the request once.
    const ResponseRoute &route() const { return m_route; }
    int absorbed() const { return m_absorbed; }

private:
    void send(const QByteArray &wire);
    void terminate();

    // Only what retransmissions need is kept (Timer J holds this for 32 s
    // over UDP): the route and the last response's bytes.
    ResponseRoute m_route;
    Scheduler &m_scheduler;
    TransportSender &m_sender;
    TimerValues m_timers;
    Handlers m_handlers;
    QByteArray m_lastResponse;
    State m_state = State::Trying;
    Scheduler::TimerId m_timerJ = 0;
    int m_absorbed = 0;
    std::shared_ptr<ServerTransaction *> m_self;
};

} // namespace sip
