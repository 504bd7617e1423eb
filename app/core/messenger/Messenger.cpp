// SPDX-License-Identifier: GPL-3.0-or-later
#include "Messenger.h"

#include "Courier.h"
#include "store/AccountStore.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
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
    connect(courier, &Courier::stateChanged, this,
            [this](qint64 messageId) { announce(messageId); });
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
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > kMaxBodyBytes) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("This message is %1 KiB long; Tidings sends at most %2 KiB in one "
                             "message. Split it into shorter ones.")
                              .arg((bytes + 1023) / 1024)
                              .arg(kMaxBodyBytes / 1024));
    }
    if (text.isEmpty()) {
        return StoreError(StoreError::Code::InvalidArgument, tr("The message is empty."));
    }
    if (Courier *c = courier(accountId)) {
        return c->send(peerUri, text, contentType);
    }
    // Not attached: it waits in the outbox until the account is.
    OutgoingMessage message;
    message.accountId = accountId;
    message.peerUri = peerUri;
    message.body = text;
    message.contentType = contentType;
    auto queued = Outbox(m_db).queue(message);
    if (queued) {
        emit messageStateChanged(queued.value(), DeliveryState::Queued, 0, {});
        announce(queued.value());
    }
    return queued;
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
    auto retried = Outbox(m_db).retry(messageId);
    if (retried) {
        emit messageStateChanged(messageId, DeliveryState::Queued, 0, {});
        announce(messageId);
    }
    return retried;
}

StoreResult<void> Messenger::remove(qint64 messageId)
{
    const auto message = MessageStore(m_db).find(messageId);
    if (!message) {
        return message.error();
    }
    StoreResult<void> removed;
    if (message.value().direction == Direction::Incoming) {
        removed = MessageStore(m_db).remove(messageId);
    } else if (Courier *c = courier(message.value().accountId)) {
        removed = c->remove(messageId);
    } else {
        removed = Outbox(m_db).remove(messageId);
    }
    if (removed) {
        emit messageRemoved(messageId, message.value().conversationId);
    }
    return removed;
}

StoreResult<void> Messenger::markConversationRead(qint64 conversationId)
{
    auto marked = ConversationStore(m_db).markRead(conversationId);
    if (!marked) {
        return marked.error();
    }
    emit conversationRead(conversationId);
    return {};
}

StoreResult<void> Messenger::removeConversation(qint64 conversationId)
{
    auto removed = ConversationStore(m_db).remove(conversationId);
    if (!removed) {
        return removed.error();
    }
    emit conversationRemoved(conversationId);
    return {};
}

StoreResult<qint64> Messenger::addContact(const Contact &contact)
{
    auto added = ContactStore(m_db).add(contact);
    if (added) {
        emit contactsChanged(contact.accountId);
    }
    return added;
}

StoreResult<void> Messenger::updateContact(const Contact &contact)
{
    auto updated = ContactStore(m_db).update(contact);
    if (updated) {
        emit contactsChanged(contact.accountId);
    }
    return updated;
}

StoreResult<void> Messenger::removeContact(qint64 contactId)
{
    ContactStore contacts(m_db);
    const auto contact = contacts.find(contactId);
    if (!contact) {
        return contact.error();
    }
    auto removed = contacts.remove(contactId);
    if (removed) {
        emit contactsChanged(contact.value().accountId);
    }
    return removed;
}

StoreResult<void> Messenger::setBlocked(qint64 accountId, const QString &uri, bool blocked)
{
    ContactStore contacts(m_db);
    auto found = contacts.findByUri(accountId, uri);
    if (!found) {
        return found.error();
    }
    StoreResult<void> saved;
    if (found.value()) {
        Contact contact = *found.value();
        contact.blocked = blocked;
        saved = contacts.update(contact);
    } else {
        Contact contact;
        contact.accountId = accountId;
        contact.uri = uri;
        contact.blocked = blocked;
        auto added = contacts.add(contact);
        if (!added) {
            return added.error();
        }
    }
    if (saved) {
        emit contactsChanged(accountId);
    }
    return saved;
}

void Messenger::announce(qint64 messageId)
{
    if (auto message = MessageStore(m_db).find(messageId)) {
        emit messageChanged(message.value());
    }
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
