// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Date header's rfc1123-date (RFC 3261 §20.17): always GMT, e.g.
// "Sat, 13 Nov 2010 23:29:00 GMT".

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace sip {

std::optional<QDateTime> parseSipDate(QByteArrayView text);
QByteArray formatSipDate(const QDateTime &time);

} // namespace sip
