// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bytes in, a Message (or a precise error) out. Pure: no sockets, no state.

#include "Message.h"
#include "ParseError.h"

namespace sip {

struct ParseResult
{
    // On success the parsed message. On error, whatever parsed before and
    // around the error (start line, header index, eager headers that were
    // well-formed), so a 400 can be built when error.respondable is true.
    Message message;
    ParseError error;

    bool ok() const { return !error.isError(); }
};

class Parser
{
public:
    enum class Framing : quint8
    {
        // RFC 3261 §18.3 datagram rules: bytes beyond Content-Length are
        // dropped; fewer than Content-Length is an error; without
        // Content-Length the body runs to the end of the datagram.
        Datagram,
        // One message cut from a stream by StreamFramer: Content-Length is
        // mandatory and must match exactly.
        Stream
    };

    // `bytes` must stay unmodified while the message (or a copy) lives; it
    // is shared, not copied (QByteArray::fromRawData works for zero-copy).
    static ParseResult parse(const QByteArray &bytes, Framing framing = Framing::Datagram);
    static ParseResult parseDatagram(const QByteArray &bytes)
    {
        return parse(bytes, Framing::Datagram);
    }

private:
    static void parseInto(ParseResult &result, const QByteArray &bytes, Framing framing);
};

} // namespace sip
