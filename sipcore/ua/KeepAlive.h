// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Keeps one flow to a registrar open (RFC 5626 §3.5, §4.4.1): a CRLFCRLF
// ping on a TCP/TLS connection, a CRLF datagram over UDP, each after a
// random 80–100 % of the interval so many clients do not ping in step.
// Used for registrars with and without outbound support alike: it keeps NAT
// bindings and connections alive either way. A ping that cannot be sent
// (the connection is gone) reports the flow as failed; the registration then
// registers again (RFC 5626 §4.5).
//
// STUN keep-alives (RFC 5626 §4.4.2, what outbound asks for over UDP) are
// not sent: the CRLF datagram keeps the NAT binding open but tells us
// nothing about a changed public address.

#include "RandomSource.h"
#include "transaction/Scheduler.h"
#include "transport/TransportSender.h"

#include <functional>
#include <memory>

namespace sip {

class KeepAlive
{
public:
    // Sends one keep-alive on the flow to `flow`; `onError` at most once.
    using Sender =
        std::function<void(const Endpoint &flow, TransportSender::ErrorCallback onError)>;
    using FailureHandler = std::function<void(const Endpoint &flow, const QString &reason)>;

    KeepAlive(Scheduler &scheduler, RandomSource &random, Sender sender);
    ~KeepAlive();
    KeepAlive(const KeepAlive &) = delete;
    KeepAlive &operator=(const KeepAlive &) = delete;

    void setFailureHandler(FailureHandler handler) { m_onFailure = std::move(handler); }

    // Pings `flow` every 80–100 % of `intervalMs` until stop(); an interval
    // of 0 or less only stops. Restarting replaces the flow and interval.
    void start(const Endpoint &flow, qint64 intervalMs);
    void stop();

    bool isRunning() const { return m_timer != 0; }
    const Endpoint &flow() const { return m_flow; }
    qint64 intervalMs() const { return m_intervalMs; }
    int sentCount() const { return m_sent; }

    // RFC 5626 §4.4.1: a delay between 80 % and 100 % of `intervalMs`.
    static qint64 jittered(qint64 intervalMs, RandomSource &random);

private:
    void schedule();
    void fire();

    Scheduler &m_scheduler;
    RandomSource &m_random;
    Sender m_send;
    FailureHandler m_onFailure;
    Endpoint m_flow;
    qint64 m_intervalMs = 0;
    Scheduler::TimerId m_timer = 0;
    int m_sent = 0;
    // Errors come back later; they must not reach a stopped (or restarted,
    // or destroyed) keep-alive.
    std::shared_ptr<quint64> m_generation = std::make_shared<quint64>(0);
};

} // namespace sip
