// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore where no keychain service runs, as on CI: no D-Bus session bus
// (the address points at a socket that does not exist) and no display to
// start one from. Passwords are then kept in memory for this run only, the
// store says so, and nothing reaches the disk.
//
// The keychain path itself (a running Secret Service) is not exercised here:
// none is installed on the test machines.

#include "secrets/SecretStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace tidings;

namespace {

// The service name of these tests, so a developer's real keychain (if the
// test ever reached one) keeps no entry under the application's name.
const QString kService = QStringLiteral("org.tidings.Tidings.tests");

// Runs one operation and waits for its callback; Failed with a reason when
// none came.
SecretResult await(const std::function<void(SecretStore::Callback)> &operation)
{
    std::optional<SecretResult> result;
    operation([&result](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30000))
        return {SecretResult::Status::Failed, {}, false, QStringLiteral("no answer in 30 s")};
    return *result;
}

// Every file below `dir` whose bytes contain `secret` (in UTF-8 or UTF-16).
QStringList filesContaining(const QString &dir, const QString &secret)
{
    QStringList found;
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()),
                           secret.size() * qsizetype(sizeof(char16_t)));
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            if (content.contains(utf8) || content.contains(utf16))
                found << file.fileName();
        }
    }
    return found;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void accountKeyIsTheCanonicalAor_data()
    {
        QTest::addColumn<QString>("aor");
        QTest::addColumn<QString>("key");
        QTest::newRow("plain") << "sip:alice@example.com"
                               << "sip:alice@example.com";
        // RFC 3261 §19.1.4: the host is case-insensitive; the transport
        // parameter and the default port do not make another account.
        QTest::newRow("host case, transport, default port")
            << "sip:alice@EXAMPLE.com:5060;transport=tls"
            << "sip:alice@example.com";
        QTest::newRow("not a URI: as written") << "  alice  "
                                               << "alice";
    }

    void accountKeyIsTheCanonicalAor()
    {
        QFETCH(QString, aor);
        QFETCH(QString, key);
        QCOMPARE(SecretStore::accountKey(aor), key);
    }

    void serviceIsTheApplicationId()
    {
        SecretStore store;
        QCOMPARE(store.service(), QStringLiteral("org.tidings.Tidings"));
    }

    void withoutAKeychainSecretsLiveInMemory()
    {
        SecretStore store(kService);
        QSignalSpy lost(&store, &SecretStore::persistenceLost);
        QVERIFY(store.persistent()); // nothing tried yet
        const QString key = SecretStore::accountKey(QStringLiteral("sip:alice@example.com"));
        const QString secret =
            QStringLiteral("Tidings-Secret-Ω-%1").arg(QCoreApplication::applicationPid());

        const auto written =
            await([&](SecretStore::Callback done) { store.write(key, secret, std::move(done)); });
        QCOMPARE(written.status, SecretResult::Status::Ok);
        QVERIFY(!written.persistent);
        QVERIFY(!written.error.isEmpty());
        QVERIFY(!store.persistent());
        // What the GUI shows: in memory only, asked again next start.
        QVERIFY2(store.backendError().contains(QStringLiteral("memory only")),
                 qPrintable(store.backendError()));
        QVERIFY2(store.backendError().contains(QStringLiteral("asked again")),
                 qPrintable(store.backendError()));
        QCOMPARE(lost.count(), 1);
        qInfo("keychain: %s", qPrintable(store.backendError()));

        const auto read =
            await([&](SecretStore::Callback done) { store.read(key, std::move(done)); });
        QCOMPARE(read.status, SecretResult::Status::Ok);
        QCOMPARE(read.secret, secret);
        QVERIFY(!read.persistent);

        // Another key was never written.
        const auto other = await([&](SecretStore::Callback done) {
            store.read(QStringLiteral("sip:bob@example.com"), std::move(done));
        });
        QCOMPARE(other.status, SecretResult::Status::NotFound);

        // Overwriting replaces it.
        const QString changed = secret + QStringLiteral("-changed");
        QVERIFY(await([&](SecretStore::Callback done) {
                    store.write(key, changed, std::move(done));
                }).ok());
        QCOMPARE(
            await([&](SecretStore::Callback done) { store.read(key, std::move(done)); }).secret,
            changed);

        const auto removed =
            await([&](SecretStore::Callback done) { store.remove(key, std::move(done)); });
        QCOMPARE(removed.status, SecretResult::Status::Ok);
        const auto gone =
            await([&](SecretStore::Callback done) { store.read(key, std::move(done)); });
        QCOMPARE(gone.status, SecretResult::Status::NotFound);
        QCOMPARE(lost.count(), 1); // said once
    }

    void memoryIsPerStore()
    {
        // A new SecretStore (the next start) has nothing: the password is
        // asked again.
        const QString key = QStringLiteral("sip:carol@example.com");
        {
            SecretStore first(kService);
            QVERIFY(await([&](SecretStore::Callback done) {
                        first.write(key, QStringLiteral("only-this-run"), std::move(done));
                    }).ok());
        }
        SecretStore second(kService);
        const auto read =
            await([&](SecretStore::Callback done) { second.read(key, std::move(done)); });
        QCOMPARE(read.status, SecretResult::Status::NotFound);
        QVERIFY(!second.persistent());
    }

    void callbacksNeverRunInsideTheCall()
    {
        SecretStore store(kService);
        QVERIFY(await([&](SecretStore::Callback done) {
                    store.write(QStringLiteral("k"), QStringLiteral("v"), std::move(done));
                }).ok());
        bool called = false;
        store.read(QStringLiteral("k"), [&called](const SecretResult &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(called, 30000);
    }

    void nothingReachesTheDisk()
    {
        // HOME and the XDG directories point into a temporary directory (see
        // main()), and the profile (its database, with the account) is there
        // too. After the account's password is written and read, no file
        // anywhere below holds its bytes.
        QVERIFY(qEnvironmentVariable("HOME").startsWith(m_home.path()));
        const QString profile = m_home.filePath(QStringLiteral("profile"));
        auto db = Database::open(profile);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        Account account;
        account.aor = QStringLiteral("sip:dave@example.com");
        QVERIFY(AccountStore(*db.value()).add(account).ok());
        const QString key = SecretStore::accountKey(account.aor);
        const QString secret =
            QStringLiteral("Never-On-Disk-7f3a-%1").arg(QCoreApplication::applicationPid());
        {
            SecretStore store(kService);
            QVERIFY(await([&](SecretStore::Callback done) {
                        store.write(key, secret, std::move(done));
                    }).ok());
            QCOMPARE(
                await([&](SecretStore::Callback done) { store.read(key, std::move(done)); }).secret,
                secret);
        }
        db.value().reset();
        QVERIFY(QFile::exists(Database::filePathIn(profile)));
        QCOMPARE(filesContaining(m_home.path(), secret), QStringList());

        // The scan does find the bytes where they are.
        QFile control(m_home.filePath(QStringLiteral("profile/control.txt")));
        QVERIFY(control.open(QIODevice::WriteOnly));
        control.write("x" + secret.toUtf8() + "y");
        control.close();
        QCOMPARE(filesContaining(m_home.path(), secret), QStringList{control.fileName()});
        QVERIFY(control.remove());
    }

public:
    QTemporaryDir m_home;
};

int main(int argc, char *argv[])
{
    TestSecretStore test;
    if (!test.m_home.isValid())
        return 1;
    // No keychain service: a session bus address where nothing listens, no
    // display to autolaunch one from, and the settings and data directories
    // (where an insecure fallback would write) inside the temporary HOME.
    const QByteArray home = test.m_home.path().toLocal8Bit();
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home + "/no-such-bus");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", home + "/config");
    qputenv("XDG_DATA_HOME", home + "/data");
    qputenv("XDG_RUNTIME_DIR", home + "/runtime");
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tidings"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_SecretStore"));
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_SecretStore.moc"
