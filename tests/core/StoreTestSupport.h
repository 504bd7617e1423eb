// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the store tests: a profile in a temporary directory with a
// writer Database and one account, and builders for messages.

#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/IncomingMessage.h"
#include "store/OutgoingMessage.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace tidings::test {

inline QDateTime at(qint64 secondsFromBase)
{
    // 2026-01-01T00:00:00Z
    return QDateTime::fromMSecsSinceEpoch(1767225600000LL + secondsFromBase * 1000, Qt::UTC);
}

inline IncomingMessage incoming(qint64 accountId, const QString &peer, const QString &body,
                                const QString &callId, qint64 cseq = 1,
                                const QDateTime &receivedAt = at(0))
{
    IncomingMessage m;
    m.accountId = accountId;
    m.peerUri = peer;
    m.body = body;
    m.callId = callId;
    m.fromTag = QStringLiteral("tag-") + callId;
    m.cseq = cseq;
    m.receivedAt = receivedAt;
    return m;
}

inline OutgoingMessage outgoing(qint64 accountId, const QString &peer, const QString &body,
                                const QDateTime &writtenAt = at(0))
{
    OutgoingMessage m;
    m.accountId = accountId;
    m.peerUri = peer;
    m.body = body;
    m.writtenAt = writtenAt;
    return m;
}

inline QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A fresh profile directory with an open writer and an account.
class TempProfile
{
public:
    TempProfile()
    {
        if (!m_dir.isValid()) {
            return;
        }
        auto opened = Database::open(m_dir.path());
        if (!opened) {
            m_error = opened.error().toString();
            return;
        }
        m_db = std::move(opened).value();
        Account account;
        account.aor = QStringLiteral("sip:me@example.com");
        account.displayName = QStringLiteral("Me");
        auto id = AccountStore(*m_db).add(account);
        if (!id) {
            m_error = id.error().toString();
            return;
        }
        m_accountId = id.value();
    }

    bool isValid() const { return m_db && m_accountId > 0; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    Database &db() { return *m_db; }
    qint64 accountId() const { return m_accountId; }
    void close() { m_db.reset(); }
    bool reopen()
    {
        m_db.reset();
        auto opened = Database::open(m_dir.path());
        if (!opened) {
            m_error = opened.error().toString();
            return false;
        }
        m_db = std::move(opened).value();
        return true;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_accountId = 0;
    QString m_error;
};

} // namespace tidings::test
