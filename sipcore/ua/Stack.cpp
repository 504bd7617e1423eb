// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stack.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace sip {

Stack::Stack(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_transport(m_config.transport)
    , m_resolver(m_dns)
{
    m_transactions = std::make_unique<TransactionLayer>(m_timers, m_transport, m_config.timers);

    UserAgent::Config ua;
    const auto aor = Uri::parse(m_config.aor);
    if (!m_config.anyUser && aor && aor->hasUser())
        ua.users = {aor->userDecoded()};
    m_ua = std::make_unique<UserAgent>(*m_transactions, m_transport, m_random, ua);

    Pager::Config pc;
    pc.from = m_config.aor;
    pc.displayName = m_config.displayName;
    pc.outboundProxy = m_config.outboundProxy;
    pc.authUser = m_config.authUser;
    pc.password = m_config.password;
    pc.maxMessageSize = m_config.maxMessageSize;
    m_pager = std::make_unique<Pager>(
        *m_transactions, m_random,
        [this](const Uri &target, qsizetype size, Pager::ResolveCallback done) {
            resolve(target, size, std::move(done));
        },
        pc);

    m_transport.setReceiveHandler(
        [this](const ReceivedMessage &received) { m_transactions->receive(received); });
    m_transport.setInvalidHandler([this](const ParseResult &result, const ReceivedMessage &meta) {
        m_ua->handleMalformed(result, meta);
    });
    m_transactions->setRequestHandler([this](quint64 id, const ReceivedMessage &r, bool merged) {
        m_ua->handleRequest(id, r, merged);
    });
    // RFC 5626 §4.4.1: a closed connection is a failed flow; a registration
    // over it registers again.
    connect(&m_transport, &TransportLayer::connectionClosed, this,
            [this](const ConnectionInfo &info, const QString &reason) {
                for (const auto &r : m_registrations)
                    r->flowFailed(info.remote, reason);
            });
    // RFC 5626 §4.4.1, §4.4.2: answers to keep-alives reach the registration
    // whose flow they belong to (each checks).
    connect(&m_transport, &TransportLayer::pongReceived, this, [this](const Endpoint &remote) {
        for (const auto &r : m_registrations)
            r->pongReceived(remote);
    });
    connect(&m_transport, &TransportLayer::stunResponseReceived, this,
            [this](const Endpoint &remote, const StunMessage &response) {
                for (const auto &r : m_registrations)
                    r->stunResponseReceived(remote, response);
            });

    if (m_config.registrar) {
        m_registration = &addRegistration(registrationConfig());
        connect(m_registration, &Registration::stateChanged, this,
                [this] { m_pager->setServiceRoute(m_registration->serviceRoute()); });
    }
}

Registration::Config Stack::registrationConfig() const
{
    Registration::Config c;
    c.aor = m_config.aor;
    c.displayName = m_config.displayName;
    c.registrar = m_config.registrar;
    c.outboundProxy = m_config.outboundProxy;
    c.authUser = m_config.authUser;
    c.password = m_config.password;
    c.expires = m_config.registerExpires;
    c.allow = m_ua->allowedMethods();
    c.keepAliveStreamMs = m_config.keepAliveStreamMs;
    c.keepAliveUdpMs = m_config.keepAliveUdpMs;
    c.instanceId = m_config.instanceId;
    return c;
}

Registration &Stack::addRegistration(Registration::Config config)
{
    Registration::Network network;
    network.resolve = [this](const Uri &target, qsizetype size,
                             Registration::ResolveCallback done) {
        resolve(target, size, std::move(done));
    };
    network.localAddress = [this](const Endpoint &target, QString *why) {
        return m_transport.localAddressFor(target, why);
    };
    network.sendKeepAlive = [this](const Endpoint &flow, TransportSender::ErrorCallback onError) {
        m_transport.sendKeepAlive(flow, std::move(onError));
    };
    network.sendStun = [this](const Endpoint &flow, const QByteArray &request,
                              TransportSender::ErrorCallback onError) {
        m_transport.sendStunRequest(flow, request, std::move(onError));
    };
    m_registrations.push_back(std::make_unique<Registration>(
        *m_transactions, m_timers, m_random, std::move(network), std::move(config)));
    return *m_registrations.back();
}

Stack::~Stack()
{
    // Registrations go first: closing the connections below reports failed
    // flows, which must not start new REGISTERs.
    m_registration = nullptr;
    m_registrations.clear();
    m_lookups.clear();
    m_transport.close();
}

bool Stack::bind(TransportType type, const QHostAddress &address, quint16 port, QString *error)
{
    return m_transport.bind(type, address, port, error);
}

bool Stack::loadTls(const QString &certPath, const QString &keyPath, const QString &caPath,
                    QString *error)
{
    const auto readFile = [error](const QString &path, QByteArray *out) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read %1: %2").arg(path, f.errorString());
            return false;
        }
        *out = f.readAll();
        return true;
    };
    if (!caPath.isEmpty()) {
        QByteArray pem;
        if (!readFile(caPath, &pem))
            return false;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = tr("%1 holds no PEM certificate").arg(caPath);
            return false;
        }
        m_transport.addTrustedCa(cas);
    }
    if (certPath.isEmpty() && keyPath.isEmpty())
        return true;
    QByteArray certPem, keyPem;
    if (!readFile(certPath, &certPem) || !readFile(keyPath, &keyPem))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(certPath);
        return false;
    }
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = tr("%1 holds no PEM private key (RSA or EC, unencrypted)").arg(keyPath);
        return false;
    }
    return m_transport.setTlsIdentity(chain.front(), key, chain.mid(1), error);
}

void Stack::resolve(const Uri &target, qsizetype size, Pager::ResolveCallback done)
{
    TargetOptions options;
    options.requestSize = size;
    TransportSet bound;
    bool v4 = false, v6 = false;
    for (const Endpoint &e : m_transport.localEndpoints()) {
        bound.insert(e.transport);
        const bool any = e.address == QHostAddress::Any || e.address == QHostAddress::AnyIPv6;
        v4 = v4 || any || e.address.protocol() == QAbstractSocket::IPv4Protocol;
        v6 = v6 || any || e.address.protocol() == QAbstractSocket::IPv6Protocol;
    }
    options.transports = m_config.sendTransports.isEmpty() ? bound : m_config.sendTransports;
    options.ipv4 = v4;
    options.ipv6 = v6;
    const quint64 id = m_nextLookup++;
    auto lookup = m_resolver.resolve(target, options,
                                     [this, id, done = std::move(done)](const ResolveResult &r) {
                                         done(r.endpoints, r.error);
                                         m_lookups.erase(id); // safe inside the callback
                                     });
    if (lookup)
        m_lookups[id] = std::move(lookup);
}

} // namespace sip
