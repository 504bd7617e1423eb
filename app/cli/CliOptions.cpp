// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOptions.h"

#include "store/ContactKey.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <limits>

namespace tidings {
namespace {

// Splits "--name value" / "--name=value" pairs and bare flags. `flags` are
// the options without a value.
struct Parsed
{
    QHash<QString, QStringList> values;
    QSet<QString> flags;
};

std::optional<Parsed> split(const QStringList &args, const QSet<QString> &valued,
                            const QSet<QString> &flags, QString *error)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('='));
            arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        if (flags.contains(arg)) {
            if (hasValue) {
                *error = CliOptions::tr("%1 takes no value.").arg(arg);
                return std::nullopt;
            }
            p.flags.insert(arg);
            continue;
        }
        if (!valued.contains(arg)) {
            *error = arg.startsWith(QLatin1Char('-'))
                         ? CliOptions::tr("unknown option \"%1\".").arg(arg)
                         : CliOptions::tr("unexpected argument \"%1\".").arg(arg);
            return std::nullopt;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                *error = CliOptions::tr("%1 needs a value.").arg(arg);
                return std::nullopt;
            }
            value = args[++i];
        }
        p.values[arg].append(value);
    }
    return p;
}

QString single(const Parsed &p, const QString &name)
{
    const QStringList v = p.values.value(name);
    return v.isEmpty() ? QString() : v.last();
}

std::optional<sip::Uri> sipUri(const QString &text, const QString &option, QString *error)
{
    const char *why = nullptr;
    auto uri = sip::Uri::parse(text.toUtf8(), &why);
    if (!uri || !uri->isSip()) {
        *error = CliOptions::tr("%1: \"%2\" is not a SIP URI (like sip:alice@example.com)%3.")
                     .arg(option, text,
                          why ? QStringLiteral(": ") + QString::fromLatin1(why) : QString());
        return std::nullopt;
    }
    return uri;
}

bool readPassword(const Parsed &p, QByteArray *password, QString *error)
{
    const QString var = single(p, QStringLiteral("--password-env"));
    if (var.isEmpty())
        return true;
    if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData())) {
        *error = CliOptions::tr("--password-env: the environment variable %1 is not set.").arg(var);
        return false;
    }
    *password = qgetenv(var.toLocal8Bit().constData());
    return true;
}

} // namespace

