// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli search` run as the real executable on a profile built here
// with the store classes: results by rank with the history fields and a
// snippet, Chinese and Japanese text, the user's words never read as FTS5
// syntax, the filters, and its usage errors. The failures it shares with
// `history` (no profile, damaged or newer databases) are in tst_CliHistory.

#include "CliProcess.h"
#include "StoreTestSupport.h"

#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

QString fillSearchProfile(TempProfile &p)
{
    const qint64 account = p.accountId();
    MessageStore messages(p.db());
    const QString alice = QStringLiteral("sip:alice@example.com");
    const QString bob = QStringLiteral("sip:bob@example.com");
    const std::pair<QString, QString> bodies[] = {
        {alice, QStringLiteral("The project deadline moved: the project deadline is now Friday")},
        {bob, QStringLiteral("a project with a deadline, and a long message that goes on about "
                             "many other things: trains, weather, lunch plans, dinner and the "
                             "rest of the week")},
        {alice, QStringLiteral("lunch tomorrow?")},
        {bob, QStringLiteral("東京で会いましょう")},
        {QStringLiteral("sip:carol@example.com"), QStringLiteral("你好，世界")},
        {alice, QStringLiteral("Notes: key:value, NEAR(x y), -flag, star* and \"quoted\" words")},
    };
    int second = 0;
    for (const auto &[peer, body] : bodies) {
        second += 10;
        const auto outcome = messages.insertIncoming(
            incoming(account, peer, body, QStringLiteral("s%1").arg(second), 1, at(second)));
        if (!outcome.isStored())
            return outcome.error.toString();
    }
    Outbox outbox(p.db());
    const auto id =
        outbox.queue(outgoing(account, bob, QStringLiteral("project reminder"), at(70)));
    if (!id || !outbox.markSending(id.value(), QStringLiteral("s70"), QStringLiteral("t70"), 1) ||
        !outbox.markResult(id.value(), 503, QStringLiteral("Service Unavailable")))
        return QStringLiteral("could not store the outgoing message");
    return {};
}

QList<int> ids(const CliRun &run)
{
    QList<int> out;
    for (const QJsonObject &line : run.lines())
        out << line.value(QStringLiteral("id")).toInt();
    return out;
}

} // namespace

class TestCliSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_profile.isValid(), qPrintable(m_profile.error()));
        const QString error = fillSearchProfile(m_profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void rankedWithSnippets()
    {
        const CliRun run = search({QStringLiteral("project deadline")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        // Both words twice in a short message rank above once each in a
        // long one (bm25); "project reminder" lacks a word.
        QCOMPARE(ids(run), (QList<int>{1, 2}));
        const QList<QJsonObject> lines = run.lines();
        const QString best = lines[0].value(QStringLiteral("snippet")).toString();
        QVERIFY2(best.contains(QStringLiteral("[project] [deadline]")), qPrintable(best));
        const QString second = lines[1].value(QStringLiteral("snippet")).toString();
        QVERIFY2(second.contains(QStringLiteral("[project]")) &&
                     second.contains(QStringLiteral("[deadline]")),
                 qPrintable(second));
        // The words as typed in any case.
        QCOMPARE(ids(search({QStringLiteral("PROJECT"), QStringLiteral("Deadline")})),
                 (QList<int>{1, 2}));
    }

    void linesAreHistoryLinesPlusSnippet()
    {
        const CliRun run = search({QStringLiteral("lunch"), QStringLiteral("tomorrow")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.rawOut,
                 QStringLiteral(
                     "{\"event\":\"history\",\"id\":3,\"direction\":\"in\",\"peer\":\"sip:alice@"
                     "example.com\",\"body\":\"lunch tomorrow?\",\"content_type\":\"text/plain\","
                     "\"state\":\"received\",\"call_id\":\"s30\",\"time\":\"2026-01-01T00:00:"
                     "30.000Z\",\"snippet\":\"[lunch] [tomorrow]?\"}\n"));
        // An outgoing message that failed carries its status and reason.
        const QList<QJsonObject> failed = search({QStringLiteral("reminder")}).lines();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(failed[0].value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed[0].value(QStringLiteral("status")).toInt(), 503);
        QCOMPARE(failed[0].value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Service Unavailable"));
        QCOMPARE(failed[0].value(QStringLiteral("snippet")).toString(),
                 QStringLiteral("project [reminder]"));
    }

    void chineseAndJapanese_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("snippet");
        QTest::newRow("Japanese, two characters") << "東京" << 4 << "[東京]で会いましょう";
        QTest::newRow("Japanese, kana") << "会いましょう" << 4 << "東京で[会いましょう]";
        QTest::newRow("Chinese, two characters") << "你好" << 5 << "[你好]，世界";
        QTest::newRow("Chinese, the end") << "世界" << 5 << "你好，[世界]";
    }

    void chineseAndJapanese()
    {
        QFETCH(QString, query);
        QFETCH(int, id);
        QFETCH(QString, snippet);
        const CliRun run = search({query});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(ids(run), QList<int>{id});
        QCOMPARE(run.lines()[0].value(QStringLiteral("snippet")).toString(), snippet);
    }

    // https://www.sqlite.org/fts5.html#full_text_query_syntax: none of it
    // applies; the characters are part of the words searched for.
    void ftsSyntaxIsJustCharacters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QList<int>>("expected");
        const QList<int> notes{6};
        QTest::newRow("column filter key:value") << QStringList{"key:value"} << notes;
        QTest::newRow("NEAR(x y)") << QStringList{"NEAR(x y)"} << notes;
        QTest::newRow("prefix star*") << QStringList{"star*"} << notes;
        QTest::newRow("\"quoted\"") << QStringList{"\"quoted\""} << notes;
        QTest::newRow("an unbalanced quote") << QStringList{"\"quoted"} << notes;
        QTest::newRow("-flag after --") << QStringList{"--", "-flag"} << notes;
        QTest::newRow("a lone (") << QStringList{"("} << notes;
        QTest::newRow("a lone \"") << QStringList{"\""} << notes;
        QTest::newRow("a lone *") << QStringList{"*"} << notes;
        QTest::newRow("AND as a word") << QStringList{"AND", "flag"} << notes;
        QTest::newRow("OR finds nothing") << QStringList{"lunch OR dinner"} << QList<int>{};
        QTest::newRow("NOT finds nothing") << QStringList{"NOT", "lunch"} << QList<int>{};
        QTest::newRow("col:on finds nothing") << QStringList{"col:on"} << QList<int>{};
    }

    void ftsSyntaxIsJustCharacters()
    {
        QFETCH(QStringList, args);
        QFETCH(QList<int>, expected);
        verifyFinds(args, expected);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QList<int>>("expected");
        const QString project = QStringLiteral("project");
        // RFC 3261 §19.1.4 spellings of the same contact (ContactKey).
        QTest::newRow("--with, another spelling")
            << QStringList{"--with", "sip:alice@EXAMPLE.com;transport=udp", project}
            << QList<int>{1};
        QTest::newRow("--with bob")
            << QStringList{"--with", "sip:bob@example.com", project} << QList<int>{7, 2};
        QTest::newRow("--since a time")
            << QStringList{"--since", "2026-01-01T00:00:15Z", project, "deadline"} << QList<int>{2};
        QTest::newRow("--until a time")
            << QStringList{"--until", "2026-01-01T00:00:15Z", project, "deadline"} << QList<int>{1};
        QTest::newRow("--until a date: the whole day")
            << QStringList{"--until", "2026-01-01", project, "deadline"} << QList<int>{1, 2};
        QTest::newRow("--since the next day")
            << QStringList{"--since", "2026-01-02", project} << QList<int>{};
        QTest::newRow("--limit 1: the best")
            << QStringList{"--limit", "1", project, "deadline"} << QList<int>{1};
        QTest::newRow("nothing matches: exit 0") << QStringList{"xylophone"} << QList<int>{};
    }

    void filters()
    {
        QFETCH(QStringList, args);
        QFETCH(QList<int>, expected);
        verifyFinds(args, expected);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedOnStderr");
        QTest::newRow("no QUERY") << QStringList{} << "search needs QUERY";
        QTest::newRow("an empty QUERY") << QStringList{"  "} << "search needs QUERY";
        QTest::newRow("--limit 0") << QStringList{"--limit", "0", "x"} << "--limit must be";
        QTest::newRow("--limit 1001") << QStringList{"--limit", "1001", "x"} << "--limit must be";
        QTest::newRow("--since not a date")
            << QStringList{"--since", "yesterday", "x"} << "is not a date";
        QTest::newRow("--since after --until")
            << QStringList{"--since", "2026-02-01", "--until", "2026-01-01", "x"}
            << "--since must be before --until";
        QTest::newRow("--with not an address")
            << QStringList{"--with", "", "x"} << "is not a contact address";
        QTest::newRow("an option-like word without --") << QStringList{"-flag"} << "unknown option";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedOnStderr);
        verifyUsageError(search(args), expectedOnStderr);
    }

private:
    // Exit 0, nothing on stderr, and exactly these messages in this order.
    void verifyFinds(const QStringList &args, const QList<int> &expected) const
    {
        const CliRun run = search(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        QCOMPARE(ids(run), expected);
    }

    CliRun search(const QStringList &args) const
    {
        return runCli(
            QStringList{QStringLiteral("search"), QStringLiteral("--profile"), m_profile.path()} +
            args);
    }

    TempProfile m_profile;
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_CliSearch.moc"
