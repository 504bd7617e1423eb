// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-store-bench: figures for the local store (issue 5), on a generated
// profile of 1,000,000 messages across 1,000 contacts:
//
//   tidings-store-bench [--dir DIR] [--messages N] [--contacts N] [--keep]
//
// --dir reuses (or fills) a profile there; without it a temporary profile is
// generated and removed afterwards unless --keep. Build it in the release
// preset. Measured on a warm page cache (the file was just written or read).

#include "BenchProfile.h"
#include "store/AccountStore.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageSearch.h"
#include "store/MessageStore.h"
#include "store/MessageWriter.h"
#include "store/Transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace tidings;
using namespace tidings::bench;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "tidings-store-bench: %s\n", qPrintable(what));
    std::exit(1);
}

std::unique_ptr<Database> openOrFail(const QString &dir)
{
    auto opened = Database::open(dir);
    if (!opened) {
        fail(opened.error().toString());
    }
    return std::move(opened).value();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local store benchmark"));
    parser.addHelpOption();
    QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Profile directory."),
                                 QStringLiteral("DIR"));
    QCommandLineOption messagesOption(QStringLiteral("messages"),
                                      QStringLiteral("Messages to generate."), QStringLiteral("N"),
                                      QStringLiteral("1000000"));
    QCommandLineOption contactsOption(QStringLiteral("contacts"),
                                      QStringLiteral("Contacts to spread them over."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    QCommandLineOption keepOption(QStringLiteral("keep"),
                                  QStringLiteral("Keep the temporary profile."));
    parser.addOptions({dirOption, messagesOption, contactsOption, keepOption});
    parser.process(app);

    QTemporaryDir temp(QDir::temp().filePath(QStringLiteral("tidings-store-bench-XXXXXX")));
    temp.setAutoRemove(!parser.isSet(keepOption));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    const int messages = parser.value(messagesOption).toInt();
    const int contacts = parser.value(contactsOption).toInt();
    std::printf("profile: %s\n", qPrintable(dir));
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly)) {
        std::printf("load average: %s", loadavg.readLine().constData());
    }

    {
        auto db = openOrFail(dir);
        const qint64 existing = scalar(*db, QStringLiteral("SELECT count(*) FROM messages"));
        db.reset();
        if (existing < messages) {
            if (existing > 0) {
                fail(QStringLiteral("%1 holds %2 messages; use an empty directory")
                         .arg(dir)
                         .arg(existing));
            }
            db = openOrFail(dir);
            ProfileShape shape;
            shape.messages = messages;
            shape.contacts = contacts;
            if (const QString why = generateProfile(*db, shape); !why.isEmpty())
                fail(why);
        }
    }

    // Startup: open the profile (lock, header check, schema, pragmas).
    std::vector<double> opens;
    std::vector<double> opensWithList;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto db = openOrFail(dir);
        opens.push_back(msSince(timer));
        const auto conversations = ConversationStore(*db).list();
        opensWithList.push_back(msSince(timer));
        if (!conversations) {
            fail(conversations.error().toString());
        }
    }

    auto db = openOrFail(dir);
    const qint64 total = scalar(*db, QStringLiteral("SELECT count(*) FROM messages"));
    const QList<Conversation> conversations = ConversationStore(*db).list().value();

    // Opening a conversation: its newest 100 messages.
    MessageStore store(*db);
    std::vector<double> pages;
    QRandomGenerator pick(7);
    qint64 largest = 0;
    qint64 largestCount = 0;
    for (const Conversation &c : conversations) {
        const qint64 n = scalar(*db, QStringLiteral("SELECT count(*) FROM messages WHERE "
                                                    "conversation_id = %1")
                                         .arg(c.id));
        if (n > largestCount) {
            largestCount = n;
            largest = c.id;
        }
    }
    for (int i = 0; i < 200; ++i) {
        const qint64 id =
            i == 0 ? largest : conversations[pick.bounded(int(conversations.size()))].id;
        QElapsedTimer timer;
        timer.start();
        auto page = store.page(id, {}, 100);
        pages.push_back(msSince(timer));
        if (!page) {
            fail(page.error().toString());
        }
    }
    std::vector<double> olderPages;
    {
        auto page = store.page(largest, {}, 100).value();
        for (int i = 0; i < 50 && page.hasMore(); ++i) {
            QElapsedTimer timer;
            timer.start();
            page = store.page(largest, page.next, 100).value();
            olderPages.push_back(msSince(timer));
        }
    }

    // Search.
    MessageSearch search(*db);
    const QString twoWords = QStringLiteral("%1 %2").arg(QLatin1String(kCommonWords[5]),
                                                         QLatin1String(kCommonWords[10]));
    auto timeSearch = [&](const QString &text, int candidateLimit, int *hits) {
        std::vector<double> runs;
        SearchFilter filter;
        filter.limit = 50;
        filter.candidateLimit = candidateLimit;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto result = search.search(text, filter);
            runs.push_back(msSince(timer));
            if (!result) {
                fail(result.error().toString());
            }
            *hits = int(result.value().size());
        }
        return median(runs);
    };
    auto matches = [&](const QString &table, const QString &match) {
        return scalar(
            *db, QStringLiteral("SELECT count(*) FROM %1 WHERE %1 MATCH '%2'").arg(table, match));
    };
    int hits = 0;
    const double searchWindowed = timeSearch(twoWords, SearchFilter().candidateLimit, &hits);
    int hitsFull = 0;
    const double searchFull = timeSearch(twoWords, 0, &hitsFull);
    int cjkHits = 0;
    const double searchCjk2 = timeSearch(QString::fromUtf8("你好"), 5000, &cjkHits);
    int absentHits = 0;
    const double searchCjkAbsent = timeSearch(QString::fromUtf8("鳄鱼"), 5000, &absentHits);
    int cjk5Hits = 0;
    const double searchCjk5 = timeSearch(QString::fromUtf8("ありがとう"), 5000, &cjk5Hits);
    int rareHits = 0;
    const double searchRare = timeSearch(QStringLiteral("kalomi"), 5000, &rareHits);
    const qint64 bothMatches =
        matches(QStringLiteral("messages_words"), QStringLiteral("\"meeting\" \"tomorrow\""));
    const qint64 firstMatches =
        matches(QStringLiteral("messages_words"), QStringLiteral("\"meeting\""));
    const qint64 secondMatches =
        matches(QStringLiteral("messages_words"), QStringLiteral("\"tomorrow\""));

    // Durable incoming inserts, synchronous=FULL: group commit of 64, and one by one.
    const qint64 accountId = AccountStore(*db).list().value().first().id;
    const qint64 run = QDateTime::currentMSecsSinceEpoch(); // unique Call-IDs on reruns
    auto makeBatch = [&](int n, int base) {
        QList<IncomingMessage> batch;
        for (int i = 0; i < n; ++i) {
            IncomingMessage m;
            m.accountId = accountId;
            m.peerUri = QStringLiteral("sip:contact%1@example.org").arg((base + i) % contacts);
            m.body = QStringLiteral("incoming message %1 about the meeting tomorrow").arg(base + i);
            m.callId = QStringLiteral("rate-%1-%2@bench").arg(run).arg(base + i);
            m.fromTag = QStringLiteral("r%1").arg(base + i);
            m.cseq = 1;
            batch << m;
        }
        return batch;
    };
    // Three rounds each: the figures depend on the disk's sync time and on
    // what else the machine does, so the median and the best are printed.
    const int grouped = 20480;
    const int single = 1000;
    std::vector<double> groupedRates;
    std::vector<double> singleRates;
    int next = 0;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (int base = 0; base < grouped; base += 64) {
            for (const InsertOutcome &o : store.insertIncomingBatch(makeBatch(64, next + base))) {
                if (o.kind != InsertOutcome::Kind::Stored) {
                    fail(o.error.toString());
                }
            }
        }
        groupedRates.push_back(grouped / (msSince(timer) / 1000));
        next += grouped;
        timer.restart();
        for (int i = 0; i < single; ++i) {
            const InsertOutcome o = store.insertIncoming(makeBatch(1, next + i).first());
            if (o.kind != InsertOutcome::Kind::Stored) {
                fail(o.error.toString());
            }
        }
        singleRates.push_back(single / (msSince(timer) / 1000));
        next += single;
    }
    const double groupedRate = median(groupedRates);
    const double singleRate = median(singleRates);
    QElapsedTimer timer;

    const QString path = db->filePath();
    db.reset(); // checkpoint: everything in the main file
    auto again = openOrFail(dir);
    const qint64 finalCount = scalar(*again, QStringLiteral("SELECT count(*) FROM messages"));
    const qint64 bytes = again->sizeOnDisk().value();
    const qint64 pageSize = scalar(*again, QStringLiteral("PRAGMA page_size"));
    auto tableBytes = [&](const QString &like) {
        return scalar(
            *again,
            QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%1'").arg(like));
    };
    const qint64 wordsBytes = tableBytes(QStringLiteral("messages_words%"));
    const qint64 trigramBytes = tableBytes(QStringLiteral("messages_trigrams%"));
    timer.start();
    const bool healthy = again->checkIntegrity().ok();
    const double quickCheck = msSince(timer);

    std::printf("\n");
    std::printf("messages: %lld in %lld conversations (largest %lld)\n",
                static_cast<long long>(total), static_cast<long long>(conversations.size()),
                static_cast<long long>(largestCount));
    std::printf("| measure | result | target |\n|---|---|---|\n");
    std::printf("| open newest 100 of a conversation (median of 200; max) | %.2f ms (max %.2f) | < "
                "10 ms |\n",
                median(pages), *std::max_element(pages.begin(), pages.end()));
    std::printf("| next older page of 100 (median of %zu) | %.2f ms | |\n", olderPages.size(),
                median(olderPages));
    std::printf("| search \"%s\", top 50 by rank, newest %d matches ranked | %.1f ms (%d hits) | < "
                "50 ms |\n",
                qPrintable(twoWords), SearchFilter().candidateLimit, searchWindowed, hits);
    std::printf(
        "| same, every match ranked (%lld matches; words in %lld / %lld messages) | %.1f ms | |\n",
        static_cast<long long>(bothMatches), static_cast<long long>(firstMatches),
        static_cast<long long>(secondMatches), searchFull);
    std::printf("| search \"你好\" (2 CJK characters: LIKE scan), top 50 | %.1f ms (%d hits) | |\n",
                searchCjk2, cjkHits);
    std::printf("| search \"鳄鱼\" (2 CJK characters found nowhere: a full LIKE scan) | %.1f ms "
                "(%d hits) | |\n",
                searchCjkAbsent, absentHits);
    std::printf("| search \"ありがとう\" (trigram index), top 50 | %.1f ms (%d hits) | |\n",
                searchCjk5, cjk5Hits);
    std::printf("| search a rare word | %.1f ms (%d hits) | |\n", searchRare, rareHits);
    std::printf(
        "| core startup: open the profile (median of 7; max) | %.2f ms (max %.2f) | < 200 ms |\n",
        median(opens), *std::max_element(opens.begin(), opens.end()));
    std::printf("| open + list all conversations with unread counts | %.2f ms | |\n",
                median(opensWithList));
    std::printf("| durable incoming inserts, group commit of 64 (3 x %d messages; median, best) "
                "| %.0f messages/s (best %.0f) | >= 5,000/s |\n",
                grouped, groupedRate, *std::max_element(groupedRates.begin(), groupedRates.end()));
    std::printf("| durable incoming inserts, one commit each (3 x %d messages; median) | %.0f "
                "messages/s | |\n",
                single, singleRate);
    std::printf("| database size | %.1f MiB, %.0f bytes/message (page size %lld) | |\n",
                bytes / 1048576.0, double(bytes) / finalCount, static_cast<long long>(pageSize));
    if (wordsBytes > 0 && trigramBytes > 0) {
        std::printf("| of which word index / trigram index | %.0f / %.0f bytes/message | |\n",
                    double(wordsBytes) / finalCount, double(trigramBytes) / finalCount);
    }
    std::printf("| PRAGMA quick_check (not run at startup) | %.0f ms (%s) | |\n", quickCheck,
                healthy ? "ok" : "damaged");
    std::printf("file: %s (%lld bytes)\n", qPrintable(path),
                static_cast<long long>(QFileInfo(path).size()));
    return 0;
}
