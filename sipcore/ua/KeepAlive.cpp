// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeepAlive.h"

#include <limits>

namespace sip {

KeepAlive::KeepAlive(Scheduler &scheduler, RandomSource &random, Sender sender)
    : m_scheduler(scheduler)
    , m_random(random)
    , m_send(std::move(sender))
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

void KeepAlive::start(const Endpoint &flow, qint64 intervalMs)
{
    stop();
    if (intervalMs <= 0 || !m_send)
        return;
    m_flow = flow;
    m_intervalMs = intervalMs;
    schedule();
}

void KeepAlive::stop()
{
    if (m_timer)
        m_scheduler.cancel(m_timer);
    m_timer = 0;
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
    m_send(flow, [this, guard, generation, flow](const QString &reason) {
        const auto alive = guard.lock();
        if (!alive || *alive != generation)
            return;
        stop();
        if (m_onFailure)
            m_onFailure(flow, reason);
    });
}

} // namespace sip
