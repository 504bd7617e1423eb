// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageStore.h"

#include "ContactKey.h"
#include "Database.h"
#include "MessageRow.h"
#include "MessageWriter.h"
#include "Sql.h"
#include "Transaction.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tidings {

namespace {

constexpr int kMaxPage = 1000;

StoredMessage fromIncoming(const IncomingMessage &in)
{
    StoredMessage m;
    m.accountId = in.accountId;
    m.peerUri = in.peerUri;
    m.direction = Direction::Incoming;
    m.body = in.body;
    m.contentType = in.contentType;
    m.callId = in.callId;
    m.fromTag = in.fromTag;
    m.cseq = in.cseq;
    m.receivedAt = in.receivedAt.isValid() ? in.receivedAt : QDateTime::currentDateTimeUtc();
    m.sentAt = in.sentAt;
    m.serverDate = in.serverDate;
    m.time = m.receivedAt;
    m.state = DeliveryState::Received;
    m.deliveredLate = in.deliveredLate;
    return m;
}

} // namespace

MessageStore::MessageStore(Database &db)
    : m_db(db)
{}

InsertOutcome MessageStore::insertIncoming(const IncomingMessage &message)
{
    return insertIncomingBatch({message}).constFirst();
}

QList<InsertOutcome> MessageStore::insertIncomingBatch(const QList<IncomingMessage> &messages)
{
    QList<InsertOutcome> outcomes(messages.size());
    if (messages.isEmpty()) {
        return outcomes;
    }
    QList<StoredMessage> rows;
    rows.reserve(messages.size());
    for (const IncomingMessage &message : messages) {
        rows.append(fromIncoming(message));
    }
    // Nothing of this transaction reached the disk. A message an earlier
    // transaction stored (a retransmission) is still safe to acknowledge;
    // every other message failed, with `error`.
    auto abandon = [this, &outcomes, &rows](const StoreError &error) {
        MessageWriter writer(m_db);
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const auto earlier = writer.findIncoming(rows.at(i));
            outcomes[i] = earlier.ok() && earlier.value() > 0
                              ? InsertOutcome{InsertOutcome::Kind::Duplicate, earlier.value(), {}}
                              : InsertOutcome{InsertOutcome::Kind::Failed, 0, error};
        }
        return outcomes;
    };
    if (m_db.isReadOnly()) {
        return abandon(m_db.readOnlyError());
    }

    Transaction transaction(m_db.connection());
    if (auto begun = transaction.begin(); !begun) {
        return abandon(begun.error());
    }
    outcomes = MessageWriter(m_db).insertBatch(rows);
    for (const InsertOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.kind == InsertOutcome::Kind::Failed && MessageWriter::isFatal(outcome.error)) {
            const StoreError error = outcome.error;
            transaction.rollback();
            return abandon(error);
        }
    }
    // The name each peer gave last names its conversation, in this same
    // transaction (no second disk sync).
    QHash<qint64, QString> names; // a stored message's id -> the name
    QSet<QString> named;
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const IncomingMessage &m = messages.at(i);
        if (outcomes.at(i).kind == InsertOutcome::Kind::Stored && !m.peerDisplayName.isEmpty() &&
            !named.contains(m.peerUri)) {
            named.insert(m.peerUri);
            names.insert(outcomes.at(i).id, m.peerDisplayName);
        }
    }
    if (!names.isEmpty()) {
        QSqlQuery name(m_db.connection());
        name.prepare(QStringLiteral(
            "UPDATE conversations SET peer_display_name = :name WHERE id = (SELECT "
            "conversation_id FROM messages WHERE id = :id) AND peer_display_name != :name"));
        for (auto it = names.cbegin(); it != names.cend(); ++it) {
            name.bindValue(QStringLiteral(":name"), Sql::text(it.value()));
            name.bindValue(QStringLiteral(":id"), it.key());
            if (!name.exec()) {
                const StoreError error =
                    StoreError::fromSql(name.lastError(), tr("Could not save the peer's name."));
                if (MessageWriter::isFatal(error)) {
                    transaction.rollback();
                    return abandon(error);
                }
            }
        }
    }
    if (auto committed = transaction.commit(); !committed) {
        return abandon(committed.error());
    }
    return outcomes;
}

