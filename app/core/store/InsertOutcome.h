// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreError.h"

namespace tidings {

// What storing one incoming message did. Stored and Duplicate both mean the
// message is durably in the store (answer 2xx); Failed means it is not
// (answer 500 with Retry-After) and error says why, with SQLite's text.
struct InsertOutcome
{
    enum class Kind
    {
        Stored,
        Duplicate, // the same request was stored before; id is that row
        Failed,
    };

    Kind kind = Kind::Failed;
    qint64 id = 0;
    StoreError error;

    bool isStored() const { return kind != Kind::Failed; }
};

} // namespace tidings
