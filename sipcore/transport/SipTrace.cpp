// SPDX-License-Identifier: GPL-3.0-or-later
#include "SipTrace.h"

namespace sip {

Q_LOGGING_CATEGORY(lcSipTrace, "tidings.sip.trace", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransport, "tidings.sip.transport", QtInfoMsg)

} // namespace sip
