// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// A received MESSAGE to store. callId, fromTag and cseq identify the request
// (RFC 3261 §8.2.2.2, §17.2.3): the same triple from the same account is
// stored once. A request from an RFC 2543 UA without a From tag leaves
// fromTag empty; Call-ID and CSeq still identify it.
struct IncomingMessage
{
    qint64 accountId = 0;
    // The From URI as received.
    QString peerUri;
    QString body;
    QString contentType = QStringLiteral("text/plain");
    QString callId;
    QString fromTag;
    qint64 cseq = 0;
    // When it arrived; the current time when invalid.
    QDateTime receivedAt;
    // The sender's original time when known (an offline message's date).
    QDateTime sentAt;
    // The request's Date header, when present.
    QDateTime serverDate;
    bool deliveredLate = false;
    // The display name in From, if any: it names the conversation
    // (Conversation::peerDisplayName), saved in the same transaction.
    QString peerDisplayName;
};

} // namespace tidings