std::optional<BindSpec> BindSpec::parse(const QString &text, QString *error)
{
    // T:HOST:PORT with HOST an IPv4 address or a bracketed IPv6 address.
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype last = text.lastIndexOf(QLatin1Char(':'));
    const auto fail = [&](const QString &why) -> std::optional<BindSpec> {
        *error = CliOptions::tr("--bind \"%1\": %2 (expected T:HOST:PORT, e.g. udp:127.0.0.1:5080 "
                                "or tcp:[::1]:0).")
                     .arg(text, why);
        return std::nullopt;
    };
    if (colon < 0 || last == colon)
        return fail(CliOptions::tr("missing part"));
    BindSpec b;
    const auto type = sip::transportFromName(text.left(colon).toLatin1());
    if (!type)
        return fail(CliOptions::tr("the transport must be udp, tcp or tls"));
    b.transport = *type;
    QString host = text.mid(colon + 1, last - colon - 1);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return fail(CliOptions::tr("put an IPv6 address in brackets"));
    if (!b.address.setAddress(host))
        return fail(CliOptions::tr("\"%1\" is not an IP address").arg(host));
    bool ok = false;
    const uint port = text.mid(last + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(CliOptions::tr("the port must be 0 to 65535"));
    b.port = quint16(port);
    return b;
}

std::optional<sip::Uri> CliOptions::defaultRegistrar(const sip::Uri &aor)
{
    // §10.2: "the Request-URI names the domain of the location service":
    // the AOR's scheme, host and port, without user.
    if (!aor.isSip() || aor.host().isEmpty())
        return std::nullopt;
    QByteArray text = aor.schemeText().toByteArray() + ':' + aor.host().toByteArray();
    if (aor.hasPort())
        text += ':' + QByteArray::number(aor.port());
    return sip::Uri::parse(text);
}

std::optional<ListenOptions> CliOptions::parseListen(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {
        QStringLiteral("--aor"),       QStringLiteral("--bind"),
        QStringLiteral("--profile"),   QStringLiteral("--registrar"),
        QStringLiteral("--auth-user"), QStringLiteral("--password-env"),
        QStringLiteral("--proxy"),     QStringLiteral("--tls-cert"),
        QStringLiteral("--tls-key"),   QStringLiteral("--tls-ca"),
        QStringLiteral("--keepalive")};
    static const QSet<QString> flags = {QStringLiteral("--register"), QStringLiteral("--trace")};
    const auto p = split(args, valued, flags, error);
    if (!p)
        return std::nullopt;
    ListenOptions o;
    const QString aor = single(*p, QStringLiteral("--aor"));
    if (aor.isEmpty()) {
        *error = tr("listen needs --aor URI (the address to receive for).");
        return std::nullopt;
    }
    auto uri = sipUri(aor, QStringLiteral("--aor"), error);
    if (!uri)
        return std::nullopt;
    o.aor = *uri;
    const QStringList binds = p->values.value(QStringLiteral("--bind"));
    if (binds.isEmpty()) {
        *error = tr("listen needs at least one --bind T:HOST:PORT.");
        return std::nullopt;
    }
    for (const QString &b : binds) {
        auto spec = BindSpec::parse(b, error);
        if (!spec)
            return std::nullopt;
        o.binds << *spec;
    }
    o.profile = single(*p, QStringLiteral("--profile"));
    o.registerAccount = p->flags.contains(QStringLiteral("--register"));
    o.trace = p->flags.contains(QStringLiteral("--trace"));
    for (const QString &name : {QStringLiteral("--registrar"), QStringLiteral("--proxy")}) {
        const QString v = single(*p, name);
        if (v.isEmpty())
            continue;
        auto u = sipUri(v, name, error);
        if (!u)
            return std::nullopt;
        (name == QLatin1String("--proxy") ? o.proxy : o.registrar) = *u;
    }
    if (!o.registerAccount) {
        // Without --register nothing would use them: say so rather than
        // listen unregistered while the user thinks otherwise.
        for (const QString &name :
             {QStringLiteral("--registrar"), QStringLiteral("--auth-user"),
              QStringLiteral("--password-env"), QStringLiteral("--keepalive")}) {
            if (p->values.contains(name)) {
                *error = tr("%1 only applies with --register.").arg(name);
                return std::nullopt;
            }
        }
    } else if (!o.registrar) {
        // RFC 3261 §10.2: the registrar's default is the AOR's domain.
        o.registrar = defaultRegistrar(o.aor);
        if (!o.registrar) {
            *error = tr("--register: no registrar can be derived from --aor %1; give --registrar "
                        "URI.")
                         .arg(aor);
            return std::nullopt;
        }
    }
    o.authUser = single(*p, QStringLiteral("--auth-user")).toUtf8();
    if (!readPassword(*p, &o.password, error))
        return std::nullopt;
    if (p->values.contains(QStringLiteral("--keepalive"))) {
        // RFC 5626 §4.4.1: the keep-alive interval; 0 turns keep-alives off.
        const QString k = single(*p, QStringLiteral("--keepalive"));
        bool ok = false;
        const int seconds = k.toInt(&ok);
        if (!ok || seconds < 0 || seconds > 3600) {
            *error = tr("--keepalive must be a whole number of seconds from 0 (off) to 3600, "
                        "not \"%1\".")
                         .arg(k);
            return std::nullopt;
        }
        o.keepAliveSeconds = seconds;
    }
    o.tlsCert = single(*p, QStringLiteral("--tls-cert"));
    o.tlsKey = single(*p, QStringLiteral("--tls-key"));
    o.tlsCa = single(*p, QStringLiteral("--tls-ca"));
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty()) {
        *error = tr("--tls-cert and --tls-key go together.");
        return std::nullopt;
    }
    return o;
}

