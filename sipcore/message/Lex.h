// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Character classes and small scanning helpers for the SIP grammar of
// RFC 3261 §25.1. Everything here is inline and allocation-free: the parser
// calls these for every byte of every message.

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <cstring>
#include <optional>

namespace sip::lex {

enum CharClass : std::uint16_t
{
    Alpha = 1 << 0,
    Digit = 1 << 1,
    Token = 1 << 2,           // token chars (alphanum / "-.!%*_+`'~")
    Unreserved = 1 << 3,      // alphanum / mark
    UserUnreserved = 1 << 4,  // "&=+$,;?/"
    PasswordExtra = 1 << 5,   // "&=+$,"
    ParamUnreserved = 1 << 6, // "[]/:&+$"
    HnvUnreserved = 1 << 7,   // "[]/?:+$"
    HostChar = 1 << 8,        // alphanum / "-._" (lenient: "_" seen in the wild)
    Ws = 1 << 9,              // SP, HTAB, CR, LF (LWS once lines are joined)
    Hex = 1 << 10,
    WordExtra = 1 << 11,  // word = token chars plus "()<>:\\\"/[]?{}"
    SchemeChar = 1 << 12, // alphanum / "+-."
};

struct CharTable
{
    std::uint16_t bits[256] = {};
    constexpr CharTable()
    {
        for (int c = 'a'; c <= 'z'; ++c) {
            bits[c] |= Alpha | Token | Unreserved | HostChar | SchemeChar;
            bits[c - 32] |= Alpha | Token | Unreserved | HostChar | SchemeChar;
        }
        for (int c = '0'; c <= '9'; ++c)
            bits[c] |= Digit | Token | Unreserved | HostChar | Hex | SchemeChar;
        for (int c = 'a'; c <= 'f'; ++c) {
            bits[c] |= Hex;
            bits[c - 32] |= Hex;
        }
        for (char c : {'-', '.', '!', '%', '*', '_', '+', '`', '\'', '~'})
            bits[static_cast<unsigned char>(c)] |= Token;
        for (char c : {'-', '_', '.', '!', '~', '*', '\'', '(', ')'})
            bits[static_cast<unsigned char>(c)] |= Unreserved;
        for (char c : {'&', '=', '+', '$', ',', ';', '?', '/'})
            bits[static_cast<unsigned char>(c)] |= UserUnreserved;
        for (char c : {'&', '=', '+', '$', ','})
            bits[static_cast<unsigned char>(c)] |= PasswordExtra;
        for (char c : {'[', ']', '/', ':', '&', '+', '$'})
            bits[static_cast<unsigned char>(c)] |= ParamUnreserved;
        for (char c : {'[', ']', '/', '?', ':', '+', '$'})
            bits[static_cast<unsigned char>(c)] |= HnvUnreserved;
        for (char c : {'-', '.', '_'})
            bits[static_cast<unsigned char>(c)] |= HostChar;
        for (char c : {'+', '-', '.'})
            bits[static_cast<unsigned char>(c)] |= SchemeChar;
        for (char c : {' ', '\t', '\r', '\n'})
            bits[static_cast<unsigned char>(c)] |= Ws;
        for (char c : {'(', ')', '<', '>', ':', '\\', '"', '/', '[', ']', '?', '{', '}'})
            bits[static_cast<unsigned char>(c)] |= WordExtra;
    }
};

inline constexpr CharTable kChars{};

inline bool is(char c, std::uint16_t cls)
{
    return (kChars.bits[static_cast<unsigned char>(c)] & cls) != 0;
}
inline bool isWs(char c)
{
    return is(c, Ws);
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isTokenChar(char c)
{
    return is(c, Token);
}

// Index of the first `c` at or after `from`, or -1 (memchr: QByteArrayView's
// indexOf goes through a generic substring search).
inline qsizetype find(QByteArrayView s, char c, qsizetype from = 0)
{
    if (from >= s.size())
        return -1;
    const void *hit = std::memchr(s.data() + from, c, size_t(s.size() - from));
    return hit ? static_cast<const char *>(hit) - s.data() : -1;
}

inline char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Case-insensitive ASCII equality.
inline bool iequals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (toLower(a[i]) != toLower(b[i]))
            return false;
    }
    return true;
}

inline bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

inline QByteArrayView trimmed(QByteArrayView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isWs(s[b]))
        ++b;
    while (e > b && isWs(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

inline QByteArrayView trimmedLeft(QByteArrayView s)
{
    qsizetype b = 0;
    while (b < s.size() && isWs(s[b]))
        ++b;
    return s.sliced(b);
}

// Parses 1*DIGIT into an unsigned value no larger than `max`.
inline std::optional<std::uint64_t> parseUnsigned(QByteArrayView s, std::uint64_t max)
{
    if (s.isEmpty() || s.size() > 19)
        return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v > max)
        return std::nullopt;
    return v;
}

// Index of the closing quote of a quoted-string whose opening quote is at
// `open` (RFC 3261 §25.1 quoted-pair: "\" escapes any char but CR/LF), or -1.
inline qsizetype findClosingQuote(QByteArrayView s, qsizetype open)
{
    for (qsizetype i = open + 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '"')
            return i;
    }
    return -1;
}

// Removes the quotes and quoted-pair escapes of a quoted-string. A value that
// is not quoted is returned unchanged.
QByteArray unquote(QByteArrayView s);

// Quotes `s` as a quoted-string, escaping '"' and '\\'.
QByteArray quote(QByteArrayView s);

// Replaces every run of line folding (CRLF followed by SP/HTAB) and other
// LWS inside a header value with one SP, as §7.3.1 allows.
QByteArray unfold(QByteArrayView s);

// Decodes %HH escapes. Returns nullopt for a malformed escape.
std::optional<QByteArray> unescape(QByteArrayView s);

// Checks that every char is in `cls` or a valid %HH escape.
bool isEscapedRun(QByteArrayView s, std::uint16_t cls);

// Percent-encodes every byte not in `allowed` (a CharClass mask).
QByteArray escape(QByteArrayView s, std::uint16_t allowed);

// Splits a header value at commas that are not inside a quoted-string or
// <...> (RFC 3261 §7.3.1). Calls f(QByteArrayView item) with each trimmed
// item; returns false when quotes or brackets are unbalanced.
template <typename F>
bool splitCommaList(QByteArrayView s, F &&f)
{
    // Fast path: without quotes or angle brackets every comma separates.
    if (find(s, '"') < 0 && find(s, '<') < 0 && find(s, '>') < 0) {
        qsizetype start = 0;
        for (qsizetype comma; (comma = find(s, ',', start)) >= 0; start = comma + 1)
            f(trimmed(s.sliced(start, comma - start)));
        f(trimmed(s.sliced(start)));
        return true;
    }
    qsizetype start = 0;
    bool inAngle = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            i = findClosingQuote(s, i);
            if (i < 0)
                return false;
        } else if (c == '<') {
            if (inAngle)
                return false;
            inAngle = true;
        } else if (c == '>') {
            if (!inAngle)
                return false;
            inAngle = false;
        } else if (c == ',' && !inAngle) {
            f(trimmed(s.sliced(start, i - start)));
            start = i + 1;
        }
    }
    if (inAngle)
        return false;
    f(trimmed(s.sliced(start)));
    return true;
}

} // namespace sip::lex
