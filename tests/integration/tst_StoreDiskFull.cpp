// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk, for real: the profile lives on a 2 MiB tmpfs mounted in a
// private mount namespace of this test process; once the tmpfs is filled, an
// incoming MESSAGE gets 500 with Retry-After (RFC 3261 §21.5.1, §20.33),
// never a 2xx, and the stored history
// is intact (integrity check, every row) after space comes back — when the
// sender retries, the message is stored. Outgoing: a message waiting in the
// outbox stays there, unsent, with the error reported, and goes out once
// there is space.
//
// The namespace is entered in main(), before Qt starts any thread
// (unshare(2) refuses CLONE_NEWNS/CLONE_NEWUSER in a multi-threaded
// process): as root, or as an unprivileged user where user namespaces are
// allowed. Where neither works, the test is skipped with the reason;
// tst_Messenger and tst_Inbox prove the 500 path with SQLite's
// max_page_count regardless.

#include "RawMessageClient.h"
#include "messenger/Messenger.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "ua/Stack.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace tidings;
using namespace tidings::test;

namespace {

constexpr const char *kTmpfsSize = "size=2m";

bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

// A private mount namespace with a small tmpfs at `mountPoint`; empty on
// success, else why not.
QString mountSmallTmpfs(const QByteArray &mountPoint)
{
    if (::unshare(CLONE_NEWNS) != 0) {
        const int rootErrno = errno;
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            return QStringLiteral("cannot enter a mount namespace: unshare(CLONE_NEWNS): %1; "
                                  "unshare(CLONE_NEWUSER|CLONE_NEWNS): %2")
                .arg(QString::fromLocal8Bit(std::strerror(rootErrno)),
                     QString::fromLocal8Bit(std::strerror(errno)));
        }
        writeFile("/proc/self/setgroups", "deny");
        if (!writeFile("/proc/self/uid_map", "0 " + QByteArray::number(uid) + " 1") ||
            !writeFile("/proc/self/gid_map", "0 " + QByteArray::number(gid) + " 1")) {
            return QStringLiteral("cannot map the user into the new user namespace");
        }
    }
    // Nothing mounted here may propagate back to the host's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        return QStringLiteral("cannot make the mounts private: %1")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, kTmpfsSize) != 0) {
        return QStringLiteral("cannot mount a tmpfs: %1")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    return {};
}

quint16 udpPort(sip::Stack &stack)
{
    for (const sip::Endpoint &e : stack.transport().localEndpoints()) {
        if (e.transport == sip::TransportType::Udp) {
            return e.port;
        }
    }
    return 0;
}

bool waitForResponses(RawMessageClient &client, const QByteArray &callId, int count)
{
    QElapsedTimer t;
    t.start();
    while (client.responses(callId).size() < count && t.elapsed() < 15000) {
        client.socket().waitForReadyRead(50);
        QCoreApplication::processEvents();
        client.read();
    }
    return client.responses(callId).size() >= count;
}

// Writes into `path` until the file system says it is full; the bytes
// written.
qint64 fill(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly)) {
        return -1;
    }
    qint64 total = 0;
    for (qint64 chunk : {qint64(64 * 1024), qint64(4096), qint64(512), qint64(1)}) {
        const QByteArray bytes(int(chunk), 'f');
        while (true) {
            const qint64 n = filler.write(bytes);
            if (n <= 0 || !filler.flush()) {
                break;
            }
            total += n;
        }
        filler.unsetError();
    }
    return total;
}

