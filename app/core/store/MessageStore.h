// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IncomingMessage.h"
#include "InsertOutcome.h"
#include "MessagePage.h"
#include "StoreResult.h"
#include "StoredMessage.h"

#include <QCoreApplication>
#include <QList>

namespace tidings {

class Database;

// Incoming messages, reading history and retention. Outgoing messages and
// their states are the Outbox's.
//
// Storing is durable when it returns Stored or Duplicate: the transaction is
// committed with synchronous=FULL, so a 2xx may go out (RFC 3428 §7: a 200
// means the message was delivered to the user).
class MessageStore
{
    Q_DECLARE_TR_FUNCTIONS(MessageStore)

public:
    explicit MessageStore(Database &db);

    // One message in its own transaction.
    InsertOutcome insertIncoming(const IncomingMessage &message);
    // Messages that arrived together, in ONE transaction (group commit): one
    // disk sync for all of them. One outcome per message, in order. An error
    // that ends the transaction (disk full, I/O) fails every message not
    // already stored by an earlier transaction, each carrying SQLite's text.
    QList<InsertOutcome> insertIncomingBatch(const QList<IncomingMessage> &messages);

    StoreResult<StoredMessage> find(qint64 id) const;

    // A page of a conversation, newest first, starting after `cursor` (a
    // null cursor: the newest message). limit is clamped to 1..1000.
    StoreResult<MessagePage> page(qint64 conversationId, const PageCursor &cursor, int limit) const;

    // History across conversations for tidings-cli history: oldest first; with
    // limit > 0 the newest `limit` messages. peerUri empty: every peer;
    // otherwise that peer (by ContactKey) on any account.
    StoreResult<QList<StoredMessage>> history(const QString &peerUri, int limit) const;

    StoreResult<void> markRead(qint64 id);
    // Deletes one message (any direction or state).
    StoreResult<void> remove(qint64 id);

    // Retention: deletes messages older than `cutoff` (by conversation
    // time), except outgoing ones still waiting in the outbox. Returns how
    // many were deleted.
    StoreResult<int> deleteOlderThan(const QDateTime &cutoff);
    // deleteOlderThan(now - days); days <= 0 keeps everything.
    StoreResult<int> applyRetention(int days,
                                    const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    Database &m_db;
};

} // namespace tidings
