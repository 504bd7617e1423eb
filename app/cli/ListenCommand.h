// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli listen`: receives instant messages for one address and
// prints each as a JSON line (docs/CLI.md contract), until SIGINT/SIGTERM.

#include "CliOptions.h"

#include <QTextStream>

namespace tidings {

class ListenCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListenCommand)

public:
    static int run(const ListenOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace tidings
