// SPDX-License-Identifier: GPL-3.0-or-later
#include "Parser.h"

#include "Lex.h"
#include "Limits.h"

#include <cstring>

namespace sip {
namespace {

using Code = ParseError::Code;

bool isSipVersion(QByteArrayView v)
{
    return lex::iequals(v, kSipVersion);
}

// "SIP/" 1*DIGIT "." 1*DIGIT with another version number (answer 505).
bool isOtherSipVersion(QByteArrayView v)
{
    if (v.size() < 7 || !lex::iequals(v.first(4), "SIP/"))
        return false;
    const QByteArrayView num = v.sliced(4);
    const qsizetype dot = num.indexOf('.');
    if (dot <= 0 || dot == num.size() - 1)
        return false;
    for (qsizetype i = 0; i < num.size(); ++i) {
        if (i != dot && !lex::isDigit(num[i]))
            return false;
    }
    return true;
}

} // namespace

ParseResult Parser::parse(const QByteArray &bytes, Framing framing)
{
    ParseResult r; // filled in place: a Message is large, so no copies
    parseInto(r, bytes, framing);
    return r;
}

// Friend of Message: fills its private state directly.
void Parser::parseInto(ParseResult &r, const QByteArray &bytes, Framing framing)
{
    Message &m = r.message;
    m.m_wire = bytes;
    const char *const begin = bytes.constData();
    const char *const end = begin + bytes.size();
    const auto fail = [&r](ParseError e) { r.error = std::move(e); };

    if (bytes.size() > (framing == Framing::Datagram
                            ? limits::kMaxDatagramSize
                            : limits::kMaxHeaderSectionSize + limits::kMaxStreamBodySize))
        return fail(ParseError::make(Code::TooLarge));

    // RFC 3261 §7.5: CRLFs before the start line are ignored.
    const char *p = begin;
    while (p < end && (*p == '\r' || *p == '\n'))
        ++p;
    if (p == end)
        return fail(ParseError::make(Code::Empty));

    // Start line.
    const char *eol = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
    if (!eol)
        return fail(ParseError::make(Code::Incomplete, {}, "no end of the start line"));
    {
        QByteArrayView line(p, eol - p);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > 4 && lex::iequals(line.first(4), "SIP/")) {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
            m.m_kind = Message::Kind::Response;
            const qsizetype sp = lex::find(line, ' ');
            const QByteArrayView version = sp < 0 ? line : line.first(sp);
            if (!isSipVersion(version))
                return fail(ParseError::make(isOtherSipVersion(version) ? Code::BadVersion
                                                                        : Code::BadStartLine,
                                             {}, "unsupported SIP version"));
            const QByteArrayView rest = sp < 0 ? QByteArrayView() : line.sliced(sp + 1);
            const QByteArrayView code = rest.first(qMin<qsizetype>(3, rest.size()));
            const auto status = lex::parseUnsigned(code, 699);
            if (code.size() != 3 || !status || *status < 100 || (rest.size() > 3 && rest[3] != ' '))
                return fail(ParseError::make(Code::BadStartLine, {}, "invalid status code"));
            m.m_status = int(*status);
            m.m_reason = rest.size() > 4 ? rest.sliced(4) : QByteArrayView();
        } else {
            // Request-Line = Method SP Request-URI SP SIP-Version
            m.m_kind = Message::Kind::Request;
            const qsizetype sp1 = lex::find(line, ' ');
            const qsizetype sp2 = sp1 < 0 ? -1 : lex::find(line, ' ', sp1 + 1);
            if (sp1 <= 0 || sp2 < 0 || lex::find(line, ' ', sp2 + 1) >= 0 || sp2 == sp1 + 1)
                return fail(ParseError::make(Code::BadStartLine, {},
                                             "expected Method SP Request-URI SP SIP-Version"));
            m.m_method = line.first(sp1);
            if (!lex::isToken(m.m_method))
                return fail(ParseError::make(Code::BadStartLine, {}, "invalid method"));
            m.m_methodId = methodFromName(m.m_method);
            const QByteArrayView version = line.sliced(sp2 + 1);
            if (!isSipVersion(version))
                return fail(ParseError::make(isOtherSipVersion(version) ? Code::BadVersion
                                                                        : Code::BadStartLine,
                                             {}, "unsupported SIP version"));
            const char *why = nullptr;
            auto uri = Uri::parse(line.sliced(sp1 + 1, sp2 - sp1 - 1), bytes, &why);
            if (!uri)
                return fail(ParseError::make(Code::BadStartLine, {},
                                             QByteArray("invalid Request-URI: ") + why));
            m.m_requestUri = std::move(*uri);
        }
    }
    p = eol + 1;

