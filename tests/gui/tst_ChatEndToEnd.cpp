// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app against a real peer: the real MainWindow with an account
// "without a server" on 127.0.0.1, and tidings-cli listening and sending over
// real UDP sockets (issue 10, GUI tests 2, 6 and 7; RFC 3428 §4, §7).

#include "ConversationListPane.h"
#include "ConversationPane.h"
#include "GuiFixture.h"
#include "delegates/MessageDelegate.h"
#include "dialogs/NewConversationDialog.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "widgets/ChatView.h"
#include "widgets/Composer.h"

#include "CliProcess.h"
#include "ua/Stack.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

// The next JSON line of a running tidings-cli, waiting with the event loop
// running (the app under test keeps working meanwhile).
QJsonObject nextLine(QProcess &p, QByteArray &pending, int timeoutMs = 15000)
{
    const bool arrived = QTest::qWaitFor(
        [&] {
            pending += p.readAllStandardOutput();
            return pending.contains('\n');
        },
        timeoutMs);
    if (!arrived)
        return {};
    const qsizetype nl = pending.indexOf('\n');
    if (nl < 0)
        return {};
    const QByteArray line = pending.left(nl);
    pending.remove(0, nl + 1);
    return QJsonDocument::fromJson(line).object();
}

QString localAddress(MessengerService &service, qint64 accountId)
{
    const QStringList at = service.status(accountId).reachableAt;
    return at.isEmpty() ? QString() : at.first();
}

} // namespace

