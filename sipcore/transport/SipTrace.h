// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every SIP message sent and received, as debug output of the logging
// category "tidings.sip.trace" (off by default; enable with
// QT_LOGGING_RULES="tidings.sip.trace.debug=true").

#include <QLoggingCategory>

namespace sip {

Q_DECLARE_LOGGING_CATEGORY(lcSipTrace)
// Warnings and debug output of the transport layer itself.
Q_DECLARE_LOGGING_CATEGORY(lcTransport)

} // namespace sip
