// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeepAlive.h"

#include <limits>

namespace sip {
namespace {

QString describe(const StunMessage::MappedAddress &a)
{
    return Endpoint{TransportType::Udp, a.address, a.port}.hostPort();
}

} // namespace

KeepAlive::KeepAlive(Scheduler &scheduler, RandomSource &random, Sender sender, StunSender stun)
    : m_scheduler(scheduler)
    , m_random(random)
    , m_send(std::move(sender))
    , m_stun(std::move(stun))
{}

KeepAlive::~KeepAlive()
{
    stop();
}

qint64 KeepAlive::jittered(qint64 intervalMs, RandomSource &random)
{
    if (intervalMs <= 0)
        return 0;
    // RFC 5626 §4.4.1: "between 80% and 100%" of the interval.
    const qint64 spread = intervalMs / 5;
    return intervalMs - qint64(random.bounded(quint32(
                            qMin<qint64>(spread + 1, std::numeric_limits<quint32>::max()))));
}

QByteArray KeepAlive::transactionId(RandomSource &random)
{
    // RFC 5389 §6: "uniformly and randomly chosen from the interval
    // 0 .. 2**96-1"; six 16-bit draws.
    QByteArray id;
    id.reserve(StunMessage::kTransactionIdSize);
    for (int i = 0; i < StunMessage::kTransactionIdSize / 2; ++i) {
        const quint32 v = random.bounded(0x10000);
        id.append(char(v >> 8));
        id.append(char(v & 0xff));
    }
    return id;
}

void KeepAlive::start(const Endpoint &flow, qint64 intervalMs, Mode mode)
{
    stop();
    m_mapped.reset();
    if (intervalMs <= 0 || !m_send)
        return;
    m_flow = flow;
    m_intervalMs = intervalMs;
    m_mode = mode == Mode::Stun && !m_stun ? Mode::Ping : mode;
    schedule();
}

void KeepAlive::stop()
{
    if (m_timer)
        m_scheduler.cancel(m_timer);
    if (m_answerTimer)
        m_scheduler.cancel(m_answerTimer);
    m_timer = 0;
    m_answerTimer = 0;
    m_outstanding.clear();
    ++*m_generation;
}

void KeepAlive::schedule()
{
    m_timer = m_scheduler.start(jittered(m_intervalMs, m_random), [this] { fire(); });
}

void KeepAlive::fire()
{
    m_timer = 0;
    ++m_sent;
    const std::weak_ptr<quint64> guard = m_generation;
    const quint64 generation = *m_generation;
    const Endpoint flow = m_flow;
    // Scheduled before sending: an error reported at once may stop us.
    schedule();
    TransportSender::ErrorCallback onError = [this, guard, generation](const QString &reason) {
        const auto alive = guard.lock();
        if (!alive || *alive != generation)
            return;
        fail(reason);
    };
    switch (m_mode) {
    case Mode::Ping:
        m_send(flow, std::move(onError));
        return;
    case Mode::PingPong:
        expectAnswer();
        m_send(flow, std::move(onError));
        return;
    case Mode::Stun: {
        const QByteArray id = transactionId(m_random);
        m_outstanding.append(id);
        while (m_outstanding.size() > kMaxOutstanding)
            m_outstanding.removeFirst();
        expectAnswer();
        m_stun(flow, StunMessage::bindingRequest(id).encode(), std::move(onError));
        return;
    }
    }
}

void KeepAlive::expectAnswer()
{
    // The deadline of the oldest unanswered keep-alive stands; a later one
    // does not push it back.
    if (m_answerTimer)
        return;
    m_answerTimer = m_scheduler.start(kAnswerTimeoutMs, [this] {
        m_answerTimer = 0;
        const QString what = m_mode == Mode::Stun
                                 ? QStringLiteral("no STUN Binding Response from %1 within %2 s "
                                                  "(RFC 5626 §4.4.2)")
                                 : QStringLiteral("no CRLF pong from %1 within %2 s "
                                                  "(RFC 5626 §4.4.1)");
        fail(what.arg(m_flow.toString()).arg(kAnswerTimeoutMs / 1000));
    });
}

void KeepAlive::answered()
{
    ++m_answered;
    if (m_answerTimer)
        m_scheduler.cancel(m_answerTimer);
    m_answerTimer = 0;
}

void KeepAlive::pongReceived(const Endpoint &remote)
{
    if (m_mode != Mode::PingPong || !isRunning() || !awaitingAnswer() || !(remote == m_flow))
        return;
    answered();
}

void KeepAlive::stunResponseReceived(const Endpoint &remote, const StunMessage &response)
{
    const bool isResponse = response.messageClass() == StunMessage::Class::SuccessResponse ||
                            response.messageClass() == StunMessage::Class::ErrorResponse;
    if (m_mode != Mode::Stun || !isRunning() || !(remote == m_flow) || !isResponse ||
        response.method() != StunMessage::kBinding ||
        !m_outstanding.contains(response.transactionId()))
        return;
    m_outstanding.clear(); // any answer shows the flow works; older ones are late
    answered();
    if (response.messageClass() != StunMessage::Class::SuccessResponse)
        return;
    auto mapped = response.xorMappedAddress();
    if (!mapped)
        mapped = response.mappedAddress();
    if (!mapped)
        return;
    if (m_mapped && !(*m_mapped == *mapped)) {
        // RFC 5626 §4.4.2: a changed XOR-MAPPED-ADDRESS is a failure of the flow.
        fail(QStringLiteral("the NAT mapping of the flow to %1 changed from %2 to %3 "
                            "(RFC 5626 §4.4.2)")
                 .arg(m_flow.toString(), describe(*m_mapped), describe(*mapped)));
        return;
    }
    m_mapped = mapped;
}

void KeepAlive::fail(const QString &reason)
{
    const Endpoint flow = m_flow;
    stop();
    if (m_onFailure)
        m_onFailure(flow, reason);
}

} // namespace sip
