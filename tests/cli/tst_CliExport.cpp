// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli export` and `tidings-cli import` run as the real executable
// on profiles built here with the store classes: the JSON export
// ("format":"tidings-history") and the plain text, of all history and of one
// contact (--with, matched by ContactKey); --output written whole or not at
// all and never over an existing file; an import that reproduces the history,
// adds nothing the second time, leaves the database untouched when the file
// is not an export, and is refused while another process writes the profile.

#include "CliProcess.h"
#include "StoreTestSupport.h"

#include "Profile.h"

#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Outbox.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace tidings;
using namespace tidings::test;

namespace {

constexpr const char *kHoldWriterVariable = "TIDINGS_TEST_HOLD_WRITER";

// The bodies of fillHistory(), oldest first.
const QStringList kBodies = {
    QStringLiteral("Grüße aus Köln 👋"),
    QStringLiteral("你好，世界"),
    QStringLiteral("東京で会いましょう"),
    QStringLiteral("Are you \"there\"?\nSecond line"),
    QStringLiteral("sent while you were away"),
    QStringLiteral("queued for later"),
    QStringLiteral("bob on the second account 🙂"),
};

// Seven messages: alice (a contact "Alice Ω"), bob (once written as
// sip:bob@EXAMPLE.com;transport=tcp) and carol on sip:me@example.com, and
// bob again on a second account, sip:work@example.com.
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
    Account work;
    work.aor = QStringLiteral("sip:work@example.com");
    work.displayName = QStringLiteral("Work");
    const auto workId = AccountStore(db).add(work);
    if (!workId)
        return workId.error().toString();
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
    store(incoming(account, QStringLiteral("sip:alice@example.com"), kBodies[0],
                   QStringLiteral("c1"), 1, at(10)));
    send(QStringLiteral("sip:bob@EXAMPLE.com;transport=tcp"), kBodies[1], 20, QStringLiteral("c2"),
         200, QStringLiteral("OK"));
    store(incoming(account, QStringLiteral("sip:bob@example.com"), kBodies[2], QStringLiteral("c3"),
                   1, at(30)));
    send(QStringLiteral("sip:alice@example.com"), kBodies[3], 40, QStringLiteral("c4"), 486,
         QStringLiteral("Busy Here"));
    IncomingMessage late = incoming(account, QStringLiteral("sip:alice@example.com"), kBodies[4],
                                    QStringLiteral("c5"), 1, at(50));
    late.sentAt = at(-100);
    late.deliveredLate = true;
    store(late);
    send(QStringLiteral("sip:carol@example.com"), kBodies[5], 60, {}, 0, {});
    store(incoming(workId.value(), QStringLiteral("sip:bob@example.com"), kBodies[6],
                   QStringLiteral("c7"), 1, at(25)));
    return errors.join(QStringLiteral(", "));
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(Profile::environmentVariable));
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    return env;
}

CliRun cli(const QStringList &args)
{
    return runCli(args, 60000, cleanEnvironment());
}

QJsonObject parseExport(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (doc.isNull())
        *error = parseError.errorString();
    return doc.object();
}

QStringList bodiesOf(const QJsonObject &root)
{
    QStringList out;
    for (const QJsonValue &m : root.value(QStringLiteral("messages")).toArray())
        out << m.toObject().value(QStringLiteral("body")).toString();
    return out;
}

