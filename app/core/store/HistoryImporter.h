// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImportReport.h"
#include "StoreResult.h"

#include <QCoreApplication>

class QIODevice;

namespace tidings {

class Database;

// Reads a JSON export of HistoryExporter back. Idempotent: each message
// carries a uid, so importing the same file twice adds nothing the second
// time. Accounts named by the file and missing here are created disabled
// (no registration until the user enables them). Outgoing messages that were
// still waiting when exported come back as failed, so an import never sends
// anything by itself.
class HistoryImporter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryImporter)

public:
    // Messages per transaction.
    static constexpr int batchSize = 500;

    explicit HistoryImporter(Database &db);

    StoreResult<ImportReport> importJson(QIODevice &in);
    StoreResult<ImportReport> importJsonFile(const QString &path);

private:
    Database &m_db;
};

} // namespace tidings
