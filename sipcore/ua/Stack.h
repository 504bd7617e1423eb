// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One SIP user agent, assembled: timers, the transport layer with its
// sockets, the transaction layer, RFC 3263 resolution, the UAS core, the
// pager and registrations — wired together the one way they belong. The CLI
// and the application core each own one per account.

#include "Pager.h"
#include "RandomSource.h"
#include "Registration.h"
#include "UserAgent.h"
#include "transaction/TimerQueue.h"
#include "transaction/TransactionLayer.h"
#include "transport/QtDnsBackend.h"
#include "transport/Resolver.h"
#include "transport/TransportLayer.h"

#include <QObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace sip {

class Stack : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QByteArray aor; // our address of record, e.g. "sip:bob@example.com"
        QString displayName;
        std::optional<Uri> outboundProxy;
        QByteArray authUser;
        QByteArray password;
        // Transports to send over; empty: every transport that is bound.
        TransportSet sendTransports = {};
        // Accept requests for any user (not only the AOR's).
        bool anyUser = false;
        TimerValues timers;
        TransportOptions transport;
        qsizetype maxMessageSize = 64 * 1024;
        // Registration of `aor` (RFC 3261 §10.2): made when a registrar is
        // given (e.g. the AOR's domain); started with registration()->start().
        std::optional<Uri> registrar;
        quint32 registerExpires = 3600;
        // Keep-alive intervals on the registration's flow (0: none), see
        // Registration::Config.
        qint64 keepAliveStreamMs = 120'000;
        qint64 keepAliveUdpMs = 25'000;
        // RFC 5626 +sip.instance ("urn:uuid:..."); empty: no outbound.
        QByteArray instanceId;
    };

    explicit Stack(Config config, QObject *parent = nullptr);
    ~Stack() override;

    bool bind(TransportType type, const QHostAddress &address, quint16 port, QString *error);
    // PEM files: our certificate and key (TLS binds then listen), and extra
    // CAs or a self-signed certificate to trust. Empty paths are skipped.
    bool loadTls(const QString &certPath, const QString &keyPath, const QString &caPath,
                 QString *error);

    TransportLayer &transport() { return m_transport; }
    TransactionLayer &transactions() { return *m_transactions; }
    UserAgent &userAgent() { return *m_ua; }
    Pager &pager() { return *m_pager; }
    // The registration of Config::aor; null without Config::registrar. Its
    // Service-Route (RFC 3608) becomes the pager's route set.
    Registration *registration() { return m_registration; }
    // Another registration (another account) on this stack's transports;
    // it lives as long as the stack.
    Registration &addRegistration(Registration::Config config);
    // A Registration::Config for Config's account (AOR, credentials, proxy,
    // registrar, intervals, and the methods the UA core allows).
    Registration::Config registrationConfig() const;
    Scheduler &scheduler() { return m_timers; }
    const Config &config() const { return m_config; }

private:
    void resolve(const Uri &target, qsizetype size, Pager::ResolveCallback done);

    Config m_config;
    TimerQueue m_timers;
    TransportLayer m_transport;
    SystemRandom m_random;
    QtDnsBackend m_dns;
    Resolver m_resolver;
    std::unique_ptr<TransactionLayer> m_transactions;
    std::unique_ptr<UserAgent> m_ua;
    std::unique_ptr<Pager> m_pager;
    std::vector<std::unique_ptr<Registration>> m_registrations;
    Registration *m_registration = nullptr;
    std::map<quint64, std::unique_ptr<Resolver::Lookup>> m_lookups;
    quint64 m_nextLookup = 1;
};

} // namespace sip
