// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lex.h"

namespace sip::lex {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray unquote(QByteArrayView s)
{
    if (s.size() < 2 || s.front() != '"' || s.back() != '"')
        return s.toByteArray();
    QByteArray out;
    out.reserve(s.size() - 2);
    for (qsizetype i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 2 < s.size())
            c = s[++i];
        out.append(c);
    }
    return out;
}

QByteArray quote(QByteArrayView s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out.append('"');
    for (char c : s) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

QByteArray unfold(QByteArrayView s)
{
    QByteArray out;
    out.reserve(s.size());
    bool inQuote = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r' || c == '\n') {
            // A fold: CRLF followed by whitespace becomes a single SP, and
            // whitespace around it collapses into that SP.
            while (!out.isEmpty() && (out.back() == ' ' || out.back() == '\t') && !inQuote)
                out.chop(1);
            while (i + 1 < s.size() && isWs(s[i + 1]))
                ++i;
            out.append(' ');
            continue;
        }
        if (c == '"')
            inQuote = !inQuote;
        else if (c == '\\' && inQuote && i + 1 < s.size()) {
            out.append(c);
            out.append(s[++i]);
            continue;
        }
        out.append(c);
    }
    return out;
}

std::optional<QByteArray> unescape(QByteArrayView s)
{
    if (!s.contains('%'))
        return s.toByteArray();
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out.append(s[i]);
            continue;
        }
        if (i + 2 >= s.size())
            return std::nullopt;
        const int hi = hexValue(s[i + 1]);
        const int lo = hexValue(s[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out.append(char(hi * 16 + lo));
        i += 2;
    }
    return out;
}

bool isEscapedRun(QByteArrayView s, std::uint16_t cls)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size() || !is(s[i + 1], Hex) || !is(s[i + 2], Hex))
                return false;
            i += 2;
        } else if (!is(c, cls)) {
            return false;
        }
    }
    return true;
}

QByteArray escape(QByteArrayView s, std::uint16_t allowed)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(s.size());
    for (char c : s) {
        if (is(c, allowed)) {
            out.append(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.append('%');
            out.append(kHex[u >> 4]);
            out.append(kHex[u & 15]);
        }
    }
    return out;
}

} // namespace sip::lex