qint64 rowCount(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT count(*) FROM messages"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class tst_StoreDiskFull : public QObject
{
    Q_OBJECT

public:
    tst_StoreDiskFull(QByteArray mountPoint, QString mountError)
        : m_mountPoint(std::move(mountPoint))
        , m_mountError(std::move(mountError))
    {}

private slots:
    void rfc3261_21_5_1_fullDiskGets500AndKeepsHistory();
    void outgoingOnFullDiskWaitsInOutbox();
    void cleanupTestCase();

private:
    QByteArray m_mountPoint;
    QString m_mountError;
};

void tst_StoreDiskFull::rfc3261_21_5_1_fullDiskGets500AndKeepsHistory()
{
    if (!m_mountError.isEmpty()) {
        QSKIP(qPrintable(QStringLiteral("no small tmpfs here (%1); the 500 path is proven with "
                                        "max_page_count in tst_Messenger and tst_Inbox")
                             .arg(m_mountError)));
    }
    const QString profile = QString::fromLocal8Bit(m_mountPoint) + QStringLiteral("/profile");
    auto opened = Database::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    std::unique_ptr<Database> db = std::move(opened).value();
    Account account;
    account.aor = QStringLiteral("sip:bob@127.0.0.1");
    const auto accountId = AccountStore(*db).add(account);
    QVERIFY(accountId.ok());

    sip::Stack::Config config;
    config.aor = "sip:bob@127.0.0.1";
    auto stack = std::make_unique<sip::Stack>(config);
    QString error;
    QVERIFY2(stack->bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error),
             qPrintable(error));
    auto messenger = std::make_unique<Messenger>(*db);
    QVERIFY(messenger->attach(accountId.value(), *stack).ok());
    const quint16 port = udpPort(*stack);
    RawMessageClient client;

    QStringList kept;
    for (int i = 0; i < 5; ++i) {
        const QByteArray id = "kept-" + QByteArray::number(i);
        kept << QStringLiteral("kept message %1 ✓").arg(i);
        client.send(port, id, kept.constLast().toUtf8(), "k" + QByteArray::number(i));
        QVERIFY(waitForResponses(client, id, 1));
        QCOMPARE(client.responses(id).constFirst().status, 200);
    }

    // The disk is full.
    const QString filler = QString::fromLocal8Bit(m_mountPoint) + QStringLiteral("/filler");
    QVERIFY(fill(filler) > 0);

    const QByteArray body = QByteArray(2000, 'z');
    for (int i = 0; i < 5; ++i) {
        const QByteArray id = "full-" + QByteArray::number(i);
        client.send(port, id, body, "f" + QByteArray::number(i));
        QVERIFY(waitForResponses(client, id, 1));
        QCOMPARE(client.responses(id).constFirst().status, 500); // never a 2xx
        QCOMPARE(client.responses(id).constFirst().retryAfter, QByteArray("30"));
    }
    // Space again, and a fresh open: the history is intact.
    messenger->detach(accountId.value());
    messenger.reset();
    db.reset();
    QVERIFY(QFile::remove(filler));
    auto reopened = Database::open(profile);
    QVERIFY2(reopened.ok(), qPrintable(reopened.error().toString()));
    db = std::move(reopened).value();
    QVERIFY2(db->checkIntegrity().ok(), qPrintable(db->checkIntegrity().error().toString()));
    const auto history = MessageStore(*db).history({}, 0);
    QVERIFY(history.ok());
    QCOMPARE(history.value().size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(history.value()[i].body, kept[i]);
    }

    // The sender's retry after Retry-After is stored.
    messenger = std::make_unique<Messenger>(*db);
    QVERIFY(messenger->attach(accountId.value(), *stack).ok());
    // A new request (CSeq 2, RFC 3261 §8.1.3.5), as the sender retries.
    client.send(port, "full-0", body, "retry", "t1", 2);
    QVERIFY(waitForResponses(client, "full-0", 2));
    QCOMPARE(client.responses("full-0").constLast().status, 200);
    QCOMPARE(rowCount(*db), 6);
    messenger.reset();
}

