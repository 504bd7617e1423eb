// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppInfo.h"
#include "ConversationListPane.h"
#include "ConversationPane.h"
#include "WelcomePage.h"
#include "dialogs/AccountDialog.h"
#include "dialogs/LocalAccountDialog.h"
#include "dialogs/NewConversationDialog.h"
#include "models/ConversationListModel.h"
#include "service/MessengerService.h"
#include "session/RegistrationWords.h"
#include "store/ContactKey.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>

namespace tidings {

namespace {

const QString geometryKey = QStringLiteral("MainWindow/geometry");
const QString splitterKey = QStringLiteral("MainWindow/splitter");

QString accountLabel(const Account &a)
{
    QString aor = a.aor;
    aor.remove(QRegularExpression(QStringLiteral("^sips?:")));
    return a.displayName.isEmpty() ? aor : QStringLiteral("%1 (%2)").arg(a.displayName, aor);
}

} // namespace

MainWindow::MainWindow(const Profile &profile, MessengerService &service, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
    , m_settings(profile.filePath(QStringLiteral("ui.ini")), QSettings::IniFormat)
    , m_service(service)
    , m_stack(new QStackedWidget(this))
    , m_loading(new QLabel(tr("Opening your profile…"), this))
    , m_welcome(new WelcomePage(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(AppInfo::displayName());

    m_loading->setObjectName(QStringLiteral("loadingLabel"));
    m_loading->setAlignment(Qt::AlignCenter);
    m_loading->setWordWrap(true);
    m_loading->setTextFormat(Qt::PlainText);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_loading);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);
    connect(m_welcome, &WelcomePage::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_welcome, &WelcomePage::useWithoutServerRequested, this,
            &MainWindow::useWithoutServer);

    createMenus();

    auto *profileLabel =
        new QLabel(tr("Profile: %1").arg(QDir::toNativeSeparators(m_profile.directory())), this);
    profileLabel->setObjectName(QStringLiteral("profileLabel"));
    profileLabel->setTextFormat(Qt::PlainText);
    m_accountsLabel = new QLabel(this);
    m_accountsLabel->setObjectName(QStringLiteral("accountsStatus"));
    m_accountsLabel->setTextFormat(Qt::PlainText);
    m_accountsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyAddress = new QToolButton(this);
    m_copyAddress->setObjectName(QStringLiteral("copyAddressButton"));
    m_copyAddress->setText(tr("Copy my address"));
    m_copyAddress->setAccessibleName(tr("Copy my SIP address"));
    m_copyAddress->setAutoRaise(true);
    m_copyAddress->hide();
    statusBar()->addWidget(m_accountsLabel, 1);
    statusBar()->addPermanentWidget(m_copyAddress);
    statusBar()->addPermanentWidget(profileLabel);

    connect(&m_service, &MessengerService::opened, this, &MainWindow::onOpened);
    connect(&m_service, &MessengerService::openFailed, this, &MainWindow::showFatal);
    connect(&m_service, &MessengerService::accountsChanged, this, [this] {
        rebuildAccountsMenu();
        refreshStatusBar();
        showCentral();
    });
    connect(&m_service, &MessengerService::accountStatusChanged, this, [this] {
        rebuildAccountsMenu();
        refreshStatusBar();
    });
    connect(&m_service, &MessengerService::storeFailed, this,
            [this](const QString &why) { statusBar()->showMessage(why, 15000); });
    restoreWindowState();
    if (m_service.isOpen())
        onOpened();
}

MainWindow::~MainWindow()
{
    // The panes read through m_reader: they go first.
    delete m_splitter;
    m_splitter = nullptr;
}

void MainWindow::showFatal(const QString &error)
{
    m_loading->setText(tr("Tidings cannot open this profile.\n\n%1").arg(error));
    m_stack->setCurrentWidget(m_loading);
}

void MainWindow::onOpened()
{
    if (m_listModel)
        return;
    auto reader = m_service.openReader();
    if (!reader) {
        showFatal(reader.error().toString());
        return;
    }
    m_reader = std::move(reader).value();
    m_listModel = std::make_unique<ConversationListModel>(m_service, *m_reader);
    m_listPane = new ConversationListPane(m_splitter);
    m_listPane->setModel(m_listModel.get());
    m_conversationPane = new ConversationPane(m_service, *m_reader, m_splitter);
    m_splitter->addWidget(m_listPane);
    m_splitter->addWidget(m_conversationPane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 660});
    const QByteArray splitter = m_settings.value(splitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);

