// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountSession.h"

#include "RegistrationWords.h"
#include "messenger/Messenger.h"

#include <QNetworkInterface>
#include <QTcpServer>
#include <QUdpSocket>
#include <QUrl>

namespace tidings {

namespace {

std::optional<sip::Uri> parseUri(const QString &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    return sip::Uri::parse(text.trimmed().toUtf8());
}

// RFC 3261 §10.2: the registrar's default is the domain of the AOR (its
// scheme, host and port, without the user).
std::optional<sip::Uri> registrarOf(const Account &account)
{
    if (auto given = parseUri(account.registrar))
        return given;
    const auto aor = parseUri(account.aor);
    if (!aor || !aor->isSip() || aor->host().isEmpty())
        return std::nullopt;
    QByteArray text = aor->schemeText().toByteArray() + ':' + aor->host().toByteArray();
    if (aor->hasPort())
        text += ':' + QByteArray::number(aor->port());
    return sip::Uri::parse(text);
}

std::optional<sip::TransportType> transportNamed(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("udp"))
        return sip::TransportType::Udp;
    if (n == QLatin1String("tcp"))
        return sip::TransportType::Tcp;
    if (n == QLatin1String("tls"))
        return sip::TransportType::Tls;
    return std::nullopt;
}

// A port free for both UDP and TCP on every IPv4 address (the local
// account's sockets share one number, so one address reaches both).
quint16 freePortPair()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::AnyIPv4, 0))
            continue;
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::AnyIPv4, udp.localPort()))
            return udp.localPort();
    }
    return 0;
}

} // namespace

AccountSession::AccountSession(Account account, QString password, Options options, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_options(std::move(options))
{
    m_status.accountId = m_account.id;
    m_status.state =
        m_account.enabled ? AccountStatus::State::Offline : AccountStatus::State::Disabled;
    m_stopDeadline.setSingleShot(true);
}

AccountSession::AccountSession(Account account, QString password, QObject *parent)
    : AccountSession(std::move(account), std::move(password), Options{}, parent)
{}

AccountSession::~AccountSession()
{
    if (m_messenger)
        m_messenger->detach(m_account.id);
}

QByteArray AccountSession::localAor(const QString &user, const QHostAddress &host, quint16 port)
{
    QString h = host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        h = QLatin1Char('[') + h + QLatin1Char(']');
    QString text = QStringLiteral("sip:");
    if (!user.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(user, "!$&'()*+,;=?/-_.~")) +
                QLatin1Char('@');
    text += h;
    if (port != 0)
        text += QLatin1Char(':') + QString::number(port);
    return text.toUtf8();
}

QHostAddress AccountSession::preferredLocalAddress()
{
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning) ||
            (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() &&
                !a.isLinkLocal())
                return a;
        }
    }
    return QHostAddress(QHostAddress::LocalHost);
}

QString AccountSession::userOf(const QString &aor)
{
    if (const auto uri = parseUri(aor); uri && !uri->user().isEmpty())
        return QUrl::fromPercentEncoding(uri->user().toByteArray());
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("me")));
}

bool AccountSession::start(Messenger *messenger, QString *error)
{
    Q_ASSERT(!m_stack);
    QString why;
    const bool ok = m_options.mode == Options::Mode::SendOnly ? startSendOnly(&why)
                    : m_account.registerAccount               ? startWithRegistrar(&why)
                                                              : startLocal(&why);
    if (!ok) {
        m_stack.reset();
        if (error)
            *error = why;
        AccountStatus failed;
        failed.accountId = m_account.id;
        failed.state = AccountStatus::State::Failed;
        failed.problem = why;
        setStatus(failed);
        return false;
    }
    if (messenger) {
        if (auto attached = messenger->attach(m_account.id, *m_stack); !attached) {
            m_stack.reset();
            if (error)
                *error = attached.error().toString();
            return false;
        }
        m_messenger = messenger;
    }
    if (sip::Registration *registration = m_stack->registration()) {
        connect(registration, &sip::Registration::stateChanged, this,
                &AccountSession::onRegistration);
        registration->start();
    } else {
        AccountStatus online;
        online.accountId = m_account.id;
        online.state = AccountStatus::State::Online;
        online.reachableAt = {QString::fromUtf8(m_stack->config().aor)};
        setStatus(online);
    }
    return true;
}

bool AccountSession::makeStack(sip::Stack::Config config, QString *error)
{
    if (m_options.timers)
        config.timers = *m_options.timers;
    m_stack = std::make_unique<sip::Stack>(std::move(config));
    if (m_options.prepare)
        m_options.prepare(*m_stack);
    QString tlsError;
    if (!m_stack->loadTls(m_options.tlsCertFile, m_options.tlsKeyFile, m_account.tlsCaFile,
                          &tlsError)) {
        *error = tr("TLS setup failed: %1").arg(tlsError);
        return false;
    }
    return true;
}

