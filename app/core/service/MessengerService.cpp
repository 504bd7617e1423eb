// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessengerService.h"

#include "ServiceWorker.h"
#include "messenger/Messenger.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"

namespace tidings {

namespace {

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<tidings::StoredMessage>();
        qRegisterMetaType<QList<tidings::StoredMessage>>();
        qRegisterMetaType<tidings::AccountStatus>();
        qRegisterMetaType<tidings::Account>();
        qRegisterMetaType<QList<tidings::Account>>();
        qRegisterMetaType<tidings::DeliveryState>();
        return true;
    }();
    Q_UNUSED(once);
}

template <typename T>
StoreResult<T> notOpen()
{
    return StoreError(StoreError::Code::InvalidState,
                      QCoreApplication::translate("MessengerService", "The profile is not open."));
}

} // namespace

MessengerService::MessengerService(QString profileDirectory, SecretStore &secrets, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_profileDirectory(std::move(profileDirectory))
    , m_secrets(secrets)
    , m_options(std::move(options))
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("tidings-core"));
    m_worker = new ServiceWorker(m_options.session);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ServiceWorker::accountsListed, this, &MessengerService::onAccountsListed);
    connect(m_worker, &ServiceWorker::accountStatusChanged, this,
            [this](const AccountStatus &status) {
                m_statuses.insert(status.accountId, status);
                emit accountStatusChanged(status);
            });
    connect(&m_secrets, &SecretStore::persistenceLost, this,
            &MessengerService::secretsNotPersistent);
    m_thread.start();
}

MessengerService::MessengerService(QString profileDirectory, SecretStore &secrets, QObject *parent)
    : MessengerService(std::move(profileDirectory), secrets, Options{}, parent)
{}

