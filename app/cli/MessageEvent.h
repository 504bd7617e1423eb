// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The "message" event `listen` prints for every MESSAGE it accepts, as the
// CLI contract in docs/CLI.md spells it:
// {"event":"message","from":...,"from_display":...,"to":...,
//  "content_type":...,"body":...,"call_id":...,"transport":...,
//  "remote":"127.0.0.1:40123","received_at":"2026-01-01T12:00:00.000Z"}

#include "ua/UserAgent.h"

#include <QByteArray>

namespace tidings {

// One JSON object (UTF-8, no line break). from_display is left out when the
// From header has no display name; IPv6 remotes read "[::1]:40123".
QByteArray messageEvent(const sip::IncomingMessage &message, qint64 receivedAtMsecsSinceEpoch);

} // namespace tidings
