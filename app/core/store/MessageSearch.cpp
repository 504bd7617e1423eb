// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageSearch.h"

#include "ContactKey.h"
#include "Database.h"
#include "MessageRow.h"
#include "Snippet.h"
#include "Sql.h"
#include "UnsegmentedScript.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tidings {

namespace {

constexpr int kMaxLimit = 1000;
// Tokens around the matches in an FTS5 snippet (at most 64).
constexpr int kSnippetTokens = 16;

struct Conditions
{
    QString sql;
    QVariantList values;
};

Conditions filterConditions(const SearchFilter &filter, const ContactKey &peer)
{
    Conditions out;
    if (filter.accountId != 0) {
        out.sql += QStringLiteral(" AND m.account_id = ?");
        out.values << filter.accountId;
    }
    if (peer.isValid()) {
        out.sql += QStringLiteral(
            " AND m.conversation_id IN (SELECT id FROM conversations WHERE peer_key = ?)");
        out.values << peer.toString();
    }
    if (filter.from.isValid()) {
        out.sql += QStringLiteral(" AND m.sort_time >= ?");
        out.values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.until.isValid()) {
        out.sql += QStringLiteral(" AND m.sort_time < ?");
        out.values << filter.until.toMSecsSinceEpoch();
    }
    return out;
}

QString bindMarks(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i) {
        marks << QStringLiteral("?");
    }
    return marks.join(QLatin1Char(','));
}

} // namespace

MessageSearch::MessageSearch(Database &db)
    : m_db(db)
{}

StoreResult<QList<SearchHit>> MessageSearch::search(const QString &userText,
                                                    const SearchFilter &filter) const
{
    const SearchQuery query = SearchQuery::fromUserText(userText);
    if (query.isEmpty()) {
        return QList<SearchHit>();
    }
    if (!filter.peerUri.isEmpty() && !ContactKey::fromString(filter.peerUri).isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(filter.peerUri));
    }

    if (!query.prefersSubstrings()) {
        auto scored = rank(Index::Words, query, filter);
        if (!scored) {
            return scored.error();
        }
        // Nothing as words: the same terms as substrings ("ello" in "hello"),
        // when the trigram index can narrow it down.
        if (!scored.value().isEmpty() || filter.offset > 0 || query.indexedPatterns().isEmpty()) {
            return load(scored.value(), Index::Words, query.wordQuery(filter.matchPrefix), query);
        }
    }
    auto scored = rank(Index::Trigrams, query, filter);
    if (!scored) {
        return scored.error();
    }
    return load(scored.value(), Index::Trigrams, {}, query);
}

