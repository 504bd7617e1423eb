// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "AppInfo.h"
#include "CliOptions.h"
#include "ExportCommand.h"
#include "HistoryCommand.h"
#include "ImportCommand.h"
#include "ListenCommand.h"
#include "SearchCommand.h"
#include "SendCommand.h"

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
    QString error;
    if (first == QLatin1String("listen")) {
        const auto options = CliOptions::parseListen(args.mid(1), &error);
        return options ? ListenCommand::run(*options, m_out, m_err) : usageError(error);
    }
    if (first == QLatin1String("send")) {
        const auto options = CliOptions::parseSend(args.mid(1), &error);
        return options ? SendCommand::run(*options, m_out, m_err) : usageError(error);
    }
    if (first == QLatin1String("history")) {
        const auto options = CliOptions::parseHistory(args.mid(1), &error);
        return options ? HistoryCommand::run(*options, m_out, m_err) : usageError(error);
    }
    if (first == QLatin1String("search")) {
        const auto options = CliOptions::parseSearch(args.mid(1), &error);
        return options ? SearchCommand::run(*options, m_out, m_err) : usageError(error);
    }
    if (first == QLatin1String("export")) {
        const auto options = CliOptions::parseExport(args.mid(1), &error);
        return options ? ExportCommand::run(*options, m_out, m_err) : usageError(error);
    }
    if (first == QLatin1String("import")) {
        const auto options = CliOptions::parseImport(args.mid(1), &error);
        return options ? ImportCommand::run(*options, m_out, m_err) : usageError(error);
    }
    return usageError(tr("unknown command \"%1\".").arg(first));
}

