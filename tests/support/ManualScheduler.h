// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Scheduler whose clock moves only when a test says so: timers fire
// exactly, in order, and instantly.

#include "transaction/Scheduler.h"

namespace sip::test {

class ManualScheduler final : public Scheduler
{
public:
    qint64 now() const override { return m_now; }
    TimerId start(qint64 delayMs, Callback callback) override
    {
        return m_heap.add(m_now + qMax<qint64>(0, delayMs), std::move(callback));
    }
    void cancel(TimerId id) override { m_heap.cancel(id); }

    // Moves the clock forward by `ms`, firing every timer due on the way at
    // its own deadline.
    void advance(qint64 ms)
    {
        const qint64 target = m_now + ms;
        for (;;) {
            const qint64 next = m_heap.nextDeadline();
            if (next < 0 || next > target)
                break;
            m_now = qMax(m_now, next);
            m_heap.runDue(m_now);
        }
        m_now = target;
    }
    int pendingCount() const { return m_heap.pendingCount(); }

private:
    TimerHeap m_heap;
    qint64 m_now = 0;
};

} // namespace sip::test
