// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeaderName.h"

#include <array>
#include <cstring>

namespace sip {
namespace {

struct Known
{
    QByteArrayView name; // canonical form
    HeaderId id;
    char compact;   // RFC 3261 §7.3.3 / IANA compact form, or 0
    bool list;      // comma-separated list grammar
    bool singleton; // may appear at most once
};

// clang-format off
constexpr Known kKnown[] = {
    {"Accept", HeaderId::Accept, 0, true, false},
    {"Accept-Contact", HeaderId::AcceptContact, 'a', true, false},
    {"Accept-Encoding", HeaderId::AcceptEncoding, 0, true, false},
    {"Accept-Language", HeaderId::AcceptLanguage, 0, true, false},
    {"Alert-Info", HeaderId::AlertInfo, 0, true, false},
    {"Allow", HeaderId::Allow, 0, true, false},
    {"Allow-Events", HeaderId::AllowEvents, 'u', true, false},
    {"Authentication-Info", HeaderId::AuthenticationInfo, 0, false, true},
    {"Authorization", HeaderId::Authorization, 0, false, false},
    {"Call-ID", HeaderId::CallId, 'i', false, true},
    {"Call-Info", HeaderId::CallInfo, 0, true, false},
    {"Contact", HeaderId::Contact, 'm', true, false},
    {"Content-Disposition", HeaderId::ContentDisposition, 0, false, true},
    {"Content-Encoding", HeaderId::ContentEncoding, 'e', true, false},
    {"Content-Language", HeaderId::ContentLanguage, 0, true, false},
    {"Content-Length", HeaderId::ContentLength, 'l', false, true},
    {"Content-Type", HeaderId::ContentType, 'c', false, true},
    {"CSeq", HeaderId::CSeq, 0, false, true},
    {"Date", HeaderId::Date, 0, false, true},
    {"Error-Info", HeaderId::ErrorInfo, 0, true, false},
    {"Event", HeaderId::Event, 'o', false, true},
    {"Expires", HeaderId::Expires, 0, false, true},
    {"From", HeaderId::From, 'f', false, true},
    {"Identity", HeaderId::Identity, 'y', false, false},
    {"In-Reply-To", HeaderId::InReplyTo, 0, true, false},
    {"Max-Forwards", HeaderId::MaxForwards, 0, false, true},
    {"MIME-Version", HeaderId::MimeVersion, 0, false, true},
    {"Min-Expires", HeaderId::MinExpires, 0, false, true},
    {"Organization", HeaderId::Organization, 0, false, true},
    {"Path", HeaderId::Path, 0, true, false},
    {"Priority", HeaderId::Priority, 0, false, true},
    {"Proxy-Authenticate", HeaderId::ProxyAuthenticate, 0, false, false},
    {"Proxy-Authorization", HeaderId::ProxyAuthorization, 0, false, false},
    {"Proxy-Require", HeaderId::ProxyRequire, 0, true, false},
    {"Record-Route", HeaderId::RecordRoute, 0, true, false},
    {"Refer-To", HeaderId::ReferTo, 'r', false, true},
    {"Referred-By", HeaderId::ReferredBy, 'b', false, true},
    {"Reject-Contact", HeaderId::RejectContact, 'j', true, false},
    {"Reply-To", HeaderId::ReplyTo, 0, false, true},
    {"Request-Disposition", HeaderId::RequestDisposition, 'd', true, false},
    {"Require", HeaderId::Require, 0, true, false},
    {"Retry-After", HeaderId::RetryAfter, 0, false, true},
    {"Route", HeaderId::Route, 0, true, false},
    {"Server", HeaderId::Server, 0, false, false},
    {"Service-Route", HeaderId::ServiceRoute, 0, true, false},
    {"Session-Expires", HeaderId::SessionExpires, 'x', false, true},
    {"Subject", HeaderId::Subject, 's', false, false},
    {"Subscription-State", HeaderId::SubscriptionState, 0, false, true},
    {"Supported", HeaderId::Supported, 'k', true, false},
    {"Timestamp", HeaderId::Timestamp, 0, false, true},
    {"To", HeaderId::To, 't', false, true},
    {"Unsupported", HeaderId::Unsupported, 0, true, false},
    {"User-Agent", HeaderId::UserAgent, 0, false, false},
    {"Via", HeaderId::Via, 'v', true, false},
    {"Warning", HeaderId::Warning, 0, true, false},
    {"WWW-Authenticate", HeaderId::WwwAuthenticate, 0, false, false},
};
// clang-format on

constexpr int kKnownCount = int(sizeof(kKnown) / sizeof(kKnown[0]));
static_assert(kKnownCount == int(HeaderId::Count_) - 1, "every HeaderId needs a table row");

constexpr char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

// Buckets by (length, lower-case first char) so a lookup compares against at
// most a couple of candidates. Lengths above kMaxLen are never known names.
constexpr int kMaxLen = 20;

struct Index
{
    // For each length 1..kMaxLen and first letter a..z: up to 4 table rows.
    std::array<std::array<std::array<std::int8_t, 4>, 26>, kMaxLen + 1> slot{};
    std::array<std::int8_t, 26> compact{};
    std::array<std::int8_t, int(HeaderId::Count_)> row{};
    constexpr Index()
    {
        for (auto &byLen : slot)
            for (auto &byChar : byLen)
                byChar.fill(-1);
        compact.fill(-1);
        row.fill(-1);
        for (int i = 0; i < kKnownCount; ++i) {
            const Known &k = kKnown[i];
            const int len = int(k.name.size());
            const int first = lower(k.name[0]) - 'a';
            auto &cell = slot[len][first];
            int j = 0;
            while (cell[j] != -1)
                ++j; // a fifth collision would fail constant evaluation
            cell[j] = std::int8_t(i);
            if (k.compact)
                compact[k.compact - 'a'] = std::int8_t(i);
            row[int(k.id)] = std::int8_t(i);
        }
    }
};

constexpr Index kIndex{};

// Lower-case bytes and case masks of each known name, padded for word loads.
struct Pattern
{
    char lower[24] = {};
    char mask[24] = {};
};

struct Patterns
{
    Pattern rows[kKnownCount];
    constexpr Patterns()
    {
        for (int i = 0; i < kKnownCount; ++i) {
            const QByteArrayView n = kKnown[i].name;
            for (qsizetype j = 0; j < n.size(); ++j) {
                const bool letter = lower(n[j]) >= 'a' && lower(n[j]) <= 'z';
                rows[i].lower[j] = lower(n[j]);
                rows[i].mask[j] = letter ? 0x20 : 0;
            }
        }
    }
};

constexpr Patterns kPatterns{};

// Exact case-insensitive comparison of `len` bytes at `p` with a known
// name: letters compare with bit 0x20 forced on both sides, '-' exactly, so
// no byte outside [A-Za-z-] can ever match. Eight bytes at a time (the last
// word overlaps the previous one instead of reading past the name).
bool equalsKnown(const char *p, qsizetype len, int row)
{
    const Pattern &pat = kPatterns.rows[row];
    if (len < 8) {
        for (qsizetype i = 0; i < len; ++i) {
            if ((p[i] | pat.mask[i]) != pat.lower[i])
                return false;
        }
        return true;
    }
    const auto word = [](const char *q) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        return w;
    };
    for (qsizetype i = 0; i + 8 <= len; i += 8) {
        if ((word(p + i) | word(pat.mask + i)) != word(pat.lower + i))
            return false;
    }
    const qsizetype t = len - 8;
    return (word(p + t) | word(pat.mask + t)) == word(pat.lower + t);
}

} // namespace

