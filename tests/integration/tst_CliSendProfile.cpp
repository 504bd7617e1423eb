// SPDX-License-Identifier: GPL-3.0-or-later
// tidings-cli send --profile DIR (docs/CLI.md, tidings-cli contract): the real
// executable sends to a peer on 127.0.0.1 over UDP, prints the contract's
// result line with the usual exit codes, and records the outgoing message
// and its final state (status, reason, Call-ID) in the profile. A profile
// another writer holds, or a damaged or newer database, is refused with the
// store's message and left as it was.

#include "Peer.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tidings;
using namespace sip;
using namespace sip::test;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject result;
    QString out;
    QString err;
};

// Runs tidings-cli while this thread's event loop keeps running, so a Peer
// in this process can answer it.
Run runCli(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TIDINGS_PROFILE"));
    for (const QString &key : environment.keys())
        env.insert(key, environment.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDINGS_CLI_PATH), arguments);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    QDeadlineTimer deadline(60000);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10); // the event loop runs: a Peer here answers
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.result = QJsonDocument::fromJson(r.out.section(QLatin1Char('\n'), 0, 0).toUtf8()).object();
    return r;
}

QStringList sendArgs(const QString &profile, quint16 port, const QString &text,
                     int timeoutSeconds = 10)
{
    QStringList args{QStringLiteral("send"),
                     QStringLiteral("--from"),
                     QStringLiteral("sip:alice@127.0.0.1"),
                     QStringLiteral("--to"),
                     QStringLiteral("sip:bob@127.0.0.1:%1").arg(port),
                     QStringLiteral("--text"),
                     text,
                     QStringLiteral("--timeout"),
                     QString::number(timeoutSeconds)};
    if (!profile.isEmpty())
        args << QStringLiteral("--profile") << profile;
    return args;
}

QList<StoredMessage> outgoing(const QString &profile)
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(profile, options);
    if (!db)
        return {};
    QList<StoredMessage> out;
    QSqlQuery q(db.value()->connection());
    q.exec(QStringLiteral("SELECT id FROM messages WHERE direction = 1 ORDER BY id"));
    while (q.next())
        out << MessageStore(*db.value()).find(q.value(0).toLongLong()).value();
    return out;
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_CliSendProfile : public QObject
{
    Q_OBJECT

private slots:
    void recordsTheMessageAndItsFinalState_data();
    void recordsTheMessageAndItsFinalState();
    void rfc3261_17_1_2_2_noAnswerRecordedAsFailedWithoutStatus();
    void profileFromTheEnvironment();
    void lockedProfileRefusedAndNothingSent();
    void damagedOrNewerDatabaseRefusedUntouched_data();
    void damagedOrNewerDatabaseRefusedUntouched();
    void resendsWhatAnEarlierRunLeftQueuedFirst();
    void bodyThatIsNotUtf8RefusedWithAProfile();
};

void tst_CliSendProfile::recordsTheMessageAndItsFinalState_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<DeliveryState>("state");
    QTest::addColumn<QString>("reason");
    QTest::newRow("200: sent, exit 0") << 200 << 0 << DeliveryState::Sent << "OK";
    QTest::newRow("202: accepted, exit 0 (RFC 3428 §7)")
        << 202 << 0 << DeliveryState::Accepted << "Accepted";
    QTest::newRow("486: failed, exit 1") << 486 << 1 << DeliveryState::Failed << "Busy Here";
}

