// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-gui-bench: figures for the desktop app (issue 10) on a generated
// profile of 1,000,000 messages in 1,000 conversations, one of them with
// 100,000:
//
//   tidings-gui-bench [--dir DIR] [--messages N] [--conversations N]
//                     [--largest N] [--rate N] [--seconds S] [--keep]
//
//   start        the process started until the main window with the
//                conversation list is painted (median of 5 fresh processes)
//   open         openConversation() of the largest conversation until its
//                first paint with messages
//   scroll       scrolling back (a page per event-loop turn) until 10,000
//                messages are loaded and shown: the longest event-loop stall
//   incoming     --rate MESSAGEs/s (1,000) for --seconds (5) from a real SIP
//                user agent on another thread into the open conversation,
//                each stored (synchronous=FULL) before its 200: the longest
//                GUI event-loop stall, messages answered 200
//   rss          resident memory after each step
//
// An event-loop stall is how much later than due a 2 ms timer on the GUI
// thread fires: how long a key press could wait. Build in the release preset; the platform
// is offscreen unless QT_QPA_PLATFORM says otherwise (painting is real).

#include "BenchProfile.h"
#include "ConversationListPane.h"
#include "ConversationPane.h"
#include "MainWindow.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "secrets/SecretStore.h"
#include "service/MessengerService.h"
#include "store/ConversationStore.h"
#include "ua/Stack.h"
#include "widgets/ChatView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace tidings;
using namespace tidings::bench;

namespace {

constexpr int kScrollMessages = 10'000;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "tidings-gui-bench: %s\n", qPrintable(what));
    std::exit(1);
}

long rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// The longest event-loop stall: a precise 2 ms timer on the GUI thread; a
// stall is how much later than due a tick came (what a key press would wait).
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = double(m_clock.nsecsElapsed()) / 1e6;
            m_longest = qMax(m_longest, now - m_last - kTickMs);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_longest = 0;
        m_last = double(m_clock.nsecsElapsed()) / 1e6;
    }
    double longestMs() const { return qMax(0.0, m_longest); }

private:
    static constexpr int kTickMs = 2;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_longest = 0;
};

// The first paint of a widget (or, watching the whole application, of any
// viewport of a view named `viewName`) once `ready` holds.
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *widget, std::function<bool()> ready)
        : m_ready(std::move(ready))
    {
        widget->installEventFilter(this);
    }
    FirstPaint(const QString &viewName, std::function<bool()> ready)
        : m_ready(std::move(ready))
        , m_viewName(viewName)
    {
        qApp->installEventFilter(this);
    }
    bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_painted)
            return false;
        if (!m_viewName.isEmpty() &&
            (!watched->parent() || watched->parent()->objectName() != m_viewName))
            return false;
        if (m_ready())
            m_painted = true;
        return false;
    }

private:
    std::function<bool()> m_ready;
    QString m_viewName;
    bool m_painted = false;
};

// Runs the event loop (so it blocks between events, as in the app) until
// `done` or the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

struct App
{
    SecretStore secrets{QStringLiteral("tidings-gui-bench")};
    std::unique_ptr<MessengerService> service;
    std::unique_ptr<MainWindow> window;

    void start(const QString &dir)
    {
        service = std::make_unique<MessengerService>(dir, secrets);
        const Profile profile =
            Profile::resolve(dir, QProcessEnvironment(), Profile::Fallback::None);
        window = std::make_unique<MainWindow>(profile, *service);
        window->resize(1000, 700);
        window->show();
        service->open();
    }

    void stop()
    {
        bool down = false;
        QObject::connect(window.get(), &MainWindow::shutDown, [&down] { down = true; });
        window->close();
        waitFor([&] { return down; }, 10000);
        window.reset();
        service.reset();
    }
};

// The child process of the start figure: prints "painted" once the list is.
int startupRun(const QString &dir)
{
    App app;
    FirstPaint paint(QStringLiteral("conversationList"), [&app] {
        return app.window && app.window->isReady() &&
               app.window->conversationList()->listView()->model()->rowCount() > 0;
    });
    app.start(dir);
    if (!waitFor([&] { return paint.painted(); }, 20000))
        fail(QStringLiteral("the conversation list was never painted"));
    std::printf("painted rss_kib=%ld\n", rssKiB());
    std::fflush(stdout);
    app.stop();
    return 0;
}

// A SIP user agent on its own thread sending paced MESSAGEs.
class Sender : public QObject
{
public:
    Sender(QByteArray from, QByteArray to, int rate, int seconds)
        : m_from(std::move(from))
        , m_to(std::move(to))
        , m_rate(rate)
        , m_total(rate * seconds)
    {}

