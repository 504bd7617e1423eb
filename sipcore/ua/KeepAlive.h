// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Keeps one flow to a registrar open (RFC 5626 §3.5, §4.4), one keep-alive
// after a random 80–100 % of the interval so many clients do not ping in
// step. Three modes:
//
//  - Ping: a CRLFCRLF ping on a TCP/TLS connection, a CRLF datagram over
//    UDP; no answer expected. For registrars without outbound support: it
//    keeps NAT bindings and connections open, and a plain server never
//    answers it.
//  - PingPong (RFC 5626 §4.4.1, outbound over TCP/TLS): the registrar
//    supports outbound, so a CRLF pong must follow each ping; none within
//    kAnswerTimeoutMs (10 s) and the flow has failed.
//  - Stun (RFC 5626 §4.4.2, outbound over UDP): a STUN Binding Request
//    (RFC 5389 §6, a fresh 96-bit transaction id from the RandomSource) on
//    the flow. A Binding Response with a matching transaction id must come
//    within kAnswerTimeoutMs, and its XOR-MAPPED-ADDRESS must stay what the
//    first response said: a change means the NAT rebound the flow, and the
//    flow has failed. Requests are not retransmitted (RFC 5389 §7.2.1 would
//    for a lone request; a keep-alive that goes unanswered for 10 s is
//    reason enough to register again, and the next keep-alive follows
//    anyway). A Binding Error Response counts as an answer: the path works.
//
// A keep-alive that cannot be sent (the connection is gone), a missing
// answer or a changed mapping reports the flow as failed, once; the
// registration then registers again (RFC 5626 §4.5).

#include "RandomSource.h"
#include "transaction/Scheduler.h"
#include "transport/StunMessage.h"
#include "transport/TransportSender.h"

#include <functional>
#include <memory>
#include <optional>

namespace sip {

class KeepAlive
{
public:
    // Sends one CRLF keep-alive on the flow to `flow`; `onError` at most once.
    using Sender =
        std::function<void(const Endpoint &flow, TransportSender::ErrorCallback onError)>;
    // Sends `request` (an encoded STUN Binding Request) on the UDP flow.
    using StunSender = std::function<void(const Endpoint &flow, const QByteArray &request,
                                          TransportSender::ErrorCallback onError)>;
    using FailureHandler = std::function<void(const Endpoint &flow, const QString &reason)>;

    enum class Mode : quint8
    {
        Ping,     // CRLF(CRLF), nothing expected back
        PingPong, // RFC 5626 §4.4.1: a CRLF pong expected
        Stun      // RFC 5626 §4.4.2: a STUN Binding Response expected
    };

    // RFC 5626 §4.4.1: "If a pong is not received within 10 seconds";
    // used for STUN responses as well.
    static constexpr qint64 kAnswerTimeoutMs = 10'000;
    // Unanswered STUN transactions remembered (a response to any of them
    // counts); older ones are forgotten.
    static constexpr int kMaxOutstanding = 8;

    KeepAlive(Scheduler &scheduler, RandomSource &random, Sender sender, StunSender stun = {});
    ~KeepAlive();
    KeepAlive(const KeepAlive &) = delete;
    KeepAlive &operator=(const KeepAlive &) = delete;

    void setFailureHandler(FailureHandler handler) { m_onFailure = std::move(handler); }
    bool canSendStun() const { return bool(m_stun); }

    // Pings `flow` every 80–100 % of `intervalMs` until stop(); an interval
    // of 0 or less only stops. Restarting replaces the flow, interval and
    // mode, and forgets the mapped address. Stun without a StunSender is
    // Ping.
    void start(const Endpoint &flow, qint64 intervalMs, Mode mode = Mode::Ping);
    void stop();

    // RFC 5626 §4.4.1: a CRLF pong came on the connection to `remote`.
    void pongReceived(const Endpoint &remote);
    // RFC 5626 §4.4.2: a STUN response came from `remote`. Ignored unless
    // it answers one of our outstanding requests on this flow.
    void stunResponseReceived(const Endpoint &remote, const StunMessage &response);

    bool isRunning() const { return m_timer != 0; }
    const Endpoint &flow() const { return m_flow; }
    qint64 intervalMs() const { return m_intervalMs; }
    Mode mode() const { return m_mode; }
    int sentCount() const { return m_sent; }
    // Answers (pongs, matching STUN responses) that came in time.
    int answeredCount() const { return m_answered; }
    // An answer is awaited and its deadline runs.
    bool awaitingAnswer() const { return m_answerTimer != 0; }
    // RFC 5626 §4.4.2: the flow's public address from the first STUN
    // response since start().
    std::optional<StunMessage::MappedAddress> mappedAddress() const { return m_mapped; }

    // RFC 5626 §4.4.1: a delay between 80 % and 100 % of `intervalMs`.
    static qint64 jittered(qint64 intervalMs, RandomSource &random);
    // RFC 5389 §6: 96 random bits for a transaction id.
    static QByteArray transactionId(RandomSource &random);

private:
    void schedule();
    void fire();
    void expectAnswer();
    void answered();
    void fail(const QString &reason);

    Scheduler &m_scheduler;
    RandomSource &m_random;
    Sender m_send;
    StunSender m_stun;
    FailureHandler m_onFailure;
    Endpoint m_flow;
    qint64 m_intervalMs = 0;
    Mode m_mode = Mode::Ping;
    Scheduler::TimerId m_timer = 0;
    Scheduler::TimerId m_answerTimer = 0;
    QList<QByteArray> m_outstanding; // STUN transaction ids awaiting a response
    std::optional<StunMessage::MappedAddress> m_mapped;
    int m_sent = 0;
    int m_answered = 0;
    // Errors come back later; they must not reach a stopped (or restarted,
    // or destroyed) keep-alive.
    std::shared_ptr<quint64> m_generation = std::make_shared<quint64>(0);
};

} // namespace sip
