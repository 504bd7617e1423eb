// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "DatabaseFile.h"
#include "Schema.h"
#include "Sql.h"
#include "WriterLock.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace tidings {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("tidings-store-%1").arg(++counter);
}

} // namespace

QString Database::filePathIn(const QString &profileDirectory)
{
    return QDir(profileDirectory).filePath(QString::fromLatin1(fileName));
}

Database::Database(QString directory, Access access)
    : m_directory(std::move(directory))
    , m_filePath(filePathIn(m_directory))
    , m_connectionName(nextConnectionName())
    , m_access(access)
{}

Database::~Database()
{
    if (m_db.isValid()) {
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreResult<std::unique_ptr<Database>> Database::open(const QString &profileDirectory)
{
    return open(profileDirectory, Options{});
}

StoreResult<std::unique_ptr<Database>> Database::open(const QString &profileDirectory,
                                                      const Options &options)
{
    if (profileDirectory.isEmpty()) {
        return StoreError(StoreError::Code::InvalidArgument, tr("No profile directory was given."));
    }
    const QString directory = QDir::cleanPath(QDir::current().absoluteFilePath(profileDirectory));
    const QString shown = QDir::toNativeSeparators(directory);
    const bool writer = options.access == Access::ReadWrite;

    const QFileInfo directoryInfo(directory);
    if (!directoryInfo.isDir()) {
        if (!writer) {
            return StoreError(StoreError::Code::NotFound,
                              tr("There is no profile at %1.").arg(shown));
        }
        if (directoryInfo.exists() || !QDir().mkpath(directory)) {
            return StoreError(StoreError::Code::Io,
                              tr("Could not create the profile directory %1.").arg(shown));
        }
    }

    std::unique_ptr<Database> db(new Database(directory, options.access));
    if (writer) {
        auto lock = WriterLock::acquire(directory);
        if (!lock) {
            return lock.error();
        }
        db->m_lock = std::move(lock).value();
    }

    const QString file = QDir::toNativeSeparators(db->m_filePath);
    const DatabaseFile inspected = DatabaseFile::inspect(db->m_filePath);
    switch (inspected.state()) {
    case DatabaseFile::State::Missing:
    case DatabaseFile::State::Empty:
        if (!writer) {
            return StoreError(StoreError::Code::NotFound,
                              tr("There is no message history in the profile %1 yet.").arg(shown));
        }
        break;
    case DatabaseFile::State::Unreadable:
        return StoreError(StoreError::Code::Io,
                          tr("The database %1 cannot be read (check its permissions).").arg(file));
    case DatabaseFile::State::NotSqlite:
        return StoreError(StoreError::Code::NotADatabase,
                          tr("The file %1 is not a Tidings database. It was left unchanged; move "
                             "it away to start a new history.")
                              .arg(file));
    case DatabaseFile::State::Damaged:
        return db->damaged(inspected.damage());
    case DatabaseFile::State::Valid:
        break;
    }

    if (auto connected = db->connect(options.busyTimeoutMs); !connected) {
        return connected.error();
    }
    if (auto schema = db->inspectSchema(options.verifyIntegrity); !schema) {
        return schema.error();
    }
    auto prepared = writer ? db->prepareWriter() : db->prepareReader();
    if (!prepared) {
        return prepared.error();
    }
    return db;
}

StoreResult<void> Database::connect(int busyTimeoutMs)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        return StoreError(StoreError::Code::Io,
                          tr("The SQLite driver of Qt Sql is not installed (on Debian and "
                             "Ubuntu: the package libqt6sql6-sqlite)."));
    }
    m_db.setDatabaseName(m_filePath);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, busyTimeoutMs));
    if (isReadOnly()) {
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    m_db.setConnectOptions(options);
    const QString action =
        tr("Could not open the database %1.").arg(QDir::toNativeSeparators(m_filePath));
    if (!m_db.open()) {
        return StoreError::fromSql(m_db.lastError(), action);
    }
    // 32 MiB of page cache (SQLite's default is 2 MiB): the indexes a
    // search or a group commit touches stay in memory.
    return Sql::exec(m_db, QStringLiteral("PRAGMA cache_size = -32768"), action);
}

StoreError Database::damaged(const QString &why) const
{
    return StoreError(StoreError::Code::Corrupt,
                      tr("The database %1 is damaged (%2). It was left unchanged; restore it "
                         "from a backup, or move it away to start a new history.")
                          .arg(QDir::toNativeSeparators(m_filePath), why));
}

