// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tidings {

// What an import did.
struct ImportReport
{
    int added = 0;
    // Already in the store (same uid, or the same incoming request).
    int duplicates = 0;
    int failed = 0;
    // The first few reasons for failed messages, in words.
    QStringList problems;
};

} // namespace tidings
