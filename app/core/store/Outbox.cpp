// SPDX-License-Identifier: GPL-3.0-or-later
#include "Outbox.h"

#include "Database.h"
#include "MessageRow.h"
#include "MessageWriter.h"
#include "Sql.h"
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

namespace {

constexpr int kAccepted = 202; // RFC 3428 §7: accepted, not yet delivered

} // namespace

Outbox::Outbox(Database &db)
    : m_db(db)
{}

StoreResult<qint64> Outbox::queue(const OutgoingMessage &message)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    StoredMessage m;
    m.accountId = message.accountId;
    m.peerUri = message.peerUri;
    m.direction = Direction::Outgoing;
    m.body = message.body;
    m.contentType = message.contentType;
    m.sentAt = message.writtenAt.isValid() ? message.writtenAt : QDateTime::currentDateTimeUtc();
    m.time = m.sentAt;
    m.state = DeliveryState::Queued;
    m.read = true;

    Transaction transaction(m_db.connection());
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    MessageWriter writer(m_db);
    const InsertOutcome outcome = writer.insert(m);
    if (outcome.kind == InsertOutcome::Kind::Failed) {
        return outcome.error;
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return outcome.id;
}

StoreResult<void> Outbox::transition(qint64 id, std::initializer_list<DeliveryState> from,
                                     DeliveryState to, const QString &assignments,
                                     const QVariantList &values, const QString &action)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QStringList states;
    for (const DeliveryState state : from) {
        states << QString::number(int(state));
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE messages SET state = ?%1 WHERE id = ? AND direction = 1 "
                             "AND state IN (%2)")
                  .arg(assignments.isEmpty() ? QString() : QStringLiteral(", ") + assignments,
                       states.join(QLatin1Char(','))));
    q.addBindValue(int(to));
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    q.addBindValue(id);
    if (auto done = Sql::run(q, action); !done) {
        return done;
    }
    if (q.numRowsAffected() > 0) {
        return {};
    }

    // Say why nothing changed: no such outgoing message, or the wrong state.
    const auto current = currentState(id, action);
    if (!current) {
        return current.error();
    }
    return StoreError(
        StoreError::Code::InvalidState,
        tr("%1 The message is %2.").arg(action, DeliveryNames::state(current.value())));
}

StoreResult<DeliveryState> Outbox::currentState(qint64 id, const QString &action) const
{
    QSqlQuery check(m_db.connection());
    check.prepare(QStringLiteral("SELECT state FROM messages WHERE id = ? AND direction = 1"));
    check.addBindValue(id);
    if (auto done = Sql::run(check, action); !done) {
        return done.error();
    }
    if (!check.next()) {
        return StoreError(StoreError::Code::NotFound,
                          tr("%1 The message is no longer in the outbox.").arg(action));
    }
    return DeliveryState(check.value(0).toInt());
}

StoreResult<void> Outbox::markSending(qint64 id, const QString &callId, const QString &fromTag,
                                      qint64 cseq)
{
    return transition(id, {DeliveryState::Queued}, DeliveryState::Sending,
                      QStringLiteral("call_id = ?, from_tag = ?, cseq = ?, status_code = 0, "
                                     "reason = ''"),
                      {Sql::text(callId), Sql::text(fromTag), cseq},
                      tr("Could not mark the message as being sent."));
}

StoreResult<DeliveryState> Outbox::markResult(qint64 id, int statusCode, const QString &reason)
{
    DeliveryState to = DeliveryState::Failed;
    if (statusCode >= 200 && statusCode < 300) {
        to = statusCode == kAccepted ? DeliveryState::Accepted : DeliveryState::Sent;
    }
    auto done = transition(
        id, {DeliveryState::Sending}, to, QStringLiteral("status_code = ?, reason = ?"),
        {statusCode, Sql::text(reason)}, tr("Could not record the result of sending the message."));
    if (!done) {
        return done.error();
    }
    return to;
}

StoreResult<void> Outbox::markFailed(qint64 id, int statusCode, const QString &reason)
{
    return transition(id, {DeliveryState::Queued, DeliveryState::Sending}, DeliveryState::Failed,
                      QStringLiteral("status_code = ?, reason = ?"),
                      {statusCode, Sql::text(reason)}, tr("Could not mark the message as failed."));
}

StoreResult<void> Outbox::requeue(qint64 id)
{
    return transition(id, {DeliveryState::Sending}, DeliveryState::Queued, {}, {},
                      tr("Could not put the message back in the outbox."));
}

StoreResult<int> Outbox::requeueInterrupted(qint64 accountId)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE messages SET state = 1 WHERE direction = 1 AND state = 2 "
                             "AND (? = 0 OR account_id = ?)"));
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    if (auto done = Sql::run(q, tr("Could not put interrupted messages back in the outbox."));
        !done) {
        return done.error();
    }
    return q.numRowsAffected();
}

StoreResult<void> Outbox::retry(qint64 id)
{
    return transition(id, {DeliveryState::Failed}, DeliveryState::Queued,
                      QStringLiteral("status_code = 0, reason = ''"), {},
                      tr("Could not send the message again."));
}

StoreResult<void> Outbox::remove(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    const QString action = tr("Could not delete the message.");
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ? AND direction = 1 AND state != 2"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, action); !done) {
        return done;
    }
    if (q.numRowsAffected() > 0) {
        return {};
    }
    if (const auto current = currentState(id, action); !current) {
        return current.error();
    }
    return StoreError(StoreError::Code::InvalidState,
                      tr("%1 It is being sent right now.").arg(action));
}

StoreResult<QList<StoredMessage>> Outbox::pending(qint64 accountId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE m.direction = 1 AND m.state IN (1, 2)")
                      .arg(MessageRow::columns(), MessageRow::from());
    if (accountId != 0) {
        sql += QStringLiteral(" AND m.account_id = ?");
    }
    sql += QStringLiteral(" ORDER BY m.sort_time, m.id");
    q.prepare(sql);
    if (accountId != 0) {
        q.addBindValue(accountId);
    }
    const QString action = tr("Could not read the outbox.");
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
    return out;
}

} // namespace tidings
