// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace tidings {

class WriterLock;

// One SQLite database per profile directory (<profile>/tidings.sqlite) through
// Qt Sql, with its own connection (a unique QSqlDatabase connection name), so
// any number of Database objects can live in one process.
//
// A writer (Access::ReadWrite) holds the profile's WriterLock, creates the
// file when missing, sets WAL mode, synchronous=FULL (a committed transaction
// survives power loss), foreign keys and a busy timeout, and migrates the
// schema forward. Readers (Access::ReadOnly: history, search) never create or
// change anything and work while a writer runs (WAL).
//
// Nothing is ever written to a file that is not a healthy Tidings database of
// a version this build understands: the SQLite header is checked before
// SQLite opens the file, the schema is read before any write, and a database
// from a newer Tidings is refused.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Access
    {
        ReadWrite,
        ReadOnly,
    };

    struct Options
    {
        Access access = Access::ReadWrite;
        // PRAGMA quick_check at open: reads the whole file, so it costs time
        // in proportion to the history's size. checkIntegrity() runs it later.
        bool verifyIntegrity = false;
        int busyTimeoutMs = 5000;
    };

    static constexpr const char *fileName = "tidings.sqlite";

    // The database path inside a profile directory.
    static QString filePathIn(const QString &profileDirectory);

    static StoreResult<std::unique_ptr<Database>> open(const QString &profileDirectory);
    static StoreResult<std::unique_ptr<Database>> open(const QString &profileDirectory,
                                                       const Options &options);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const { return m_db; }
    QString connectionName() const { return m_connectionName; }
    QString directory() const { return m_directory; }
    QString filePath() const { return m_filePath; }
    Access access() const { return m_access; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    int schemaVersion() const { return m_schemaVersion; }

    // PRAGMA quick_check; a Corrupt error listing the first problems.
    StoreResult<void> checkIntegrity() const;
    // Bytes the database uses: pages in use times the page size, plus the WAL.
    StoreResult<qint64> sizeOnDisk() const;

    // The error every write on a read-only Database returns.
    StoreError readOnlyError() const;

private:
    Database(QString directory, Access access);
    StoreResult<void> connect(int busyTimeoutMs);
    StoreResult<void> inspectSchema(bool verifyIntegrity);
    StoreResult<void> prepareWriter();
    StoreResult<void> prepareReader();
    StoreError damaged(const QString &why) const;

    QString m_directory;
    QString m_filePath;
    QString m_connectionName;
    QSqlDatabase m_db;
    Access m_access;
    int m_schemaVersion = 0;
    std::unique_ptr<WriterLock> m_lock;
};

} // namespace tidings
