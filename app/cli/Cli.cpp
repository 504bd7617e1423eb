// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "AppInfo.h"

namespace tidings {

namespace {

const QString programName = QStringLiteral("tidings-cli");

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

int Cli::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printUsage(m_err);
        m_err.flush();
        return UsageError;
    }

    const QString &first = args.first();
    if (first == QLatin1String("--version")) {
        if (args.size() > 1) {
            return usageError(tr("--version takes no arguments."));
        }
        m_out << programName << ' ' << AppInfo::version() << Qt::endl;
        return Success;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printUsage(m_out);
        m_out.flush();
        return Success;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        return usageError(tr("unknown option \"%1\".").arg(first));
    }
    return usageError(tr("unknown command \"%1\".").arg(first));
}

void Cli::printUsage(QTextStream &stream) const
{
    stream << tr("Usage: %1 --version | --help").arg(programName) << '\n'
           << '\n'
           << tr("Command-line client of %1, instant messaging over SIP MESSAGE.")
                  .arg(AppInfo::displayName())
           << '\n'
           << tr("This version has no commands yet.") << '\n'
           << '\n'
           << tr("Options:") << '\n'
           << "  --version   " << tr("Print the version and exit.") << '\n'
           << "  -h, --help  " << tr("Print this help and exit.") << '\n'
           << '\n'
           << tr("Exit status: 0 on success, 2 on a usage error.") << '\n';
}

int Cli::usageError(const QString &message)
{
    m_err << programName << ": " << message << '\n'
          << tr("Run \"%1 --help\" for usage.").arg(programName) << Qt::endl;
    return UsageError;
}

} // namespace tidings
