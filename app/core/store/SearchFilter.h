// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// Narrows a search. Every field is optional.
struct SearchFilter
{
    // Only this account (0: all).
    qint64 accountId = 0;
    // Only the conversation(s) with this contact, by ContactKey.
    QString peerUri;
    // Only messages whose conversation time is in [from, until).
    QDateTime from;
    QDateTime until;
    int limit = 50;
    int offset = 0;
    // The last word also matches as a prefix (searching as you type).
    bool matchPrefix = false;
    // Ranking window: the this-many most recently stored matches are ranked
    // by bm25 and the best returned, so a search costs about the same on a
    // year of history as on ten. 0 ranks every match (exact, slower for
    // common words).
    int candidateLimit = 5000;
};

} // namespace tidings
