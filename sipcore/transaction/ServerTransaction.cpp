// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerTransaction.h"

namespace sip {

ServerTransaction::ServerTransaction(const ReceivedMessage &request, Scheduler &scheduler,
                                     TransportSender &sender, const TimerValues &timers,
                                     Handlers handlers)
    : m_route(ResponseRoute::forRequest(request))
    , m_scheduler(scheduler)
    , m_sender(sender)
    , m_timers(timers)
    , m_handlers(std::move(handlers))
    , m_self(std::make_shared<ServerTransaction *>(this))
{}

ServerTransaction::~ServerTransaction()
{
    *m_self = nullptr;
    if (m_timerJ)
        m_scheduler.cancel(m_timerJ);
}

void ServerTransaction::send(const QByteArray &wire)
{
    std::weak_ptr<ServerTransaction *> self = m_self;
    m_sender.sendResponse(wire, m_route, [self](const QString &reason) {
        auto p = self.lock();
        if (!p || !*p)
            return;
        ServerTransaction *t = *p;
        // §17.2.4: the TU is informed and the transaction terminates.
        if (t->m_handlers.onTransportError)
            t->m_handlers.onTransportError(reason);
        t->terminate();
    });
}

void ServerTransaction::receiveRetransmission()
{
    ++m_absorbed;
    switch (m_state) {
    case State::Trying:
        return; // §17.2.2: discarded while the TU has not answered
    case State::Proceeding:
    case State::Completed:
        send(m_lastResponse); // the last response goes out again
        return;
    case State::Terminated:
        return;
    }
}

bool ServerTransaction::respond(const Message &response)
{
    if (m_state == State::Completed || m_state == State::Terminated)
        return false;
    m_lastResponse = response.toWire();
    if (response.statusCode() < 200) {
        m_state = State::Proceeding;
        send(m_lastResponse);
        return true;
    }
    m_state = State::Completed;
    send(m_lastResponse);
    if (m_state != State::Completed)
        return true; // the send failed synchronously and terminated us
    if (m_route.remote.isReliable()) {
        terminate(); // Timer J is 0 on reliable transports
    } else {
        m_timerJ = m_scheduler.start(m_timers.timerJ(), [this] {
            m_timerJ = 0;
            terminate();
        });
    }
    return true;
}

void ServerTransaction::terminate()
{
    if (m_state == State::Terminated)
        return;
    m_state = State::Terminated;
    if (m_timerJ)
        m_scheduler.cancel(m_timerJ);
    m_timerJ = 0;
    if (m_handlers.onTerminated)
        m_handlers.onTerminated(); // may delete this
}

} // namespace sip
