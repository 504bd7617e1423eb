// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientTransaction.h"

namespace sip {

ClientTransaction::ClientTransaction(Message request, Endpoint target, Scheduler &scheduler,
                                     TransportSender &sender, const TimerValues &timers,
                                     Handlers handlers)
    : m_request(std::move(request))
    , m_target(std::move(target))
    , m_scheduler(scheduler)
    , m_sender(sender)
    , m_timers(timers)
    , m_handlers(std::move(handlers))
    , m_self(std::make_shared<ClientTransaction *>(this))
{}

ClientTransaction::~ClientTransaction()
{
    *m_self = nullptr;
    cancelTimers();
}

void ClientTransaction::cancelTimers()
{
    for (Scheduler::TimerId *t : {&m_timerE, &m_timerF, &m_timerK}) {
        if (*t)
            m_scheduler.cancel(*t);
        *t = 0;
    }
}

void ClientTransaction::send()
{
    std::weak_ptr<ClientTransaction *> self = m_self;
    m_sender.sendRequest(m_request, m_target, [self](const QString &reason) {
        if (auto p = self.lock(); p && *p)
            (*p)->transportError(reason);
    });
}

void ClientTransaction::start()
{
    // RFC 3261 §17.1.2.2: Timer E = T1 over unreliable transports; Timer F =
    // 64*T1 always.
    if (!m_target.isReliable()) {
        m_intervalE = m_timers.t1;
        m_timerE = m_scheduler.start(m_intervalE, [this] { onTimerE(); });
    }
    m_timerF = m_scheduler.start(m_timers.timerF(), [this] { onTimerF(); });
    send();
}

void ClientTransaction::onTimerE()
{
    m_timerE = 0;
    if (m_state != State::Trying && m_state != State::Proceeding)
        return;
    // Trying: the interval doubles up to T2. Proceeding: T2 (§17.1.2.2).
    m_intervalE = m_state == State::Trying ? qMin(2 * m_intervalE, m_timers.t2) : m_timers.t2;
    m_timerE = m_scheduler.start(m_intervalE, [this] { onTimerE(); });
    ++m_retransmissions;
    send();
}

void ClientTransaction::onTimerF()
{
    m_timerF = 0;
    if (m_state != State::Trying && m_state != State::Proceeding)
        return;
    // §17.1.2.2: Timer F fires: inform the TU of the timeout, terminate.
    if (m_handlers.onFailure)
        m_handlers.onFailure(
            {ClientFailure::Kind::Timeout, QStringLiteral("no final response within %1 s (Timer F)")
                                               .arg(double(m_timers.timerF()) / 1000.0)});
    terminate();
}

void ClientTransaction::receiveResponse(const Message &response)
{
    const int status = response.statusCode();
    switch (m_state) {
    case State::Trying:
    case State::Proceeding:
        if (status < 200) {
            m_state = State::Proceeding;
            if (m_handlers.onResponse)
                m_handlers.onResponse(response);
            return;
        }
        enterCompleted();
        if (m_handlers.onResponse)
            m_handlers.onResponse(response);
        if (m_state == State::Completed && m_target.isReliable())
            terminate(); // Timer K is 0 on reliable transports
        return;
    case State::Completed:
    case State::Terminated:
        // §17.1.2.2: retransmitted responses are absorbed.
        return;
    }
}

void ClientTransaction::enterCompleted()
{
    m_state = State::Completed;
    if (m_timerE)
        m_scheduler.cancel(m_timerE);
    if (m_timerF)
        m_scheduler.cancel(m_timerF);
    m_timerE = m_timerF = 0;
    if (!m_target.isReliable()) {
        // Timer K: T4 to absorb retransmitted responses (§17.1.2.2).
        m_timerK = m_scheduler.start(m_timers.timerK(), [this] {
            m_timerK = 0;
            terminate();
        });
    }
}

void ClientTransaction::transportError(const QString &reason)
{
    if (m_state != State::Trying && m_state != State::Proceeding)
        return;
    // §17.1.4: a transport failure is reported to the TU and the
    // transaction moves to Terminated.
    if (m_handlers.onFailure)
        m_handlers.onFailure({ClientFailure::Kind::TransportError, reason});
    terminate();
}

void ClientTransaction::terminate()
{
    if (m_state == State::Terminated)
        return;
    m_state = State::Terminated;
    cancelTimers();
    if (m_handlers.onTerminated)
        m_handlers.onTerminated(); // may delete this
}

} // namespace sip
