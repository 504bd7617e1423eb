// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Account.h"
#include "StoreResult.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace tidings {

class Database;

// Accounts in the profile database. One account per address of record
// (compared by ContactKey). remove() deletes an account with its contacts,
// conversations and messages; retire() removes it from use but keeps its
// history, and add() with its address brings it back.
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    explicit AccountStore(Database &db);

    // Returns the new id. The AOR must be a valid URI and not in use by an
    // account that is not retired; a retired one with it comes back (its id,
    // with these settings).
    StoreResult<qint64> add(const Account &account);
    StoreResult<void> update(const Account &account);
    StoreResult<void> remove(qint64 id);
    StoreResult<void> retire(qint64 id);
    // The accounts in use (not retired).
    StoreResult<QList<Account>> list() const;
    StoreResult<Account> find(qint64 id) const;
    // The account whose AOR is the same address as `aor` (by ContactKey).
    StoreResult<std::optional<Account>> findByAor(const QString &aor) const;

private:
    StoreResult<QString> aorKey(const Account &account) const;
    StoreResult<QList<Account>> select(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

} // namespace tidings
