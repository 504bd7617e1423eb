// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistrationWords.h"

namespace tidings {

AccountStatus RegistrationWords::describe(qint64 accountId, const sip::RegistrationStatus &status)
{
    AccountStatus s;
    s.accountId = accountId;
    s.sipStatus = status.status;
    s.expires = status.expires;
    switch (status.state) {
    case sip::RegistrationState::Unregistered:
        s.state = AccountStatus::State::Offline;
        break;
    case sip::RegistrationState::Registering:
        s.state = AccountStatus::State::Connecting;
        break;
    case sip::RegistrationState::Registered:
        s.state = AccountStatus::State::Online;
        break;
    case sip::RegistrationState::Failed:
        s.state = AccountStatus::State::Failed;
        s.retryInMs = status.retryInMs;
        s.problem = problem(status.status, status.error);
        break;
    }
    if (status.status > 0) {
        s.detail = QStringLiteral("%1 %2").arg(status.status).arg(QString::fromUtf8(status.reason));
        if (!status.error.isEmpty())
            s.detail += QStringLiteral(" — ") + status.error;
    } else {
        s.detail = status.error;
    }
    return s;
}

QString RegistrationWords::problem(int sipStatus, const QString &error)
{
    // RFC 3261 §22.2/§22.3: a 401/407 after our credentials, or 403, means
    // the registrar does not accept them.
    if (sipStatus == 401 || sipStatus == 407 || sipStatus == 403)
        return tr("Wrong user name or password");
    if (sipStatus == 404)
        return tr("The server does not know this address");
    if (sipStatus == 423)
        return tr("The server wants a longer registration time");
    if (sipStatus >= 500 && sipStatus < 600)
        return tr("The server has a problem (%1)").arg(sipStatus);
    if (sipStatus >= 300)
        return tr("The server refused the registration (%1)").arg(sipStatus);
    const QString e = error.toLower();
    if (e.contains(QLatin1String("certificate")) || e.contains(QLatin1String("handshake")) ||
        e.contains(QLatin1String("ssl")) || e.contains(QLatin1String("tls"))) {
        return tr("The server's certificate is not trusted");
    }
    if (e.contains(QLatin1String("no address found")) ||
        e.contains(QLatin1String("host not found")))
        return tr("The server's name cannot be found");
    if (!error.isEmpty())
        return tr("Server unreachable");
    return tr("Registration failed");
}

QString RegistrationWords::inDuration(qint64 ms)
{
    const qint64 s = (qMax<qint64>(ms, 0) + 999) / 1000;
    if (s < 90)
        return tr("in %n s", nullptr, int(s));
    if (s < 90 * 60)
        return tr("in %n min", nullptr, int((s + 30) / 60));
    return tr("in %n h", nullptr, int((s + 1800) / 3600));
}

QString RegistrationWords::summary(const AccountStatus &status)
{
    switch (status.state) {
    case AccountStatus::State::Disabled:
        return tr("Disabled");
    case AccountStatus::State::Offline:
        return status.problem.isEmpty() ? tr("Offline") : tr("Offline: %1").arg(status.problem);
    case AccountStatus::State::Connecting:
        return tr("Connecting…");
    case AccountStatus::State::Online:
        return tr("Online");
    case AccountStatus::State::NeedsSecret:
        return tr("Password needed");
    case AccountStatus::State::Failed:
        if (status.retryInMs >= 0)
            return tr("Failed: %1 (retrying %2)").arg(status.problem, inDuration(status.retryInMs));
        return tr("Failed: %1").arg(status.problem);
    }
    return {};
}

} // namespace tidings
