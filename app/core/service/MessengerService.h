// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/AccountSession.h"
#include "session/AccountStatus.h"
#include "store/Account.h"
#include "store/Contact.h"
#include "store/StoreResult.h"
#include "store/StoredMessage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace tidings {

class Database;
class SecretStore;
class ServiceWorker;

// The desktop app's way into the core: the profile's writing Database, the
// Messenger and one AccountSession per enabled account, all on ONE core
// thread, so the GUI thread never waits for a durable commit
// (synchronous=FULL costs a disk sync per commit, tens of milliseconds on
// a slow disk) or for SIP work. (docs/ARCHITECTURE.md, "Threads".)
//
// Every command returns at once; its outcome comes back on the GUI thread,
// as a callback and through the notification signals below, which carry
// values (never pointers into the core thread). Views read through their
// own read-only connection (openReader()): WAL lets them read while the core
// thread writes, and a notification is emitted only after its commit, so a
// read that follows one sees the change.
//
// Passwords come from the SecretStore (the OS keychain, or this run's memory
// where there is none) and are handed to the core thread only to build the
// account's stack; they are never written to the profile.
class MessengerService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Done = std::function<void(StoreResult<T>)>;

    struct Options
    {
        // On quit, how long accounts may take to unregister (RFC 3261
        // §10.2.2) before the program goes anyway.
        int unregisterBoundMs = 3000;
        // Passed to every AccountSession (tests: loopback addresses).
        AccountSession::Options session;
    };

    MessengerService(QString profileDirectory, SecretStore &secrets, Options options,
                     QObject *parent = nullptr);
    MessengerService(QString profileDirectory, SecretStore &secrets, QObject *parent = nullptr);
    // Stops the core thread, waiting for it (use shutdown() first to let
    // accounts unregister).
    ~MessengerService() override;

    // Opens the profile's database on the core thread; opened() or
    // openFailed() follows. Accounts are not started: startAccounts().
    void open();
    bool isOpen() const { return m_open; }
    QString profileDirectory() const { return m_profileDirectory; }
    // A read-only connection to the profile for the calling thread (views).
    StoreResult<std::unique_ptr<Database>> openReader() const;

    // Starts every enabled account (reading its password first).
    void startAccounts();
    // Unregisters every account (for at most Options::unregisterBoundMs),
    // stores what is still pending, closes the database and ends the core
    // thread; `done` runs on this thread afterwards.
    void shutdown(std::function<void()> done = {});
    bool isShutDown() const { return m_shutDown; }

    // The accounts as last read (updated before accountsChanged).
    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(qint64 id) const;
    AccountStatus status(qint64 accountId) const;
    // Whether passwords are kept in the OS keychain (false: this run only).
    bool secretsPersistent() const;
    QString secretsProblem() const;

    // Accounts. The password goes to the SecretStore; empty: unchanged
    // (update) or none (add).
    void addAccount(const Account &account, const QString &password, Done<qint64> done = {});
    void updateAccount(const Account &account, const std::optional<QString> &password,
                       Done<void> done = {});
    void setAccountEnabled(qint64 accountId, bool enabled, Done<void> done = {});
    // Removes the account (it signs out first, bounded); its password leaves
    // the keychain. keepHistory: its conversations stay readable and adding
    // the same address again brings them back; else they are deleted too.
    void removeAccount(qint64 accountId, bool keepHistory, Done<void> done = {});
    // Tries to register now (after a failure, instead of waiting for the
    // back-off); starts the account when it is not running.
    void reconnect(qint64 accountId);
    // For an account whose password was not found: start it with this one
    // (kept in the SecretStore too).
    void providePassword(qint64 accountId, const QString &password);

    // Messages.
    void send(qint64 accountId, const QString &peerUri, const QString &text,
              Done<qint64> done = {});
    void retry(qint64 messageId, Done<void> done = {});
    void remove(qint64 messageId, Done<void> done = {});
    void markConversationRead(qint64 conversationId);
    void removeConversation(qint64 conversationId, Done<void> done = {});

    // Contacts.
    void addContact(const Contact &contact, Done<qint64> done = {});
    void updateContact(const Contact &contact, Done<void> done = {});
    void removeContact(qint64 contactId, Done<void> done = {});
    void setBlocked(qint64 accountId, const QString &uri, bool blocked, Done<void> done = {});

signals:
    void opened();
    void openFailed(const QString &error);
    void accountsChanged();
    void accountStatusChanged(const tidings::AccountStatus &status);
    // Newly stored incoming messages (committed; the 2xx goes out after).
    void messagesStored(const QList<tidings::StoredMessage> &messages);
    void messageChanged(const tidings::StoredMessage &message);
    void messageRemoved(qint64 messageId, qint64 conversationId);
    void conversationRead(qint64 conversationId);
    void conversationRemoved(qint64 conversationId);
    void contactsChanged(qint64 accountId);
    // Something could not be stored (incoming: the sender got 500 and
    // retries; outgoing: the message stays in the outbox), in words.
    void storeFailed(const QString &error);
    // The keychain cannot be used: passwords are kept for this run only.
    void secretsNotPersistent(const QString &why);

private:
    friend class ServiceWorker;

    // Runs `work` on the core thread; `back` (if any) then runs here with
    // its result.
    template <typename R>
    void call(std::function<R(ServiceWorker &)> work, std::function<void(R)> back);
    void startWithSecret(const Account &account);
    void onAccountsListed(const QList<tidings::Account> &accounts);

    QString m_profileDirectory;
    SecretStore &m_secrets;
    Options m_options;
    QThread m_thread;
    ServiceWorker *m_worker = nullptr;
    bool m_open = false;
    bool m_shutDown = false;
    bool m_shuttingDown = false;
    QList<Account> m_accounts;
    QHash<qint64, AccountStatus> m_statuses;
};

} // namespace tidings
