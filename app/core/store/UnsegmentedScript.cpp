// SPDX-License-Identifier: GPL-3.0-or-later
#include "UnsegmentedScript.h"

#include <QList>

namespace tidings {

namespace {

struct Range
{
    char32_t first;
    char32_t last;
};

// Unicode blocks (https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt).
constexpr Range kRanges[] = {
    {0x0E00, 0x0EFF},   // Thai, Lao
    {0x1000, 0x109F},   // Myanmar
    {0x1100, 0x11FF},   // Hangul Jamo
    {0x1780, 0x17FF},   // Khmer
    {0x3040, 0x318F},   // Hiragana, Katakana, Bopomofo, Hangul Compatibility Jamo
    {0x31A0, 0x31BF},   // Bopomofo Extended
    {0x31F0, 0x31FF},   // Katakana Phonetic Extensions
    {0x3400, 0x4DBF},   // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF},   // CJK Unified Ideographs
    {0xA960, 0xA97F},   // Hangul Jamo Extended-A
    {0xAC00, 0xD7FF},   // Hangul Syllables, Hangul Jamo Extended-B
    {0xF900, 0xFAFF},   // CJK Compatibility Ideographs
    {0xFF66, 0xFF9F},   // Halfwidth Katakana
    {0x20000, 0x3134F}, // CJK Unified Ideographs Extensions B to G
};

} // namespace

bool UnsegmentedScript::contains(char32_t c)
{
    for (const Range &r : kRanges) {
        if (c >= r.first && c <= r.last) {
            return true;
        }
    }
    return false;
}

bool UnsegmentedScript::contains(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if (contains(c)) {
            return true;
        }
    }
    return false;
}

QString UnsegmentedScript::globPattern()
{
    QString pattern = QStringLiteral("*[");
    for (const Range &r : kRanges) {
        pattern += QString::fromUcs4(&r.first, 1);
        pattern += QLatin1Char('-');
        pattern += QString::fromUcs4(&r.last, 1);
    }
    pattern += QStringLiteral("]*");
    return pattern;
}

} // namespace tidings
