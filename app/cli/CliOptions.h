// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Command-line options of `tidings-cli listen` and `tidings-cli send`
// (DESIGN.md, "tidings-cli contract"), parsed and checked before anything
// touches the network. Options take their value as the next argument or
// after '=' (--to=sip:bob@example.com). Passwords never come from the
// command line: --password-env names an environment variable.

#include "message/Uri.h"
#include "transport/Endpoint.h"

#include <QCoreApplication>
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

class CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    // `args` are the arguments after the command name. On error returns
    // nullopt and a message for the user in *error.
    static std::optional<ListenOptions> parseListen(const QStringList &args, QString *error);
    static std::optional<SendOptions> parseSend(const QStringList &args, QString *error);
    // The registrar of RFC 3261 §10.2 for an AOR: its scheme, host and port
    // ("sip:bob@example.com:5062" -> "sip:example.com:5062").
    static std::optional<sip::Uri> defaultRegistrar(const sip::Uri &aor);
};

} // namespace tidings
