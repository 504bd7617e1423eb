// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// The messages exchanged with one peer (a ContactKey) on one account.
struct Conversation
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString peerKey;
    // The peer's URI as first seen.
    QString peerUri;
    QDateTime createdAt;
    // The time of the newest message (invalid when none).
    QDateTime lastMessageAt;
    int unreadCount = 0;
};

} // namespace tidings