MessengerService::~MessengerService()
{
    if (m_thread.isRunning()) {
        // No time to unregister: close the core's objects on their thread.
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->shutdown(0, {}); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
}

template <typename R>
void MessengerService::call(std::function<R(ServiceWorker &)> work, std::function<void(R)> back)
{
    QPointer<MessengerService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, work = std::move(work), back = std::move(back), self]() mutable {
            R result = work(*w);
            if (!back)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [back = std::move(back), result = std::move(result), self] {
                    if (self)
                        back(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MessengerService::open()
{
    const QString dir = m_profileDirectory;
    QPointer<MessengerService> self(this);
    call<StoreResult<void>>(
        [dir, self](ServiceWorker &w) {
            auto opened = w.open(dir);
            if (opened) {
                // The notification surface: Messenger's signals, queued to
                // the GUI thread as values.
                Messenger *m = w.messenger();
                MessengerService *s = self.data();
                if (!s)
                    return opened;
                connect(m, &Messenger::messagesStored, s, &MessengerService::messagesStored);
                connect(m, &Messenger::messageChanged, s, &MessengerService::messageChanged);
                connect(m, &Messenger::messageRemoved, s, &MessengerService::messageRemoved);
                connect(m, &Messenger::conversationRead, s, &MessengerService::conversationRead);
                connect(m, &Messenger::conversationRemoved, s,
                        &MessengerService::conversationRemoved);
                connect(m, &Messenger::contactsChanged, s, &MessengerService::contactsChanged);
                connect(m, &Messenger::storeFailed, s, &MessengerService::storeFailed);
                connect(m, &Messenger::outboxStoreFailed, s,
                        [s](qint64, const QString &why) { emit s->storeFailed(why); });
            }
            return opened;
        },
        [this](StoreResult<void> result) {
            if (!result) {
                emit openFailed(result.error().toString());
                return;
            }
            m_open = true;
            emit opened();
        });
}

StoreResult<std::unique_ptr<Database>> MessengerService::openReader() const
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    return Database::open(m_profileDirectory, options);
}

void MessengerService::onAccountsListed(const QList<Account> &accounts)
{
    m_accounts = accounts;
    for (const Account &a : accounts) {
        if (!m_statuses.contains(a.id)) {
            AccountStatus s;
            s.accountId = a.id;
            s.state = a.enabled ? AccountStatus::State::Offline : AccountStatus::State::Disabled;
            m_statuses.insert(a.id, s);
        }
    }
    emit accountsChanged();
}

std::optional<Account> MessengerService::account(qint64 id) const
{
    for (const Account &a : m_accounts) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

AccountStatus MessengerService::status(qint64 accountId) const
{
    AccountStatus fallback;
    fallback.accountId = accountId;
    return m_statuses.value(accountId, fallback);
}

bool MessengerService::secretsPersistent() const
{
    return m_secrets.persistent();
}

QString MessengerService::secretsProblem() const
{
    return m_secrets.backendError();
}

void MessengerService::startAccounts()
{
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.enabled)
            startWithSecret(a);
    }
}

void MessengerService::startWithSecret(const Account &account)
{
    const auto start = [this](const Account &a, const QString &password) {
        call<int>(
            [a, password](ServiceWorker &w) {
                w.startSession(a, password);
                return 0;
            },
            {});
    };
    if (!account.registerAccount) {
        start(account, {});
        return;
    }
    QPointer<MessengerService> self(this);
    m_secrets.read(SecretStore::accountKey(account.aor),
                   [self, account, start](const SecretResult &r) {
                       if (!self)
                           return;
                       if (r.ok()) {
                           start(account, r.secret);
                           return;
                       }
                       // A server that asks for none may still take us.
                       AccountStatus s;
                       s.accountId = account.id;
                       s.state = AccountStatus::State::NeedsSecret;
                       s.problem = r.status == SecretResult::Status::NotFound
                                       ? tr("No password is stored for this account")
                                       : r.error;
                       self->m_statuses.insert(account.id, s);
                       emit self->accountStatusChanged(s);
                   });
}

void MessengerService::reconnect(qint64 accountId)
{
    const auto a = account(accountId);
    if (!a || !a->enabled)
        return;
    QPointer<MessengerService> self(this);
    const Account acc = *a;
    call<bool>([accountId](ServiceWorker &w) { return w.reconnect(accountId); },
               [self, acc](bool running) {
                   if (self && !running)
                       self->startWithSecret(acc);
               });
}

void MessengerService::providePassword(qint64 accountId, const QString &password)
{
    const auto a = account(accountId);
    if (!a)
        return;
    QPointer<MessengerService> self(this);
    const Account acc = *a;
    m_secrets.write(SecretStore::accountKey(acc.aor), password,
                    [self, acc, password](const SecretResult &) {
                        if (!self)
                            return;
                        self->call<int>(
                            [acc, password](ServiceWorker &w) {
                                w.startSession(acc, password);
                                return 0;
                            },
                            {});
                    });
}

void MessengerService::shutdown(std::function<void()> done)
{
    if (m_shutDown || m_shuttingDown) {
        if (done)
            QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
        return;
    }
    m_shuttingDown = true;
    const int bound = m_options.unregisterBoundMs;
    QPointer<MessengerService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, bound, self, done = std::move(done)]() mutable {
            w->shutdown(bound, [self, done = std::move(done)]() mutable {
                QThread::currentThread()->quit();
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done = std::move(done)] {
                        if (!self)
                            return;
                        self->m_thread.wait();
                        self->m_shutDown = true;
                        self->m_shuttingDown = false;
                        self->m_open = false;
                        if (done)
                            done();
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void MessengerService::addAccount(const Account &account, const QString &password,
                                  Done<qint64> done)
{
    QPointer<MessengerService> self(this);
    call<StoreResult<qint64>>([account](ServiceWorker &w) { return w.addAccount(account); },
                              [self, account, password, done](StoreResult<qint64> added) {
                                  if (!added || !self) {
                                      if (done)
                                          done(added);
                                      return;
                                  }
                                  Account stored = account;
                                  stored.id = added.value();
                                  const auto startIt = [self, stored, password, done, added] {
                                      if (!self)
                                          return;
                                      if (stored.enabled) {
                                          self->call<int>(
                                              [stored, password](ServiceWorker &w) {
                                                  w.startSession(stored, password);
                                                  return 0;
                                              },
                                              {});
                                      }
                                      if (done)
                                          done(added);
                                  };
                                  if (password.isEmpty()) {
                                      startIt();
                                      return;
                                  }
                                  self->m_secrets.write(
                                      SecretStore::accountKey(stored.aor), password,
                                      [startIt](const SecretResult &) { startIt(); });
                              });
}

void MessengerService::updateAccount(const Account &account, const std::optional<QString> &password,
                                     Done<void> done)
{
    QPointer<MessengerService> self(this);
    const std::optional<Account> before = this->account(account.id);
    call<StoreResult<void>>(
        [account](ServiceWorker &w) { return w.updateAccount(account); },
        [self, account, password, before, done](StoreResult<void> updated) {
            if (!updated || !self) {
                if (done)
                    done(updated);
                return;
            }
            // The secret is kept under the AOR: move it when the AOR changed.
            if (before &&
                SecretStore::accountKey(before->aor) != SecretStore::accountKey(account.aor))
                self->m_secrets.remove(SecretStore::accountKey(before->aor), [](auto &) {});
            const auto restart = [self, account, done, updated] {
                if (!self)
                    return;
                if (account.enabled) {
                    self->startWithSecret(account);
                } else {
                    const qint64 id = account.id;
                    self->call<int>(
                        [id](ServiceWorker &w) {
                            w.stopSession(id, 2000, [&w, id] {
                                AccountStatus off;
                                off.accountId = id;
                                off.state = AccountStatus::State::Disabled;
                                emit w.accountStatusChanged(off);
                            });
                            return 0;
                        },
                        {});
                }
                if (done)
                    done(updated);
            };
            if (password) {
                self->m_secrets.write(SecretStore::accountKey(account.aor), *password,
                                      [restart](const SecretResult &) { restart(); });
            } else if (before && before->aor != account.aor) {
                restart(); // asks for the password again when it is not known
            } else {
                restart();
            }
        });
}

void MessengerService::setAccountEnabled(qint64 accountId, bool enabled, Done<void> done)
{
    auto a = account(accountId);
    if (!a) {
        if (done)
            done(StoreError(StoreError::Code::NotFound, tr("The account no longer exists.")));
        return;
    }
    a->enabled = enabled;
    updateAccount(*a, std::nullopt, std::move(done));
}

void MessengerService::removeAccount(qint64 accountId, bool keepHistory, Done<void> done)
{
    const auto a = account(accountId);
    QPointer<MessengerService> self(this);
    const int bound = m_options.unregisterBoundMs;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, accountId, keepHistory, bound, self, done, a] {
            w->stopSession(accountId, bound, [w, accountId, keepHistory, self, done, a] {
                StoreResult<void> removed = w->removeAccount(accountId, keepHistory);
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, removed, done, a] {
                        if (!self)
                            return;
                        if (removed && a)
                            self->m_secrets.remove(SecretStore::accountKey(a->aor), [](auto &) {});
                        if (removed && a)
                            self->m_statuses.remove(a->id);
                        if (done)
                            done(removed);
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void MessengerService::send(qint64 accountId, const QString &peerUri, const QString &text,
                            Done<qint64> done)
{
    call<StoreResult<qint64>>(
        [=](ServiceWorker &w) {
            if (!w.messenger())
                return notOpen<qint64>();
            return w.messenger()->send(accountId, peerUri, text);
        },
        done);
}

void MessengerService::retry(qint64 messageId, Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->retry(messageId) : notOpen<void>();
        },
        done);
}

void MessengerService::remove(qint64 messageId, Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->remove(messageId) : notOpen<void>();
        },
        done);
}

void MessengerService::markConversationRead(qint64 conversationId)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->markConversationRead(conversationId)
                                 : notOpen<void>();
        },
        {});
}

void MessengerService::removeConversation(qint64 conversationId, Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->removeConversation(conversationId)
                                 : notOpen<void>();
        },
        done);
}

void MessengerService::addContact(const Contact &contact, Done<qint64> done)
{
    call<StoreResult<qint64>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->addContact(contact) : notOpen<qint64>();
        },
        done);
}

void MessengerService::updateContact(const Contact &contact, Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->updateContact(contact) : notOpen<void>();
        },
        done);
}

void MessengerService::removeContact(qint64 contactId, Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->removeContact(contactId) : notOpen<void>();
        },
        done);
}

void MessengerService::setBlocked(qint64 accountId, const QString &uri, bool blocked,
                                  Done<void> done)
{
    call<StoreResult<void>>(
        [=](ServiceWorker &w) {
            return w.messenger() ? w.messenger()->setBlocked(accountId, uri, blocked)
                                 : notOpen<void>();
        },
        done);
}

} // namespace tidings
