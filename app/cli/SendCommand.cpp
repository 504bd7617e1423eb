// SPDX-License-Identifier: GPL-3.0-or-later
#include "SendCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "Profile.h"
#include "SipTracePrinter.h"
#include "messenger/Courier.h"
#include "session/AccountSession.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "ua/Stack.h"

#include <QEventLoop>
#include <QStringDecoder>
#include <QTimer>

#include <memory>
#include <optional>

namespace tidings {

namespace {

const QString kPrefix = QStringLiteral("tidings-cli: ");

// The contract's result line for one outcome.
JsonFields resultFields(const sip::SendResult &r)
{
    JsonFields result{{QStringLiteral("event"), QStringLiteral("result")}};
    if (r.status > 0) {
        result.append({QStringLiteral("status"), r.status});
        result.append({QStringLiteral("reason"), QString::fromUtf8(r.reason)});
    } else {
        result.append({QStringLiteral("error"), r.timedOut ? QStringLiteral("timeout") : r.error});
    }
    if (r.status > 0 && !r.error.isEmpty())
        result.append({QStringLiteral("detail"), r.error});
    if (r.transport)
        result.append({QStringLiteral("transport"),
                       QString::fromLatin1(sip::transportParamName(*r.transport))});
    if (!r.callId.isEmpty())
        result.append({QStringLiteral("call_id"), QString::fromUtf8(r.callId)});
    return result;
}

int exitCodeOf(const sip::SendResult &r)
{
    return r.isSuccess() ? Cli::Success : r.status > 0 ? Cli::Failure : Cli::Timeout;
}

JsonFields timeoutFields()
{
    return {{QStringLiteral("event"), QStringLiteral("result")},
            {QStringLiteral("error"), QStringLiteral("timeout")}};
}

// The profile's database, open for writing, with the account of --from
// (added when the profile has none yet). Null after printing why.
std::unique_ptr<Database> openProfile(const Profile &profile, const sip::Uri &from,
                                      qint64 *accountId, QTextStream &err)
{
    QString why;
    if (!profile.ensureExists(&why)) {
        err << kPrefix << why << Qt::endl;
        return nullptr;
    }
    auto opened = Database::open(profile.directory());
    if (!opened) {
        err << kPrefix << opened.error().toString() << Qt::endl;
        return nullptr;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    AccountStore accounts(*db);
    const QString aor = QString::fromUtf8(from.toByteArray());
    auto found = accounts.findByAor(aor);
    if (!found) {
        err << kPrefix << found.error().toString() << Qt::endl;
        return nullptr;
    }
    if (found.value()) {
        *accountId = found.value()->id;
    } else {
        Account account;
        account.aor = aor;
        auto added = accounts.add(account);
        if (!added) {
            err << kPrefix << added.error().toString() << Qt::endl;
            return nullptr;
        }
        *accountId = added.value();
    }
    // What a crash of an earlier run left Sending goes out again (with its
    // recorded identity, see Courier).
    if (auto requeued = Outbox(*db).requeueInterrupted(*accountId); !requeued) {
        err << kPrefix << requeued.error().toString() << Qt::endl;
        return nullptr;
    }
    return db;
}

} // namespace

int SendCommand::run(const SendOptions &options, QTextStream &out, QTextStream &err)
{
    // Without --profile or TIDINGS_PROFILE nothing is stored.
    const Profile profile = Profile::resolve(options.profile, Profile::Fallback::None);
    std::unique_ptr<Database> db;
    qint64 accountId = 0;
    if (profile.isValid()) {
        db = openProfile(profile, options.from, &accountId, err);
        if (!db)
            return Cli::Failure;
    }

    // The stack is assembled as every account's is (AccountSession), here
    // for sending only: ephemeral sockets, no registration.
    Account account;
    account.id = accountId;
    account.aor = QString::fromUtf8(options.from.toByteArray());
    if (options.proxy)
        account.outboundProxy = options.proxy->toString();
    account.authUser = QString::fromUtf8(options.authUser);
    account.tlsCaFile = options.tlsCa;
    if (options.transport)
        account.transports = {QString::fromLatin1(sip::transportParamName(*options.transport))};
    AccountSession::Options sessionOptions;
    sessionOptions.mode = AccountSession::Options::Mode::SendOnly;
    // Timer F is 64*T1: a --timeout beyond the default 32 s stretches T1 so
    // the transaction waits as long as asked.
    if (options.timeoutSeconds > 32) {
        sip::TimerValues timers;
        timers.t1 = qint64(options.timeoutSeconds) * 1000 / 64;
        sessionOptions.timers = timers;
    }
    if (options.trace)
        sessionOptions.prepare = [&err](sip::Stack &stack) {
            installSipTrace(stack.transport(), err);
        };
    AccountSession session(account, QString::fromUtf8(options.password), sessionOptions);
    QString error;
    if (!session.start(nullptr, &error)) {
        err << kPrefix << error << Qt::endl;
        return Cli::Failure;
    }
    sip::Stack &stack = *session.stack();
    return db ? sendThroughOutbox(options, stack, *db, accountId, out, err)
              : sendDirect(options, stack, out, err);
}

int SendCommand::sendDirect(const SendOptions &options, sip::Stack &stack, QTextStream &out,
                            QTextStream &err)
{
    JsonLines json(out);
    int exitCode = Cli::Timeout;
    bool done = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        json.write(timeoutFields());
        exitCode = Cli::Timeout;
        loop.quit();
    });
    sip::OutgoingMessage message;
    message.to = options.to;
    message.body = options.body;
    message.contentType = options.contentType;
    stack.pager().send(std::move(message), [&](const sip::SendResult &r) {
        json.write(resultFields(r));
        if (r.status == 0 && !r.timedOut)
            err << kPrefix << r.error << Qt::endl;
        exitCode = exitCodeOf(r);
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

int SendCommand::sendThroughOutbox(const SendOptions &options, sip::Stack &stack, Database &db,
                                   qint64 accountId, QTextStream &out, QTextStream &err)
{
    // The store holds text: a body that is not UTF-8 would not come back as
    // it was sent.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(options.body);
    if (utf8.hasError()) {
        err << kPrefix
            << tr("the message is not UTF-8 text; a profile stores text only. Send it without "
                  "--profile, or convert it to UTF-8.")
            << Qt::endl;
        return Cli::UsageError;
    }

    JsonLines json(out);
    Courier courier(db, accountId, stack.pager());
    QEventLoop loop;
    qint64 id = 0;
    int exitCode = Cli::Timeout;
    std::optional<sip::SendResult> attempt;
    bool finished = false;
    const auto finish = [&](int code) {
        exitCode = code;
        finished = true;
        loop.quit();
    };

    QObject::connect(&courier, &Courier::attemptFinished, &loop,
                     [&](qint64 messageId, const sip::SendResult &r) {
                         if (messageId == id)
                             attempt = r;
                     });
    QObject::connect(&courier, &Courier::stateChanged, &loop,
                     [&](qint64 messageId, DeliveryState state, int, const QString &) {
                         if (messageId != id || !attempt || finished)
                             return;
                         if (state != DeliveryState::Sent && state != DeliveryState::Accepted &&
                             state != DeliveryState::Failed)
                             return;
                         json.write(resultFields(*attempt));
                         if (attempt->status == 0 && !attempt->timedOut)
                             err << kPrefix << attempt->error << Qt::endl;
                         finish(exitCodeOf(*attempt));
                     });
    QObject::connect(
        &courier, &Courier::storeFailed, &loop, [&](qint64 messageId, const QString &why) {
            if (finished || (messageId != id && messageId != 0))
                return;
            if (attempt) {
                // Sent, but the outcome is not in the outbox: it
                // stays Sending and goes again, as the same
                // request, on the next start.
                json.write(resultFields(*attempt));
                err << kPrefix << tr("the result could not be recorded in the profile: %1").arg(why)
                    << Qt::endl;
                finish(exitCodeOf(*attempt));
            } else {
                err << kPrefix << tr("the message stays in the outbox unsent: %1").arg(why)
                    << Qt::endl;
                finish(Cli::Failure);
            }
        });

    courier.setReady(true); // sends what an earlier run left queued, oldest first
    auto queued = courier.send(QString::fromUtf8(options.to.toByteArray()), text,
                               QString::fromUtf8(options.contentType));
    if (!queued) {
        err << kPrefix << queued.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    id = queued.value();

    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        if (finished)
            return;
        json.write(timeoutFields());
        // No final response in time: recorded as failed without a status,
        // so a retry sends the same request again (see Courier::retry).
        if (auto failed = Outbox(db).markFailed(
                id, 0, tr("no answer within %1 seconds").arg(options.timeoutSeconds));
            !failed)
            err << kPrefix << failed.error().toString() << Qt::endl;
        finish(Cli::Timeout);
    });
    deadline.start(options.timeoutSeconds * 1000);
    if (!finished)
        loop.exec();
    return exitCode;
}

} // namespace tidings
