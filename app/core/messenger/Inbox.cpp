// SPDX-License-Identifier: GPL-3.0-or-later
#include "Inbox.h"

#include "OfflineNotice.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/MessageRow.h"
#include "store/MessageStore.h"

#include <QHash>
#include <QSqlQuery>

#include <optional>

namespace tidings {
namespace {

// Bound values per SELECT ... IN (...): below SQLite's oldest limit of 999.
constexpr qsizetype kIdsPerQuery = 500;

} // namespace

Inbox::Inbox(Database &db, qint64 accountId, Answer answer, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_accountId(accountId)
    , m_answer(std::move(answer))
{}

Inbox::~Inbox()
{
    flush();
}

IncomingMessage Inbox::toIncoming(const sip::IncomingMessage &message, qint64 accountId,
                                  const QDateTime &receivedAt)
{
    const sip::Message &request = message.received.message;
    IncomingMessage in;
    in.accountId = accountId;
    in.peerUri = request.from().uri().toString();
    in.peerDisplayName = request.from().displayName();
    in.body = message.text;
    in.contentType = QString::fromLatin1(message.contentType);
    in.callId = QString::fromUtf8(request.callId());
    in.fromTag = QString::fromUtf8(request.from().tag());
    in.cseq = request.cseq().number();
    in.receivedAt = receivedAt;
    if (const auto date = request.date()) {
        in.serverDate = date->toUTC();
    }
    // msilo composes its prefix only for text/plain bodies.
    if (message.contentType == "text/plain") {
        const OfflineNotice notice = OfflineNotice::parse(message.text, in.serverDate);
        if (notice.found) {
            in.body = notice.body;
            in.sentAt = notice.storedAt;
            in.deliveredLate = true;
        }
    }
    return in;
}

void Inbox::add(const sip::IncomingMessage &message)
{
    m_pending.append({message, QDateTime::currentDateTimeUtc()});
    if (!m_scheduled) {
        m_scheduled = true;
        // Queued: runs once the current socket drain has handed up every
        // request that arrived with this one, so they share one transaction.
        QMetaObject::invokeMethod(this, &Inbox::flush, Qt::QueuedConnection);
    }
}

void Inbox::flush()
{
    m_scheduled = false;
    if (m_pending.isEmpty()) {
        return;
    }
    const QList<Pending> batch = std::exchange(m_pending, {});

    // Who is blocked, and who is not in the address book yet: once per peer.
    ContactStore contactStore(m_db);
    QHash<QString, std::optional<Contact>> contacts;
    for (const Pending &p : batch) {
        const QString uri = p.request.received.message.from().uri().toString();
        if (!contacts.contains(uri)) {
            auto found = contactStore.findByUri(m_accountId, uri);
            contacts.insert(uri, found.ok() ? found.value() : std::nullopt);
        }
    }
    auto isBlocked = [&contacts](const Pending &p) {
        const auto &c = contacts.value(p.request.received.message.from().uri().toString());
        return c && c->blocked;
    };

    QList<IncomingMessage> toStore;
    QList<qsizetype> storeIndex(batch.size(), -1);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!isBlocked(batch[i])) {
            storeIndex[i] = toStore.size();
            toStore.append(toIncoming(batch[i].request, m_accountId, batch[i].receivedAt));
        }
    }
    // One transaction for the whole burst, committed with synchronous=FULL
    // before any answer goes out.
    const QList<InsertOutcome> outcomes = MessageStore(m_db).insertIncomingBatch(toStore);

    QList<qint64> newIds;
    QList<qsizetype> newIndex;
    QString failure;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (storeIndex[i] < 0) {
            continue;
        }
        const InsertOutcome &o = outcomes.at(storeIndex[i]);
        if (o.kind == InsertOutcome::Kind::Stored) {
            newIds.append(o.id);
            newIndex.append(i);
        } else if (o.kind == InsertOutcome::Kind::Failed && failure.isEmpty()) {
            failure = o.error.toString();
        }
    }

    if (!newIds.isEmpty()) {
        const QList<StoredMessage> rows = readBack(newIds);
        QList<StoredRequest> requests;
        requests.reserve(newIndex.size());
        for (qsizetype k = 0; k < newIndex.size(); ++k) {
            StoredMessage m;
            if (k < rows.size() && rows[k].id == newIds[k]) {
                m = rows[k];
            } else {
                // Could not read it back: what was written is known anyway.
                const IncomingMessage &in = toStore[storeIndex[newIndex[k]]];
                m.id = newIds[k];
                m.accountId = in.accountId;
                m.peerUri = in.peerUri;
                m.body = in.body;
                m.contentType = in.contentType;
                m.callId = in.callId;
                m.fromTag = in.fromTag;
                m.cseq = in.cseq;
                m.receivedAt = in.receivedAt;
                m.time = in.receivedAt;
                m.sentAt = in.sentAt;
                m.serverDate = in.serverDate;
                m.deliveredLate = in.deliveredLate;
            }
            requests.append({m, batch[newIndex[k]].request});
        }
        emit requestsStored(requests);
        QList<StoredMessage> messages;
        messages.reserve(requests.size());
        for (const StoredRequest &r : std::as_const(requests)) {
            messages.append(r.message);
        }
        emit messagesStored(messages);
    }
    if (!failure.isEmpty()) {
        emit storeFailed(failure);
    }

    const Headers retryAfter = {
        {QByteArrayLiteral("Retry-After"), QByteArray::number(kRetryAfterSeconds)}};
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const quint64 serverId = batch[i].request.serverId;
        if (storeIndex[i] < 0) {
            if (m_blockedAnswer == Account::BlockedAnswer::Decline) {
                m_answer(serverId, 603, QByteArrayLiteral("Decline"), {}); // RFC 3261 §21.6.2
            } else {
                m_answer(serverId, 200, {}, {});
            }
        } else if (outcomes.at(storeIndex[i]).isStored()) {
            // RFC 3428 §7: 200 once the message is durably stored (again).
            m_answer(serverId, 200, {}, {});
        } else {
            // RFC 3261 §21.5.1: never a 2xx for a message that is not stored.
            m_answer(serverId, 500, {}, retryAfter);
        }
    }
}

QList<StoredMessage> Inbox::readBack(const QList<qint64> &ids) const
{
    QHash<qint64, StoredMessage> byId;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerQuery) {
        const QList<qint64> chunk = ids.mid(from, kIdsPerQuery);
        QString marks = QStringLiteral("?");
        marks += QStringLiteral(",?").repeated(chunk.size() - 1);
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE m.id IN (%3)")
                      .arg(MessageRow::columns(), MessageRow::from(), marks));
        for (qint64 id : chunk) {
            q.addBindValue(id);
        }
        if (!q.exec()) {
            return {};
        }
        while (q.next()) {
            StoredMessage m = MessageRow::read(q);
            byId.insert(m.id, m);
        }
    }
    QList<StoredMessage> rows;
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        rows.append(byId.value(id));
    }
    return rows;
}

} // namespace tidings
