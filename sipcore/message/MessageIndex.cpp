// SPDX-License-Identifier: GPL-3.0-or-later
// The eager header index of Message and the mutators that keep it current.
#include "Message.h"

#include "Lex.h"
#include "Limits.h"

namespace sip {
namespace {

// callid = word [ "@" word ] (RFC 3261 §25.1)
bool validCallId(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    int ats = 0;
    for (char c : v) {
        if (c == '@') {
            if (++ats > 1)
                return false;
        } else if (!lex::is(c, lex::Token | lex::WordExtra)) {
            return false;
        }
    }
    return v.front() != '@' && v.back() != '@';
}

ParseError bad(HeaderId id, const char *why)
{
    return ParseError::make(ParseError::Code::BadHeaderValue, canonicalHeaderName(id), why);
}

} // namespace

ParseError Message::indexField(const HeaderField &f, bool front)
{
    const QByteArray &src = owner(f.source);
    const char *why = nullptr;
    const auto duplicate = [&] {
        return ParseError::make(ParseError::Code::DuplicateHeader, canonicalHeaderName(f.id));
    };
    switch (f.id) {
    case HeaderId::Via: {
        // Parsed straight into m_vias; on error the values added are undone.
        const qsizetype before = m_vias.size();
        qsizetype at = front ? 0 : before;
        const bool balanced = lex::splitCommaList(f.value, [&](QByteArrayView item) {
            if (why)
                return;
            if (m_vias.size() >= limits::kMaxViaCount) {
                why = "too many Via values";
                return;
            }
            if (at == m_vias.size())
                m_vias.emplace_back();
            else
                m_vias.insert(m_vias.begin() + at, Via());
            if (Via::parseInto(m_vias[at], item, src, &why))
                ++at;
        });
        if (!balanced || why) {
            m_vias.erase(m_vias.begin() + (front ? 0 : before),
                         m_vias.begin() + (front ? 0 : before) + (m_vias.size() - before));
            return bad(f.id, why ? why : "unbalanced quotes or brackets");
        }
        return {};
    }
    case HeaderId::From:
    case HeaderId::To: {
        NameAddr &target = f.id == HeaderId::From ? m_from : m_to;
        if (target.isValid())
            return duplicate();
        if (!NameAddr::parseInto(target, f.value, src, &why)) {
            target = NameAddr();
            return bad(f.id, why);
        }
        return {};
    }
    case HeaderId::CallId:
        if (!m_callId.isEmpty())
            return duplicate();
        if (!validCallId(f.value))
            return bad(f.id, "expected word[@word]");
        m_callId = f.value;
        return {};
    case HeaderId::CSeq: {
        if (m_cseq.isValid())
            return duplicate();
        auto c = CSeq::parse(f.value, src, &why);
        if (!c)
            return bad(f.id, why);
        m_cseq = std::move(*c);
        return {};
    }
    case HeaderId::MaxForwards: {
        if (m_maxForwards >= 0)
            return duplicate();
        const auto v = lex::parseUnsigned(f.value, 0x7fffffff);
        if (!v)
            return bad(f.id, "expected a number");
        m_maxForwards = int(*v);
        return {};
    }
    case HeaderId::ContentType: {
        if (m_contentType.isValid())
            return duplicate();
        auto m = MediaType::parse(f.value, src, false, &why);
        if (!m)
            return bad(f.id, why);
        m_contentType = std::move(*m);
        return {};
    }
    case HeaderId::ContentLength: {
        if (m_contentLength >= 0)
            return duplicate();
        const auto v = lex::parseUnsigned(f.value, 0x7fffffff);
        if (!v)
            return bad(f.id, "expected a number");
        m_contentLength = qint64(*v);
        return {};
    }
    default:
        return {};
    }
}

ParseError Message::index()
{
    m_vias.clear();
    m_from = {};
    m_to = {};
    m_callId = {};
    m_cseq = {};
    m_maxForwards = -1;
    m_contentType = {};
    m_contentLength = -1;
    ParseError first;
    for (const HeaderField &f : m_headers) {
        ParseError e = indexField(f, false);
        if (e.isError() && !first.isError())
            first = std::move(e);
    }
    return first;
}

bool Message::insertField(QByteArrayView name, QByteArrayView value, qsizetype at)
{
    const QByteArrayView trimmedName = lex::trimmed(name);
    if (!lex::isToken(trimmedName))
        return false;
    for (char c : value) {
        // A value may not contain bare line breaks (folds are written by us).
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    HeaderField f;
    f.id = lookupHeader(trimmedName);
    quint16 nameSource = 0;
    f.name = f.id == HeaderId::Other ? store(trimmedName, &nameSource) : canonicalHeaderName(f.id);
    f.value = store(lex::trimmed(value), &f.source);
    if (indexField(f, at == 0).isError()) {
        index(); // undo a partial Via insertion
        return false;
    }
    m_headers.insert(m_headers.begin() + at, f);
    return true;
}

bool Message::copyHeader(const Message &from, HeaderId id)
{
    if (&from == this || id == HeaderId::Other)
        return false;
    bool present = false;
    switch (id) {
    case HeaderId::Via:
        present = !m_vias.isEmpty();
        break;
    case HeaderId::From:
    case HeaderId::To:
    case HeaderId::CallId:
    case HeaderId::CSeq:
    case HeaderId::MaxForwards:
    case HeaderId::ContentType:
    case HeaderId::ContentLength:
        present = hasHeader(id);
        break;
    default:
        break;
    }
    if (present)
        return false;
    for (const HeaderField &f : from.m_headers) {
        if (f.id != id)
            continue;
        HeaderField copy = f;
        copy.source = adopt(from.owner(f.source));
        m_headers.append(copy);
    }
    // The eagerly parsed values hold views into the same (shared) bytes.
    switch (id) {
    case HeaderId::Via:
        m_vias = from.m_vias;
        break;
    case HeaderId::From:
        m_from = from.m_from;
        break;
    case HeaderId::To:
        m_to = from.m_to;
        break;
    case HeaderId::CallId:
        m_callId = from.m_callId;
        break;
    case HeaderId::CSeq:
        m_cseq = from.m_cseq;
        break;
    case HeaderId::MaxForwards:
        m_maxForwards = from.m_maxForwards;
        break;
    case HeaderId::ContentType:
        m_contentType = from.m_contentType;
        break;
    case HeaderId::ContentLength:
        m_contentLength = from.m_contentLength;
        break;
    default:
        break;
    }
    return true;
}

bool Message::addHeader(QByteArrayView name, QByteArrayView value)
{
    return insertField(name, value, m_headers.size());
}

bool Message::prependHeader(QByteArrayView name, QByteArrayView value)
{
    return insertField(name, value, 0);
}

bool Message::setHeader(QByteArrayView name, QByteArrayView value)
{
    const qsizetype at = findField(name);
    if (at < 0)
        return addHeader(name, value);
    const Headers saved = m_headers;
    removeHeader(name);
    if (!insertField(name, value, at)) {
        m_headers = saved;
        index();
        return false;
    }
    return true;
}

int Message::removeHeader(QByteArrayView name)
{
    int removed = 0;
    for (qsizetype i = findField(name); i >= 0; i = findField(name, i)) {
        m_headers.remove(i);
        ++removed;
    }
    if (removed)
        index();
    return removed;
}

bool Message::removeFirstHeader(QByteArrayView name)
{
    const qsizetype i = findField(name);
    if (i < 0)
        return false;
    m_headers.remove(i);
    index();
    return true;
}

bool Message::replaceTopVia(QByteArrayView value)
{
    const qsizetype at = findField("Via");
    if (at < 0)
        return false;
    // The other values of the same line stay, after the new one.
    QByteArray line = value.toByteArray();
    bool first = true;
    lex::splitCommaList(m_headers[at].value, [&](QByteArrayView item) {
        if (!first) {
            line += ", ";
            line += item;
        }
        first = false;
    });
    quint16 source = 0;
    const QByteArrayView stored = store(line, &source);
    Via top;
    if (!Via::parseInto(top, stored.first(value.size()), owner(source))) {
        m_chunks.removeLast();
        return false;
    }
    HeaderField &f = m_headers[at];
    f.value = stored;
    f.source = source;
    // Only the top value changed; the others keep their views into bytes
    // this message still holds. A message whose Vias did not index (a
    // malformed one, stamped before its 400) is indexed again instead.
    if (m_vias.isEmpty())
        index();
    else
        m_vias[0] = std::move(top);
    return true;
}

void Message::setBody(const QByteArray &body, QByteArrayView contentType)
{
    m_chunks.append(body);
    m_body = m_chunks.back();
    setHeader("Content-Length", QByteArray::number(body.size()));
    if (!contentType.isEmpty())
        setHeader("Content-Type", contentType);
}

void Message::setRequestUri(const Uri &uri)
{
    m_requestUri = uri;
}

} // namespace sip
