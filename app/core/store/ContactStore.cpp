// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactStore.h"

#include "Database.h"
#include "Sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

namespace {

constexpr int kSqliteConstraint = 19;

constexpr const char *kColumns = "id, account_id, uri, contact_key, display_name, notes, "
                                 "favourite, blocked, created_at, updated_at";

Contact readContact(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.accountId = q.value(1).toLongLong();
    c.uri = q.value(2).toString();
    c.key = q.value(3).toString();
    c.displayName = q.value(4).toString();
    c.notes = q.value(5).toString();
    c.favourite = q.value(6).toBool();
    c.blocked = q.value(7).toBool();
    c.createdAt = Sql::toTime(q.value(8));
    c.updatedAt = Sql::toTime(q.value(9));
    return c;
}

void bindFields(QSqlQuery &q, const Contact &c, const ContactKey &key)
{
    q.bindValue(QStringLiteral(":uri"), Sql::text(c.uri.trimmed()));
    q.bindValue(QStringLiteral(":key"), Sql::text(key.toString()));
    q.bindValue(QStringLiteral(":display_name"), Sql::text(c.displayName));
    q.bindValue(QStringLiteral(":notes"), Sql::text(c.notes));
    q.bindValue(QStringLiteral(":favourite"), c.favourite ? 1 : 0);
    q.bindValue(QStringLiteral(":blocked"), c.blocked ? 1 : 0);
    q.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
}

} // namespace

ContactStore::ContactStore(Database &db)
    : m_db(db)
{}

StoreResult<ContactKey> ContactStore::keyOf(const Contact &contact) const
{
    const ContactKey key = ContactKey::fromString(contact.uri);
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(contact.uri));
    }
    return key;
}

StoreResult<qint64> ContactStore::add(const Contact &contact)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    auto key = keyOf(contact);
    if (!key) {
        return key.error();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO contacts (account_id, uri, contact_key, display_name, notes, favourite, "
        "blocked, created_at, updated_at) VALUES (:account, :uri, :key, :display_name, :notes, "
        ":favourite, :blocked, :now, :now) ON CONFLICT (account_id, contact_key) DO NOTHING"));
    q.bindValue(QStringLiteral(":account"), contact.accountId);
    bindFields(q, contact, key.value());
    if (!q.exec()) {
        if (StoreError::sqliteCode(q.lastError()) == kSqliteConstraint) {
            return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."),
                              q.lastError().databaseText());
        }
        return StoreError::fromSql(q.lastError(),
                                   tr("Could not add the contact %1.").arg(contact.uri));
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::Duplicate,
                          tr("%1 is already in the contacts.").arg(contact.uri));
    }
    return q.lastInsertId().toLongLong();
}

StoreResult<void> ContactStore::update(const Contact &contact)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    auto key = keyOf(contact);
    if (!key) {
        return key.error();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "UPDATE contacts SET uri = :uri, contact_key = :key, display_name = :display_name, "
        "notes = :notes, favourite = :favourite, blocked = :blocked, updated_at = :now "
        "WHERE id = :id"));
    bindFields(q, contact, key.value());
    q.bindValue(QStringLiteral(":id"), contact.id);
    if (!q.exec()) {
        if (StoreError::sqliteCode(q.lastError()) == kSqliteConstraint) {
            return StoreError(StoreError::Code::Duplicate,
                              tr("%1 is already in the contacts.").arg(contact.uri),
                              q.lastError().databaseText());
        }
        return StoreError::fromSql(q.lastError(),
                                   tr("Could not save the contact %1.").arg(contact.uri));
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The contact no longer exists."));
    }
    return {};
}

StoreResult<void> ContactStore::remove(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not remove the contact.")); !done) {
        return done;
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The contact no longer exists."));
    }
    return {};
}

StoreResult<QList<Contact>> ContactStore::select(const QString &where, const QVariantList &values,
                                                 const QString &order) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM contacts WHERE %2 ORDER BY %3")
            .arg(QLatin1String(kColumns), where, order.isEmpty() ? QStringLiteral("id") : order));
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    const QString action = tr("Could not read the contacts.");
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    QList<Contact> out;
    while (q.next()) {
        out.append(readContact(q));
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    return out;
}

StoreResult<QList<Contact>> ContactStore::list(qint64 accountId) const
{
    return select(QStringLiteral("account_id = ?"), {accountId},
                  QStringLiteral("favourite DESC, lower(CASE display_name WHEN '' THEN uri "
                                 "ELSE display_name END), id"));
}

StoreResult<Contact> ContactStore::find(qint64 id) const
{
    auto rows = select(QStringLiteral("id = ?"), {id});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return StoreError(StoreError::Code::NotFound, tr("The contact no longer exists."));
    }
    return rows.value().constFirst();
}

StoreResult<std::optional<Contact>> ContactStore::findByKey(qint64 accountId,
                                                            const ContactKey &key) const
{
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument, tr("No contact address was given."));
    }
    auto rows =
        select(QStringLiteral("account_id = ? AND contact_key = ?"), {accountId, key.toString()});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return std::optional<Contact>();
    }
    return std::optional<Contact>(rows.value().constFirst());
}

StoreResult<std::optional<Contact>> ContactStore::findByUri(qint64 accountId,
                                                            const QString &uri) const
{
    const ContactKey key = ContactKey::fromString(uri);
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(uri));
    }
    return findByKey(accountId, key);
}

} // namespace tidings