bool AccountSession::startSendOnly(QString *error)
{
    const auto aor = parseUri(m_account.aor);
    if (!aor) {
        *error = tr("\"%1\" is not a valid address.").arg(m_account.aor);
        return false;
    }
    sip::Stack::Config config;
    config.aor = aor->toByteArray();
    config.displayName = m_account.displayName;
    config.authUser = m_account.authUser.toUtf8();
    config.password = m_password.toUtf8();
    if (!m_account.outboundProxy.trimmed().isEmpty()) {
        config.outboundProxy = parseUri(m_account.outboundProxy);
        if (!config.outboundProxy) {
            *error =
                tr("\"%1\" is not a valid outbound proxy address.").arg(m_account.outboundProxy);
            return false;
        }
    }
    if (const auto t = m_account.transports.isEmpty()
                           ? std::nullopt
                           : transportNamed(m_account.transports.first()))
        config.sendTransports = {*t};
    if (!makeStack(std::move(config), error))
        return false;
    // Ephemeral sockets for each transport; IPv6 only where the host has it.
    QList<Bind> binds;
    for (sip::TransportType t :
         {sip::TransportType::Udp, sip::TransportType::Tcp, sip::TransportType::Tls}) {
        binds.append({t, QHostAddress(QHostAddress::AnyIPv4), 0});
        binds.append({t, QHostAddress(QHostAddress::AnyIPv6), 0});
    }
    QString ignored;
    if (!openSockets(binds, &ignored, false)) {
        *error = tr("cannot open any local socket to send from.");
        return false;
    }
    return true;
}

bool AccountSession::startWithRegistrar(QString *error)
{
    const auto aor = parseUri(m_account.aor);
    if (!aor || !aor->isSip()) {
        *error = tr("\"%1\" is not a SIP address (sip:user@example.com).").arg(m_account.aor);
        return false;
    }
    const auto registrar = registrarOf(m_account);
    if (!registrar) {
        *error = tr("No registrar can be derived from %1; enter the registrar's address.")
                     .arg(m_account.aor);
        return false;
    }
    sip::Stack::Config config;
    config.aor = aor->toByteArray();
    config.displayName = m_account.displayName;
    config.authUser = m_account.authUser.toUtf8();
    config.password = m_password.toUtf8();
    config.registrar = registrar;
    config.registerExpires = quint32(qMax(60, m_account.expires));
    config.anyUser = m_options.anyUser;
    if (!m_account.outboundProxy.trimmed().isEmpty()) {
        config.outboundProxy = parseUri(m_account.outboundProxy);
        if (!config.outboundProxy) {
            *error =
                tr("\"%1\" is not a valid outbound proxy address.").arg(m_account.outboundProxy);
            return false;
        }
    }
    if (m_options.keepAliveSeconds) {
        config.keepAliveUdpMs = qint64(*m_options.keepAliveSeconds) * 1000;
        config.keepAliveStreamMs = config.keepAliveUdpMs;
    } else if (m_account.keepAliveInterval > 0) {
        config.keepAliveUdpMs = qint64(m_account.keepAliveInterval) * 1000;
        config.keepAliveStreamMs = config.keepAliveUdpMs;
    }
    QList<sip::TransportType> wanted;
    for (const QString &name : m_account.transports) {
        if (const auto t = transportNamed(name))
            wanted.append(*t);
    }
    if (aor->isSips())
        wanted = {sip::TransportType::Tls}; // RFC 3261 §26.2: sips: only over TLS
    if (!wanted.isEmpty()) {
        sip::TransportSet set;
        for (sip::TransportType t : wanted)
            set.insert(t);
        config.sendTransports = set;
    }
    if (!makeStack(std::move(config), error))
        return false;
    QList<Bind> binds = m_options.binds;
    if (binds.isEmpty()) {
        const QList<sip::TransportType> types =
            wanted.isEmpty()
                ? QList<sip::TransportType>{sip::TransportType::Udp, sip::TransportType::Tcp,
                                            sip::TransportType::Tls}
                : wanted;
        for (sip::TransportType t : types) {
            binds.append({t, QHostAddress(QHostAddress::AnyIPv4), 0});
            binds.append({t, QHostAddress(QHostAddress::AnyIPv6), 0});
        }
        return openSockets(binds, error, false);
    }
    return openSockets(binds, error, true);
}

