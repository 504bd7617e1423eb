// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Inbox.h"
#include "store/Contact.h"
#include "store/DeliveryState.h"
#include "store/StoreResult.h"
#include "store/StoredMessage.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <map>
#include <memory>

namespace sip {
class Stack;
}

namespace tidings {

class Courier;
class Database;

// The one object the GUI and the CLI talk to (docs/ARCHITECTURE.md, app/core): it ties
// each account's SIP stack to the profile's store.
//   Incoming: every MESSAGE is committed to the store before its 2xx goes
//   out (Inbox: group commit, 500 + Retry-After when storing fails, 603 or
//   a silent 200 for blocked contacts, as the account's setting says).
//   Outgoing: the outbox, sent by one Courier per account while the account
//   is registered (always without a registration), in order, after a
//   restart too.
class Messenger : public QObject
{
    Q_OBJECT

public:
    // RFC 3428 §8 leaves the size to the UA; the Pager sends bodies up to
    // 64 KiB (over TCP/TLS beyond 1300 bytes). A longer text is refused
    // before it is queued, so nothing waits in the outbox that cannot go.
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    explicit Messenger(Database &db, QObject *parent = nullptr);
    // Detaches every account: call it (or detach()) while the stacks live.
    ~Messenger() override;

    // Incoming MESSAGEs of stack.userAgent() for `accountId` are stored, then
    // answered; the account's outbox is sent through stack.pager() by a
    // Courier that is ready while stack.registration() (if any) is
    // registered — always ready without a registration.
    // Outbox::requeueInterrupted(accountId) runs first (a message left
    // Sending by a crash goes out again).
    StoreResult<void> attach(qint64 accountId, sip::Stack &stack);
    // Before the stack goes away: what is pending is stored and answered,
    // and the stack's message handler is removed.
    void detach(qint64 accountId);
    bool isAttached(qint64 accountId) const;

    // How the account answers a MESSAGE from a blocked contact: saved in the
    // account's settings and used from the next message on. attach() takes
    // it from the settings.
    StoreResult<void> setBlockedAnswer(qint64 accountId, Account::BlockedAnswer answer);

    // Records the message (Queued); it goes out when the account is attached
    // and ready.
    StoreResult<qint64>
    send(qint64 accountId, const QString &peerUri, const QString &text,
         const QString &contentType = QStringLiteral("text/plain;charset=UTF-8"));
    StoreResult<void> retry(qint64 messageId);
    StoreResult<void> remove(qint64 messageId);

    // Every incoming message of the conversation is read.
    StoreResult<void> markConversationRead(qint64 conversationId);
    // Deletes the conversation and its messages (nothing of it waits in the
    // outbox afterwards).
    StoreResult<void> removeConversation(qint64 conversationId);

    // The address book (ContactStore), with contactsChanged after each change.
    StoreResult<qint64> addContact(const Contact &contact);
    StoreResult<void> updateContact(const Contact &contact);
    StoreResult<void> removeContact(qint64 contactId);
    // Blocks or unblocks `uri` on the account, adding it to the address book
    // when it is not there. A blocked sender's MESSAGEs are answered as the
    // account's BlockedAnswer says and never stored or shown.
    StoreResult<void> setBlocked(qint64 accountId, const QString &uri, bool blocked);

    // Stores and answers the MESSAGEs still waiting for the end of their
    // burst (before the program quits).
    void flushIncoming();

    Database &database() { return m_db; }
    // The account's Courier; null when it is not attached.
    Courier *courier(qint64 accountId) const;

signals:
    // Emitted synchronously after the batch is committed and BEFORE the 2xx
    // answers go out (a direct connection may print/flush them first). Only
    // newly stored messages: a retransmission of a stored one is not repeated.
    void messagesStored(const QList<tidings::StoredMessage> &messages);
    // The same, with the request each one came in (its To, transport and
    // source address), e.g. for tidings-cli's message lines.
    void requestsStored(const QList<tidings::StoredRequest> &requests);
    void messageStateChanged(qint64 messageId, tidings::DeliveryState state, int status,
                             const QString &reason);
    // The notification surface for views (one per change, after it is
    // committed): an outgoing message was queued or changed state (the whole
    // row as stored now, with its conversation), a message was deleted, a
    // conversation was read or deleted, an account's contacts changed.
    // Incoming messages come through messagesStored.
    void messageChanged(const tidings::StoredMessage &message);
    void messageRemoved(qint64 messageId, qint64 conversationId);
    void conversationRead(qint64 conversationId);
    void conversationRemoved(qint64 conversationId);
    void contactsChanged(qint64 accountId);
    // Storing failed (the sender got 500 + Retry-After); the error in words.
    void storeFailed(const QString &error);
    // The outbox could not record a step of an outgoing message (disk full,
    // I/O error); it stays where it was in the outbox.
    void outboxStoreFailed(qint64 messageId, const QString &error);

private:
    struct Attached;

    StoreResult<qint64> accountOf(qint64 messageId) const;
    // Reads the row back and emits messageChanged.
    void announce(qint64 messageId);

    Database &m_db;
    std::map<qint64, std::unique_ptr<Attached>> m_accounts;
};

} // namespace tidings