void tst_CliSendProfile::recordsTheMessageAndItsFinalState()
{
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(DeliveryState, state);
    QFETCH(QString, reason);
    Peer bob;
    bob.answerStatus = status;
    QVERIFY(bob.bind(TransportType::Udp));
    QTemporaryDir profile;

    const Run run = runCli(
        sendArgs(profile.path(), bob.endpoint(TransportType::Udp).port, QStringLiteral("Grüße")));
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.result.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
    QCOMPARE(run.result.value(QStringLiteral("status")).toInt(), status);
    QCOMPARE(run.result.value(QStringLiteral("reason")).toString(), reason);
    QCOMPARE(run.result.value(QStringLiteral("transport")).toString(), QStringLiteral("udp"));
    QCOMPARE(bob.requests.size(), 1);
    const QString callId = run.result.value(QStringLiteral("call_id")).toString();
    QCOMPARE(callId, QString::fromUtf8(bob.requests[0].message.callId().toByteArray()));

    const QList<StoredMessage> rows = outgoing(profile.path());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].state, state);
    QCOMPARE(rows[0].statusCode, status);
    QCOMPARE(rows[0].reason, reason);
    QCOMPARE(rows[0].callId, callId);
    QCOMPARE(rows[0].body, QStringLiteral("Grüße"));
    QCOMPARE(rows[0].peerUri,
             QStringLiteral("sip:bob@127.0.0.1:%1").arg(bob.endpoint(TransportType::Udp).port));

    // The account of --from was added once; a second send reuses it.
    QCOMPARE(
        runCli(sendArgs(profile.path(), bob.endpoint(TransportType::Udp).port, "again")).exitCode,
        exitCode);
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(profile.path(), options);
    QVERIFY(db.ok());
    const auto accounts = AccountStore(*db.value()).list().value();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts[0].aor, QStringLiteral("sip:alice@127.0.0.1"));
    QCOMPARE(outgoing(profile.path()).size(), 2);
}

void tst_CliSendProfile::rfc3261_17_1_2_2_noAnswerRecordedAsFailedWithoutStatus()
{
    Peer silent;
    silent.answerStatus = 0; // receives, never answers
    QVERIFY(silent.bind(TransportType::Udp));
    QTemporaryDir profile;
    const Run run =
        runCli(sendArgs(profile.path(), silent.endpoint(TransportType::Udp).port, "hello?", 1));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.result.value(QStringLiteral("error")).toString(), QStringLiteral("timeout"));
    const QList<StoredMessage> rows = outgoing(profile.path());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].state, DeliveryState::Failed);
    QCOMPARE(rows[0].statusCode, 0);
    QVERIFY2(!rows[0].reason.isEmpty(), "the reason says why");
}

void tst_CliSendProfile::profileFromTheEnvironment()
{
    Peer bob;
    QVERIFY(bob.bind(TransportType::Udp));
    QTemporaryDir profile;
    QProcessEnvironment env;
    env.insert(QStringLiteral("TIDINGS_PROFILE"), profile.path());
    const Run run =
        runCli(sendArgs({}, bob.endpoint(TransportType::Udp).port, QStringLiteral("env")), env);
    QCOMPARE(run.exitCode, 0);
    const QList<StoredMessage> rows = outgoing(profile.path());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].state, DeliveryState::Sent);
}

void tst_CliSendProfile::lockedProfileRefusedAndNothingSent()
{
    Peer bob;
    QVERIFY(bob.bind(TransportType::Udp));
    QTemporaryDir profile;
    // Another writer (as `listen --profile` or the GUI would be) holds it.
    auto writer = Database::open(profile.path());
    QVERIFY(writer.ok());

    const Run run = runCli(sendArgs(profile.path(), bob.endpoint(TransportType::Udp).port, "x"));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.contains(QStringLiteral("tidings-cli: ")), qPrintable(run.err));
    const auto locked = Database::open(profile.path()); // what the store says
    QCOMPARE(locked.error().code(), StoreError::Code::Locked);
    QVERIFY2(run.err.contains(locked.error().message().left(30)), qPrintable(run.err));
    QTest::qWait(100);
    QCOMPARE(bob.requests.size(), 0);
}

void tst_CliSendProfile::damagedOrNewerDatabaseRefusedUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("not a database") << "garbage";
    QTest::newRow("truncated") << "truncate";
    QTest::newRow("newer schema") << "newer";
}

