// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Owns the client and server transactions and matches messages to them
// (RFC 3261 §17.1.3, §17.2.3). Requests that start a new server transaction
// and final outcomes of client transactions go up to the transaction user
// (the UA core) through callbacks.

#include "ClientTransaction.h"
#include "ServerTransaction.h"

#include <QHash>

#include <memory>
#include <unordered_map>
#include <vector>

namespace sip {

class TransactionLayer
{
public:
    // A new request. `merged` is true when RFC 3261 §8.2.2.2 applies: no To
    // tag, and From tag, Call-ID and CSeq equal those of a request that an
    // ongoing server transaction received through another branch — the UAS
    // must answer 482 (Loop Detected) and not process it again.
    using RequestHandler =
        std::function<void(quint64 serverId, const ReceivedMessage &request, bool merged)>;
    // An ACK that matches no server transaction (RFC 3261 §17.2.3: passed to
    // the TU), or a CANCEL (the TU decides 200 or 481, §9.2).
    using AckHandler = std::function<void(const ReceivedMessage &ack)>;

    TransactionLayer(Scheduler &scheduler, TransportSender &sender, TimerValues timers = {});
    ~TransactionLayer();
    TransactionLayer(const TransactionLayer &) = delete;
    TransactionLayer &operator=(const TransactionLayer &) = delete;

    void setRequestHandler(RequestHandler handler) { m_onRequest = std::move(handler); }
    void setAckHandler(AckHandler handler) { m_onAck = std::move(handler); }
    const TimerValues &timers() const { return m_timers; }

    // Starts a client transaction for `request`, whose top Via must carry a
    // unique RFC 3261 branch (§8.1.1.7). Returns its id.
    quint64 sendRequest(Message request, const Endpoint &target,
                        ClientTransaction::Handlers handlers);
    // Sends the TU's response in server transaction `serverId`. False when
    // that transaction is gone or already answered finally.
    bool respond(quint64 serverId, const Message &response);
    // True when a server transaction matching `request` per §9.2 (CANCEL
    // matching) is still alive.
    bool hasServerTransactionFor(const Message &cancel) const;

    // Everything the transport layer receives comes in here.
    void receive(const ReceivedMessage &received);

    int clientCount() const { return int(m_clients.size()); }
    int serverCount() const { return int(m_servers.size()); }
    // Responses that matched no client transaction (dropped, §18.1.2).
    quint64 strayResponses() const { return m_strayResponses; }

private:
    struct Server
    {
        std::unique_ptr<ServerTransaction> transaction;
        QByteArray key;
        QByteArray mergeKey;
    };
    struct Client
    {
        std::unique_ptr<ClientTransaction> transaction;
        QByteArray key;
    };

    static QByteArray clientKey(QByteArrayView branch, QByteArrayView method);
    static QByteArray serverKey(const Message &request, bool forCancel = false);
    static QByteArray mergeKey(const Message &request);
    void receiveRequest(const ReceivedMessage &received);
    void receiveResponse(const ReceivedMessage &received);
    // Terminated transactions are deleted on the next scheduler turn, never
    // from inside their own call stack.
    void retireClient(quint64 id);
    void retireServer(quint64 id);
    void scheduleSweep();

    Scheduler &m_scheduler;
    TransportSender &m_sender;
    TimerValues m_timers;
    RequestHandler m_onRequest;
    AckHandler m_onAck;
    std::unordered_map<quint64, Client> m_clients;
    QHash<QByteArray, quint64> m_clientByKey;
    std::unordered_map<quint64, Server> m_servers;
    QHash<QByteArray, quint64> m_serverByKey;
    QHash<QByteArray, quint64> m_serverByMergeKey;
    // Terminated transactions wait here until the scheduler's next turn.
    std::vector<std::unique_ptr<ClientTransaction>> m_retiredClients;
    std::vector<std::unique_ptr<ServerTransaction>> m_retiredServers;
    bool m_sweepScheduled = false;
    quint64 m_nextId = 1;
    quint64 m_strayResponses = 0;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace sip