// The outgoing side of a full disk: a message already in the outbox cannot
// be recorded as Sending, so it is not sent (a message on the wire that the
// store does not know about could be sent twice) and the error is reported;
// a new message cannot be written and the caller is told. Once there is
// space again the waiting message goes out by itself, exactly once.
void tst_StoreDiskFull::outgoingOnFullDiskWaitsInOutbox()
{
    if (!m_mountError.isEmpty()) {
        QSKIP(qPrintable(QStringLiteral("no small tmpfs here (%1); tst_Courier proves the "
                                        "outgoing side with max_page_count")
                             .arg(m_mountError)));
    }
    // The receiver, on an ordinary disk: every MESSAGE counted and answered.
    sip::Stack::Config aliceConfig;
    aliceConfig.aor = "sip:alice@127.0.0.1";
    sip::Stack alice(aliceConfig);
    QString error;
    QVERIFY2(alice.bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error),
             qPrintable(error));
    QStringList received;
    alice.userAgent().setMessageHandler([&](const sip::IncomingMessage &m) {
        received << m.text;
        alice.userAgent().answer(m.serverId, 200);
    });
    const QString to = QStringLiteral("sip:alice@127.0.0.1:%1").arg(udpPort(alice));

    const QString profile = QString::fromLocal8Bit(m_mountPoint) + QStringLiteral("/outgoing");
    auto opened = Database::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    std::unique_ptr<Database> db = std::move(opened).value();
    Account account;
    account.aor = QStringLiteral("sip:bob@127.0.0.1");
    const auto accountId = AccountStore(*db).add(account);
    QVERIFY(accountId.ok());
    // The sender's stack outlives its Messenger.
    sip::Stack::Config bobConfig;
    bobConfig.aor = "sip:bob@127.0.0.1";
    sip::Stack bob(bobConfig);
    QVERIFY2(bob.bind(sip::TransportType::Udp, QHostAddress::LocalHost, 0, &error),
             qPrintable(error));
    Messenger messenger(*db);
    // Written while there is space; the account is not attached yet.
    const auto waiting = messenger.send(accountId.value(), to, QStringLiteral("waited ✓"));
    QVERIFY2(waiting.ok(), qPrintable(waiting.error().toString()));

    const QString filler = QString::fromLocal8Bit(m_mountPoint) + QStringLiteral("/filler-out");
    QVERIFY(fill(filler) > 0);

    QSignalSpy storeErrors(&messenger, &Messenger::outboxStoreFailed);
    QVERIFY(messenger.attach(accountId.value(), bob).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!storeErrors.isEmpty(), 10000);
    QVERIFY(!storeErrors.constFirst().at(1).toString().isEmpty());
    // A new message cannot even be written: the caller hears why.
    const auto refused = messenger.send(accountId.value(), to, QStringLiteral("never queued"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::DiskFull);
    QTest::qWait(500);
    QVERIFY(received.isEmpty()); // nothing went out unrecorded
    QCOMPARE(MessageStore(*db).find(waiting.value()).value().state, DeliveryState::Queued);

    // Space again: the waiting message goes out without anyone asking.
    QVERIFY(QFile::remove(filler));
    QTRY_VERIFY_WITH_TIMEOUT(
        MessageStore(*db).find(waiting.value()).value().state == DeliveryState::Sent, 20000);
    QCOMPARE(received, QStringList{QStringLiteral("waited ✓")});
    messenger.detach(accountId.value());
}

void tst_StoreDiskFull::cleanupTestCase()
{
    if (m_mountError.isEmpty()) {
        ::umount2(m_mountPoint.constData(), MNT_DETACH);
    }
}

int main(int argc, char **argv)
{
    // Before QCoreApplication (and any thread): see the comment at the top.
    QByteArray mountPoint = QDir::tempPath().toLocal8Bit() + "/tidings-diskfull-XXXXXX";
    QString mountError;
    if (!::mkdtemp(mountPoint.data())) {
        mountError = QStringLiteral("cannot create a mount point");
    } else {
        mountError = mountSmallTmpfs(mountPoint);
    }
    int status = 0;
    {
        QCoreApplication app(argc, argv);
        tst_StoreDiskFull test(mountPoint, mountError);
        status = QTest::qExec(&test, argc, argv);
    }
    ::rmdir(mountPoint.constData());
    return status;
}

#include "tst_StoreDiskFull.moc"
