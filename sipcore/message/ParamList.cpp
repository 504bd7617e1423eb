// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParamList.h"

#include "Lex.h"

namespace sip {

bool ParamList::next(qsizetype &pos, Param &out) const
{
    const qsizetype n = m_text.size();
    // Skip the separator and surrounding LWS.
    while (pos < n && (m_text[pos] == ';' || lex::isWs(m_text[pos])))
        ++pos;
    if (pos >= n)
        return false;
    const qsizetype start = pos;
    qsizetype eq = -1;
    while (pos < n && m_text[pos] != ';') {
        const char c = m_text[pos];
        if (c == '"') {
            const qsizetype close = lex::findClosingQuote(m_text, pos);
            pos = close < 0 ? n : close + 1;
            continue;
        }
        if (c == '=' && eq < 0)
            eq = pos;
        ++pos;
    }
    if (eq < 0) {
        out.name = lex::trimmed(m_text.sliced(start, pos - start));
        out.value = {};
        out.hasValue = false;
    } else {
        out.name = lex::trimmed(m_text.sliced(start, eq - start));
        out.value = lex::trimmed(m_text.sliced(eq + 1, pos - eq - 1));
        out.hasValue = true;
    }
    return true;
}

std::optional<Param> ParamList::find(QByteArrayView name) const
{
    qsizetype pos = 0;
    Param p;
    while (next(pos, p)) {
        if (lex::iequals(p.name, name))
            return p;
    }
    return std::nullopt;
}

QByteArrayView ParamList::value(QByteArrayView name) const
{
    const auto p = find(name);
    return p ? p->value : QByteArrayView();
}

int ParamList::count() const
{
    int n = 0;
    forEach([&](const Param &) {
        ++n;
        return true;
    });
    return n;
}

std::optional<const char *> ParamList::validate(bool uriRules) const
{
    if (const char *why = scanParams(m_text, uriRules, [](QByteArrayView, QByteArrayView, bool) {}))
        return why;
    return std::nullopt;
}

} // namespace sip
