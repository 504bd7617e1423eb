// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli history`: the stored messages of a profile as JSON lines,
// oldest first (docs/CLI.md, "tidings-cli contract"). It opens the database
// read-only, so it works while `listen` (or the GUI) writes the profile, and
// never changes the file.

#include "CliOptions.h"

#include <QHash>
#include <QTextStream>

#include <memory>

namespace tidings {

class Database;
struct StoredMessage;

class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    static int run(const HistoryOptions &options, QTextStream &out, QTextStream &err);

    // Shared with `search`. Opens the profile named by --profile (or
    // TIDINGS_PROFILE) read-only; on failure writes why to `err` and returns
    // null: no profile given, no profile or database there, a damaged file,
    // another program's file, a newer schema, permissions.
    static std::unique_ptr<Database> openReadOnly(const QString &profileOption,
                                                  const QString &command, QTextStream &err);

    // Display names of the contacts, to name a message's peer.
    class ContactNames
    {
    public:
        explicit ContactNames(Database &db);
        QString of(const StoredMessage &message) const;

    private:
        QHash<QString, QString> m_names; // "<account id> <peer key>" -> name
    };
};

} // namespace tidings
