// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SearchFilter.h"
#include "SearchHit.h"
#include "SearchQuery.h"
#include "StoreResult.h"

#include <QCoreApplication>
#include <QList>

namespace tidings {

class Database;

// Full-text search over all history with FTS5: the user's words (never FTS5
// syntax, see SearchQuery), ranked by bm25, each hit with a snippet that puts
// the matches in [brackets], narrowed by account, contact and time.
//
// Words go to the unicode61 index (diacritics removed: "creme" finds
// "crème"); text in scripts without spaces (你好, 東京) and terms without
// letters go to the trigram index, with LIKE for terms shorter than three
// characters. When no word matches, the words are tried as substrings.
class MessageSearch
{
    Q_DECLARE_TR_FUNCTIONS(MessageSearch)

public:
    explicit MessageSearch(Database &db);

    StoreResult<QList<SearchHit>> search(const QString &userText,
                                         const SearchFilter &filter = {}) const;

private:
    struct Scored
    {
        qint64 id;
        double rank;
    };
    enum class Index
    {
        Words,
        Trigrams,
    };

    StoreResult<QList<Scored>> rank(Index index, const SearchQuery &query,
                                    const SearchFilter &filter) const;
    StoreResult<QList<SearchHit>> load(const QList<Scored> &scored, Index index,
                                       const QString &match, const SearchQuery &query) const;

    Database &m_db;
};

} // namespace tidings
