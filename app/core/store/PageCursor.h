// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoredMessage.h"

namespace tidings {

// A position in a conversation, newest first: the (time, id) of the last
// message of the previous page. Stable while messages arrive (they sort
// after it) and while older pages are read. A null cursor starts at the
// newest message.
struct PageCursor
{
    qint64 timeMs = 0;
    qint64 id = 0;

    bool isNull() const { return id == 0; }
    static PageCursor after(const StoredMessage &message)
    {
        return {message.time.toMSecsSinceEpoch(), message.id};
    }
};

} // namespace tidings
