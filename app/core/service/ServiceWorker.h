// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/AccountSession.h"
#include "store/Account.h"
#include "store/StoreResult.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace tidings {

class Database;
class Messenger;

// MessengerService's half on the core thread: owns the writing Database, the
// Messenger and the running AccountSessions. Only ever called on that thread.
class ServiceWorker : public QObject
{
    Q_OBJECT

public:
    explicit ServiceWorker(AccountSession::Options sessionOptions);
    ~ServiceWorker() override;

    StoreResult<void> open(const QString &profileDirectory);
    Database *database() const { return m_db.get(); }
    Messenger *messenger() const { return m_messenger.get(); }

    StoreResult<QList<Account>> accounts() const;
    // Builds and starts the account's session (stopping a running one first).
    void startSession(const Account &account, const QString &password);
    void stopSession(qint64 accountId, int boundMs, std::function<void()> done);
    // Stops every session in parallel, at most `boundMs`, then closes the
    // database. `done` runs on this thread.
    void shutdown(int boundMs, std::function<void()> done);
    bool isRunning(qint64 accountId) const { return m_sessions.count(accountId) != 0; }
    // Registers again at once instead of after the back-off; false when the
    // account has no running session.
    bool reconnect(qint64 accountId);

    StoreResult<qint64> addAccount(const Account &account);
    StoreResult<void> updateAccount(const Account &account);
    // keepHistory: retired (AccountStore::retire), else deleted with it.
    StoreResult<void> removeAccount(qint64 accountId, bool keepHistory);

signals:
    void accountsListed(const QList<tidings::Account> &accounts);
    void accountStatusChanged(const tidings::AccountStatus &status);

private:
    void listAccounts();

    AccountSession::Options m_sessionOptions;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Messenger> m_messenger;
    std::map<qint64, std::unique_ptr<AccountSession>> m_sessions;
    // Sessions on their way out (unregistering).
    std::map<AccountSession *, std::unique_ptr<AccountSession>> m_stopping;
};

} // namespace tidings
