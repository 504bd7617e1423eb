// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app at a real Kamailio (issue 10, GUI tests 1, 4 and 5): the
// real MainWindow and account dialog, the real core thread, Kamailio with
// digest authentication and TLS, and `tidings-cli listen` registered as bob.
// RFC 3261 §10 (registration), §22 (digest), §26 (TLS); RFC 3428 (MESSAGE).

#include "ConversationPane.h"
#include "GuiFixture.h"
#include "InteropLab.h"
#include "TidingsListen.h"
#include "dialogs/AccountDialog.h"
#include "models/MessageListModel.h"
#include "widgets/Composer.h"

#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace tidings;
using namespace tidings::interop;
using namespace tidings::test;

namespace {

const QString kBob = QStringLiteral("sip:bob@127.0.0.1");

QStringList bobListens(const Kamailio &lab)
{
    return {QStringLiteral("--aor"),
            kBob,
            QStringLiteral("--bind"),
            QStringLiteral("udp:127.0.0.1:0"),
            QStringLiteral("--register"),
            QStringLiteral("--registrar"),
            lab.proxyUri(),
            QStringLiteral("--auth-user"),
            QStringLiteral("bob"),
            QStringLiteral("--password-env"),
            QLatin1String(kPasswordVariable)};
}

int registersLogged(const Kamailio &lab, const QByteArray &from)
{
    int n = 0;
    for (const QByteArray &line : lab.log().split('\n')) {
        if (line.contains("REQ REGISTER ") && line.contains(from))
            ++n;
    }
    return n;
}

// Fills the account dialog as a user does: address, password, and under
// Advanced the lab as registrar and outbound proxy over `transport`.
void fillAccount(AccountDialog *d, const Kamailio &lab, const QString &transport,
                 const QString &password)
{
    d->findChild<QLineEdit *>(QStringLiteral("aorEdit"))
        ->setText(QStringLiteral("alice@127.0.0.1"));
    d->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    d->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->setText(QStringLiteral("Alice"));
    d->findChild<QGroupBox *>(QStringLiteral("advancedBox"))->setChecked(true);
    d->findChild<QLineEdit *>(QStringLiteral("registrarEdit"))->setText(lab.proxyUri(transport));
    d->findChild<QLineEdit *>(QStringLiteral("proxyEdit"))->setText(lab.proxyUri(transport));
    auto *combo = d->findChild<QComboBox *>(QStringLiteral("transportCombo"));
    combo->setCurrentIndex(combo->findData(transport));
    if (transport == QLatin1String("tls"))
        d->findChild<QLineEdit *>(QStringLiteral("caFileEdit"))->setText(lab.caFile());
}

// Ctrl+N to `uri`, then the text typed and sent with Enter.
void writeTo(GuiApp &app, const QString &uri, const QString &text)
{
    whenDialogOpens<QDialog>([uri](QDialog *d) {
        d->findChild<QComboBox *>(QStringLiteral("peerAddressCombo"))->setEditText(uri);
    });
    app.window->newConversationAction()->trigger();
    Composer *composer = app.window->conversationPane()->composer();
    composer->insertPlainText(text);
    QTest::keyClick(composer, Qt::Key_Return);
}

} // namespace

class tst_InteropDesktop : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretStore> m_secrets;

