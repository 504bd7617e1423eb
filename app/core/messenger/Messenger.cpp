// SPDX-License-Identifier: GPL-3.0-or-later
#include "Messenger.h"

#include "Courier.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "store/OutgoingMessage.h"
#include "ua/Stack.h"

namespace tidings {

struct Messenger::Attached
{
    sip::Stack *stack = nullptr;
    std::unique_ptr<Inbox> inbox;
    std::unique_ptr<Courier> courier;
    QMetaObject::Connection registration;
};

Messenger::Messenger(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{}

Messenger::~Messenger()
{
    while (!m_accounts.empty()) {
        detach(m_accounts.begin()->first);
    }
}

StoreResult<void> Messenger::attach(qint64 accountId, sip::Stack &stack)
{
    if (m_accounts.count(accountId)) {
        return StoreError(StoreError::Code::InvalidState,
                          tr("The account is already connected to a SIP stack."));
    }
    const auto account = AccountStore(m_db).find(accountId);
    if (!account) {
        return account.error();
    }
    // A message left Sending by a crash or a kill goes out again.
    if (auto requeued = Outbox(m_db).requeueInterrupted(accountId); !requeued) {
        return requeued.error();
    }

    auto attached = std::make_unique<Attached>();
    attached->stack = &stack;
    sip::UserAgent &ua = stack.userAgent();
    attached->inbox = std::make_unique<Inbox>(
        m_db, accountId,
        [&ua](quint64 serverId, int status, const QByteArray &reason,
              const Inbox::Headers &headers) { ua.answer(serverId, status, reason, headers); });
    Inbox *inbox = attached->inbox.get();
    inbox->setBlockedAnswer(account.value().blockedAnswer);
    connect(inbox, &Inbox::requestsStored, this, &Messenger::requestsStored);
    connect(inbox, &Inbox::messagesStored, this, &Messenger::messagesStored);
    connect(inbox, &Inbox::storeFailed, this, &Messenger::storeFailed);
    ua.setMessageHandler([inbox](const sip::IncomingMessage &m) { inbox->add(m); });

    attached->courier = std::make_unique<Courier>(m_db, accountId, stack.pager());
    Courier *courier = attached->courier.get();
    connect(courier, &Courier::stateChanged, this, &Messenger::messageStateChanged);
    connect(courier, &Courier::storeFailed, this, &Messenger::outboxStoreFailed);
    // Ready while registered (RFC 3261 §10: the registrar routes replies and
    // stored messages to us only then); always ready without a registration.
    sip::Registration *registration = stack.registration();
    m_accounts.emplace(accountId, std::move(attached));
    if (registration) {
        m_accounts[accountId]->registration =
            connect(registration, &sip::Registration::stateChanged, courier,
                    [courier](const sip::RegistrationStatus &status) {
                        courier->setReady(status.state == sip::RegistrationState::Registered);
                    });
        courier->setReady(registration->state() == sip::RegistrationState::Registered);
    } else {
        courier->setReady(true);
    }
    return {};
}

void Messenger::detach(qint64 accountId)
{
    const auto it = m_accounts.find(accountId);
    if (it == m_accounts.end()) {
        return;
    }
    std::unique_ptr<Attached> attached = std::move(it->second);
    m_accounts.erase(it);
    attached->stack->userAgent().setMessageHandler({});
    attached->inbox->flush();
    disconnect(attached->registration);
    attached->courier->setReady(false);
}

bool Messenger::isAttached(qint64 accountId) const
{
    return m_accounts.count(accountId) != 0;
}

StoreResult<void> Messenger::setBlockedAnswer(qint64 accountId, Account::BlockedAnswer answer)
{
    AccountStore accounts(m_db);
    auto account = accounts.find(accountId);
    if (!account) {
        return account.error();
    }
    account.value().blockedAnswer = answer;
    if (auto saved = accounts.update(account.value()); !saved) {
        return saved;
    }
    if (const auto it = m_accounts.find(accountId); it != m_accounts.end()) {
        it->second->inbox->setBlockedAnswer(answer);
    }
    return {};
}

void Messenger::flushIncoming()
{
    for (auto &[id, attached] : m_accounts) {
        attached->inbox->flush();
    }
}

Courier *Messenger::courier(qint64 accountId) const
{
    const auto it = m_accounts.find(accountId);
    return it == m_accounts.end() ? nullptr : it->second->courier.get();
}

StoreResult<qint64> Messenger::send(qint64 accountId, const QString &peerUri, const QString &text,
                                    const QString &contentType)
{
    if (Courier *c = courier(accountId)) {
        return c->send(peerUri, text, contentType);
    }
    // Not attached: it waits in the outbox until the account is.
    OutgoingMessage message;
    message.accountId = accountId;
    message.peerUri = peerUri;
    message.body = text;
    message.contentType = contentType;
    return Outbox(m_db).queue(message);
}

StoreResult<void> Messenger::retry(qint64 messageId)
{
    const auto account = accountOf(messageId);
    if (!account) {
        return account.error();
    }
    if (Courier *c = courier(account.value())) {
        return c->retry(messageId);
    }
    return Outbox(m_db).retry(messageId);
}

StoreResult<void> Messenger::remove(qint64 messageId)
{
    const auto account = accountOf(messageId);
    if (!account) {
        return account.error();
    }
    if (Courier *c = courier(account.value())) {
        return c->remove(messageId);
    }
    return Outbox(m_db).remove(messageId);
}

StoreResult<qint64> Messenger::accountOf(qint64 messageId) const
{
    auto message = MessageStore(m_db).find(messageId);
    if (!message) {
        return message.error();
    }
    return message.value().accountId;
}

} // namespace tidings
