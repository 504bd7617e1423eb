// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Registration of one address of record with its registrar (RFC 3261 §10.2)
// and keeping it: REGISTER with one Call-ID and a rising CSeq (§10.2.4),
// refreshed at 80 % of the time the registrar granted, 423 answered with
// Min-Expires (§10.2.8), digest challenges answered (§22.2, RFC 7616, RFC
// 8760), failures retried with growing, jittered delays (RFC 5626 §4.5),
// unregister with expires=0 (§10.2.2), the Service-Route of RFC 3608 kept
// for later requests, the public address the registrar saw (RFC 3581) put
// into the Contact, and the flow kept open with keep-alives (RFC 5626
// §4.4.1; with outbound support, keep-alives that must be answered: CRLF
// pongs, STUN over UDP, §4.4.2). With an instance id the Contact carries
// +sip.instance and reg-id (RFC 5626 §4.2).
//
// Results are values: every change of state is a RegistrationStatus with
// the final response's status and reason, or the error in words.
// Several Registrations (one per account) can share one transaction layer.

#include "DigestSession.h"
#include "KeepAlive.h"
#include "RandomSource.h"
#include "message/Message.h"
#include "transaction/TransactionLayer.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace sip {

enum class RegistrationState : quint8
{
    Unregistered, // no binding (never registered, or unregistered)
    Registering,  // the first REGISTER (or one after a failure) is under way
    Registered,   // bound; refreshes keep this state
    Failed        // the last attempt failed; another follows after retryInMs
};

struct RegistrationStatus
{
    RegistrationState state = RegistrationState::Unregistered;
    quint32 expires = 0;   // Registered: the seconds the registrar granted
    int status = 0;        // the final response behind this state; 0 when none came
    QByteArray reason;     // its reason phrase
    QString error;         // why, in words (Failed; an unregister without answer)
    qint64 retryInMs = -1; // Failed: the delay before the next attempt
};

// Where the registrar saw our request come from (RFC 3581 §4: the Via
// "received" and "rport" of its response).
struct ReflexiveAddress
{
    QByteArray host; // an IP address as written in the Via ("[::1]" for IPv6)
    quint16 port = 0;
    friend bool operator==(const ReflexiveAddress &, const ReflexiveAddress &) = default;
};

class Registration final : public QObject
{
    Q_OBJECT
public:
    using State = RegistrationState;
    using ResolveCallback = std::function<void(QList<Endpoint> targets, QString error)>;
    // RFC 3263: the endpoints to try for `target`, in order.
    using TargetResolver =
        std::function<void(const Uri &target, qsizetype requestSize, ResolveCallback done)>;
    // The address and port the transport layer sends requests to `target`
    // from (the top Via sent-by of RFC 3261 §18.1.1): our Contact address.
    // nullopt with *why when no transport reaches the target.
    using LocalAddress =
        std::function<std::optional<Endpoint>(const Endpoint &target, QString *why)>;
    using UnregisterHandler = std::function<void(const RegistrationStatus &status)>;

    // What the registration needs from the transport side.
    struct Network
    {
        TargetResolver resolve;
        LocalAddress localAddress;
        KeepAlive::Sender sendKeepAlive; // empty: no keep-alives
        // RFC 5626 §4.4.2: STUN keep-alives over UDP when outbound is in
        // use; empty: CRLF datagrams there too.
        KeepAlive::StunSender sendStun;
    };

    struct Config
    {
        QByteArray aor; // e.g. "sip:alice@example.com"
        QString displayName;
        // The Request-URI (§10.2: the registrar's domain). Default: the
        // AOR's scheme, host and port.
        std::optional<Uri> registrar;
        std::optional<Uri> outboundProxy; // a loose-routing Route (;lr)
        QByteArray authUser;              // default: the AOR's user
        QByteArray password;
        quint32 expires = 3600; // asked for (§10.2.1.1); the registrar's value wins
        // The refresh goes out after this share of the granted time.
        double refreshRatio = 0.8;
        // Methods we accept (Allow): a registrar or msilo may look at it.
        QList<QByteArray> allow = {"MESSAGE", "OPTIONS", "CANCEL", "ACK"};
        // RFC 5626 §4.5: after the n-th failure in a row the next attempt
        // waits min(max, base * 2^(n-1)), less up to `retryJitter` of it.
        qint64 retryBaseMs = 30'000;
        qint64 retryMaxMs = 1'800'000;
        double retryJitter = 0.5;
        // Keep-alive intervals (upper bounds; 0: none). RFC 5626 §4.4.1:
        // 120 s on connections; UDP shorter, as many NATs forget idle UDP
        // bindings within 30 s. A Flow-Timer in the 200 overrides both.
        qint64 keepAliveStreamMs = 120'000;
        qint64 keepAliveUdpMs = 25'000;
        // When the registrar saw us at another address (NAT), register the
        // address it saw instead (and remove the one it cannot reach).
        bool rewriteContact = true;
        // RFC 5626 §4.1/§4.2: "urn:uuid:..." for +sip.instance; empty: no
        // outbound parameters and no "Supported: outbound".
        QByteArray instanceId;
        quint32 regId = 1;
        QByteArray product = "Tidings";
    };

    Registration(TransactionLayer &transactions, Scheduler &scheduler, RandomSource &random,
                 Network network, Config config, QObject *parent = nullptr);
    ~Registration() override;

