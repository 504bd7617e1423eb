// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationStore.h"

#include "Database.h"
#include "Sql.h"
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

ConversationStore::ConversationStore(Database &db)
    : m_db(db)
{}

StoreResult<qint64> ConversationStore::ensure(qint64 accountId, const ContactKey &peer,
                                              const QString &peerUri)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    if (!peer.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(peerUri));
    }
    const QString action = tr("Could not create the conversation with %1.").arg(peerUri);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM conversations WHERE account_id = ? AND peer_key = ?"));
    q.addBindValue(accountId);
    q.addBindValue(peer.toString());
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    if (q.next()) {
        return q.value(0).toLongLong();
    }
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral("INSERT INTO conversations (account_id, peer_key, peer_uri, "
                                  "created_at) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(accountId);
    insert.addBindValue(peer.toString());
    insert.addBindValue(peerUri.trimmed());
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec()) {
        if (StoreError::sqliteCode(insert.lastError()) == 19) { // foreign key: no such account
            return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."),
                              insert.lastError().databaseText());
        }
        return StoreError::fromSql(insert.lastError(), action);
    }
    return insert.lastInsertId().toLongLong();
}

StoreResult<QList<Conversation>> ConversationStore::select(const QString &where,
                                                           const QVariantList &values) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral(
            "SELECT c.id, c.account_id, c.peer_key, c.peer_uri, c.created_at, "
            "c.last_message_at, c.unread_count, c.peer_display_name, "
            "ct.id, ct.display_name, ct.blocked, "
            "m.id, substr(m.body, 1, %2), m.direction, m.state "
            "FROM conversations c "
            "LEFT JOIN contacts ct ON ct.account_id = c.account_id AND ct.contact_key = c.peer_key "
            "LEFT JOIN messages m ON m.id = (SELECT id FROM messages WHERE conversation_id = c.id "
            "ORDER BY sort_time DESC, id DESC LIMIT 1) "
            "WHERE %1 ORDER BY c.last_message_at DESC, c.id DESC")
            .arg(where)
            .arg(kPreviewLength));
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    const QString action = tr("Could not read the conversations.");
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    QList<Conversation> out;
    while (q.next()) {
        Conversation c;
        c.id = q.value(0).toLongLong();
        c.accountId = q.value(1).toLongLong();
        c.peerKey = q.value(2).toString();
        c.peerUri = q.value(3).toString();
        c.createdAt = Sql::toTime(q.value(4));
        const qint64 last = q.value(5).toLongLong();
        c.lastMessageAt = last > 0 ? Sql::toTime(last) : QDateTime();
        c.unreadCount = q.value(6).toInt();
        c.peerDisplayName = q.value(7).toString();
        c.contactId = q.value(8).toLongLong();
        c.contactName = q.value(9).toString();
        c.blocked = q.value(10).toBool();
        c.lastMessageId = q.value(11).toLongLong();
        c.lastMessagePreview = q.value(12).toString();
        c.lastDirection = q.value(13).toInt() == 1 ? Direction::Outgoing : Direction::Incoming;
        c.lastState = DeliveryState(qBound(0, q.value(14).toInt(), 5));
        out.append(c);
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    return out;
}

StoreResult<Conversation> ConversationStore::find(qint64 id) const
{
    auto rows = select(QStringLiteral("c.id = ?"), {id});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return StoreError(StoreError::Code::NotFound, tr("The conversation no longer exists."));
    }
    return rows.value().constFirst();
}

StoreResult<std::optional<Conversation>> ConversationStore::find(qint64 accountId,
                                                                 const ContactKey &peer) const
{
    auto rows =
        select(QStringLiteral("c.account_id = ? AND c.peer_key = ?"), {accountId, peer.toString()});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return std::optional<Conversation>();
    }
    return std::optional<Conversation>(rows.value().constFirst());
}

StoreResult<QList<Conversation>> ConversationStore::findByPeer(const ContactKey &peer,
                                                               qint64 accountId) const
{
    if (accountId == 0) {
        return select(QStringLiteral("c.peer_key = ?"), {peer.toString()});
    }
    return select(QStringLiteral("c.peer_key = ? AND c.account_id = ?"),
                  {peer.toString(), accountId});
}

StoreResult<QList<Conversation>> ConversationStore::list(qint64 accountId) const
{
    if (accountId == 0) {
        return select(QStringLiteral("1"), {});
    }
    return select(QStringLiteral("c.account_id = ?"), {accountId});
}

StoreResult<int> ConversationStore::markRead(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE messages SET is_read = 1 WHERE conversation_id = ? AND "
                             "direction = 0 AND is_read = 0"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not mark the conversation read.")); !done) {
        return done.error();
    }
    return q.numRowsAffected();
}

StoreResult<int> ConversationStore::remove(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    const QString action = tr("Could not delete the conversation.");
    Transaction transaction(m_db.connection());
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    // Messages first, so the delete trigger keeps the search indexes in sync
    // row by row; then the conversation itself.
    QSqlQuery messages(m_db.connection());
    messages.prepare(QStringLiteral("DELETE FROM messages WHERE conversation_id = ?"));
    messages.addBindValue(id);
    if (auto done = Sql::run(messages, action); !done) {
        return done.error();
    }
    const int count = messages.numRowsAffected();
    QSqlQuery conversation(m_db.connection());
    conversation.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    conversation.addBindValue(id);
    if (auto done = Sql::run(conversation, action); !done) {
        return done.error();
    }
    if (conversation.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The conversation no longer exists."));
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return count;
}

} // namespace tidings
