// SPDX-License-Identifier: GPL-3.0-or-later
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{}

Transaction::~Transaction()
{
    rollback();
}

StoreResult<void> Transaction::begin()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        return StoreError::fromSql(query.lastError(), tr("Could not start writing."));
    }
    m_active = true;
    return {};
}

StoreResult<void> Transaction::commit()
{
    if (!m_active) {
        return StoreError(StoreError::Code::InvalidState,
                          tr("Could not save the changes: nothing was being written."));
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const StoreError error =
            StoreError::fromSql(query.lastError(), tr("Could not save the changes."));
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active) {
        return;
    }
    m_active = false;
    // After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled
    // back; the "no transaction is active" error of this ROLLBACK is expected.
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace tidings