    connect(m_listPane, &ConversationListPane::conversationActivated, this,
            &MainWindow::openConversation);
    connect(m_listPane, &ConversationListPane::newConversationRequested, this,
            &MainWindow::newConversation);
    connect(m_conversationPane, &ConversationPane::conversationCreated, this, [this](qint64 id) {
        // The list learns of it from the same notification; select
        // it once it is there.
        QMetaObject::invokeMethod(
            this, [this, id] { openConversation(id); }, Qt::QueuedConnection);
    });
    connect(m_conversationPane, &ConversationPane::sipAddressActivated, this,
            &MainWindow::openAddress);
    connect(m_conversationPane, &ConversationPane::addContactRequested, this,
            &MainWindow::addContact);
    connect(m_conversationPane, &ConversationPane::blockRequested, this, &MainWindow::block);
    connect(m_listModel.get(), &QAbstractItemModel::dataChanged, this, [this] {
        if (const Conversation *c = m_listModel->conversation(m_conversationPane->conversationId()))
            m_conversationPane->updateConversation(*c);
    });
    // A conversation that is open and visible is read.
    connect(&m_service, &MessengerService::messagesStored, this,
            [this](const QList<StoredMessage> &messages) {
                const qint64 open = m_conversationPane->conversationId();
                for (const StoredMessage &m : messages) {
                    if (open != 0 && m.conversationId == open && isActiveWindow()) {
                        m_service.markConversationRead(open);
                        break;
                    }
                }
            });
    connect(m_listModel.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_pendingSelection && m_listModel->rowOf(m_pendingSelection) >= 0) {
            const qint64 id = std::exchange(m_pendingSelection, 0);
            if (m_conversationPane->conversationId() == id)
                m_listPane->select(id);
        }
    });
    connect(m_listModel.get(), &ConversationListModel::totalUnreadChanged, this,
            &MainWindow::updateTitle);
    connect(m_listModel.get(), &QAbstractItemModel::modelReset, this, &MainWindow::showCentral);
    connect(m_listModel.get(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::showCentral);
    updateTitle(m_listModel->totalUnread());
    rebuildAccountsMenu();
    refreshStatusBar();
    showCentral();
    m_service.startAccounts();
}

void MainWindow::showCentral()
{
    if (!m_listModel)
        return;
    // The welcome only for a profile with nothing in it: history kept from a
    // removed account is still shown.
    if (m_service.accounts().isEmpty() && m_listModel->rowCount() == 0)
        m_stack->setCurrentWidget(m_welcome);
    else
        m_stack->setCurrentWidget(m_splitter);
    m_newConversationAction->setEnabled(!m_service.accounts().isEmpty());
}

