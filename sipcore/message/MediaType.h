// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// media-type = m-type SLASH m-subtype *(SEMI m-parameter) (RFC 3261 §20.15,
// §25.1), used by Content-Type and Accept.

#include "ParamList.h"

#include <QByteArray>

#include <optional>

namespace sip {

class MediaType
{
public:
    MediaType() = default;

    // With `allowWildcards` ("*/*", "text/*") as in Accept's media-range.
    static std::optional<MediaType> parse(QByteArrayView text, const QByteArray &owner,
                                          bool allowWildcards = false, const char **why = nullptr);
    static std::optional<MediaType> parse(const QByteArray &text, const char **why = nullptr)
    {
        return parse(QByteArrayView(text), text, false, why);
    }

    bool isValid() const { return !m_type.isEmpty(); }
    QByteArrayView type() const { return m_type; }
    QByteArrayView subtype() const { return m_subtype; }
    ParamList params() const { return ParamList(m_params); }
    // The charset parameter unquoted, empty when absent.
    QByteArray charset() const;
    // "type/subtype" lower-cased, without parameters.
    QByteArray essence() const;
    // Case-insensitive match of type and subtype, honouring wildcards in
    // this (range) value.
    bool matches(QByteArrayView type, QByteArrayView subtype) const;
    QByteArrayView text() const { return m_text; }

private:
    QByteArray m_owner;
    QByteArrayView m_text;
    QByteArrayView m_type;
    QByteArrayView m_subtype;
    QByteArrayView m_params;
};

} // namespace sip
