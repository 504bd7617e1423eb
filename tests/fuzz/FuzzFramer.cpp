// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the TCP/TLS stream framer. The first input byte picks a
// chunk size; the rest is the stream. Property: feeding the stream in chunks
// yields the same messages, in the same order, as feeding it at once, and
// the framer never holds more than its limits allow.

#include "message/Limits.h"
#include "message/Parser.h"
#include "message/StreamFramer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace sip;

namespace {

struct Outcome
{
    QList<QByteArray> messages;
    bool failed = false;
};

Outcome frame(QByteArrayView stream, qsizetype chunk)
{
    Outcome out;
    StreamFramer framer;
    for (qsizetype i = 0; i < stream.size() && !out.failed; i += chunk) {
        framer.append(stream.sliced(i, qMin(chunk, stream.size() - i)));
        if (framer.buffered() > limits::kMaxHeaderSectionSize + limits::kMaxStreamBodySize + chunk)
            std::abort();
        for (;;) {
            const StreamFramer::Frame f = framer.next();
            if (f.kind == StreamFramer::Kind::NeedMore)
                break;
            if (f.kind == StreamFramer::Kind::Error) {
                out.failed = true;
                break;
            }
            if (f.kind == StreamFramer::Kind::Message) {
                const ParseResult r = Parser::parse(f.bytes, Parser::Framing::Stream);
                if (r.ok() && r.message.body().size() != r.message.contentLength())
                    std::abort();
                out.messages.append(f.bytes);
            }
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype chunk = 1 + data[0] % 64;
    const QByteArrayView stream(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const Outcome whole = frame(stream, qMax<qsizetype>(1, stream.size()));
    const Outcome pieces = frame(stream, chunk);
    if (whole.messages != pieces.messages || whole.failed != pieces.failed)
        std::abort();
    return 0;
}
