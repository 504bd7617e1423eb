// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One side of an integration test: a real TransportLayer on loopback, a
// TransactionLayer on a TimerQueue with short timers, a TU that answers every
// request (200 by default), and MESSAGE requests built by hand.

#include "LossyTransport.h"
#include "transaction/TimerQueue.h"
#include "transaction/TransactionLayer.h"
#include "transport/HostAddress.h"
#include "transport/TransportLayer.h"

#include <QHostAddress>
#include <QUdpSocket>

#include <optional>

namespace sip::test {

// T1 = 50 ms: Timer E from 50 ms, Timer F (64*T1) 3.2 s.
inline TimerValues fastTimers()
{
    TimerValues t;
    t.t1 = 50;
    t.t2 = 400;
    t.t4 = 500;
    return t;
}

inline QHostAddress loopback(bool v6)
{
    return QHostAddress(v6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
}

// True when ::1 can be bound (some containers have no IPv6 loopback).
inline bool hasIpv6Loopback()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0);
}

inline quint64 nextTestId()
{
    static quint64 id = 0;
    return ++id;
}

// A MESSAGE to `target` (RFC 3428 §4). The Via sent-by is an unspecified address the
// transport layer rewrites (RFC 3261 §18.1.1).
inline Message makeMessage(const Endpoint &target, const QByteArray &body = "hello",
                           const QByteArray &tag = {})
{
    const QByteArray id = tag.isEmpty() ? QByteArray::number(nextTestId()) : tag;
    const QByteArray host = viaHost(target.address) + ':' + QByteArray::number(target.port);
    Message m = Message::request("MESSAGE", *Uri::parse("sip:bob@" + host));
    m.addHeader("Via", "SIP/2.0/UDP 0.0.0.0;branch=z9hG4bKit" + id);
    m.addHeader("Max-Forwards", "70");
    m.addHeader("From", "<sip:alice@127.0.0.1>;tag=a" + id);
    m.addHeader("To", "<sip:bob@" + host + ">");
    m.addHeader("Call-ID", "it-" + id + "@127.0.0.1");
    m.addHeader("CSeq", "1 MESSAGE");
    m.setBody(body, "text/plain");
    return m;
}

// RFC 3261 §8.2.6.2: Vias, From, Call-ID and CSeq copied, a To tag added.
inline Message makeResponse(const Message &request, int status)
{
    Message r = Message::response(status);
    for (QByteArrayView via : request.headerValues(HeaderId::Via))
        r.addHeader("Via", via);
    r.addHeader("From", request.header(HeaderId::From));
    QByteArray to = request.header(HeaderId::To).toByteArray();
    if (!request.to().hasTag())
        to += ";tag=b1";
    r.addHeader("To", to);
    r.addHeader("Call-ID", request.callId());
    r.addHeader("CSeq", request.header(HeaderId::CSeq));
    return r;
}

class Peer
{
public:
    struct Outcome
    {
        int status = 0;  // final response, 0 if none
        QString failure; // timeout or transport error
        bool timeout = false;
        int finals = 0; // final outcomes reported: must end up exactly 1
        Message response;
    };

    explicit Peer(const TransportOptions &options = {}, TimerValues timers = fastTimers())
        : transport(options)
        , lossy(transport)
        , transactions(clock, lossy, timers)
    {
        transport.setReceiveHandler([this](const ReceivedMessage &r) {
            received.append(r);
            transactions.receive(r);
        });
        transactions.setRequestHandler([this](quint64 id, const ReceivedMessage &r, bool) {
            requests.append(r);
            if (onRequest)
                onRequest(id, r);
            if (answerStatus)
                transactions.respond(id, makeResponse(r.message, answerStatus));
        });
    }

    bool bind(TransportType type, bool v6 = false, quint16 port = 0)
    {
        QString error;
        const bool ok = transport.bind(type, loopback(v6), port, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok;
    }

    // Where this peer listens for `type` (actual port).
    Endpoint endpoint(TransportType type, bool v6 = false) const
    {
        for (const Endpoint &e : transport.localEndpoints()) {
            if (e.transport == type && e.address == loopback(v6))
                return e;
        }
        return {};
    }

    // Starts a client transaction; its outcome is outcomes[returned index].
    int send(const Endpoint &target, Message request)
    {
        const int index = int(outcomes.size());
        outcomes.append(Outcome());
        ClientTransaction::Handlers h;
        h.onResponse = [this, index](const Message &r) {
            if (r.statusCode() < 200)
                return;
            Outcome &o = outcomes[index];
            o.status = r.statusCode();
            o.response = r;
            ++o.finals;
        };
        h.onFailure = [this, index](const ClientFailure &f) {
            Outcome &o = outcomes[index];
            o.failure = f.reason;
            o.timeout = f.kind == ClientFailure::Kind::Timeout;
            ++o.finals;
        };
        transactions.sendRequest(std::move(request), target, std::move(h));
        return index;
    }
    int sendMessage(const Endpoint &target, const QByteArray &body = "hello")
    {
        return send(target, makeMessage(target, body));
    }

    int finished() const
    {
        int n = 0;
        for (const Outcome &o : outcomes)
            n += o.finals > 0 ? 1 : 0;
        return n;
    }

    TimerQueue clock;
    TransportLayer transport;
    LossyTransport lossy;
    TransactionLayer transactions;
    // Requests that started a server transaction (what the TU saw).
    QList<ReceivedMessage> requests;
    // Everything the transport layer delivered.
    QList<ReceivedMessage> received;
    QList<Outcome> outcomes;
    // The TU's answer to every request (0: no answer).
    int answerStatus = 200;
    std::function<void(quint64 id, const ReceivedMessage &r)> onRequest;
};

} // namespace sip::test
