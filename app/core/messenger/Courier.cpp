// SPDX-License-Identifier: GPL-3.0-or-later
#include "Courier.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "store/OutgoingMessage.h"

#include <QPointer>
#include <QTimer>

namespace tidings {

namespace {

// How long to wait before writing again an outcome the database refused
// (disk full, I/O error), unless something else makes the Courier look
// at its outbox sooner.
constexpr int kStoreRetryMs = 5000;

constexpr int kLoopDetected = 482;

// Messages to one recipient keep their order: the Pager queues by the
// recipient's address of record, and so does the Courier.
QString peerKey(const QString &peerUri)
{
    const auto uri = sip::Uri::parse(peerUri.toUtf8());
    return uri ? QString::fromUtf8(uri->addressOfRecord()) : peerUri;
}

} // namespace

Courier::Courier(Database &db, qint64 accountId, sip::Pager &pager, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_accountId(accountId)
    , m_pager(pager)
{}

// A message in flight stays Sending in the database (see the class comment):
// the Pager's callback finds this Courier gone and records nothing.
Courier::~Courier() = default;

void Courier::setReady(bool ready)
{
    m_ready = ready;
    if (ready) {
        pump();
    }
}

bool Courier::isReady() const
{
    return m_ready;
}

StoreResult<qint64> Courier::send(const QString &peerUri, const QString &text,
                                  const QString &contentType)
{
    OutgoingMessage message;
    message.accountId = m_accountId;
    message.peerUri = peerUri;
    message.body = text;
    message.contentType = contentType;
    auto id = Outbox(m_db).queue(message);
    if (!id) {
        return id;
    }
    emit stateChanged(id.value(), DeliveryState::Queued, 0, {});
    schedulePump();
    return id;
}

StoreResult<void> Courier::retry(qint64 messageId)
{
    auto message = MessageStore(m_db).find(messageId);
    if (!message) {
        return message.error();
    }
    if (auto done = Outbox(m_db).retry(messageId); !done) {
        return done;
    }
    // A final response ended the last attempt: the next one is a new request
    // (RFC 3261 §8.1.1.4, a new Call-ID). Without any response the request
    // may have arrived, so it goes again as the same request.
    if (message.value().statusCode != 0) {
        m_freshIdentity.insert(messageId);
    }
    emit stateChanged(messageId, DeliveryState::Queued, 0, {});
    schedulePump();
    return {};
}

StoreResult<void> Courier::remove(qint64 messageId)
{
    auto done = Outbox(m_db).remove(messageId);
    if (done) {
        m_freshIdentity.remove(messageId);
    }
    return done;
}

void Courier::schedulePump()
{
    if (m_pumpScheduled) {
        return;
    }
    m_pumpScheduled = true;
    // Later, from the event loop: the caller gets the message id before the
    // first state change of its sending is reported.
    QTimer::singleShot(0, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void Courier::scheduleStoreRetry()
{
    if (m_storeRetryScheduled) {
        return;
    }
    m_storeRetryScheduled = true;
    QTimer::singleShot(kStoreRetryMs, this, [this] {
        m_storeRetryScheduled = false;
        pump();
    });
}

void Courier::pump()
{
    if (m_pumping) {
        m_pumpAgain = true; // re-entered from a result reported at once
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        pumpOnce();
    } while (m_pumpAgain);
    m_pumping = false;
}

void Courier::pumpOnce()
{
    // First the outcomes the database refused before: a peer's next message
    // waits until the one before it is recorded.
    const QList<qint64> unrecorded = m_unrecorded.keys();
    for (const qint64 id : unrecorded) {
        if (record(id, m_unrecorded.value(id))) {
            m_unrecorded.remove(id);
            m_unrecordedPeer.remove(id);
        }
    }
    if (!m_ready) {
        return;
    }
    auto pending = Outbox(m_db).pending(m_accountId);
    if (!pending) {
        reportStoreError(0, pending.error());
        scheduleStoreRetry();
        return;
    }
    QSet<QString> busy;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        busy.insert(it.key());
    }
    for (const QString &peer : std::as_const(m_unrecordedPeer)) {
        busy.insert(peer);
    }
    for (const StoredMessage &message : std::as_const(pending).value()) {
        if (m_held.contains(message.id)) {
            busy.insert(peerKey(message.peerUri));
        }
    }
    // Oldest first; per peer only the oldest message can go, and only when
    // nothing to that peer is in flight. A Sending row that is not in flight
    // here was left by a crash (Outbox::requeueInterrupted not run): it holds
    // its peer's later messages back rather than let them overtake it.
    for (const StoredMessage &message : std::as_const(pending).value()) {
        const QString key = peerKey(message.peerUri);
        if (busy.contains(key)) {
            continue;
        }
        busy.insert(key);
        if (message.state != DeliveryState::Queued) {
            continue;
        }
        if (!start(message, key)) {
            // The database refused (full disk, I/O): the message stays
            // Queued and is tried again later, even if nothing else happens.
            scheduleStoreRetry();
            return;
        }
    }
}

bool Courier::start(const StoredMessage &message, const QString &key)
{
    Outbox outbox(m_db);
    const auto to = sip::Uri::parse(message.peerUri.toUtf8());
    if (!to) {
        const QString reason = tr("%1 is not a SIP address.").arg(message.peerUri);
        if (auto failed = outbox.markFailed(message.id, 0, reason); !failed) {
            reportStoreError(message.id, failed.error());
            return false;
        }
        emit stateChanged(message.id, DeliveryState::Failed, 0, reason);
        return true;
    }

    // An interrupted attempt (no final response came: a crash, a timeout, the
    // account went away) is sent again as the same request, with the Call-ID,
    // From tag and CSeq recorded for it, so a receiver that has it already
    // recognises it (RFC 3261 §8.2.2.2, §17.2.3). Anything else is a new
    // request with a new identity.
    sip::RequestIdentity identity;
    const bool resend = !message.callId.isEmpty() && message.statusCode == 0 &&
                        !m_freshIdentity.contains(message.id);
    if (resend) {
        identity.callId = message.callId.toUtf8();
        identity.fromTag = message.fromTag.toUtf8();
        identity.cseq = quint32(qMax<qint64>(1, message.cseq));
    } else {
        identity = m_pager.newIdentity();
    }

    // Recorded before it goes out: a crash from here on leaves it Sending,
    // with the identity it is resent with.
    if (auto marked = outbox.markSending(message.id, QString::fromUtf8(identity.callId),
                                         QString::fromUtf8(identity.fromTag), identity.cseq);
        !marked) {
        reportStoreError(message.id, marked.error());
        return false;
    }
    m_freshIdentity.remove(message.id);
    if (resend) {
        m_resent.insert(message.id);
    }
    m_inFlight.insert(key, message.id);
    emit stateChanged(message.id, DeliveryState::Sending, 0, {});

    sip::OutgoingMessage out;
    out.to = *to;
    out.body = message.body.toUtf8();
    out.contentType = message.contentType.toUtf8();
    out.identity = identity;
    const qint64 id = message.id;
    QPointer<Courier> self(this);
    m_pager.send(std::move(out), [self, id](const sip::SendResult &result) {
        if (self) {
            self->finished(id, result);
        }
    });
    return true;
}

void Courier::finished(qint64 messageId, const sip::SendResult &result)
{
    QString key;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
        if (it.value() == messageId) {
            key = it.key();
            m_inFlight.erase(it);
            break;
        }
    }

    const bool resent = m_resent.remove(messageId);
    emit attemptFinished(messageId, result);
    Outcome outcome;
    if (result.status == kLoopDetected && resent && !m_merged.contains(messageId)) {
        // RFC 3261 §8.2.2.2: the receiver still has a transaction for the
        // first copy of this request (the sender restarted on another port,
        // so the resend is no retransmission of it, §17.2.3) and calls the
        // resend a merged request. So the first copy arrived. Once that
        // transaction is gone (Timer J, 64*T1) the same request goes once
        // more, and a receiver that stored the first copy recognises it. A
        // second 482 is a real loop and fails the message.
        const qint64 waitMs = m_pager.timers().timerJ() + m_pager.timers().t2;
        outcome.reason = tr("The recipient is still answering the first copy of this "
                            "message (482 Loop Detected); it goes again in %n second(s).",
                            nullptr, int((waitMs + 999) / 1000));
        outcome.requeue = true;
        m_merged.insert(messageId);
        m_held.insert(messageId);
        QTimer::singleShot(waitMs, this, [this, messageId] {
            m_held.remove(messageId);
            pump();
        });
    } else if (result.status >= 200) {
        outcome.status = result.status;
        outcome.reason = result.reason.isEmpty() ? result.error : QString::fromUtf8(result.reason);
    } else {
        outcome.reason = result.error.isEmpty() ? tr("no final response") : result.error;
        // No route while the account is away is no verdict on the message.
        outcome.requeue = !m_ready;
    }
    if (!record(messageId, outcome)) {
        m_unrecorded.insert(messageId, outcome);
        m_unrecordedPeer.insert(messageId, key);
        scheduleStoreRetry();
    }
    pump();
}

bool Courier::record(qint64 messageId, const Outcome &outcome)
{
    Outbox outbox(m_db);
    if (outcome.status > 0) {
        const auto state = outbox.markResult(messageId, outcome.status, outcome.reason);
        if (!state) {
            reportStoreError(messageId, state.error());
            return !isTransient(state.error());
        }
        emit stateChanged(messageId, state.value(), outcome.status, outcome.reason);
        return true;
    }
    const auto done = outcome.requeue ? outbox.requeue(messageId)
                                      : outbox.markFailed(messageId, 0, outcome.reason);
    if (!done) {
        reportStoreError(messageId, done.error());
        return !isTransient(done.error());
    }
    emit stateChanged(messageId, outcome.requeue ? DeliveryState::Queued : DeliveryState::Failed, 0,
                      outcome.reason);
    return true;
}

bool Courier::isTransient(const StoreError &error)
{
    // The message is gone or was moved on by someone else: writing the
    // outcome again cannot succeed. Anything else (disk full, busy, I/O)
    // may pass.
    return error.code() != StoreError::Code::NotFound &&
           error.code() != StoreError::Code::InvalidState;
}

void Courier::reportStoreError(qint64 messageId, const StoreError &error)
{
    emit storeFailed(messageId, error.toString());
}

} // namespace tidings
