// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AccountStatus.h"
#include "ua/Registration.h"

#include <QCoreApplication>

namespace tidings {

// Turns a registration's state into an AccountStatus in words: the SIP
// status and the transport's error become the reason a user can act on
// (wrong password, server unreachable, certificate not trusted), the raw
// text stays in `detail`.
class RegistrationWords
{
    Q_DECLARE_TR_FUNCTIONS(RegistrationWords)

public:
    static AccountStatus describe(qint64 accountId, const sip::RegistrationStatus &status);
    // The problem of a failed registration in words.
    static QString problem(int sipStatus, const QString &error);
    // "Online", "Connecting…", "Failed: wrong password (retrying in 2 min)".
    static QString summary(const AccountStatus &status);
    // "in 45 s", "in 3 min", "in 2 h".
    static QString inDuration(qint64 ms);
};

} // namespace tidings
