// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a person meets it: the welcome on a new profile, the
// menus and shortcuts, the About dialog, window state kept across runs, the
// accounts in the status bar, and the password never written to the profile.

#include "AboutDialog.h"
#include "AppInfo.h"
#include "ConversationListPane.h"
#include "ConversationPane.h"
#include "GuiFixture.h"
#include "ProfileScan.h"
#include "WelcomePage.h"
#include "dialogs/AccountDialog.h"
#include "dialogs/LocalAccountDialog.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "widgets/Composer.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;

    static QMenu *menuNamed(MainWindow &window, const QString &objectName)
    {
        return window.menuBar()->findChild<QMenu *>(objectName);
    }

private slots:
    void initTestCase()
    {
        AppInfo::applyToApplication();
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("tidings-gui-test"));
    }

    void newProfileShowsTheWelcome()
    {
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        MainWindow &w = *app.window;
        QCOMPARE(w.windowTitle(), QStringLiteral("Tidings"));
        auto *stack = w.findChild<QStackedWidget *>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget(), w.welcomePage());
        QVERIFY(w.welcomePage()->addAccountButton()->isVisible());
        QVERIFY(w.welcomePage()->localButton()->isVisible());
        QVERIFY(!w.newConversationAction()->isEnabled()); // nothing to send from yet
        auto *profileLabel = w.findChild<QLabel *>(QStringLiteral("profileLabel"));
        QVERIFY(profileLabel && profileLabel->text().contains(m_dir->path()));
    }

    void menusAndShortcuts()
    {
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        MainWindow &w = *app.window;
        QVERIFY(menuNamed(w, QStringLiteral("fileMenu")));
        QVERIFY(menuNamed(w, QStringLiteral("accountsMenu")));
        QVERIFY(menuNamed(w, QStringLiteral("helpMenu")));
        QCOMPARE(w.newConversationAction()->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(w.quitAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)) ||
                w.quitAction()->shortcuts().contains(QKeySequence(QKeySequence::Quit)));
        const QList<QAction *> accounts = menuNamed(w, QStringLiteral("accountsMenu"))->actions();
        QVERIFY(accounts.contains(w.addAccountAction()));
        QVERIFY(accounts.contains(w.useLocalAction()));
        QCOMPARE(w.aboutAction()->text(), QStringLiteral("&About Tidings"));
    }

    void aboutDialogOpensAndCloses()
    {
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        MainWindow &w = *app.window;
        w.aboutAction()->trigger();
        AboutDialog *dialog = w.aboutDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->text().contains(QStringLiteral("Version ") + AppInfo::version()));
        QVERIFY(dialog->text().contains(AppInfo::id()));
        dialog->reject();
        QVERIFY(!dialog->isVisible());
        w.aboutAction()->trigger();
        QCOMPARE(w.aboutDialog(), dialog);
        dialog->close();
    }

    void appIconIsBundled()
    {
        const QIcon icon(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id()));
        QVERIFY(QFileInfo::exists(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id())));
        QVERIFY(!icon.pixmap(32, 32).isNull());
    }

    void useWithoutServerFromTheWelcome()
    {
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        MainWindow &w = *app.window;
        whenDialogOpens<LocalAccountDialog>([](LocalAccountDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("localUserEdit"))
                ->setText(QStringLiteral("ann"));
            auto *address = d->findChild<QComboBox *>(QStringLiteral("localAddressCombo"));
            address->setCurrentIndex(address->findData(QStringLiteral("127.0.0.1")));
        });
        QTest::mouseClick(w.welcomePage()->localButton(), Qt::LeftButton);
        // Listening at once, the address shown with a copy button.
        QTRY_VERIFY_WITH_TIMEOUT(
            w.accountsStatusText().contains(QLatin1String("reachable at sip:ann@127.0.0.1:")),
            10000);
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("copyAddressButton"))->isVisible());
        auto *stack = w.findChild<QStackedWidget *>();
        QVERIFY(stack->currentWidget() != w.welcomePage());
        QVERIFY(w.newConversationAction()->isEnabled());
        QVERIFY(w.conversationList()->isVisible());
        QCOMPARE(w.conversationPane()->placeholderText(),
                 QStringLiteral("Choose a conversation, or start a new one with Ctrl+N"));
    }

    void accountDialogExplainsABadAddress()
    {
        AccountDialog dialog(std::nullopt, false);
        dialog.findChild<QLineEdit *>(QStringLiteral("aorEdit"))
            ->setText(QStringLiteral("not an address"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("accountProblem"));
        QVERIFY(problem->text().contains(QLatin1String("is not a SIP address")));
        // Where no keychain runs, it says the password is kept for this run.
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("keychainNote"))
                    ->text()
                    .contains(QLatin1String("only while Tidings runs")));
        dialog.findChild<QLineEdit *>(QStringLiteral("aorEdit"))
            ->setText(QStringLiteral("alice@example.com"));
        QCOMPARE(dialog.problem(), QString());
        QCOMPARE(dialog.account().aor, QStringLiteral("sip:alice@example.com"));
    }

    // Issue 10, GUI test 8: the password typed in the account dialog is
    // never written under the profile directory.
    void passwordNeverWrittenUnderTheProfile()
    {
        const QByteArray password = "pw-Ünïcode-7c1e93-secret";
        {
            GuiApp app(*m_secrets, m_dir->path());
            QVERIFY(app.start());
            whenDialogOpens<AccountDialog>([&](AccountDialog *d) {
                d->findChild<QLineEdit *>(QStringLiteral("aorEdit"))
                    ->setText(QStringLiteral("dave@127.0.0.1:9"));
                d->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
                    ->setText(QString::fromUtf8(password));
            });
            app.window->addAccountAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(app.service->accounts().size(), 1, 5000);
            // Wrong server: it says so in words, in the status bar.
            QTRY_VERIFY_WITH_TIMEOUT(
                app.window->accountsStatusText().contains(QLatin1String("dave@127.0.0.1:9")), 5000);
            QVERIFY(app.stop());
        }
        const ScanResult scan =
            scanFiles(m_dir->path(), {password, QString::fromUtf8(password).toLatin1(),
                                      QString::fromUtf8(password).toUtf8().toHex()});
        QVERIFY2(scan.containing.isEmpty(), qPrintable(scan.containing.join(QLatin1Char(' '))));
        QVERIFY(scan.unreadable.isEmpty());
        QVERIFY(scan.files >= 2); // the database and ui.ini at least
    }

    // Removing an account keeps its history unless the user asks: the
    // conversation stays readable (not writable), and adding the address
    // again brings it back; with "also delete" it is gone.
    void removingAnAccountKeepsItsHistoryUnlessAsked()
    {
        qint64 accountId = 0;
        {
            auto db = Database::open(m_dir->path());
            QVERIFY(db.ok());
            Account local;
            local.aor = QStringLiteral("sip:ann@127.0.0.1");
            local.registerAccount = false;
            accountId = AccountStore(*db.value()).add(local).value();
            IncomingMessage m;
            m.accountId = accountId;
            m.peerUri = QStringLiteral("sip:bob@127.0.0.1:9");
            m.body = QStringLiteral("remember this");
            m.callId = QStringLiteral("keep-1");
            m.cseq = 1;
            QVERIFY(MessageStore(*db.value()).insertIncoming(m).isStored());
        }
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        MainWindow &w = *app.window;
        QCOMPARE(w.conversationModel()->rowCount(), 1);
        const qint64 conversationId = w.conversationModel()->at(0).id;

        const auto removeThroughTheMenu = [&](bool deleteHistory) {
            whenDialogOpens<QMessageBox>([deleteHistory](QMessageBox *box) {
                QCOMPARE(box->objectName(), QStringLiteral("removeAccountDialog"));
                box->findChild<QCheckBox *>(QStringLiteral("deleteHistoryCheck"))
                    ->setChecked(deleteHistory);
                box->findChild<QPushButton *>(QStringLiteral("removeAccountButton"))->click();
            });
            QMenu *menu = menuNamed(w, QStringLiteral("accountMenu%1").arg(accountId));
            QVERIFY(menu);
            QAction *remove = nullptr;
            for (QAction *a : menu->actions())
                if (a->text() == QStringLiteral("Remove…"))
                    remove = a;
            QVERIFY(remove);
            remove->trigger();
        };

        removeThroughTheMenu(false);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->accounts().isEmpty(), 5000);
        QTest::qWait(50);
        QCOMPARE(w.conversationModel()->rowCount(), 1); // the history stays
        auto *stack = w.findChild<QStackedWidget *>();
        QVERIFY(stack->currentWidget() != w.welcomePage());
        w.openConversation(conversationId);
        ConversationPane *pane = w.conversationPane();
        QCOMPARE(pane->messageModel()->rowCount(), 1);
        QVERIFY(!pane->composer()->isEnabled());
        auto *notice = pane->findChild<QLabel *>(QStringLiteral("accountNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QLatin1String("was removed")));

        // The same address again: the same account, writable again.
        Account back;
        back.aor = QStringLiteral("sip:ann@127.0.0.1");
        back.registerAccount = false;
        qint64 backId = 0;
        app.service->addAccount(back, {},
                                [&](StoreResult<qint64> r) { backId = r.ok() ? r.value() : -1; });
        QTRY_VERIFY(backId != 0);
        QCOMPARE(backId, accountId);
        QTRY_VERIFY(pane->composer()->isEnabled());

        // And removed with its history.
        removeThroughTheMenu(true);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->accounts().isEmpty(), 5000);
        QTRY_COMPARE(w.conversationModel()->rowCount(), 0);
        QTRY_COMPARE(stack->currentWidget(), static_cast<QWidget *>(w.welcomePage()));
    }

    void windowStateKeptAcrossRuns()
    {
        const QSize size(820, 560);
        {
            GuiApp app(*m_secrets, m_dir->path());
            QVERIFY(app.start());
            app.window->resize(size);
            QTRY_COMPARE(app.window->size(), size);
            QVERIFY(app.stop());
        }
        QVERIFY(QFileInfo::exists(m_dir->filePath(QStringLiteral("ui.ini"))));
        GuiApp again(*m_secrets, m_dir->path());
        QVERIFY(again.start());
        QCOMPARE(again.window->size(), size);
    }

    void germanTranslation()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tidings_de.qm")));
        QCoreApplication::installTranslator(&translator);
        GuiApp app(*m_secrets, m_dir->path());
        QVERIFY(app.start());
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(menuNamed(*app.window, QStringLiteral("fileMenu"))->title(),
                 QStringLiteral("&Datei"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
