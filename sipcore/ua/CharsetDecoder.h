// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns a MESSAGE body into exact Unicode by its charset (RFC 3428 §9,
// RFC 2046 §4.1.2): UTF-8, UTF-16 (BOM or BE/LE), ISO-8859-1 and US-ASCII
// with Qt (6.4's QStringDecoder knows no more), every other charset through
// the platform converter (iconv). Invalid bytes become U+FFFD, never dropped.

#include <QByteArray>
#include <QString>

#include <optional>

namespace sip {

class CharsetDecoder
{
public:
    // The decoded text, or nullopt when the charset is unknown here (the
    // UAS answers 415). An empty charset means the text/* default, which
    // RFC 3428 §9 makes UTF-8 for SIP MESSAGE bodies.
    static std::optional<QString> decode(const QByteArray &body, const QByteArray &charset);
    static bool isSupported(const QByteArray &charset);
};

} // namespace sip
