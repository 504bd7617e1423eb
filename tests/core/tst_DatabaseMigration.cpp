// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"

#include "store/AccountStore.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageSearch.h"
#include "store/MessageStore.h"
#include "store/Schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace tidings;
using namespace tidings::test;

namespace {

// What a database of each schema version holds, written with that version's
// SQL, and how to check it survived the migrations to the latest version.
// A new schema version adds an entry here (its tables' sample rows), so every
// upgrade path is tested with data in every table that existed on it.
struct VersionFixture
{
    int version;
    QStringList seed;
    std::function<void(Database &)> verify;
};

const QList<VersionFixture> &fixtures()
{
    static const QList<VersionFixture> list = {
        {1,
         {
             QStringLiteral("INSERT INTO accounts (id, aor, aor_key, display_name, created_at, "
                            "updated_at) VALUES (7, 'sip:old@example.com', "
                            "'sip:old@example.com', 'Old', 1, 1)"),
             QStringLiteral("INSERT INTO contacts (account_id, uri, contact_key, display_name, "
                            "created_at, updated_at) VALUES (7, 'sip:friend@example.com', "
                            "'sip:friend@example.com', 'Friend', 1, 1)"),
             QStringLiteral("INSERT INTO conversations (id, account_id, peer_key, peer_uri, "
                            "created_at) VALUES (3, 7, 'sip:friend@example.com', "
                            "'sip:friend@example.com', 1)"),
             QStringLiteral("INSERT INTO messages (uid, account_id, conversation_id, peer_uri, "
                            "direction, body, content_type, call_id, from_tag, cseq, sort_time, "
                            "received_at, state) VALUES (x'00112233445566778899aabbccddeeff', 7, "
                            "3, 'sip:friend@example.com', 0, 'remember the migration', "
                            "'text/plain', 'mig-1', 'ft', 1, 1767225600000, 1767225600000, 0)"),
         },
         [](Database &db) {
             const auto old = AccountStore(db).find(7).value();
             QCOMPARE(old.aor, QStringLiteral("sip:old@example.com"));
             QCOMPARE(old.listenPort, 0); // the version 2 defaults
             QVERIFY(old.tlsCaFile.isEmpty());
             const auto history = MessageStore(db).history({}, 0).value();
             QCOMPARE(history.size(), 1);
             QCOMPARE(history.first().body, QStringLiteral("remember the migration"));
             const auto hits = MessageSearch(db).search(QStringLiteral("migration")).value();
             QCOMPARE(hits.size(), 1);
         }},
        {2,
         {
             QStringLiteral("INSERT INTO accounts (id, aor, aor_key, display_name, created_at, "
                            "updated_at, register, tls_ca_file, listen_port, removed) VALUES (8, "
                            "'sip:me@192.0.2.7:5062', 'sip:me@192.0.2.7:5062', 'Me', 1, 1, 0, "
                            "'/etc/ssl/own-ca.pem', 5062, 1)"),
             QStringLiteral("UPDATE conversations SET peer_display_name = 'Friendly' WHERE id = 3"),
         },
         [](Database &db) {
             const auto me = AccountStore(db).find(8).value();
             QCOMPARE(me.tlsCaFile, QStringLiteral("/etc/ssl/own-ca.pem"));
             QCOMPARE(me.listenPort, 5062);
             QVERIFY(me.removed);
             QVERIFY(!me.registerAccount);
             QCOMPARE(ConversationStore(db).find(3).value().peerDisplayName,
                      QStringLiteral("Friendly"));
         }},
    };
    return list;
}

bool buildVersion(const QString &path, int version)
{
    const QString name = QStringLiteral("build-v%1").arg(version);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && Schema::migrate(db, 0, version).ok();
        for (const VersionFixture &fixture : fixtures()) {
            if (fixture.version > version) {
                continue;
            }
            for (const QString &statement : fixture.seed) {
                QSqlQuery q(db);
                if (ok && !q.exec(statement)) {
                    qWarning() << statement << q.lastError().text();
                    ok = false;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QStringList column(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db.connection());
    if (!q.exec(sql)) {
        return {QStringLiteral("error: ") + q.lastError().text()};
    }
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

} // namespace

class TestDatabaseMigration : public QObject
{
    Q_OBJECT

private slots:
    void everyVersionHasAFixture()
    {
        for (int v = 1; v <= Schema::latestVersion(); ++v) {
            const bool found = std::any_of(fixtures().cbegin(), fixtures().cend(),
                                           [v](const VersionFixture &f) { return f.version == v; });
            QVERIFY2(found, qPrintable(QStringLiteral("no fixture for schema version %1").arg(v)));
        }
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        // 0 is an empty file; then every version a released build may have left.
        for (int v = 0; v <= Schema::latestVersion(); ++v) {
            QTest::addRow("from version %d", v) << v;
        }
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir temp;
        const QString path = Database::filePathIn(temp.path());
        QVERIFY(buildVersion(path, fromVersion));

        auto opened = Database::open(temp.path());
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        Database &db = *opened.value();
        QCOMPARE(db.schemaVersion(), Schema::latestVersion());

        for (const VersionFixture &fixture : fixtures()) {
            if (fixture.version <= fromVersion) {
                fixture.verify(db);
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
        }
        QCOMPARE(column(db, QStringLiteral("PRAGMA integrity_check")), QStringList{"ok"});
        QCOMPARE(column(db, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
        // Both full-text indexes agree with the messages table.
        for (const char *table : {"messages_words", "messages_trigrams"}) {
            QSqlQuery q(db.connection());
            QVERIFY2(
                q.exec(QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('integrity-check', 1)")
                           .arg(QLatin1String(table))),
                qPrintable(q.lastError().text()));
        }

        // Opening again changes nothing.
        opened.value().reset();
        auto again = Database::open(temp.path());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->schemaVersion(), Schema::latestVersion());
    }

    void everyVersionBuildsTheSameSchemaAsAFreshOne()
    {
        QTemporaryDir fresh;
        auto freshDb = Database::open(fresh.path());
        QVERIFY(freshDb.ok());
        const QString schemaSql =
            QStringLiteral("SELECT type || ' ' || name FROM sqlite_master ORDER BY type, name");
        const QStringList expected = column(*freshDb.value(), schemaSql);
        QVERIFY(expected.contains(QStringLiteral("table messages")));
        for (int v = 0; v < Schema::latestVersion(); ++v) {
            QTemporaryDir temp;
            QVERIFY(buildVersion(Database::filePathIn(temp.path()), v));
            auto migrated = Database::open(temp.path());
            QVERIFY(migrated.ok());
            QCOMPARE(column(*migrated.value(), schemaSql), expected);
        }
    }

    void refusesImpossibleRanges()
    {
        QTemporaryDir temp;
        auto opened = Database::open(temp.path());
        QVERIFY(opened.ok());
        const QSqlDatabase db = opened.value()->connection();
        QCOMPARE(Schema::migrate(db, 0, Schema::latestVersion() + 1).error().code(),
                 StoreError::Code::InvalidArgument);
        QCOMPARE(Schema::migrate(db, 2, 1).error().code(), StoreError::Code::InvalidArgument);
        QCOMPARE(Schema::migrate(db, -1, 1).error().code(), StoreError::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseMigration)
#include "tst_DatabaseMigration.moc"
