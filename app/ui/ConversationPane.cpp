// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationPane.h"

#include "delegates/MessageDelegate.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "service/MessengerService.h"
#include "session/RegistrationWords.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "widgets/ChatView.h"
#include "widgets/Composer.h"
#include "widgets/ProblemLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace tidings {

ConversationPane::ConversationPane(MessengerService &service, Database &reader, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_reader(reader)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("conversationPane"));

    m_placeholder = new QLabel(tr("Choose a conversation, or start a new one with Ctrl+N"), this);
    m_placeholder->setObjectName(QStringLiteral("conversationPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setTextFormat(Qt::PlainText);

    auto *page = new QWidget(this);
    // Header: who, and on which account.
    auto *header = new QWidget(page);
    header->setObjectName(QStringLiteral("conversationHeader"));
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(16, 10, 16, 10);
    headerLayout->setSpacing(2);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_subtitle);

    // A stranger wrote: offer to add or block them.
    m_strangerBar = new QWidget(page);
    m_strangerBar->setObjectName(QStringLiteral("strangerBar"));
    m_strangerBar->setAutoFillBackground(true);
    m_strangerText = new QLabel(m_strangerBar);
    m_strangerText->setTextFormat(Qt::PlainText);
    m_strangerText->setWordWrap(true);
    m_addContact = new QPushButton(tr("Add contact"), m_strangerBar);
    m_addContact->setObjectName(QStringLiteral("addContactButton"));
    m_block = new QPushButton(tr("Block"), m_strangerBar);
    m_block->setObjectName(QStringLiteral("blockButton"));
    auto *strangerLayout = new QHBoxLayout(m_strangerBar);
    strangerLayout->setContentsMargins(16, 6, 16, 6);
    strangerLayout->addWidget(m_strangerText, 1);
    strangerLayout->addWidget(m_addContact);
    strangerLayout->addWidget(m_block);
    connect(m_addContact, &QPushButton::clicked, this, [this] {
        emit addContactRequested(m_conversation.accountId, m_conversation.peerUri,
                                 m_conversation.peerDisplayName);
    });
    connect(m_block, &QPushButton::clicked, this,
            [this] { emit blockRequested(m_conversation.accountId, m_conversation.peerUri); });

    m_chat = new ChatView(page);
    m_chat->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_chat, &QWidget::customContextMenuRequested, this, &ConversationPane::showContextMenu);
    MessageDelegate *delegate = m_chat->messageDelegate();
    connect(delegate, &MessageDelegate::retryRequested, this, &ConversationPane::retry);
    connect(delegate, &MessageDelegate::deleteRequested, this,
            [this](qint64 id) { removeMessage(id, false); });
    connect(delegate, &MessageDelegate::linkActivated, this, [this](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("sip") || scheme == QLatin1String("sips"))
            emit sipAddressActivated(url.toString());
        else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            QDesktopServices::openUrl(url);
    });

    m_accountNotice = new QLabel(page);
    m_accountNotice->setObjectName(QStringLiteral("accountNotice"));
    m_accountNotice->setTextFormat(Qt::PlainText);
    m_accountNotice->setWordWrap(true);
    m_accountNotice->setContentsMargins(16, 4, 16, 0);
    m_accountNotice->setForegroundRole(QPalette::PlaceholderText);
    m_error = new ProblemLabel(QStringLiteral("composerError"), page);
    m_error->setContentsMargins(16, 4, 16, 0);

    m_composer = new Composer(page);
    connect(m_composer, &Composer::sendRequested, this, &ConversationPane::sendComposed);
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (m_error->isVisible() && m_composer->document()->isEmpty())
            m_error->hide();
    });
    m_sendButton = new QToolButton(page);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setText(tr("Send"));
    m_sendButton->setAccessibleName(tr("Send"));
    m_sendButton->setToolTip(tr("Send (Enter); Shift+Enter starts a new line"));
    m_sendButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_sendButton, &QToolButton::clicked, this, &ConversationPane::sendComposed);
    auto *composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(12, 8, 12, 10);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_sendButton, 0, Qt::AlignBottom);

    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(header);
    pageLayout->addWidget(m_strangerBar);
    pageLayout->addWidget(m_chat, 1);
    pageLayout->addWidget(m_accountNotice);
    pageLayout->addWidget(m_error);
    pageLayout->addLayout(composerRow);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(&m_service, &MessengerService::accountsChanged, this,
            &ConversationPane::refreshAccountNotice);
    connect(&m_service, &MessengerService::accountStatusChanged, this,
            [this](const AccountStatus &s) {
                if (s.accountId == m_conversation.accountId) {
                    refreshHeader();
                    refreshAccountNotice();
                }
            });
    closeConversation();
}

ConversationPane::~ConversationPane()
{
    m_chat->setMessageModel(nullptr);
}

QString ConversationPane::placeholderText() const
{
    return m_placeholder->text();
}

QString ConversationPane::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ConversationPane::closeConversation()
{
    m_chat->setMessageModel(nullptr);
    m_model.reset();
    m_conversation = {};
    m_stack->setCurrentWidget(m_placeholder);
}

void ConversationPane::openConversation(const Conversation &conversation)
{
    if (conversation.id != m_conversation.id || !m_model) {
        m_chat->setMessageModel(nullptr);
        m_model = std::make_unique<MessageListModel>(m_service, m_reader, conversation.id);
        m_chat->setMessageModel(m_model.get());
        m_error->hide();
        m_composer->clear();
    }
    m_conversation = conversation;
    m_stack->setCurrentIndex(1);
    refreshHeader();
    refreshAccountNotice();
    focusComposer();
}

