// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tidings {

// Where an account stands, for the people using it: a value the GUI shows as
// it is (status bar, account menu) and tidings-cli prints.
struct AccountStatus
{
    enum class State
    {
        Disabled,    // switched off by the user: nothing is sent or received
        Offline,     // not started yet, or stopped
        Connecting,  // the first REGISTER (or one after a failure) is under way
        Online,      // registered, or listening without a server
        Failed,      // the last attempt failed; `retryInMs` says when the next one goes
        NeedsSecret, // the password is not known (the keychain did not give it)
    };

    qint64 accountId = 0;
    State state = State::Offline;
    // What happened, in words a user understands ("Wrong user name or
    // password", "Server unreachable", "The server's certificate is not
    // trusted"); empty while everything is fine.
    QString problem;
    // The technical detail behind `problem` (the SIP status and reason, the
    // transport's error), for the curious and for bug reports.
    QString detail;
    // The final SIP response behind the state; 0 when none came.
    int sipStatus = 0;
    // Failed: milliseconds until the next attempt; -1 when none is planned.
    qint64 retryInMs = -1;
    // Online: the seconds the registrar granted (0 without a registration).
    quint32 expires = 0;
    // The addresses others reach this account at: the AOR with a registrar;
    // without one, sip:user@host:port of the local sockets.
    QStringList reachableAt;

    bool isOnline() const { return state == State::Online; }
};

} // namespace tidings

Q_DECLARE_METATYPE(tidings::AccountStatus)
