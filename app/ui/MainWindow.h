// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AboutDialog.h"
#include "Profile.h"

#include <QMainWindow>
#include <QPointer>
#include <QSettings>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace tidings {

class ConversationListModel;
class ConversationListPane;
class ConversationPane;
class Database;
class MessengerService;
class WelcomePage;
struct AccountStatus;

// The main window: the welcome page on a new profile; afterwards the
// conversations on the left and the open one on the right, the accounts'
// state in the status bar and the Accounts menu. Window geometry and the
// splitter position are kept in <profile>/ui.ini. Closing it unregisters the
// accounts (for a bounded time) and then emits shutDown().
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const Profile &profile, MessengerService &service, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConversationListPane *conversationList() const { return m_listPane; }
    ConversationPane *conversationPane() const { return m_conversationPane; }
    ConversationListModel *conversationModel() const { return m_listModel.get(); }
    WelcomePage *welcomePage() const { return m_welcome; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    QAction *newConversationAction() const { return m_newConversationAction; }
    QAction *addAccountAction() const { return m_addAccountAction; }
    QAction *useLocalAction() const { return m_useLocalAction; }
    AboutDialog *aboutDialog() const { return m_aboutDialog; }
    // The accounts' state as the status bar shows it.
    QString accountsStatusText() const;
    // True once the profile is open and the window shows it.
    bool isReady() const { return m_listModel != nullptr; }

public slots:
    void showAbout();
    void addAccount();
    void useWithoutServer();
    void newConversation();
    // Opens (or starts) the conversation with `uri` on the first account
    // that is enabled.
    void openAddress(const QString &uri);
    void openConversation(qint64 conversationId);

signals:
    // The accounts unregistered and the database is closed after a close.
    void shutDown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onOpened();
    void showFatal(const QString &error);
    void createMenus();
    void rebuildAccountsMenu();
    void refreshStatusBar();
    void updateTitle(int unread);
    void editAccount(qint64 accountId);
    void removeAccount(qint64 accountId);
    void askPassword(qint64 accountId);
    void addContact(qint64 accountId, const QString &uri, const QString &name);
    void block(qint64 accountId, const QString &uri);
    void showCentral();
    void restoreWindowState();
    void saveWindowState();

    Profile m_profile;
    QSettings m_settings;
    MessengerService &m_service;
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<ConversationListModel> m_listModel;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_loading = nullptr;
    WelcomePage *m_welcome = nullptr;
    QSplitter *m_splitter = nullptr;
    ConversationListPane *m_listPane = nullptr;
    ConversationPane *m_conversationPane = nullptr;
    QMenu *m_accountsMenu = nullptr;
    QLabel *m_accountsLabel = nullptr;
    QToolButton *m_copyAddress = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_newConversationAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_useLocalAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
    qint64 m_pendingSelection = 0;
    bool m_closing = false;
    bool m_closed = false;
};

} // namespace tidings
