// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Deadlines in a binary heap with lazy cancellation: the one timer structure
// behind every transaction timer (RFC 3261 §17 Timers E, F, K, J). Tens of
// thousands of live timers cost a heap entry and a hash node each, and one
// QTimer (see TimerQueue) — never a QTimer per transaction.

#include <QHash>

#include <functional>
#include <vector>

namespace sip {

class TimerHeap
{
public:
    using Callback = std::function<void()>;
    using TimerId = quint64;

    // Adds a timer due at `deadline` (ms on the owner's clock). Ids are never 0.
    TimerId add(qint64 deadline, Callback callback);
    // Cancels a pending timer; cancelling a fired or unknown id does nothing.
    void cancel(TimerId id);
    bool isPending(TimerId id) const { return m_callbacks.contains(id); }
    // The earliest pending deadline, or -1 when none is pending.
    qint64 nextDeadline();
    // Runs, in deadline order (ties in creation order), every timer due at or
    // before `now`, including timers that callbacks add with such deadlines.
    // Returns how many ran.
    int runDue(qint64 now);
    int pendingCount() const { return int(m_callbacks.size()); }

private:
    struct Entry
    {
        qint64 deadline;
        TimerId id;
        bool operator>(const Entry &o) const
        {
            return deadline != o.deadline ? deadline > o.deadline : id > o.id;
        }
    };
    void dropCancelledTop();

    std::vector<Entry> m_heap; // min-heap by (deadline, id)
    QHash<TimerId, Callback> m_callbacks;
    TimerId m_nextId = 1;
};

} // namespace sip
