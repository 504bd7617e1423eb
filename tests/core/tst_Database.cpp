// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/Schema.h"
#include "store/WriterLock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace tidings;
using namespace tidings::test;

Q_DECLARE_METATYPE(tidings::Database::Access)

namespace {

constexpr const char *kHoldWriterVariable = "TIDINGS_TEST_HOLD_WRITER";

// Runs `statements` on the file through a connection of its own, outside
// Database (to build the states a test needs).
bool rawExec(const QString &path, const QStringList &statements)
{
    static int counter = 0;
    const QString name = QStringLiteral("raw-%1").arg(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            QSqlQuery q(db);
            if (ok && !q.exec(statement)) {
                qWarning() << statement << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next()) {
        return {};
    }
    return q.value(0);
}

// Files SQLite would create beside a database it opened for writing.
bool hasSideFiles(const QString &dbPath)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (QFile::exists(dbPath + QLatin1String(suffix))) {
            return true;
        }
    }
    return false;
}

void fillMessages(Database &db, qint64 accountId, int count)
{
    QList<IncomingMessage> batch;
    for (int i = 0; i < count; ++i) {
        batch << incoming(accountId, QStringLiteral("sip:peer%1@example.com").arg(i % 7),
                          QStringLiteral("message number %1 with some text to fill pages").arg(i),
                          QStringLiteral("call-%1").arg(i), 1, at(i));
    }
    const auto outcomes = MessageStore(db).insertIncomingBatch(batch);
    for (const InsertOutcome &outcome : outcomes) {
        QVERIFY(outcome.kind == InsertOutcome::Kind::Stored);
    }
}

