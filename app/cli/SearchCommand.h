// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli search`: full-text search over a profile's history, the best
// matches first, as JSON lines with a snippet (docs/CLI.md, "tidings-cli
// contract"). QUERY is the user's words, never FTS5 syntax (SearchQuery).
// Read-only, like `history`.

#include "CliOptions.h"

#include <QTextStream>

namespace tidings {

class SearchCommand
{
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)

public:
    static int run(const SearchOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace tidings
