// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// A person in an account's address book. key is the ContactKey of uri,
// computed by the store; it is unique per account.
struct Contact
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString uri;
    QString key;
    QString displayName;
    QString notes;
    bool favourite = false;
    bool blocked = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace tidings
