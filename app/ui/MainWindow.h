// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AboutDialog.h"
#include "Profile.h"

#include <QMainWindow>
#include <QPointer>
#include <QSettings>

class QAction;
class QSplitter;

namespace tidings {

class ContactPane;
class ConversationPane;

// The main window: contacts on the left, the conversation on the right.
// Window geometry and the splitter position are kept in <profile>/ui.ini.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    ContactPane *contactPane() const { return m_contactPane; }
    ConversationPane *conversationPane() const { return m_conversationPane; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *aboutAction() const { return m_aboutAction; }
    // The About dialog once it has been opened, else nullptr.
    AboutDialog *aboutDialog() const { return m_aboutDialog; }

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreWindowState();
    void saveWindowState();

    Profile m_profile;
    QSettings m_settings;
    ContactPane *m_contactPane = nullptr;
    ConversationPane *m_conversationPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
};

} // namespace tidings
