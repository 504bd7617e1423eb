// SPDX-License-Identifier: GPL-3.0-or-later
// The timer structure behind every transaction timer.

#include "../support/ManualScheduler.h"
#include "transaction/TimerHeap.h"
#include "transaction/TimerQueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace sip;

class tst_TimerHeap : public QObject
{
    Q_OBJECT

private slots:
    void firesInDeadlineOrder();
    void cancelledTimersNeverFire();
    void callbacksMayAddAndCancel();
    void manyTimersStayCheap();
    void timerQueueRunsOnTheEventLoop();
};

void tst_TimerHeap::firesInDeadlineOrder()
{
    TimerHeap heap;
    QList<int> order;
    heap.add(30, [&] { order << 3; });
    heap.add(10, [&] { order << 1; });
    heap.add(20, [&] { order << 2; });
    heap.add(10, [&] { order << 11; }); // same deadline: creation order
    QCOMPARE(heap.nextDeadline(), 10);
    QCOMPARE(heap.runDue(9), 0);
    QCOMPARE(heap.runDue(20), 3);
    QCOMPARE(order, (QList<int>{1, 11, 2}));
    QCOMPARE(heap.runDue(100), 1);
    QCOMPARE(heap.nextDeadline(), -1);
}

void tst_TimerHeap::cancelledTimersNeverFire()
{
    TimerHeap heap;
    int fired = 0;
    const auto a = heap.add(5, [&] { ++fired; });
    heap.add(6, [&] { ++fired; });
    heap.cancel(a);
    heap.cancel(a);    // twice is harmless
    heap.cancel(9999); // unknown too
    QVERIFY(!heap.isPending(a));
    QCOMPARE(heap.nextDeadline(), 6);
    heap.runDue(10);
    QCOMPARE(fired, 1);
}

void tst_TimerHeap::callbacksMayAddAndCancel()
{
    TimerHeap heap;
    QList<int> order;
    TimerHeap::TimerId victim = 0;
    heap.add(1, [&] {
        order << 1;
        heap.add(2, [&] { order << 2; }); // due within this run
        heap.cancel(victim);
    });
    victim = heap.add(3, [&] { order << 3; });
    heap.runDue(5);
    QCOMPARE(order, (QList<int>{1, 2}));
}

void tst_TimerHeap::manyTimersStayCheap()
{
    // 50,000 timers (about 25,000 transactions with two each), most of them
    // cancelled as transactions complete: memory follows the live ones.
    TimerHeap heap;
    QList<TimerHeap::TimerId> ids;
    for (int i = 0; i < 50000; ++i)
        ids << heap.add(1000 + i, [] {});
    for (int i = 0; i < 50000; i += 2)
        heap.cancel(ids[i]);
    QCOMPARE(heap.pendingCount(), 25000);
    QCOMPARE(heap.runDue(1000 + 49999), 25000);
    QCOMPARE(heap.pendingCount(), 0);
}

void tst_TimerHeap::timerQueueRunsOnTheEventLoop()
{
    TimerQueue queue;
    QList<int> order;
    queue.start(30, [&] { order << 2; });
    const auto cancelled = queue.start(10, [&] { order << 99; });
    queue.start(0, [&] { order << 1; });
    queue.cancel(cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 2000);
    QCOMPARE(order, (QList<int>{1, 2}));
    QCOMPARE(queue.pendingCount(), 0);
    QVERIFY(queue.now() >= 30);
}

QTEST_GUILESS_MAIN(tst_TimerHeap)
#include "tst_TimerHeap.moc"
