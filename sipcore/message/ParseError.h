// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What went wrong while parsing or framing a SIP message, precisely enough
// for the layer above to answer 400 (or 505/413) with a useful reason phrase.

#include <QByteArray>
#include <QString>

namespace sip {

struct ParseError
{
    enum class Code : quint8
    {
        None,
        Empty,                // no bytes, or only CRLFs
        TooLarge,             // over a limit of sip::limits
        TooManyHeaders,       // more than kMaxHeaderCount fields
        LineTooLong,          // a header field over kMaxHeaderLineLength
        Incomplete,           // header section not terminated by an empty line
        BadStartLine,         // malformed request or status line
        BadVersion,           // SIP version other than 2.0 (answer 505)
        BadHeaderLine,        // no colon, invalid header name, stray continuation
        BadHeaderValue,       // a header whose value does not follow its grammar
        MissingHeader,        // Via, From, To, Call-ID or CSeq absent
        DuplicateHeader,      // a single-valued header given twice
        CSeqMismatch,         // CSeq method differs from the request method
        MissingContentLength, // stream transports require it (§18.3)
        BodyTruncated,        // fewer body bytes than Content-Length (§18.3)
        BodyLengthMismatch,   // stream message whose framing disagrees
    };

    Code code = Code::None;
    QByteArray header; // canonical name of the header concerned, if any
    QByteArray detail; // why, in a few words
    // True when the message is a request whose Via, From, To, Call-ID and
    // CSeq were found, so a response can be built and routed (§8.2.6).
    bool respondable = false;

    bool isError() const { return code != Code::None; }
    // Status code a UAS should answer with (400, 413 or 505).
    int suggestedStatus() const;
    // A reason phrase for that response, e.g. "Malformed Via header (missing
    // branch)". Never contains CR or LF.
    QByteArray reasonPhrase() const;
    // The same in words for logs and users.
    QString message() const { return QString::fromUtf8(reasonPhrase()); }

    static ParseError make(Code code, QByteArrayView header = {}, QByteArrayView detail = {})
    {
        ParseError e;
        e.code = code;
        e.header = header.toByteArray();
        e.detail = detail.toByteArray();
        return e;
    }
};

} // namespace sip
