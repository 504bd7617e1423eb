// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageRow.h"

#include "Sql.h"

#include <QSqlQuery>

namespace tidings {

namespace {

constexpr const char *kColumns[] = {
    "m.id",
    "m.uid",
    "m.account_id",
    "m.conversation_id",
    "c.peer_key",
    "m.peer_uri",
    "m.direction",
    "m.body",
    "m.content_type",
    "m.call_id",
    "m.from_tag",
    "m.cseq",
    "m.sort_time",
    "m.sent_at",
    "m.received_at",
    "m.server_date",
    "m.state",
    "m.status_code",
    "m.reason",
    "m.is_read",
    "m.delivered_late",
};

} // namespace

QString MessageRow::columns()
{
    QStringList names;
    for (const char *name : kColumns) {
        names << QLatin1String(name);
    }
    return names.join(QStringLiteral(", "));
}

QString MessageRow::from()
{
    return QStringLiteral("messages m JOIN conversations c ON c.id = m.conversation_id");
}

int MessageRow::columnCount()
{
    return int(std::size(kColumns));
}

StoredMessage MessageRow::read(const QSqlQuery &q, int first)
{
    StoredMessage m;
    int i = first;
    m.id = q.value(i++).toLongLong();
    m.uid = q.value(i++).toByteArray();
    m.accountId = q.value(i++).toLongLong();
    m.conversationId = q.value(i++).toLongLong();
    m.peerKey = q.value(i++).toString();
    m.peerUri = q.value(i++).toString();
    m.direction = q.value(i++).toInt() == 1 ? Direction::Outgoing : Direction::Incoming;
    m.body = q.value(i++).toString();
    m.contentType = q.value(i++).toString();
    m.callId = q.value(i++).toString();
    m.fromTag = q.value(i++).toString();
    m.cseq = q.value(i++).toLongLong();
    m.time = Sql::toTime(q.value(i++));
    m.sentAt = Sql::toTime(q.value(i++));
    m.receivedAt = Sql::toTime(q.value(i++));
    m.serverDate = Sql::toTime(q.value(i++));
    const int state = q.value(i++).toInt();
    m.state = (state >= 0 && state <= int(DeliveryState::Failed)) ? DeliveryState(state)
                                                                  : DeliveryState::Failed;
    m.statusCode = q.value(i++).toInt();
    m.reason = q.value(i++).toString();
    m.read = q.value(i++).toBool();
    m.deliveredLate = q.value(i++).toBool();
    return m;
}

} // namespace tidings
