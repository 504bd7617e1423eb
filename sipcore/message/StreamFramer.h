// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Splits a TCP/TLS byte stream into SIP messages (RFC 3261 §18.3: the
// Content-Length header frames each message on a stream) and recognises the
// CRLF keep-alives of RFC 5626 §4.4.1 between messages ("\r\n\r\n" ping,
// "\r\n" pong). A CRLF that ends the buffer is reported as a pong at once; if
// another CRLF follows it, that one completes a ping split across two reads
// and is reported as a ping (answering it with a pong is always harmless). Memory stays bounded: a
// header section larger than kMaxHeaderSectionSize or a body larger than kMaxStreamBodySize is an
// error, after which the stream cannot be re-synchronised and must be closed.

#include "ParseError.h"

#include <QByteArray>

namespace sip {

class StreamFramer
{
public:
    enum class Kind : quint8
    {
        NeedMore, // feed more bytes
        Message,  // `bytes` holds exactly one message (parse with Framing::Stream)
        Ping,     // CRLFCRLF keep-alive: answer with a CRLF pong
        Pong,     // CRLF keep-alive answer
        Error     // fatal framing error: close the connection
    };

    struct Frame
    {
        Kind kind = Kind::NeedMore;
        QByteArray bytes; // the message, or for errors the header section if known
        ParseError error;
    };

    // Appends received bytes. Never fails: limits are enforced by next().
    void append(QByteArrayView data);
    // The next frame, or NeedMore. After an Error every call returns it again.
    Frame next();
    // Bytes received but not yet returned as frames.
    qsizetype buffered() const { return m_buffer.size() - m_offset; }
    bool hasFailed() const { return m_failed.kind == Kind::Error; }

private:
    Frame failWith(ParseError::Code code, QByteArrayView detail, QByteArray header = {});
    void consume(qsizetype n);

    QByteArray m_buffer;
    qsizetype m_offset = 0;       // start of the current message in m_buffer
    qsizetype m_scan = 0;         // where the search for the header end resumes
    qsizetype m_headerEnd = -1;   // end of the current header section, once found
    qsizetype m_messageSize = -1; // header section + Content-Length, once known
    bool m_loneCrlf = false;      // the last frame was a CRLF that ended the buffer
    Frame m_failed;
};

} // namespace sip