StoreResult<StoredMessage> MessageStore::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE m.id = ?")
                  .arg(MessageRow::columns(), MessageRow::from()));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not read the message.")); !done) {
        return done.error();
    }
    if (!q.next()) {
        if (q.lastError().isValid()) {
            return StoreError::fromSql(q.lastError(), tr("Could not read the message."));
        }
        return StoreError(StoreError::Code::NotFound, tr("The message no longer exists."));
    }
    return MessageRow::read(q);
}

StoreResult<MessagePage> MessageStore::page(qint64 conversationId, const PageCursor &cursor,
                                            int limit) const
{
    limit = std::clamp(limit, 1, kMaxPage);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // Keyset paging on (sort_time, id), the messages_conversation_time index:
    // each page starts strictly after the last row of the previous one.
    QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE m.conversation_id = ?")
                      .arg(MessageRow::columns(), MessageRow::from());
    if (!cursor.isNull()) {
        sql += QStringLiteral(" AND (m.sort_time, m.id) < (?, ?)");
    }
    sql += QStringLiteral(" ORDER BY m.sort_time DESC, m.id DESC LIMIT ?");
    q.prepare(sql);
    q.addBindValue(conversationId);
    if (!cursor.isNull()) {
        q.addBindValue(cursor.timeMs);
        q.addBindValue(cursor.id);
    }
    q.addBindValue(limit + 1);
    const QString action = tr("Could not read the conversation.");
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    MessagePage page;
    while (q.next()) {
        if (page.messages.size() == limit) {
            page.next = PageCursor::after(page.messages.constLast());
            break;
        }
        page.messages.append(MessageRow::read(q));
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    return page;
}

StoreResult<QList<StoredMessage>> MessageStore::history(const QString &peerUri, int limit) const
{
    QString where;
    QVariantList values;
    if (!peerUri.isEmpty()) {
        const ContactKey key = ContactKey::fromString(peerUri);
        if (!key.isValid()) {
            return StoreError(StoreError::Code::InvalidArgument,
                              tr("\"%1\" is not a valid SIP address.").arg(peerUri));
        }
        where = QStringLiteral("WHERE c.peer_key = ?");
        values << key.toString();
    }
    QString sql = QStringLiteral("SELECT %1 FROM %2 %3 ORDER BY m.sort_time DESC, m.id DESC")
                      .arg(MessageRow::columns(), MessageRow::from(), where);
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    const QString action = tr("Could not read the history.");
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    QList<StoredMessage> out;
    while (q.next()) {
        out.append(MessageRow::read(q));
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

StoreResult<void> MessageStore::markRead(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE messages SET is_read = 1 WHERE id = ?"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not mark the message read.")); !done) {
        return done;
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The message no longer exists."));
    }
    return {};
}

StoreResult<void> MessageStore::remove(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not delete the message.")); !done) {
        return done;
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The message no longer exists."));
    }
    return {};
}

StoreResult<int> MessageStore::deleteOlderThan(const QDateTime &cutoff)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    if (!cutoff.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("No date was given for deleting old messages."));
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE sort_time < ? AND "
                             "NOT (direction = 1 AND state IN (1, 2))"));
    q.addBindValue(cutoff.toMSecsSinceEpoch());
    if (auto done = Sql::run(q, tr("Could not delete old messages.")); !done) {
        return done.error();
    }
    return q.numRowsAffected();
}

StoreResult<int> MessageStore::applyRetention(int days, const QDateTime &now)
{
    if (days <= 0) {
        return 0;
    }
    return deleteOlderThan(now.addDays(-days));
}

} // namespace tidings
