// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryEvent.h"

#include "JsonLines.h"

namespace tidings {

namespace {

QJsonValue timestamp(const QDateTime &time)
{
    return JsonLines::utcTimestamp(time.toMSecsSinceEpoch());
}

} // namespace

QByteArray HistoryEvent::format(const StoredMessage &m, const QString &contactName,
                                const QString *snippet)
{
    const bool outgoing = m.direction == Direction::Outgoing;
    JsonFields fields{
        {QStringLiteral("event"), QString(eventName)},
        {QStringLiteral("id"), m.id},
        {QStringLiteral("direction"), DeliveryNames::direction(m.direction)},
        {QStringLiteral("peer"), m.peerUri},
    };
    if (!contactName.isEmpty())
        fields.append({QStringLiteral("contact"), contactName});
    fields.append({QStringLiteral("body"), m.body});
    fields.append({QStringLiteral("content_type"), m.contentType});
    fields.append({QStringLiteral("state"), DeliveryNames::state(m.state)});
    if (outgoing && m.statusCode > 0)
        fields.append({QStringLiteral("status"), m.statusCode});
    if (outgoing && !m.reason.isEmpty())
        fields.append({QStringLiteral("reason"), m.reason});
    fields.append({QStringLiteral("call_id"), m.callId});
    fields.append({QStringLiteral("time"), timestamp(m.time)});
    if (!outgoing && m.sentAt.isValid())
        fields.append({QStringLiteral("sent_at"), timestamp(m.sentAt)});
    if (m.deliveredLate)
        fields.append({QStringLiteral("delivered_late"), true});
    if (snippet)
        fields.append({QStringLiteral("snippet"), *snippet});
    return JsonLines::format(fields).toUtf8();
}

} // namespace tidings