HeaderId lookupHeader(QByteArrayView name)
{
    const qsizetype len = name.size();
    if (len == 0 || len > kMaxLen)
        return HeaderId::Other;
    const char c0 = lower(name[0]);
    if (c0 < 'a' || c0 > 'z')
        return HeaderId::Other;
    if (len == 1) {
        const int r = kIndex.compact[c0 - 'a'];
        return r < 0 ? HeaderId::Other : kKnown[r].id;
    }
    for (std::int8_t r : kIndex.slot[len][c0 - 'a']) {
        if (r < 0)
            break;
        if (equalsKnown(name.data(), len, r))
            return kKnown[r].id;
    }
    return HeaderId::Other;
}

QByteArrayView canonicalHeaderName(HeaderId id)
{
    const int r = (id == HeaderId::Other || id >= HeaderId::Count_) ? -1 : kIndex.row[int(id)];
    return r < 0 ? QByteArrayView() : kKnown[r].name;
}

bool isListHeader(HeaderId id)
{
    const int r = (id == HeaderId::Other || id >= HeaderId::Count_) ? -1 : kIndex.row[int(id)];
    return r >= 0 && kKnown[r].list;
}

bool isSingletonHeader(HeaderId id)
{
    const int r = (id == HeaderId::Other || id >= HeaderId::Count_) ? -1 : kIndex.row[int(id)];
    return r >= 0 && kKnown[r].singleton;
}

} // namespace sip
