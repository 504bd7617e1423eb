// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tidings {

// Turns what a user typed into FTS5 queries that are always valid and never
// interpret FTS5 syntax (https://www.sqlite.org/fts5.html#full_text_query_syntax):
// the text is split at white space into terms, each term becomes one quoted
// string (a double quote inside is doubled), and all terms must match.
// Quotes, stars, parentheses, column filters, "AND"/"OR"/"NOT"/"NEAR" and
// "^" are just characters of a term. Empty input gives an empty query.
//
// Two forms, for the two indexes:
//  - words (unicode61, diacritics removed): terms with a letter or digit;
//    each matches a whole word (the last one optionally also as a prefix);
//  - substrings (trigram): used when a term is written in a script without
//    spaces between words (Chinese, Japanese, Korean, Thai, ...), for terms
//    without letters, and when no word matches. Terms become LIKE patterns:
//    those the trigram index can serve (indexedPatterns(): at least three
//    characters, no LIKE wildcard) and the others, checked on the message
//    text (likePatterns()).
class SearchQuery
{
public:
    // At most this many terms are used; more make a query slower, not better.
    static constexpr int maxTerms = 16;

    static SearchQuery fromUserText(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    // The terms, as typed.
    QStringList terms() const { return m_terms; }
    // True when the substring form should be used.
    bool prefersSubstrings() const { return m_prefersSubstrings; }

    // MATCH expression for the unicode61 index; empty when no term has a
    // letter or digit. With prefixLastTerm the last word also matches as a
    // prefix ("meet" finds "meeting", for searching as you type); FTS5 then
    // reads that word's whole doclist, which is slower for common words.
    QString wordQuery(bool prefixLastTerm = false) const;
    // "%term%" LIKE patterns for the trigram index: terms of at least three
    // characters without '%' or '_' (https://www.sqlite.org/fts5.html#the_trigram_tokenizer;
    // a shorter string has no trigram to look up).
    QStringList indexedPatterns() const;
    // LIKE patterns (escape character '\') for the other terms: shorter than
    // three characters, or holding a LIKE wildcard.
    QStringList likePatterns() const;

    // "term" with inner double quotes doubled: an FTS5 string.
    static QString quote(const QString &term);
    // True for characters of scripts written without spaces between words.
    static bool isUnsegmentedScript(char32_t codePoint);

private:
    QStringList m_terms;
    bool m_prefersSubstrings = false;
};

} // namespace tidings