    // Registers (again); nothing when already registered or registering.
    // After a failure, tries at once instead of waiting for the back-off.
    void start();
    // Removes our binding: REGISTER with Contact expires=0 (§10.2.2),
    // answering a challenge if asked, after the REGISTER in flight if one
    // is. `done` is called once with the outcome (state Unregistered, the
    // response's status and reason, or the error), at once when there is no
    // binding. Refreshes and retries stop. The caller bounds the wait.
    void unregister(UnregisterHandler done = {});
    // A TCP/TLS connection closed, or a keep-alive failed: when it carried
    // our registration, register again at once (RFC 5626 §4.4.1, §4.5).
    void flowFailed(const Endpoint &remote, const QString &reason);
    // The answers to keep-alives, from the transport layer: a CRLF pong on a
    // connection (RFC 5626 §4.4.1), a STUN response over UDP (§4.4.2).
    void pongReceived(const Endpoint &remote) { m_keepAlive.pongReceived(remote); }
    void stunResponseReceived(const Endpoint &remote, const StunMessage &response)
    {
        m_keepAlive.stunResponseReceived(remote, response);
    }

    State state() const { return m_status.state; }
    const RegistrationStatus &status() const { return m_status; }
    const Config &config() const { return m_config; }
    const Uri &registrar() const { return m_registrar; }
    QByteArray callId() const { return m_callId; }
    // The Contact URI registered (or being registered).
    QByteArray contact() const { return m_contact; }
    // The granted expiry and when the next refresh goes out (scheduler
    // time in ms, -1 when none is scheduled).
    quint32 grantedExpires() const { return m_granted; }
    qint64 refreshAt() const { return m_refreshAt; }
    // RFC 3608 §6: the Service-Route of the last 200, as Route values in
    // order, for requests this UA sends afterwards (after the outbound
    // proxy's Route). Empty when the registrar sent none.
    const QList<QByteArray> &serviceRoute() const { return m_serviceRoute; }
    // RFC 3581: our address as the registrar saw it, once a response told.
    std::optional<ReflexiveAddress> reflexiveAddress() const { return m_reflexive; }
    // The flow the registration uses (its first hop), once resolved.
    std::optional<Endpoint> flow() const;
    // RFC 5626 §6: the 200 carried "Require: outbound".
    bool outboundActive() const { return m_outbound; }
    // The keep-alive of the flow, for inspection.
    const KeepAlive &keepAlive() const { return m_keepAlive; }
    // Consecutive failures (0 after a success).
    int failureCount() const { return m_failures; }

    // RFC 5626 §4.5 wait before retry number `failures` (>= 1), with the
    // jitter drawn from `random`.
    static qint64 backoffDelay(const Config &config, int failures, RandomSource &random);

signals:
    // Every change of state, and every successful refresh (Registered again,
    // with the granted expiry).
    void stateChanged(const sip::RegistrationStatus &status);

private:
    enum class Kind : quint8
    {
        Register,
        Unregister
    };

    void attempt();
    void resolveThenSend();
    void send(Kind kind);
    Message build(Kind kind, bool withCredentials);
    void onResponse(quint64 generation, Kind kind, const Message &response);
    void onFailure(quint64 generation, Kind kind, const ClientFailure &failure);
    void onRegistered(const Message &response);
    bool rewriteContactIfBehindNat(const Message &response);
    void fail(int status, const QByteArray &reason, const QString &error, qint64 retryAfterMs = -1);
    void finishUnregister(int status, const QByteArray &reason, const QString &error);
    void refresh();
    void startKeepAlive(const Message &response);
    void cancelTimers();
    void setStatus(RegistrationStatus status);
    QByteArray contactFor(const Endpoint &local) const;
    std::optional<ReflexiveAddress> reflexiveFrom(const Message &response) const;

    TransactionLayer &m_transactions;
    Scheduler &m_scheduler;
    RandomSource &m_random;
    Network m_network;
    Config m_config;
    Uri m_registrar;
    DigestSession m_auth;
    KeepAlive m_keepAlive;
    RegistrationStatus m_status;

    QByteArray m_callId;
    QByteArray m_fromTag;
    quint32 m_cseq = 0;
    quint32 m_requestedExpires = 0;
    quint32 m_granted = 0;
    QList<Endpoint> m_targets;
    int m_targetIndex = 0;
    QByteArray m_contact;      // the Contact URI of the current binding
    QByteArray m_staleContact; // a Contact to remove with the next REGISTER
    std::optional<ReflexiveAddress> m_reflexive;
    std::optional<ReflexiveAddress> m_public; // the reflexive address in our Contact
    QList<QByteArray> m_serviceRoute;
    bool m_outbound = false;
    bool m_bound = false;    // the registrar may hold a binding of ours
    bool m_inFlight = false; // a REGISTER transaction (or its resolution) runs
    bool m_unregistering = false;
    bool m_wantUnregister = false; // unregister() came while a REGISTER was in flight
    QList<UnregisterHandler> m_unregisterDone;
    int m_failures = 0;
    Scheduler::TimerId m_refreshTimer = 0;
    Scheduler::TimerId m_retryTimer = 0;
    qint64 m_refreshAt = -1;
    // Responses and resolutions for an attempt that has been superseded (or
    // a destroyed registration) are ignored.
    std::shared_ptr<quint64> m_generation = std::make_shared<quint64>(0);
};

} // namespace sip