StoreResult<QList<MessageSearch::Scored>> MessageSearch::rank(Index index, const SearchQuery &query,
                                                              const SearchFilter &filter) const
{
    const Conditions conditions = filterConditions(
        filter, filter.peerUri.isEmpty() ? ContactKey() : ContactKey::fromString(filter.peerUri));
    const QString table = index == Index::Words ? QStringLiteral("messages_words")
                                                : QStringLiteral("messages_trigrams");
    // What the index answers: a MATCH on the words, LIKE on the trigrams
    // (an FTS5 table's hidden column has the table's name, so no alias).
    QString indexSql;
    QVariantList indexValues;
    if (index == Index::Words) {
        indexSql = QStringLiteral("%1 MATCH ?").arg(table);
        indexValues << query.wordQuery(filter.matchPrefix);
    } else {
        for (const QString &pattern : query.indexedPatterns()) {
            indexSql += QStringLiteral("%1%2.body LIKE ?")
                            .arg(indexSql.isEmpty() ? QString() : QStringLiteral(" AND "), table);
            indexValues << pattern;
        }
    }
    // What only the message text can answer.
    const QStringList likes = index == Index::Words ? QStringList() : query.likePatterns();
    QString likeSql;
    for (qsizetype i = 0; i < likes.size(); ++i) {
        likeSql += QStringLiteral(" AND m.body LIKE ? ESCAPE '\\'");
    }
    const int limit = std::clamp(filter.limit, 1, kMaxLimit);
    const int offset = std::max(0, filter.offset);

    QString sql;
    QVariantList values;
    if (indexSql.isEmpty()) {
        // Only short substrings: no full-text index can help; newest first.
        // Text in a script without spaces is looked for only among the
        // messages that have such text (the messages_unsegmented index; the
        // pattern must be the index's own text for SQLite to use it).
        QString scriptSql;
        if (UnsegmentedScript::contains(query.terms().join(QString()))) {
            scriptSql =
                QStringLiteral(" AND m.body GLOB '%1'").arg(UnsegmentedScript::globPattern());
        }
        sql = QStringLiteral("SELECT m.id, 0.0 FROM messages m WHERE 1%1%2%3 "
                             "ORDER BY m.sort_time DESC, m.id DESC LIMIT ? OFFSET ?")
                  .arg(scriptSql, likeSql, conditions.sql);
    } else {
        const bool join = !likeSql.isEmpty() || !conditions.sql.isEmpty();
        // The newest candidateLimit matches (FTS5 walks its doclists by rowid,
        // newest first, and stops there), ranked by bm25.
        QString candidates =
            QStringLiteral("SELECT %1.rowid AS id, bm25(%1) AS score FROM %1%2 WHERE %3%4%5")
                .arg(table,
                     join ? QStringLiteral(" JOIN messages m ON m.id = %1.rowid").arg(table)
                          : QString(),
                     indexSql, likeSql, conditions.sql);
        values << indexValues;
        if (filter.candidateLimit > 0) {
            candidates += QStringLiteral(" ORDER BY %1.rowid DESC LIMIT ?").arg(table);
        }
        sql = QStringLiteral("SELECT id, score FROM (%1) ORDER BY score, id DESC LIMIT ? OFFSET ?")
                  .arg(candidates);
    }
    for (const QString &pattern : likes) {
        values << pattern;
    }
    values << conditions.values;
    if (!indexSql.isEmpty() && filter.candidateLimit > 0) {
        values << filter.candidateLimit;
    }
    values << limit << offset;

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values)) {
        q.addBindValue(value);
    }
    const QString action = tr("Could not search the history.");
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    QList<Scored> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toDouble()});
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    return out;
}

StoreResult<QList<SearchHit>> MessageSearch::load(const QList<Scored> &scored, Index index,
                                                  const QString &match,
                                                  const SearchQuery &query) const
{
    QList<SearchHit> hits;
    if (scored.isEmpty()) {
        return hits;
    }
    const QString action = tr("Could not read the search results.");
    const QString marks = bindMarks(scored.size());

    QHash<qint64, StoredMessage> rows;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE m.id IN (%3)")
                  .arg(MessageRow::columns(), MessageRow::from(), marks));
    for (const Scored &s : scored) {
        q.addBindValue(s.id);
    }
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    while (q.next()) {
        const StoredMessage m = MessageRow::read(q);
        rows.insert(m.id, m);
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }

    QHash<qint64, QString> snippets;
    if (index == Index::Words) {
        QSqlQuery s(m_db.connection());
        s.setForwardOnly(true);
        // The rowid range lets FTS5 seek to the hits instead of walking every
        // match of a common word.
        s.prepare(QStringLiteral("SELECT rowid, snippet(messages_words, 0, '[', ']', '%1', %2) "
                                 "FROM messages_words WHERE messages_words MATCH ? AND "
                                 "rowid >= ? AND rowid <= ? AND rowid IN (%3)")
                      .arg(Snippet::ellipsis)
                      .arg(kSnippetTokens)
                      .arg(marks));
        const auto [low, high] =
            std::minmax_element(scored.cbegin(), scored.cend(),
                                [](const Scored &a, const Scored &b) { return a.id < b.id; });
        s.addBindValue(match);
        s.addBindValue(low->id);
        s.addBindValue(high->id);
        for (const Scored &one : scored) {
            s.addBindValue(one.id);
        }
        if (auto done = Sql::run(s, action); !done) {
            return done.error();
        }
        while (s.next()) {
            snippets.insert(s.value(0).toLongLong(), s.value(1).toString());
        }
    }

    for (const Scored &s : scored) {
        const auto row = rows.constFind(s.id);
        if (row == rows.cend()) {
            continue; // deleted meanwhile
        }
        SearchHit hit;
        hit.message = row.value();
        hit.rank = s.rank;
        hit.snippet = index == Index::Words ? snippets.value(s.id)
                                            : Snippet::highlight(hit.message.body, query.terms());
        if (hit.snippet.isEmpty()) {
            hit.snippet = Snippet::highlight(hit.message.body, query.terms());
        }
        hits.append(hit);
    }
    return hits;
}

} // namespace tidings
