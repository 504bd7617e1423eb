// SPDX-License-Identifier: GPL-3.0-or-later
#include "TokenList.h"

#include "Lex.h"

namespace sip {

std::optional<QList<QByteArray>> parseTokenList(QByteArrayView text, const char **why)
{
    QList<QByteArray> out;
    const QByteArrayView s = lex::trimmed(text);
    if (s.isEmpty())
        return out;
    bool ok = true;
    const bool balanced = lex::splitCommaList(s, [&](QByteArrayView item) {
        if (!lex::isToken(item))
            ok = false;
        else
            out.append(item.toByteArray());
    });
    if (!ok || !balanced) {
        if (why)
            *why = "expected a comma-separated list of tokens";
        return std::nullopt;
    }
    return out;
}

} // namespace sip
