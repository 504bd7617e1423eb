// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation view with a long history: it opens at the newest
// message, reads older pages while the user scrolls up without moving what
// they read, stays put while they read further up, and follows new messages
// when they are at the bottom. Real SQLite profile, real window (offscreen).

#include "ConversationPane.h"
#include "GuiFixture.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "widgets/ChatView.h"

#include "CliProcess.h"

#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

constexpr int kHistory = 450;
const QString kPeer = QStringLiteral("sip:zoe@127.0.0.1:9");

// The row shown at the top of the view, and where its bubble ends (a row
// can lose the day separator above its bubble when an older page shows the
// same day; the bubble stays where it was).
std::pair<qint64, int> topRow(ChatView *view)
{
    const QModelIndex i = view->indexAt(QPoint(view->viewport()->width() / 2, 4));
    return {i.data(MessageListModel::MessageIdRole).toLongLong(), view->visualRect(i).bottom()};
}

} // namespace

class TestChatView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    qint64 m_accountId = 0;

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("tidings-gui-chatview"));
        auto db = Database::open(m_dir.path());
        QVERIFY(db.ok());
        Account local;
        local.aor = QStringLiteral("sip:ann@127.0.0.1");
        local.registerAccount = false;
        auto id = AccountStore(*db.value()).add(local);
        QVERIFY(id.ok());
        m_accountId = id.value();
        // A history over several days, each message a few lines long.
        QList<IncomingMessage> batch;
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-5);
        for (int i = 0; i < kHistory; ++i) {
            IncomingMessage m;
            m.accountId = m_accountId;
            m.peerUri = kPeer;
            m.body = QStringLiteral("message %1\n%2").arg(i).arg(QString(i % 7 * 10, u'x'));
            m.callId = QStringLiteral("cv-%1").arg(i);
            m.fromTag = QStringLiteral("t");
            m.cseq = 1;
            m.receivedAt = start.addSecs(i * 900);
            batch.append(m);
        }
        for (const InsertOutcome &o : MessageStore(*db.value()).insertIncomingBatch(batch))
            QCOMPARE(o.kind, InsertOutcome::Kind::Stored);
    }

    void opensAtTheNewestAndKeepsThePlaceWhileReadingBack()
    {
        GuiApp app(*m_secrets, m_dir.path());
        QVERIFY(app.start());
        app.window->resize(900, 600);
        ConversationListModel *list = app.window->conversationModel();
        QCOMPARE(list->rowCount(), 1);
        app.window->openConversation(list->at(0).id);
        ChatView *view = app.window->conversationPane()->chatView();
        MessageListModel *model = app.window->conversationPane()->messageModel();
        QVERIFY(model);
        QCOMPARE(model->rowCount(), MessageListModel::kPageSize); // the newest page only

        // At the newest: the last message is on screen, the bar at its end.
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QTRY_VERIFY(view->isAtBottom());
        const QModelIndex newest = view->model()->index(view->model()->rowCount() - 1, 0);
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(newest)));

        // Reading back a screen at a time: older pages arrive at the top and
        // the message the user looks at stays where it is.
        int pages = 0;
        while (model->canFetchMore({}) && pages < 20) {
            QScrollBar *bar = view->verticalScrollBar();
            bar->setValue(qMax(0, bar->value() - view->viewport()->height()));
            const auto before = topRow(view);
            const int rows = model->rowCount();
            QTest::qWait(30);
            if (model->rowCount() > rows) {
                ++pages;
                const auto after = topRow(view);
                const int now =
                    view->visualRect(view->model()->index(model->rowOf(before.first), 0)).bottom();
                QVERIFY2(qAbs(now - before.second) <= 2,
                         qPrintable(QStringLiteral("page %1 moved message %2 from y %3 to %4 "
                                                   "(top now %5 at %6)")
                                        .arg(pages)
                                        .arg(before.first)
                                        .arg(before.second)
                                        .arg(now)
                                        .arg(after.first)
                                        .arg(after.second)));
            }
        }
        QCOMPARE(model->rowCount(), kHistory);
        QVERIFY(!model->canFetchMore({}));
        QVERIFY(pages >= 3);

        // Reading further up: a new message does not move the view.
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        QTest::qWait(30);
        const auto reading = topRow(view);
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(m_accountId).isOnline(), 10000);
        const CliRun r =
            runCli({QStringLiteral("send"), QStringLiteral("--from"), kPeer, QStringLiteral("--to"),
                    app.service->status(m_accountId).reachableAt.value(0), QStringLiteral("--text"),
                    QStringLiteral("while you read")},
                   20000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kHistory + 1, 10000);
        QVERIFY(!view->isAtBottom());
        QTest::qWait(50);
        QCOMPARE(topRow(view), reading);
    }

    void followsNewMessagesAtTheBottom()
    {
        GuiApp app(*m_secrets, m_dir.path());
        QVERIFY(app.start());
        ConversationListModel *list = app.window->conversationModel();
        const int row = [&] {
            for (int r = 0; r < list->rowCount(); ++r)
                if (list->at(r).peerUri == kPeer)
                    return r;
            return -1;
        }();
        QVERIFY(row >= 0);
        app.window->openConversation(list->at(row).id);
        ChatView *view = app.window->conversationPane()->chatView();
        MessageListModel *model = app.window->conversationPane()->messageModel();
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY_WITH_TIMEOUT(app.service->status(m_accountId).isOnline(), 10000);
        const int rows = model->rowCount();
        // Bob's reply arrives in this conversation through the real stack.
        CliRun r =
            runCli({QStringLiteral("send"), QStringLiteral("--from"), kPeer, QStringLiteral("--to"),
                    app.service->status(m_accountId).reachableAt.value(0), QStringLiteral("--text"),
                    QStringLiteral("the newest of all")},
                   20000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), rows + 1, 10000);
        const QModelIndex newest = view->model()->index(rows, 0);
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY(view->viewport()->rect().contains(view->visualRect(newest).bottomLeft() -
                                                      QPoint(0, 1)));
    }
};

QTEST_MAIN(TestChatView)
#include "tst_ChatView.moc"
