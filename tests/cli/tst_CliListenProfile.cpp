// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli listen --profile DIR` (and TIDINGS_PROFILE), the real
// executable: received messages are stored and printed once; a second
// writer, a file that is not a Tidings database and a damaged database are
// refused with exit 1 and a message, and the file is never overwritten.

#include "CliProcess.h"
#include "RawMessageClient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace tidings::test;

namespace {

QStringList listenArgs(const QString &profile)
{
    QStringList args{QStringLiteral("listen"), QStringLiteral("--aor"),
                     QStringLiteral("sip:bob@127.0.0.1"), QStringLiteral("--bind"),
                     QStringLiteral("udp:127.0.0.1:0")};
    if (!profile.isEmpty()) {
        args << QStringLiteral("--profile") << profile;
    }
    return args;
}

quint16 portOf(const QJsonObject &listening)
{
    const QString bind = listening.value(QStringLiteral("bind")).toArray().at(0).toString();
    return quint16(bind.section(QLatin1Char(':'), -1).toUInt());
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

qint64 storedRows(const QString &profile, const QString &callId)
{
    const QString name = QStringLiteral("listen-profile-check");
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(profile).filePath(QStringLiteral("tidings.sqlite")));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE call_id = ?"));
            q.addBindValue(callId);
            if (q.exec() && q.next()) {
                n = q.value(0).toLongLong();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

// Sends one MESSAGE and waits for its final response; 0 when none came.
int exchange(RawMessageClient &client, quint16 port, const QByteArray &callId,
             const QByteArray &branch)
{
    client.send(port, callId, "stored text ✓", branch);
    for (int i = 0; i < 200 && client.responses(callId).isEmpty(); ++i) {
        client.socket().waitForReadyRead(50);
        client.read();
    }
    return client.responses(callId).isEmpty() ? 0 : client.responses(callId).constLast().status;
}

} // namespace

class tst_CliListenProfile : public QObject
{
    Q_OBJECT

private slots:
    void storesAndPrintsOnce_data();
    void storesAndPrintsOnce();
    void secondWriterRefused();
    void refusesWhatItMustNotWrite_data();
    void refusesWhatItMustNotWrite();
};

void tst_CliListenProfile::storesAndPrintsOnce_data()
{
    QTest::addColumn<bool>("fromEnvironment");
    QTest::addRow("--profile DIR") << false;
    QTest::addRow("TIDINGS_PROFILE") << true;
}

void tst_CliListenProfile::storesAndPrintsOnce()
{
    QFETCH(bool, fromEnvironment);
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    QProcess listen;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (fromEnvironment) {
        env.insert(QStringLiteral("TIDINGS_PROFILE"), profile);
    } else {
        env.remove(QStringLiteral("TIDINGS_PROFILE"));
    }
    listen.setProcessEnvironment(env);
    listen.start(cliPath(), listenArgs(fromEnvironment ? QString() : profile));
    QVERIFY(listen.waitForStarted());
    QByteArray pending;
    const QJsonObject listening = nextJsonLine(listen, pending);
    QVERIFY2(listening.value(QStringLiteral("event")) == QLatin1String("listening"),
             listen.readAllStandardError().constData());
    const quint16 port = portOf(listening);

    RawMessageClient client;
    QCOMPARE(exchange(client, port, "p1@127.0.0.1", "b1"), 200);
    const QJsonObject line = nextJsonLine(listen, pending);
    QCOMPARE(line.value(QStringLiteral("event")).toString(), QStringLiteral("message"));
    QCOMPARE(line.value(QStringLiteral("body")).toString(), QStringLiteral("stored text ✓"));
    QCOMPARE(line.value(QStringLiteral("call_id")).toString(), QStringLiteral("p1@127.0.0.1"));
    QCOMPARE(storedRows(profile, QStringLiteral("p1@127.0.0.1")), 1);

    // Stopped and started again: the same request (RFC 3261 §8.2.2.2) is
    // answered 200 but neither stored nor printed a second time.
    listen.terminate();
    QVERIFY(listen.waitForFinished(10000));
    QCOMPARE(listen.exitCode(), 0);
    pending.clear();
    listen.start(cliPath(), listenArgs(fromEnvironment ? QString() : profile));
    QVERIFY(listen.waitForStarted());
    const QJsonObject again = nextJsonLine(listen, pending);
    QCOMPARE(again.value(QStringLiteral("event")).toString(), QStringLiteral("listening"));
    client.clear();
    QCOMPARE(exchange(client, portOf(again), "p1@127.0.0.1", "b2"), 200);
    QCOMPARE(exchange(client, portOf(again), "p2@127.0.0.1", "b3"), 200);
    const QJsonObject next = nextJsonLine(listen, pending);
    QCOMPARE(next.value(QStringLiteral("call_id")).toString(), QStringLiteral("p2@127.0.0.1"));
    QCOMPARE(storedRows(profile, QStringLiteral("p1@127.0.0.1")), 1);
    QCOMPARE(storedRows(profile, QStringLiteral("p2@127.0.0.1")), 1);
    listen.terminate();
    QVERIFY(listen.waitForFinished(10000));
    QCOMPARE(listen.exitCode(), 0);
}

void tst_CliListenProfile::secondWriterRefused()
{
    QTemporaryDir dir;
    QProcess first;
    first.start(cliPath(), listenArgs(dir.path()));
    QVERIFY(first.waitForStarted());
    QByteArray pending;
    QCOMPARE(nextJsonLine(first, pending).value(QStringLiteral("event")).toString(),
             QStringLiteral("listening"));
    const CliRun second = runCli(listenArgs(dir.path()), 20000);
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(QStringLiteral("already open for writing")),
             qPrintable(second.err));
    QVERIFY(second.rawOut.isEmpty());
    first.terminate();
    QVERIFY(first.waitForFinished(10000));
}

void tst_CliListenProfile::refusesWhatItMustNotWrite_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("says");
    QTest::addRow("not a database")
        << QByteArray("my notes, not SQLite\n") << QStringLiteral("not a Tidings database");
    QByteArray damaged("SQLite format 3", 16);
    damaged += QByteArray(84, '\xff'); // a header no SQLite writes
    damaged += QByteArray(4000, 'x');
    QTest::addRow("damaged") << damaged << QStringLiteral("left unchanged");
}

void tst_CliListenProfile::refusesWhatItMustNotWrite()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("tidings.sqlite"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = digest(file);
    const CliRun run = runCli(listenArgs(dir.path()), 20000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QCOMPARE(digest(file), before);
}

QTEST_GUILESS_MAIN(tst_CliListenProfile)
#include "tst_CliListenProfile.moc"