void MainWindow::updateTitle(int unread)
{
    setWindowTitle(unread > 0 ? tr("%1 (%2)").arg(AppInfo::displayName()).arg(unread)
                              : AppInfo::displayName());
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_newConversationAction = fileMenu->addAction(tr("&New conversation…"));
    m_newConversationAction->setObjectName(QStringLiteral("newConversationAction"));
    m_newConversationAction->setShortcut(QKeySequence::New);
    m_newConversationAction->setEnabled(false);
    connect(m_newConversationAction, &QAction::triggered, this, &MainWindow::newConversation);
    m_findAction = fileMenu->addAction(tr("&Find conversation"));
    m_findAction->setObjectName(QStringLiteral("findConversationAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (m_listPane && m_stack->currentWidget() == m_splitter) {
            m_listPane->filterEdit()->setFocus();
            m_listPane->filterEdit()->selectAll();
        }
    });
    fileMenu->addSeparator();
    m_quitAction = fileMenu->addAction(tr("&Quit"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcuts(QKeySequence::Quit);
    if (m_quitAction->shortcuts().isEmpty())
        m_quitAction->setShortcut(Qt::CTRL | Qt::Key_Q);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_accountsMenu = menuBar()->addMenu(tr("&Accounts"));
    m_accountsMenu->setObjectName(QStringLiteral("accountsMenu"));
    m_addAccountAction = new QAction(tr("&Add a SIP account…"), this);
    m_addAccountAction->setObjectName(QStringLiteral("addAccountAction"));
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::addAccount);
    m_useLocalAction = new QAction(tr("Use &without a server…"), this);
    m_useLocalAction->setObjectName(QStringLiteral("useLocalAction"));
    connect(m_useLocalAction, &QAction::triggered, this, &MainWindow::useWithoutServer);
    rebuildAccountsMenu();

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = helpMenu->addAction(tr("&About %1").arg(AppInfo::displayName()));
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::rebuildAccountsMenu()
{
    // clear() deletes the actions, not the submenus behind them; those go
    // from the event loop (one of them may be open right now).
    for (QMenu *old : m_accountsMenu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly)) {
        old->setObjectName(QString());
        old->deleteLater();
    }
    m_accountsMenu->clear();
    for (const Account &a : m_service.accounts()) {
        const AccountStatus s = m_service.status(a.id);
        QMenu *menu = m_accountsMenu->addMenu(
            QStringLiteral("%1 — %2").arg(accountLabel(a), RegistrationWords::summary(s)));
        menu->setObjectName(QStringLiteral("accountMenu%1").arg(a.id));
        if (!s.detail.isEmpty() && s.state == AccountStatus::State::Failed) {
            QAction *detail = menu->addAction(s.detail);
            detail->setEnabled(false);
        }
        if (!s.reachableAt.isEmpty() && !a.registerAccount) {
            const QString address = s.reachableAt.first();
            menu->addAction(tr("Copy my address (%1)").arg(address), this,
                            [address] { QApplication::clipboard()->setText(address); });
        }
        if (a.registerAccount &&
            (s.state == AccountStatus::State::NeedsSecret ||
             (s.state == AccountStatus::State::Failed &&
              (s.sipStatus == 401 || s.sipStatus == 403 || s.sipStatus == 407))))
            menu->addAction(tr("Enter password…"), this, [this, id = a.id] { askPassword(id); });
        if (a.registerAccount && a.enabled &&
            (s.state == AccountStatus::State::Failed || s.state == AccountStatus::State::Offline)) {
            QAction *now = menu->addAction(tr("Reconnect now"), this,
                                           [this, id = a.id] { m_service.reconnect(id); });
            now->setObjectName(QStringLiteral("reconnectAction%1").arg(a.id));
        }
        if (a.registerAccount)
            menu->addAction(tr("Edit…"), this, [this, id = a.id] { editAccount(id); });
        menu->addAction(
            a.enabled ? tr("Disable") : tr("Enable"), this,
            [this, id = a.id, on = !a.enabled] { m_service.setAccountEnabled(id, on); });
        menu->addSeparator();
        menu->addAction(tr("Remove…"), this, [this, id = a.id] { removeAccount(id); });
    }
    if (!m_service.accounts().isEmpty())
        m_accountsMenu->addSeparator();
    m_accountsMenu->addAction(m_addAccountAction);
    m_accountsMenu->addAction(m_useLocalAction);
}

QString MainWindow::accountsStatusText() const
{
    return m_accountsLabel->text();
}

