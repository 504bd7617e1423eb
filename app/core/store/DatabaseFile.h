// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace tidings {

// What is on disk at a database path, read from the 100-byte SQLite header
// without opening the file through SQLite, so a file that is not ours is
// recognised before anything could write to it
// (https://www.sqlite.org/fileformat2.html#the_database_header).
class DatabaseFile
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseFile)

public:
    enum class State
    {
        Missing,    // no file
        Empty,      // zero bytes: SQLite treats it as a new database
        Unreadable, // exists but cannot be read (permissions, a directory)
        NotSqlite,  // no SQLite magic string
        Damaged,    // SQLite magic, but truncated or an impossible header
        Valid,
    };

    static DatabaseFile inspect(const QString &path);

    State state() const { return m_state; }
    qint64 size() const { return m_size; }
    int pageSize() const { return m_pageSize; }
    // Pages the header says the file has; 0 when that field is not valid.
    qint64 headerPageCount() const { return m_headerPageCount; }
    // Header bytes 18-19 are 2 in WAL mode.
    bool walMode() const { return m_walMode; }
    // Why the state is Damaged, in words (empty otherwise).
    QString damage() const { return m_damage; }

private:
    State m_state = State::Missing;
    qint64 m_size = 0;
    int m_pageSize = 0;
    qint64 m_headerPageCount = 0;
    bool m_walMode = false;
    QString m_damage;
};

} // namespace tidings
