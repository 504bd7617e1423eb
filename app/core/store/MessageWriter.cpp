// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageWriter.h"

#include "ContactKey.h"
#include "Database.h"
#include "Sql.h"

#include <QRandomGenerator>
#include <QSqlError>

namespace tidings {

namespace {

// A UUID of version 7 (RFC 9562 §5.7): 48 bits of Unix time in milliseconds,
// then random bits. Ids made one after another sort together, so the unique
// index on uid grows at its end instead of touching a random page for every
// message: far fewer pages to write (and sync) per transaction.
QByteArray timeOrderedUid()
{
    QByteArray uid(16, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<quint32 *>(uid.data());
    QRandomGenerator::system()->fillRange(bytes, 4);
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i) {
        uid[i] = char((ms >> (8 * (5 - i))) & 0xff);
    }
    uid[6] = char(0x70 | (uid[6] & 0x0f)); // version 7
    uid[8] = char(0x80 | (uid[8] & 0x3f)); // variant 10
    return uid;
}

} // namespace

MessageWriter::MessageWriter(Database &db)
    : m_db(db)
    , m_conversations(db)
    , m_lookup(db.connection())
{}

bool MessageWriter::isFatal(const StoreError &error)
{
    switch (error.code()) {
    case StoreError::Code::DiskFull:
    case StoreError::Code::Io:
    case StoreError::Code::Corrupt:
    case StoreError::Code::Busy:
    case StoreError::Code::ReadOnly:
        return true;
    default:
        return false;
    }
}

StoreResult<qint64> MessageWriter::conversationFor(qint64 accountId, const QString &peerUri)
{
    const ContactKey key = ContactKey::fromString(peerUri);
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("The message's address \"%1\" is not a valid URI.").arg(peerUri));
    }
    const QString cacheKey = QString::number(accountId) + QLatin1Char('\n') + key.toString();
    if (const auto it = m_conversationIds.constFind(cacheKey); it != m_conversationIds.cend()) {
        return it.value();
    }
    // One prepared lookup for the whole batch; ensure() only for a new peer.
    if (!m_lookupPrepared) {
        m_lookupPrepared = m_lookup.prepare(
            QStringLiteral("SELECT id FROM conversations WHERE account_id = ? AND peer_key = ?"));
    }
    m_lookup.bindValue(0, accountId);
    m_lookup.bindValue(1, key.toString());
    if (m_lookupPrepared && m_lookup.exec() && m_lookup.next()) {
        const qint64 id = m_lookup.value(0).toLongLong();
        m_lookup.finish();
        m_conversationIds.insert(cacheKey, id);
        return id;
    }
    m_lookup.finish();
    auto id = m_conversations.ensure(accountId, key, peerUri);
    if (id) {
        m_conversationIds.insert(cacheKey, id.value());
    }
    return id;
}

StoreResult<qint64> MessageWriter::findIncoming(const StoredMessage &message)
{
    if (message.direction != Direction::Incoming || message.callId.isEmpty()) {
        return qint64(0);
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE account_id = ? AND call_id = ? AND "
                             "from_tag = ? AND cseq = ? AND direction = 0"));
    q.addBindValue(message.accountId);
    q.addBindValue(Sql::text(message.callId));
    q.addBindValue(Sql::text(message.fromTag));
    q.addBindValue(message.cseq);
    if (auto done = Sql::run(q, tr("Could not look up the stored message.")); !done) {
        return done.error();
    }
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

StoreResult<qint64> MessageWriter::existingId(const StoredMessage &message)
{
    QSqlQuery q(m_db.connection());
    if (message.direction == Direction::Incoming) {
        q.prepare(QStringLiteral("SELECT id FROM messages WHERE account_id = ? AND call_id = ? "
                                 "AND from_tag = ? AND cseq = ? AND direction = 0 "
                                 "UNION ALL SELECT id FROM messages WHERE uid = ?"));
        q.addBindValue(message.accountId);
        q.addBindValue(Sql::text(message.callId));
        q.addBindValue(Sql::text(message.fromTag));
        q.addBindValue(message.cseq);
    } else {
        q.prepare(QStringLiteral("SELECT id FROM messages WHERE uid = ?"));
    }
    q.addBindValue(message.uid);
    if (auto done = Sql::run(q, tr("Could not look up the stored message.")); !done) {
        return done.error();
    }
    if (!q.next()) {
        return StoreError(StoreError::Code::NotFound, tr("The stored message was not found."));
    }
    return q.value(0).toLongLong();
}

StoreError MessageWriter::prepare(StoredMessage &message)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    const bool incoming = message.direction == Direction::Incoming;
    if (incoming && message.callId.isEmpty()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("Could not store the message: it has no Call-ID."));
    }
    if (incoming != (message.state == DeliveryState::Received)) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("Could not store the message: its delivery state does not fit its "
                             "direction."));
    }
    auto conversation = conversationFor(message.accountId, message.peerUri);
    if (!conversation) {
        return conversation.error();
    }
    message.conversationId = conversation.value();
    if (message.uid.isEmpty()) {
        message.uid = timeOrderedUid();
    }
    if (!message.time.isValid()) {
        const QDateTime own = incoming ? message.receivedAt : message.sentAt;
        message.time = own.isValid() ? own : QDateTime::currentDateTimeUtc();
    }
    if (message.contentType.isEmpty()) {
        message.contentType = QStringLiteral("text/plain");
    }
    return {};
}

