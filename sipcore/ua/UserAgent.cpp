// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserAgent.h"

#include "CharsetDecoder.h"
#include "message/Lex.h"

namespace sip {
namespace {

bool containsIgnoreCase(const QList<QByteArray> &list, QByteArrayView value)
{
    for (const QByteArray &item : list) {
        if (lex::iequals(item, value))
            return true;
    }
    return false;
}

} // namespace

UserAgent::UserAgent(TransactionLayer &transactions, TransportSender &stateless,
                     RandomSource &random, Config config)
    : m_transactions(transactions)
    , m_stateless(stateless)
    , m_random(random)
    , m_config(std::move(config))
{}

QList<QByteArray> UserAgent::allowedMethods() const
{
    return {"MESSAGE", "OPTIONS", "CANCEL", "ACK"};
}

QByteArray UserAgent::acceptHeader() const
{
    return m_config.acceptTypes.join(", ");
}

Message UserAgent::responseTo(const Message &request, int status, QByteArrayView reason)
{
    Message r = Message::response(status, reason);
    // §8.2.6.2: Via values in order, From, Call-ID and CSeq copied; To
    // copied, with a tag added when the request had none. The request
    // parsed, so its values are shared as they are.
    r.copyHeader(request, HeaderId::Via);
    r.copyHeader(request, HeaderId::From);
    if (!request.to().hasTag() && status > 100) {
        QByteArray to = request.header(HeaderId::To).toByteArray();
        to += ";tag=" + m_random.token(16);
        r.addHeader("To", to);
    } else {
        r.copyHeader(request, HeaderId::To);
    }
    r.copyHeader(request, HeaderId::CallId);
    r.copyHeader(request, HeaderId::CSeq);
    r.addHeader("Server", m_config.product);
    return r;
}

void UserAgent::reply(quint64 serverId, const Message &request, int status, QByteArrayView reason,
                      const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    Message r = responseTo(request, status, reason);
    for (const auto &[name, value] : headers)
        r.addHeader(name, value);
    m_transactions.respond(serverId, r);
}

void UserAgent::answer(quint64 serverId, int status, QByteArrayView reason,
                       const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    const auto it = m_pending.find(serverId);
    if (it == m_pending.end())
        return;
    const Message request = it.value();
    m_pending.erase(it);
    reply(serverId, request, status, reason, headers);
}

bool UserAgent::userMatches(const Uri &requestUri) const
{
    if (m_config.users.isEmpty())
        return true;
    const QByteArray user = requestUri.userDecoded();
    return m_config.users.contains(user);
}

void UserAgent::handleRequest(quint64 serverId, const ReceivedMessage &received, bool merged)
{
    const Message &req = received.message;
    const Method method = req.method();
    if (method == Method::Ack)
        return; // ACK is never answered (§17.1.1.3)

    // §8.2.1 Method inspection.
    if (method != Method::Message && method != Method::Options && method != Method::Cancel) {
        reply(serverId, req, 405, {}, {{"Allow", allowedMethods().join(", ")}});
        return;
    }
    // §8.2.2.1 To and Request-URI.
    const Uri &ruri = req.requestUri();
    if (!ruri.isSip()) {
        reply(serverId, req, 416);
        return;
    }
    if (!userMatches(ruri)) {
        reply(serverId, req, 404);
        return;
    }
    // §8.2.2.2 Merged requests.
    if (merged) {
        reply(serverId, req, 482);
        return;
    }
    // §8.2.2.3 Require.
    const auto require = req.require();
    if (!require) {
        reply(serverId, req, 400, "Malformed Require header");
        return;
    }
    QList<QByteArray> unknown;
    for (const QByteArray &option : *require) {
        if (!containsIgnoreCase(m_config.supported, option))
            unknown << option;
    }
    if (!unknown.isEmpty() && method != Method::Cancel) {
        reply(serverId, req, 420, {}, {{"Unsupported", unknown.join(", ")}});
        return;
    }
    // §12.2.2: a To tag names a dialog; this UA keeps none.
    if (req.to().hasTag() && method != Method::Cancel) {
        reply(serverId, req, 481);
        return;
    }

    if (method == Method::Cancel) {
        // §9.2: 200 when it matches a transaction (which, being non-INVITE,
        // is unaffected), else 481.
        reply(serverId, req, m_transactions.hasServerTransactionFor(req) ? 200 : 481);
        return;
    }
    if (method == Method::Options) {
        // §11.2: 200 with Allow, Accept and Supported.
        reply(serverId, req, 200, {},
              {{"Allow", allowedMethods().join(", ")},
               {"Accept", acceptHeader()},
               {"Accept-Encoding", "identity"},
               {"Supported", m_config.supported.join(", ")}});
        return;
    }

    // MESSAGE: §8.2.3 content processing and RFC 3428 §7.
    const MediaType &type = req.contentType();
    if (!type.isValid()) {
        reply(serverId, req, 400, "Missing Content-Type header");
        return;
    }
    const QByteArrayView encoding = req.header(HeaderId::ContentEncoding);
    if (!encoding.isEmpty() && !lex::iequals(lex::trimmed(encoding), "identity")) {
        reply(serverId, req, 415, {},
              {{"Accept", acceptHeader()}, {"Accept-Encoding", "identity"}});
        return;
    }
    if (!containsIgnoreCase(m_config.acceptTypes, type.essence())) {
        reply(serverId, req, 415, {}, {{"Accept", acceptHeader()}});
        return;
    }
    const QByteArray charset = type.charset();
    auto text = CharsetDecoder::decode(req.body().toByteArray(), charset);
    if (!text) {
        reply(serverId, req, 415, "Unsupported charset", {{"Accept", acceptHeader()}});
        return;
    }
    IncomingMessage in;
    in.serverId = serverId;
    in.received = received;
    in.text = std::move(*text);
    in.contentType = type.essence();
    if (!m_onMessage) {
        reply(serverId, req, 200);
        return;
    }
    m_pending.insert(serverId, req);
    m_onMessage(in);
}

void UserAgent::handleMalformed(const ParseResult &result, const ReceivedMessage &meta)
{
    if (!result.error.respondable)
        return; // nothing to route a response with: dropped
    // A stateless answer: a retransmission just gets another one.
    const Message &partial = result.message;
    Message r = Message::response(result.error.suggestedStatus(), result.error.reasonPhrase());
    bool ok = true;
    for (QByteArrayView via : partial.headerValues(HeaderId::Via))
        ok = ok && r.addHeader("Via", via);
    ok = ok && r.addHeader("From", partial.header(HeaderId::From));
    QByteArray to = partial.header(HeaderId::To).toByteArray();
    if (!partial.to().hasTag())
        to += ";tag=" + m_random.token(16);
    ok = ok && r.addHeader("To", to);
    ok = ok && r.addHeader("Call-ID", partial.header(HeaderId::CallId));
    ok = ok && r.addHeader("CSeq", partial.header(HeaderId::CSeq));
    if (!ok)
        return; // the headers a response must copy are themselves malformed
    r.addHeader("Server", m_config.product);
    ReceivedMessage request = meta;
    request.message = partial;
    m_stateless.sendResponse(r, request, [](const QString &) {});
}

} // namespace sip
