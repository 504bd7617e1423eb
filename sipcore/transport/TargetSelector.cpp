// SPDX-License-Identifier: GPL-3.0-or-later
#include "TargetSelector.h"

#include "message/Limits.h"
#include "message/Uri.h"

#include <QRandomGenerator>

#include <algorithm>

namespace sip {

namespace {

QString transportLabel(TransportType t)
{
    return QString::fromLatin1(transportName(t));
}

// A host (or maddr) as written in the URI: an IPv6 reference, an IPv4
// address or a host name (RFC 3261 §25.1 "host").
bool parseHost(QByteArrayView text, QString *name, QHostAddress *address, QString *error)
{
    const QString host = QString::fromLatin1(text).toLower();
    if (host.isEmpty()) {
        *error = QStringLiteral("the URI has no host");
        return false;
    }
    if (host.startsWith(QLatin1Char('['))) {
        const QString inner = host.mid(1, host.size() - 2);
        QHostAddress a;
        if (!host.endsWith(QLatin1Char(']')) || !a.setAddress(inner) ||
            a.protocol() != QAbstractSocket::IPv6Protocol) {
            *error = QStringLiteral("invalid IPv6 reference %1").arg(host);
            return false;
        }
        *name = inner;
        *address = a;
        return true;
    }
    const bool numeric = std::all_of(host.cbegin(), host.cend(), [](QChar c) {
        return c == QLatin1Char('.') || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    });
    if (numeric) {
        // RFC 3261 IPv4address is four dotted numbers; a host name's last
        // label starts with a letter, so nothing else made only of digits
        // and dots is valid.
        QHostAddress a;
        if (host.count(QLatin1Char('.')) != 3 || !a.setAddress(host) ||
            a.protocol() != QAbstractSocket::IPv4Protocol) {
            *error = QStringLiteral("invalid IPv4 address %1").arg(host);
            return false;
        }
        *name = host;
        *address = a;
        return true;
    }
    *name = host.endsWith(QLatin1Char('.')) ? host.chopped(1) : host;
    *address = QHostAddress();
    return true;
}

QString srvName(TransportType t, const QString &domain)
{
    switch (t) {
    case TransportType::Udp:
        return QStringLiteral("_sip._udp.") + domain;
    case TransportType::Tcp:
        return QStringLiteral("_sip._tcp.") + domain;
    case TransportType::Tls:
        break;
    }
    return QStringLiteral("_sips._tcp.") + domain;
}

TargetPlan failed(QString why)
{
    TargetPlan plan;
    plan.error = std::move(why);
    return plan;
}

} // namespace

TargetPlan planTarget(const Uri &uri, const TargetOptions &options)
{
    switch (uri.scheme()) {
    case Uri::Scheme::Sip:
    case Uri::Scheme::Sips:
        break;
    case Uri::Scheme::Tel:
        return failed(QStringLiteral("cannot route a tel: URI without a proxy"));
    case Uri::Scheme::Other:
        return failed(QStringLiteral("cannot route a %1: URI (only sip: and sips:)")
                          .arg(QString::fromLatin1(uri.schemeText()).toLower()));
    case Uri::Scheme::None:
        return failed(QStringLiteral("invalid target URI"));
    }
    const bool sips = uri.isSips();

    TargetPlan plan;
    QString error;
    QHostAddress hostAddress;
    if (!parseHost(uri.host(), &plan.serverName, &hostAddress, &error))
        return failed(error);
    // RFC 3263 §4: TARGET is the maddr parameter if present, else the host.
    if (uri.hasParam("maddr")) {
        if (!parseHost(uri.param("maddr"), &plan.target, &plan.address, &error))
            return failed(QStringLiteral("maddr: ") + error);
    } else {
        plan.target = plan.serverName;
        plan.address = hostAddress;
    }
    if (!hostAddress.isNull())
        plan.serverName.clear(); // an address: verified as such
    if (uri.hasPort()) {
        if (uri.port() <= 0 || uri.port() > 65535)
            return failed(QStringLiteral("invalid port %1").arg(uri.port()));
        plan.port = quint16(uri.port());
    }
    const bool numeric = !plan.address.isNull();
    if (numeric) {
        const bool v6 = plan.address.protocol() == QAbstractSocket::IPv6Protocol;
        if (v6 ? !options.ipv6 : !options.ipv4) {
            return failed(QStringLiteral("cannot reach %1: %2 is not enabled")
                              .arg(plan.address.toString(),
                                   v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
        }
    }

    // RFC 3263 §4.1: a transport parameter decides. sips: means TLS over
    // TCP (RFC 3261 §26.2.2), so transport=tcp there is TLS and
    // transport=udp a contradiction.
    std::optional<TransportType> explicitTransport;
    if (uri.hasParam("transport")) {
        const QByteArray name = uri.transportParam();
        explicitTransport = transportFromName(name);
        if (!explicitTransport) {
            return failed(QStringLiteral("unsupported transport \"%1\" in the URI")
                              .arg(QString::fromLatin1(name)));
        }
        if (sips && *explicitTransport == TransportType::Udp)
            return failed(QStringLiteral("a sips: URI cannot use transport=udp (SIPS needs TLS)"));
        if (sips)
            explicitTransport = TransportType::Tls;
    }

    if (explicitTransport) {
        plan.transport = *explicitTransport;
    } else if (sips) {
        // §4.1: TLS (TCP) for a sips: URI.
        if (!options.transports.contains(TransportType::Tls))
            return failed(QStringLiteral("a sips: URI needs TLS, and no TLS transport is enabled"));
        plan.transport = TransportType::Tls;
    } else {
        // §4.1: UDP for a sip: URI. A caller without UDP uses what it has
        // ("the client MAY use any transport protocol it desires").
        const TransportType order[] = {TransportType::Udp, TransportType::Tcp, TransportType::Tls};
        const auto it = std::find_if(std::begin(order), std::end(order), [&](TransportType t) {
            return options.transports.contains(t);
        });
        if (it == std::end(order))
            return failed(QStringLiteral("no transport enabled"));
        plan.transport = *it;
    }

    // The URI fixes the transport: fail now if it cannot be used (§18.1.1
    // size rule, enabled transports) rather than after DNS.
    if (numeric || plan.port != 0 || explicitTransport) {
        if (!finalTransport(plan.transport, options, &error))
            return failed(error);
    }
    // §4.1/§4.2: a numeric TARGET or an explicit port means no SRV.
    if (numeric || plan.port != 0)
        return plan;

    // §4.1: NAPTR would come first; Qt cannot query it, so, as when a domain
    // has no NAPTR records, query SRV for the transports the client supports
    // (§4.2 for an explicit transport: that transport's SRV name only).
    if (explicitTransport) {
        plan.srvQueries = {{srvName(*explicitTransport, plan.target), *explicitTransport}};
        return plan;
    }
    // Most preferred first: TLS, TCP, UDP (the preference of the §4.1
    // example); sips: only _sips._tcp.
    const TransportType preference[] = {TransportType::Tls, TransportType::Tcp, TransportType::Udp};
    bool anyUsable = finalTransport(plan.transport, options).has_value();
    for (TransportType t : preference) {
        if (!options.transports.contains(t) || (sips && t != TransportType::Tls))
            continue;
        plan.srvQueries.append({srvName(t, plan.target), t});
        anyUsable = anyUsable || finalTransport(t, options).has_value();
    }
    if (!anyUsable) {
        finalTransport(plan.transport, options, &error);
        return failed(error);
    }
    return plan;
}

std::optional<TransportType> finalTransport(TransportType chosen, const TargetOptions &options,
                                            QString *error)
{
    TransportType t = chosen;
    // RFC 3261 §18.1.1: larger than 1300 bytes (path MTU unknown) needs a
    // congestion-controlled transport; TCP to the same host and port.
    if (t == TransportType::Udp && options.requestSize > limits::kUdpMtuRule) {
        if (!options.transports.contains(TransportType::Tcp)) {
            if (error)
                *error = QStringLiteral("request too large for UDP and no TCP transport enabled");
            return std::nullopt;
        }
        t = TransportType::Tcp;
    }
    if (!options.transports.contains(t)) {
        if (error)
            *error = QStringLiteral("no %1 transport enabled").arg(transportLabel(t));
        return std::nullopt;
    }
    return t;
}

SrvRandom defaultSrvRandom()
{
    return [](quint32 highest) -> quint32 {
        return quint32(QRandomGenerator::global()->bounded(quint64(highest) + 1));
    };
}

QList<SrvRecord> orderSrvRecords(QList<SrvRecord> records, const SrvRandom &random)
{
    records.removeIf(
        [](const SrvRecord &r) { return r.target.isEmpty() || r.target == QLatin1String("."); });
    std::stable_sort(records.begin(), records.end(), [](const SrvRecord &a, const SrvRecord &b) {
        return a.priority < b.priority;
    });

    QList<SrvRecord> out;
    out.reserve(records.size());
    qsizetype begin = 0;
    while (begin < records.size()) {
        qsizetype end = begin;
        while (end < records.size() && records[end].priority == records[begin].priority)
            ++end;
        // "all those with weight 0 are placed at the beginning of the list"
        QList<SrvRecord> group(records.begin() + begin, records.begin() + end);
        std::stable_partition(group.begin(), group.end(),
                              [](const SrvRecord &r) { return r.weight == 0; });
        while (!group.isEmpty()) {
            quint32 sum = 0;
            for (const SrvRecord &r : group)
                sum += r.weight;
            const quint32 pick = qMin(random(sum), sum);
            quint32 running = 0;
            qsizetype chosen = group.size() - 1;
            for (qsizetype i = 0; i < group.size(); ++i) {
                running += group[i].weight;
                if (running >= pick) {
                    chosen = i;
                    break;
                }
            }
            out.append(group.takeAt(chosen));
        }
        begin = end;
    }
    return out;
}

} // namespace sip
