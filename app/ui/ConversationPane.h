// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/AccountStatus.h"
#include "store/Conversation.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace tidings {

class ChatView;
class Composer;
class ProblemLabel;
class Database;
class MessageListModel;
class MessengerService;

// The right pane: the open conversation (header, messages, composer), a new
// one with an address that has no messages yet, or a placeholder.
class ConversationPane : public QWidget
{
    Q_OBJECT

public:
    ConversationPane(MessengerService &service, Database &reader, QWidget *parent = nullptr);
    ~ConversationPane() override;

    // Shows this conversation (its newest messages) and focuses the composer.
    void openConversation(const Conversation &conversation);
    // A conversation with `peerUri` that has no message yet: the first one
    // sent creates it.
    void openNew(qint64 accountId, const QString &peerUri, const QString &name);
    // The list's newer facts about the open conversation (name, contact).
    void updateConversation(const Conversation &conversation);
    void closeConversation();

    qint64 conversationId() const { return m_conversation.id; }
    qint64 accountId() const { return m_conversation.accountId; }
    QString peerUri() const { return m_conversation.peerUri; }
    bool hasConversation() const { return m_conversation.accountId != 0; }
    QString placeholderText() const;
    ChatView *chatView() const { return m_chat; }
    Composer *composer() const { return m_composer; }
    MessageListModel *messageModel() const { return m_model.get(); }
    // The last error shown above the composer (empty when none).
    QString errorText() const;

    void sendComposed();

signals:
    // The first message of a new conversation created it.
    void conversationCreated(qint64 conversationId);
    // A SIP address in a message was clicked.
    void sipAddressActivated(const QString &uri);
    void addContactRequested(qint64 accountId, const QString &uri, const QString &name);
    void blockRequested(qint64 accountId, const QString &uri);

private:
    void showError(const QString &text);
    void focusComposer();
    void refreshHeader();
    void refreshAccountNotice();
    void showContextMenu(const QPoint &pos);
    void retry(qint64 messageId);
    void removeMessage(qint64 messageId, bool ask);

    MessengerService &m_service;
    Database &m_reader;
    Conversation m_conversation;
    std::unique_ptr<MessageListModel> m_model;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QWidget *m_strangerBar = nullptr;
    QLabel *m_strangerText = nullptr;
    QPushButton *m_addContact = nullptr;
    QPushButton *m_block = nullptr;
    ChatView *m_chat = nullptr;
    QLabel *m_accountNotice = nullptr;
    ProblemLabel *m_error = nullptr;
    Composer *m_composer = nullptr;
    QToolButton *m_sendButton = nullptr;
};

} // namespace tidings
