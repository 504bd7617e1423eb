// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlError;

namespace tidings {

// Why a store operation failed, as a value: a sentence a user understands
// (message) and, when SQLite said something, its own text (detail), e.g.
// "Could not store the message: the disk is full." / "database or disk is full".
class StoreError
{
    Q_DECLARE_TR_FUNCTIONS(StoreError)

public:
    enum class Code
    {
        None,
        InvalidArgument, // the caller passed something unusable (an unparsable URI, ...)
        NotFound,        // no such row, or no database file
        Duplicate,       // a unique value already exists (a contact, an account)
        InvalidState,    // e.g. retrying a message that has not failed
        Locked,          // another process writes this profile
        Busy,            // SQLite stayed busy longer than the busy timeout
        ReadOnly,        // a write on a read-only database
        NotADatabase,    // the file is not SQLite, or not a Tidings database
        Corrupt,         // the database is damaged (truncated, malformed)
        NewerSchema,     // written by a newer Tidings
        OlderSchema,     // needs an upgrade a read-only opener cannot do
        Constraint,      // another rule of the schema (NOT NULL, CHECK, FOREIGN KEY)
        DiskFull,
        Io,
        Format, // an import file that is not a Tidings export
        Sql,    // any other SQLite error
    };

    StoreError() = default;
    StoreError(Code code, QString message, QString detail = {});

    // Maps a Qt Sql error to a Code from SQLite's result code. `action` is the
    // sentence that says what failed ("Could not store the message."); the
    // reason in words is appended and the SQLite text kept as detail().
    static StoreError fromSql(const QSqlError &error, const QString &action);
    // The primary SQLite result code of a Qt Sql error (0 when unknown).
    static int sqliteCode(const QSqlError &error);

    bool isNull() const { return m_code == Code::None; }
    Code code() const { return m_code; }
    QString message() const { return m_message; }
    QString detail() const { return m_detail; }
    // message(), plus the SQLite text in parentheses when there is one.
    QString toString() const;

private:
    Code m_code = Code::None;
    QString m_message;
    QString m_detail;
};

} // namespace tidings
