// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hard limits of the message layer. Input beyond a limit is rejected with a
// precise error; nothing is buffered without bound.

#include <QtGlobal>

namespace sip::limits {

// RFC 3261 §18.1.1: a request within 200 bytes of the path MTU (1500), or
// larger than 1300 bytes when the MTU is unknown, MUST go over a
// congestion-controlled transport. The transport layer applies this rule.
inline constexpr qsizetype kUdpMtuRule = 1300;

// Largest UDP payload (IPv4: 65535 - 20 IP - 8 UDP header). A datagram can
// never be larger, so this also caps what the datagram parser accepts.
inline constexpr qsizetype kMaxDatagramSize = 65507;

// RFC 3428 §8: MESSAGE bodies larger than 1300 bytes need a congestion-
// controlled path; Tidings accepts up to this many body bytes on a stream
// (TCP/TLS). Larger bodies are refused before they are buffered.
inline constexpr qsizetype kMaxStreamBodySize = 1024 * 1024;

// Header section (start line + headers + blank line) of one message. Real
// messages stay under 4 KiB; 64 KiB leaves room for long Route sets and
// several digest headers while bounding a garbage stream.
inline constexpr qsizetype kMaxHeaderSectionSize = 64 * 1024;

// One header field after unfolding (long Authorization or Route headers are
// a few KiB at most).
inline constexpr qsizetype kMaxHeaderLineLength = 16 * 1024;

// Header fields in one message; a message with more is rejected (no
// legitimate UA needs more, and the header index stays bounded).
inline constexpr int kMaxHeaderCount = 256;

// Via values in one message (a proxy chain longer than this is a loop that
// Max-Forwards would have stopped long before).
inline constexpr int kMaxViaCount = 70;

// RFC 3261 §8.1.1.5: CSeq sequence number MUST be less than 2**31.
inline constexpr quint32 kMaxCSeq = 0x7fffffffu;

// RFC 3261 §20.19: Expires values larger than 2**32-1 are treated as that.
inline constexpr quint32 kMaxExpires = 0xffffffffu;

} // namespace sip::limits
