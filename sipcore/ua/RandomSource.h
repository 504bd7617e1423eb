// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Random tokens for tags, Call-IDs, branches and cnonces (RFC 3261 §19.3
// asks for at least 32 bits of randomness; these carry 96). Injectable so
// tests are exact: the default draws from the system's secure generator.

#include <QByteArray>
#include <QRandomGenerator>

#include <iterator>

namespace sip {

class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // `length` characters of [0-9a-z] (token-safe in every SIP position).
    virtual QByteArray token(int length = 20) = 0;
    // A number in [0, bound) for jitter (keep-alive and retry intervals,
    // RFC 5626 §4.4.1, §4.5); 0 when bound is 0. By default drawn from
    // token(), so a source that only makes tokens still works.
    virtual quint32 bounded(quint32 bound)
    {
        if (bound == 0)
            return 0;
        // 36^7 > 2^32: seven base-36 digits cover every quint32.
        return quint32(token(7).toULongLong(nullptr, 36) % bound);
    }
};

class SystemRandom final : public RandomSource
{
public:
    // Five bits of one system-random fill per character ([0-9a-v]): one
    // call to the system generator per token, not one per character.
    QByteArray token(int length = 20) override
    {
        static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuv";
        quint32 words[16];
        const int needed = qMin(int(std::size(words)), (length * 5 + 31) / 32);
        QByteArray out(length, '0');
        int bits = 0;
        quint64 pool = 0;
        int next = 0;
        for (char &c : out) {
            if (bits < 5) {
                if (next == 0)
                    QRandomGenerator::system()->fillRange(words, needed);
                pool |= quint64(words[next]) << bits;
                bits += 32;
                next = (next + 1) % needed;
            }
            c = kAlphabet[pool & 31];
            pool >>= 5;
            bits -= 5;
        }
        return out;
    }
    quint32 bounded(quint32 bound) override
    {
        return bound == 0 ? 0 : QRandomGenerator::system()->bounded(bound);
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
    quint32 bounded(quint32 bound) override { return bound == 0 ? 0 : m_generator.bounded(bound); }

private:
    QRandomGenerator m_generator;
};

} // namespace sip
