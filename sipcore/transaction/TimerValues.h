// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RFC 3261 §17.1.1.1 and Table 4: T1 (RTT estimate), T2 (maximum non-INVITE
// retransmit interval) and T4 (maximum time a message stays in the network).
// Configurable so integration tests can run with short timers.

#include <QtGlobal>

namespace sip {

struct TimerValues
{
    qint64 t1 = 500;
    qint64 t2 = 4000;
    qint64 t4 = 5000;

    qint64 timerF() const { return 64 * t1; } // non-INVITE client timeout
    qint64 timerJ() const { return 64 * t1; } // non-INVITE server wait (unreliable)
    qint64 timerK() const { return t4; }      // response retransmit wait (unreliable)
};

} // namespace sip
