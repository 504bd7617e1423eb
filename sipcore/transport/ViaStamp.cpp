// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViaStamp.h"

#include "HostAddress.h"
#include "message/Lex.h"

namespace sip {
namespace {

QByteArray sentProtocol(const Via &via, QByteArrayView transport)
{
    QByteArray out = via.protocolName().toByteArray();
    out += '/';
    out += via.protocolVersion();
    out += '/';
    out += transport;
    return out;
}

QByteArray sentBy(const Via &via)
{
    QByteArray out = via.host().toByteArray();
    if (via.hasPort()) {
        out += ':';
        out += QByteArray::number(via.port());
    }
    return out;
}

void appendParam(QByteArray &out, const Param &p)
{
    out += ';';
    out += p.name;
    if (p.hasValue) {
        out += '=';
        out += p.value;
    }
}

} // namespace

bool replaceTopVia(Message &message, QByteArrayView value)
{
    return message.replaceTopVia(value);
}

bool stampSentBy(Message &request, TransportType transport, const QHostAddress &address,
                 quint16 port)
{
    if (request.vias().isEmpty())
        return false;
    const Via &via = request.topVia();
    QByteArray value = sentProtocol(via, transportName(transport));
    value += ' ';
    value += viaHost(address);
    value += ':';
    value += QByteArray::number(port);
    via.params().forEach([&](const Param &p) {
        if (lex::iequals(p.name, "received"))
            return true; // set by the next hop, never by us (§18.2.1)
        if (lex::iequals(p.name, "rport")) {
            value += ";rport"; // RFC 3581 §3: without a value
            return true;
        }
        appendParam(value, p);
        return true;
    });
    if (!via.hasRport())
        value += ";rport";
    return replaceTopVia(request, value);
}

bool stampReceived(Message &request, const QHostAddress &source, quint16 sourcePort)
{
    if (request.vias().isEmpty() || source.isNull())
        return false;
    const Via &via = request.topVia();
    // A valueless rport parses as 0; "rport=0" is no port either. With it,
    // received is always added (RFC 3581 §4), so the sent-by host need not
    // be compared.
    const bool fillRport = via.hasRport() && via.rport() == 0;
    if (!fillRport) {
        const QHostAddress sentByAddress = viaAddress(via.host());
        if (!sentByAddress.isNull() && sentByAddress.isEqual(normalizedAddress(source)))
            return false;
    }

    QByteArray value = sentProtocol(via, via.transport());
    value += ' ';
    value += sentBy(via);
    via.params().forEach([&](const Param &p) {
        if (lex::iequals(p.name, "received"))
            return true; // replaced below
        if (fillRport && lex::iequals(p.name, "rport")) {
            value += ";rport=";
            value += QByteArray::number(sourcePort);
            return true;
        }
        appendParam(value, p);
        return true;
    });
    value += ";received=";
    // RFC 3261 §20.42: received = IPv4address / IPv6address (no brackets).
    QByteArray host = viaHost(source);
    if (host.startsWith('['))
        host = host.sliced(1, host.size() - 2);
    value += host;
    return replaceTopVia(request, value);
}

} // namespace sip
