// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli history` (and the failures it shares with `search`) run as the
// real executable on profiles built here with the store classes: the JSON
// lines of the docs/CLI.md contract, byte for byte and in order; --limit and
// --with; the exit codes and their messages; a database file that is never
// changed, even when it is damaged; reading while another process holds the
// profile's writer lock.

#include "CliProcess.h"
#include "StoreTestSupport.h"

#include "Profile.h"

#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"
#include "store/Schema.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <unistd.h>

using namespace tidings;
using namespace tidings::test;

namespace {

constexpr const char *kHoldWriterVariable = "TIDINGS_TEST_HOLD_WRITER";

// The messages of historyProfile(), as `history` prints them, oldest first.
const QStringList kExpectedLines = {
    QStringLiteral(
        "{\"event\":\"history\",\"id\":1,\"direction\":\"in\",\"peer\":\"sip:alice@example.com\","
        "\"contact\":\"Alice Ω\",\"body\":\"Grüße aus Köln 👋\",\"content_type\":\"text/plain\","
        "\"state\":\"received\",\"call_id\":\"c1\",\"time\":\"2026-01-01T00:00:10.000Z\"}"),
    QStringLiteral(
        "{\"event\":\"history\",\"id\":2,\"direction\":\"out\",\"peer\":\"sip:bob@EXAMPLE.com;"
        "transport=tcp\",\"body\":\"你好，世界\",\"content_type\":\"text/plain\",\"state\":"
        "\"sent\",\"status\":200,\"reason\":\"OK\",\"call_id\":\"c2\",\"time\":\"2026-01-01T00:00:"
        "20.000Z\"}"),
    QStringLiteral("{\"event\":\"history\",\"id\":3,\"direction\":\"in\",\"peer\":\"sip:bob@"
                   "example.com\",\"body\":\"東京で会いましょう\",\"content_type\":\"text/"
                   "plain\",\"state\":\"received\",\"call_id\":\"c3\",\"time\":\"2026-01-01T00:"
                   "00:30.000Z\"}"),
    QStringLiteral(
        "{\"event\":\"history\",\"id\":4,\"direction\":\"out\",\"peer\":\"sip:alice@example.com\","
        "\"contact\":\"Alice Ω\",\"body\":\"Are you \\\"there\\\"?\\nSecond line\",\"content_"
        "type\":\"text/plain\",\"state\":\"failed\",\"status\":486,\"reason\":\"Busy Here\","
        "\"call_id\":\"c4\",\"time\":\"2026-01-01T00:00:40.000Z\"}"),
    QStringLiteral(
        "{\"event\":\"history\",\"id\":5,\"direction\":\"in\",\"peer\":\"sip:alice@example.com\","
        "\"contact\":\"Alice Ω\",\"body\":\"sent while you were away\",\"content_type\":\"text/"
        "plain\",\"state\":\"received\",\"call_id\":\"c5\",\"time\":\"2026-01-01T00:00:50.000Z\","
        "\"sent_at\":\"2025-12-31T23:58:20.000Z\",\"delivered_late\":true}"),
    QStringLiteral(
        "{\"event\":\"history\",\"id\":6,\"direction\":\"out\",\"peer\":\"sip:carol@example.com\","
        "\"body\":\"queued for later\",\"content_type\":\"text/plain\",\"state\":\"queued\","
        "\"call_id\":\"\",\"time\":\"2026-01-01T00:01:00.000Z\"}"),
};

// Six messages with alice (a contact named "Alice Ω"), bob (no contact; one
// message to him written as sip:bob@EXAMPLE.com;transport=tcp) and carol.
QString fillHistory(TempProfile &p)
{
    Database &db = p.db();
    const qint64 account = p.accountId();
    Contact alice;
    alice.accountId = account;
    alice.uri = QStringLiteral("sip:alice@example.com");
    alice.displayName = QStringLiteral("Alice Ω");
    if (auto added = ContactStore(db).add(alice); !added)
        return added.error().toString();
    MessageStore messages(db);
    Outbox outbox(db);
    QStringList errors;
    const auto store = [&](const IncomingMessage &m) {
        if (!messages.insertIncoming(m).isStored())
            errors << m.body;
    };
    const auto send = [&](const QString &peer, const QString &body, qint64 second,
                          const QString &callId, int status, const QString &reason) {
        auto id = outbox.queue(outgoing(account, peer, body, at(second)));
        if (!id || callId.isEmpty())
            return;
        if (!outbox.markSending(id.value(), callId, QStringLiteral("tag-") + callId, 1) ||
            !outbox.markResult(id.value(), status, reason))
            errors << body;
    };
    store(incoming(account, QStringLiteral("sip:alice@example.com"),
                   QStringLiteral("Grüße aus Köln 👋"), QStringLiteral("c1"), 1, at(10)));
    send(QStringLiteral("sip:bob@EXAMPLE.com;transport=tcp"), QStringLiteral("你好，世界"), 20,
         QStringLiteral("c2"), 200, QStringLiteral("OK"));
    store(incoming(account, QStringLiteral("sip:bob@example.com"),
                   QStringLiteral("東京で会いましょう"), QStringLiteral("c3"), 1, at(30)));
    send(QStringLiteral("sip:alice@example.com"), QStringLiteral("Are you \"there\"?\nSecond line"),
         40, QStringLiteral("c4"), 486, QStringLiteral("Busy Here"));
    IncomingMessage late =
        incoming(account, QStringLiteral("sip:alice@example.com"),
                 QStringLiteral("sent while you were away"), QStringLiteral("c5"), 1, at(50));
    late.sentAt = at(-100);
    late.deliveredLate = true;
    store(late);
    send(QStringLiteral("sip:carol@example.com"), QStringLiteral("queued for later"), 60, {}, 0,
         {});
    return errors.join(QStringLiteral(", "));
}

QProcessEnvironment environmentWithProfile(const QString &profile)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(Profile::environmentVariable));
    if (!profile.isEmpty())
        env.insert(QString::fromLatin1(Profile::environmentVariable), profile);
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    return env;
}

