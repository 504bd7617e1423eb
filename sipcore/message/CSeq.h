// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16); the number is below 2**31
// (§8.1.1.5).

#include <QByteArray>

#include <optional>

namespace sip {

class CSeq
{
public:
    CSeq() = default;
    CSeq(quint32 number, const QByteArray &method)
        : m_owner(method)
        , m_method(m_owner)
        , m_number(number)
    {}

    static std::optional<CSeq> parse(QByteArrayView text, const QByteArray &owner,
                                     const char **why = nullptr);

    quint32 number() const { return m_number; }
    QByteArrayView method() const { return m_method; }
    bool isValid() const { return !m_method.isEmpty(); }

private:
    QByteArray m_owner;
    QByteArrayView m_method;
    quint32 m_number = 0;
};

} // namespace sip