    void run()
    {
        sip::Stack::Config config;
        config.aor = m_from;
        m_stack = std::make_unique<sip::Stack>(config);
        QString error;
        if (!m_stack->bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error))
            fail(error);
        m_clock.start();
        auto *timer = new QTimer;
        m_timer.reset(timer);
        timer->setTimerType(Qt::PreciseTimer);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, this, [this, timer] {
            // As many as the rate says by now.
            const qint64 due = qMin<qint64>(m_total, m_clock.elapsed() * m_rate / 1000);
            while (m_sent < due) {
                sip::OutgoingMessage m;
                m.to = *sip::Uri::parse(m_to);
                m.body = "load " + QByteArray::number(m_sent) + " — the quick brown fox";
                m.contentType = "text/plain;charset=UTF-8";
                ++m_sent;
                m_stack->pager().send(std::move(m), [this](const sip::SendResult &r) {
                    (r.isSuccess() ? m_ok : m_failed).fetchAndAddRelaxed(1);
                    if (!r.isSuccess() && m_firstFailure.isEmpty())
                        m_firstFailure = r.status ? QStringLiteral("%1 %2").arg(r.status).arg(
                                                        QString::fromUtf8(r.reason))
                                                  : r.error;
                });
            }
            if (m_sent >= m_total)
                timer->stop();
        });
        timer->start();
    }

    int ok() const { return m_ok.loadRelaxed(); }
    int failed() const { return m_failed.loadRelaxed(); }
    int total() const { return m_total; }
    // On the sender's thread: its timer and stack go with it.
    void finish()
    {
        m_timer.reset();
        m_stack.reset();
    }
    // Read after the sender's thread ended.
    QString firstFailure() const { return m_firstFailure; }

