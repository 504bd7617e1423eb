// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResponseRoute.h"

#include "HostAddress.h"

namespace sip {

ResponseRoute ResponseRoute::forRequest(const ReceivedMessage &request)
{
    ResponseRoute route;
    route.remote = request.remote;
    route.local = request.local;
    const Message &m = request.message;
    if (m.vias().isEmpty()) {
        route.error = QStringLiteral("the request has no Via header to route the response by");
        return route;
    }
    const Via &via = m.topVia();
    const TransportType type = request.remote.transport;
    const quint16 sentByPort = via.hasPort() ? quint16(via.port()) : defaultPort(type);
    QHostAddress source = via.hasReceived() ? viaAddress(via.received()) : QHostAddress();
    if (source.isNull())
        source = normalizedAddress(request.remote.address);
    route.target.transport = type;

    if (isReliable(type)) {
        route.connection = request.connection;
        route.target.address = source;
        route.target.port = sentByPort;
    } else if (!via.maddr().isEmpty()) {
        const QHostAddress maddr = viaAddress(via.maddr());
        if (maddr.isNull()) {
            route.error = QStringLiteral("maddr %1 of the top Via is not an IP address")
                              .arg(QString::fromLatin1(via.maddr()));
            return route;
        }
        route.target.address = maddr;
        route.target.port = sentByPort;
    } else {
        route.target.address = source;
        if (via.hasRport())
            route.target.port = via.rport() != 0 ? quint16(via.rport()) : request.remote.port;
        else
            route.target.port = sentByPort;
    }
    if (!route.target.isValid() && route.connection == 0)
        route.error = QStringLiteral("no address to send the response to");
    return route;
}

} // namespace sip