CliRun history(const QStringList &args, const QString &environmentProfile = {})
{
    return runCli(QStringList{QStringLiteral("history")} + args, 40000,
                  environmentWithProfile(environmentProfile));
}

QStringList outputLines(const CliRun &run)
{
    return run.rawOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Runs one SQL statement on a database file through a connection of its own.
bool sqlOnFile(const QString &path, const QString &statement)
{
    const QString connection = QStringLiteral("raw-") + QString::number(qHash(path + statement));
    bool done = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        raw.setDatabaseName(path);
        done = raw.open() && QSqlQuery(raw).exec(statement);
    }
    QSqlDatabase::removeDatabase(connection);
    return done;
}

// Child mode: takes the profile's writer lock, writes one message while
// holding it, says "ready" and keeps the lock until stdin is closed.
int holdWriter(const QString &directory)
{
    QTextStream out(stdout);
    QString failure;
    auto opened = Database::open(directory);
    if (opened) {
        Database &db = *opened.value();
        const QList<Account> accounts = AccountStore(db).list().value();
        const InsertOutcome stored = MessageStore(db).insertIncoming(incoming(
            accounts.isEmpty() ? 0 : accounts.first().id, QStringLiteral("sip:dave@example.com"),
            QStringLiteral("written by the writer"), QStringLiteral("held-1"), 1, at(500)));
        failure = stored.error.toString();
    } else {
        failure = opened.error().toString();
    }
    out << (failure.isEmpty() ? QStringLiteral("ready") : failure) << Qt::endl;
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        in.readAll(); // returns when the test closes our stdin
    return failure.isEmpty() ? 0 : 1;
}

// The test binary again, in child mode, holding the writer lock of a profile
// for as long as this object lives.
class WriterProcess
{
public:
    explicit WriterProcess(const QString &profile)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kHoldWriterVariable), profile);
        m_process.setProcessEnvironment(env);
        m_process.start(QCoreApplication::applicationFilePath(), QStringList());
        if (m_process.waitForStarted() && m_process.waitForReadyRead(20000))
            m_said = QString::fromUtf8(m_process.readLine().trimmed());
    }
    ~WriterProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // "ready", or why not.
    QString said() const { return m_said; }
    // Lets it go; its exit code (-1 when it did not end in time).
    int finish()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(20000))
            return -1;
        return m_process.exitCode();
    }

