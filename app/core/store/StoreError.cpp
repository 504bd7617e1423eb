// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreError.h"

#include <QSqlError>

namespace tidings {

namespace {

// Primary result codes, https://www.sqlite.org/rescode.html
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteNoMem = 7;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADb = 26;

} // namespace

StoreError::StoreError(Code code, QString message, QString detail)
    : m_code(code)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{}

int StoreError::sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // Extended result codes carry the primary code in their low byte.
    return ok ? (code & 0xff) : 0;
}

StoreError StoreError::fromSql(const QSqlError &error, const QString &action)
{
    QString detail = error.databaseText();
    if (detail.isEmpty()) {
        detail = error.driverText();
    }
    Code code = Code::Sql;
    QString reason;
    switch (sqliteCode(error)) {
    case kSqliteFull:
        code = Code::DiskFull;
        reason = tr("the disk is full");
        break;
    case kSqliteIoErr:
    case kSqliteCantOpen:
        code = Code::Io;
        reason = tr("the database file could not be read or written");
        break;
    case kSqliteNoMem:
        code = Code::Io;
        reason = tr("the system ran out of memory");
        break;
    case kSqliteCorrupt:
    case kSqliteNotADb:
        code = Code::Corrupt;
        reason = tr("the database file is damaged");
        break;
    case kSqliteBusy:
    case kSqliteLocked:
        code = Code::Busy;
        reason = tr("the database is busy in another program");
        break;
    case kSqliteReadOnly:
        code = Code::ReadOnly;
        reason = tr("the database is open read-only");
        break;
    case kSqliteConstraint:
        code = Code::Constraint;
        reason = tr("the data breaks a rule of the database");
        break;
    default:
        reason = tr("the database reported an error");
        break;
    }
    QString message = action;
    if (message.endsWith(QLatin1Char('.'))) {
        message.chop(1);
    }
    message += QStringLiteral(": ") + reason + QLatin1Char('.');
    return StoreError(code, message, detail);
}

QString StoreError::toString() const
{
    if (m_detail.isEmpty()) {
        return m_message;
    }
    return tr("%1 (SQLite: %2)").arg(m_message, m_detail);
}

} // namespace tidings
