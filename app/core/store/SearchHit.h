// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoredMessage.h"

#include <QString>

namespace tidings {

// One search result.
struct SearchHit
{
    StoredMessage message;
    // An excerpt with the matches in [brackets].
    QString snippet;
    // bm25 score: lower is better (0 for substring-only matches, which are
    // returned newest first).
    double rank = 0;
};

} // namespace tidings
