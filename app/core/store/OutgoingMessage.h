// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// A message the user wrote, to put in the outbox (state Queued).
struct OutgoingMessage
{
    qint64 accountId = 0;
    QString peerUri;
    QString body;
    QString contentType = QStringLiteral("text/plain");
    // When it was written; the current time when invalid.
    QDateTime writtenAt;
};

} // namespace tidings
