// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A SIP request or response (RFC 3261 §7).
//
// A Message keeps the bytes it was parsed from (implicitly shared, never
// modified) and an ordered index of header fields as views into them.
// Parsing is two-tier:
//  - eager: the start line, every Via value, From, To, Call-ID, CSeq,
//    Max-Forwards, Content-Type and Content-Length are parsed into structures
//    by the parser, because the transaction and user-agent layers read them
//    from every message;
//  - on access: every other header (Contact, Route, Expires, Allow, the
//    authentication headers, ...) is parsed when its accessor is called.
// Unknown headers are kept verbatim and in order.
//
// Messages are also built and modified (for sending) with the mutators;
// added text lives in owned chunks, so the index stays a set of views.

#include "AuthHeader.h"
#include "CSeq.h"
#include "Contact.h"
#include "HeaderName.h"
#include "MediaType.h"
#include "Method.h"
#include "NameAddr.h"
#include "ParseError.h"
#include "Uri.h"
#include "Via.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QVarLengthArray>

#include <optional>

namespace sip {

// RFC 3261 §7.1: the only version this stack speaks.
inline constexpr QByteArrayView kSipVersion = "SIP/2.0";

struct HeaderField
{
    QByteArrayView name;  // as written (compact forms stay compact)
    QByteArrayView value; // trimmed; may contain folds (CRLF + WSP)
    HeaderId id = HeaderId::Other;
    quint16 source = 0; // 0: the parsed bytes; n: owned chunk n-1
};

class Message
{
public:
    using Headers = QVarLengthArray<HeaderField, 24>;
    using Vias = QVarLengthArray<Via, 3>;

    Message() = default;

    // New messages to fill in with the mutators.
    static Message request(QByteArrayView method, const Uri &requestUri);
    static Message response(int status, QByteArrayView reason = {});
    // RFC 3261 §21 default reason phrase for a status code ("" if unknown).
    static QByteArrayView defaultReason(int status);

    bool isValid() const { return m_kind != Kind::None; }
    bool isRequest() const { return m_kind == Kind::Request; }
    bool isResponse() const { return m_kind == Kind::Response; }

    // Start line.
    QByteArrayView methodName() const { return m_method; }
    Method method() const { return m_methodId; }
    const Uri &requestUri() const { return m_requestUri; }
    int statusCode() const { return m_status; }
    QByteArrayView reasonPhrase() const { return m_reason; }

    // Header fields in order.
    const Headers &headers() const { return m_headers; }
    // First value of a header (by id, so compact forms match), or empty.
    QByteArrayView header(HeaderId id) const;
    // By name: known names match their compact form too; others compare
    // case-insensitively.
    QByteArrayView header(QByteArrayView name) const;
    bool hasHeader(HeaderId id) const;
    bool hasHeader(QByteArrayView name) const;
    // Every field of that header, in order (one per header line).
    QList<QByteArrayView> headerValues(HeaderId id) const;
    QList<QByteArrayView> headerValues(QByteArrayView name) const;
    // First value with line folding replaced by single spaces (§7.3.1).
    QByteArray headerUnfolded(QByteArrayView name) const;

    // Eagerly parsed headers.
    const Vias &vias() const { return m_vias; }
    const Via &topVia() const;
    const NameAddr &from() const { return m_from; }
    const NameAddr &to() const { return m_to; }
    QByteArrayView callId() const { return m_callId; }
    const CSeq &cseq() const { return m_cseq; }
    int maxForwards() const { return m_maxForwards; } // -1 when absent
    // Invalid (isValid() false) when there is no Content-Type header.
    const MediaType &contentType() const { return m_contentType; }
    qint64 contentLength() const { return m_contentLength; } // -1 when absent
    QByteArrayView body() const { return m_body; }

