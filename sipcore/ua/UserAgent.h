// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The user agent core's server side (RFC 3261 §8.2): every request that
// starts a server transaction passes the UAS checks in the order of §8.2 —
// method (405), Request-URI scheme (416) and user (404), merged requests
// (482), Require (420), To tag outside any dialog (481), content (400/415) —
// and is then answered here (OPTIONS, CANCEL) or handed to the pager
// (MESSAGE). Malformed requests get a stateless 400 with the parser's reason.

#include "RandomSource.h"
#include "message/Message.h"
#include "message/Parser.h"
#include "transaction/TransactionLayer.h"

#include <QList>
#include <QString>

#include <functional>

namespace sip {

// A MESSAGE that passed every check, decoded (RFC 3428 §7).
struct IncomingMessage
{
    quint64 serverId = 0; // answer with UserAgent::answer(serverId, ...)
    ReceivedMessage received;
    QString text;           // the body decoded by its charset
    QByteArray contentType; // type/subtype, lower-case
};

class UserAgent
{
public:
    struct Config
    {
        // The addresses this UA answers for: a Request-URI whose user part
        // is none of these users gets 404 (§8.2.2.1). Empty: any user.
        QList<QByteArray> users;
        // Media types accepted in MESSAGE bodies (Accept, 415 otherwise).
        QList<QByteArray> acceptTypes = {"text/plain"};
        // Option tags understood in Require (§8.2.2.3).
        QList<QByteArray> supported;
        QByteArray product = "Tidings";
    };
    using MessageHandler = std::function<void(const IncomingMessage &message)>;

    UserAgent(TransactionLayer &transactions, TransportSender &stateless, RandomSource &random,
              Config config);

    // Receives MESSAGEs that passed the checks. The handler must answer
    // each with answer() — store first, then 2xx, so an answered message is
    // never lost. Without a handler every MESSAGE is answered 200.
    void setMessageHandler(MessageHandler handler) { m_onMessage = std::move(handler); }
    void answer(quint64 serverId, int status, QByteArrayView reason = {},
                const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    // Wired to TransactionLayer::setRequestHandler / the transport's
    // malformed-message callback.
    void handleRequest(quint64 serverId, const ReceivedMessage &received, bool merged);
    void handleMalformed(const ParseResult &result, const ReceivedMessage &meta);

    // Builds a response to `request` per §8.2.6: Via, From, Call-ID and
    // CSeq copied, To copied with a tag added when it has none.
    Message responseTo(const Message &request, int status, QByteArrayView reason = {});
    QList<QByteArray> allowedMethods() const;
    QByteArray acceptHeader() const;

private:
    void reply(quint64 serverId, const Message &request, int status, QByteArrayView reason = {},
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    bool userMatches(const Uri &requestUri) const;

    TransactionLayer &m_transactions;
    TransportSender &m_stateless;
    RandomSource &m_random;
    Config m_config;
    MessageHandler m_onMessage;
    // The request of each server transaction still waiting for answer().
    QHash<quint64, Message> m_pending;
};

} // namespace sip