private:
    QProcess m_process;
    QString m_said;
};

} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_profile.isValid(), qPrintable(m_profile.error()));
        const QString error = fillHistory(m_profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void rfc3428_historyOldestFirstWithTheContractFields()
    {
        const CliRun run = history({QStringLiteral("--profile"), m_profile.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        QVERIFY(run.rawOut.endsWith(QLatin1Char('\n')));
        QCOMPARE(outputLines(run), kExpectedLines);
    }

    void helpDescribesHistoryAndSearch()
    {
        const CliRun run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *part :
             {"history [--profile DIR] [--with URI] [--limit N]",
              "search [--profile DIR] [--with URI] [--since DATE] [--until DATE]",
              "TIDINGS_PROFILE", "[brackets]"})
            QVERIFY2(run.rawOut.contains(QLatin1String(part)), part);
        QVERIFY(!run.rawOut.contains(QStringLiteral("Not yet available")));
    }

    void profileFromTheEnvironment()
    {
        // TIDINGS_PROFILE names the profile when --profile does not.
        const CliRun run = history({}, m_profile.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(outputLines(run), kExpectedLines);
    }

    void limitIsTheNewestN_data()
    {
        QTest::addColumn<QString>("limit");
        QTest::addColumn<int>("expected");
        QTest::newRow("1") << "1" << 1;
        QTest::newRow("2") << "2" << 2;
        QTest::newRow("5") << "5" << 5;
        QTest::newRow("more than there are") << "1000" << 6;
        QTest::newRow("--limit=3") << "=3" << 3;
    }

    void limitIsTheNewestN()
    {
        QFETCH(QString, limit);
        QFETCH(int, expected);
        const QStringList args = limit.startsWith(QLatin1Char('='))
                                     ? QStringList{QStringLiteral("--limit") + limit}
                                     : QStringList{QStringLiteral("--limit"), limit};
        const CliRun run =
            history(QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The newest N, still printed oldest first.
        QCOMPARE(outputLines(run), kExpectedLines.mid(kExpectedLines.size() - expected));
    }

    void withMatchesTheContactCanonically_data()
    {
        QTest::addColumn<QString>("with");
        QTest::addColumn<QList<int>>("ids");
        const QList<int> bob{2, 3};
        // RFC 3261 §19.1.4: the host is case-insensitive, the default port and
        // the transport parameter do not make another contact (ContactKey).
        QTest::newRow("as stored") << "sip:bob@example.com" << bob;
        QTest::newRow("host in capitals, transport=tcp")
            << "sip:bob@EXAMPLE.com;transport=tcp" << bob;
        QTest::newRow("default port 5060") << "sip:bob@example.com:5060" << bob;
        QTest::newRow("in angle brackets") << "<sip:bob@example.com>" << bob;
        QTest::newRow("alice") << "sip:alice@Example.COM" << QList<int>{1, 4, 5};
        // The user part is case-sensitive (RFC 3261 §19.1.4).
        QTest::newRow("another user: nothing, exit 0") << "sip:Bob@example.com" << QList<int>{};
        QTest::newRow("another port: nothing") << "sip:bob@example.com:5070" << QList<int>{};
    }

    void withMatchesTheContactCanonically()
    {
        QFETCH(QString, with);
        QFETCH(QList<int>, ids);
        const CliRun run = history(
            {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("--with"), with});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        QStringList expected;
        for (int id : ids)
            expected << kExpectedLines.at(id - 1);
        QCOMPARE(outputLines(run), expected);
    }

    void withAndLimitTogether()
    {
        const CliRun run =
            history({QStringLiteral("--with"), QStringLiteral("sip:alice@example.com"),
                     QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--profile"),
                     m_profile.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(outputLines(run), (QStringList{kExpectedLines[3], kExpectedLines[4]}));
    }

    void longHistoryComesWhole()
    {
        // More than one piece of output (history writes 256 KiB at a time).
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        constexpr int count = 3000;
        QList<IncomingMessage> batch;
        for (int i = 0; i < count; ++i) {
            batch << incoming(p.accountId(), QStringLiteral("sip:peer%1@example.com").arg(i % 9),
                              QStringLiteral("message %1 of a long history, Grüße").arg(i),
                              QStringLiteral("long-%1").arg(i), 1, at(i));
        }
        for (const InsertOutcome &outcome : MessageStore(p.db()).insertIncomingBatch(batch))
            QVERIFY(outcome.kind == InsertOutcome::Kind::Stored);
        const CliRun run = history({QStringLiteral("--profile"), p.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.rawOut.toUtf8().size() > 2 * 256 * 1024);
        const QList<QJsonObject> lines = run.lines();
        QCOMPARE(lines.size(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(lines[i].value(QStringLiteral("body")).toString(),
                     QStringLiteral("message %1 of a long history, Grüße").arg(i));
        }
    }

    void emptyHistoryIsSuccess()
    {
        TempProfile empty;
        QVERIFY(empty.isValid());
        const CliRun run = history({QStringLiteral("--profile"), empty.path()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.rawOut, QString());
        QCOMPARE(run.err, QString());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedOnStderr");
        QTest::newRow("--limit 0") << QStringList{"--limit", "0"} << "--limit must be";
        QTest::newRow("--limit -3") << QStringList{"--limit", "-3"} << "--limit must be";
        QTest::newRow("--limit abc") << QStringList{"--limit", "abc"} << "--limit must be";
        QTest::newRow("--limit without a value")
            << QStringList{"--limit"} << "--limit needs a value";
        QTest::newRow("--with not an address")
            << QStringList{"--with", "not a uri"} << "is not a contact address";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "unknown option";
        QTest::newRow("a stray argument") << QStringList{"bob"} << "unexpected argument";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedOnStderr);
        const CliRun run =
            history(QStringList{QStringLiteral("--profile"), m_profile.path()} + args);
        verifyUsageError(run, expectedOnStderr);
        QVERIFY2(run.err.contains(QStringLiteral("--help")), qPrintable(run.err));
    }

    void noProfileSaysHowToGiveOne_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("history") << "history";
        QTest::newRow("search") << "search";
    }

    void noProfileSaysHowToGiveOne()
    {
        QFETCH(QString, command);
        QStringList args{command};
        if (command == QLatin1String("search"))
            args << QStringLiteral("lunch");
        const CliRun run = runCli(args, 40000, environmentWithProfile({}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(QStringLiteral("no profile was given")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("--profile DIR")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("TIDINGS_PROFILE")), qPrintable(run.err));
    }

    // Every file is left exactly as it was: the bytes are compared before
    // and after, for history and for search.
    void unreadableHistoryExitsOne_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedOnStderr");
        const std::pair<const char *, const char *> rows[] = {
            {"no profile directory", "There is no profile at"},
            {"no database yet", "There is no message history in the profile"},
            {"empty file", "There is no message history in the profile"},
            {"garbage", "is not a Tidings database. It was left unchanged"},
            {"truncated", "is damaged"},
            {"another program's SQLite file", "SQLite database of another program"},
            {"newer schema", "was written by a newer version of Tidings"},
            {"unreadable file", "cannot be read (check its permissions)"},
            {"a directory in its place", "cannot be read (check its permissions)"},
        };
        for (const auto &[kind, expected] : rows) {
            for (const char *command : {"history", "search"}) {
                QTest::addRow("%s, %s", kind, command)
                    << QString::fromLatin1(kind) + QLatin1Char('|') + QLatin1String(command)
                    << QString::fromUtf8(expected);
            }
        }
    }

    void unreadableHistoryExitsOne()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedOnStderr);
        const QString command = kind.section(QLatin1Char('|'), 1);
        kind = kind.section(QLatin1Char('|'), 0, 0);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QString profile = temp.filePath(QStringLiteral("profile"));
        const QString file = Database::filePathIn(profile);
        QVERIFY(QDir().mkpath(profile));
        if (kind == QLatin1String("no profile directory")) {
            profile = temp.filePath(QStringLiteral("nowhere"));
        } else if (kind == QLatin1String("empty file")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (kind == QLatin1String("garbage")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 300; ++i)
                f.write("These are my notes, not a database.\n");
        } else if (kind == QLatin1String("a directory in its place")) {
            QVERIFY(QDir().mkpath(file));
        } else if (kind == QLatin1String("another program's SQLite file")) {
            QVERIFY(sqlOnFile(file, QStringLiteral("CREATE TABLE notes(x TEXT)")));
        } else if (kind != QLatin1String("no database yet")) {
            // A real history, closed (checkpointed into the file), then spoiled.
            {
                auto db = Database::open(profile);
                QVERIFY2(db.ok(), qPrintable(db.error().toString()));
                Account account;
                account.aor = QStringLiteral("sip:me@example.com");
                const auto id = AccountStore(*db.value()).add(account);
                QVERIFY(id.ok());
                for (int i = 0; i < 20; ++i) {
                    QVERIFY(MessageStore(*db.value())
                                .insertIncoming(incoming(id.value(), QStringLiteral("sip:a@x.org"),
                                                         QString(2000, QLatin1Char('x')),
                                                         QStringLiteral("t%1").arg(i)))
                                .isStored());
                }
            }
            if (kind == QLatin1String("truncated")) {
                QVERIFY(QFile::resize(file, QFileInfo(file).size() / 2));
            } else if (kind == QLatin1String("newer schema")) {
                QVERIFY(sqlOnFile(
                    file,
                    QStringLiteral("PRAGMA user_version = %1").arg(Schema::latestVersion() + 1)));
            }
        }
        const QByteArray before = fileDigest(file);
        const qint64 sizeBefore = QFileInfo(file).size();
        if (kind == QLatin1String("unreadable file")) {
            if (::geteuid() == 0)
                QSKIP("root reads any file: permissions cannot be tested as root");
            QVERIFY(QFile::setPermissions(file, QFileDevice::WriteOwner));
        }

        QStringList args{command, QStringLiteral("--profile"), profile};
        if (command == QLatin1String("search"))
            args << QStringLiteral("x");
        const CliRun run = runCli(args, 40000, environmentWithProfile({}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(expectedOnStderr), qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("tidings-cli ") + command + QLatin1Char(':')),
                 qPrintable(run.err));

        if (kind == QLatin1String("unreadable file"))
            QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(fileDigest(file), before);
        QCOMPARE(QFileInfo(file).size(), sizeBefore);
        if (kind == QLatin1String("no profile directory") ||
            kind == QLatin1String("no database yet")) {
            QVERIFY(!QFile::exists(file)); // nothing was created
        }
    }

    void readingNeverChangesTheDatabase()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        QVERIFY(fillHistory(p).isEmpty());
        p.close(); // checkpointed: everything is in the file itself
        const QString file = Database::filePathIn(p.path());
        const QByteArray before = fileDigest(file);
        QVERIFY(!before.isEmpty());
        const QStringList profile{QStringLiteral("--profile"), p.path()};
        QCOMPARE(history(profile).exitCode, 0);
        QCOMPARE(
            runCli(QStringList{QStringLiteral("search")} + profile + QStringList{"你好"}).exitCode,
            0);
        QCOMPARE(fileDigest(file), before);
    }

    void readsWhileAnotherProcessHoldsTheWriterLock()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        QVERIFY(fillHistory(p).isEmpty());
        p.close();

        WriterProcess writer(p.path());
        QCOMPARE(writer.said(), QStringLiteral("ready"));

        // A second writer is refused...
        QCOMPARE(Database::open(p.path()).error().code(), StoreError::Code::Locked);
        // ...readers work alongside, and see what the writer committed.
        const CliRun run = history({QStringLiteral("--profile"), p.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = outputLines(run);
        QCOMPARE(lines.size(), kExpectedLines.size() + 1);
        QCOMPARE(lines.mid(0, kExpectedLines.size()), kExpectedLines);
        QVERIFY2(lines.last().contains(QStringLiteral("\"body\":\"written by the writer\"")),
                 qPrintable(lines.last()));
        const CliRun found = runCli({QStringLiteral("search"), QStringLiteral("--profile"),
                                     p.path(), QStringLiteral("writer")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QCOMPARE(found.lines().size(), 1);

        QCOMPARE(writer.finish(), 0);
    }

private:
    TempProfile m_profile;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArray hold = qgetenv(kHoldWriterVariable);
    if (!hold.isEmpty())
        return holdWriter(QString::fromLocal8Bit(hold));
    TestCliHistory test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_CliHistory.moc"
