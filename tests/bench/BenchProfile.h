// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A generated profile for the benchmarks: realistic message texts (Zipf
// word frequencies, 3 % CJK) spread over many conversations, written through
// the store's own MessageWriter in large transactions.

#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageWriter.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace tidings::bench {

// Index 5 and 10 are the two "common words" searched for.
inline const char *const kCommonWords[] = {
    "the",    "you",      "to",   "and",   "i",    "meeting", "it",   "is",      "for",
    "we",     "tomorrow", "on",   "at",    "can",  "see",     "ok",   "thanks",  "that",
    "call",   "later",    "time", "what",  "when", "where",   "good", "morning", "lunch",
    "dinner", "home",     "work", "train", "late", "soon",    "yes",  "no",
};
inline const char *const kCjkPhrases[] = {
    "你好", "我们",   "明天", "北京", "谢谢", "会议",         "東京", "ありがとう", "よろしく",
    "電車", "今日は", "晚上", "吃饭", "大阪", "お願いします", "朋友", "学校",       "天气很好",
};
inline constexpr int kVocabulary = 4000;

struct Generator
{
    QRandomGenerator random{20260101};
    std::vector<QString> words;
    std::vector<double> cumulative; // Zipf, s = 1

    Generator()
    {
        static const char *const syllables[] = {"ka", "lo",  "mi", "ne", "ru", "sa", "ti",
                                                "vo", "be",  "do", "fi", "gu", "ha", "ju",
                                                "pe", "qua", "ri", "so", "te", "ul"};
        for (const char *w : kCommonWords) {
            words.push_back(QString::fromLatin1(w));
        }
        while (int(words.size()) < kVocabulary) {
            QString w;
            const int n = 2 + random.bounded(3);
            for (int i = 0; i < n; ++i) {
                w += QLatin1String(syllables[random.bounded(int(std::size(syllables)))]);
            }
            words.push_back(w);
        }
        double sum = 0;
        for (int r = 1; r <= kVocabulary; ++r) {
            sum += 1.0 / r;
            cumulative.push_back(sum);
        }
        for (double &c : cumulative) {
            c /= sum;
        }
    }

    const QString &word()
    {
        const double u = random.generateDouble();
        const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
        return words[std::min<size_t>(it - cumulative.begin(), words.size() - 1)];
    }

    QString body()
    {
        if (random.bounded(100) < 3) {
            QString text;
            const int n = 2 + random.bounded(5);
            for (int i = 0; i < n; ++i) {
                text += QString::fromUtf8(kCjkPhrases[random.bounded(int(std::size(kCjkPhrases)))]);
            }
            return text;
        }
        QString text;
        const int n = 3 + random.bounded(16);
        for (int i = 0; i < n; ++i) {
            if (i > 0) {
                text += QLatin1Char(' ');
            }
            text += word();
        }
        return text;
    }
};

struct ProfileShape
{
    int messages = 1'000'000;
    int contacts = 1'000;
    // Messages of contact 0 (one very long conversation); the rest are
    // spread over the others, skewed so a few have most. 0: skewed over all.
    int largest = 0;
    QString aor = QStringLiteral("sip:bench@example.com");
    // false: an account "without a server" (the desktop app listens).
    bool registerAccount = true;
    // Messages newer than now minus this many days (the newest are today).
    bool endsNow = false;
};

// Fills the (empty) profile; returns why it failed, empty on success.
inline QString generateProfile(Database &db, const ProfileShape &shape)
{
    Account account;
    account.aor = shape.aor;
    account.registerAccount = shape.registerAccount;
    auto accountId = AccountStore(db).add(account);
    if (!accountId)
        return accountId.error().toString();
    Generator gen;
    QElapsedTimer timer;
    timer.start();
    // About 3 years of messages, 1 to 189 s apart on average per message.
    const qint64 spanMs = qint64(shape.messages) * 95'000;
    qint64 timeMs = shape.endsNow
                        ? QDateTime::currentMSecsSinceEpoch() - spanMs
                        : QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const int chunk = 10000;
    const double largestShare = shape.messages > 0 ? double(shape.largest) / shape.messages : 0;
    for (int start = 0; start < shape.messages; start += chunk) {
        Transaction transaction(db.connection());
        if (auto begun = transaction.begin(); !begun)
            return begun.error().toString();
        QList<StoredMessage> rows;
        for (int i = start; i < std::min(shape.messages, start + chunk); ++i) {
            timeMs += 1000 + gen.random.bounded(188000);
            int contact = 0;
            if (largestShare > 0 && gen.random.generateDouble() < largestShare) {
                contact = 0;
            } else {
                // Skewed: a few contacts have most of the messages.
                const double u = gen.random.generateDouble();
                const int others = largestShare > 0 ? shape.contacts - 1 : shape.contacts;
                contact = int(others * u * u) + (largestShare > 0 ? 1 : 0);
            }
            StoredMessage m;
            m.accountId = accountId.value();
            m.peerUri = QStringLiteral("sip:contact%1@example.org").arg(contact);
            m.body = gen.body();
            m.contentType = QStringLiteral("text/plain");
            m.callId = QStringLiteral("%1@bench").arg(i);
            m.fromTag = QStringLiteral("t%1").arg(i);
            m.cseq = 1;
            m.time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
            m.read = true;
            if (gen.random.bounded(2) == 0) {
                m.direction = Direction::Incoming;
                m.state = DeliveryState::Received;
                m.receivedAt = m.time;
            } else {
                m.direction = Direction::Outgoing;
                m.state = DeliveryState::Sent;
                m.statusCode = 200;
                m.reason = QStringLiteral("OK");
                m.sentAt = m.time;
            }
            rows.append(m);
        }
        for (const InsertOutcome &outcome : MessageWriter(db).insertBatch(rows)) {
            if (outcome.kind == InsertOutcome::Kind::Failed)
                return outcome.error.toString();
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error().toString();
        if ((start / chunk) % 10 == 9) {
            std::printf("  generated %d messages (%.0f s)\n", start + chunk,
                        double(timer.elapsed()) / 1000);
            std::fflush(stdout);
        }
    }
    std::printf("generated %d messages across %d contacts in %.1f s\n", shape.messages,
                shape.contacts, double(timer.elapsed()) / 1000);
    return {};
}

} // namespace tidings::bench
