// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Random tokens for tags, Call-IDs, branches and cnonces (RFC 3261 §19.3
// asks for at least 32 bits of randomness; these carry 96). Injectable so
// tests are exact: the default draws from the system's secure generator.

#include <QByteArray>
#include <QRandomGenerator>

namespace sip {

class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // `length` characters of [0-9a-z] (token-safe in every SIP position).
    virtual QByteArray token(int length = 20) = 0;
};

class SystemRandom final : public RandomSource
{
public:
    QByteArray token(int length = 20) override
    {
        return tokenFrom(*QRandomGenerator::system(), length);
    }

    static QByteArray tokenFrom(QRandomGenerator &generator, int length)
    {
        static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
        QByteArray out(length, '0');
        for (char &c : out)
            c = kAlphabet[generator.bounded(36)];
        return out;
    }
};

// Deterministic tokens for tests and benchmarks.
class SeededRandom final : public RandomSource
{
public:
    explicit SeededRandom(quint32 seed)
        : m_generator(seed)
    {}
    QByteArray token(int length = 20) override
    {
        return SystemRandom::tokenFrom(m_generator, length);
    }

private:
    QRandomGenerator m_generator;
};

} // namespace sip