    // Parsed on access; nullopt (with a reason in *why) when malformed.
    std::optional<QList<Contact>> contacts(const char **why = nullptr) const;
    std::optional<QList<NameAddr>> routes(const char **why = nullptr) const;
    std::optional<QList<NameAddr>> recordRoutes(const char **why = nullptr) const;
    std::optional<QList<NameAddr>> serviceRoutes(const char **why = nullptr) const;
    std::optional<QList<NameAddr>> paths(const char **why = nullptr) const;
    std::optional<quint32> expires(const char **why = nullptr) const;
    std::optional<quint32> minExpires(const char **why = nullptr) const;
    std::optional<QDateTime> date(const char **why = nullptr) const;
    std::optional<QList<QByteArray>> allow(const char **why = nullptr) const;
    std::optional<QList<QByteArray>> supported(const char **why = nullptr) const;
    std::optional<QList<QByteArray>> require(const char **why = nullptr) const;
    std::optional<QList<QByteArray>> proxyRequire(const char **why = nullptr) const;
    std::optional<QList<QByteArray>> unsupported(const char **why = nullptr) const;
    std::optional<QList<MediaType>> accept(const char **why = nullptr) const;
    std::optional<QList<AuthHeader>> wwwAuthenticate(const char **why = nullptr) const;
    std::optional<QList<AuthHeader>> proxyAuthenticate(const char **why = nullptr) const;
    std::optional<QList<AuthHeader>> authorization(const char **why = nullptr) const;
    std::optional<QList<AuthHeader>> proxyAuthorization(const char **why = nullptr) const;
    std::optional<AuthHeader> authenticationInfo(const char **why = nullptr) const;

    // Mutators. Values are header values without the name, e.g.
    // addHeader("Via", "SIP/2.0/UDP host;branch=z9hG4bK1"). Each returns
    // false (and leaves the message unchanged) when the value does not parse
    // as its header requires.
    bool addHeader(QByteArrayView name, QByteArrayView value);
    bool prependHeader(QByteArrayView name, QByteArrayView value);
    // Replaces every field of that header with one, at the first one's place.
    bool setHeader(QByteArrayView name, QByteArrayView value);
    // Removes every field of that header; returns how many were removed.
    int removeHeader(QByteArrayView name);
    // Removes only the first field (e.g. the top Via); true if one was removed.
    bool removeFirstHeader(QByteArrayView name);
    // Replaces the topmost Via value only, leaving the others — in the same
    // line or in later lines — as they are (the transport layer stamps
    // sent-by, received and rport this way, RFC 3261 §18.1.1, §18.2.1).
    bool replaceTopVia(QByteArrayView value);
    // Appends every field of header `id` that `from` has, with its parsed
    // value: the bytes are shared with `from`, neither copied nor parsed
    // again (a UAS copies Via, From, To, Call-ID and CSeq into each
    // response, RFC 3261 §8.2.6.2). For headers this message lacks so far;
    // false (and nothing changed) when it already has an eagerly parsed one.
    bool copyHeader(const Message &from, HeaderId id);
    // Sets the body and Content-Length; with a content type, Content-Type too.
    void setBody(const QByteArray &body, QByteArrayView contentType = {});
    void setRequestUri(const Uri &uri);

    // Canonical wire text (RFC 3261 §7): known headers under their long
    // names, folds replaced by one SP, Content-Length equal to the body size.
    QByteArray toWire() const;
    // The bytes this message was parsed from (empty for built messages).
    const QByteArray &rawBytes() const { return m_wire; }

private:
    friend class Parser;
    enum class Kind : quint8
    {
        None,
        Request,
        Response
    };

    const QByteArray &owner(quint16 source) const;
    QByteArrayView store(QByteArrayView text, quint16 *source);
    // The source index under which this message holds `bytes` (shared).
    quint16 adopt(const QByteArray &bytes);
    // Re-derives the eagerly parsed headers from the header index.
    ParseError index();
    // Parses one field into the eager structures (Via values at the front
    // when `front`).
    ParseError indexField(const HeaderField &field, bool front);
    bool insertField(QByteArrayView name, QByteArrayView value, qsizetype at);
    qsizetype findField(QByteArrayView name, qsizetype from = 0) const;

    QByteArray m_wire;
    QList<QByteArray> m_chunks;
    Headers m_headers;
    Vias m_vias;
    Uri m_requestUri;
    NameAddr m_from;
    NameAddr m_to;
    CSeq m_cseq;
    MediaType m_contentType;
    QByteArrayView m_method;
    QByteArrayView m_reason;
    QByteArrayView m_callId;
    QByteArrayView m_body;
    qint64 m_contentLength = -1;
    int m_maxForwards = -1;
    int m_status = 0;
    Method m_methodId = Method::Other;
    Kind m_kind = Kind::None;
};

} // namespace sip