class TestChatEndToEnd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    QProcess m_bob;
    QByteArray m_bobOut;
    QString m_bobUri; // sip:bob@127.0.0.1:<port>
    qint64 m_accountId = 0;

    CliRun bobSends(const QString &to, const QString &text)
    {
        return runCli({QStringLiteral("send"), QStringLiteral("--from"), m_bobUri,
                       QStringLiteral("--to"), to, QStringLiteral("--text"), text,
                       QStringLiteral("--timeout"), QStringLiteral("10")},
                      20000);
    }

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        QVERIFY(m_dir.isValid());
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("tidings-gui-e2e"));
        m_bob.start(cliPath(), {QStringLiteral("listen"), QStringLiteral("--aor"),
                                QStringLiteral("sip:bob@127.0.0.1"), QStringLiteral("--bind"),
                                QStringLiteral("udp:127.0.0.1:0")});
        QVERIFY(m_bob.waitForStarted());
        const QJsonObject listening = nextLine(m_bob, m_bobOut);
        QCOMPARE(listening.value(QStringLiteral("event")).toString(), QStringLiteral("listening"));
        const QString bind = listening.value(QStringLiteral("bind")).toArray().first().toString();
        m_bobUri = QStringLiteral("sip:bob@127.0.0.1:%1").arg(bind.section(QLatin1Char(':'), -1));
    }

    void cleanupTestCase()
    {
        m_bob.terminate();
        m_bob.waitForFinished(5000);
    }

    // Issue 10, GUI test 6 (one direction) and the composer: Enter sends,
    // Shift+Enter is a new line, text and spaces arrive exactly; the
    // bubble goes queued -> sent.
    void rfc3428_typedMessageReachesThePeerExactly()
    {
        GuiApp app(*m_secrets, m_dir.path());
        QVERIFY(app.start());
        Account local;
        local.aor = QStringLiteral("sip:ann@127.0.0.1");
        local.displayName = QStringLiteral("Ann");
        local.registerAccount = false;
        app.service->addAccount(
            local, {}, [this](StoreResult<qint64> r) { m_accountId = r.ok() ? r.value() : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(m_accountId > 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(m_accountId).isOnline(), 10000);

        QAbstractItemModelTester listTester(app.window->conversationModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Ctrl+N, an address without "sip:", Start.
        whenDialogOpens<NewConversationDialog>([this](NewConversationDialog *d) {
            d->setAddress(m_bobUri.mid(4)); // "bob@127.0.0.1:port"
        });
        app.window->newConversationAction()->trigger();
        // What a window manager does when a dialog closes (offscreen has none).
        app.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
        ConversationPane *pane = app.window->conversationPane();
        QTRY_VERIFY(pane->hasConversation());
        QCOMPARE(pane->peerUri(), m_bobUri);

        Composer *composer = pane->composer();
        // The pane puts the cursor into the composer when it opens.
        QTRY_VERIFY2(composer->hasFocus(),
                     qPrintable(QStringLiteral("focus: %1, active: %2")
                                    .arg(QApplication::focusWidget()
                                             ? QApplication::focusWidget()->objectName()
                                             : QStringLiteral("none"))
                                    .arg(QApplication::activeWindow()
                                             ? QApplication::activeWindow()->objectName()
                                             : QStringLiteral("none"))));
        // Text beyond ASCII comes as an input method commits it.
        composer->insertPlainText(QStringLiteral("Grüße aus Tōkyō 東京"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("  two  spaces "));
        QTest::keyClick(composer, Qt::Key_Return);

        const QJsonObject got = nextLine(m_bob, m_bobOut);
        QCOMPARE(got.value(QStringLiteral("event")).toString(), QStringLiteral("message"));
        QCOMPARE(got.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Grüße aus Tōkyō 東京\n  two  spaces "));
        QVERIFY(composer->toPlainText().isEmpty());

        // The new conversation is listed and open; its bubble says Sent.
        QTRY_VERIFY_WITH_TIMEOUT(pane->messageModel() && pane->messageModel()->rowCount() == 1,
                                 10000);
        QAbstractItemModelTester tester(pane->messageModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex bubble = pane->messageModel()->index(0);
        QTRY_COMPARE_WITH_TIMEOUT(bubble.data(MessageListModel::StateRole).toInt(),
                                  int(DeliveryState::Sent), 10000);
        QCOMPARE(bubble.data(MessageListModel::StateTextRole).toString(), QStringLiteral("Sent"));
        QTRY_COMPARE(app.window->conversationModel()->rowCount(), 1);
        QCOMPARE(app.window->conversationList()->selectedConversation(), pane->conversationId());
        QVERIFY(app.stop());
    }

    // Issue 10, GUI tests 2, 6 (the other direction) and 7.
    void incomingMessageListedUnreadAndShownLiterally()
    {
        GuiApp app(*m_secrets, m_dir.path());
        QVERIFY(app.start());
        QVERIFY(m_accountId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(m_accountId).isOnline(), 10000);
        const QString me = localAddress(*app.service, m_accountId);
        QVERIFY(me.startsWith(QLatin1String("sip:ann@127.0.0.1:")));
        ConversationListModel *list = app.window->conversationModel();
        QAbstractItemModelTester tester(list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);

        // A stranger first, then bob: bob's conversation moves to the top
        // with an unread badge.
        const QString html = QStringLiteral("<b>x</b><img src=x>");
        CliRun carol = runCli({QStringLiteral("send"), QStringLiteral("--from"),
                               QStringLiteral("sip:carol@127.0.0.1:9"), QStringLiteral("--to"), me,
                               QStringLiteral("--text"), QStringLiteral("hello from carol")},
                              20000);
        QCOMPARE(carol.exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 2, 10000);
        QCOMPARE(list->index(0).data(ConversationListModel::PeerUriRole).toString(),
                 QStringLiteral("sip:carol@127.0.0.1:9"));
        QCOMPARE(bobSends(me, html).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            list->index(0).data(ConversationListModel::PeerUriRole).toString(), m_bobUri, 10000);
        QTRY_COMPARE(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(list->index(0).data(ConversationListModel::PreviewRole).toString(), html);
        QCOMPARE(app.window->windowTitle(), QStringLiteral("Tidings (2)"));

        // Opening it reads it.
        app.window->conversationList()->listView()->setCurrentIndex(
            app.window->conversationList()->filterModel()->index(0, 0));
        ConversationPane *pane = app.window->conversationPane();
        QTRY_COMPARE(pane->peerUri(), m_bobUri);
        QTRY_COMPARE_WITH_TIMEOUT(list->index(0).data(ConversationListModel::UnreadRole).toInt(), 0,
                                  5000);
        QTRY_COMPARE(app.window->windowTitle(), QStringLiteral("Tidings (1)"));

        // Shown as the characters it is: the bubble is as wide as the text
        // written out, not as a bold "x" and an image.
        MessageListModel *messages = pane->messageModel();
        QTRY_COMPARE(messages->rowCount(), 2);
        const QModelIndex last = messages->index(1);
        QCOMPARE(last.data(MessageListModel::BodyRole).toString(), html);
        ChatView *view = pane->chatView();
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.rect = view->visualRect(view->model()->index(1, 0));
        option.font = view->font();
        const QRect bubble =
            view->messageDelegate()->bubbleRect(option, view->model()->index(1, 0));
        QVERIFY2(bubble.width() >= QFontMetrics(view->font()).horizontalAdvance(html),
                 qPrintable(QString::number(bubble.width())));

        // A long unbroken line wraps inside the view; the window keeps its width.
        const int windowWidth = app.window->width();
        QCOMPARE(bobSends(me, QString(3000, QLatin1Char('W'))).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 3, 10000);
        QApplication::processEvents();
        const QModelIndex longOne = view->model()->index(2, 0);
        QStyleOptionViewItem o2 = option;
        o2.rect = view->visualRect(longOne);
        const QRect longBubble = view->messageDelegate()->bubbleRect(o2, longOne);
        QVERIFY(longBubble.right() <= view->viewport()->width());
        QVERIFY(longBubble.height() > 5 * QFontMetrics(view->font()).height());
        QCOMPARE(app.window->width(), windowWidth);
        QVERIFY(app.stop());

        // The unread state survives a restart: carol's one message is still unread.
        GuiApp again(*m_secrets, m_dir.path());
        QVERIFY(again.start());
        ConversationListModel *relisted = again.window->conversationModel();
        QTRY_COMPARE(relisted->rowCount(), 2);
        QCOMPARE(relisted->index(0).data(ConversationListModel::PeerUriRole).toString(), m_bobUri);
        QCOMPARE(relisted->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
        QCOMPARE(relisted->index(1).data(ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(again.window->windowTitle(), QStringLiteral("Tidings (1)"));
        QVERIFY(again.stop());
    }

    // Issue 10, GUI test 3: a send the peer refuses (486) shows the reason
    // on the bubble and in the list; Retry (clicked on the bubble) delivers
    // it once the peer takes it, and nothing arrives twice (RFC 3428 §4).
    void rfc3428_refusedSendShowsTheReasonAndRetryDeliversOnce()
    {
        GuiApp app(*m_secrets, m_dir.path());
        QVERIFY(app.start());
        QVERIFY(m_accountId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(m_accountId).isOnline(), 10000);

        // Dan: a real SIP user agent that is busy at first.
        sip::Stack::Config config;
        config.aor = "sip:dan@127.0.0.1";
        sip::Stack dan(config);
        QString error;
        QVERIFY2(dan.bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error),
                 qPrintable(error));
        const quint16 port = dan.transport().localEndpoints().first().port;
        bool busy = true;
        QStringList answered200;
        int requests = 0;
        dan.userAgent().setMessageHandler([&](const sip::IncomingMessage &m) {
            ++requests;
            if (busy) {
                dan.userAgent().answer(m.serverId, 486);
            } else {
                answered200.append(m.text);
                dan.userAgent().answer(m.serverId, 200);
            }
        });
        const QString danUri = QStringLiteral("sip:dan@127.0.0.1:%1").arg(port);

        ConversationPane *pane = app.window->conversationPane();
        pane->openNew(m_accountId, danUri, QString());
        QTest::keyClicks(pane->composer(), QStringLiteral("are you there?"));
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(pane->messageModel() && pane->messageModel()->rowCount() == 1,
                                 10000);
        const QModelIndex row = pane->messageModel()->index(0);
        QTRY_COMPARE_WITH_TIMEOUT(row.data(MessageListModel::StateRole).toInt(),
                                  int(DeliveryState::Failed), 10000);
        QCOMPARE(row.data(MessageListModel::StateTextRole).toString(),
                 QStringLiteral("Failed: 486 Busy Here"));
        ConversationListModel *list = app.window->conversationModel();
        QTRY_COMPARE(list->index(0).data(ConversationListModel::PeerUriRole).toString(), danUri);
        QCOMPARE(list->index(0).data(ConversationListModel::LastStateRole).toInt(),
                 int(DeliveryState::Failed));
        QCOMPARE(requests, 1);

        // The peer is free now; Retry is clicked on the bubble.
        busy = false;
        ChatView *view = pane->chatView();
        const QModelIndex viewRow = view->model()->index(0, 0);
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.font = view->font();
        option.rect = view->visualRect(viewRow);
        const QRect retry =
            view->messageDelegate()->actionRect(option, viewRow, MessageDelegate::Hit::Kind::Retry);
        QVERIFY(!retry.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.center());
        QTRY_COMPARE_WITH_TIMEOUT(row.data(MessageListModel::StateRole).toInt(),
                                  int(DeliveryState::Sent), 10000);
        QCOMPARE(answered200, QStringList{QStringLiteral("are you there?")});
        QTest::qWait(300); // nothing more comes
        QCOMPARE(requests, 2);
        QCOMPARE(answered200.size(), 1);
        QVERIFY(app.stop());
    }

    void filterFindsNamesWithoutAccents()
    {
        QCOMPARE(ConversationFilterModel::fold(QStringLiteral("Zoë Crème")),
                 QStringLiteral("zoe creme"));
        QCOMPARE(ConversationListModel::initialsOf(QStringLiteral("Alice Liddell")),
                 QStringLiteral("AL"));
        QCOMPARE(ConversationListModel::initialsOf(QStringLiteral("bob@example.com")),
                 QStringLiteral("B"));
        QCOMPARE(ConversationListModel::initialsOf(QStringLiteral("東京 太郎")),
                 QStringLiteral("東太"));
    }

    void linksFoundAndOnlyThose()
    {
        const auto links = MessageDelegate::findLinks(
            QStringLiteral("see https://example.org/a?b=1, or sip:bob@example.com. <b>no</b>"));
        QCOMPARE(links.size(), 2);
        QCOMPARE(links[0].url.toString(), QStringLiteral("https://example.org/a?b=1"));
        QCOMPARE(links[1].url.toString(), QStringLiteral("sip:bob@example.com"));
    }
};

QTEST_MAIN(TestChatEndToEnd)
#include "tst_ChatEndToEnd.moc"
