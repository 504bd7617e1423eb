// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/IncomingMessage.h"
#include "store/StoredMessage.h"
#include "ua/UserAgent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <utility>

namespace tidings {

class Database;

// A newly stored message together with the request it came in.
struct StoredRequest
{
    StoredMessage message;
    sip::IncomingMessage request;
};

// One account's incoming MESSAGEs: stored, then answered (docs/ARCHITECTURE.md: an
// answered message is never lost). Requests that arrive together — one
// drain of the sockets, before the event loop runs again — are stored in ONE
// SQLite transaction (group commit, one disk sync for all), then answered:
//   stored, or stored before (a retransmission or merged request, same From
//   tag + Call-ID + CSeq: RFC 3261 §8.2.2.2, §17.2.3)  -> 200
//   not stored (disk full, I/O error)                   -> 500 + Retry-After
//   from a blocked contact                              -> 603 or 200, per
//                                                          Account::BlockedAnswer, not stored
class Inbox : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    // Sends the final response of a server transaction
    // (sip::UserAgent::answer).
    using Answer = std::function<void(quint64 serverId, int status, const QByteArray &reason,
                                      const Headers &headers)>;

    // RFC 3261 §21.5.1 / §20.33: a 500 after a failed store carries
    // Retry-After. A full disk or a failing device is not repaired within
    // seconds, and each retry costs the sender a transaction; 30 s is the
    // base wait RFC 5626 §4.5 (and Registration) uses before trying again.
    static constexpr int kRetryAfterSeconds = 30;

    Inbox(Database &db, qint64 accountId, Answer answer, QObject *parent = nullptr);
    // What is still pending is stored and answered.
    ~Inbox() override;

    // Queues a MESSAGE handed up by the UserAgent; storing and answering run
    // from the event loop once the current burst has been read.
    void add(const sip::IncomingMessage &message);
    // Stores and answers what is pending now.
    void flush();
    qsizetype pending() const { return m_pending.size(); }

    void setBlockedAnswer(Account::BlockedAnswer answer) { m_blockedAnswer = answer; }
    Account::BlockedAnswer blockedAnswer() const { return m_blockedAnswer; }
    qint64 accountId() const { return m_accountId; }

    // What the store keeps of a request: the From URI, the decoded body
    // (msilo's offline prefix taken away, its time as sentAt), content type,
    // Call-ID, From tag, CSeq number, the Date header.
    static IncomingMessage toIncoming(const sip::IncomingMessage &message, qint64 accountId,
                                      const QDateTime &receivedAt);

signals:
    // After the batch is committed and BEFORE the answers go out: only
    // messages stored now (a retransmission of a stored one is not repeated).
    void requestsStored(const QList<tidings::StoredRequest> &requests);
    void messagesStored(const QList<tidings::StoredMessage> &messages);
    // Storing failed; the senders got 500 with Retry-After.
    void storeFailed(const QString &error);

private:
    struct Pending
    {
        sip::IncomingMessage request;
        QDateTime receivedAt;
    };

    // The rows with these ids, in this order (an empty row where one could
    // not be read).
    QList<StoredMessage> readBack(const QList<qint64> &ids) const;

    Database &m_db;
    qint64 m_accountId;
    Answer m_answer;
    Account::BlockedAnswer m_blockedAnswer = Account::BlockedAnswer::Decline;
    QList<Pending> m_pending;
    bool m_scheduled = false;
};

} // namespace tidings
