// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParseError.h"

namespace sip {

int ParseError::suggestedStatus() const
{
    switch (code) {
    case Code::BadVersion:
        return 505; // RFC 3261 §8.2.2 / §21.5.20
    case Code::TooLarge:
        return 513; // Message Too Large (§21.5.19)
    default:
        return 400;
    }
}

QByteArray ParseError::reasonPhrase() const
{
    QByteArray out;
    switch (code) {
    case Code::None:
        return "OK";
    case Code::Empty:
        out = "Empty message";
        break;
    case Code::TooLarge:
        out = "Message too large";
        break;
    case Code::TooManyHeaders:
        out = "Too many header fields";
        break;
    case Code::LineTooLong:
        out = "Header field too long";
        break;
    case Code::Incomplete:
        out = "Header section not terminated";
        break;
    case Code::BadStartLine:
        out = "Malformed start line";
        break;
    case Code::BadVersion:
        out = "SIP version not supported";
        break;
    case Code::BadHeaderLine:
        out = "Malformed header line";
        break;
    case Code::BadHeaderValue:
        out = "Malformed " + header + " header";
        break;
    case Code::MissingHeader:
        out = "Missing " + header + " header";
        break;
    case Code::DuplicateHeader:
        out = "Duplicate " + header + " header";
        break;
    case Code::CSeqMismatch:
        out = "CSeq method does not match the request method";
        break;
    case Code::MissingContentLength:
        out = "Missing Content-Length header";
        break;
    case Code::BodyTruncated:
        out = "Body shorter than Content-Length";
        break;
    case Code::BodyLengthMismatch:
        out = "Body length does not match Content-Length";
        break;
    }
    if (!detail.isEmpty())
        out += " (" + detail + ")";
    // A reason phrase is TEXT-UTF8 without CR/LF (RFC 3261 §25.1).
    for (char &c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    return out;
}

} // namespace sip
