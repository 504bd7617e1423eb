// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Contact.h"
#include "ContactKey.h"
#include "StoreResult.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace tidings {

class Database;

// The address book of each account. Contacts are found by ContactKey, so any
// spelling of a contact's URI (host case, transport parameter, default port)
// finds the same contact. Removing a contact keeps its conversation.
class ContactStore
{
    Q_DECLARE_TR_FUNCTIONS(ContactStore)

public:
    explicit ContactStore(Database &db);

    // Returns the new id; a Duplicate error when the account already has a
    // contact with the same key.
    StoreResult<qint64> add(const Contact &contact);
    // Saves every field of the contact with this id (the key follows the URI).
    StoreResult<void> update(const Contact &contact);
    StoreResult<void> remove(qint64 id);
    // Favourites first, then by display name (or URI), case-insensitively.
    StoreResult<QList<Contact>> list(qint64 accountId) const;
    StoreResult<Contact> find(qint64 id) const;
    StoreResult<std::optional<Contact>> findByKey(qint64 accountId, const ContactKey &key) const;
    StoreResult<std::optional<Contact>> findByUri(qint64 accountId, const QString &uri) const;

private:
    StoreResult<ContactKey> keyOf(const Contact &contact) const;
    StoreResult<QList<Contact>> select(const QString &where, const QVariantList &values,
                                       const QString &order = {}) const;

    Database &m_db;
};

} // namespace tidings
