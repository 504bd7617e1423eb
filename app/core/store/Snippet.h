// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tidings {

// A short excerpt of a message with every occurrence of the search terms in
// [brackets], for substring matches, where FTS5's snippet() is not used
// (the trigram index and LIKE). Matching ignores case.
class Snippet
{
public:
    static constexpr qsizetype defaultLength = 120;
    static constexpr QChar ellipsis = QChar(u'\u2026');

    // The whole body when it is short, otherwise about `length` characters
    // around the first match, with an ellipsis where text was cut.
    static QString highlight(const QString &body, const QStringList &terms,
                             qsizetype length = defaultLength);
};

} // namespace tidings
