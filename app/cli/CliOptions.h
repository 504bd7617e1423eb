// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Command-line options of `tidings-cli listen` and `tidings-cli send`
// (docs/CLI.md, "tidings-cli contract"), parsed and checked before anything
// touches the network. Options take their value as the next argument or
// after '=' (--to=sip:bob@example.com). Passwords never come from the
// command line: --password-env names an environment variable.

#include "message/Uri.h"
#include "transport/Endpoint.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tidings {

struct BindSpec
{
    sip::TransportType transport = sip::TransportType::Udp;
    QHostAddress address;
    quint16 port = 0;

    // "udp:127.0.0.1:5080", "tcp:[::1]:0". nullopt with *error on failure.
    static std::optional<BindSpec> parse(const QString &text, QString *error);
};

struct ListenOptions
{
    sip::Uri aor;
    QList<BindSpec> binds;
    QString profile;
    bool registerAccount = false;
    // With --register: --registrar, else the AOR's domain (RFC 3261 §10.2).
    std::optional<sip::Uri> registrar;
    std::optional<sip::Uri> proxy;
    QByteArray authUser;
    QByteArray password; // read from the --password-env variable
    QString tlsCert;
    QString tlsKey;
    QString tlsCa;
    bool trace = false;
    // --keepalive SECONDS (with --register): the keep-alive interval of the
    // registration's flow, UDP and TCP/TLS alike (RFC 5626 §4.4.1); 0: none.
    // nullopt: the defaults (25 s over UDP, 120 s over TCP/TLS).
    std::optional<int> keepAliveSeconds;
};

struct SendOptions
{
    sip::Uri from;
    sip::Uri to;
    QByteArray body;
    QByteArray contentType = "text/plain;charset=UTF-8";
    std::optional<sip::TransportType> transport;
    std::optional<sip::Uri> proxy;
    QByteArray authUser;
    QByteArray password;
    int timeoutSeconds = 32; // Timer F
    QString profile;
    QString tlsCa;
    bool trace = false;
};

// tidings-cli history [--profile DIR] [--with URI] [--limit N]
struct HistoryOptions
{
    // --profile; empty: TIDINGS_PROFILE (Profile::resolve).
    QString profile;
    // --with: only the conversation with this contact (by ContactKey).
    QString with;
    // --limit: the newest N; 0: everything.
    int limit = 0;
};

// tidings-cli search [--profile DIR] [--with URI] [--since DATE] [--until DATE]
//                    [--limit N] QUERY
struct SearchOptions
{
    QString profile;
    QString with;
    // --since: from this time on (a date: from its start, UTC).
    QDateTime since;
    // --until: before this time (a date: to its end, UTC, so the day counts).
    QDateTime until;
    // --limit: the best N matches, 1 to maxLimit.
    int limit = defaultLimit;
    // The user's words (the arguments after the options, joined by spaces).
    QString query;

    static constexpr int defaultLimit = 50;
    static constexpr int maxLimit = 1000;
};

// tidings-cli export [--profile DIR] [--with URI] [--format json|text] [--output FILE]
struct ExportOptions
{
    enum class Format
    {
        Json,
        Text,
    };

    QString profile;
    // --with: only the conversations with this contact (by ContactKey).
    QString with;
    Format format = Format::Json;
    // --output: the file to create; empty: standard output.
    QString output;
};

// tidings-cli import [--profile DIR] FILE
struct ImportOptions
{
    QString profile;
    // The JSON export to read.
    QString file;
};

class CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    // `args` are the arguments after the command name. On error returns
    // nullopt and a message for the user in *error.
    static std::optional<ListenOptions> parseListen(const QStringList &args, QString *error);
    static std::optional<SendOptions> parseSend(const QStringList &args, QString *error);
    static std::optional<HistoryOptions> parseHistory(const QStringList &args, QString *error);
    // Arguments that do not start with '-' (and all after "--") are QUERY.
    static std::optional<SearchOptions> parseSearch(const QStringList &args, QString *error);
    static std::optional<ExportOptions> parseExport(const QStringList &args, QString *error);
    // FILE is the one argument that is not an option (or the one after "--").
    static std::optional<ImportOptions> parseImport(const QStringList &args, QString *error);
    // --since/--until: "2026-01-01" (UTC; with endOfDay the next day's
    // start) or an ISO 8601 time, "2026-01-01T12:00:00Z" (UTC without an
    // offset).
    static std::optional<QDateTime> parseDate(const QString &text, bool endOfDay);
    // The registrar of RFC 3261 §10.2 for an AOR: its scheme, host and port
    // ("sip:bob@example.com:5062" -> "sip:example.com:5062").
    static std::optional<sip::Uri> defaultRegistrar(const sip::Uri &aor);
};

} // namespace tidings