InsertOutcome MessageWriter::insert(StoredMessage message)
{
    return insertBatch({std::move(message)}).constFirst();
}

QList<InsertOutcome> MessageWriter::insertBatch(QList<StoredMessage> messages)
{
    QList<InsertOutcome> outcomes(messages.size());
    QList<qsizetype> ready; // indexes of messages that go to the database
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const StoreError error = prepare(messages[i]);
        if (!error.isNull()) {
            outcomes[i].error = error;
            if (isFatal(error)) {
                return failRest(outcomes, error);
            }
            continue;
        }
        ready.append(i);
    }
    for (qsizetype start = 0; start < ready.size(); start += kRowsPerStatement) {
        const QList<qsizetype> chunk = ready.mid(start, kRowsPerStatement);
        if (!insertRows(messages, chunk, outcomes)) {
            // One statement failed as a whole: find the culprit row by row,
            // unless the transaction itself is lost.
            if (isFatal(outcomes[chunk.first()].error)) {
                return failRest(outcomes, outcomes[chunk.first()].error);
            }
            for (const qsizetype i : chunk) {
                insertRows(messages, {i}, outcomes);
                if (isFatal(outcomes[i].error)) {
                    return failRest(outcomes, outcomes[i].error);
                }
            }
        }
    }
    return outcomes;
}

QList<InsertOutcome> MessageWriter::failRest(QList<InsertOutcome> outcomes, const StoreError &error)
{
    for (InsertOutcome &outcome : outcomes) {
        if (outcome.kind == InsertOutcome::Kind::Failed && outcome.error.isNull()) {
            outcome.error = error;
        }
    }
    return outcomes;
}

// One INSERT for all rows: with triggers on the table every statement opens a
// statement savepoint, and FTS5 writes its pending index data at every
// savepoint (SQLite 3.40), so one statement per message would write a new
// index segment per message. One statement per batch writes one.
bool MessageWriter::insertRows(const QList<StoredMessage> &messages, const QList<qsizetype> &rows,
                               QList<InsertOutcome> &outcomes)
{
    static const QString tuple =
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QStringList tuples;
    tuples.reserve(rows.size());
    for (qsizetype n = 0; n < rows.size(); ++n) {
        tuples << tuple;
    }
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "INSERT INTO messages (uid, account_id, conversation_id, peer_uri, direction, "
                  "body, content_type, call_id, from_tag, cseq, sort_time, sent_at, received_at, "
                  "server_date, state, status_code, reason, is_read, delivered_late) VALUES %1 "
                  "ON CONFLICT DO NOTHING RETURNING id, uid")
                  .arg(tuples.join(QStringLiteral(", "))));
    int column = 0;
    for (const qsizetype i : rows) {
        const StoredMessage &m = messages.at(i);
        const QVariant values[] = {
            m.uid,
            m.accountId,
            m.conversationId,
            Sql::text(m.peerUri.trimmed()),
            int(m.direction),
            Sql::text(m.body),
            Sql::text(m.contentType),
            Sql::text(m.callId),
            Sql::text(m.fromTag),
            m.cseq,
            m.time.toMSecsSinceEpoch(),
            Sql::fromTime(m.sentAt),
            Sql::fromTime(m.receivedAt),
            Sql::fromTime(m.serverDate),
            int(m.state),
            m.statusCode,
            Sql::text(m.reason),
            m.read ? 1 : 0,
            m.deliveredLate ? 1 : 0,
        };
        for (const QVariant &value : values) {
            q.bindValue(column++, value);
        }
    }
    const QString action = tr("Could not store the message.");
    if (!q.exec()) {
        const StoreError error = StoreError::fromSql(q.lastError(), action);
        for (const qsizetype i : rows) {
            outcomes[i] = InsertOutcome{InsertOutcome::Kind::Failed, 0, error};
        }
        return false;
    }
    // RETURNING names the rows inserted, in no promised order; the others
    // were already there.
    QHash<QByteArray, qint64> inserted;
    while (q.next()) {
        inserted.insert(q.value(1).toByteArray(), q.value(0).toLongLong());
    }
    if (q.lastError().isValid()) {
        const StoreError error = StoreError::fromSql(q.lastError(), action);
        for (const qsizetype i : rows) {
            outcomes[i] = InsertOutcome{InsertOutcome::Kind::Failed, 0, error};
        }
        return false;
    }
    q.finish();
    for (const qsizetype i : rows) {
        const StoredMessage &m = messages.at(i);
        // take(): a uid given twice is stored once, the second is a duplicate.
        if (const qint64 id = inserted.take(m.uid); id > 0) {
            outcomes[i] = InsertOutcome{InsertOutcome::Kind::Stored, id, {}};
            continue;
        }
        auto existing = existingId(m);
        outcomes[i] = existing ? InsertOutcome{InsertOutcome::Kind::Duplicate, existing.value(), {}}
                               : InsertOutcome{InsertOutcome::Kind::Failed, 0, existing.error()};
    }
    return true;
}

} // namespace tidings
