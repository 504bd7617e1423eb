// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PageCursor.h"
#include "StoredMessage.h"

#include <QList>

namespace tidings {

// One page of a conversation (MessageStore::page).
struct MessagePage
{
    // Newest first.
    QList<StoredMessage> messages;
    // Where the next (older) page starts; null when there is none.
    PageCursor next;

    bool hasMore() const { return !next.isNull(); }
};

} // namespace tidings
