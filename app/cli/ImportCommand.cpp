// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportCommand.h"

#include "Cli.h"
#include "JsonLines.h"
#include "Profile.h"
#include "store/Database.h"
#include "store/HistoryExporter.h"
#include "store/HistoryImporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace tidings {

namespace {

const QString kPrefix = QStringLiteral("tidings-cli import: ");

// Why `bytes` is not a JSON export this build can import; nullopt when it
// is one. Checked before the profile is opened, so a wrong file changes
// nothing there.
std::optional<QString> notAnExport(const QByteArray &bytes, const QString &shown)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (document.isNull()) {
        if (bytes.trimmed().isEmpty())
            return ImportCommand::tr("%1 is empty, not a Tidings history export.").arg(shown);
        if (bytes.startsWith("== "))
            return ImportCommand::tr("%1 is a plain-text export, which is for reading; only a "
                                     "JSON export (tidings-cli export --format json) can be "
                                     "imported.")
                .arg(shown);
        if (bytes.trimmed().startsWith('{') && parseError.offset >= bytes.trimmed().size() - 1)
            return ImportCommand::tr("%1 ends too early (JSON error at byte %2: %3); it is "
                                     "probably a truncated copy of an export.")
                .arg(shown)
                .arg(parseError.offset)
                .arg(parseError.errorString());
        return ImportCommand::tr("%1 is not a Tidings history export (JSON error at byte %2: %3).")
            .arg(shown)
            .arg(parseError.offset)
            .arg(parseError.errorString());
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QStringLiteral("format")).toString() !=
                                    QLatin1String(HistoryExporter::formatName)) {
        return ImportCommand::tr("%1 is JSON but not a Tidings history export (it has no "
                                 "\"format\":\"%2\").")
            .arg(shown, QLatin1String(HistoryExporter::formatName));
    }
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > HistoryExporter::formatVersion) {
        return ImportCommand::tr("%1 was written by a newer version of Tidings (format version "
                                 "%2); update Tidings to import it.")
            .arg(shown)
            .arg(version);
    }
    if (!root.value(QStringLiteral("messages")).isArray())
        return ImportCommand::tr("%1 has no \"messages\" list; it is not a complete export.")
            .arg(shown);
    return std::nullopt;
}

} // namespace

int ImportCommand::run(const ImportOptions &options, QTextStream &out, QTextStream &err)
{
    const Profile profile = Profile::resolve(options.profile, Profile::Fallback::None);
    if (!profile.isValid()) {
        err << kPrefix
            << tr("no profile was given. Name the profile directory to import into with "
                  "--profile DIR or the environment variable %1.")
                   .arg(QLatin1String(Profile::environmentVariable))
            << Qt::endl;
        return Cli::Failure;
    }

    // The whole file is read and checked first: a wrong file leaves the
    // profile as it was.
    const QString shown = QDir::toNativeSeparators(options.file);
    QFile file(options.file);
    if (QFileInfo(options.file).isDir()) {
        err << kPrefix << tr("%1 is a directory, not an export file.").arg(shown) << Qt::endl;
        return Cli::Failure;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        err << kPrefix << tr("cannot read %1: %2").arg(shown, file.errorString()) << Qt::endl;
        return Cli::Failure;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        err << kPrefix << tr("cannot read %1: %2").arg(shown, file.errorString()) << Qt::endl;
        return Cli::Failure;
    }
    file.close();
    if (const auto why = notAnExport(bytes, shown)) {
        err << kPrefix << *why << ' ' << tr("Nothing was imported.") << Qt::endl;
        return Cli::Failure;
    }

    // Like listen: the directory and its database are created when missing.
    QString why;
    if (!profile.ensureExists(&why)) {
        err << kPrefix << why << Qt::endl;
        return Cli::Failure;
    }
    auto opened = Database::open(profile.directory());
    if (!opened) {
        err << kPrefix << opened.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    const std::unique_ptr<Database> db = std::move(opened).value();
    QBuffer input(&bytes);
    input.open(QIODevice::ReadOnly);
    const auto report = HistoryImporter(*db).importJson(input);
    if (!report) {
        err << kPrefix << report.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    const ImportReport &r = report.value();
    JsonFields fields{{QStringLiteral("event"), QStringLiteral("import")},
                      {QStringLiteral("file"), QFileInfo(options.file).absoluteFilePath()},
                      {QStringLiteral("added"), r.added},
                      {QStringLiteral("skipped"), r.duplicates},
                      {QStringLiteral("failed"), r.failed}};
    if (!r.problems.isEmpty())
        fields.append({QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)});
    JsonLines(out).write(fields);
    if (r.failed > 0) {
        err << kPrefix
            << tr("%n message(s) of the file could not be imported (see \"problems\").", nullptr,
                  r.failed)
            << Qt::endl;
    }
    return Cli::Success;
}

} // namespace tidings
