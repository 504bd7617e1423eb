// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageEvent.h"

#include "JsonLines.h"
#include "transport/HostAddress.h"

namespace tidings {

QByteArray messageEvent(const sip::IncomingMessage &m, qint64 receivedAtMsecsSinceEpoch)
{
    const sip::Message &req = m.received.message;
    const sip::Endpoint &remote = m.received.remote;
    JsonLineBuilder line;
    line.add(QLatin1StringView("event"), QByteArrayView("message"))
        .add(QLatin1StringView("from"), req.from().uri().text());
    if (const QString display = req.from().displayName(); !display.isEmpty())
        line.add(QLatin1StringView("from_display"), QStringView(display));
    QByteArray hostPort = sip::viaHost(remote.address);
    hostPort += ':';
    hostPort += QByteArray::number(remote.port);
    line.add(QLatin1StringView("to"), req.to().uri().text())
        .add(QLatin1StringView("content_type"), QByteArrayView(m.contentType))
        .add(QLatin1StringView("body"), QStringView(m.text))
        .add(QLatin1StringView("call_id"), req.callId())
        .add(QLatin1StringView("transport"),
             QByteArrayView(sip::transportParamName(remote.transport)))
        .add(QLatin1StringView("remote"), QByteArrayView(hostPort))
        .add(QLatin1StringView("received_at"),
             QStringView(JsonLines::utcTimestamp(receivedAtMsecsSinceEpoch)));
    return line.take();
}

} // namespace tidings
