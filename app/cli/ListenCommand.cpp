// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListenCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "MessageEvent.h"
#include "MessageSink.h"
#include "Profile.h"
#include "RegistrationPrinter.h"
#include "SignalWatcher.h"
#include "SipTracePrinter.h"
#include "messenger/Messenger.h"
#include "session/AccountSession.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "ua/Stack.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <memory>

namespace tidings {
namespace {

// docs/CLI.md: on SIGINT/SIGTERM, unregister for at most 5 s.
constexpr int kUnregisterWaitMs = 5000;

// The profile's account for --aor, added on first use (no password: it is
// never stored).
StoreResult<qint64> ensureAccount(Database &db, const ListenOptions &options)
{
    AccountStore accounts(db);
    const QString aor = options.aor.toString();
    auto existing = accounts.findByAor(aor);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        return existing.value()->id;
    }
    Account account;
    account.aor = aor;
    account.registerAccount = options.registerAccount;
    if (options.registerAccount && options.registrar)
        account.registrar = options.registrar->toString();
    if (options.proxy)
        account.outboundProxy = options.proxy->toString();
    account.authUser = QString::fromUtf8(options.authUser);
    return accounts.add(account);
}

} // namespace

int ListenCommand::run(const ListenOptions &options, QTextStream &out, QTextStream &err)
{
    // --profile DIR (or TIDINGS_PROFILE): every received message is stored
    // before its 200; without one nothing is stored. A second writer, or a
    // database that is damaged, not ours or from a newer Tidings, is refused
    // with the store's words and never written to.
    const Profile profile = Profile::resolve(options.profile, Profile::Fallback::None);
    std::unique_ptr<Database> database;
    qint64 accountId = 0;
    if (profile.isValid()) {
        auto opened = Database::open(profile.directory());
        if (!opened) {
            err << "tidings-cli: " << opened.error().toString() << Qt::endl;
            return Cli::Failure;
        }
        database = std::move(opened).value();
        const auto account = ensureAccount(*database, options);
        if (!account) {
            err << "tidings-cli: " << account.error().toString() << Qt::endl;
            return Cli::Failure;
        }
        accountId = account.value();
    }

    // The stack is assembled from the account as the desktop app does it
    // (AccountSession), with the sockets and TLS identity of the command line.
    Account account;
    account.id = accountId;
    account.aor = options.aor.toString();
    account.registerAccount = options.registerAccount;
    if (options.registerAccount && options.registrar)
        account.registrar = options.registrar->toString();
    if (options.proxy)
        account.outboundProxy = options.proxy->toString();
    account.authUser = QString::fromUtf8(options.authUser);
    account.tlsCaFile = options.tlsCa;
    AccountSession::Options sessionOptions;
    for (const BindSpec &b : options.binds)
        sessionOptions.binds.append({b.transport, b.address, b.port});
    sessionOptions.tlsCertFile = options.tlsCert;
    sessionOptions.tlsKeyFile = options.tlsKey;
    sessionOptions.anyUser = false; // requests for other users get 404 (§8.2.2.1)
    sessionOptions.keepAliveSeconds = options.keepAliveSeconds;
    JsonLines json(out);
    std::unique_ptr<RegistrationPrinter> printer;
    sessionOptions.prepare = [&](sip::Stack &stack) {
        if (options.trace)
            installSipTrace(stack.transport(), err);
        if (sip::Registration *registration = stack.registration())
            printer = std::make_unique<RegistrationPrinter>(*registration, json, err,
                                                            options.aor.toString());
    };

    // With a profile the Messenger takes the MESSAGEs: each burst is
    // committed in one transaction, its lines printed (and flushed) after
    // the commit and before the 200s. A retransmission of a stored message
    // is answered 200 again but not printed again.
    std::unique_ptr<Messenger> messenger;
    if (database) {
        messenger = std::make_unique<Messenger>(*database);
        QObject::connect(messenger.get(), &Messenger::requestsStored,
                         [&json](const QList<StoredRequest> &stored) {
                             QByteArray lines;
                             for (const StoredRequest &s : stored) {
                                 lines += messageEvent(s.request,
                                                       s.message.receivedAt.toMSecsSinceEpoch());
                                 lines += '\n';
                             }
                             json.writeLines(lines);
                         });
        QObject::connect(messenger.get(), &Messenger::storeFailed,
                         [&err](const QString &why) { err << "tidings-cli: " << why << Qt::endl; });
    }
    AccountSession session(account, QString::fromUtf8(options.password), sessionOptions);
    QString error;
    if (!session.start(messenger.get(), &error)) {
        err << "tidings-cli: " << error << Qt::endl;
        return Cli::Failure;
    }
    sip::Stack &stack = *session.stack();

    // From here on SIGINT/SIGTERM end the process through the event loop
    // (a signal before the loop runs waits in the watcher's pipe).
    SignalWatcher watcher;
    QJsonArray binds;
    for (const sip::Endpoint &e : stack.transport().localEndpoints())
        binds.append(e.toString());
    json.write({{QStringLiteral("event"), QStringLiteral("listening")},
                {QStringLiteral("aor"), options.aor.toString()},
                {QStringLiteral("bind"), binds}});

    // Without a profile: printed (and flushed) before the 200 goes out: an
    // answered message has been handed on.
    MessageSink sink(json, [&stack](quint64 serverId) { stack.userAgent().answer(serverId, 200); });
    if (!messenger)
        stack.userAgent().setMessageHandler(
            [&sink](const sip::IncomingMessage &m) { sink.add(m); });
    auto flushIncoming = [&sink, &messenger] {
        sink.flush();
        if (messenger)
            messenger->flushIncoming();
    };

    QEventLoop loop;
    sip::Registration *registration = stack.registration();
    QTimer unregisterDeadline;
    unregisterDeadline.setSingleShot(true);
    unregisterDeadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    if (registration) {
        QObject::connect(&unregisterDeadline, &QTimer::timeout, &loop, [&] {
            flushIncoming(); // messages that came meanwhile print before the last line
            printer->unregistered(
                RegistrationPrinter::unregisterTimedOut(int(kUnregisterWaitMs / 1000)));
            loop.quit();
        });
    }
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop, [&](int) {
        if (!registration) {
            loop.quit();
            return;
        }
        // Remove our binding before leaving (RFC 3261 §10.2.2), answering a
        // challenge if one comes, but never waiting longer than the contract
        // allows; a second signal ends the process at once (SignalWatcher).
        unregisterDeadline.start(kUnregisterWaitMs);
        registration->unregister([&](const sip::RegistrationStatus &status) {
            flushIncoming();
            printer->unregistered(RegistrationPrinter::unregisteredEvent(status));
            loop.quit();
        });
    });
    loop.exec();
    return Cli::Success;
}

} // namespace tidings
