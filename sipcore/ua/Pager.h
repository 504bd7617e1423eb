// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sending side of SIP instant messages (RFC 3428 §4): builds each
// MESSAGE, finds its first hop, answers digest challenges, and reports the
// final outcome with status and reason — never a bare boolean. Messages to
// one recipient keep their order: one MESSAGE in flight per recipient, the
// rest queued; a failure is reported and the queue goes on.

#include "RandomSource.h"
#include "message/Message.h"
#include "transaction/TransactionLayer.h"

#include <QHash>
#include <QQueue>
#include <QString>

#include <functional>
#include <optional>

namespace sip {

// What makes a MESSAGE the same request to its recipient: Call-ID (RFC 3261
// §8.1.1.4), From tag (§8.1.1.3) and CSeq (§8.1.1.5). A UAS recognises a
// request it has seen by these (§8.2.2.2).
struct RequestIdentity
{
    QByteArray callId;
    QByteArray fromTag;
    quint32 cseq = 1;
};

struct OutgoingMessage
{
    Uri to;
    QByteArray body;
    QByteArray contentType = "text/plain;charset=UTF-8";
    // Given: the request is sent with this identity, and its Via branches
    // are derived from it, so sending the same identity again (after the
    // sender restarted without knowing the outcome) is a retransmission of
    // the same request that the recipient's server transaction absorbs
    // (RFC 3261 §17.2.3) or its store recognises, instead of a second
    // message. Empty: a new random identity (Pager::newIdentity()).
    std::optional<RequestIdentity> identity = std::nullopt;
};

struct SendResult
{
    enum class Outcome : quint8
    {
        Delivered, // 200: the recipient has it
        Accepted,  // 202: a server took it (e.g. stored for an offline user)
        Rejected,  // a final non-2xx response (status, reason)
        Failed     // no final response: timeout, transport or routing error
    };
    Outcome outcome = Outcome::Failed;
    int status = 0;    // 0 when no response came
    QByteArray reason; // the response's reason phrase
    QString error;     // for Failed (and explanations for Rejected), in words
    QByteArray callId;
    QByteArray fromTag;
    quint32 cseq = 0; // of the last request sent (challenges and failover raise it)
    std::optional<TransportType> transport;
    bool timedOut = false; // Failed because no final response came in time

    bool isSuccess() const { return outcome == Outcome::Delivered || outcome == Outcome::Accepted; }
};

class Pager
{
public:
    // Resolves the first hop for `target` (RFC 3263) for a request of
    // `requestSize` bytes; calls back with the endpoints to try in order,
    // or an error in words.
    using ResolveCallback = std::function<void(QList<Endpoint> targets, QString error)>;
    using TargetResolver =
        std::function<void(const Uri &target, qsizetype requestSize, ResolveCallback done)>;
    using ResultHandler = std::function<void(const SendResult &result)>;

    struct Config
    {
        QByteArray from;                  // our AOR, e.g. "sip:alice@example.com"
        QString displayName;              // may be empty
        std::optional<Uri> outboundProxy; // becomes a loose-routing Route (;lr)
        QByteArray authUser;              // digest credentials, if any
        QByteArray password;
        // RFC 3428 §8: the largest MESSAGE sent (over TCP/TLS only once
        // over 1300 bytes). 64 KiB by default.
        qsizetype maxMessageSize = 64 * 1024;
        QByteArray product = "Tidings";
    };

    Pager(TransactionLayer &transactions, RandomSource &random, TargetResolver resolver,
          Config config);

    // Queues a message; `done` is called exactly once with the outcome.
    void send(OutgoingMessage message, ResultHandler done);
    // A new random Call-ID and From tag, CSeq 1: for a caller that records
    // the identity before the message goes out (OutgoingMessage::identity).
    RequestIdentity newIdentity();
    // RFC 3608 §6: the Service-Route of our registration (Route values in
    // order), sent after the outbound proxy's Route; without an outbound
    // proxy the first entry is the first hop. Messages already sent keep
    // theirs.
    void setServiceRoute(QList<QByteArray> routes) { m_serviceRoute = std::move(routes); }
    const QList<QByteArray> &serviceRoute() const { return m_serviceRoute; }
    int queuedCount() const;
    // The transaction timers its requests run on (RFC 3261 §17, Table 4).
    const TimerValues &timers() const { return m_transactions.timers(); }
    int inFlightCount() const { return int(m_inFlight.size()); }

private:
    struct Job
    {
        OutgoingMessage message;
        ResultHandler done;
        QByteArray key;                 // recipient AOR
        QList<QByteArray> serviceRoute; // as when the message was started
        QByteArray callId;
        QByteArray fromTag;
        quint32 cseq = 1;
        bool derivedBranch = false; // the identity was given: branches follow from it
        QList<Endpoint> targets;
        int targetIndex = 0;
        QList<QByteArray> authorization; // header lines answering challenges
        int challenges = 0;
        QByteArray lastNonce;
    };

    void startNext(const QByteArray &key);
    void transmit(const std::shared_ptr<Job> &job);
    Message build(const Job &job) const;
    void onResponse(const std::shared_ptr<Job> &job, const Message &response);
    void onFailure(const std::shared_ptr<Job> &job, const ClientFailure &failure);
    bool answerChallenge(const std::shared_ptr<Job> &job, const Message &response);
    void finish(const std::shared_ptr<Job> &job, SendResult result);

    TransactionLayer &m_transactions;
    RandomSource &m_random;
    TargetResolver m_resolve;
    Config m_config;
    QList<QByteArray> m_serviceRoute;
    QHash<QByteArray, QQueue<std::shared_ptr<Job>>> m_queues;
    QHash<QByteArray, std::shared_ptr<Job>> m_inFlight;
};

} // namespace sip