// Child mode: open the profile for writing, say so, hold it until stdin ends.
int holdWriter(const QString &directory)
{
    auto db = Database::open(directory);
    if (!db) {
        std::printf("error %s\n", qPrintable(db.error().toString()));
        std::fflush(stdout);
        return 1;
    }
    std::printf("ready %lld\n", static_cast<long long>(QCoreApplication::applicationPid()));
    std::fflush(stdout);
    char buffer[64];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
    }
    return 0;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsProfileAndDatabase()
    {
        QTemporaryDir temp;
        const QString profile = temp.filePath(QStringLiteral("a/new/profile"));
        auto opened = Database::open(profile);
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        Database &db = *opened.value();
        QVERIFY(QFile::exists(profile + QStringLiteral("/tidings.sqlite")));
        QCOMPARE(db.filePath(), Database::filePathIn(profile));
        QCOMPARE(db.schemaVersion(), Schema::latestVersion());
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")).toInt(), 2); // FULL
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")).toInt(), 1);
        QCOMPARE(pragma(db, QStringLiteral("busy_timeout")).toInt(), 5000);
        QCOMPARE(pragma(db, QStringLiteral("user_version")).toInt(), Schema::latestVersion());
        QCOMPARE(pragma(db, QStringLiteral("application_id")).toInt(), Schema::applicationId);
        QVERIFY(db.checkIntegrity().ok());
        QVERIFY(db.sizeOnDisk().value() > 0);
        QVERIFY(QFile::exists(profile + QStringLiteral("/") + QLatin1String(WriterLock::fileName)));
    }

    void reopenKeepsData()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        fillMessages(p.db(), p.accountId(), 10);
        QVERIFY(p.reopen());
        QCOMPARE(MessageStore(p.db()).history({}, 0).value().size(), 10);
    }

    void emptyFileBecomesADatabase()
    {
        QTemporaryDir temp;
        const QString path = Database::filePathIn(temp.path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto reader = Database::open(temp.path(), {Database::Access::ReadOnly, false, 5000});
        QCOMPARE(reader.error().code(), StoreError::Code::NotFound);
        auto writer = Database::open(temp.path());
        QVERIFY2(writer.ok(), qPrintable(writer.error().toString()));
        QCOMPARE(writer.value()->schemaVersion(), Schema::latestVersion());
    }

    void refusesWhatIsNotADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<Database::Access>("access");

        QByteArray random(8192, '\0');
        QRandomGenerator generator(42);
        for (char &c : random) {
            c = char(generator.bounded(256));
        }
        QByteArray text;
        for (int i = 0; i < 200; ++i) {
            text += "These are my notes, not a database.\n";
        }
        QByteArray magicOnly("SQLite format 3", 16);
        magicOnly += QByteArray(30, 'x');
        QByteArray badPageSize("SQLite format 3", 16);
        badPageSize += QByteArray(4096 - 16, '\x07');

        const std::pair<const char *, QByteArray> files[] = {
            {"text", text},
            {"random bytes", random},
            {"zeros", QByteArray(4096, '\0')},
            {"one byte", QByteArray("x")},
            {"magic without a header", magicOnly},
            {"impossible page size", badPageSize},
        };
        for (const auto &[name, content] : files) {
            QTest::addRow("%s, writer", name) << content << Database::Access::ReadWrite;
            QTest::addRow("%s, reader", name) << content << Database::Access::ReadOnly;
        }
    }

    void refusesWhatIsNotADatabase()
    {
        QFETCH(QByteArray, content);
        QFETCH(Database::Access, access);
        QTemporaryDir temp;
        const QString path = Database::filePathIn(temp.path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        auto opened = Database::open(temp.path(), {access, false, 5000});
        QVERIFY(!opened.ok());
        const auto code = opened.error().code();
        QVERIFY2(code == StoreError::Code::NotADatabase || code == StoreError::Code::Corrupt,
                 qPrintable(opened.error().toString()));
        QVERIFY2(opened.error().message().contains(QDir::toNativeSeparators(path)),
                 qPrintable(opened.error().message()));
        QVERIFY(opened.error().message().contains(QStringLiteral("unchanged")));
        QCOMPARE(fileDigest(path), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
        QVERIFY(!hasSideFiles(path));
    }

    void refusesTruncatedDatabase_data()
    {
        QTest::addColumn<int>("keepPercent");
        QTest::addColumn<int>("extraBytes");
        QTest::addColumn<Database::Access>("access");
        for (const auto access : {Database::Access::ReadWrite, Database::Access::ReadOnly}) {
            const char *who = access == Database::Access::ReadWrite ? "writer" : "reader";
            QTest::addRow("half, %s", who) << 50 << 0 << access;
            QTest::addRow("all but the last page, %s", who) << 100 << -4096 << access;
            QTest::addRow("mid-page, %s", who) << 70 << 1000 << access;
            QTest::addRow("first page only, %s", who) << 0 << 4096 << access;
            QTest::addRow("inside the header, %s", who) << 0 << 60 << access;
        }
    }

    void refusesTruncatedDatabase()
    {
        QFETCH(int, keepPercent);
        QFETCH(int, extraBytes);
        QFETCH(Database::Access, access);

        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        fillMessages(p.db(), p.accountId(), 600);
        const QString path = p.db().filePath();
        p.close(); // checkpoints and removes the WAL
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

        QFile file(path);
        const qint64 size = file.size();
        const qint64 keep = (size * keepPercent / 4096 / 100) * 4096 + extraBytes;
        QVERIFY(keep > 0 && keep < size);
        QVERIFY(file.resize(keep));
        const QByteArray before = fileDigest(path);

        auto opened = Database::open(p.path(), {access, false, 5000});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), StoreError::Code::Corrupt);
        QVERIFY2(opened.error().message().contains(QStringLiteral("damaged")),
                 qPrintable(opened.error().message()));
        QCOMPARE(fileDigest(path), before);
        QCOMPARE(QFileInfo(path).size(), keep);
    }

    void detectsDamagedPages()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        fillMessages(p.db(), p.accountId(), 600);
        const QString path = p.db().filePath();
        p.close();

        // Overwrite pages in the middle, keeping the size and the header.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(file.seek((size / 4096 / 2) * 4096));
        file.write(QByteArray(3 * 4096, '\x5a'));
        file.close();
        const QByteArray before = fileDigest(path);

        Database::Options verify;
        verify.verifyIntegrity = true;
        for (const auto access : {Database::Access::ReadWrite, Database::Access::ReadOnly}) {
            verify.access = access;
            auto opened = Database::open(p.path(), verify);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code(), StoreError::Code::Corrupt);
            QCOMPARE(fileDigest(path), before);
        }
    }

    void refusesDamagedSchemaPage()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        const QString path = p.db().filePath();
        p.close();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(100)); // page 1 after the header: the schema table
        file.write(QByteArray(2000, '\xff'));
        file.close();
        const QByteArray before = fileDigest(path);
        auto opened = Database::open(p.path());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), StoreError::Code::Corrupt);
        QCOMPARE(fileDigest(path), before);
    }

    void refusesAnotherProgramsSqlite()
    {
        QTemporaryDir temp;
        const QString path = Database::filePathIn(temp.path());
        QVERIFY(rawExec(path, {QStringLiteral("CREATE TABLE notes (text TEXT)"),
                               QStringLiteral("INSERT INTO notes VALUES ('mine')")}));
        const QByteArray before = fileDigest(path);
        auto opened = Database::open(temp.path());
        QCOMPARE(opened.error().code(), StoreError::Code::NotADatabase);
        QVERIFY(opened.error().message().contains(QStringLiteral("another program")));
        QCOMPARE(fileDigest(path), before);
    }

    void refusesNewerSchema_data()
    {
        QTest::addColumn<Database::Access>("access");
        QTest::newRow("writer") << Database::Access::ReadWrite;
        QTest::newRow("reader") << Database::Access::ReadOnly;
    }

    void refusesNewerSchema()
    {
        QFETCH(Database::Access, access);
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        const QString path = p.db().filePath();
        p.close();
        const int newer = Schema::latestVersion() + 1;
        QVERIFY(rawExec(path, {QStringLiteral("PRAGMA user_version = %1").arg(newer)}));
        const QByteArray before = fileDigest(path);

        auto opened = Database::open(p.path(), {access, false, 5000});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), StoreError::Code::NewerSchema);
        QVERIFY2(opened.error().message().contains(QStringLiteral("newer version")),
                 qPrintable(opened.error().message()));
        QVERIFY(opened.error().message().contains(QString::number(newer)));
        QCOMPARE(fileDigest(path), before);
    }

    void secondWriterInProcessIsRefused()
    {
        QTemporaryDir temp;
        auto first = Database::open(temp.path());
        QVERIFY(first.ok());
        auto second = Database::open(temp.path());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), StoreError::Code::Locked);
        const QString message = second.error().message();
        QVERIFY2(message.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(message));
        QVERIFY(message.contains(QDir::toNativeSeparators(temp.path())));

        first.value().reset();
        auto third = Database::open(temp.path());
        QVERIFY2(third.ok(), qPrintable(third.error().toString()));
    }

    void readersWorkWhileTheWriterRuns()
    {
        TempProfile p;
        QVERIFY2(p.isValid(), qPrintable(p.error()));
        MessageStore writerStore(p.db());
        QVERIFY(
            writerStore.insertIncoming(incoming(p.accountId(), "sip:a@example.com", "one", "c1"))
                .isStored());

        const Database::Options readOnly{Database::Access::ReadOnly, false, 5000};
        auto r1 = Database::open(p.path(), readOnly);
        auto r2 = Database::open(p.path(), readOnly);
        QVERIFY2(r1.ok(), qPrintable(r1.error().toString()));
        QVERIFY2(r2.ok(), qPrintable(r2.error().toString()));
        QVERIFY(r1.value()->isReadOnly());
        QVERIFY(r1.value()->connectionName() != r2.value()->connectionName());
        QVERIFY(r1.value()->connectionName() != p.db().connectionName());

        MessageStore reader(*r1.value());
        QCOMPARE(reader.history({}, 0).value().size(), 1);
        QVERIFY(
            writerStore.insertIncoming(incoming(p.accountId(), "sip:a@example.com", "two", "c2"))
                .isStored());
        QCOMPARE(reader.history({}, 0).value().size(), 2);
        QCOMPARE(MessageStore(*r2.value()).history({}, 0).value().size(), 2);

        const InsertOutcome refused =
            reader.insertIncoming(incoming(p.accountId(), "sip:a@example.com", "x", "c3"));
        QCOMPARE(refused.kind, InsertOutcome::Kind::Failed);
        QCOMPARE(refused.error.code(), StoreError::Code::ReadOnly);
    }

    void readerNeverCreatesAnything()
    {
        QTemporaryDir temp;
        const Database::Options readOnly{Database::Access::ReadOnly, false, 5000};
        auto empty = Database::open(temp.path(), readOnly);
        QCOMPARE(empty.error().code(), StoreError::Code::NotFound);
        QVERIFY(QDir(temp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());

        const QString missing = temp.filePath(QStringLiteral("missing"));
        auto none = Database::open(missing, readOnly);
        QCOMPARE(none.error().code(), StoreError::Code::NotFound);
        QVERIFY(!QFileInfo::exists(missing));
    }

    void writerLockAcrossProcesses()
    {
        QTemporaryDir temp;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kHoldWriterVariable), temp.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(10000));
        const QByteArray line = child.readLine().trimmed();
        QVERIFY2(line.startsWith("ready "), line.constData());
        const QByteArray childPid = line.mid(6);

        auto refused = Database::open(temp.path());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), StoreError::Code::Locked);
        QVERIFY2(refused.error().message().contains(QString::fromLatin1(childPid)),
                 qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QStringLiteral("tst_Database")));

        auto reader = Database::open(temp.path(), {Database::Access::ReadOnly, false, 5000});
        QVERIFY2(reader.ok(), qPrintable(reader.error().toString()));
        reader.value().reset();

        // A writer that dies (SIGKILL) leaves a stale lock that is taken over.
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        auto after = Database::open(temp.path());
        QVERIFY2(after.ok(), qPrintable(after.error().toString()));
    }

    void manyInstancesInOneProcess()
    {
        TempProfile a;
        TempProfile b;
        QVERIFY(a.isValid() && b.isValid());
        QVERIFY(a.db().connectionName() != b.db().connectionName());
        fillMessages(a.db(), a.accountId(), 3);
        fillMessages(b.db(), b.accountId(), 5);
        QCOMPARE(MessageStore(a.db()).history({}, 0).value().size(), 3);
        QCOMPARE(MessageStore(b.db()).history({}, 0).value().size(), 5);
        // Close and reopen repeatedly: connection names are never reused.
        for (int i = 0; i < 5; ++i) {
            QVERIFY(a.reopen());
        }
        QCOMPARE(MessageStore(a.db()).history({}, 0).value().size(), 3);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray hold = qgetenv(kHoldWriterVariable);
    if (!hold.isEmpty()) {
        return holdWriter(QString::fromLocal8Bit(hold));
    }
    TestDatabase test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_Database.moc"
