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
}

Stack::~Stack()
{
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
