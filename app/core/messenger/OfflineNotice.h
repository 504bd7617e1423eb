// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tidings {

// The prefix Kamailio's msilo module puts before a stored-and-forwarded
// MESSAGE body when add_date is 1 (its default):
//
//     "[Offline message - " + ctime(&stored)[0..24) + "] " + original body
//
// e.g. "[Offline message - Sun Nov 29 00:18:54 2026] see you at 8". ctime()
// writes the day of the month space-padded ("Mon Nov  2 ..."), in the time
// zone of the Kamailio host, with no zone name. msilo sends the same instant
// in the request's Date header (RFC 3261 §20.17, always GMT), so:
//   - with a Date header that differs from the prefix by a whole time-zone
//     offset (a multiple of 15 minutes, at most 14 hours), the Date header
//     gives the exact instant;
//   - otherwise the prefix is read as UTC. That is an assumption: on a
//     server whose clock runs in another zone the time is off by that zone's
//     offset, and nothing in the message can tell.
// Only a prefix exactly in msilo's shape is taken away; anything else (a
// missing bracket, an impossible date, a weekday that does not match the
// date, another case) leaves the body as it is. Anyone can type this prefix
// into a message, so the result is a display aid, not proof of origin.
class OfflineNotice
{
public:
    // True when the body carried msilo's prefix.
    bool found = false;
    // The body without the prefix (the whole body when none was found).
    QString body;
    // When msilo stored the message (UTC); invalid when none was found.
    QDateTime storedAt;

    static OfflineNotice parse(const QString &body, const QDateTime &dateHeader = {});

    // "[Offline message - " — the part before the date.
    static QString opening();
};

} // namespace tidings
