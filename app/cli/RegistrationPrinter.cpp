// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistrationPrinter.h"

namespace tidings {
namespace {

// Seconds, rounded up: "retry_in":1 rather than 0 for a delay under a second.
int secondsFrom(qint64 ms)
{
    return int((ms + 999) / 1000);
}

} // namespace

RegistrationPrinter::RegistrationPrinter(sip::Registration &registration, JsonLines &json,
                                         QTextStream &err, QString aor, QObject *parent)
    : QObject(parent)
    , m_registration(registration)
    , m_json(json)
    , m_err(err)
    , m_aor(std::move(aor))
{
    connect(&m_registration, &sip::Registration::stateChanged, this,
            &RegistrationPrinter::onStateChanged);
}

JsonFields RegistrationPrinter::eventFor(const sip::RegistrationStatus &status, const QString &aor,
                                         const QString &contact)
{
    switch (status.state) {
    case sip::RegistrationState::Registered: {
        JsonFields event{{QStringLiteral("event"), QStringLiteral("registered")},
                         {QStringLiteral("aor"), aor},
                         {QStringLiteral("expires"), qint64(status.expires)}};
        if (!contact.isEmpty())
            event.append({QStringLiteral("contact"), contact});
        return event;
    }
    case sip::RegistrationState::Failed: {
        JsonFields event{{QStringLiteral("event"), QStringLiteral("registration_failed")}};
        if (status.status > 0) {
            event.append({QStringLiteral("status"), status.status});
            event.append({QStringLiteral("reason"), QString::fromUtf8(status.reason)});
            if (!status.error.isEmpty())
                event.append({QStringLiteral("detail"), status.error});
        } else {
            event.append({QStringLiteral("error"),
                          status.error.isEmpty() ? QStringLiteral("no response") : status.error});
        }
        if (status.retryInMs >= 0)
            event.append({QStringLiteral("retry_in"), secondsFrom(status.retryInMs)});
        return event;
    }
    case sip::RegistrationState::Registering:
    case sip::RegistrationState::Unregistered:
        break;
    }
    return {};
}

JsonFields RegistrationPrinter::unregisteredEvent(const sip::RegistrationStatus &status)
{
    JsonFields event{{QStringLiteral("event"), QStringLiteral("unregistered")}};
    // A 2xx, or nothing to remove (never bound): the plain line.
    if (status.status >= 200 && status.status < 300)
        return event;
    if (status.status == 0 && status.error.isEmpty())
        return event;
    if (status.status > 0) {
        event.append({QStringLiteral("status"), status.status});
        event.append({QStringLiteral("reason"), QString::fromUtf8(status.reason)});
    }
    event.append({QStringLiteral("error"),
                  (status.error.isEmpty() ? QStringLiteral("the registrar refused the removal")
                                          : status.error) +
                      QStringLiteral("; the binding may stay until it expires")});
    return event;
}

JsonFields RegistrationPrinter::unregisterTimedOut(int seconds)
{
    return {{QStringLiteral("event"), QStringLiteral("unregistered")},
            {QStringLiteral("error"),
             QStringLiteral("no answer to the unregister within %1 s; the binding may stay "
                            "until it expires")
                 .arg(seconds)}};
}

void RegistrationPrinter::unregistered(const JsonFields &event)
{
    if (m_finished)
        return;
    m_finished = true;
    m_json.write(event);
}

void RegistrationPrinter::onStateChanged(const sip::RegistrationStatus &status)
{
    if (m_finished)
        return;
    const JsonFields event = eventFor(status, m_aor, QString::fromUtf8(m_registration.contact()));
    if (event.isEmpty())
        return;
    m_json.write(event);
    if (status.state != sip::RegistrationState::Failed)
        return;
    const QString why = status.status > 0
                            ? QStringLiteral("%1 %2%3")
                                  .arg(status.status)
                                  .arg(QString::fromUtf8(status.reason),
                                       status.error.isEmpty()
                                           ? QString()
                                           : QStringLiteral(" (") + status.error + QLatin1Char(')'))
                            : status.error;
    m_err << "tidings-cli: "
          << tr("registration of %1 failed: %2; trying again in %3 s")
                 .arg(m_aor, why)
                 .arg(secondsFrom(qMax<qint64>(0, status.retryInMs)))
          << Qt::endl;
}

} // namespace tidings
