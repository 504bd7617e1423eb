// SPDX-License-Identifier: GPL-3.0-or-later
#include "Endpoint.h"

namespace sip {

QByteArrayView transportName(TransportType type)
{
    switch (type) {
    case TransportType::Udp:
        return "UDP";
    case TransportType::Tcp:
        return "TCP";
    case TransportType::Tls:
        return "TLS";
    }
    return "UDP";
}

QByteArrayView transportParamName(TransportType type)
{
    switch (type) {
    case TransportType::Udp:
        return "udp";
    case TransportType::Tcp:
        return "tcp";
    case TransportType::Tls:
        return "tls";
    }
    return "udp";
}

std::optional<TransportType> transportFromName(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "udp")
        return TransportType::Udp;
    if (lower == "tcp")
        return TransportType::Tcp;
    if (lower == "tls")
        return TransportType::Tls;
    return std::nullopt;
}

QString Endpoint::hostPort() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

QString Endpoint::toString() const
{
    return QString::fromLatin1(transportParamName(transport)) + QLatin1Char(':') + hostPort();
}

size_t qHash(const Endpoint &e, size_t seed)
{
    return qHashMulti(seed, int(e.transport), e.address, e.port);
}

} // namespace sip
