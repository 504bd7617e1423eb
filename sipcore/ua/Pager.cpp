// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pager.h"

#include "auth/Digest.h"
#include "message/Limits.h"
#include "message/NameAddr.h"

#include <QCryptographicHash>

namespace sip {

Pager::Pager(TransactionLayer &transactions, RandomSource &random, TargetResolver resolver,
             Config config)
    : m_transactions(transactions)
    , m_random(random)
    , m_resolve(std::move(resolver))
    , m_config(std::move(config))
{}

int Pager::queuedCount() const
{
    int n = 0;
    for (const auto &q : m_queues)
        n += int(q.size());
    return n;
}

RequestIdentity Pager::newIdentity()
{
    return {m_random.token(24), m_random.token(12), 1};
}

void Pager::send(OutgoingMessage message, ResultHandler done)
{
    auto job = std::make_shared<Job>();
    job->key = message.to.addressOfRecord();
    job->message = std::move(message);
    job->done = std::move(done);
    if (job->message.body.size() > m_config.maxMessageSize) {
        SendResult r;
        r.error = QStringLiteral("the message is %1 bytes; the limit is %2 bytes (RFC 3428 §8)")
                      .arg(job->message.body.size())
                      .arg(m_config.maxMessageSize);
        job->done(r);
        return;
    }
    m_queues[job->key].enqueue(job);
    if (!m_inFlight.contains(job->key))
        startNext(job->key);
}

void Pager::startNext(const QByteArray &key)
{
    auto queue = m_queues.find(key);
    if (queue == m_queues.end() || queue->isEmpty()) {
        m_queues.remove(key);
        return;
    }
    std::shared_ptr<Job> job = queue->dequeue();
    m_inFlight.insert(key, job);
    if (job->message.identity && !job->message.identity->callId.isEmpty()) {
        job->callId = job->message.identity->callId;
        job->fromTag = job->message.identity->fromTag.isEmpty() ? m_random.token(12)
                                                                : job->message.identity->fromTag;
        job->cseq = qMax<quint32>(1, job->message.identity->cseq);
        job->derivedBranch = true;
    } else {
        job->callId = m_random.token(24);
        job->fromTag = m_random.token(12);
    }
    job->serviceRoute = m_serviceRoute;
    const qsizetype size = build(*job).toWire().size();
    // The first hop: the outbound proxy, else the first Service-Route
    // entry (RFC 3608 §6, a loose router), else the recipient.
    std::optional<NameAddr> firstRoute;
    if (!m_config.outboundProxy && !job->serviceRoute.isEmpty())
        firstRoute = NameAddr::parse(job->serviceRoute.front());
    const Uri hop = m_config.outboundProxy ? *m_config.outboundProxy
                    : firstRoute           ? firstRoute->uri()
                                           : job->message.to;
    m_resolve(hop, size, [this, job, size](QList<Endpoint> targets, QString error) {
        if (targets.isEmpty()) {
            SendResult r;
            r.error = error.isEmpty() ? QStringLiteral("no address to send to") : error;
            finish(job, r);
            return;
        }
        // RFC 3428 §8: over 1300 bytes only on a congestion-controlled
        // first hop.
        if (size > limits::kUdpMtuRule && !targets.front().isReliable()) {
            SendResult r;
            r.error = QStringLiteral("a message of %1 bytes needs a TCP or TLS first hop "
                                     "(RFC 3428 §8), but only UDP is available")
                          .arg(size);
            finish(job, r);
            return;
        }
        job->targets = std::move(targets);
        transmit(job);
    });
}

Message Pager::build(const Job &job) const
{
    const OutgoingMessage &out = job.message;
    Message m = Message::request("MESSAGE", out.to);
    // The transport layer fills in sent-protocol and sent-by (RFC 3261
    // §18.1.1); the branch is ours (§8.1.1.7).
    QByteArray branch;
    if (job.derivedBranch) {
        // One branch per (Call-ID, From tag, CSeq): unique per transaction
        // as §8.1.1.7 asks (every new transaction of the job raises the
        // CSeq), and the same when the same request is sent again.
        branch = QCryptographicHash::hash(job.callId + ' ' + job.fromTag + ' ' +
                                              QByteArray::number(job.cseq),
                                          QCryptographicHash::Sha256)
                     .toHex()
                     .left(24);
    } else {
        branch = m_random.token(20);
    }
    m.addHeader("Via", "SIP/2.0/UDP 0.0.0.0;branch=z9hG4bK" + branch + ";rport");
    m.addHeader("Max-Forwards", "70");
    m.addHeader("From",
                NameAddr::format(m_config.displayName, m_config.from, ";tag=" + job.fromTag));
    m.addHeader("To", NameAddr::format({}, out.to.text()));
    m.addHeader("Call-ID", job.callId);
    m.addHeader("CSeq", QByteArray::number(job.cseq) + " MESSAGE");
    if (m_config.outboundProxy) {
        // RFC 3261 §8.1.2 / §16.12: a loose-routing pre-existing route set.
        QByteArray route = m_config.outboundProxy->toByteArray();
        if (!m_config.outboundProxy->hasParam("lr"))
            route += ";lr";
        m.addHeader("Route", "<" + route + ">");
    }
    for (const QByteArray &route : job.serviceRoute)
        m.addHeader("Route", route);
    for (const QByteArray &line : job.authorization) {
        const qsizetype colon = line.indexOf(':');
        m.addHeader(line.left(colon), line.mid(colon + 1));
    }
    m.addHeader("User-Agent", m_config.product);
    // RFC 3428 §4: no Contact in a MESSAGE outside a dialog.
    m.setBody(out.body, out.contentType);
    return m;
}

void Pager::transmit(const std::shared_ptr<Job> &job)
{
    ClientTransaction::Handlers h;
    h.onResponse = [this, job](const Message &r) { onResponse(job, r); };
    h.onFailure = [this, job](const ClientFailure &f) { onFailure(job, f); };
    m_transactions.sendRequest(build(*job), job->targets[job->targetIndex], std::move(h));
}

void Pager::onResponse(const std::shared_ptr<Job> &job, const Message &response)
{
    const int status = response.statusCode();
    if (status < 200)
        return;
    if ((status == 401 || status == 407) && answerChallenge(job, response))
        return;
    if (status == 503 && job->targetIndex + 1 < job->targets.size()) {
        // RFC 3263 §4.3: a 503 moves on to the next target.
        ++job->targetIndex;
        ++job->cseq;
        transmit(job);
        return;
    }
    SendResult r;
    r.status = status;
    r.reason = response.reasonPhrase().toByteArray();
    if (status >= 200 && status < 300)
        r.outcome = status == 202 ? SendResult::Outcome::Accepted : SendResult::Outcome::Delivered;
    else
        r.outcome = SendResult::Outcome::Rejected;
    if (status == 413 || status == 513)
        r.error = QStringLiteral("the server refused the message as too large");
    else if (status == 401 || status == 407)
        r.error = m_config.password.isEmpty()
                      ? QStringLiteral("the server asks for a password, but none is configured")
                      : QStringLiteral("authentication failed: wrong user name or password, or "
                                       "no supported digest algorithm");
    finish(job, r);
}

bool Pager::answerChallenge(const std::shared_ptr<Job> &job, const Message &response)
{
    if (m_config.password.isEmpty())
        return false;
    const bool proxy = response.statusCode() == 407;
    const auto challenges = proxy ? response.proxyAuthenticate() : response.wwwAuthenticate();
    if (!challenges)
        return false;
    const int index = Digest::chooseChallenge(*challenges);
    if (index < 0)
        return false;
    const AuthHeader &challenge = challenges->at(index);
    // A second challenge means the credentials were refused, unless the
    // server only says the nonce went stale (RFC 7616 §3.3): then one retry.
    if (job->challenges >= 2 || (job->challenges == 1 && !challenge.stale()))
        return false;
    Digest::Input in;
    in.username = m_config.authUser.isEmpty()
                      ? Uri::parse(m_config.from).value_or(Uri()).userDecoded()
                      : m_config.authUser;
    in.password = m_config.password;
    in.method = "MESSAGE";
    in.digestUri = job->message.to.toByteArray();
    in.cnonce = m_random.token(16);
    in.nonceCount = 1;
    const auto value = Digest::authorization(challenge, in);
    if (!value)
        return false;
    job->authorization = {QByteArray(proxy ? "Proxy-Authorization:" : "Authorization:") + *value};
    ++job->challenges;
    ++job->cseq; // §22.2: the retried request gets a new CSeq, same Call-ID
    transmit(job);
    return true;
}

void Pager::onFailure(const std::shared_ptr<Job> &job, const ClientFailure &failure)
{
    const Endpoint target = job->targets[job->targetIndex];
    if (job->targetIndex + 1 < job->targets.size()) {
        // RFC 3263 §4.3: on a timeout or transport error try the next one.
        ++job->targetIndex;
        ++job->cseq;
        transmit(job);
        return;
    }
    SendResult r;
    r.transport = target.transport;
    r.timedOut = failure.kind == ClientFailure::Kind::Timeout;
    r.error =
        failure.kind == ClientFailure::Kind::Timeout
            ? QStringLiteral("no answer from %1: %2").arg(target.toString(), failure.reason)
            : QStringLiteral("could not send to %1: %2").arg(target.toString(), failure.reason);
    finish(job, r);
}

void Pager::finish(const std::shared_ptr<Job> &job, SendResult result)
{
    result.callId = job->callId;
    result.fromTag = job->fromTag;
    result.cseq = job->cseq;
    if (!job->targets.isEmpty() && !result.transport)
        result.transport = job->targets[job->targetIndex].transport;
    m_inFlight.remove(job->key);
    if (job->done)
        job->done(result);
    startNext(job->key); // the next message to this recipient
}

} // namespace sip
