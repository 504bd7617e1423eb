// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/DeliveryState.h"
#include "store/StoreResult.h"
#include "store/StoredMessage.h"
#include "ua/Pager.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace tidings {

class Database;

// Sends one account's outbox through its SIP pager: in order per peer, one
// state change at a time (Queued -> Sending -> Sent/Accepted/Failed), and
// only while the account is ready (registered, or needing no registration).
//
// Every state is committed to the Outbox before the next step, so what a
// crash interrupts is found again: a message left Sending goes back to
// Queued on the next start (Outbox::requeueInterrupted, run by the caller
// before the Courier is made) and is resent with the Call-ID, From tag and
// CSeq it was first sent with, so a receiver that already has it recognises
// the same request (RFC 3261 §8.2.2.2, §17.2.3) and stores it once. The
// same goes for an attempt that ended without any response (timeout,
// transport error), when retried. If the receiver still holds the first
// copy's transaction it answers the resend 482 (a merged request): the
// message goes back to Queued and is sent once more after Timer J.
// A message refused with a final response is retried as a new request.
//
// When the database refuses a step (disk full), storeFailed says so and the
// message stays where it was: a Queued one is not sent, an outcome that could
// not be written is written again later (the peer's next message waits).
//
// Destroying the Courier while a message is in flight leaves that message
// Sending in the database: its outcome is unknown, and it is resent with the
// same identity after the next start. A receiver that had it already answers
// the resend without storing it twice (a Tidings receiver deduplicates on
// Call-ID, From tag and CSeq); a receiver that does not deduplicate shows it
// twice. That possible second delivery is inherent to "at least once" after a
// crash and is the price of never losing a message.
class Courier : public QObject
{
    Q_OBJECT

public:
    Courier(Database &db, qint64 accountId, sip::Pager &pager, QObject *parent = nullptr);
    ~Courier() override;

    // Ready: what waits in the outbox goes out now, oldest first; not ready:
    // nothing new starts (messages in flight finish; a failure for want of a
    // route puts them back to Queued, not Failed).
    void setReady(bool ready);
    bool isReady() const;
    // Records the message (Queued) and sends it when ready. Returns its id.
    StoreResult<qint64>
    send(const QString &peerUri, const QString &text,
         const QString &contentType = QStringLiteral("text/plain;charset=UTF-8"));
    StoreResult<void> retry(qint64 messageId);  // Failed -> Queued, then sent when ready
    StoreResult<void> remove(qint64 messageId); // deletes a queued or failed message

    qint64 accountId() const { return m_accountId; }
    // Messages handed to the pager whose final outcome has not come yet.
    int inFlightCount() const { return int(m_inFlight.size()); }
    // Outcomes that came but could not be written yet (the database refused
    // the update); written again before anything new is sent.
    int unrecordedCount() const { return int(m_unrecorded.size()); }
    // Messages waiting before they are resent (see the 482 rule in Courier.cpp).
    int heldCount() const { return int(m_held.size()); }

signals:
    void stateChanged(qint64 messageId, tidings::DeliveryState state, int status,
                      const QString &reason);
    // An attempt ended with this outcome from the pager (transport, Call-ID,
    // the error in words); emitted before the state it leads to is written.
    void attemptFinished(qint64 messageId, const sip::SendResult &result);
    // The outbox could not record a step (disk full, I/O error). The message
    // stays where it was in the outbox; `error` says why, in words.
    void storeFailed(qint64 messageId, const QString &error);

private:
    struct Outcome
    {
        int status = 0;       // 0: no final response came
        QString reason;       // the reason phrase, or the error in words
        bool requeue = false; // no response while not ready: back to Queued
    };

    void schedulePump();
    // A pump after kStoreRetryMs, once: the database refused a write (full
    // disk, I/O) and nothing else may come along to try again.
    void scheduleStoreRetry();
    void pump();
    void pumpOnce();
    bool start(const StoredMessage &message, const QString &key);
    void finished(qint64 messageId, const sip::SendResult &result);
    // False when the outcome could not be written and should be tried again.
    bool record(qint64 messageId, const Outcome &outcome);
    static bool isTransient(const StoreError &error);
    void reportStoreError(qint64 messageId, const StoreError &error);

    Database &m_db;
    qint64 m_accountId;
    sip::Pager &m_pager;
    bool m_ready = false;
    bool m_pumpScheduled = false;
    bool m_storeRetryScheduled = false;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    // Peer key (the recipient's address of record) -> message in flight.
    QHash<QString, qint64> m_inFlight;
    // Message id -> its peer key and the outcome still to be written.
    QHash<qint64, Outcome> m_unrecorded;
    QHash<qint64, QString> m_unrecordedPeer;
    // Retried after a final response: the next attempt is a new request
    // (new Call-ID), not a resend of the old one.
    QSet<qint64> m_freshIdentity;
    // In flight as a resend of an earlier request (same identity).
    QSet<qint64> m_resent;
    // Answered 482 as a resend: waiting out the receiver's Timer J (held),
    // and given that one more attempt already (merged).
    QSet<qint64> m_held;
    QSet<qint64> m_merged;
};

} // namespace tidings
