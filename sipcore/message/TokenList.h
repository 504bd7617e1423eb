// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Comma-separated token lists: Allow, Supported, Require, Unsupported,
// Proxy-Require (RFC 3261 §20.5, §20.32, §20.37, §20.40, §20.29). An empty
// value is a valid empty list.

#include <QByteArray>
#include <QList>

#include <optional>

namespace sip {

std::optional<QList<QByteArray>> parseTokenList(QByteArrayView text, const char **why = nullptr);

} // namespace sip
