// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ContactKey.h"
#include "Conversation.h"
#include "StoreResult.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace tidings {

class Database;

// Conversations: one per (account, peer ContactKey). Created by the first
// message; deleting one deletes its messages and their search index entries.
class ConversationStore
{
    Q_DECLARE_TR_FUNCTIONS(ConversationStore)

public:
    explicit ConversationStore(Database &db);

    // The conversation with this peer, created when there is none. Must run
    // on a writer; callers inside a Transaction get it in the same one.
    StoreResult<qint64> ensure(qint64 accountId, const ContactKey &peer, const QString &peerUri);

    StoreResult<Conversation> find(qint64 id) const;
    StoreResult<std::optional<Conversation>> find(qint64 accountId, const ContactKey &peer) const;
    // Every conversation with this peer key across accounts (accountId 0) or
    // on one account.
    StoreResult<QList<Conversation>> findByPeer(const ContactKey &peer, qint64 accountId = 0) const;
    // The start of the newest message's text that list() and find() give.
    static constexpr int kPreviewLength = 160;

    // Most recent first, with the contact and the newest message (see
    // Conversation). accountId 0: all accounts.
    StoreResult<QList<Conversation>> list(qint64 accountId = 0) const;

    // Marks every incoming message of the conversation read.
    StoreResult<int> markRead(qint64 id);
    // Deletes the conversation and its messages; returns how many messages.
    StoreResult<int> remove(qint64 id);

private:
    StoreResult<QList<Conversation>> select(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

} // namespace tidings
