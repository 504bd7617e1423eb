// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamFramer.h"

#include "HeaderName.h"
#include "Lex.h"
#include "Limits.h"

#include <cstring>

namespace sip {
namespace {

using Code = ParseError::Code;

// Finds the Content-Length (or "l") field in a complete header section.
// Returns -1 when absent, -2 when malformed or given twice with different
// values.
qint64 findContentLength(QByteArrayView head)
{
    qint64 found = -1;
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype eol = head.indexOf('\n', pos);
        if (eol < 0)
            eol = head.size();
        QByteArrayView line = head.sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.isEmpty() || line.front() == ' ' || line.front() == '\t')
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = lex::trimmed(line.first(colon));
        if (!lex::isToken(name) || lookupHeader(name) != HeaderId::ContentLength)
            continue;
        const auto v = lex::parseUnsigned(lex::trimmed(line.sliced(colon + 1)), 0x7fffffff);
        if (!v || (found >= 0 && qint64(*v) != found))
            return -2;
        found = qint64(*v);
    }
    return found;
}

} // namespace

void StreamFramer::append(QByteArrayView data)
{
    if (hasFailed())
        return;
    m_buffer.append(data);
}

void StreamFramer::consume(qsizetype n)
{
    m_offset += n;
    m_scan = m_offset;
    m_headerEnd = -1;
    m_messageSize = -1;
    // Drop consumed bytes once they dominate the buffer.
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = m_scan = 0;
    } else if (m_offset > 64 * 1024 && m_offset * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = m_scan = 0;
    }
}

StreamFramer::Frame StreamFramer::failWith(Code code, QByteArrayView detail, QByteArray header)
{
    m_failed.kind = Kind::Error;
    m_failed.error = ParseError::make(code, {}, detail);
    m_failed.bytes = std::move(header);
    m_buffer.clear();
    m_offset = m_scan = 0;
    return m_failed;
}

StreamFramer::Frame StreamFramer::next()
{
    if (hasFailed())
        return m_failed;
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();

    if (m_headerEnd < 0) {
        // Keep-alives between messages (RFC 5626 §4.4.1).
        const qsizetype avail = size - m_offset;
        if (avail >= 1 && data[m_offset] != '\r')
            m_loneCrlf = false;
        if (avail >= 1 && data[m_offset] == '\r') {
            if (avail < 2)
                return {};
            const char *p = data + m_offset;
            if (p[1] == '\n') {
                if (avail >= 4 && p[2] == '\r' && p[3] == '\n') {
                    m_loneCrlf = false;
                    consume(4);
                    return {Kind::Ping, {}, {}};
                }
                if (avail == 3 && p[2] == '\r')
                    return {}; // may still become a ping
                // CRLF followed by anything else, or ending the buffer: a
                // pong. A CRLF right after a lone CRLF completes a ping that
                // arrived in two reads.
                const bool secondHalf = m_loneCrlf;
                m_loneCrlf = avail == 2;
                consume(2);
                return {secondHalf ? Kind::Ping : Kind::Pong, {}, {}};
            }
            // CR followed by something else is not a keep-alive: it is left
            // to the message parser, which rejects it.
        } else if (avail >= 1 && data[m_offset] == '\n') {
            consume(1); // stray LF between messages
            return next();
        }

        // Search for the empty line that ends the header section.
        qsizetype i = qMax(m_scan, m_offset);
        while (i < size) {
            const char *nl =
                static_cast<const char *>(std::memchr(data + i, '\n', size_t(size - i)));
            if (!nl)
                break;
            const qsizetype at = nl - data;
            if (at + 1 < size && data[at + 1] == '\n') {
                m_headerEnd = at + 2;
                break;
            }
            if (at + 2 < size && data[at + 1] == '\r' && data[at + 2] == '\n') {
                m_headerEnd = at + 3;
                break;
            }
            if (at + 2 >= size) {
                i = at; // undecided until more bytes arrive
                break;
            }
            i = at + 1;
        }
        if (m_headerEnd < 0) {
            m_scan = i;
            if (size - m_offset > limits::kMaxHeaderSectionSize)
                return failWith(Code::TooLarge, "header section exceeds the limit");
            return {};
        }
        if (m_headerEnd - m_offset > limits::kMaxHeaderSectionSize)
            return failWith(Code::TooLarge, "header section exceeds the limit");
        const QByteArrayView head(data + m_offset, m_headerEnd - m_offset);
        const qint64 length = findContentLength(head);
        if (length == -1)
            return failWith(Code::MissingContentLength, "required on stream transports",
                            head.toByteArray());
        if (length < 0)
            return failWith(Code::BodyLengthMismatch, "invalid Content-Length", head.toByteArray());
        if (length > limits::kMaxStreamBodySize)
            return failWith(Code::TooLarge, "body exceeds the limit", head.toByteArray());
        m_messageSize = (m_headerEnd - m_offset) + length;
    }

    if (size - m_offset < m_messageSize)
        return {};
    Frame f;
    f.kind = Kind::Message;
    f.bytes = m_buffer.mid(m_offset, m_messageSize);
    consume(m_messageSize);
    return f;
}

} // namespace sip
