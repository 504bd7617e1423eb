// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Time for the transaction layer: a monotonic clock in milliseconds and
// one-shot timers. Injected, so tests run timers exactly and instantly
// (tests/support/ManualScheduler) while the application uses TimerQueue.

#include "TimerHeap.h"

namespace sip {

class Scheduler
{
public:
    using Callback = TimerHeap::Callback;
    using TimerId = TimerHeap::TimerId;

    virtual ~Scheduler() = default;
    // Milliseconds on a monotonic clock.
    virtual qint64 now() const = 0;
    // Calls `callback` once, `delayMs` from now (0: at the next opportunity).
    virtual TimerId start(qint64 delayMs, Callback callback) = 0;
    virtual void cancel(TimerId id) = 0;
};

} // namespace sip