    // Header fields (RFC 3261 §7.3): name HCOLON value, folded lines joined.
    ParseError headerError;
    static_assert(int(HeaderId::Count_) <= 64);
    quint64 seen = 0; // bit per HeaderId present
    for (;;) {
        if (p >= end)
            return fail(ParseError::make(Code::Incomplete, {}, "no empty line after the headers"));
        if (*p == '\n') {
            ++p;
            break;
        }
        if (*p == '\r' && p + 1 < end && p[1] == '\n') {
            p += 2;
            break;
        }
        if (*p == ' ' || *p == '\t')
            return fail(
                ParseError::make(Code::BadHeaderLine, {}, "continuation line without a header"));
        const char *lineStart = p;
        eol = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        // Folding: a line break followed by SP/HTAB continues the field.
        while (eol && eol + 1 < end && (eol[1] == ' ' || eol[1] == '\t'))
            eol = static_cast<const char *>(std::memchr(eol + 1, '\n', size_t(end - eol - 1)));
        if (!eol)
            return fail(ParseError::make(Code::Incomplete, {}, "no empty line after the headers"));
        const char *lineEnd = eol;
        if (lineEnd > lineStart && lineEnd[-1] == '\r')
            --lineEnd;
        p = eol + 1;
        if (lineEnd - lineStart > limits::kMaxHeaderLineLength)
            return fail(ParseError::make(Code::LineTooLong));
        // field-name = token, then HCOLON = *( SP / HTAB ) ":" SWS
        const char *colon =
            static_cast<const char *>(std::memchr(lineStart, ':', size_t(lineEnd - lineStart)));
        if (!colon)
            return fail(ParseError::make(Code::BadHeaderLine, {}, "missing ':'"));
        const char *nameEnd = colon;
        while (nameEnd > lineStart && (nameEnd[-1] == ' ' || nameEnd[-1] == '\t'))
            --nameEnd;
        HeaderField f;
        f.name = QByteArrayView(lineStart, nameEnd - lineStart);
        f.id = lookupHeader(f.name); // a known name is a valid token
        if (f.id == HeaderId::Other && !lex::isToken(f.name))
            return fail(
                ParseError::make(Code::BadHeaderLine, {},
                                 f.name.isEmpty() ? "empty header name" : "invalid header name"));
        const char *v = colon + 1;
        const char *ve = lineEnd;
        while (v < ve && lex::isWs(*v))
            ++v;
        while (ve > v && lex::isWs(ve[-1]))
            --ve;
        f.value = QByteArrayView(v, ve - v);
        if (m.m_headers.size() >= limits::kMaxHeaderCount)
            return fail(ParseError::make(Code::TooManyHeaders));
        m.m_headers.append(f);
        if (f.id != HeaderId::Other) {
            seen |= 1ull << unsigned(f.id);
            ParseError e = m.indexField(f, false);
            if (e.isError() && !headerError.isError())
                headerError = std::move(e);
        }
    }

    // A request whose routing headers parsed can be answered with a 400.
    const auto has = [&seen](HeaderId id) { return (seen >> unsigned(id)) & 1u; };
    const auto respondable = [&] {
        return m.isRequest() && !m.m_vias.isEmpty() && has(HeaderId::From) && has(HeaderId::To) &&
               has(HeaderId::CallId) && has(HeaderId::CSeq);
    };
    const auto failAnswerable = [&](ParseError e) {
        e.respondable = respondable();
        return fail(std::move(e));
    };

    // Body framing (RFC 3261 §18.3, §20.14).
    const qsizetype available = end - p;
    if (m.m_contentLength >= 0) {
        if (m.m_contentLength > available)
            return failAnswerable(ParseError::make(Code::BodyTruncated));
        if (framing == Framing::Stream && m.m_contentLength != available)
            return failAnswerable(ParseError::make(Code::BodyLengthMismatch));
        m.m_body = QByteArrayView(p, m.m_contentLength);
    } else if (framing == Framing::Stream && !has(HeaderId::ContentLength)) {
        return failAnswerable(ParseError::make(Code::MissingContentLength));
    } else {
        m.m_body = QByteArrayView(p, available);
    }

    if (headerError.isError())
        return failAnswerable(std::move(headerError));
    // RFC 3261 §8.1.1: mandatory in every request and response.
    static constexpr HeaderId kMandatory[] = {HeaderId::Via, HeaderId::From, HeaderId::To,
                                              HeaderId::CallId, HeaderId::CSeq};
    for (HeaderId id : kMandatory) {
        if (!has(id))
            return failAnswerable(ParseError::make(Code::MissingHeader, canonicalHeaderName(id)));
    }
    if (m.isRequest() && m.m_cseq.method() != m.m_method)
        return failAnswerable(ParseError::make(Code::CSeqMismatch));
}

} // namespace sip
