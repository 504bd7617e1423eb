// SPDX-License-Identifier: GPL-3.0-or-later
#include "Schema.h"

#include "Sql.h"
#include "Transaction.h"
#include "UnsegmentedScript.h"

#include <vector>

namespace tidings {

namespace {

struct Migration
{
    int version;
    // Each string is one SQL statement (Qt's SQLite driver runs one per exec).
    std::vector<QString> statements;
};

// Version 1: accounts, contacts, conversations, messages, full-text indexes.
//
// Times are INTEGER milliseconds since the Unix epoch (UTC), NULL when unknown.
// messages.direction: 0 incoming, 1 outgoing. messages.state: 0 received,
// 1 queued, 2 sending, 3 sent, 4 accepted, 5 failed (DeliveryState).
// messages.sort_time orders a conversation: received time for incoming,
// written time for outgoing.
//
// messages_incoming_once stores a request once: RFC 3261 §8.2.2.2 (merged
// requests) and §17.2.3 (retransmissions) identify a request by the From tag,
// Call-ID and CSeq. messages.uid (a version 7 UUID: time, then random bits)
// travels with exports so an import adds a message only once.
//
// conversations.last_message_at and unread_count are kept by triggers, so
// listing conversations reads one row each; messages_unsegmented holds the
// messages with text in a script without spaces (UnsegmentedScript), the only
// ones a one- or two-character substring search of such a script must read.
//
// Two FTS5 indexes over messages.body, external content kept in sync by
// triggers (https://www.sqlite.org/fts5.html#external_content_tables):
// unicode61 with diacritics removed for words, trigram for substrings and for
// scripts written without spaces (Chinese, Japanese, Thai). The trigram index
// keeps no positions (detail=none): it is searched with LIKE, which FTS5
// checks against the text, at less than half the size and write cost.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {
        {1,
         {
             QStringLiteral(R"(CREATE TABLE accounts (
                    id INTEGER PRIMARY KEY,
                    aor TEXT NOT NULL,
                    aor_key TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL DEFAULT '',
                    registrar TEXT NOT NULL DEFAULT '',
                    outbound_proxy TEXT NOT NULL DEFAULT '',
                    auth_user TEXT NOT NULL DEFAULT '',
                    transports TEXT NOT NULL DEFAULT '',
                    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
                    register INTEGER NOT NULL DEFAULT 1 CHECK (register IN (0, 1)),
                    expires INTEGER NOT NULL DEFAULT 3600 CHECK (expires >= 0),
                    keepalive_interval INTEGER NOT NULL DEFAULT 0 CHECK (keepalive_interval >= 0),
                    blocked_answer INTEGER NOT NULL DEFAULT 0 CHECK (blocked_answer IN (0, 1)),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE contacts (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    uri TEXT NOT NULL,
                    contact_key TEXT NOT NULL,
                    display_name TEXT NOT NULL DEFAULT '',
                    notes TEXT NOT NULL DEFAULT '',
                    favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
                    blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (account_id, contact_key)))"),
             QStringLiteral(R"(CREATE TABLE conversations (
                    id INTEGER PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    peer_key TEXT NOT NULL,
                    peer_uri TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_message_at INTEGER NOT NULL DEFAULT 0,
                    unread_count INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (account_id, peer_key)))"),
             QStringLiteral(R"(CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    uid BLOB NOT NULL UNIQUE,
                    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    conversation_id INTEGER NOT NULL
                        REFERENCES conversations(id) ON DELETE CASCADE,
                    peer_uri TEXT NOT NULL,
                    direction INTEGER NOT NULL CHECK (direction IN (0, 1)),
                    body TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    call_id TEXT NOT NULL DEFAULT '',
                    from_tag TEXT NOT NULL DEFAULT '',
                    cseq INTEGER NOT NULL DEFAULT 0,
                    sort_time INTEGER NOT NULL,
                    sent_at INTEGER,
                    received_at INTEGER,
                    server_date INTEGER,
                    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 5),
                    status_code INTEGER NOT NULL DEFAULT 0,
                    reason TEXT NOT NULL DEFAULT '',
                    is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
                    delivered_late INTEGER NOT NULL DEFAULT 0 CHECK (delivered_late IN (0, 1)),
                    CHECK ((direction = 0) = (state = 0))))"),
             QStringLiteral(R"(CREATE UNIQUE INDEX messages_incoming_once
                    ON messages (account_id, call_id, from_tag, cseq) WHERE direction = 0)"),
             QStringLiteral(R"(CREATE INDEX messages_conversation_time
                    ON messages (conversation_id, sort_time, id))"),
             QStringLiteral(R"(CREATE INDEX messages_pending
                    ON messages (account_id, sort_time, id) WHERE direction = 1 AND state IN (1, 2))"),
             QStringLiteral(R"(CREATE INDEX messages_time ON messages (sort_time))"),
             QStringLiteral(R"(CREATE INDEX messages_unsegmented ON messages (sort_time)
                    WHERE body GLOB '%1')")
                 .arg(UnsegmentedScript::globPattern()),
             QStringLiteral(R"(CREATE VIRTUAL TABLE messages_words USING fts5(
                    body, content='messages', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2'))"),
             QStringLiteral(R"(CREATE VIRTUAL TABLE messages_trigrams USING fts5(
                    body, content='messages', content_rowid='id', tokenize='trigram',
                    detail='none'))"),
             QStringLiteral(R"(CREATE TRIGGER messages_after_insert AFTER INSERT ON messages BEGIN
                    INSERT INTO messages_words (rowid, body) VALUES (new.id, new.body);
                    INSERT INTO messages_trigrams (rowid, body) VALUES (new.id, new.body);
                    UPDATE conversations
                        SET last_message_at = max(last_message_at, new.sort_time),
                            unread_count = unread_count + (new.direction = 0 AND new.is_read = 0)
                        WHERE id = new.conversation_id;
                END)"),
             QStringLiteral(R"(CREATE TRIGGER messages_after_delete AFTER DELETE ON messages BEGIN
                    INSERT INTO messages_words (messages_words, rowid, body)
                        VALUES ('delete', old.id, old.body);
                    INSERT INTO messages_trigrams (messages_trigrams, rowid, body)
                        VALUES ('delete', old.id, old.body);
                    UPDATE conversations SET unread_count = unread_count - 1
                        WHERE id = old.conversation_id AND old.direction = 0 AND old.is_read = 0;
                END)"),
             QStringLiteral(R"(CREATE TRIGGER messages_after_update_read AFTER UPDATE OF is_read
                    ON messages WHEN old.direction = 0 AND old.is_read != new.is_read BEGIN
                    UPDATE conversations
                        SET unread_count = unread_count + (CASE new.is_read WHEN 1 THEN -1 ELSE 1 END)
                        WHERE id = new.conversation_id;
                END)"),
             QStringLiteral(
                 R"(CREATE TRIGGER messages_after_update_body AFTER UPDATE OF body ON messages BEGIN
                    INSERT INTO messages_words (messages_words, rowid, body)
                        VALUES ('delete', old.id, old.body);
                    INSERT INTO messages_trigrams (messages_trigrams, rowid, body)
                        VALUES ('delete', old.id, old.body);
                    INSERT INTO messages_words (rowid, body) VALUES (new.id, new.body);
                    INSERT INTO messages_trigrams (rowid, body) VALUES (new.id, new.body);
                END)"),
         }},
        // Version 2: what the desktop app's account dialog sets besides the
        // version 1 settings: a CA to trust for a self-hosted server's TLS
        // certificate, the port an account without a server listens on, and
        // "removed" for an account removed with its history kept;
        // the display name a peer gives in From, kept with the conversation
        // (the address book holds only whom the user added); an index of the
        // unread messages.
        {2,
         {
             QStringLiteral("ALTER TABLE conversations ADD COLUMN peer_display_name TEXT NOT NULL "
                            "DEFAULT ''"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN tls_ca_file TEXT NOT NULL DEFAULT ''"),
             // Reading a conversation touches its unread messages only, not
             // its whole history (a visible conversation is marked read with
             // every burst that arrives in it).
             QStringLiteral("CREATE INDEX messages_unread ON messages (conversation_id) "
                            "WHERE direction = 0 AND is_read = 0"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 "
                            "CHECK (removed IN (0, 1))"),
             QStringLiteral("ALTER TABLE accounts ADD COLUMN listen_port INTEGER NOT NULL "
                            "DEFAULT 0 CHECK (listen_port BETWEEN 0 AND 65535)"),
         }},
    };
    return list;
}

} // namespace

