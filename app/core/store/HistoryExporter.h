// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QCoreApplication>
#include <QString>

class QIODevice;

namespace tidings {

class Database;

// Writes one conversation, or all history, as JSON (for HistoryImporter and
// other programs) or as plain text (for people). Messages are streamed, so
// exporting a large history needs little memory.
//
// JSON: {"format":"tidings-history","version":1,"exported_at":...,
//        "accounts":[{"aor":...,"display_name":...}],
//        "messages":[{"uid":...,"account":<aor>,"direction":"in"|"out",
//                     "peer":<uri>,"peer_key":...,"body":...,"content_type":...,
//                     "state":...,"time":...,...}, ...]}
// with one message per line. Field names follow the tidings-cli contract
// (docs/CLI.md); times are ISO 8601 UTC with milliseconds.
class HistoryExporter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExporter)

public:
    static constexpr const char *formatName = "tidings-history";
    static constexpr int formatVersion = 1;

    explicit HistoryExporter(Database &db);

    // conversationId 0: all history. Return the number of messages written.
    StoreResult<int> exportJson(QIODevice &out, qint64 conversationId = 0) const;
    StoreResult<int> exportText(QIODevice &out, qint64 conversationId = 0) const;
    // To a file, replaced only once the export is complete.
    StoreResult<int> exportJsonFile(const QString &path, qint64 conversationId = 0) const;
    StoreResult<int> exportTextFile(const QString &path, qint64 conversationId = 0) const;

    static QString formatTime(const QDateTime &time);

private:
    template <typename Write>
    StoreResult<int> toFile(const QString &path, Write write) const;

    Database &m_db;
};

} // namespace tidings
