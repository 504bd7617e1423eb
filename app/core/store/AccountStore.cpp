// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountStore.h"

#include "ContactKey.h"
#include "Database.h"
#include "Sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

namespace {

constexpr const char *kColumns =
    "id, aor, display_name, registrar, outbound_proxy, auth_user, transports, enabled, "
    "register, expires, keepalive_interval, blocked_answer, created_at, updated_at, tls_ca_file, "
    "listen_port, removed";

Account readAccount(const QSqlQuery &q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.aor = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.registrar = q.value(3).toString();
    a.outboundProxy = q.value(4).toString();
    a.authUser = q.value(5).toString();
    a.transports = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.enabled = q.value(7).toBool();
    a.registerAccount = q.value(8).toBool();
    a.expires = q.value(9).toInt();
    a.keepAliveInterval = q.value(10).toInt();
    a.blockedAnswer = q.value(11).toInt() == 1 ? Account::BlockedAnswer::SilentAccept
                                               : Account::BlockedAnswer::Decline;
    a.createdAt = Sql::toTime(q.value(12));
    a.updatedAt = Sql::toTime(q.value(13));
    a.tlsCaFile = q.value(14).toString();
    a.listenPort = q.value(15).toInt();
    a.removed = q.value(16).toBool();
    return a;
}

void bindSettings(QSqlQuery &q, const Account &a, const QString &key)
{
    q.bindValue(QStringLiteral(":aor"), Sql::text(a.aor.trimmed()));
    q.bindValue(QStringLiteral(":aor_key"), Sql::text(key));
    q.bindValue(QStringLiteral(":display_name"), Sql::text(a.displayName));
    q.bindValue(QStringLiteral(":registrar"), Sql::text(a.registrar.trimmed()));
    q.bindValue(QStringLiteral(":outbound_proxy"), Sql::text(a.outboundProxy.trimmed()));
    q.bindValue(QStringLiteral(":auth_user"), Sql::text(a.authUser));
    q.bindValue(QStringLiteral(":transports"), Sql::text(a.transports.join(QLatin1Char(','))));
    q.bindValue(QStringLiteral(":enabled"), a.enabled ? 1 : 0);
    q.bindValue(QStringLiteral(":register"), a.registerAccount ? 1 : 0);
    q.bindValue(QStringLiteral(":expires"), qMax(0, a.expires));
    q.bindValue(QStringLiteral(":keepalive"), qMax(0, a.keepAliveInterval));
    q.bindValue(QStringLiteral(":blocked_answer"),
                a.blockedAnswer == Account::BlockedAnswer::SilentAccept ? 1 : 0);
    q.bindValue(QStringLiteral(":tls_ca_file"), Sql::text(a.tlsCaFile.trimmed()));
    q.bindValue(QStringLiteral(":listen_port"), qBound(0, a.listenPort, 65535));
    q.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
}

} // namespace

AccountStore::AccountStore(Database &db)
    : m_db(db)
{}

StoreResult<QString> AccountStore::aorKey(const Account &account) const
{
    const ContactKey key = ContactKey::fromString(account.aor);
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(account.aor));
    }
    return key.toString();
}

StoreResult<qint64> AccountStore::add(const Account &account)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    auto key = aorKey(account);
    if (!key) {
        return key.error();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO accounts (aor, aor_key, display_name, registrar, outbound_proxy, "
        "auth_user, transports, enabled, register, expires, keepalive_interval, "
        "blocked_answer, created_at, updated_at, tls_ca_file, listen_port) VALUES (:aor, "
        ":aor_key, :display_name, :registrar, :outbound_proxy, :auth_user, :transports, "
        ":enabled, :register, :expires, :keepalive, :blocked_answer, :now, :now, :tls_ca_file, "
        ":listen_port) ON CONFLICT (aor_key) DO NOTHING"));
    bindSettings(q, account, key.value());
    if (auto done = Sql::run(q, tr("Could not add the account %1.").arg(account.aor)); !done) {
        return done.error();
    }
    if (q.numRowsAffected() == 0) {
        // Removed with its history kept: the same address brings it back.
        auto existing = findByAor(account.aor);
        if (existing && existing.value() && existing.value()->removed) {
            Account revived = account;
            revived.id = existing.value()->id;
            revived.removed = false;
            if (auto saved = update(revived); !saved)
                return saved.error();
            return revived.id;
        }
        return StoreError(StoreError::Code::Duplicate,
                          tr("There is already an account for %1.").arg(account.aor));
    }
    return q.lastInsertId().toLongLong();
}

StoreResult<void> AccountStore::update(const Account &account)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    auto key = aorKey(account);
    if (!key) {
        return key.error();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "UPDATE accounts SET aor = :aor, aor_key = :aor_key, display_name = :display_name, "
        "registrar = :registrar, outbound_proxy = :outbound_proxy, auth_user = :auth_user, "
        "transports = :transports, enabled = :enabled, register = :register, "
        "expires = :expires, keepalive_interval = :keepalive, "
        "blocked_answer = :blocked_answer, tls_ca_file = :tls_ca_file, "
        "listen_port = :listen_port, removed = :removed, updated_at = :now WHERE id = :id"));
    bindSettings(q, account, key.value());
    q.bindValue(QStringLiteral(":removed"), account.removed ? 1 : 0);
    q.bindValue(QStringLiteral(":id"), account.id);
    if (!q.exec()) {
        if (StoreError::sqliteCode(q.lastError()) == 19) { // SQLITE_CONSTRAINT: aor_key
            return StoreError(StoreError::Code::Duplicate,
                              tr("There is already an account for %1.").arg(account.aor),
                              q.lastError().databaseText());
        }
        return StoreError::fromSql(q.lastError(),
                                   tr("Could not save the account %1.").arg(account.aor));
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."));
    }
    return {};
}

StoreResult<void> AccountStore::remove(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not remove the account.")); !done) {
        return done;
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."));
    }
    return {};
}

StoreResult<QList<Account>> AccountStore::select(const QString &where,
                                                 const QVariantList &values) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM accounts %2 ORDER BY id")
                  .arg(QLatin1String(kColumns), where));
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    if (auto done = Sql::run(q, tr("Could not read the accounts.")); !done) {
        return done.error();
    }
    QList<Account> out;
    while (q.next()) {
        out.append(readAccount(q));
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), tr("Could not read the accounts."));
    }
    return out;
}

StoreResult<QList<Account>> AccountStore::list() const
{
    return select(QStringLiteral("WHERE removed = 0"), {});
}

StoreResult<void> AccountStore::retire(qint64 id)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE accounts SET removed = 1, enabled = 0, updated_at = ? "
                             "WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (auto done = Sql::run(q, tr("Could not remove the account.")); !done) {
        return done;
    }
    if (q.numRowsAffected() == 0) {
        return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."));
    }
    return {};
}

StoreResult<Account> AccountStore::find(qint64 id) const
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return StoreError(StoreError::Code::NotFound, tr("The account no longer exists."));
    }
    return rows.value().constFirst();
}

StoreResult<std::optional<Account>> AccountStore::findByAor(const QString &aor) const
{
    const ContactKey key = ContactKey::fromString(aor);
    if (!key.isValid()) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("\"%1\" is not a valid SIP address.").arg(aor));
    }
    auto rows = select(QStringLiteral("WHERE aor_key = ?"), {key.toString()});
    if (!rows) {
        return rows.error();
    }
    if (rows.value().isEmpty()) {
        return std::optional<Account>();
    }
    return std::optional<Account>(rows.value().constFirst());
}

} // namespace tidings
