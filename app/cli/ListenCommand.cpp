// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListenCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "MessageSink.h"
#include "RegistrationPrinter.h"
#include "SignalWatcher.h"
#include "SipTracePrinter.h"
#include "ua/Stack.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <memory>

namespace tidings {
namespace {

// DESIGN.md: on SIGINT/SIGTERM, unregister for at most 5 s.
constexpr int kUnregisterWaitMs = 5000;

} // namespace

int ListenCommand::run(const ListenOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.profile.isEmpty()) {
        err << "tidings-cli: "
            << tr("--profile is not available in this version (the message store is not "
                  "built yet); received messages are only printed.")
            << Qt::endl;
        return Cli::UsageError;
    }

    sip::Stack::Config config;
    config.aor = options.aor.toByteArray();
    config.outboundProxy = options.proxy;
    config.authUser = options.authUser;
    config.password = options.password;
    if (options.registerAccount)
        config.registrar = options.registrar; // Stack makes its Registration
    sip::Stack stack(config);
    if (options.trace)
        installSipTrace(stack.transport(), err);

    QString error;
    if (!stack.loadTls(options.tlsCert, options.tlsKey, options.tlsCa, &error)) {
        err << "tidings-cli: " << tr("TLS setup failed: %1").arg(error) << Qt::endl;
        return Cli::Failure;
    }
    for (const BindSpec &b : options.binds) {
        if (!stack.bind(b.transport, b.address, b.port, &error)) {
            err << "tidings-cli: " << error << Qt::endl;
            return Cli::Failure;
        }
    }

    // From here on SIGINT/SIGTERM end the process through the event loop
    // (a signal before the loop runs waits in the watcher's pipe).
    SignalWatcher watcher;
    JsonLines json(out);
    QJsonArray binds;
    for (const sip::Endpoint &e : stack.transport().localEndpoints())
        binds.append(e.toString());
    json.write({{QStringLiteral("event"), QStringLiteral("listening")},
                {QStringLiteral("aor"), options.aor.toString()},
                {QStringLiteral("bind"), binds}});

    // Printed (and flushed) before the 200 goes out: an answered message
    // has been handed on.
    MessageSink sink(json, [&stack](quint64 serverId) { stack.userAgent().answer(serverId, 200); });
    stack.userAgent().setMessageHandler([&sink](const sip::IncomingMessage &m) { sink.add(m); });

    QEventLoop loop;
    sip::Registration *registration = stack.registration();
    std::unique_ptr<RegistrationPrinter> printer;
    QTimer unregisterDeadline;
    unregisterDeadline.setSingleShot(true);
    unregisterDeadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    if (registration) {
        printer =
            std::make_unique<RegistrationPrinter>(*registration, json, err, options.aor.toString());
        QObject::connect(&unregisterDeadline, &QTimer::timeout, &loop, [&] {
            sink.flush(); // messages that came meanwhile print before the last line
            printer->unregistered(
                RegistrationPrinter::unregisterTimedOut(int(kUnregisterWaitMs / 1000)));
            loop.quit();
        });
        registration->start();
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
            sink.flush();
            printer->unregistered(RegistrationPrinter::unregisteredEvent(status));
            loop.quit();
        });
    });
    loop.exec();
    return Cli::Success;
}

} // namespace tidings