bool AccountSession::startLocal(QString *error)
{
    const QString user = userOf(m_account.aor);
    QHostAddress host = m_options.localHost;
    if (host.isNull()) {
        // The address chosen when the account was made, while this machine
        // still has it; else the machine's address now (DHCP, another network).
        const auto aor = parseUri(m_account.aor);
        const QHostAddress chosen(aor ? QString::fromUtf8(aor->host().toByteArray()) : QString());
        host = !chosen.isNull() &&
                       (chosen.isLoopback() || QNetworkInterface::allAddresses().contains(chosen))
                   ? chosen
                   : preferredLocalAddress();
    }
    const auto makeLocalStack = [&](quint16 port) {
        sip::Stack::Config config;
        config.aor = localAor(user, host, port);
        config.displayName = m_account.displayName;
        config.anyUser = m_options.anyUser;
        return makeStack(std::move(config), error);
    };
    if (!m_options.binds.isEmpty()) {
        // The caller chose the sockets, and with them the address: as given.
        const auto aor = parseUri(m_account.aor);
        if (!aor) {
            *error = tr("\"%1\" is not a valid address.").arg(m_account.aor);
            return false;
        }
        sip::Stack::Config config;
        config.aor = aor->toByteArray();
        config.displayName = m_account.displayName;
        config.anyUser = m_options.anyUser;
        if (!makeStack(std::move(config), error))
            return false;
        return openSockets(m_options.binds, error, true);
    }
    // Listen where the address says: on every IPv4 address, so the machine's
    // address can change (Wi-Fi, VPN) while the sockets stay.
    const QHostAddress any(QHostAddress::AnyIPv4);
    const quint16 preferred =
        m_account.listenPort > 0 ? quint16(m_account.listenPort) : kDefaultLocalPort;
    if (!makeLocalStack(preferred))
        return false;
    QString why;
    if (openSockets(
            {{sip::TransportType::Udp, any, preferred}, {sip::TransportType::Tcp, any, preferred}},
            &why, true))
        return true;
    // Taken (another SIP program, a second profile): any free port.
    const quint16 port = freePortPair();
    if (port == 0 || !makeLocalStack(port)) {
        *error = tr("Cannot listen on port %1 or any other: %2").arg(preferred).arg(why);
        return false;
    }
    return openSockets({{sip::TransportType::Udp, any, port}, {sip::TransportType::Tcp, any, port}},
                       error, true);
}

bool AccountSession::openSockets(const QList<Bind> &binds, QString *error, bool allMustOpen)
{
    bool any = false;
    QString firstError;
    for (const Bind &b : binds) {
        QString why;
        if (m_stack->bind(b.transport, b.address, b.port, &why)) {
            any = true;
        } else if (allMustOpen) {
            *error = why;
            return false;
        } else if (firstError.isEmpty()) {
            firstError = why;
        }
    }
    if (!any)
        *error = tr("Cannot open any network socket: %1").arg(firstError);
    return any;
}

void AccountSession::onRegistration(const sip::RegistrationStatus &status)
{
    AccountStatus s = RegistrationWords::describe(m_account.id, status);
    if (s.state == AccountStatus::State::Online) {
        m_wasRegistered = true;
        s.reachableAt = {m_account.aor};
    }
    setStatus(s);
}

void AccountSession::setStatus(AccountStatus status)
{
    status.accountId = m_account.id;
    m_status = status;
    emit statusChanged(m_status);
}

void AccountSession::stop(int boundMs, std::function<void()> done)
{
    const auto finish = [this, done = std::move(done)]() mutable {
        if (m_messenger) {
            m_messenger->detach(m_account.id);
            m_messenger = nullptr;
        }
        AccountStatus offline;
        offline.state =
            m_account.enabled ? AccountStatus::State::Offline : AccountStatus::State::Disabled;
        setStatus(offline);
        if (done) {
            auto d = std::move(done);
            done = {};
            d();
        }
    };
    sip::Registration *registration = m_stack ? m_stack->registration() : nullptr;
    if (m_stopping)
        return;
    m_stopping = true;
    if (!registration || !m_wasRegistered) {
        QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
        return;
    }
    // RFC 3261 §10.2.2: remove our binding, but never wait longer than asked.
    auto once = std::make_shared<std::function<void()>>(finish);
    const auto fire = [once] {
        if (*once) {
            auto f = std::move(*once);
            *once = {};
            f();
        }
    };
    disconnect(registration, &sip::Registration::stateChanged, this,
               &AccountSession::onRegistration);
    connect(&m_stopDeadline, &QTimer::timeout, this, fire);
    m_stopDeadline.start(qMax(0, boundMs));
    registration->unregister([this, fire](const sip::RegistrationStatus &) {
        m_stopDeadline.stop();
        QMetaObject::invokeMethod(this, fire, Qt::QueuedConnection);
    });
}

} // namespace tidings
