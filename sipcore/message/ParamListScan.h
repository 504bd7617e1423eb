// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Implementation of sip::scanParams (included from ParamList.h).

#include "Lex.h"
#include "ParamList.h"

namespace sip {

template <typename F>
const char *scanParams(QByteArrayView text, bool uriRules, F &&f)
{
    const char *s = text.data();
    const qsizetype n = text.size();
    const std::uint16_t nameClass = uriRules ? std::uint16_t(lex::Unreserved | lex::ParamUnreserved)
                                             : std::uint16_t(lex::Token);
    const auto skipWs = [&](qsizetype &i) {
        if (!uriRules) {
            while (i < n && lex::isWs(s[i]))
                ++i;
        }
    };
    // Consumes 1*(class / escaped); returns false on a bad escape.
    const auto run = [&](qsizetype &i, std::uint16_t cls, bool escapes) {
        while (i < n) {
            const char c = s[i];
            if (lex::is(c, cls)) {
                ++i;
            } else if (escapes && c == '%') {
                if (i + 2 >= n || !lex::is(s[i + 1], lex::Hex) || !lex::is(s[i + 2], lex::Hex))
                    return false;
                i += 3;
            } else {
                break;
            }
        }
        return true;
    };
    qsizetype i = 0;
    for (;;) {
        skipWs(i);
        if (i >= n)
            return nullptr;
        if (s[i] != ';')
            return "expected ';' before a parameter";
        ++i;
        skipWs(i);
        const qsizetype nameStart = i;
        if (!run(i, nameClass, uriRules))
            return "invalid escape in a parameter";
        if (i == nameStart)
            return uriRules ? "invalid URI parameter name" : "invalid parameter name";
        const QByteArrayView name(s + nameStart, i - nameStart);
        skipWs(i);
        if (i < n && s[i] == '=') {
            ++i;
            skipWs(i);
            const qsizetype valueStart = i;
            if (!uriRules && i < n && s[i] == '"') {
                const qsizetype close = lex::findClosingQuote(text, i);
                if (close < 0)
                    return "unterminated quoted-string in a parameter";
                i = close + 1;
            } else if (uriRules) {
                if (!run(i, nameClass, true))
                    return "invalid escape in a parameter";
            } else {
                // token / host (IPv6 references add ':' '[' ']')
                while (i < n &&
                       (lex::isTokenChar(s[i]) || s[i] == ':' || s[i] == '[' || s[i] == ']'))
                    ++i;
            }
            if (i == valueStart)
                return uriRules ? "invalid URI parameter value" : "empty parameter value";
            f(name, QByteArrayView(s + valueStart, i - valueStart), true);
        } else {
            f(name, QByteArrayView(), false);
        }
        skipWs(i);
        if (i < n && s[i] != ';')
            return uriRules ? "invalid character in a URI parameter"
                            : "invalid character in a parameter";
    }
}

} // namespace sip
