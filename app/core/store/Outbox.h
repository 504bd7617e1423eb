// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryState.h"
#include "OutgoingMessage.h"
#include "StoreResult.h"
#include "StoredMessage.h"

#include <QCoreApplication>
#include <QList>

#include <initializer_list>

namespace tidings {

class Database;

// Outgoing messages and their delivery states (see DeliveryState):
//   queue()        -> Queued
//   markSending()  Queued -> Sending (records the request's Call-ID, From tag, CSeq)
//   markResult()   Sending -> Sent (2xx but 202) | Accepted (202) | Failed (other)
//   markFailed()   Queued/Sending -> Failed (no response: timeout, transport error)
//   requeue()      Sending -> Queued (the attempt was interrupted)
//   retry()        Failed -> Queued
//   remove()       deletes a message that is not being sent
// A transition from the wrong state is refused with InvalidState. Every state
// is committed before the call returns, so after a restart pending() gives
// exactly what is still to send, in order.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    explicit Outbox(Database &db);

    StoreResult<qint64> queue(const OutgoingMessage &message);
    StoreResult<void> markSending(qint64 id, const QString &callId, const QString &fromTag,
                                  qint64 cseq);
    // The final response of an attempt; returns the state it led to.
    StoreResult<DeliveryState> markResult(qint64 id, int statusCode, const QString &reason);
    // No final response. statusCode 0 when there was none at all.
    StoreResult<void> markFailed(qint64 id, int statusCode, const QString &reason);
    StoreResult<void> requeue(qint64 id);
    // After a restart: every Sending message of the account (0: all) back to
    // Queued. Returns how many.
    StoreResult<int> requeueInterrupted(qint64 accountId = 0);
    StoreResult<void> retry(qint64 id);
    StoreResult<void> remove(qint64 id);

    // Queued and Sending messages of the account (0: all), oldest first.
    StoreResult<QList<StoredMessage>> pending(qint64 accountId = 0) const;

private:
    StoreResult<void> transition(qint64 id, std::initializer_list<DeliveryState> from,
                                 DeliveryState to, const QString &assignments,
                                 const QVariantList &values, const QString &action);
    // The state of outgoing message `id`, for saying why a change did not
    // apply; NotFound (in `action`'s words) when it is no longer there.
    StoreResult<DeliveryState> currentState(qint64 id, const QString &action) const;

    Database &m_db;
};

} // namespace tidings