void tst_CliSendProfile::damagedOrNewerDatabaseRefusedUntouched()
{
    QFETCH(QString, damage);
    Peer bob;
    QVERIFY(bob.bind(TransportType::Udp));
    QTemporaryDir profile;
    const QString file = Database::filePathIn(profile.path());
    {
        auto db = Database::open(profile.path());
        QVERIFY(db.ok());
        Account account;
        account.aor = QStringLiteral("sip:alice@127.0.0.1");
        QVERIFY(AccountStore(*db.value()).add(account).ok());
        if (damage == QLatin1String("newer")) {
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 9999")));
        }
    }
    if (damage == QLatin1String("garbage")) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(8192, 'x'));
    } else if (damage == QLatin1String("truncate")) {
        QFile f(file);
        QVERIFY(f.resize(f.size() / 2 + 100));
    }
    const QByteArray before = digest(file);

    const Run run = runCli(sendArgs(profile.path(), bob.endpoint(TransportType::Udp).port, "x"));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.startsWith(QStringLiteral("tidings-cli: ")), qPrintable(run.err));
    QCOMPARE(digest(file), before); // nothing overwritten
    QCOMPARE(bob.requests.size(), 0);
}

void tst_CliSendProfile::resendsWhatAnEarlierRunLeftQueuedFirst()
{
    Peer bob;
    QVERIFY(bob.bind(TransportType::Udp));
    const quint16 port = bob.endpoint(TransportType::Udp).port;
    const QString bobUri = QStringLiteral("sip:bob@127.0.0.1:%1").arg(port);
    QTemporaryDir profile;
    {
        // An earlier run was killed with one message queued and one in flight.
        auto db = Database::open(profile.path());
        QVERIFY(db.ok());
        Account account;
        account.aor = QStringLiteral("sip:alice@127.0.0.1");
        const qint64 accountId = AccountStore(*db.value()).add(account).value();
        Outbox outbox(*db.value());
        OutgoingMessage m;
        m.accountId = accountId;
        m.peerUri = bobUri;
        m.body = QStringLiteral("first");
        const qint64 first = outbox.queue(m).value();
        QVERIFY(
            outbox
                .markSending(first, QStringLiteral("killed-call@alice"), QStringLiteral("ftag"), 1)
                .ok());
        m.body = QStringLiteral("second");
        QVERIFY(outbox.queue(m).ok());
    }
    const Run run = runCli(sendArgs(profile.path(), port, QStringLiteral("third")));
    QCOMPARE(run.exitCode, 0);
    QTRY_COMPARE(bob.requests.size(), 3);
    QStringList bodies;
    for (const ReceivedMessage &r : std::as_const(bob.requests))
        bodies << QString::fromUtf8(r.message.body().toByteArray());
    QCOMPARE(bodies, (QStringList{"first", "second", "third"}));
    // The interrupted one went again as the same request (RFC 3261 §8.2.2.2).
    QCOMPARE(bob.requests[0].message.callId(), QByteArrayView("killed-call@alice"));
    QCOMPARE(bob.requests[0].message.from().tag(), QByteArrayView("ftag"));
    for (const StoredMessage &m : outgoing(profile.path()))
        QCOMPARE(m.state, DeliveryState::Sent);
}

void tst_CliSendProfile::bodyThatIsNotUtf8RefusedWithAProfile()
{
    Peer bob;
    QVERIFY(bob.bind(TransportType::Udp));
    QTemporaryDir profile;
    const QString file = profile.filePath(QStringLiteral("latin1.txt"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromHex("4772fcdf65")); // "Grüße" in Latin-1, not UTF-8
    }
    QStringList args = sendArgs(profile.path(), bob.endpoint(TransportType::Udp).port, {});
    const qsizetype text = args.indexOf(QStringLiteral("--text"));
    args[text] = QStringLiteral("--file");
    args[text + 1] = file;
    const Run run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("UTF-8")), qPrintable(run.err));
    QVERIFY(outgoing(profile.path()).isEmpty());
    QTest::qWait(100);
    QCOMPARE(bob.requests.size(), 0);
}

QTEST_GUILESS_MAIN(tst_CliSendProfile)
#include "tst_CliSendProfile.moc"