void Cli::printUsage(QTextStream &stream) const
{
    // The description lines under each command, indented.
    const auto say = [&stream](const QString &text) { stream << "      " << text << '\n'; };
    stream << tr("Usage: %1 <command> [options] | --version | --help").arg(programName) << "\n\n"
           << tr("Command-line client of %1, instant messaging over SIP MESSAGE (RFC 3428).")
                  .arg(AppInfo::displayName())
           << "\n\n"
           << tr("Commands:") << '\n'
           << "  listen --aor URI --bind T:HOST:PORT [--bind ...]\n"
           << "         [--register [--registrar URI] [--auth-user U --password-env VAR]\n"
           << "                     [--keepalive SECONDS]]\n"
           << "         [--proxy URI] [--tls-cert PEM --tls-key PEM] [--tls-ca PEM] [--trace]\n"
           << "         [--profile DIR]\n";
    say(tr("Receive messages for URI and print each as a JSON line, until"));
    say(tr("SIGINT/SIGTERM. T is udp, tcp or tls; IPv6 as udp:[::1]:5080;"));
    say(tr("port 0 picks a free port (udp and tcp binds given the same port"));
    say(tr("share it). A tls bind without --tls-cert/--tls-key only connects out."));
    say(tr("Prints {\"event\":\"listening\",...} with the actual ports, then"));
    say(tr("{\"event\":\"message\",\"from\":...,\"body\":...} per message."));
    say(tr("--register registers URI at --registrar (default: the domain of"));
    say(tr("URI, as RFC 3261 10.2 says) through --proxy if given, answering"));
    say(tr("digest challenges as --auth-user (default: the user of URI) with"));
    say(tr("the password in the environment variable VAR. It prints"));
    say(tr("{\"event\":\"registered\",\"aor\":...,\"expires\":N} on each"));
    say(tr("registration and refresh, {\"event\":\"registration_failed\","));
    say(tr("\"status\":N,\"reason\":...} (or \"error\" when no response came)"));
    say(tr("and tries again after \"retry_in\" seconds. SIGINT/SIGTERM"));
    say(tr("unregisters (waiting at most 5 s), prints {\"event\":\"unregistered\"}"));
    say(tr("and exits 0; a second signal exits at once with 128 + the signal"));
    say(tr("number (130 for SIGINT, 143 for SIGTERM). --keepalive: seconds"));
    say(tr("between keep-alives of the registration's flow (RFC 5626 4.4.1);"));
    say(tr("0 turns them off; default 25 s over UDP, 120 s over TCP/TLS."));
    say(tr("With --profile every message is stored before it is answered 2xx."));
    say(tr("Example: %1 listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5080")
            .arg(programName));
    say(tr("Example: TIDINGS_PW=... %1 listen --aor sip:bob@example.com").arg(programName));
    say(QStringLiteral("         --bind tls:0.0.0.0:0 --register --password-env TIDINGS_PW"));
    stream << '\n'
           << "  send --from URI --to URI (--text TEXT | --file PATH) [--content-type TYPE]\n"
           << "       [--transport udp|tcp|tls] [--proxy URI] [--auth-user U --password-env VAR]\n"
           << "       [--timeout SECONDS] [--tls-ca PEM] [--trace] [--profile DIR]\n";
    say(tr("Send one message and print {\"event\":\"result\",\"status\":200,...},"));
    say(tr("or {\"event\":\"result\",\"error\":\"timeout\"|\"<why>\"} without a final"));
    say(tr("response. --timeout defaults to 32 s (Timer F). Passwords come from"));
    say(tr("the environment variable named by --password-env, never the command"));
    say(tr("line."));
    say(tr("Example: %1 send --from sip:alice@127.0.0.1 --to sip:bob@127.0.0.1:5080 --text "
           "\"Hello\"")
            .arg(programName));
    stream << '\n' << "  history [--profile DIR] [--with URI] [--limit N]\n";
    say(tr("Print the stored messages as JSON lines, oldest first:"));
    say(tr("{\"event\":\"history\",\"id\":42,\"direction\":\"in\",\"peer\":...,\"body\":...,"));
    say(tr("\"content_type\":...,\"state\":\"received\",\"call_id\":...,\"time\":...}."));
    say(tr("time is when it was received (\"in\") or written (\"out\"); \"out\""));
    say(tr("has state queued, sending, sent, accepted or failed (with \"status\""));
    say(tr("and \"reason\"). --with URI: only the conversation with that contact"));
    say(tr("(any spelling of its address); --limit N: only the newest N."));
    stream << '\n'
           << "  search [--profile DIR] [--with URI] [--since DATE] [--until DATE]\n"
           << "         [--limit N] QUERY\n";
    say(tr("Full-text search: the best matches first, as history lines plus"));
    say(tr("\"snippet\" with the matches in [brackets]. QUERY is plain words"));
    say(tr("(quotes, *, -, : and NEAR are just characters); Chinese and Japanese"));
    say(tr("text is found too. DATE is 2026-01-31 (a whole day, UTC) or"));
    say(tr("2026-01-31T18:00:00Z. --limit defaults to %1 (at most %2).")
            .arg(SearchOptions::defaultLimit)
            .arg(SearchOptions::maxLimit));
    say(tr("Example: %1 search --profile ~/tidings --with sip:bob@example.com lunch")
            .arg(programName));
    stream << '\n'
           << "  export [--profile DIR] [--with URI] [--format json|text] [--output FILE]\n";
    say(tr("Write all history, or the conversations with one contact (--with,"));
    say(tr("any spelling of its address), as JSON (\"format\":\"tidings-history\","));
    say(tr("one message per line; import reads it back) or as plain text for"));
    say(tr("people. To standard output, or to FILE: written completely first,"));
    say(tr("never replacing an existing FILE. Works while a writer runs."));
    say(tr("Example: %1 export --profile ~/tidings --output history.json").arg(programName));
    stream << '\n' << "  import [--profile DIR] FILE\n";
    say(tr("Add the messages of a JSON export to the profile (created when"));
    say(tr("missing) and print {\"event\":\"import\",\"added\":N,\"skipped\":M,"));
    say(tr("\"failed\":F}. Messages already there are skipped, so importing a"));
    say(tr("file twice adds nothing. A file that is not an export changes"));
    say(tr("nothing. Refused while another program writes the profile."));
    stream << '\n'
           << tr("Options:") << '\n'
           << "  --profile DIR  " << tr("The profile directory with the message history") << '\n'
           << "                 " << tr("(default: the environment variable TIDINGS_PROFILE;")
           << '\n'
           << "                 " << tr("without either nothing is stored). listen stores what")
           << '\n'
           << "                 " << tr("it receives, send what it sends; one process at a time")
           << '\n'
           << "                 " << tr("may write a profile, while history and search read it.")
           << '\n'
           << "  --version      " << tr("Print the version and exit.") << '\n'
           << "  -h, --help     " << tr("Print this help and exit.") << "\n\n"
           << tr("Exit status: 0 success (2xx; history and search also with no results);") << '\n'
           << tr("1 a final non-2xx response, a bind or TLS failure, or no readable history")
           << '\n'
           << tr("(no profile given, no database yet, a damaged or newer database), an") << '\n'
           << tr("export that cannot be written, or an import file that is not an export;") << '\n'
           << tr("2 usage error; 3 timeout or transport failure.") << '\n';
}

int Cli::usageError(const QString &message)
{
    m_err << programName << ": " << message << '\n'
          << tr("Run \"%1 --help\" for usage.").arg(programName) << Qt::endl;
    return UsageError;
}

} // namespace tidings
