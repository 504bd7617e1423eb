// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListenCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "SignalWatcher.h"
#include "SipTracePrinter.h"
#include "ua/Stack.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>

namespace tidings {

int ListenCommand::run(const ListenOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.registerAccount) {
        err << "tidings-cli: "
            << tr("--register is not available in this version (registration comes with "
                  "account support); listen without it, on a fixed address.")
            << Qt::endl;
        return Cli::UsageError;
    }
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

    JsonLines json(out);
    QJsonArray binds;
    for (const sip::Endpoint &e : stack.transport().localEndpoints())
        binds.append(e.toString());
    json.write({{QStringLiteral("event"), QStringLiteral("listening")},
                {QStringLiteral("aor"), options.aor.toString()},
                {QStringLiteral("bind"), binds}});

    stack.userAgent().setMessageHandler([&](const sip::IncomingMessage &m) {
        const sip::Message &req = m.received.message;
        JsonFields event{{QStringLiteral("event"), QStringLiteral("message")},
                         {QStringLiteral("from"), req.from().uri().toString()}};
        const QString display = req.from().displayName();
        if (!display.isEmpty())
            event.append({QStringLiteral("from_display"), display});
        event +=
            JsonFields{{QStringLiteral("to"), req.to().uri().toString()},
                       {QStringLiteral("content_type"), QString::fromUtf8(m.contentType)},
                       {QStringLiteral("body"), m.text},
                       {QStringLiteral("call_id"), QString::fromUtf8(req.callId())},
                       {QStringLiteral("transport"),
                        QString::fromLatin1(sip::transportParamName(m.received.remote.transport))},
                       {QStringLiteral("remote"), m.received.remote.hostPort()},
                       {QStringLiteral("received_at"),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        // Printed (and flushed) before the 200 goes out: an answered message
        // has been handed on.
        json.write(event);
        stack.userAgent().answer(m.serverId, 200);
    });

    QEventLoop loop;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop,
                     [&loop](int) { loop.quit(); });
    loop.exec();
    return Cli::Success;
}

} // namespace tidings
