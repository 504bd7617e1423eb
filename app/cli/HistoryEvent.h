// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JSON line `tidings-cli history` and `tidings-cli search` print for one
// stored message (docs/CLI.md, "tidings-cli contract"):
// {"event":"history","id":42,"direction":"in","peer":"sip:alice@...",
//  "contact":"Alice","body":"...","content_type":"text/plain",
//  "state":"received","call_id":"...","time":"2026-01-01T12:00:00.000Z"}
// In this order:
//   contact         the contact's display name, left out when there is none;
//   status, reason  the final response of the last attempt (outgoing), each
//                   left out when there is none (a failure without any
//                   response has only a reason);
//   call_id         empty for an outgoing message not sent yet;
//   time            received for "in", written for "out";
//   sent_at         incoming only: the sender's original time when known (a
//                   stored-and-forwarded message); left out otherwise;
//   delivered_late  true for a message the server stored while we were
//                   offline (left out otherwise);
//   snippet         search only: an excerpt with the matches in [brackets].

#include "store/StoredMessage.h"

#include <QByteArray>
#include <QString>

namespace tidings {

class HistoryEvent
{
public:
    static constexpr QLatin1StringView eventName{"history"};

    // One JSON object (UTF-8, no line break). `contactName` empty: no
    // "contact" field; `snippet` null: no "snippet" field.
    static QByteArray format(const StoredMessage &message, const QString &contactName = {},
                             const QString *snippet = nullptr);
};

} // namespace tidings
