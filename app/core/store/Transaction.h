// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace tidings {

// An explicit write transaction (BEGIN IMMEDIATE, so the write lock is taken
// at once and a busy database shows at begin(), not halfway through). Rolled
// back on destruction unless committed.
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    StoreResult<void> begin();
    // Durable once this returns success (synchronous=FULL).
    StoreResult<void> commit();
    void rollback();
    bool isActive() const { return m_active; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace tidings
