// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimerQueue.h"

namespace sip {

TimerQueue::TimerQueue(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimerQueue::fire);
}

Scheduler::TimerId TimerQueue::start(qint64 delayMs, Callback callback)
{
    const TimerId id = m_heap.add(now() + qMax<qint64>(0, delayMs), std::move(callback));
    rearm();
    return id;
}

void TimerQueue::cancel(TimerId id)
{
    m_heap.cancel(id);
    // The QTimer may now fire early for nothing; fire() then just re-arms.
}

void TimerQueue::fire()
{
    m_armedFor = -1;
    m_heap.runDue(now());
    rearm();
}

void TimerQueue::rearm()
{
    const qint64 next = m_heap.nextDeadline();
    if (next < 0) {
        m_timer.stop();
        m_armedFor = -1;
        return;
    }
    if (m_armedFor >= 0 && m_armedFor <= next && m_timer.isActive())
        return; // already due to fire no later than needed
    m_armedFor = next;
    m_timer.start(int(qBound(qint64(0), next - now(), qint64(24 * 3600 * 1000))));
}

} // namespace sip