void ConversationPane::openNew(qint64 accountId, const QString &peerUri, const QString &name)
{
    m_chat->setMessageModel(nullptr);
    m_model.reset();
    m_conversation = {};
    m_conversation.accountId = accountId;
    m_conversation.peerUri = peerUri;
    m_conversation.contactName = name;
    m_conversation.contactId = name.isEmpty() ? 0 : -1; // from the address book: no banner
    m_error->hide();
    m_composer->clear();
    m_stack->setCurrentIndex(1);
    refreshHeader();
    refreshAccountNotice();
    focusComposer();
}

void ConversationPane::updateConversation(const Conversation &conversation)
{
    if (conversation.id != m_conversation.id)
        return;
    m_conversation = conversation;
    refreshHeader();
}

void ConversationPane::refreshHeader()
{
    m_title->setText(ConversationListModel::displayName(m_conversation));
    QString subtitle = m_conversation.peerUri;
    if (const auto account = m_service.account(m_conversation.accountId)) {
        if (m_service.accounts().size() > 1)
            subtitle += QStringLiteral("  ·  ") + tr("via %1").arg(account->aor);
    }
    m_subtitle->setText(subtitle);
    // A stranger: they wrote, and the user has not added them.
    const bool stranger =
        m_conversation.id != 0 && m_conversation.contactId == 0 && !m_conversation.blocked;
    m_strangerBar->setVisible(stranger);
    if (stranger)
        m_strangerText->setText(tr("%1 is not in your contacts.").arg(m_conversation.peerUri));
}

void ConversationPane::refreshAccountNotice()
{
    // An account removed with its history kept: the conversation can be
    // read, not continued from it.
    const bool usable =
        m_conversation.accountId == 0 || m_service.account(m_conversation.accountId).has_value();
    m_composer->setEnabled(usable);
    m_sendButton->setEnabled(usable);
    if (!usable) {
        m_accountNotice->setText(tr("The account of this conversation was removed. Add it again "
                                    "(Accounts → Add a SIP account…) to write from it."));
        m_accountNotice->show();
        return;
    }
    const AccountStatus s = m_service.status(m_conversation.accountId);
    if (s.isOnline() || m_conversation.accountId == 0) {
        m_accountNotice->hide();
        return;
    }
    m_accountNotice->setText(tr("Your account is not online (%1). What you write waits in the "
                                "outbox and goes out when it is.")
                                 .arg(RegistrationWords::summary(s)));
    m_accountNotice->show();
}

void ConversationPane::focusComposer()
{
    // Queued: a dialog that opened this conversation (Ctrl+N) gives the focus
    // back to where it was when it closes; the composer takes it after that.
    QMetaObject::invokeMethod(
        m_composer, [c = m_composer] { c->setFocus(Qt::OtherFocusReason); }, Qt::QueuedConnection);
}

void ConversationPane::showError(const QString &text)
{
    m_error->showProblem(text);
}

void ConversationPane::sendComposed()
{
    if (!hasConversation())
        return;
    const QString text = m_composer->text();
    if (text.trimmed().isEmpty())
        return;
    QPointer<ConversationPane> self(this);
    const qint64 accountId = m_conversation.accountId;
    const QString peer = m_conversation.peerUri;
    const bool isNew = m_conversation.id == 0;
    // Cleared now, so a second Enter cannot send it twice; put back if the
    // core refuses it.
    m_composer->clear();
    m_error->hide();
    m_service.send(accountId, peer, text, [self, text, isNew](StoreResult<qint64> queued) {
        if (!self)
            return;
        if (!queued) {
            if (self->m_composer->document()->isEmpty())
                self->m_composer->setPlainText(text);
            self->showError(queued.error().toString());
            return;
        }
        if (isNew) {
            auto message = MessageStore(self->m_reader).find(queued.value());
            if (message)
                emit self->conversationCreated(message.value().conversationId);
        }
    });
}

void ConversationPane::retry(qint64 messageId)
{
    QPointer<ConversationPane> self(this);
    m_service.retry(messageId, [self](StoreResult<void> r) {
        if (self && !r)
            self->showError(r.error().toString());
    });
}

void ConversationPane::removeMessage(qint64 messageId, bool ask)
{
    if (ask &&
        QMessageBox::question(this, tr("Delete message"),
                              tr("Delete this message from your history?")) != QMessageBox::Yes)
        return;
    QPointer<ConversationPane> self(this);
    m_service.remove(messageId, [self](StoreResult<void> r) {
        if (self && !r)
            self->showError(r.error().toString());
    });
}

void ConversationPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_chat->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(MessageListModel::MessageIdRole).toLongLong();
    const auto state = DeliveryState(index.data(MessageListModel::StateRole).toInt());
    const QString body = index.data(MessageListModel::BodyRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("messageMenu"));
    menu.addAction(tr("Copy text"), this, [body] { QApplication::clipboard()->setText(body); });
    if (state == DeliveryState::Failed)
        menu.addAction(tr("Retry"), this, [this, id] { retry(id); });
    if (state != DeliveryState::Sending)
        menu.addAction(tr("Delete"), this, [this, id] { removeMessage(id, true); });
    menu.exec(m_chat->viewport()->mapToGlobal(pos));
}

} // namespace tidings