std::optional<SendOptions> CliOptions::parseSend(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {
        QStringLiteral("--from"),         QStringLiteral("--to"),
        QStringLiteral("--text"),         QStringLiteral("--file"),
        QStringLiteral("--content-type"), QStringLiteral("--transport"),
        QStringLiteral("--proxy"),        QStringLiteral("--auth-user"),
        QStringLiteral("--password-env"), QStringLiteral("--timeout"),
        QStringLiteral("--profile"),      QStringLiteral("--tls-ca")};
    static const QSet<QString> flags = {QStringLiteral("--trace")};
    const auto p = split(args, valued, flags, error);
    if (!p)
        return std::nullopt;
    SendOptions o;
    for (const QString &name : {QStringLiteral("--from"), QStringLiteral("--to")}) {
        const QString v = single(*p, name);
        if (v.isEmpty()) {
            *error = tr("send needs %1 URI.").arg(name);
            return std::nullopt;
        }
        auto u = sipUri(v, name, error);
        if (!u)
            return std::nullopt;
        (name == QLatin1String("--from") ? o.from : o.to) = *u;
    }
    const bool hasText = p->values.contains(QStringLiteral("--text"));
    const bool hasFile = p->values.contains(QStringLiteral("--file"));
    if (hasText == hasFile) {
        *error = tr("send needs exactly one of --text TEXT or --file PATH.");
        return std::nullopt;
    }
    if (hasText) {
        o.body = single(*p, QStringLiteral("--text")).toUtf8();
    } else {
        QFile f(single(*p, QStringLiteral("--file")));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("--file: cannot read %1: %2").arg(f.fileName(), f.errorString());
            return std::nullopt;
        }
        o.body = f.readAll();
    }
    if (const QString ct = single(*p, QStringLiteral("--content-type")); !ct.isEmpty())
        o.contentType = ct.toUtf8();
    if (const QString t = single(*p, QStringLiteral("--transport")); !t.isEmpty()) {
        o.transport = sip::transportFromName(t.toLatin1());
        if (!o.transport) {
            *error = tr("--transport must be udp, tcp or tls.");
            return std::nullopt;
        }
        // RFC 3261 §26.2.2: a sips: URI is reached over TLS on every hop.
        if (o.to.isSips() && *o.transport != sip::TransportType::Tls) {
            *error = tr("--to is a sips: URI, which needs TLS on every hop; --transport %1 rules "
                        "that out (use --transport tls, or leave --transport out).")
                         .arg(t);
            return std::nullopt;
        }
    }
    if (const QString v = single(*p, QStringLiteral("--proxy")); !v.isEmpty()) {
        auto u = sipUri(v, QStringLiteral("--proxy"), error);
        if (!u)
            return std::nullopt;
        o.proxy = *u;
    }
    if (const QString t = single(*p, QStringLiteral("--timeout")); !t.isEmpty()) {
        bool ok = false;
        o.timeoutSeconds = t.toInt(&ok);
        if (!ok || o.timeoutSeconds <= 0 || o.timeoutSeconds > 3600) {
            *error = tr("--timeout must be 1 to 3600 seconds.");
            return std::nullopt;
        }
    }
    o.authUser = single(*p, QStringLiteral("--auth-user")).toUtf8();
    if (!readPassword(*p, &o.password, error))
        return std::nullopt;
    o.profile = single(*p, QStringLiteral("--profile"));
    o.tlsCa = single(*p, QStringLiteral("--tls-ca"));
    o.trace = p->flags.contains(QStringLiteral("--trace"));
    return o;
}

namespace {

// Separates the positional arguments (not starting with '-', and all after
// "--") from the options and their values, for split().
QStringList takePositional(const QStringList &args, const QSet<QString> &valued,
                           QStringList *positional)
{
    QStringList options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--")) {
            *positional += args.mid(i + 1);
            break;
        }
        if (!arg.startsWith(QLatin1Char('-'))) {
            *positional << arg;
            continue;
        }
        options << arg;
        if (valued.contains(arg) && i + 1 < args.size())
            options << args[++i];
    }
    return options;
}

bool readContact(const Parsed &p, QString *with, QString *error)
{
    *with = single(p, QStringLiteral("--with"));
    if (p.values.contains(QStringLiteral("--with")) && !ContactKey::fromString(*with).isValid()) {
        *error = CliOptions::tr("--with: \"%1\" is not a contact address (like "
                                "sip:alice@example.com).")
                     .arg(*with);
        return false;
    }
    return true;
}

bool readLimit(const Parsed &p, int max, int *limit, QString *error)
{
    if (!p.values.contains(QStringLiteral("--limit")))
        return true;
    bool ok = false;
    const int n = single(p, QStringLiteral("--limit")).toInt(&ok);
    if (!ok || n < 1 || n > max) {
        *error = CliOptions::tr("--limit must be a whole number from 1 to %1.").arg(max);
        return false;
    }
    *limit = n;
    return true;
}

} // namespace

