// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryState.h"

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
    // The display name the peer's last MESSAGE carried in From (empty: none).
    QString peerDisplayName;

    // From the address book: the contact for peerKey on this account (0: none).
    qint64 contactId = 0;
    QString contactName;
    bool blocked = false;

    // The newest message (lastMessageId 0: none): the start of its text,
    // its direction and state, for a conversation list's preview line.
    qint64 lastMessageId = 0;
    QString lastMessagePreview;
    Direction lastDirection = Direction::Incoming;
    DeliveryState lastState = DeliveryState::Received;

    // What to call the peer: the contact's name, else the name they gave.
    QString name() const { return !contactName.isEmpty() ? contactName : peerDisplayName; }
};

} // namespace tidings
