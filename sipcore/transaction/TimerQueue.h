// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The application's Scheduler: a TimerHeap driven by one precise QTimer on
// the thread's event loop and a QElapsedTimer as the monotonic clock.

#include "Scheduler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace sip {

class TimerQueue final : public QObject, public Scheduler
{
    Q_OBJECT
public:
    explicit TimerQueue(QObject *parent = nullptr);

    qint64 now() const override { return m_clock.elapsed(); }
    TimerId start(qint64 delayMs, Callback callback) override;
    void cancel(TimerId id) override;
    int pendingCount() const { return m_heap.pendingCount(); }

private:
    void fire();
    void rearm();

    TimerHeap m_heap;
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_armedFor = -1;
};

} // namespace sip
