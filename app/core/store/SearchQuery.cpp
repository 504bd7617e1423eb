// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchQuery.h"

#include "UnsegmentedScript.h"

#include <QChar>

namespace tidings {

namespace {

// The trigram tokenizer indexes runs of three characters; a shorter string
// matches nothing (https://www.sqlite.org/fts5.html#the_trigram_tokenizer).
constexpr qsizetype kTrigram = 3;

bool hasLetterOrDigit(const QString &term)
{
    for (const char32_t c : term.toUcs4()) {
        if (QChar::isLetterOrNumber(c)) {
            return true;
        }
    }
    return false;
}

// A term the trigram index can look up with LIKE: three characters or more
// and no LIKE wildcard (the index takes no ESCAPE clause).
bool isIndexable(const QString &term)
{
    return term.toUcs4().size() >= kTrigram && !term.contains(QLatin1Char('%')) &&
           !term.contains(QLatin1Char('_'));
}

} // namespace

bool SearchQuery::isUnsegmentedScript(char32_t c)
{
    return UnsegmentedScript::contains(c);
}

SearchQuery SearchQuery::fromUserText(const QString &text)
{
    SearchQuery query;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty() && query.m_terms.size() < maxTerms &&
            !query.m_terms.contains(current)) {
            query.m_terms << current;
        }
        current.clear();
    };
    for (const QChar c : text) {
        // Controls (NUL included) separate terms like white space.
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            flush();
        } else {
            current += c;
        }
    }
    flush();

    bool anyWord = false;
    for (const QString &term : std::as_const(query.m_terms)) {
        anyWord = anyWord || hasLetterOrDigit(term);
        for (const char32_t c : term.toUcs4()) {
            if (isUnsegmentedScript(c)) {
                query.m_prefersSubstrings = true;
                break;
            }
        }
    }
    if (!anyWord && !query.m_terms.isEmpty()) {
        query.m_prefersSubstrings = true;
    }
    return query;
}

QString SearchQuery::quote(const QString &term)
{
    QString out = term;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString SearchQuery::wordQuery(bool prefixLastTerm) const
{
    QStringList parts;
    for (const QString &term : m_terms) {
        if (hasLetterOrDigit(term)) {
            parts << quote(term);
        }
    }
    if (parts.isEmpty()) {
        return {};
    }
    if (prefixLastTerm) {
        parts.last() += QLatin1Char('*');
    }
    return parts.join(QLatin1Char(' '));
}

QStringList SearchQuery::indexedPatterns() const
{
    QStringList out;
    for (const QString &term : m_terms) {
        if (isIndexable(term)) {
            out << QLatin1Char('%') + term + QLatin1Char('%');
        }
    }
    return out;
}

QStringList SearchQuery::likePatterns() const
{
    QStringList out;
    for (const QString &term : m_terms) {
        if (isIndexable(term)) {
            continue;
        }
        QString escaped;
        for (const QChar c : term) {
            if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\')) {
                escaped += QLatin1Char('\\');
            }
            escaped += c;
        }
        out << QLatin1Char('%') + escaped + QLatin1Char('%');
    }
    return out;
}

} // namespace tidings
