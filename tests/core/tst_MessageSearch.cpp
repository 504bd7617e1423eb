// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/MessageSearch.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "store/UnsegmentedScript.h"

#include <QSqlQuery>

#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

class SearchProfile : public TempProfile
{
public:
    qint64 add(const QString &peer, const QString &body, const QDateTime &time = at(0),
               qint64 account = 0)
    {
        const InsertOutcome o = MessageStore(db()).insertIncoming(
            incoming(account ? account : accountId(), peer, body,
                     QStringLiteral("s%1").arg(++m_next), 1, time));
        return o.kind == InsertOutcome::Kind::Stored ? o.id : 0;
    }

    QList<SearchHit> search(const QString &text, const SearchFilter &filter = {})
    {
        auto result = MessageSearch(db()).search(text, filter);
        if (!result) {
            qWarning() << result.error().toString();
        }
        return result.value();
    }

private:
    int m_next = 0;
};

QStringList bodies(const QList<SearchHit> &hits)
{
    QStringList out;
    for (const SearchHit &hit : hits) {
        out << hit.message.body;
    }
    return out;
}

} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT

private slots:
    void ranksByBm25()
    {
        SearchProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        const QString once = QStringLiteral("apple");
        const QString thrice = QStringLiteral("apple apple apple banana");
        const QString diluted = QStringLiteral(
            "I had an apple with a long list of other unrelated words in this sentence today");
        p.add("sip:a@example.com", diluted);
        p.add("sip:a@example.com", once);
        p.add("sip:a@example.com", QStringLiteral("banana only"));
        p.add("sip:a@example.com", thrice);

        const auto hits = p.search(QStringLiteral("apple"));
        // More occurrences in a short message first, a long message last.
        QCOMPARE(bodies(hits), (QStringList{thrice, once, diluted}));
        QVERIFY(hits[0].rank < hits[1].rank);
        QVERIFY(hits[1].rank < hits[2].rank);
    }

    void snippetsBracketTheMatches()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com",
              QStringLiteral("See you at the meeting tomorrow, bring the notes"));
        p.add("sip:a@example.com", QString::fromUtf8("Crème brûlée tonight?"));

        auto hits = p.search(QStringLiteral("meeting notes"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].snippet,
                 QStringLiteral("See you at the [meeting] tomorrow, bring the [notes]"));

        // Diacritics do not matter; the snippet shows the text as written.
        hits = p.search(QStringLiteral("creme BRULEE"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].snippet, QString::fromUtf8("[Crème] [brûlée] tonight?"));

        // Whole words by default; when no word matches, the terms are found as
        // substrings (trigram index).
        hits = p.search(QStringLiteral("the meet"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits[0].snippet.contains(QStringLiteral("[meet]ing")),
                 qPrintable(hits[0].snippet));
        // The last word as a prefix on request.
        SearchFilter asYouType;
        asYouType.matchPrefix = true;
        hits = p.search(QStringLiteral("the meet"), asYouType);
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits[0].snippet.contains(QStringLiteral("[meeting]")),
                 qPrintable(hits[0].snippet));
    }

    void longMessagesGetAnExcerpt()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        QString body;
        for (int i = 0; i < 100; ++i) {
            body += QStringLiteral("word%1 ").arg(i);
        }
        body += QStringLiteral("needle");
        for (int i = 0; i < 100; ++i) {
            body += QStringLiteral(" after%1").arg(i);
        }
        p.add("sip:a@example.com", body);
        const auto hits = p.search(QStringLiteral("needle"));
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits[0].snippet.contains(QStringLiteral("[needle]")));
        QVERIFY(hits[0].snippet.size() < 300);
        QVERIFY(hits[0].snippet.startsWith(QChar(0x2026)));
    }

    void filtersByContactAccountAndDate()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        Account second;
        second.aor = QStringLiteral("sip:work@example.com");
        const qint64 work = AccountStore(p.db()).add(second).value();
        p.add("sip:alice@example.com", "lunch plans day one", at(1 * 86400));
        p.add("sip:alice@example.com", "lunch plans day five", at(5 * 86400));
        p.add("sip:bob@example.com", "lunch plans with bob", at(3 * 86400));
        p.add("sip:alice@example.com", "lunch plans at work", at(4 * 86400), work);

        QCOMPARE(p.search("lunch").size(), 4);

        SearchFilter filter;
        filter.peerUri = QStringLiteral("sip:alice@EXAMPLE.com;transport=tcp");
        QCOMPARE(p.search("lunch", filter).size(), 3);
        filter.accountId = p.accountId();
        QCOMPARE(bodies(p.search("lunch", filter)).size(), 2);
        filter.from = at(2 * 86400);
        QCOMPARE(bodies(p.search("lunch", filter)), QStringList{"lunch plans day five"});
        filter.until = at(5 * 86400); // exclusive
        QVERIFY(p.search("lunch", filter).isEmpty());

        SearchFilter dates;
        dates.from = at(3 * 86400);
        dates.until = at(4 * 86400 + 1);
        QCOMPARE(bodies(p.search("lunch", dates)).size(), 2);

        SearchFilter bad;
        bad.peerUri = QStringLiteral("not an address");
        QCOMPARE(MessageSearch(p.db()).search("lunch", bad).error().code(),
                 StoreError::Code::InvalidArgument);
    }

    void findsChineseAndJapanese_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expectedBody");
        QTest::addColumn<QString>("expectedSnippetPart");

        const QString chinese = QString::fromUtf8("今天我跟他说你好然后我们去了北京大学");
        const QString japanese =
            QString::fromUtf8("明日は東京で会いましょう、よろしくお願いします");
        const QString mixed = QString::fromUtf8("東京 meeting at noon");
        QTest::newRow("你好, two characters in a sentence")
            << QString::fromUtf8("你好") << chinese << QString::fromUtf8("[你好]");
        QTest::newRow("北京大学, four characters")
            << QString::fromUtf8("北京大学") << chinese << QString::fromUtf8("[北京大学]");
        QTest::newRow("北 alone, one character")
            << QString::fromUtf8("北") << chinese << QString::fromUtf8("[北]");
        QTest::newRow("東京 with kanji around")
            << QString::fromUtf8("東京で会") << japanese << QString::fromUtf8("[東京で会]");
        QTest::newRow("hiragana") << QString::fromUtf8("よろしく") << japanese
                                  << QString::fromUtf8("[よろしく]");
        QTest::newRow("two short terms")
            << QString::fromUtf8("你好 北京") << chinese << QString::fromUtf8("[北京]");
        QTest::newRow("CJK and a word")
            << QString::fromUtf8("東京 meeting") << mixed << QString::fromUtf8("[東京] [meeting]");
    }

    void findsChineseAndJapanese()
    {
        QFETCH(QString, query);
        QFETCH(QString, expectedBody);
        QFETCH(QString, expectedSnippetPart);
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:li@example.cn", QString::fromUtf8("今天我跟他说你好然后我们去了北京大学"));
        p.add("sip:sato@example.jp",
              QString::fromUtf8("明日は東京で会いましょう、よろしくお願いします"));
        p.add("sip:sato@example.jp", QString::fromUtf8("東京 meeting at noon"));
        p.add("sip:sato@example.jp", QString::fromUtf8("大阪に行きます"));
        p.add("sip:x@example.com", QStringLiteral("a meeting without kanji"));

        const auto hits = p.search(query);
        QCOMPARE(bodies(hits), QStringList{expectedBody});
        QVERIFY2(hits[0].snippet.contains(expectedSnippetPart), qPrintable(hits[0].snippet));
    }

    void shortCjkSearchReadsOnlyCjkMessages()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        // The partial index exists with the pattern the search uses, and SQLite
        // picks it for a scan in time order.
        QSqlQuery schema(p.db().connection());
        QVERIFY(schema.exec(
            QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'messages_unsegmented'")));
        QVERIFY(schema.next());
        QVERIFY(schema.value(0).toString().contains(UnsegmentedScript::globPattern()));
        QSqlQuery plan(p.db().connection());
        QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT m.id FROM messages m WHERE 1 "
                                         "AND m.body GLOB '%1' AND m.body LIKE '%x%' ESCAPE '\\' "
                                         "ORDER BY m.sort_time DESC, m.id DESC LIMIT 50")
                              .arg(UnsegmentedScript::globPattern())));
        QString details;
        while (plan.next()) {
            details += plan.value(3).toString() + QLatin1Char('\n');
        }
        QVERIFY2(details.contains(QStringLiteral("messages_unsegmented")), qPrintable(details));

        for (int i = 0; i < 20; ++i) {
            p.add("sip:a@example.com", QStringLiteral("latin text %1").arg(i));
        }
        p.add("sip:a@example.com", QString::fromUtf8("我们明天见"));
        p.add("sip:a@example.com", QString::fromUtf8("明天下雨"));
        QCOMPARE(bodies(p.search(QString::fromUtf8("明天"))),
                 (QStringList{QString::fromUtf8("明天下雨"), QString::fromUtf8("我们明天见")}));
    }

    void substringFallbackWhenNoWordMatches()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com", QStringLiteral("pineapple juice"));
        p.add("sip:a@example.com", QStringLiteral("grape juice"));
        const auto hits = p.search(QStringLiteral("eappl"));
        QCOMPARE(bodies(hits), QStringList{"pineapple juice"});
        QCOMPARE(hits[0].snippet, QStringLiteral("pin[eappl]e juice"));
    }

    void substringsIgnoreCaseAndWildcards()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com", QStringLiteral("pineapple juice"));
        p.add("sip:a@example.com", QStringLiteral("100% sure"));
        p.add("sip:a@example.com", QStringLiteral("1000 things"));
        p.add("sip:a@example.com", QStringLiteral("snake_case name"));
        p.add("sip:a@example.com", QStringLiteral("snakeXcase name"));
        p.add("sip:a@example.com", QString::fromUtf8("東京_駅"));
        p.add("sip:a@example.com", QString::fromUtf8("東京X駅"));
        QCOMPARE(bodies(p.search(QStringLiteral("EAPPL"))), QStringList{"pineapple juice"});
        QCOMPARE(bodies(p.search(QStringLiteral("100%"))), QStringList{"100% sure"});
        QCOMPARE(bodies(p.search(QStringLiteral("snake_case"))), QStringList{"snake_case name"});
        // '_' and '%' are literal characters of a substring, never wildcards.
        QCOMPARE(bodies(p.search(QString::fromUtf8("京_駅"))),
                 QStringList{QString::fromUtf8("東京_駅")});
        QCOMPARE(bodies(p.search(QString::fromUtf8("京%"))), QStringList());
    }

    void hostileQueriesAreOnlyText_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("findsApple");
        const std::pair<const char *, bool> queries[] = {
            {"\"", false},
            {"\"\"", false},
            {"*", false},
            {"(", false},
            {")", false},
            {"AND", false},
            {"OR", false},
            {"NOT", false},
            {"NEAR", false},
            {"NEAR(a b)", false},
            {"a AND", false},
            {"-", false},
            {"^", false},
            {":", false},
            {"body:", false},
            {"{body}", false},
            {"body:apple", false},
            {"'", false},
            {"\\", false},
            {"%", false},
            {"_", false},
            {"a\"b", false},
            {"\"unterminated", false},
            {"apple*", true},
            {"*apple", true},
            {"((apple", true},
            {"\"apple\"", true},
            {"apple OR", false},
            {"NOT apple", false},
            {"apple -banana", false},
            {"%apple%", true},
            {"rank:1", false},
            {"apple)", true},
        };
        for (const auto &[query, finds] : queries) {
            QTest::newRow(query) << QString::fromUtf8(query) << finds;
        }
        QTest::newRow("NUL") << QString(QChar(0)) << false;
        QTest::newRow("emoji") << QString::fromUtf8("🙂") << false;
        QTest::newRow("very long") << QString(5000, QLatin1Char('a')) << false;
        QTest::newRow("many terms") << QString(QStringLiteral("apple ")).repeated(100) << true;
    }

    void hostileQueriesAreOnlyText()
    {
        QFETCH(QString, query);
        QFETCH(bool, findsApple);
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com", QStringLiteral("an apple a day"));
        p.add("sip:a@example.com", QStringLiteral("nothing to see"));
        auto result = MessageSearch(p.db()).search(query);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(bodies(result.value()).contains(QStringLiteral("an apple a day")), findsApple);
    }

    void emptyQueryFindsNothing()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com", QStringLiteral("anything"));
        for (const QString &text : {QString(), QStringLiteral(""), QStringLiteral("  \t ")}) {
            auto result = MessageSearch(p.db()).search(text);
            QVERIFY(result.ok());
            QVERIFY(result.value().isEmpty());
        }
    }

    void limitOffsetAndRankingWindow()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        for (int i = 0; i < 30; ++i) {
            p.add("sip:a@example.com", QStringLiteral("common word number %1").arg(i), at(i));
        }
        SearchFilter filter;
        filter.limit = 10;
        QSet<qint64> seen;
        for (int page = 0; page < 3; ++page) {
            filter.offset = page * 10;
            const auto hits = p.search("common", filter);
            QCOMPARE(hits.size(), 10);
            for (const SearchHit &hit : hits) {
                seen.insert(hit.message.id);
            }
        }
        QCOMPARE(seen.size(), 30);
        filter.offset = 30;
        QVERIFY(p.search("common", filter).isEmpty());

        // Only the newest candidateLimit matches are ranked.
        SearchFilter window;
        window.candidateLimit = 5;
        const auto hits = p.search("common", window);
        QCOMPARE(hits.size(), 5);
        for (const SearchHit &hit : hits) {
            QVERIFY(hit.message.time >= at(25));
        }
        window.candidateLimit = 0; // all of them
        QCOMPARE(p.search("common", window).size(), 30);
    }

    void findsOutgoingMessagesToo()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        QVERIFY(Outbox(p.db())
                    .queue(outgoing(p.accountId(), "sip:bob@example.com", "reply about zebras"))
                    .ok());
        const auto hits = p.search("zebras");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].message.direction, Direction::Outgoing);
        QCOMPARE(hits[0].message.state, DeliveryState::Queued);
    }

    void readersCanSearch()
    {
        SearchProfile p;
        QVERIFY(p.isValid());
        p.add("sip:a@example.com", QStringLiteral("searchable while read-only"));
        auto reader = Database::open(p.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY(reader.ok());
        const auto hits = MessageSearch(*reader.value()).search("searchable").value();
        QCOMPARE(hits.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_MessageSearch.moc"
