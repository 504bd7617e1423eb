// SPDX-License-Identifier: GPL-3.0-or-later
#include "NameAddr.h"

#include "Lex.h"

namespace sip {
namespace {

bool fail(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return false;
}

} // namespace

std::optional<NameAddr> NameAddr::parse(QByteArrayView text, const QByteArray &owner,
                                        const char **why)
{
    std::optional<NameAddr> out(std::in_place);
    if (!parseInto(*out, text, owner, why))
        out.reset();
    return out;
}

bool NameAddr::parseInto(NameAddr &na, QByteArrayView text, const QByteArray &owner,
                         const char **why)
{
    const QByteArrayView s = lex::trimmed(text);
    na.m_text = s;
    if (s.isEmpty())
        return fail(why, "empty address");

    qsizetype pos = 0;
    QByteArrayView uriText;
    if (s.front() == '"') {
        const qsizetype close = lex::findClosingQuote(s, 0);
        if (close < 0)
            return fail(why, "unterminated quoted display name");
        na.m_display = s.first(close + 1);
        pos = close + 1;
        while (pos < s.size() && lex::isWs(s[pos]))
            ++pos;
        if (pos >= s.size() || s[pos] != '<')
            return fail(why, "expected '<' after the display name");
    } else {
        const qsizetype lt = lex::find(s, '<');
        if (lt >= 0) {
            // display-name = *(token LWS); UTF-8 tolerated as seen in the wild.
            na.m_display = lex::trimmed(s.first(lt));
            for (char c : na.m_display) {
                if (!lex::isTokenChar(c) && !lex::isWs(c) && static_cast<unsigned char>(c) < 0x80)
                    return fail(why, "invalid character in display name (quote it)");
            }
            pos = lt;
        }
    }

    if (pos < s.size() && s[pos] == '<') {
        const qsizetype gt = lex::find(s, '>', pos);
        if (gt < 0)
            return fail(why, "missing '>' after the URI");
        uriText = s.sliced(pos + 1, gt - pos - 1);
        na.m_angle = true;
        pos = gt + 1;
        na.m_params = s.sliced(pos);
    } else {
        // addr-spec: the URI ends at the first ';' (header parameters follow).
        const qsizetype semi = lex::find(s, ';');
        uriText = lex::trimmed(semi < 0 ? s : s.first(semi));
        na.m_params = semi < 0 ? QByteArrayView() : s.sliced(semi);
        for (char c : uriText) {
            if (c == ',' || c == '?' || lex::isWs(c))
                return fail(why, "a URI with ',', '?' or spaces must be in angle brackets");
        }
    }
    const char *uriWhy = nullptr;
    if (!Uri::parseInto(na.m_uri, uriText, owner, &uriWhy))
        return fail(why, uriWhy);
    const char *error = nullptr;
    const char *syntax = scanParams(na.m_params, false,
                                    [&](QByteArrayView name, QByteArrayView value, bool hasValue) {
                                        if (name.size() == 3 && lex::iequals(name, "tag")) {
                                            // RFC 3261 §19.3: tag = token
                                            if (!hasValue || !lex::isToken(value))
                                                error = "invalid tag parameter";
                                            na.m_tag = value;
                                            na.m_hasTag = true;
                                        }
                                    });
    if (syntax || error)
        return fail(why, syntax ? syntax : error);
    return true;
}

QByteArray NameAddr::format(const QString &displayName, QByteArrayView uri, QByteArrayView params)
{
    QByteArray out;
    if (!displayName.isEmpty()) {
        // No line breaks or other controls may reach the wire (they would
        // end the header and inject another).
        QByteArray name = displayName.toUtf8();
        for (char &c : name) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                c = ' ';
        }
        out += lex::quote(name);
        out += ' ';
    }
    out += '<';
    out += uri;
    out += '>';
    out += params;
    return out;
}

QString NameAddr::displayName() const
{
    if (m_display.isEmpty())
        return {};
    if (m_display.front() == '"')
        return QString::fromUtf8(lex::unquote(m_display));
    return QString::fromUtf8(lex::unfold(m_display)).simplified();
}

} // namespace sip