int Schema::latestVersion()
{
    return migrations().back().version;
}

StoreResult<void> Schema::migrate(const QSqlDatabase &db, int fromVersion, int toVersion)
{
    if (fromVersion < 0 || toVersion > latestVersion() || fromVersion > toVersion) {
        return StoreError(StoreError::Code::InvalidArgument,
                          tr("Cannot upgrade the database from version %1 to version %2.")
                              .arg(fromVersion)
                              .arg(toVersion));
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= fromVersion || migration.version > toVersion) {
            continue;
        }
        const QString action =
            tr("Could not upgrade the database to version %1.").arg(migration.version);
        Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun) {
            return StoreError(begun.error().code(), action, begun.error().detail());
        }
        for (const QString &statement : migration.statements) {
            if (auto done = Sql::exec(db, statement, action); !done) {
                return done;
            }
        }
        const QString stamp[] = {
            QStringLiteral("PRAGMA user_version = %1").arg(migration.version),
            QStringLiteral("PRAGMA application_id = %1").arg(applicationId),
        };
        for (const QString &statement : stamp) {
            if (auto done = Sql::exec(db, statement, action); !done) {
                return done;
            }
        }
        if (auto committed = transaction.commit(); !committed) {
            return StoreError(committed.error().code(), action, committed.error().detail());
        }
    }
    return {};
}

} // namespace tidings