void MainWindow::refreshStatusBar()
{
    QStringList parts;
    QString localAddress;
    for (const Account &a : m_service.accounts()) {
        const AccountStatus s = m_service.status(a.id);
        QString part = QStringLiteral("%1: %2").arg(accountLabel(a), RegistrationWords::summary(s));
        if (!a.registerAccount && s.isOnline() && !s.reachableAt.isEmpty()) {
            localAddress = s.reachableAt.first();
            part = tr("%1: reachable at %2").arg(accountLabel(a), localAddress);
        }
        parts.append(part);
    }
    m_accountsLabel->setText(parts.join(QStringLiteral("   ·   ")));
    m_copyAddress->setVisible(!localAddress.isEmpty());
    disconnect(m_copyAddress, &QToolButton::clicked, nullptr, nullptr);
    connect(m_copyAddress, &QToolButton::clicked, this, [this, localAddress] {
        QApplication::clipboard()->setText(localAddress);
        statusBar()->showMessage(tr("Copied %1").arg(localAddress), 3000);
    });
}

void MainWindow::addAccount()
{
    AccountDialog dialog(std::nullopt, m_service.secretsPersistent(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<MainWindow> self(this);
    m_service.addAccount(
        dialog.account(), dialog.password().value_or(QString()), [self](StoreResult<qint64> r) {
            if (self && !r)
                QMessageBox::warning(self, tr("Add account"), r.error().toString());
        });
}

void MainWindow::useWithoutServer()
{
    LocalAccountDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<MainWindow> self(this);
    m_service.addAccount(dialog.account(), {}, [self](StoreResult<qint64> r) {
        if (self && !r)
            QMessageBox::warning(self, tr("Use without a server"), r.error().toString());
    });
}

void MainWindow::editAccount(qint64 accountId)
{
    const auto account = m_service.account(accountId);
    if (!account)
        return;
    AccountDialog dialog(account, m_service.secretsPersistent(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPointer<MainWindow> self(this);
    m_service.updateAccount(dialog.account(), dialog.password(), [self](StoreResult<void> r) {
        if (self && !r)
            QMessageBox::warning(self, tr("Edit account"), r.error().toString());
    });
}

void MainWindow::askPassword(qint64 accountId)
{
    const auto account = m_service.account(accountId);
    if (!account)
        return;
    bool ok = false;
    const QString password =
        QInputDialog::getText(this, tr("Password"), tr("Password for %1:").arg(account->aor),
                              QLineEdit::Password, QString(), &ok);
    if (ok)
        m_service.providePassword(accountId, password);
}

void MainWindow::removeAccount(qint64 accountId)
{
    const auto account = m_service.account(accountId);
    if (!account)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove account"),
                    tr("Remove %1? It signs out and is no longer used. Its conversations stay "
                       "readable, and adding the same address again brings them back.")
                        .arg(account->aor),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("removeAccountDialog"));
    auto *deleteHistory = new QCheckBox(tr("Also delete its conversations and history"), &box);
    deleteHistory->setObjectName(QStringLiteral("deleteHistoryCheck"));
    box.setCheckBox(deleteHistory);
    QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("removeAccountButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(remove))
        return;
    const bool keepHistory = !deleteHistory->isChecked();
    if (!keepHistory && m_conversationPane && m_conversationPane->accountId() == accountId)
        m_conversationPane->closeConversation();
    QPointer<MainWindow> self(this);
    m_service.removeAccount(accountId, keepHistory, [self](StoreResult<void> r) {
        if (self && !r)
            QMessageBox::warning(self, tr("Remove account"), r.error().toString());
    });
}

void MainWindow::newConversation()
{
    if (m_service.accounts().isEmpty() || !m_reader)
        return;
    QList<Contact> contacts;
    for (const Account &a : m_service.accounts()) {
        if (auto list = ContactStore(*m_reader).list(a.id))
            contacts += list.value();
    }
    const qint64 preferred = m_conversationPane->accountId() ? m_conversationPane->accountId()
                                                             : m_service.accounts().first().id;
    NewConversationDialog dialog(m_service.accounts(), contacts, preferred, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const qint64 accountId = dialog.accountId();
    const QString uri = dialog.peerUri();
    auto existing = ConversationStore(*m_reader).find(accountId, ContactKey::fromString(uri));
    if (existing && existing.value()) {
        openConversation(existing.value()->id);
        return;
    }
    m_listPane->listView()->clearSelection();
    m_conversationPane->openNew(accountId, uri, dialog.peerName());
}

void MainWindow::openAddress(const QString &uri)
{
    if (!m_reader)
        return;
    qint64 accountId = m_conversationPane->accountId();
    if (!accountId) {
        for (const Account &a : m_service.accounts()) {
            if (a.enabled) {
                accountId = a.id;
                break;
            }
        }
    }
    if (!accountId)
        return;
    auto existing = ConversationStore(*m_reader).find(accountId, ContactKey::fromString(uri));
    if (existing && existing.value()) {
        openConversation(existing.value()->id);
        return;
    }
    m_conversationPane->openNew(accountId, uri, QString());
}

void MainWindow::openConversation(qint64 conversationId)
{
    if (!m_listModel)
        return;
    const Conversation *c = m_listModel->conversation(conversationId);
    Conversation copy;
    if (c) {
        copy = *c;
    } else {
        // Not listed yet (the list refreshes once per event loop turn):
        // open it now, select it when it is listed.
        auto found = ConversationStore(*m_reader).find(conversationId);
        if (!found)
            return;
        copy = found.value();
        m_pendingSelection = conversationId;
    }
    if (c && m_listPane->selectedConversation() != conversationId)
        m_listPane->select(conversationId); // comes back here through the selection
    m_conversationPane->openConversation(copy);
    if (copy.unreadCount > 0)
        m_service.markConversationRead(conversationId);
}

void MainWindow::addContact(qint64 accountId, const QString &uri, const QString &name)
{
    bool ok = false;
    const QString chosen = QInputDialog::getText(
        this, tr("Add contact"), tr("Name for %1:").arg(uri), QLineEdit::Normal, name, &ok);
    if (!ok)
        return;
    Contact contact;
    contact.accountId = accountId;
    contact.uri = uri;
    contact.displayName = chosen.trimmed();
    QPointer<MainWindow> self(this);
    m_service.addContact(contact, [self](StoreResult<qint64> r) {
        if (self && !r)
            QMessageBox::warning(self, tr("Add contact"), r.error().toString());
    });
}

void MainWindow::block(qint64 accountId, const QString &uri)
{
    const auto account = m_service.account(accountId);
    const bool declines = !account || account->blockedAnswer == Account::BlockedAnswer::Decline;
    if (QMessageBox::question(
            this, tr("Block"),
            tr("Block %1? Their messages will not be shown or stored; they are %2.")
                .arg(uri, declines ? tr("declined") : tr("accepted and dropped silently"))) !=
        QMessageBox::Yes)
        return;
    m_conversationPane->closeConversation();
    m_service.setBlocked(accountId, uri, true);
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog)
        m_aboutDialog = new AboutDialog(this);
    m_aboutDialog->open();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closed) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    if (m_closing)
        return;
    m_closing = true;
    saveWindowState();
    statusBar()->showMessage(tr("Signing out…"));
    QPointer<MainWindow> self(this);
    m_service.shutdown([self] {
        if (!self)
            return;
        self->m_closed = true;
        self->close();
        emit self->shutDown();
    });
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings.value(geometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1000, 680);
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(geometryKey, saveGeometry());
    if (m_listModel)
        m_settings.setValue(splitterKey, m_splitter->saveState());
    m_settings.sync();
}

} // namespace tidings
