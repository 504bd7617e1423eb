// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryState.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tidings {

// A message as the store holds it (one row of messages).
struct StoredMessage
{
    qint64 id = 0;
    // 16 bytes (a UUID) that identify the message across exports and imports.
    QByteArray uid;
    qint64 accountId = 0;
    qint64 conversationId = 0;
    // The conversation's ContactKey text and the peer's URI as this message
    // saw it (From for incoming, the request URI / To for outgoing).
    QString peerKey;
    QString peerUri;
    Direction direction = Direction::Incoming;
    QString body;
    QString contentType;
    QString callId;
    QString fromTag;
    qint64 cseq = 0;
    // The conversation order: received for incoming, written for outgoing.
    QDateTime time;
    // Written (outgoing) or the sender's original time (incoming, e.g. the
    // date of a stored-and-forwarded offline message); invalid when unknown.
    QDateTime sentAt;
    QDateTime receivedAt;
    // The Date header of the request, when it had one.
    QDateTime serverDate;
    DeliveryState state = DeliveryState::Received;
    // Final response of the last attempt (outgoing), 0 when none.
    int statusCode = 0;
    QString reason;
    bool read = false;
    // Stored and forwarded by the server while we were offline (msilo).
    bool deliveredLate = false;
};

} // namespace tidings

Q_DECLARE_METATYPE(tidings::StoredMessage)
