// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceWorker.h"

#include "messenger/Messenger.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "ua/Stack.h"

namespace tidings {

ServiceWorker::ServiceWorker(AccountSession::Options sessionOptions)
    : m_sessionOptions(std::move(sessionOptions))
{}

ServiceWorker::~ServiceWorker()
{
    // Sessions detach from the Messenger before it goes, the Messenger
    // before the database.
    m_stopping.clear();
    m_sessions.clear();
    m_messenger.reset();
    m_db.reset();
}

StoreResult<void> ServiceWorker::open(const QString &profileDirectory)
{
    auto opened = Database::open(profileDirectory);
    if (!opened)
        return opened.error();
    m_db = std::move(opened).value();
    m_messenger = std::make_unique<Messenger>(*m_db);
    listAccounts();
    return {};
}

StoreResult<QList<Account>> ServiceWorker::accounts() const
{
    if (!m_db)
        return StoreError(StoreError::Code::InvalidState, tr("The profile is not open."));
    return AccountStore(*m_db).list();
}

void ServiceWorker::listAccounts()
{
    if (auto list = accounts())
        emit accountsListed(list.value());
}

void ServiceWorker::startSession(const Account &account, const QString &password)
{
    if (!m_messenger)
        return;
    const auto stopPrevious = [this, id = account.id](std::function<void()> then) {
        if (m_sessions.count(id))
            stopSession(id, 2000, std::move(then));
        else
            then();
    };
    stopPrevious([this, account, password] {
        auto session = std::make_unique<AccountSession>(account, password, m_sessionOptions);
        connect(session.get(), &AccountSession::statusChanged, this,
                &ServiceWorker::accountStatusChanged);
        AccountSession *s = session.get();
        m_sessions[account.id] = std::move(session);
        QString error;
        s->start(m_messenger.get(), &error); // a failure is in its status
    });
}

void ServiceWorker::stopSession(qint64 accountId, int boundMs, std::function<void()> done)
{
    const auto it = m_sessions.find(accountId);
    if (it == m_sessions.end()) {
        if (done)
            done();
        return;
    }
    std::unique_ptr<AccountSession> session = std::move(it->second);
    m_sessions.erase(it);
    AccountSession *s = session.get();
    m_stopping[s] = std::move(session);
    s->stop(boundMs, [this, s, done = std::move(done)] {
        // Deleted from the event loop: stop() calls back from inside the
        // session's own code.
        QMetaObject::invokeMethod(
            this,
            [this, s, done] {
                m_stopping.erase(s);
                if (done)
                    done();
            },
            Qt::QueuedConnection);
    });
}

void ServiceWorker::shutdown(int boundMs, std::function<void()> done)
{
    auto remaining = std::make_shared<int>(int(m_sessions.size()));
    auto finish = [this, done = std::move(done)] {
        if (m_messenger)
            m_messenger->flushIncoming();
        m_stopping.clear();
        m_sessions.clear();
        m_messenger.reset();
        m_db.reset();
        if (done)
            done();
    };
    if (*remaining == 0) {
        finish();
        return;
    }
    auto shared = std::make_shared<std::function<void()>>(std::move(finish));
    QList<qint64> ids;
    for (const auto &[id, session] : m_sessions)
        ids.append(id);
    for (qint64 id : ids) {
        stopSession(id, boundMs, [remaining, shared] {
            if (--*remaining == 0 && *shared) {
                auto f = std::move(*shared);
                *shared = {};
                f();
            }
        });
    }
}

bool ServiceWorker::reconnect(qint64 accountId)
{
    const auto it = m_sessions.find(accountId);
    if (it == m_sessions.end() || !it->second->stack())
        return false;
    if (sip::Registration *registration = it->second->stack()->registration())
        registration->start(); // RFC 5626 §4.5 allows a user-initiated retry at once
    return true;
}

StoreResult<qint64> ServiceWorker::addAccount(const Account &account)
{
    if (!m_db)
        return StoreError(StoreError::Code::InvalidState, tr("The profile is not open."));
    auto added = AccountStore(*m_db).add(account);
    if (added)
        listAccounts();
    return added;
}

StoreResult<void> ServiceWorker::updateAccount(const Account &account)
{
    if (!m_db)
        return StoreError(StoreError::Code::InvalidState, tr("The profile is not open."));
    auto updated = AccountStore(*m_db).update(account);
    if (updated)
        listAccounts();
    return updated;
}

StoreResult<void> ServiceWorker::removeAccount(qint64 accountId, bool keepHistory)
{
    if (!m_db)
        return StoreError(StoreError::Code::InvalidState, tr("The profile is not open."));
    // Its session is gone before its rows are (the Messenger must not write
    // for an account that no longer exists).
    if (const auto it = m_sessions.find(accountId); it != m_sessions.end()) {
        m_messenger->detach(accountId);
        m_sessions.erase(it);
    }
    auto removed =
        keepHistory ? AccountStore(*m_db).retire(accountId) : AccountStore(*m_db).remove(accountId);
    if (removed)
        listAccounts();
    return removed;
}

} // namespace tidings
