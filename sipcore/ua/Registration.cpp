// SPDX-License-Identifier: GPL-3.0-or-later
#include "Registration.h"

#include "message/Lex.h"
#include "message/NameAddr.h"
#include "transport/HostAddress.h"

#include <limits>

namespace sip {
namespace {

// The Request-URI of §10.2 when none is configured: the AOR's scheme, host
// and port, without user ("userinfo and @ MUST NOT be present").
Uri registrarOf(const QByteArray &aor)
{
    const auto uri = Uri::parse(aor);
    if (!uri || !uri->isSip())
        return {};
    QByteArray text = uri->schemeText().toByteArray() + ':' + uri->host().toByteArray();
    if (uri->hasPort())
        text += ':' + QByteArray::number(uri->port());
    return Uri::parse(text).value_or(Uri());
}

// The host as a Via or URI writes it; IPv6 addresses in brackets.
QByteArray normalizedHost(QByteArrayView host)
{
    const QHostAddress address = viaAddress(host);
    return address.isNull() ? host.toByteArray() : viaHost(normalizedAddress(address));
}

// Retry-After (RFC 3261 §20.33): the delta-seconds before any comment or
// parameter; -1 when absent or unreadable.
qint64 retryAfterMs(const Message &response)
{
    const QByteArrayView value = lex::trimmed(response.header(HeaderId::RetryAfter));
    qsizetype end = 0;
    while (end < value.size() && lex::isDigit(value[end]))
        ++end;
    const auto seconds = lex::parseUnsigned(value.first(end), 1'000'000'000);
    return seconds ? qint64(*seconds) * 1000 : -1;
}

RegistrationStatus statusOf(RegistrationState state, quint32 expires = 0, int status = 0,
                            QByteArray reason = {}, QString error = {}, qint64 retryInMs = -1)
{
    RegistrationStatus s;
    s.state = state;
    s.expires = expires;
    s.status = status;
    s.reason = std::move(reason);
    s.error = std::move(error);
    s.retryInMs = retryInMs;
    return s;
}

QString describe(const Message &response)
{
    return QStringLiteral("the registrar answered %1 %2")
        .arg(response.statusCode())
        .arg(QString::fromUtf8(response.reasonPhrase()));
}

} // namespace

Registration::Registration(TransactionLayer &transactions, Scheduler &scheduler,
                           RandomSource &random, Network network, Config config, QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_scheduler(scheduler)
    , m_random(random)
    , m_network(std::move(network))
    , m_config(std::move(config))
    , m_keepAlive(scheduler, random, m_network.sendKeepAlive, m_network.sendStun)
{
    m_registrar = m_config.registrar ? *m_config.registrar : registrarOf(m_config.aor);
    const auto aor = Uri::parse(m_config.aor);
    m_auth.setCredentials(
        {m_config.authUser.isEmpty() && aor ? aor->userDecoded() : m_config.authUser,
         m_config.password});
    // §10.2: one Call-ID for every REGISTER of this registration, one From
    // tag likewise; the CSeq rises (§10.2.4).
    m_callId = m_random.token(24);
    m_fromTag = m_random.token(12);
    m_requestedExpires = m_config.expires;
    m_keepAlive.setFailureHandler(
        [this](const Endpoint &flow, const QString &reason) { flowFailed(flow, reason); });
}

Registration::~Registration()
{
    cancelTimers();
    ++*m_generation;
}

std::optional<Endpoint> Registration::flow() const
{
    if (m_targets.isEmpty())
        return std::nullopt;
    return m_targets[m_targetIndex];
}

qint64 Registration::backoffDelay(const Config &config, int failures, RandomSource &random)
{
    // RFC 5626 §4.5: wait-time = min(max-time, base-time * 2^(failures-1)),
    // then a random share of it (50–100 % with the default jitter).
    const qint64 max = qMax<qint64>(config.retryBaseMs, config.retryMaxMs);
    qint64 wait = qMax<qint64>(1, config.retryBaseMs);
    for (int i = 1; i < failures && wait < max; ++i)
        wait *= 2;
    wait = qMin(wait, max);
    const double jitter = qBound(0.0, config.retryJitter, 1.0);
    const qint64 spread =
        qMin<qint64>(qint64(double(wait) * jitter), std::numeric_limits<quint32>::max() - 1);
    return wait - qint64(random.bounded(quint32(spread + 1)));
}

// --- Starting and stopping -------------------------------------------------

void Registration::start()
{
    if (m_unregistering || m_wantUnregister || m_inFlight)
        return;
    if (m_status.state == State::Registered || m_status.state == State::Registering)
        return;
    cancelTimers();
    setStatus(statusOf(State::Registering));
    attempt();
}

void Registration::attempt()
{
    if (!m_registrar.isValid() || !m_registrar.isSip()) {
        setStatus(statusOf(State::Failed, 0, 0, {},
                           QStringLiteral("cannot register %1: not a SIP address of record")
                               .arg(QString::fromUtf8(m_config.aor))));
        return;
    }
    m_targets.clear();
    m_targetIndex = 0;
    // A new attempt starts without the old challenges: after a refused
    // password it is challenged (and answered) once more, never in a loop.
    m_auth.clear();
    resolveThenSend();
}

void Registration::resolveThenSend()
{
    m_inFlight = true;
    const Uri hop = m_config.outboundProxy ? *m_config.outboundProxy : m_registrar;
    const qsizetype size = build(Kind::Register, false).toWire().size();
    const std::weak_ptr<quint64> guard = m_generation;
    const quint64 generation = *m_generation;
    m_network.resolve(hop, size, [this, guard, generation](QList<Endpoint> targets, QString error) {
        const auto alive = guard.lock();
        if (!alive || *alive != generation)
            return;
        m_inFlight = false;
        if (targets.isEmpty()) {
            if (error.isEmpty())
                error = QStringLiteral("no address found for %1")
                            .arg(QString::fromUtf8(
                                (m_config.outboundProxy ? *m_config.outboundProxy : m_registrar)
                                    .text()));
            if (m_wantUnregister || m_unregistering)
                finishUnregister(0, {}, error);
            else
                fail(0, {}, error);
            return;
        }
        m_targets = std::move(targets);
        m_targetIndex = 0;
        if (m_wantUnregister) {
            m_wantUnregister = false;
            m_unregistering = true;
        }
        send(m_unregistering ? Kind::Unregister : Kind::Register);
    });
}

void Registration::unregister(UnregisterHandler done)
{
    if (done)
        m_unregisterDone.append(std::move(done));
    if (m_unregistering || m_wantUnregister)
        return; // under way; `done` is called with the rest
    cancelTimers();
    m_keepAlive.stop();
    if (m_inFlight && m_targets.isEmpty() && !m_bound) {
        // Still resolving, never bound: nothing to remove.
        ++*m_generation;
        m_inFlight = false;
        finishUnregister(0, {}, {});
        return;
    }
    if (m_inFlight) {
        // §10.2: no new REGISTER before the previous one has its final
        // response; the removal follows it.
        m_wantUnregister = true;
        return;
    }
    if (!m_bound) {
        finishUnregister(0, {}, {});
        return;
    }
    m_unregistering = true;
    if (m_targets.isEmpty())
        resolveThenSend();
    else
        send(Kind::Unregister);
}

void Registration::flowFailed(const Endpoint &remote, const QString &reason)
{
    const auto current = flow();
    if (!current || !(*current == remote) || m_status.state != State::Registered || m_inFlight ||
        m_unregistering || m_wantUnregister)
        return;
    Q_UNUSED(reason); // the transport layer has logged it
    // RFC 5626 §4.5: a failed flow is replaced at once by registering again
    // (over a new connection); failures then back off.
    cancelTimers();
    m_keepAlive.stop();
    send(Kind::Register);
}

// --- Sending ----------------------------------------------------------------

QByteArray Registration::contactFor(const Endpoint &local) const
{
    const auto aor = Uri::parse(m_config.aor);
    QByteArray uri = m_registrar.isSips() ? "sips:" : "sip:";
    if (aor && aor->hasUser())
        uri += aor->user().toByteArray() + '@';
    uri += viaHost(normalizedAddress(local.address)) + ':' + QByteArray::number(local.port);
    if (!m_registrar.isSips())
        uri += ";transport=" + transportParamName(local.transport).toByteArray();
    return uri;
}

void Registration::send(Kind kind)
{
    const Endpoint target = m_targets[m_targetIndex];
    if (kind == Kind::Register || m_contact.isEmpty()) {
        QByteArray contact;
        if (m_public) {
            // The address the registrar saw (RFC 3581), on this flow's transport.
            contact = contactFor({target.transport, viaAddress(m_public->host), m_public->port});
        } else {
            QString why;
            const auto local =
                m_network.localAddress ? m_network.localAddress(target, &why) : std::nullopt;
            if (!local) {
                onFailure(*m_generation, kind,
                          {ClientFailure::Kind::TransportError,
                           why.isEmpty() ? QStringLiteral("no local address to register") : why});
                return;
            }
            contact = contactFor(*local);
        }
        // A binding at another address (a new connection's port, a learned
        // public address) is removed with the next REGISTER.
        if (m_bound && !m_contact.isEmpty() && contact != m_contact)
            m_staleContact = m_contact;
        m_contact = contact;
    }
    ++m_cseq;
    m_inFlight = true;
    const std::weak_ptr<quint64> guard = m_generation;
    const quint64 generation = *m_generation;
    ClientTransaction::Handlers h;
    h.onResponse = [this, guard, generation, kind](const Message &response) {
        if (const auto alive = guard.lock(); alive && *alive == generation)
            onResponse(generation, kind, response);
    };
    h.onFailure = [this, guard, generation, kind](const ClientFailure &failure) {
        if (const auto alive = guard.lock(); alive && *alive == generation)
            onFailure(generation, kind, failure);
    };
    m_transactions.sendRequest(build(kind, true), target, std::move(h));
}

Message Registration::build(Kind kind, bool withCredentials)
{
    Message m = Message::request("REGISTER", m_registrar);
    // The transport layer writes sent-protocol and sent-by (§18.1.1).
    m.addHeader("Via", "SIP/2.0/UDP 0.0.0.0;branch=z9hG4bK" + m_random.token(20) + ";rport");
    m.addHeader("Max-Forwards", "70");
    // §10.2: To and From are the address of record; From has a tag.
    m.addHeader("From", NameAddr::format(m_config.displayName, m_config.aor, ";tag=" + m_fromTag));
    m.addHeader("To", NameAddr::format(m_config.displayName, m_config.aor));
    m.addHeader("Call-ID", m_callId);
    m.addHeader("CSeq", QByteArray::number(qMax<quint32>(m_cseq, 1)) + " REGISTER");
    if (m_config.outboundProxy) {
        // §8.1.2: a pre-existing loose-routing route set.
        QByteArray route = m_config.outboundProxy->toByteArray();
        if (!m_config.outboundProxy->hasParam("lr"))
            route += ";lr";
        m.addHeader("Route", "<" + route + ">");
    }
    QByteArray params;
    if (!m_config.instanceId.isEmpty()) {
        // RFC 5626 §4.2: the instance id and reg-id on the Contact.
        params += ";+sip.instance=\"<" + m_config.instanceId +
                  ">\";reg-id=" + QByteArray::number(m_config.regId);
    }
    // §10.2.1.1 the expires parameter, §10.2.2 expires=0 removes.
    const quint32 expires = kind == Kind::Unregister ? 0 : m_requestedExpires;
    if (!m_contact.isEmpty())
        m.addHeader("Contact",
                    "<" + m_contact + ">" + params + ";expires=" + QByteArray::number(expires));
    if (!m_staleContact.isEmpty() && m_staleContact != m_contact)
        m.addHeader("Contact", "<" + m_staleContact + ">" + params + ";expires=0");
    m.addHeader("Expires", QByteArray::number(expires));
    if (!m_config.allow.isEmpty())
        m.addHeader("Allow", m_config.allow.join(", "));
    if (!m_config.instanceId.isEmpty())
        m.addHeader("Supported", "outbound"); // RFC 5626 §4.2.1
    if (withCredentials) {
        // Credentials for the realms that challenged us before (RFC 7616
        // §3.4: the nonce again, with the next nonce count).
        for (const auto &[name, value] :
             m_auth.headers("REGISTER", m_registrar.toByteArray(), m_random))
            m.addHeader(name, value);
    }
    m.addHeader("User-Agent", m_config.product);
    return m;
}

// --- Outcomes ---------------------------------------------------------------

void Registration::onResponse(quint64, Kind kind, const Message &response)
{
    const int status = response.statusCode();
    if (status < 200)
        return;
    m_inFlight = false;
    const QByteArray reason = response.reasonPhrase().toByteArray();

    if (status == 401 || status == 407) {
        const DigestSession::Result r = m_auth.challenge(response);
        if (r.outcome == DigestSession::Outcome::Answered && !m_wantUnregister) {
            // §22.2: the same request again with credentials and a new CSeq.
            send(kind);
            return;
        }
        if (kind == Kind::Unregister) {
            finishUnregister(status, reason, r.error);
            return;
        }
        if (!m_wantUnregister) {
            fail(status, reason, r.error); // wrong password: no tight loop
            return;
        }
    } else {
        m_auth.accepted();
    }

    if (kind == Kind::Unregister) {
        finishUnregister(status, reason, status < 300 ? QString() : describe(response));
        return;
    }
    if (m_wantUnregister) {
        // unregister() came while this REGISTER was out: now remove what
        // may be bound.
        m_wantUnregister = false;
        if (status < 300)
            m_bound = true;
        if (!m_bound) {
            finishUnregister(0, {}, {});
            return;
        }
        m_unregistering = true;
        send(Kind::Unregister);
        return;
    }
    if (status < 300) {
        onRegistered(response);
        return;
    }
    if (status == 423) {
        // §10.2.8: ask again for at least Min-Expires.
        const auto minimum = response.minExpires();
        if (minimum && *minimum > m_requestedExpires) {
            m_requestedExpires = *minimum;
            send(Kind::Register);
            return;
        }
        fail(status, reason,
             QStringLiteral("the registrar wants a longer registration (423) but gives no "
                            "usable Min-Expires"));
        return;
    }
    if (status == 503 && m_targetIndex + 1 < m_targets.size()) {
        // RFC 3263 §4.3: a 503 moves on to the next target.
        ++m_targetIndex;
        send(Kind::Register);
        return;
    }
    fail(status, reason, describe(response), retryAfterMs(response));
}

void Registration::onFailure(quint64, Kind kind, const ClientFailure &failure)
{
    m_inFlight = false;
    const Endpoint target = m_targets[m_targetIndex];
    const QString error =
        failure.kind == ClientFailure::Kind::Timeout
            ? QStringLiteral("no answer from %1: %2").arg(target.toString(), failure.reason)
            : QStringLiteral("could not send to %1: %2").arg(target.toString(), failure.reason);
    if (kind == Kind::Unregister) {
        finishUnregister(0, {}, error);
        return;
    }
    if (m_wantUnregister) {
        m_wantUnregister = false;
        if (!m_bound) {
            finishUnregister(0, {}, {});
            return;
        }
        m_unregistering = true;
        send(Kind::Unregister);
        return;
    }
    if (m_targetIndex + 1 < m_targets.size()) {
        // RFC 3263 §4.3: on a timeout or transport error the next target.
        ++m_targetIndex;
        send(Kind::Register);
        return;
    }
    fail(0, {}, error);
}

void Registration::onRegistered(const Message &response)
{
    // §10.2.4: the registrar's expiry wins: our Contact's expires
    // parameter in the 200, else its Expires header, else what we asked.
    std::optional<quint32> granted;
    const auto ours = Uri::parse(m_contact);
    const QByteArray instance = "\"<" + m_config.instanceId + ">\"";
    if (const auto contacts = response.contacts()) {
        for (const Contact &c : *contacts) {
            const bool sameUri = ours && c.uri().equivalentTo(*ours);
            const bool sameInstance =
                !m_config.instanceId.isEmpty() &&
                c.address().param("+sip.instance") == QByteArrayView(instance) &&
                c.address().param("reg-id") == QByteArray::number(m_config.regId);
            if ((sameUri || sameInstance) && c.expires()) {
                granted = c.expires();
                break;
            }
        }
    }
    if (!granted)
        granted = response.expires();
    if (!granted)
        granted = m_requestedExpires;

    m_bound = true;
    m_staleContact.clear();
    m_failures = 0;
    m_serviceRoute.clear();
    // RFC 3608 §6: the Service-Route values, in order, as a route set.
    if (const auto routes = response.serviceRoutes()) {
        for (const NameAddr &r : *routes)
            m_serviceRoute << r.text().toByteArray();
    }
    const auto require = response.require();
    m_outbound = !m_config.instanceId.isEmpty() && require &&
                 std::any_of(require->cbegin(), require->cend(),
                             [](const QByteArray &t) { return lex::iequals(t, "outbound"); });
    m_reflexive = reflexiveFrom(response);
    if (*granted == 0) {
        fail(response.statusCode(), response.reasonPhrase().toByteArray(),
             QStringLiteral("the registrar kept no binding for %1 (expires=0)")
                 .arg(QString::fromUtf8(m_contact)));
        return;
    }
    if (rewriteContactIfBehindNat(response))
        return;

    m_granted = *granted;
    const qint64 delay =
        qMax<qint64>(1, qint64(double(m_granted) * 1000.0 * m_config.refreshRatio));
    m_refreshAt = m_scheduler.now() + delay;
    m_refreshTimer = m_scheduler.start(delay, [this] { refresh(); });
    startKeepAlive(response);
    setStatus(statusOf(State::Registered, m_granted, response.statusCode(),
                       response.reasonPhrase().toByteArray()));
}

std::optional<ReflexiveAddress> Registration::reflexiveFrom(const Message &response) const
{
    if (response.vias().isEmpty())
        return std::nullopt;
    const Via &via = response.topVia();
    // RFC 3581 §4: received and a filled-in rport say where the request
    // came from; without them the registrar told us nothing.
    if (!via.hasReceived() && via.rport() <= 0)
        return std::nullopt;
    ReflexiveAddress r;
    r.host = normalizedHost(via.hasReceived() ? via.received() : via.host());
    const auto type = transportFromName(via.transport()).value_or(TransportType::Udp);
    r.port = quint16(via.rport() > 0 ? via.rport()
                     : via.hasPort() ? via.port()
                                     : defaultPort(type));
    return r;
}

bool Registration::rewriteContactIfBehindNat(const Message &)
{
    if (!m_config.rewriteContact || !m_reflexive || m_public == m_reflexive)
        return false;
    const auto ours = Uri::parse(m_contact);
    const auto target = flow();
    if (!ours || !target)
        return false;
    const bool sameHost = normalizedHost(ours->host()) == m_reflexive->host;
    // Over UDP the NAT maps the port too; over TCP/TLS the source port is
    // the connection's own and only a different address means a NAT.
    const bool samePort = target->isReliable() || ours->port() == m_reflexive->port;
    if (sameHost && samePort)
        return false;
    if (viaAddress(m_reflexive->host).isNull())
        return false; // not an IP address: nothing to put in a Contact
    // Register the public address; send() removes the private one.
    m_public = m_reflexive;
    send(Kind::Register);
    return true;
}

void Registration::startKeepAlive(const Message &response)
{
    const auto target = flow();
    if (!target)
        return;
    qint64 interval = target->isReliable() ? m_config.keepAliveStreamMs : m_config.keepAliveUdpMs;
    // RFC 5626 §4.4.1: with outbound, the registrar's Flow-Timer (seconds)
    // sets the interval.
    const QByteArrayView flowTimer = lex::trimmed(response.header("Flow-Timer"));
    if (const auto seconds = lex::parseUnsigned(flowTimer, 86'400);
        seconds && *seconds > 0 && (m_outbound || interval > 0))
        interval = qint64(*seconds) * 1000;
    // With outbound the registrar answers keep-alives, so an answer is
    // required: a CRLF pong on a connection (§4.4.1), a STUN Binding
    // Response over UDP (§4.4.2). Without it a plain server never answers;
    // only pings go out.
    KeepAlive::Mode mode = KeepAlive::Mode::Ping;
    if (m_outbound)
        mode = target->isReliable() ? KeepAlive::Mode::PingPong : KeepAlive::Mode::Stun;
    m_keepAlive.start(*target, interval, mode);
}

void Registration::refresh()
{
    m_refreshTimer = 0;
    m_refreshAt = -1;
    if (m_inFlight || m_unregistering || m_wantUnregister)
        return;
    if (m_targets.isEmpty()) {
        attempt();
        return;
    }
    send(Kind::Register); // §10.2.4: same Call-ID, next CSeq
}

void Registration::fail(int status, const QByteArray &reason, const QString &error,
                        qint64 retryAfter)
{
    ++m_failures;
    cancelTimers();
    m_keepAlive.stop();
    m_granted = 0;
    qint64 delay = backoffDelay(m_config, m_failures, m_random);
    if (retryAfter > delay)
        delay = qMin(retryAfter, qMax(m_config.retryMaxMs, m_config.retryBaseMs));
    m_retryTimer = m_scheduler.start(delay, [this] {
        m_retryTimer = 0;
        setStatus(statusOf(State::Registering));
        attempt();
    });
    setStatus(statusOf(State::Failed, 0, status, reason, error, delay));
}

void Registration::finishUnregister(int status, const QByteArray &reason, const QString &error)
{
    m_unregistering = false;
    m_wantUnregister = false;
    m_inFlight = false;
    cancelTimers();
    m_keepAlive.stop();
    m_bound = false;
    m_granted = 0;
    m_failures = 0;
    m_outbound = false;
    m_staleContact.clear();
    m_serviceRoute.clear();
    const RegistrationStatus s = statusOf(State::Unregistered, 0, status, reason, error);
    setStatus(s);
    const QList<UnregisterHandler> done = std::exchange(m_unregisterDone, {});
    for (const UnregisterHandler &handler : done)
        handler(s);
}

void Registration::cancelTimers()
{
    if (m_refreshTimer)
        m_scheduler.cancel(m_refreshTimer);
    if (m_retryTimer)
        m_scheduler.cancel(m_retryTimer);
    m_refreshTimer = 0;
    m_retryTimer = 0;
    m_refreshAt = -1;
}

void Registration::setStatus(RegistrationStatus status)
{
    m_status = std::move(status);
    emit stateChanged(m_status);
}

} // namespace sip
