// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimerHeap.h"

#include <algorithm>

namespace sip {

TimerHeap::TimerId TimerHeap::add(qint64 deadline, Callback callback)
{
    const TimerId id = m_nextId++;
    m_callbacks.insert(id, std::move(callback));
    m_heap.push_back({deadline, id});
    std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    return id;
}

void TimerHeap::cancel(TimerId id)
{
    // The heap entry stays until it reaches the top (lazy deletion); the heap
    // is compacted when cancelled entries dominate it.
    if (m_callbacks.remove(id) && m_heap.size() > 64 &&
        m_heap.size() > 2 * size_t(m_callbacks.size())) {
        std::erase_if(m_heap, [this](const Entry &e) { return !m_callbacks.contains(e.id); });
        std::make_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    }
}

void TimerHeap::dropCancelledTop()
{
    while (!m_heap.empty() && !m_callbacks.contains(m_heap.front().id)) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
    }
}

qint64 TimerHeap::nextDeadline()
{
    dropCancelledTop();
    return m_heap.empty() ? -1 : m_heap.front().deadline;
}

int TimerHeap::runDue(qint64 now)
{
    int ran = 0;
    for (;;) {
        dropCancelledTop();
        if (m_heap.empty() || m_heap.front().deadline > now)
            return ran;
        const TimerId id = m_heap.front().id;
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
        Callback cb = m_callbacks.take(id);
        ++ran;
        cb(); // may add or cancel timers
    }
}

} // namespace sip
