// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace tidings {

// tidings-cli: the headless client (docs/CLI.md, "tidings-cli contract").
//
// The command line is `tidings-cli <command> [options]` or
// `tidings-cli --version | --help`. Commands (listen, send, history, search)
// are added to the table in Cli.cpp as they are implemented; until then an
// unknown command is a usage error.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // Exit codes of the contract.
    enum ExitCode
    {
        Success = 0,
        Failure = 1,    // failed operation, or a final non-2xx response
        UsageError = 2, // bad command line
        Timeout = 3,    // no final response, or a transport failure
    };

    Cli(QTextStream &out, QTextStream &err);

    // arguments as from QCoreApplication::arguments(), program name first.
    int run(const QStringList &arguments);

private:
    void printUsage(QTextStream &stream) const;
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace tidings