private:
    QByteArray m_from;
    QByteArray m_to;
    int m_rate;
    int m_total;
    int m_sent = 0;
    QElapsedTimer m_clock;
    QAtomicInt m_ok = 0;
    QAtomicInt m_failed = 0;
    QString m_firstFailure;
    std::unique_ptr<sip::Stack> m_stack;
    std::unique_ptr<QTimer> m_timer;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    QApplication qapp(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop app benchmark"));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Profile directory."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the profile."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption conversationsOption(QStringLiteral("conversations"),
                                                 QStringLiteral("Conversations."),
                                                 QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption largestOption(QStringLiteral("largest"),
                                           QStringLiteral("Messages of the largest conversation."),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Incoming MESSAGEs per second."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds of incoming load."),
                                           QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the generated profile."));
    const QCommandLineOption startupOption(QStringLiteral("startup-run"),
                                           QStringLiteral("(internal) one start, then exit."),
                                           QStringLiteral("DIR"));
    parser.addOptions({dirOption, messagesOption, conversationsOption, largestOption, rateOption,
                       secondsOption, keepOption, startupOption});
    parser.process(qapp);
    if (parser.isSet(startupOption))
        return startupRun(parser.value(startupOption));

    QTemporaryDir temp(QDir::temp().filePath(QStringLiteral("tidings-gui-bench-XXXXXX")));
    temp.setAutoRemove(!parser.isSet(keepOption));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dir);
    ProfileShape shape;
    shape.messages = parser.value(messagesOption).toInt();
    shape.contacts = parser.value(conversationsOption).toInt();
    shape.largest = parser.value(largestOption).toInt();
    shape.aor = QStringLiteral("sip:bench@127.0.0.1");
    shape.registerAccount = false; // listens: the incoming load reaches it
    shape.endsNow = true;
    std::printf("profile: %s\n", qPrintable(dir));
    {
        auto db = Database::open(dir);
        if (!db)
            fail(db.error().toString());
        auto accounts = AccountStore(*db.value()).list();
        if (accounts && accounts.value().isEmpty()) {
            if (const QString why = generateProfile(*db.value(), shape); !why.isEmpty())
                fail(why);
        }
    }
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("load average: %s", loadavg.readLine().constData());

    // start: fresh processes, from QProcess::start to the painted list.
    std::vector<double> starts;
    long startRss = 0;
    for (int i = 0; i < 5; ++i) {
        QProcess child;
        QElapsedTimer t;
        t.start();
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--startup-run"), dir});
        if (!child.waitForReadyRead(30000))
            fail(QStringLiteral("a start did not paint: %1")
                     .arg(QString::fromLocal8Bit(child.readAllStandardError())));
        starts.push_back(double(t.nsecsElapsed()) / 1e6);
        const QByteArray line = child.readAllStandardOutput();
        startRss = line.mid(line.indexOf("rss_kib=") + 8).trimmed().toLong();
        child.waitForFinished(30000);
    }

    App app;
    app.start(dir);
    if (!waitFor([&] { return app.window->isReady(); }, 20000))
        fail(QStringLiteral("the profile did not open"));
    waitFor([] { return false; }, 300); // settle
    StallMeter stalls;

    // open: the largest conversation to its first paint.
    ConversationListModel *list = app.window->conversationModel();
    qint64 largestId = 0;
    for (int row = 0; row < list->rowCount(); ++row) {
        if (list->at(row).peerUri == QLatin1String("sip:contact0@example.org"))
            largestId = list->at(row).id;
    }
    if (!largestId)
        fail(QStringLiteral("no conversation with contact0"));
    ChatView *view = app.window->conversationPane()->chatView();
    FirstPaint opened(view->viewport(), [view] { return view->model()->rowCount() > 0; });
    QElapsedTimer openTimer;
    openTimer.start();
    app.window->openConversation(largestId);
    if (!waitFor([&] { return opened.painted(); }, 20000))
        fail(QStringLiteral("the conversation was never painted"));
    const double openMs = double(openTimer.nsecsElapsed()) / 1e6;
    waitFor([] { return false; }, 200);
    const long openRss = rssKiB();

    // scroll: a page up per event-loop turn until 10,000 are loaded and shown.
    stalls.reset();
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    MessageListModel *messages = app.window->conversationPane()->messageModel();
    bool scrolled = false;
    QTimer step;
    QObject::connect(&step, &QTimer::timeout, [&] {
        QScrollBar *bar = view->verticalScrollBar();
        if (messages->rowCount() >= kScrollMessages) {
            scrolled = true;
            step.stop();
            return;
        }
        bar->setValue(qMax(0, bar->value() - view->viewport()->height()));
    });
    step.start(0);
    if (!waitFor([&] { return scrolled; }, 120000))
        fail(QStringLiteral("scrolling back did not reach %1 messages: %2 loaded, scroll %3 of %4")
                 .arg(kScrollMessages)
                 .arg(messages->rowCount())
                 .arg(view->verticalScrollBar()->value())
                 .arg(view->verticalScrollBar()->maximum()));
    const double scrollMs = double(scrollTimer.nsecsElapsed()) / 1e6;
    const double scrollStall = stalls.longestMs();
    const int loaded = messages->rowCount();
    const long scrollRss = rssKiB();
    // Back to the newest, so incoming messages are followed as a user sees them.
    view->scrollToNewest();
    waitFor([] { return false; }, 200);

    // incoming: a real user agent on another thread sends into the open
    // conversation at --rate while the GUI shows it.
    const int rate = parser.value(rateOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const QStringList at = app.service->status(app.service->accounts().first().id).reachableAt;
    if (at.isEmpty())
        fail(QStringLiteral("the account is not listening"));
    QString target = at.first();
    target.replace(QRegularExpression(QStringLiteral("@[^:]+:")), QStringLiteral("@127.0.0.1:"));
    QThread senderThread;
    Sender sender("sip:contact0@example.org", target.toUtf8(), rate, seconds);
    sender.moveToThread(&senderThread);
    senderThread.start();
    int stored = 0;
    QObject::connect(app.service.get(), &MessengerService::messagesStored,
                     [&](const QList<StoredMessage> &m) { stored += int(m.size()); });
    const int rowsBefore = messages->rowCount();
    stalls.reset();
    QElapsedTimer loadTimer;
    loadTimer.start();
    QMetaObject::invokeMethod(
        &sender, [&sender] { sender.run(); }, Qt::QueuedConnection);
    waitFor([&] { return sender.ok() + sender.failed() >= sender.total(); }, (seconds + 40) * 1000);
    const double loadMs = double(loadTimer.nsecsElapsed()) / 1e6;
    const double loadStall = stalls.longestMs();
    waitFor([&] { return messages->rowCount() >= rowsBefore + sender.ok(); }, 5000);
    const long loadRss = rssKiB();
    QMetaObject::invokeMethod(&sender, [&sender, &senderThread] {
        sender.finish();
        senderThread.quit();
    });
    senderThread.wait();

    std::printf("\n%-44s %12s %10s\n", "figure", "value", "target");
    std::printf("%-44s %9.0f ms %10s\n", "start to painted conversation list (median/5)",
                median(starts), "< 500 ms");
    std::printf("%-44s %9.1f ms %10s\n", "open the 100,000-message conversation", openMs,
                "< 50 ms");
    std::printf("%-44s %9.1f ms %10s\n",
                qPrintable(QStringLiteral("scroll back %1 messages: longest stall").arg(loaded)),
                scrollStall, "< 16 ms");
    std::printf("%-44s %9.0f ms\n", "  (whole scroll back)", scrollMs);
    std::printf("%-44s %9.1f ms %10s\n",
                qPrintable(QStringLiteral("%1 MESSAGEs/s incoming: longest stall").arg(rate)),
                loadStall, "< 16 ms");
    std::printf("%-44s %6d/%d 200 OK in %.1f s, %d stored, %d shown\n", "  (incoming)", sender.ok(),
                sender.total(), loadMs / 1000, stored, messages->rowCount() - rowsBefore);
    if (sender.failed() > 0)
        std::printf("%-44s %d failed, the first: %s\n", "  (incoming)", sender.failed(),
                    qPrintable(sender.firstFailure()));
    std::printf("%-44s %9.1f MB %10s\n", "RSS after start", startRss / 1024.0, "< 150 MB");
    std::printf("%-44s %9.1f MB\n", "RSS after opening", openRss / 1024.0);
    std::printf("%-44s %9.1f MB\n", "RSS after scrolling back", scrollRss / 1024.0);
    std::printf("%-44s %9.1f MB\n", "RSS after the incoming load", loadRss / 1024.0);
    app.stop();
    return 0;
}
