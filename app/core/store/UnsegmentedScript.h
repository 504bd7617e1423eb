// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tidings {

// Scripts written without spaces between words: Chinese, Japanese, Korean
// (whose words carry particles), Thai, Lao, Khmer, Myanmar. A word index
// cannot split such text, so it is searched by substring; a partial index of
// the messages holding such characters keeps even a short substring search
// (one or two characters, which no trigram covers) off the rest of history.
class UnsegmentedScript
{
public:
    // True for a character of one of these scripts (the Unicode blocks below).
    static bool contains(char32_t codePoint);
    static bool contains(const QString &text);
    // A GLOB pattern matching text that holds such a character:
    // "*[<ranges>]*". Part of schema version 1 (the messages_unsegmented
    // index): a search uses the same text so SQLite picks that index.
    static QString globPattern();
};

} // namespace tidings
