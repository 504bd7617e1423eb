// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli import FILE`: reads a JSON export of `tidings-cli export`
// into the profile and prints one line (docs/CLI.md, "tidings-cli contract"):
// {"event":"import","file":...,"added":N,"skipped":M,"failed":F}
// ("skipped": already in the profile, by the message's uid; "problems": the
// first reasons when some failed). The file is checked before the profile is
// opened, so a file that is not an export leaves the profile untouched (not
// even created). The profile is opened for writing: refused while another
// program (listen, the GUI) writes it; a profile directory or database that
// does not exist yet is created, as `listen` does.

#include "CliOptions.h"

#include <QTextStream>

namespace tidings {

class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static int run(const ImportOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace tidings
