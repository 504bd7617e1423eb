// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A view over generic parameters ";name[=value]..." (RFC 3261 §25.1
// generic-param, uri-parameter, via-params). Lookup is by case-insensitive
// name; values are returned as written (quoted-strings keep their quotes,
// use lex::unquote()).

#include <QByteArrayView>

#include <optional>

namespace sip {

struct Param
{
    QByteArrayView name;
    QByteArrayView value; // empty when hasValue is false
    bool hasValue = false;
};

class ParamList
{
public:
    ParamList() = default;
    // `text` starts at the first ';' (or is empty).
    explicit ParamList(QByteArrayView text)
        : m_text(text)
    {}

    QByteArrayView text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    // The parameter with this name (case-insensitive), if present.
    std::optional<Param> find(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return find(name).has_value(); }
    // The value, or an empty view when absent or valueless.
    QByteArrayView value(QByteArrayView name) const;

    int count() const;

    // Calls f(const Param &) for each parameter in order; stops early when f
    // returns false.
    template <typename F>
    void forEach(F &&f) const
    {
        qsizetype pos = 0;
        Param p;
        while (next(pos, p)) {
            if (!f(p))
                return;
        }
    }

    // Validates the syntax: each item is `token [ "=" ( token / host /
    // quoted-string ) ]` for header parameters, or, with `uriRules`,
    // `1*paramchar [ "=" 1*paramchar ]` of §19.1.1. Returns a reason on error.
    std::optional<const char *> validate(bool uriRules) const;

private:
    bool next(qsizetype &pos, Param &out) const;

    QByteArrayView m_text;
};

} // namespace sip

namespace sip {

// Single-pass validation and iteration of a parameter list, for the parsers
// on the hot path. Header rules (`uriRules` false): `*( SEMI token [ EQUAL
// ( token / host / quoted-string ) ] )` with LWS around separators; URI rules:
// `*( ";" 1*paramchar [ "=" 1*paramchar ] )` of RFC 3261 §19.1.1, no LWS.
// Calls f(name, value, hasValue) for each parameter. Returns nullptr, or the
// reason the text is malformed.
template <typename F>
const char *scanParams(QByteArrayView text, bool uriRules, F &&f);

} // namespace sip

#include "ParamListScan.h"
