// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace tidings {

// Small helpers shared by the stores: running one statement with its error as
// a StoreError, and the storage form of values (times are INTEGER
// milliseconds since the Unix epoch, UTC; an unknown time is NULL).
class Sql
{
public:
    // Runs one statement (Qt's SQLite driver runs only the first statement of
    // a string). `action` says what failed, for the error message.
    static StoreResult<void> exec(const QSqlDatabase &db, const QString &statement,
                                  const QString &action);
    // Runs a statement and returns the first column of its first row (an
    // invalid QVariant when there is no row).
    static StoreResult<QVariant> scalar(const QSqlDatabase &db, const QString &statement,
                                        const QString &action);
    // Executes a prepared query; on failure the error as a StoreError.
    static StoreResult<void> run(QSqlQuery &query, const QString &action);

    // Qt binds a null QString as SQL NULL; text columns are NOT NULL, so
    // strings go through here.
    static QVariant text(const QString &value);
    static QVariant fromTime(const QDateTime &time);
    static QDateTime toTime(const QVariant &value);
    static QVariant nullInteger();
};

} // namespace tidings
