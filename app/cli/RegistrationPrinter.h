// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli listen --register`: the registration's changes of state as
// the JSON lines of the contract (docs/CLI.md):
//
//   {"event":"registered","aor":...,"expires":N,"contact":...}
//       on each successful registration and on each refresh;
//   {"event":"registration_failed","status":401,"reason":"...","detail":"...","retry_in":N}
//       on each failure with a final response, or
//   {"event":"registration_failed","error":"<why>","retry_in":N}
//       when none came (timeout, transport or TLS failure); another attempt
//       follows after retry_in seconds;
//   {"event":"unregistered"} once, at the end ("status"/"reason" and
//       "error" added when the registrar did not confirm the removal).
//
// Failures are also told on stderr in words, for a person watching.

#include "JsonLines.h"
#include "ua/Registration.h"

#include <QCoreApplication>
#include <QObject>
#include <QTextStream>

namespace tidings {

class RegistrationPrinter : public QObject
{
    Q_OBJECT
public:
    RegistrationPrinter(sip::Registration &registration, JsonLines &json, QTextStream &err,
                        QString aor, QObject *parent = nullptr);

    // The line for a change of state; empty for the states not printed
    // (registering, and unregistered, which unregistered() prints).
    static JsonFields eventFor(const sip::RegistrationStatus &status, const QString &aor,
                               const QString &contact);
    // The final line for the outcome unregister() reported.
    static JsonFields unregisteredEvent(const sip::RegistrationStatus &status);
    // The final line when no outcome came within `seconds`.
    static JsonFields unregisterTimedOut(int seconds);

    // Prints the final line (once; later calls do nothing).
    void unregistered(const JsonFields &event);
    bool finished() const { return m_finished; }

private:
    void onStateChanged(const sip::RegistrationStatus &status);

    sip::Registration &m_registration;
    JsonLines &m_json;
    QTextStream &m_err;
    QString m_aor;
    bool m_finished = false;
};

} // namespace tidings
