// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tidings {

StoreResult<void> Sql::exec(const QSqlDatabase &db, const QString &statement, const QString &action)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        return StoreError::fromSql(query.lastError(), action);
    }
    return {};
}

StoreResult<QVariant> Sql::scalar(const QSqlDatabase &db, const QString &statement,
                                  const QString &action)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(statement)) {
        return StoreError::fromSql(query.lastError(), action);
    }
    if (!query.next()) {
        if (query.lastError().isValid()) {
            return StoreError::fromSql(query.lastError(), action);
        }
        return QVariant();
    }
    return query.value(0);
}

StoreResult<void> Sql::run(QSqlQuery &query, const QString &action)
{
    if (!query.exec()) {
        return StoreError::fromSql(query.lastError(), action);
    }
    return {};
}

QVariant Sql::text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QVariant Sql::fromTime(const QDateTime &time)
{
    if (!time.isValid()) {
        return nullInteger();
    }
    return QVariant(time.toMSecsSinceEpoch());
}

QDateTime Sql::toTime(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant Sql::nullInteger()
{
    return QVariant(QMetaType::fromType<qint64>());
}

} // namespace tidings
