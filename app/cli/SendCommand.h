// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli send`: sends one instant message and prints its outcome as a
// JSON line; the exit status says delivered (0), refused (1) or no answer (3).

#include "CliOptions.h"

#include <QTextStream>

namespace tidings {

class SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(SendCommand)

public:
    static int run(const SendOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace tidings