private slots:
    void initTestCase()
    {
        if (const QString why = labUnavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        qputenv(kPasswordVariable, kPassword);
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("tidings-interop-desktop"));
    }

    // GUI test 1: an account added in the dialog registers over TLS with the
    // lab's CA and digest (qop=auth); a typed message reaches bob exactly.
    void rfc3261_26_tlsAccountRegistersAndDelivers()
    {
        Kamailio lab;
        QVERIFY2(lab.start({true}), qPrintable(lab.error()));
        TidingsListen bob(lab, QStringLiteral("bob"));
        QVERIFY2(bob.start(bobListens(lab)), qPrintable(bob.error()));
        QVERIFY2(bob.waitForEvent(QStringLiteral("registered")), qPrintable(bob.describe()));

        QTemporaryDir dir;
        GuiApp app(*m_secrets, dir.path());
        QVERIFY(app.start());
        whenDialogOpens<AccountDialog>([&](AccountDialog *d) {
            fillAccount(d, lab, QStringLiteral("tls"), QLatin1String(kPassword));
        });
        app.window->addAccountAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(app.service->accounts().size(), 1, 5000);
        const qint64 id = app.service->accounts().first().id;
        QTRY_VERIFY2_WITH_TIMEOUT(app.service->status(id).isOnline(),
                                  qPrintable(app.window->accountsStatusText()), 15000);
        QVERIFY2(app.window->accountsStatusText().contains(QLatin1String("Online")),
                 qPrintable(app.window->accountsStatusText()));
        QVERIFY(lab.registrations(QStringLiteral("alice")).contains("transport=tls"));

        writeTo(app, QStringLiteral("bob@127.0.0.1"),
                QStringLiteral("Grüße über TLS\n  zweite Zeile"));
        const auto got = bob.waitForEvent(QStringLiteral("message"), 1, 15000);
        QVERIFY2(got, qPrintable(bob.describe()));
        QCOMPARE(got->value(QStringLiteral("body")).toString(),
                 QStringLiteral("Grüße über TLS\n  zweite Zeile"));
        ConversationPane *pane = app.window->conversationPane();
        QTRY_VERIFY2_WITH_TIMEOUT(
            pane->messageModel() && pane->messageModel()->rowCount() == 1,
            qPrintable(QStringLiteral("conversation %1, peer %2, model %3")
                           .arg(pane->conversationId())
                           .arg(pane->peerUri())
                           .arg(pane->messageModel() ? pane->messageModel()->rowCount() : -1)),
            10000);
        MessageListModel *messages = pane->messageModel();
        QTRY_COMPARE_WITH_TIMEOUT(messages->index(0).data(MessageListModel::StateRole).toInt(),
                                  int(DeliveryState::Sent), 10000);
        QVERIFY(app.stop());
        // Signed out on close (RFC 3261 §10.2.2).
        QTRY_VERIFY_WITH_TIMEOUT(!lab.registrations(QStringLiteral("alice")).contains("sip:alice@"),
                                 5000);
    }

    // GUI test 5: a wrong password shows "failed" with the reason, and no
    // retry storm: the challenged REGISTER and its answer, nothing more.
    void rfc3261_22_wrongPasswordFailsWithoutAStorm()
    {
        Kamailio lab;
        QVERIFY2(lab.start(), qPrintable(lab.error()));
        QTemporaryDir dir;
        GuiApp app(*m_secrets, dir.path());
        QVERIFY(app.start());
        whenDialogOpens<AccountDialog>([&](AccountDialog *d) {
            fillAccount(d, lab, QStringLiteral("udp"), QStringLiteral("not-the-password"));
        });
        app.window->addAccountAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(app.service->accounts().size(), 1, 5000);
        const qint64 id = app.service->accounts().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(app.service->status(id).state, AccountStatus::State::Failed,
                                  10000);
        QCOMPARE(app.service->status(id).problem, QStringLiteral("Wrong user name or password"));
        QVERIFY2(app.window->accountsStatusText().contains(
                     QLatin1String("Failed: Wrong user name or password (retrying in")),
                 qPrintable(app.window->accountsStatusText()));
        QTest::qWait(3000);
        QCOMPARE(registersLogged(lab, "alice"), 2);
        // The Accounts menu offers the password and the retry.
        QMenu *menu =
            app.window->menuBar()->findChild<QMenu *>(QStringLiteral("accountMenu%1").arg(id));
        QVERIFY(menu);
        QStringList actions;
        for (QAction *a : menu->actions())
            actions << a->text();
        QVERIFY2(actions.contains(QStringLiteral("Enter password…")),
                 qPrintable(actions.join(u'|')));
        QVERIFY(actions.contains(QStringLiteral("Reconnect now")));
        QVERIFY(app.stop());
        QCOMPARE(registersLogged(lab, "alice"), 2); // never bound: nothing to remove
    }

    // GUI test 4: written while the server is down, kept through a restart of
    // the app, then delivered in order exactly once when the account
    // registers again.
    void rfc3428_writtenWhileServerDownDeliveredInOrder()
    {
        Kamailio lab;
        QVERIFY2(lab.start(), qPrintable(lab.error()));
        lab.stop(); // the server is down

        QTemporaryDir dir;
        qint64 id = 0;
        const QStringList texts = {QStringLiteral("first"), QStringLiteral("second"),
                                   QStringLiteral("third — Dritte")};
        {
            GuiApp app(*m_secrets, dir.path());
            QVERIFY(app.start());
            whenDialogOpens<AccountDialog>([&](AccountDialog *d) {
                fillAccount(d, lab, QStringLiteral("udp"), QLatin1String(kPassword));
            });
            app.window->addAccountAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(app.service->accounts().size(), 1, 5000);
            id = app.service->accounts().first().id;
            QTRY_COMPARE_WITH_TIMEOUT(app.service->status(id).state, AccountStatus::State::Failed,
                                      40000);
            writeTo(app, kBob, texts.at(0));
            ConversationPane *pane = app.window->conversationPane();
            QTRY_VERIFY_WITH_TIMEOUT(pane->messageModel() && pane->messageModel()->rowCount() == 1,
                                     5000);
            for (int i = 1; i < texts.size(); ++i) {
                pane->composer()->insertPlainText(texts.at(i));
                QTest::keyClick(pane->composer(), Qt::Key_Return);
            }
            QTRY_COMPARE_WITH_TIMEOUT(pane->messageModel()->rowCount(), 3, 5000);
            for (int row = 0; row < 3; ++row)
                QCOMPARE(pane->messageModel()->index(row).data(MessageListModel::StateTextRole),
                         QVariant(QStringLiteral("Waiting to be sent")));
            // The pane says why.
            QVERIFY(pane->findChild<QWidget *>(QStringLiteral("accountNotice"))->isVisible());
            QVERIFY(app.stop());
        }

        // The server comes back, bob registers; the app starts again (the
        // password is in this run's SecretStore), registers and sends.
        QVERIFY2(lab.restart({}), qPrintable(lab.error()));
        TidingsListen bob(lab, QStringLiteral("bob"));
        QVERIFY2(bob.start(bobListens(lab)), qPrintable(bob.error()));
        QVERIFY2(bob.waitForEvent(QStringLiteral("registered")), qPrintable(bob.describe()));
        GuiApp app(*m_secrets, dir.path());
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(id).isOnline(), 40000);
        const auto got = bob.waitForEvent(QStringLiteral("message"), 3, 15000);
        QVERIFY2(got, qPrintable(bob.describe()));
        QStringList bodies;
        for (const QJsonObject &m : bob.events(QStringLiteral("message")))
            bodies << m.value(QStringLiteral("body")).toString();
        QCOMPARE(bodies, texts);
        QTest::qWait(500);
        QCOMPARE(bob.events(QStringLiteral("message")).size(), 3); // once each
        QVERIFY(app.stop());
    }
};

int main(int argc, char **argv)
{
    // The network namespace first, while the process has one thread.
    tidings::interop::enterPrivateNetwork();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tst_InteropDesktop tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_InteropDesktop.moc"
