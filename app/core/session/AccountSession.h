// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AccountStatus.h"
#include "store/Account.h"
#include "transaction/TimerValues.h"
#include "transport/Endpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

#include "ua/Stack.h"

namespace tidings {

class Messenger;

// One account at work: its Account settings and secret turned into a
// configured sip::Stack (sockets, TLS trust, registration, keep-alives),
// attached to the Messenger, with its state as an AccountStatus. The one
// place a stack is assembled from an account, for the desktop app and
// tidings-cli alike.
//
//   with a registrar (Account::registerAccount): ephemeral UDP, TCP and
//   client-only TLS sockets (or those of Account::transports), REGISTER with
//   digest, refresh, back-off, keep-alives (RFC 3261 §10, RFC 5626);
//   without one ("use without a server"): UDP and TCP on Account::listenPort
//   (5060 when 0, a free port when taken) on every local IPv4 address; others
//   reach it at sip:user@<local address>:<port> (reachableAt()).
class AccountSession : public QObject
{
    Q_OBJECT

public:
    struct Bind
    {
        sip::TransportType transport = sip::TransportType::Udp;
        QHostAddress address;
        quint16 port = 0;
    };

    struct Options
    {
        enum class Mode
        {
            // As the account says: with a registrar, or listening without one.
            Account,
            // Only sending (tidings-cli send): ephemeral sockets on every
            // transport and address family there is, no registration, the
            // AOR as given.
            SendOnly,
        };
        Mode mode = Mode::Account;
        // Sockets to open instead of the defaults above. Without a
        // registrar, the AOR is then used as given (the caller chose its
        // address).
        QList<Bind> binds;
        // PEM: our TLS certificate and key (TLS binds then also listen).
        QString tlsCertFile;
        QString tlsKeyFile;
        // Without a registrar, the address others reach us at; null: the
        // first non-loopback IPv4 address (127.0.0.1 when there is none).
        QHostAddress localHost;
        // Accept MESSAGEs for any user part (a local account's address
        // changes with the machine's address, the user part does not).
        bool anyUser = true;
        // The keep-alive interval in seconds, 0: none; nullopt: the
        // account's (whose 0 means the defaults: 25 s over UDP, 120 s on
        // connections, RFC 5626 §4.4.1).
        std::optional<int> keepAliveSeconds;
        // Transaction timers (RFC 3261 §17.1.1.1, Table 4); nullopt: the RFC's.
        std::optional<sip::TimerValues> timers;
        // Called once with the new stack, before any socket opens or any
        // request goes out (e.g. to trace the wire, or to watch the
        // registration from its first state).
        std::function<void(sip::Stack &)> prepare;
    };

    // The account's port without a server, when neither it nor Options says.
    static constexpr quint16 kDefaultLocalPort = 5060;

    AccountSession(Account account, QString password, Options options, QObject *parent = nullptr);
    AccountSession(Account account, QString password, QObject *parent = nullptr);
    ~AccountSession() override;

    // Builds the stack, opens its sockets, attaches it to `messenger` (when
    // given) and starts registering. False with *error in words when a
    // socket or the TLS setup fails (nothing stays open then).
    bool start(Messenger *messenger, QString *error);
    // Unregisters (RFC 3261 §10.2.2) for at most `boundMs`, then detaches
    // from the Messenger; `done` runs once, from the event loop. Without a
    // registration it is done at once.
    void stop(int boundMs, std::function<void()> done);

    const Account &account() const { return m_account; }
    qint64 accountId() const { return m_account.id; }
    AccountStatus status() const { return m_status; }
    // The stack, once start() succeeded.
    sip::Stack *stack() const { return m_stack.get(); }
    // Whether the registration ever succeeded in this run.
    bool wasRegistered() const { return m_wasRegistered; }

    // The address a local account is reached at: user@host:port.
    static QByteArray localAor(const QString &user, const QHostAddress &host, quint16 port);
    // The first non-loopback, non-link-local IPv4 address of an interface
    // that is up; 127.0.0.1 when there is none.
    static QHostAddress preferredLocalAddress();
    // The user part of an AOR ("alice" of sip:alice@host), or the login name.
    static QString userOf(const QString &aor);

signals:
    void statusChanged(const tidings::AccountStatus &status);

private:
    bool startWithRegistrar(QString *error);
    bool startLocal(QString *error);
    bool startSendOnly(QString *error);
    // Makes m_stack from `config` and loads the TLS material.
    bool makeStack(sip::Stack::Config config, QString *error);
    bool openSockets(const QList<Bind> &binds, QString *error, bool allMustOpen);
    void onRegistration(const sip::RegistrationStatus &status);
    void setStatus(AccountStatus status);

    Account m_account;
    QString m_password;
    Options m_options;
    std::unique_ptr<sip::Stack> m_stack;
    Messenger *m_messenger = nullptr;
    AccountStatus m_status;
    bool m_wasRegistered = false;
    bool m_stopping = false;
    QTimer m_stopDeadline;
};

} // namespace tidings