// The export's own time is the one thing two exports of the same history
// differ in.
QString withoutExportTime(QString text)
{
    static const QRegularExpression exportedAt(QStringLiteral("\"exported_at\":\"[^\"]*\""));
    return text.replace(exportedAt, QStringLiteral("\"exported_at\":\"\""));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A history line without what differs between two profiles holding the
// same messages: the row id and the contact's display name (contacts are
// not part of an export).
QJsonObject comparable(QJsonObject line)
{
    line.remove(QStringLiteral("id"));
    line.remove(QStringLiteral("contact"));
    return line;
}

// Child mode: takes the profile's writer lock, says "ready" and keeps the
// lock until stdin is closed.
int holdWriter(const QString &directory)
{
    QTextStream out(stdout);
    auto opened = Database::open(directory);
    out << (opened ? QStringLiteral("ready") : opened.error().toString()) << Qt::endl;
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        in.readAll(); // returns when the test closes our stdin
    return opened ? 0 : 1;
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
    QString said() const { return m_said; }
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

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_profile.isValid(), qPrintable(m_profile.error()));
        const QString error = fillHistory(m_profile);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_profile.close(); // everything checkpointed into the file
        QVERIFY(m_out.isValid());
    }

    void exportJsonOfAllHistory()
    {
        const CliRun run =
            cli({QStringLiteral("export"), QStringLiteral("--profile"), m_profile.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        QString error;
        const QJsonObject root = parseExport(run.rawOut, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("tidings-history"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("accounts")).toArray().size(), 2);
        // Oldest first across accounts: the second account's message at 25 s.
        QCOMPARE(bodiesOf(root), (QStringList{kBodies[0], kBodies[1], kBodies[6], kBodies[2],
                                              kBodies[3], kBodies[4], kBodies[5]}));
        // One message per line; the text itself is UTF-8, not \u escapes.
        QCOMPARE(run.rawOut.count(QLatin1Char('\n')), 7 + 2);
        for (const char *part : {"Grüße aus Köln 👋", "你好，世界", "東京で会いましょう"})
            QVERIFY2(run.rawOut.contains(QString::fromUtf8(part)), part);
        const QJsonObject failed =
            root.value(QStringLiteral("messages")).toArray().at(4).toObject();
        QCOMPARE(failed.value(QStringLiteral("status")).toInt(), 486);
        QCOMPARE(failed.value(QStringLiteral("reason")).toString(), QStringLiteral("Busy Here"));
    }

    void exportTextOfAllHistory()
    {
        const CliRun run =
            cli({QStringLiteral("export"), QStringLiteral("--profile"), m_profile.path(),
                 QStringLiteral("--format"), QStringLiteral("text")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        const QString text = run.rawOut;
        QVERIFY2(text.startsWith(QStringLiteral(
                     "== Conversation with sip:alice@example.com (account sip:me@example.com) ==\n"
                     "[2026-01-01T00:00:10.000Z] sip:alice@example.com: Grüße aus Köln 👋\n"
                     "[2026-01-01T00:00:40.000Z] me: Are you \"there\"?\n"
                     "    Second line (not delivered: 486 Busy Here)\n")),
                 qPrintable(text));
        for (const QString &part :
             {QStringLiteral("] me: 你好，世界\n"),
              QStringLiteral("] sip:bob@example.com: 東京で会いましょう\n"),
              QStringLiteral("] me: queued for later (not sent yet)\n"),
              QStringLiteral("sent while you were away (delivered late)\n"),
              QStringLiteral("\n\n== Conversation with sip:bob@example.com (account "
                             "sip:work@example.com) ==\n[2026-01-01T00:00:25.000Z] "
                             "sip:bob@example.com: bob on the second account 🙂\n")})
            QVERIFY2(text.contains(part), qPrintable(part));
    }

    void exportWithMatchesTheContactCanonically_data()
    {
        QTest::addColumn<QString>("with");
        QTest::addColumn<QStringList>("bodies");
        // bob on both accounts, oldest first.
        const QStringList bob{kBodies[1], kBodies[6], kBodies[2]};
        // RFC 3261 §19.1.4: host case, the default port and URI parameters
        // do not make another contact; the user part's case does.
        QTest::newRow("as stored") << "sip:bob@example.com" << bob;
        QTest::newRow("rfc3261 19.1.4 host in capitals, transport=tcp")
            << "sip:bob@EXAMPLE.com;transport=tcp" << bob;
        QTest::newRow("rfc3261 19.1.4 default port 5060") << "sip:bob@example.com:5060" << bob;
        QTest::newRow("in angle brackets") << "<sip:bob@example.com>" << bob;
        QTest::newRow("alice") << "sip:alice@Example.COM"
                               << QStringList{kBodies[0], kBodies[3], kBodies[4]};
        QTest::newRow("rfc3261 19.1.4 another user: an empty export")
            << "sip:Bob@example.com" << QStringList{};
    }

    void exportWithMatchesTheContactCanonically()
    {
        QFETCH(QString, with);
        QFETCH(QStringList, bodies);
        const CliRun run = cli({QStringLiteral("export"), QStringLiteral("--profile"),
                                m_profile.path(), QStringLiteral("--with"), with});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err, QString());
        QString error;
        const QJsonObject root = parseExport(run.rawOut, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("tidings-history"));
        QCOMPARE(bodiesOf(root), bodies);

        const CliRun text =
            cli({QStringLiteral("export"), QStringLiteral("--profile"), m_profile.path(),
                 QStringLiteral("--with"), with, QStringLiteral("--format=text")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        for (const QString &body : kBodies) {
            const QString firstLine = body.section(QLatin1Char('\n'), 0, 0);
            QCOMPARE(text.rawOut.contains(firstLine), bodies.contains(body));
        }
        if (bodies.isEmpty())
            QCOMPARE(text.rawOut, QString());
    }

    void exportToOutputEqualsStandardOutput_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << "json";
        QTest::newRow("text") << "text";
    }

    void exportToOutputEqualsStandardOutput()
    {
        QFETCH(QString, format);
        const QString path = m_out.filePath(QStringLiteral("all-") + format);
        const QStringList args{QStringLiteral("export"), QStringLiteral("--profile"),
                               m_profile.path(), QStringLiteral("--format"), format};
        const CliRun toFile = cli(args + QStringList{QStringLiteral("--output"), path});
        QVERIFY2(toFile.exitCode == 0, qPrintable(toFile.err));
        QCOMPARE(toFile.rawOut, QString());
        QCOMPARE(toFile.err, QString());
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
        const CliRun toStdout = cli(args);
        QVERIFY2(toStdout.exitCode == 0, qPrintable(toStdout.err));
        QVERIFY(!toStdout.rawOut.isEmpty());
        QCOMPARE(withoutExportTime(QString::fromUtf8(readFile(path))),
                 withoutExportTime(toStdout.rawOut));
    }

    void exportNeverReplacesAnExistingFile()
    {
        const QString path = m_out.filePath(QStringLiteral("mine.json"));
        const QByteArray mine("my own notes, not to be lost\n");
        QVERIFY(writeFile(path, mine));
        const CliRun run = cli({QStringLiteral("export"), QStringLiteral("--profile"),
                                m_profile.path(), QStringLiteral("--output"), path});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(QStringLiteral("already exists")), qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("tidings-cli export:")), qPrintable(run.err));
        QCOMPARE(readFile(path), mine);
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
    }

    void exportFailures_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedOnStderr");
        QTest::newRow("output in a missing directory") << "unwritable"
                                                       << "cannot write";
        QTest::newRow("no profile directory") << "no profile"
                                              << "There is no profile at";
        QTest::newRow("no database yet") << "no database"
                                         << "There is no message history in the profile";
    }

    void exportFailures()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedOnStderr);
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QString profile = m_profile.path();
        const QString output = kind == QLatin1String("unwritable")
                                   ? temp.filePath(QStringLiteral("no/such/dir/x.json"))
                                   : temp.filePath(QStringLiteral("x.json"));
        if (kind == QLatin1String("no profile"))
            profile = temp.filePath(QStringLiteral("nowhere"));
        if (kind == QLatin1String("no database"))
            profile = temp.path();
        const CliRun run = cli({QStringLiteral("export"), QStringLiteral("--profile"), profile,
                                QStringLiteral("--output"), output});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(expectedOnStderr), qPrintable(run.err));
        QVERIFY(!QFile::exists(output));
        QVERIFY(!QFile::exists(output + QStringLiteral(".partial")));
        QVERIFY(!QFile::exists(Database::filePathIn(temp.path())));
    }

    void importReproducesTheHistoryOnce()
    {
        const QString exportPath = m_out.filePath(QStringLiteral("roundtrip.json"));
        const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--profile"),
                                     m_profile.path(), QStringLiteral("--output"), exportPath});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));

        // Into a profile directory that does not exist yet: created.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString target = temp.filePath(QStringLiteral("new/profile"));
        const QStringList import{QStringLiteral("import"), QStringLiteral("--profile"), target,
                                 exportPath};
        const CliRun first = cli(import);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.err, QString());
        QCOMPARE(first.lines().size(), 1);
        QCOMPARE(first.result.value(QStringLiteral("event")).toString(), QStringLiteral("import"));
        QCOMPARE(first.result.value(QStringLiteral("added")).toInt(), 7);
        QCOMPARE(first.result.value(QStringLiteral("skipped")).toInt(), 0);
        QCOMPARE(first.result.value(QStringLiteral("failed")).toInt(), 0);
        QVERIFY(first.rawOut.startsWith(QStringLiteral("{\"event\":\"import\"")));

        // history shows the same messages.
        const CliRun original =
            cli({QStringLiteral("history"), QStringLiteral("--profile"), m_profile.path()});
        const CliRun copied = cli({QStringLiteral("history"), QStringLiteral("--profile"), target});
        QVERIFY2(original.exitCode == 0, qPrintable(original.err));
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        const QList<QJsonObject> before = original.lines();
        const QList<QJsonObject> after = copied.lines();
        QCOMPARE(after.size(), 7);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QJsonObject expected = comparable(before[i]);
            if (expected.value(QStringLiteral("state")) == QStringLiteral("queued")) {
                // Still waiting when exported: comes back failed, never sent
                // by an import.
                QCOMPARE(after[i].value(QStringLiteral("state")).toString(),
                         QStringLiteral("failed"));
                QCOMPARE(after[i].value(QStringLiteral("body")).toString(), kBodies[5]);
                continue;
            }
            QCOMPARE(comparable(after[i]), expected);
        }

        // Again: nothing added, nothing changed.
        const CliRun second = cli(import);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.result.value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(second.result.value(QStringLiteral("skipped")).toInt(), 7);
        QCOMPARE(second.result.value(QStringLiteral("failed")).toInt(), 0);
        const CliRun again = cli({QStringLiteral("history"), QStringLiteral("--profile"), target});
        QCOMPARE(again.rawOut, copied.rawOut);

        // Back into the profile it came from: nothing added either.
        const CliRun home = cli(
            {QStringLiteral("import"), QStringLiteral("--profile"), m_profile.path(), exportPath});
        QVERIFY2(home.exitCode == 0, qPrintable(home.err));
        QCOMPARE(home.result.value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(home.result.value(QStringLiteral("skipped")).toInt(), 7);
    }

    void importOfOneContactsExport()
    {
        const CliRun exported =
            cli({QStringLiteral("export"), QStringLiteral("--profile"), m_profile.path(),
                 QStringLiteral("--with"), QStringLiteral("sip:bob@example.com")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QString path = m_out.filePath(QStringLiteral("bob.json"));
        QVERIFY(writeFile(path, exported.rawOut.toUtf8()));
        QTemporaryDir target;
        QVERIFY(target.isValid());
        const CliRun run =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), target.path(), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.result.value(QStringLiteral("added")).toInt(), 3);
        const CliRun history =
            cli({QStringLiteral("history"), QStringLiteral("--profile"), target.path()});
        QStringList bodies;
        for (const QJsonObject &line : history.lines())
            bodies << line.value(QStringLiteral("body")).toString();
        QCOMPARE(bodies, (QStringList{kBodies[1], kBodies[6], kBodies[2]}));
    }

    void importReportsTheMessagesItCannotTake()
    {
        // An export edited by hand: one good message, one without a body.
        const QString path = m_out.filePath(QStringLiteral("edited.json"));
        QVERIFY(writeFile(path, QByteArray(R"({"format":"tidings-history","version":1,
            "messages":[
              {"account":"sip:me@example.com","direction":"in","peer":"sip:x@example.com",
               "body":"kept","time":"2026-02-01T10:00:00.000Z"},
              {"account":"sip:me@example.com","direction":"in","peer":"sip:x@example.com"}]})")));
        QTemporaryDir target;
        QVERIFY(target.isValid());
        const CliRun run =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), target.path(), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.result.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(run.result.value(QStringLiteral("failed")).toInt(), 1);
        const QJsonArray problems = run.result.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0].toString().contains(QStringLiteral("Message 2")),
                 qPrintable(problems[0].toString()));
        QVERIFY2(run.err.contains(QStringLiteral("could not be imported")), qPrintable(run.err));
        const CliRun history =
            cli({QStringLiteral("history"), QStringLiteral("--profile"), target.path()});
        QCOMPARE(history.lines().size(), 1);
        QCOMPARE(history.result.value(QStringLiteral("body")).toString(), QStringLiteral("kept"));
    }

    void importRefusesWhatIsNotAnExport_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedOnStderr");
        QTest::newRow("garbage") << "garbage"
                                 << "is not a Tidings history export";
        QTest::newRow("plain-text export") << "text"
                                           << "is a plain-text export";
        QTest::newRow("truncated JSON export") << "truncated"
                                               << "ends too early";
        QTest::newRow("empty file") << "empty"
                                    << "is empty";
        QTest::newRow("other JSON") << "other"
                                    << "is JSON but not a Tidings history export";
        QTest::newRow("newer format") << "newer"
                                      << "newer version of Tidings";
        QTest::newRow("missing file") << "missing"
                                      << "cannot read";
        QTest::newRow("a directory") << "directory"
                                     << "is a directory";
    }

    void importRefusesWhatIsNotAnExport()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedOnStderr);
        // A profile with one message, closed: its file holds everything.
        TempProfile target;
        QVERIFY2(target.isValid(), qPrintable(target.error()));
        QVERIFY(
            MessageStore(target.db())
                .insertIncoming(incoming(target.accountId(), QStringLiteral("sip:zoe@example.com"),
                                         QStringLiteral("already here"), QStringLiteral("z1")))
                .isStored());
        target.close();
        const QString database = Database::filePathIn(target.path());
        const QByteArray before = fileDigest(database);
        QVERIFY(!before.isEmpty());

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QString path = temp.filePath(QStringLiteral("input"));
        if (kind == QLatin1String("garbage")) {
            QVERIFY(writeFile(path, QByteArray("These are my notes.\n\x01\x02\xff")));
        } else if (kind == QLatin1String("text") || kind == QLatin1String("truncated")) {
            const bool text = kind == QLatin1String("text");
            const CliRun run = cli({QStringLiteral("export"), QStringLiteral("--profile"),
                                    m_profile.path(), QStringLiteral("--format"),
                                    text ? QStringLiteral("text") : QStringLiteral("json")});
            QCOMPARE(run.exitCode, 0);
            QByteArray bytes = run.rawOut.toUtf8();
            if (!text)
                bytes.truncate(bytes.size() / 2);
            QVERIFY(writeFile(path, bytes));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(writeFile(path, QByteArray()));
        } else if (kind == QLatin1String("other")) {
            QVERIFY(writeFile(path, QByteArray("{\"messages\":[{\"body\":\"x\"}]}")));
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(writeFile(path, QByteArray("{\"format\":\"tidings-history\",\"version\":99,"
                                               "\"messages\":[]}")));
        } else if (kind == QLatin1String("directory")) {
            path = temp.path();
        } // missing: no file at all

        const CliRun run =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), target.path(), path});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(expectedOnStderr), qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("tidings-cli import:")), qPrintable(run.err));
        QCOMPARE(fileDigest(database), before);
        QVERIFY(!QFile::exists(database + QStringLiteral("-wal")));

        // Nor is a profile created for a file that is not an export.
        const QString fresh = temp.filePath(QStringLiteral("fresh-profile"));
        const CliRun none =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), fresh, path});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void importRefusedWhileAnotherProcessWrites()
    {
        TempProfile target;
        QVERIFY2(target.isValid(), qPrintable(target.error()));
        target.close();
        const QString exportPath = m_out.filePath(QStringLiteral("locked.json"));
        const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--profile"),
                                     m_profile.path(), QStringLiteral("--output"), exportPath});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));

        WriterProcess writer(target.path());
        QCOMPARE(writer.said(), QStringLiteral("ready"));
        const CliRun run =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), target.path(), exportPath});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.rawOut, QString());
        QVERIFY2(run.err.contains(QStringLiteral("is already open for writing")),
                 qPrintable(run.err));
        // Exporting (read-only) works alongside the writer.
        const CliRun reading =
            cli({QStringLiteral("export"), QStringLiteral("--profile"), target.path()});
        QVERIFY2(reading.exitCode == 0, qPrintable(reading.err));
        QString error;
        QCOMPARE(bodiesOf(parseExport(reading.rawOut, &error)), QStringList());
        QCOMPARE(writer.finish(), 0);

        // Once it is gone the same import goes through.
        const CliRun after =
            cli({QStringLiteral("import"), QStringLiteral("--profile"), target.path(), exportPath});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(after.result.value(QStringLiteral("added")).toInt(), 7);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedOnStderr");
        QTest::newRow("export --format xml")
            << QStringList{"export", "--format", "xml"} << "--format must be json or text";
        QTest::newRow("export --with not an address")
            << QStringList{"export", "--with", "not a uri"} << "is not a contact address";
        QTest::newRow("export --output without a value")
            << QStringList{"export", "--output"} << "--output needs a value";
        QTest::newRow("export --output=") << QStringList{"export", "--output="} << "--output";
        QTest::newRow("export stray argument")
            << QStringList{"export", "history.json"} << "unexpected argument";
        QTest::newRow("export unknown option")
            << QStringList{"export", "--frobnicate"} << "unknown option";
        QTest::newRow("import without FILE") << QStringList{"import"} << "import needs FILE";
        QTest::newRow("import two files")
            << QStringList{"import", "a.json", "b.json"} << "import takes one FILE";
        QTest::newRow("import unknown option")
            << QStringList{"import", "--with", "sip:a@b.c", "a.json"} << "unknown option";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedOnStderr);
        // The command, --profile, then the rest.
        const CliRun run = cli(
            QStringList{args.first(), QStringLiteral("--profile"), m_profile.path()} + args.mid(1));
        verifyUsageError(run, expectedOnStderr);
    }

    void helpDescribesExportAndImport()
    {
        const CliRun run = cli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *part : {"export [--profile DIR] [--with URI] [--format json|text] "
                                 "[--output FILE]",
                                 "import [--profile DIR] FILE", "\"skipped\""})
            QVERIFY2(run.rawOut.contains(QLatin1String(part)), part);
    }

private:
    TempProfile m_profile;
    QTemporaryDir m_out;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArray hold = qgetenv(kHoldWriterVariable);
    if (!hold.isEmpty())
        return holdWriter(QString::fromLocal8Bit(hold));
    TestCliExport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_CliExport.moc"
