// SPDX-License-Identifier: GPL-3.0-or-later
#include "SendCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "SipTracePrinter.h"
#include "ua/Stack.h"

#include <QEventLoop>
#include <QTimer>

namespace tidings {

int SendCommand::run(const SendOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.profile.isEmpty()) {
        err << "tidings-cli: "
            << tr("--profile is not available in this version (the message store is not "
                  "built yet).")
            << Qt::endl;
        return Cli::UsageError;
    }

    sip::Stack::Config config;
    config.aor = options.from.toByteArray();
    config.outboundProxy = options.proxy;
    config.authUser = options.authUser;
    config.password = options.password;
    if (options.transport)
        config.sendTransports = {*options.transport};
    // Timer F is 64*T1: a --timeout beyond the default 32 s stretches T1 so
    // the transaction waits as long as asked.
    if (options.timeoutSeconds > 32)
        config.timers.t1 = qint64(options.timeoutSeconds) * 1000 / 64;
    sip::Stack stack(config);
    if (options.trace)
        installSipTrace(stack.transport(), err);

    QString error;
    if (!stack.loadTls({}, {}, options.tlsCa, &error)) {
        err << "tidings-cli: " << tr("TLS setup failed: %1").arg(error) << Qt::endl;
        return Cli::Failure;
    }
    // Ephemeral sockets for each transport; IPv6 only where the host has it.
    bool any = false;
    for (sip::TransportType t :
         {sip::TransportType::Udp, sip::TransportType::Tcp, sip::TransportType::Tls}) {
        for (const QHostAddress &a :
             {QHostAddress(QHostAddress::AnyIPv4), QHostAddress(QHostAddress::AnyIPv6)}) {
            QString ignored;
            any = stack.bind(t, a, 0, &ignored) || any;
        }
    }
    if (!any) {
        err << "tidings-cli: " << tr("cannot open any local socket to send from.") << Qt::endl;
        return Cli::Failure;
    }

    JsonLines json(out);
    int exitCode = Cli::Timeout;
    bool done = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        json.write({{QStringLiteral("event"), QStringLiteral("result")},
                    {QStringLiteral("error"), QStringLiteral("timeout")}});
        exitCode = Cli::Timeout;
        loop.quit();
    });
    stack.pager().send(
        {options.to, options.body, options.contentType}, [&](const sip::SendResult &r) {
            JsonFields result{{QStringLiteral("event"), QStringLiteral("result")}};
            if (r.status > 0) {
                result.append({QStringLiteral("status"), r.status});
                result.append({QStringLiteral("reason"), QString::fromUtf8(r.reason)});
            } else {
                result.append(
                    {QStringLiteral("error"), r.timedOut ? QStringLiteral("timeout") : r.error});
            }
            if (r.status > 0 && !r.error.isEmpty())
                result.append({QStringLiteral("detail"), r.error});
            if (r.transport)
                result.append({QStringLiteral("transport"),
                               QString::fromLatin1(sip::transportParamName(*r.transport))});
            if (!r.callId.isEmpty())
                result.append({QStringLiteral("call_id"), QString::fromUtf8(r.callId)});
            json.write(result);
            if (r.status == 0 && !r.timedOut)
                err << "tidings-cli: " << r.error << Qt::endl;
            exitCode = r.isSuccess() ? Cli::Success : r.status > 0 ? Cli::Failure : Cli::Timeout;
            done = true;
            deadline.stop();
            loop.quit();
        });
    if (!done) {
        deadline.start(options.timeoutSeconds * 1000);
        loop.exec();
    }
    return exitCode;
}

} // namespace tidings
