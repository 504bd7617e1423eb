// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConversationStore.h"
#include "InsertOutcome.h"
#include "StoredMessage.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlQuery>

namespace tidings {

class Database;

// Inserts messages inside the caller's transaction: resolves (or creates) the
// conversation, gives the message a uid, and lets the database's unique
// constraints decide whether it is new. A request already stored (same
// account, Call-ID, From tag and CSeq; or the same uid, from an import) is a
// Duplicate carrying the existing id. Shared by MessageStore (incoming), the
// Outbox (outgoing) and HistoryImporter. Lives no longer than one operation.
class MessageWriter
{
    Q_DECLARE_TR_FUNCTIONS(MessageWriter)

public:
    explicit MessageWriter(Database &db);

    // `message`: everything but id, conversationId and peerKey (derived from
    // peerUri); an empty uid gets a new one (UUID version 7); an invalid time is derived
    // (received for incoming, sent/written for outgoing, else now).
    InsertOutcome insert(StoredMessage message);
    // The same for many messages, one outcome each, in order. Rows go to the
    // database in multi-row statements (see insertRows); when one fails as a
    // whole, its rows are retried one by one so only the bad one fails. After
    // a fatal error (isFatal) every message not yet stored fails with it.
    QList<InsertOutcome> insertBatch(QList<StoredMessage> messages);

    // The id of the stored incoming request with this account, Call-ID, From
    // tag and CSeq; 0 when there is none.
    StoreResult<qint64> findIncoming(const StoredMessage &message);

    // Errors after which the transaction cannot go on (the disk is full, I/O
    // failed, the database is damaged or busy): the whole batch fails.
    static bool isFatal(const StoreError &error);

private:
    // Rows per INSERT statement. Fewer statements mean fewer FTS5 index
    // segments (see insertRows); much longer statements got slower again in
    // tidings-store-bench (500 rows: a quarter of the speed of 32).
    static constexpr qsizetype kRowsPerStatement = 32;

    // Validates and completes one message (conversation, uid, time).
    StoreError prepare(StoredMessage &message);
    bool insertRows(const QList<StoredMessage> &messages, const QList<qsizetype> &rows,
                    QList<InsertOutcome> &outcomes);
    static QList<InsertOutcome> failRest(QList<InsertOutcome> outcomes, const StoreError &error);
    StoreResult<qint64> conversationFor(qint64 accountId, const QString &peerUri);
    StoreResult<qint64> existingId(const StoredMessage &message);

    Database &m_db;
    ConversationStore m_conversations;
    QHash<QString, qint64> m_conversationIds; // "<account>\n<key>" -> id
    QSqlQuery m_lookup;
    bool m_lookupPrepared = false;
};

} // namespace tidings
