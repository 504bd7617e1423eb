// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Known SIP header names, their compact forms (RFC 3261 §7.3.3 and the IANA
// "Header Fields" registry) and case-insensitive lookup.

#include <QByteArrayView>

#include <cstdint>

namespace sip {

enum class HeaderId : std::uint8_t
{
    Other = 0, // not a known header: compare by name
    Accept,
    AcceptContact,
    AcceptEncoding,
    AcceptLanguage,
    AlertInfo,
    Allow,
    AllowEvents,
    AuthenticationInfo,
    Authorization,
    CallId,
    CallInfo,
    Contact,
    ContentDisposition,
    ContentEncoding,
    ContentLanguage,
    ContentLength,
    ContentType,
    CSeq,
    Date,
    ErrorInfo,
    Event,
    Expires,
    From,
    Identity,
    InReplyTo,
    MaxForwards,
    MimeVersion,
    MinExpires,
    Organization,
    Path,
    Priority,
    ProxyAuthenticate,
    ProxyAuthorization,
    ProxyRequire,
    RecordRoute,
    ReferTo,
    ReferredBy,
    RejectContact,
    ReplyTo,
    RequestDisposition,
    Require,
    RetryAfter,
    Route,
    Server,
    ServiceRoute,
    SessionExpires,
    Subject,
    SubscriptionState,
    Supported,
    Timestamp,
    To,
    Unsupported,
    UserAgent,
    Via,
    Warning,
    WwwAuthenticate,
    Count_
};

// Identifies a header name (long or compact form, any case). Returns
// HeaderId::Other for names this library does not know. A known result
// implies `name` is a valid token; an unknown one says nothing about it.
HeaderId lookupHeader(QByteArrayView name);

// The canonical long form, e.g. "Call-ID" (empty for HeaderId::Other).
QByteArrayView canonicalHeaderName(HeaderId id);

// True for headers whose grammar is a comma-separated list
// (RFC 3261 §7.3.1), so several values may share one line.
bool isListHeader(HeaderId id);

// True for headers that may appear at most once (RFC 3261 §20 grammar has
// no list form for them); a second occurrence is a malformed message.
bool isSingletonHeader(HeaderId id);

} // namespace sip
