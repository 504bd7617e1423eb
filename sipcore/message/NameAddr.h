// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// name-addr / addr-spec with header parameters, as used by From, To,
// Contact, Route, Record-Route and others (RFC 3261 §20.10, §20.20, §20.39,
// §25.1). Without angle brackets the URI ends at the first ';' and what
// follows are header parameters (§20).

#include "ParamList.h"
#include "Uri.h"

#include <QString>

namespace sip {

class NameAddr
{
public:
    NameAddr() = default;

    // Parses one value (already split from a comma list and trimmed).
    // Parses into `out`, which must be default-constructed (no copies on the
    // parser's hot path). Returns false and sets *why on error.
    static bool parseInto(NameAddr &out, QByteArrayView text, const QByteArray &owner,
                          const char **why = nullptr);
    static std::optional<NameAddr> parse(QByteArrayView text, const QByteArray &owner,
                                         const char **why = nullptr);
    static std::optional<NameAddr> parse(const QByteArray &text, const char **why = nullptr)
    {
        return parse(QByteArrayView(text), text, why);
    }

    // Builds `"Display" <uri>;params` text for outgoing headers. The display
    // name is quoted and escaped; empty means none.
    static QByteArray format(const QString &displayName, QByteArrayView uri,
                             QByteArrayView params = {});

    bool isValid() const { return m_uri.isValid(); }
    const Uri &uri() const { return m_uri; }
    // Display name as written (with quotes if quoted), empty if none.
    QByteArrayView displayNameRaw() const { return m_display; }
    // Display name unquoted, unescaped and decoded as UTF-8.
    QString displayName() const;
    bool hasAngleBrackets() const { return m_angle; }
    ParamList params() const { return ParamList(m_params); }
    QByteArrayView param(QByteArrayView name) const { return params().value(name); }
    // The tag parameter (RFC 3261 §19.3), empty when absent.
    QByteArrayView tag() const { return m_tag; }
    bool hasTag() const { return m_hasTag; }
    QByteArrayView text() const { return m_text; }

private:
    Uri m_uri;
    QByteArrayView m_text;
    QByteArrayView m_display;
    QByteArrayView m_params;
    QByteArrayView m_tag;
    bool m_angle = false;
    bool m_hasTag = false;
};

} // namespace sip
