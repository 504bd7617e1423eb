// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6): states
// Trying, Proceeding, Completed, Terminated; Timer E retransmits over
// unreliable transports, Timer F ends the wait (64*T1), Timer K absorbs
// response retransmissions.

#include "Scheduler.h"
#include "TimerValues.h"
#include "transport/TransportSender.h"

#include <QString>

#include <functional>

namespace sip {

// How a client transaction ended without a final response.
struct ClientFailure
{
    enum class Kind : quint8
    {
        Timeout,       // Timer F fired (RFC 3261 §17.1.2.2): the TU treats it as 408
        TransportError // the transport could not send (§17.1.4): treated as 503
    };
    Kind kind = Kind::Timeout;
    QString reason;
};

class ClientTransaction
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
        // Every provisional response and the final one, in order.
        std::function<void(const Message &response)> onResponse;
        // No final response came; called instead of a final onResponse.
        std::function<void(const ClientFailure &failure)> onFailure;
        // The transaction reached Terminated (the layer forgets it).
        std::function<void()> onTerminated;
    };

    ClientTransaction(Message request, Endpoint target, Scheduler &scheduler,
                      TransportSender &sender, const TimerValues &timers, Handlers handlers);
    ~ClientTransaction();
    ClientTransaction(const ClientTransaction &) = delete;
    ClientTransaction &operator=(const ClientTransaction &) = delete;

    // Sends the request and starts Timers E (unreliable) and F.
    void start();
    // A response matched to this transaction (§17.1.3).
    void receiveResponse(const Message &response);
    // The transport reported that the request could not be sent.
    void transportError(const QString &reason);

    State state() const { return m_state; }
    const Message &request() const { return m_request; }
    const Endpoint &target() const { return m_target; }
    QByteArrayView branch() const { return m_request.topVia().branch(); }
    int retransmissions() const { return m_retransmissions; }

private:
    void send();
    void onTimerE();
    void onTimerF();
    void enterCompleted();
    void terminate();
    void cancelTimers();

    Message m_request;
    Endpoint m_target;
    Scheduler &m_scheduler;
    TransportSender &m_sender;
    TimerValues m_timers;
    Handlers m_handlers;
    State m_state = State::Trying;
    qint64 m_intervalE = 0;
    Scheduler::TimerId m_timerE = 0;
    Scheduler::TimerId m_timerF = 0;
    Scheduler::TimerId m_timerK = 0;
    int m_retransmissions = 0;
    // Guards the asynchronous transport error callback against a deleted
    // transaction.
    std::shared_ptr<ClientTransaction *> m_self;
};

} // namespace sip
