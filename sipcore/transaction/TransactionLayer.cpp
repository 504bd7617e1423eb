// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransactionLayer.h"

namespace sip {

TransactionLayer::TransactionLayer(Scheduler &scheduler, TransportSender &sender,
                                   TimerValues timers)
    : m_scheduler(scheduler)
    , m_sender(sender)
    , m_timers(timers)
{}

TransactionLayer::~TransactionLayer()
{
    *m_alive = false;
}

QByteArray TransactionLayer::clientKey(QByteArrayView branch, QByteArrayView method)
{
    // RFC 3261 §17.1.3: the branch of the top Via and the CSeq method.
    QByteArray key = branch.toByteArray();
    key += '\n';
    key += method;
    return key;
}

QByteArray TransactionLayer::serverKey(const Message &request, bool forCancel)
{
    // ACK matches the INVITE it acknowledges; for CANCEL matching (§9.2)
    // the key of the request being cancelled is wanted.
    QByteArrayView method = request.cseq().method();
    if (request.method() == Method::Ack || forCancel)
        method = forCancel ? QByteArrayView() : QByteArrayView("INVITE");
    const Via &via = request.topVia();
    QByteArray key;
    if (via.isRfc3261Branch()) {
        // §17.2.3: branch, sent-by and method.
        key = via.branch().toByteArray();
        key += '\n';
        key += via.host().toByteArray().toLower();
        key += ':';
        key += QByteArray::number(via.port());
    } else {
        // RFC 2543 compatibility (§17.2.3, last paragraph): Request-URI, To
        // tag, From tag, Call-ID, CSeq number and the top Via.
        key = "2543\n";
        key += request.requestUri().text();
        key += '\n';
        key += request.to().tag();
        key += '\n';
        key += request.from().tag();
        key += '\n';
        key += request.callId();
        key += '\n';
        key += QByteArray::number(request.cseq().number());
        key += '\n';
        key += via.text();
    }
    key += '\n';
    key += method;
    return key;
}

QByteArray TransactionLayer::mergeKey(const Message &request)
{
    // §8.2.2.2: From tag, Call-ID and CSeq of a request without To tag.
    if (request.to().hasTag())
        return {};
    QByteArray key = request.from().tag().toByteArray();
    key += '\n';
    key += request.callId();
    key += '\n';
    key += QByteArray::number(request.cseq().number());
    key += ' ';
    key += request.cseq().method();
    return key;
}

quint64 TransactionLayer::sendRequest(Message request, const Endpoint &target,
                                      ClientTransaction::Handlers handlers)
{
    const quint64 id = m_nextId++;
    const QByteArray key = clientKey(request.topVia().branch(), request.cseq().method());
    auto userTerminated = std::move(handlers.onTerminated);
    std::weak_ptr<bool> alive = m_alive;
    handlers.onTerminated = [this, alive, id, userTerminated] {
        if (userTerminated)
            userTerminated();
        if (auto a = alive.lock(); a && *a)
            retireClient(id);
    };
    Client &c = m_clients[id];
    c.key = key;
    c.transaction = std::make_unique<ClientTransaction>(std::move(request), target, m_scheduler,
                                                        m_sender, m_timers, std::move(handlers));
    m_clientByKey.insert(key, id);
    c.transaction->start();
    return id;
}

bool TransactionLayer::respond(quint64 serverId, const Message &response)
{
    const auto it = m_servers.find(serverId);
    if (it == m_servers.end() || !it->second.transaction)
        return false;
    return it->second.transaction->respond(response);
}

bool TransactionLayer::hasServerTransactionFor(const Message &cancel) const
{
    // §9.2: CANCEL matches the transaction of the request it cancels: same
    // key except the method, which is not CANCEL.
    const QByteArray prefix = serverKey(cancel, true);
    for (auto it = m_serverByKey.cbegin(); it != m_serverByKey.cend(); ++it) {
        if (it.key().startsWith(prefix) && !it.key().endsWith("\nCANCEL"))
            return true;
    }
    return false;
}

void TransactionLayer::receive(const ReceivedMessage &received)
{
    if (received.message.isRequest())
        receiveRequest(received);
    else
        receiveResponse(received);
}

void TransactionLayer::receiveResponse(const ReceivedMessage &received)
{
    const Message &response = received.message;
    const auto it =
        m_clientByKey.constFind(clientKey(response.topVia().branch(), response.cseq().method()));
    if (it == m_clientByKey.cend()) {
        ++m_strayResponses; // §18.1.2: no matching transaction, discarded
        return;
    }
    if (const auto c = m_clients.find(it.value()); c != m_clients.end())
        c->second.transaction->receiveResponse(response);
}

void TransactionLayer::receiveRequest(const ReceivedMessage &received)
{
    const Message &request = received.message;
    const QByteArray key = serverKey(request);
    if (const auto it = m_serverByKey.constFind(key); it != m_serverByKey.cend()) {
        if (const auto s = m_servers.find(it.value()); s != m_servers.end())
            s->second.transaction->receiveRetransmission(); // also the ACK of an answered INVITE
        return;
    }
    if (request.method() == Method::Ack) {
        if (m_onAck)
            m_onAck(received); // no transaction: the TU decides (and never answers)
        return;
    }
    const QByteArray merge = mergeKey(request);
    const bool merged = !merge.isEmpty() && m_serverByMergeKey.contains(merge);

    const quint64 id = m_nextId++;
    Server &s = m_servers[id];
    s.key = key;
    if (!merged && !merge.isEmpty()) {
        s.mergeKey = merge;
        m_serverByMergeKey.insert(merge, id);
    }
    std::weak_ptr<bool> alive = m_alive;
    ServerTransaction::Handlers handlers;
    handlers.onTerminated = [this, alive, id] {
        if (auto a = alive.lock(); a && *a)
            retireServer(id);
    };
    s.transaction = std::make_unique<ServerTransaction>(received, m_scheduler, m_sender, m_timers,
                                                        std::move(handlers));
    m_serverByKey.insert(key, id);
    if (m_onRequest)
        m_onRequest(id, received, merged);
}

void TransactionLayer::retireClient(quint64 id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    m_clientByKey.remove(it->second.key);
    // Keep the object until the current call stack (its own) has unwound.
    m_retiredClients.push_back(std::move(it->second.transaction));
    m_clients.erase(it);
    scheduleSweep();
}

void TransactionLayer::retireServer(quint64 id)
{
    const auto it = m_servers.find(id);
    if (it == m_servers.end())
        return;
    m_serverByKey.remove(it->second.key);
    if (!it->second.mergeKey.isEmpty())
        m_serverByMergeKey.remove(it->second.mergeKey);
    m_retiredServers.push_back(std::move(it->second.transaction));
    m_servers.erase(it);
    scheduleSweep();
}

void TransactionLayer::scheduleSweep()
{
    if (m_sweepScheduled)
        return;
    m_sweepScheduled = true;
    std::weak_ptr<bool> alive = m_alive;
    m_scheduler.start(0, [this, alive] {
        if (auto a = alive.lock(); !a || !*a)
            return;
        m_sweepScheduled = false;
        m_retiredClients.clear();
        m_retiredServers.clear();
    });
}

} // namespace sip
