// SPDX-License-Identifier: GPL-3.0-or-later
// Message::toWire(): canonical wire text of RFC 3261 §7.
#include "Message.h"

#include "Lex.h"

namespace sip {
namespace {

bool hasLineBreak(QByteArrayView v)
{
    return v.contains('\n') || v.contains('\r');
}

} // namespace

QByteArray Message::toWire() const
{
    qsizetype estimate = 64 + m_body.size();
    for (const HeaderField &f : m_headers)
        estimate += f.name.size() + f.value.size() + 4;
    QByteArray out;
    out.reserve(estimate);

    if (isRequest()) {
        out += m_method;
        out += ' ';
        out += m_requestUri.text();
        out += ' ';
        out += kSipVersion;
    } else {
        out += kSipVersion;
        out += ' ';
        out += QByteArray::number(m_status);
        out += ' ';
        out += m_reason;
    }
    out += "\r\n";

    bool wroteLength = false;
    for (const HeaderField &f : m_headers) {
        if (f.id == HeaderId::ContentLength) {
            if (wroteLength)
                continue; // only one, and it tells the truth
            wroteLength = true;
            out += "Content-Length: ";
            out += QByteArray::number(m_body.size());
            out += "\r\n";
            continue;
        }
        out += f.id == HeaderId::Other ? f.name : canonicalHeaderName(f.id);
        out += ": ";
        if (hasLineBreak(f.value))
            out += lex::unfold(f.value);
        else
            out += f.value;
        out += "\r\n";
    }
    if (!wroteLength) {
        out += "Content-Length: ";
        out += QByteArray::number(m_body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += m_body;
    return out;
}

} // namespace sip