std::optional<QDateTime> CliOptions::parseDate(const QString &text, bool endOfDay)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 10) {
        const QDate day = QDate::fromString(trimmed, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime) // no offset given: UTC, like the output
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return time.toUTC();
}

std::optional<HistoryOptions> CliOptions::parseHistory(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {QStringLiteral("--profile"), QStringLiteral("--with"),
                                         QStringLiteral("--limit")};
    const auto p = split(args, valued, {}, error);
    if (!p)
        return std::nullopt;
    HistoryOptions o;
    o.profile = single(*p, QStringLiteral("--profile"));
    if (!readContact(*p, &o.with, error) ||
        !readLimit(*p, std::numeric_limits<int>::max(), &o.limit, error))
        return std::nullopt;
    return o;
}

std::optional<SearchOptions> CliOptions::parseSearch(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {QStringLiteral("--profile"), QStringLiteral("--with"),
                                         QStringLiteral("--since"), QStringLiteral("--until"),
                                         QStringLiteral("--limit")};
    QStringList words;
    const auto p = split(takePositional(args, valued, &words), valued, {}, error);
    if (!p)
        return std::nullopt;
    SearchOptions o;
    o.profile = single(*p, QStringLiteral("--profile"));
    if (!readContact(*p, &o.with, error) ||
        !readLimit(*p, SearchOptions::maxLimit, &o.limit, error))
        return std::nullopt;
    for (const QString &name : {QStringLiteral("--since"), QStringLiteral("--until")}) {
        if (!p->values.contains(name))
            continue;
        const QString text = single(*p, name);
        const bool until = name == QLatin1String("--until");
        const auto date = parseDate(text, until);
        if (!date) {
            *error = tr("%1: \"%2\" is not a date (like 2026-01-31 or 2026-01-31T18:00:00Z).")
                         .arg(name, text);
            return std::nullopt;
        }
        (until ? o.until : o.since) = *date;
    }
    if (o.since.isValid() && o.until.isValid() && o.since >= o.until) {
        *error = tr("--since must be before --until.");
        return std::nullopt;
    }
    o.query = words.join(QLatin1Char(' ')).trimmed();
    if (o.query.isEmpty()) {
        *error = tr("search needs QUERY: the words to look for.");
        return std::nullopt;
    }
    return o;
}

std::optional<ExportOptions> CliOptions::parseExport(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {QStringLiteral("--profile"), QStringLiteral("--with"),
                                         QStringLiteral("--format"), QStringLiteral("--output")};
    const auto p = split(args, valued, {}, error);
    if (!p)
        return std::nullopt;
    ExportOptions o;
    o.profile = single(*p, QStringLiteral("--profile"));
    if (!readContact(*p, &o.with, error))
        return std::nullopt;
    if (p->values.contains(QStringLiteral("--format"))) {
        const QString format = single(*p, QStringLiteral("--format"));
        if (format == QLatin1String("json")) {
            o.format = ExportOptions::Format::Json;
        } else if (format == QLatin1String("text")) {
            o.format = ExportOptions::Format::Text;
        } else {
            *error = tr("--format must be json or text, not \"%1\".").arg(format);
            return std::nullopt;
        }
    }
    if (p->values.contains(QStringLiteral("--output"))) {
        o.output = single(*p, QStringLiteral("--output"));
        if (o.output.isEmpty()) {
            *error = tr("--output needs a file name.");
            return std::nullopt;
        }
    }
    return o;
}

std::optional<ImportOptions> CliOptions::parseImport(const QStringList &args, QString *error)
{
    static const QSet<QString> valued = {QStringLiteral("--profile")};
    QStringList files;
    const auto p = split(takePositional(args, valued, &files), valued, {}, error);
    if (!p)
        return std::nullopt;
    if (files.size() != 1) {
        *error = files.isEmpty() ? tr("import needs FILE: a JSON export of tidings-cli export.")
                                 : tr("import takes one FILE, not %1.").arg(files.size());
        return std::nullopt;
    }
    ImportOptions o;
    o.profile = single(*p, QStringLiteral("--profile"));
    o.file = files.first();
    if (o.file.isEmpty()) {
        *error = tr("import needs FILE: a JSON export of tidings-cli export.");
        return std::nullopt;
    }
    return o;
}

} // namespace tidings
