// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"
#include "AppInfo.h"
#include "ContactPane.h"
#include "ConversationPane.h"
#include "MainWindow.h"
#include "Profile.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

using namespace tidings;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    Profile makeProfile() const
    {
        return Profile::resolve(m_profileDir->path(), QProcessEnvironment(),
                                Profile::Fallback::None);
    }

    static QMenu *menuNamed(MainWindow &window, const QString &objectName)
    {
        return window.menuBar()->findChild<QMenu *>(objectName);
    }

    std::unique_ptr<QTemporaryDir> m_profileDir;

private slots:
    void initTestCase() { AppInfo::applyToApplication(); }

    void init()
    {
        m_profileDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profileDir->isValid());
    }

    void titleAndPanes()
    {
        MainWindow window(makeProfile());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.windowTitle(), QStringLiteral("Tidings"));

        ContactPane *contacts = window.findChild<ContactPane *>(QStringLiteral("contactPane"));
        QVERIFY(contacts);
        QCOMPARE(contacts, window.contactPane());
        QVERIFY(contacts->isVisible());
        QVERIFY(window.findChild<QListView *>(QStringLiteral("contactList")));

        ConversationPane *conversation =
            window.findChild<ConversationPane *>(QStringLiteral("conversationPane"));
        QVERIFY(conversation);
        QVERIFY(conversation->isVisible());
        QCOMPARE(conversation->placeholderText(), QStringLiteral("No conversation selected"));

        auto *profileLabel = window.findChild<QLabel *>(QStringLiteral("profileLabel"));
        QVERIFY(profileLabel);
        QVERIFY(profileLabel->text().contains(m_profileDir->path()));
    }

    void emptyStateWithoutAccounts()
    {
        MainWindow window(makeProfile());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ContactPane *contacts = window.contactPane();
        QVERIFY(contacts->isShowingEmptyState());
        QCOMPARE(contacts->emptyStateTitle(), QStringLiteral("No accounts yet"));
        auto *emptyState = window.findChild<QWidget *>(QStringLiteral("contactEmptyState"));
        QVERIFY(emptyState);
        QVERIFY(emptyState->isVisible());
        QVERIFY(!contacts->listView()->isVisible());
    }

    void emptyStateFollowsTheModel()
    {
        ContactPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(pane.isShowingEmptyState());

        QStandardItemModel model;
        pane.setModel(&model);
        QVERIFY(pane.isShowingEmptyState());

        model.appendRow(new QStandardItem(QStringLiteral("row")));
        QVERIFY(!pane.isShowingEmptyState());
        QVERIFY(pane.listView()->isVisible());

        model.removeRow(0);
        QVERIFY(pane.isShowingEmptyState());

        model.appendRow(new QStandardItem(QStringLiteral("row")));
        pane.setModel(nullptr);
        QVERIFY(pane.isShowingEmptyState());
        model.clear(); // no longer connected: must not touch the pane
        QVERIFY(pane.isShowingEmptyState());
    }

    void menus()
    {
        MainWindow window(makeProfile());
        QMenu *file = menuNamed(window, QStringLiteral("fileMenu"));
        QVERIFY(file);
        QVERIFY(file->actions().contains(window.quitAction()));
        QCOMPARE(window.quitAction()->text(), QStringLiteral("&Quit"));
        QVERIFY(!window.quitAction()->shortcut().isEmpty());

        QMenu *help = menuNamed(window, QStringLiteral("helpMenu"));
        QVERIFY(help);
        QAction *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QCOMPARE(about, window.aboutAction());
        QVERIFY(help->actions().contains(about));
        QCOMPARE(about->text(), QStringLiteral("&About Tidings"));
    }

    void aboutDialogOpensAndCloses()
    {
        MainWindow window(makeProfile());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.aboutDialog());

        window.aboutAction()->trigger();
        AboutDialog *dialog = window.findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog, window.aboutDialog());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("About Tidings"));
        QVERIFY2(dialog->text().contains(QStringLiteral("Version ") + AppInfo::version()),
                 qPrintable(dialog->text()));
        QVERIFY(dialog->text().contains(AppInfo::id()));
        QVERIFY(dialog->text().contains(QString::fromLatin1(qVersion())));

        QSignalSpy finished(dialog, &QDialog::finished);
        dialog->reject();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!dialog->isVisible());

        // A second trigger reuses the dialog.
        window.aboutAction()->trigger();
        QCOMPARE(window.aboutDialog(), dialog);
        QVERIFY(dialog->isVisible());
        dialog->close();
        QVERIFY(!dialog->isVisible());
    }

    void appIconIsBundled()
    {
        const QIcon icon(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id()));
        QVERIFY(QFileInfo::exists(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id())));
        QVERIFY(!icon.pixmap(32, 32).isNull());
    }

    void quitSavesGeometry()
    {
        const QSize size(700, 500);
        {
            MainWindow window(makeProfile());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(size);
            QTRY_COMPARE(window.size(), size);
            window.quitAction()->trigger();
            QVERIFY(!window.isVisible());
        }
        QVERIFY(QFileInfo::exists(makeProfile().filePath(QStringLiteral("ui.ini"))));

        MainWindow again(makeProfile());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), size);
    }

    void defaultSizeWithoutSavedGeometry()
    {
        MainWindow window(makeProfile());
        QCOMPARE(window.size(), QSize(960, 640));
    }

    void germanTranslation()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tidings_de.qm")));
        QCoreApplication::installTranslator(&translator);
        MainWindow window(makeProfile());
        QCoreApplication::removeTranslator(&translator);

        QCOMPARE(menuNamed(window, QStringLiteral("fileMenu"))->title(), QStringLiteral("&Datei"));
        QCOMPARE(window.contactPane()->emptyStateTitle(), QStringLiteral("Noch keine Konten"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
