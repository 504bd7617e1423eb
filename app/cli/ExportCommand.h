// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli export`: all history, or the conversations with one contact,
// as the store's JSON export ("format":"tidings-history", which `import`
// reads back) or as plain text (docs/CLI.md, "tidings-cli contract"). It opens
// the database read-only, like `history`, so it works while a writer runs.
// --output FILE is written as FILE.partial and renamed once complete: a
// failed export never leaves a half file under the real name, and an
// existing FILE is never replaced.

#include "CliOptions.h"

#include <QTextStream>

namespace tidings {

class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static int run(const ExportOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace tidings
