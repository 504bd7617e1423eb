// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace tidings {

// The database schema and its forward migrations. PRAGMA user_version holds
// the version a database has; migration N takes a database from N-1 to N in
// one transaction (its statements, user_version = N, the application id), so
// a crash leaves either version N-1 or N, never half of one. New versions
// append a migration to the list in Schema.cpp; existing ones never change.
class Schema
{
    Q_DECLARE_TR_FUNCTIONS(Schema)

public:
    // PRAGMA application_id of every Tidings database ("TDNG"): tells our
    // files from other programs' SQLite files.
    static constexpr qint32 applicationId = 0x54444E47;

    // The version this build writes.
    static int latestVersion();

    // Applies migrations fromVersion+1 .. toVersion in order. Tests use a
    // smaller toVersion to build databases as earlier versions left them.
    static StoreResult<void> migrate(const QSqlDatabase &db, int fromVersion, int toVersion);
};

} // namespace tidings