// Reads what the file is, without writing: anything SQLite cannot read,
// another program's database and a newer schema stop here.
StoreResult<void> Database::inspectSchema(bool verifyIntegrity)
{
    const QString action =
        tr("Could not read the database %1.").arg(QDir::toNativeSeparators(m_filePath));
    auto objects = Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM sqlite_master"), action);
    if (!objects) {
        if (objects.error().code() == StoreError::Code::Corrupt) {
            return damaged(objects.error().detail());
        }
        return objects.error();
    }
    auto version = Sql::scalar(m_db, QStringLiteral("PRAGMA user_version"), action);
    auto appId = Sql::scalar(m_db, QStringLiteral("PRAGMA application_id"), action);
    if (!version || !appId) {
        return !version ? version.error() : appId.error();
    }
    m_schemaVersion = version.value().toInt();
    const bool empty = objects.value().toLongLong() == 0;
    const bool ours = appId.value().toLongLong() == Schema::applicationId;
    if ((m_schemaVersion == 0 && !empty) || (m_schemaVersion > 0 && !ours)) {
        return StoreError(StoreError::Code::NotADatabase,
                          tr("The file %1 is an SQLite database of another program, not a "
                             "Tidings database. It was left unchanged.")
                              .arg(QDir::toNativeSeparators(m_filePath)));
    }
    if (m_schemaVersion > Schema::latestVersion()) {
        return StoreError(StoreError::Code::NewerSchema,
                          tr("The database %1 was written by a newer version of Tidings (schema "
                             "version %2; this version understands up to %3). It was left "
                             "unchanged; update Tidings to open it.")
                              .arg(QDir::toNativeSeparators(m_filePath))
                              .arg(m_schemaVersion)
                              .arg(Schema::latestVersion()));
    }
    if (verifyIntegrity) {
        if (auto healthy = checkIntegrity(); !healthy) {
            return healthy;
        }
    }
    return {};
}

StoreResult<void> Database::prepareWriter()
{
    const QString action = tr("Could not prepare the database %1 for writing.")
                               .arg(QDir::toNativeSeparators(m_filePath));
    auto mode = Sql::scalar(m_db, QStringLiteral("PRAGMA journal_mode = WAL"), action);
    if (!mode) {
        return mode.error();
    }
    if (mode.value().toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return StoreError(
            StoreError::Code::Io,
            tr("%1 The file system does not support SQLite's write-ahead log.").arg(action));
    }
    const QString pragmas[] = {
        // A commit is on disk before it returns: an incoming message is never
        // answered 2xx before it is durable
        // (https://www.sqlite.org/pragma.html#pragma_synchronous).
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // Checkpoint every 8192 pages (32 MiB with 4 KiB pages) instead of
        // SQLite's 1000: a page written by many small transactions (an index
        // leaf, a conversation row) goes back to the database file once per
        // checkpoint, so group commits stay cheap. The log is cut back to
        // 64 MiB after a checkpoint.
        QStringLiteral("PRAGMA wal_autocheckpoint = 8192"),
        QStringLiteral("PRAGMA journal_size_limit = 67108864"),
    };
    for (const QString &pragma : pragmas) {
        if (auto done = Sql::exec(m_db, pragma, action); !done) {
            return done;
        }
    }
    if (m_schemaVersion < Schema::latestVersion()) {
        if (auto migrated = Schema::migrate(m_db, m_schemaVersion, Schema::latestVersion());
            !migrated) {
            return migrated;
        }
        m_schemaVersion = Schema::latestVersion();
    }
    return {};
}

StoreResult<void> Database::prepareReader()
{
    if (m_schemaVersion == 0) {
        return StoreError(StoreError::Code::NotFound,
                          tr("There is no message history in the profile %1 yet.")
                              .arg(QDir::toNativeSeparators(m_directory)));
    }
    if (m_schemaVersion < Schema::latestVersion()) {
        return StoreError(StoreError::Code::OlderSchema,
                          tr("The database %1 was written by an older version of Tidings and "
                             "needs an upgrade; start Tidings (or tidings-cli listen) on this "
                             "profile once to upgrade it.")
                              .arg(QDir::toNativeSeparators(m_filePath)));
    }
    return Sql::exec(m_db, QStringLiteral("PRAGMA query_only = ON"),
                     tr("Could not open the database %1 for reading.")
                         .arg(QDir::toNativeSeparators(m_filePath)));
}

StoreResult<void> Database::checkIntegrity() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString action =
        tr("Could not check the database %1.").arg(QDir::toNativeSeparators(m_filePath));
    if (!query.exec(QStringLiteral("PRAGMA quick_check(20)"))) {
        const StoreError error = StoreError::fromSql(query.lastError(), action);
        return error.code() == StoreError::Code::Corrupt ? damaged(error.detail()) : error;
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok")) {
            problems << line;
        }
    }
    if (query.lastError().isValid()) {
        return damaged(query.lastError().databaseText());
    }
    if (!problems.isEmpty()) {
        return damaged(problems.mid(0, 3).join(QStringLiteral("; ")));
    }
    return {};
}

StoreResult<qint64> Database::sizeOnDisk() const
{
    const QString action = tr("Could not measure the database.");
    auto pages = Sql::scalar(m_db, QStringLiteral("PRAGMA page_count"), action);
    auto free = Sql::scalar(m_db, QStringLiteral("PRAGMA freelist_count"), action);
    auto pageSize = Sql::scalar(m_db, QStringLiteral("PRAGMA page_size"), action);
    if (!pages || !free || !pageSize) {
        return !pages ? pages.error() : (!free ? free.error() : pageSize.error());
    }
    const qint64 used =
        (pages.value().toLongLong() - free.value().toLongLong()) * pageSize.value().toLongLong();
    return used + QFileInfo(m_filePath + QStringLiteral("-wal")).size();
}

StoreError Database::readOnlyError() const
{
    return StoreError(StoreError::Code::ReadOnly,
                      tr("The history is open read-only; nothing can be changed."));
}

} // namespace tidings
