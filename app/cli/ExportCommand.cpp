// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportCommand.h"

#include "Cli.h"
#include "HistoryCommand.h"
#include "store/ContactKey.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/HistoryExporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <memory>

namespace tidings {

namespace {

const QString kPrefix = QStringLiteral("tidings-cli export: ");

// No conversation has this id: the exporter then writes an empty export
// (JSON with no accounts and no messages, or no text).
constexpr qint64 kNoConversation = -1;

// The conversations to export: {0} (all history) without --with, else every
// conversation with that contact (one per account), oldest account first as
// the text export orders them.
StoreResult<QList<qint64>> conversationsFor(Database &db, const QString &with)
{
    if (with.isEmpty())
        return QList<qint64>{0};
    auto found = ConversationStore(db).findByPeer(ContactKey::fromString(with));
    if (!found)
        return found.error();
    QList<Conversation> conversations = found.value();
    std::sort(conversations.begin(), conversations.end(),
              [](const Conversation &a, const Conversation &b) {
                  return a.accountId != b.accountId ? a.accountId < b.accountId : a.id < b.id;
              });
    QList<qint64> ids;
    for (const Conversation &c : conversations)
        ids << c.id;
    if (ids.isEmpty())
        ids << kNoConversation;
    return ids;
}

// Several conversations (one contact on several accounts) as one JSON export
// in the exporter's layout: each conversation exported on its own, then the
// accounts and messages joined, messages by time (oldest first).
StoreResult<int> exportJsonMerged(const HistoryExporter &exporter, const QList<qint64> &ids,
                                  QIODevice &out)
{
    QJsonArray accounts;
    QSet<QString> aors;
    QList<QJsonObject> messages;
    for (const qint64 id : ids) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (auto written = exporter.exportJson(buffer, id); !written)
            return written.error();
        const QJsonObject root = QJsonDocument::fromJson(buffer.data()).object();
        for (const QJsonValue &account : root.value(QStringLiteral("accounts")).toArray()) {
            const QString aor = account.toObject().value(QStringLiteral("aor")).toString();
            if (!aors.contains(aor)) {
                aors.insert(aor);
                accounts.append(account);
            }
        }
        for (const QJsonValue &message : root.value(QStringLiteral("messages")).toArray())
            messages << message.toObject();
    }
    // ISO 8601 UTC times with milliseconds sort as text.
    std::stable_sort(messages.begin(), messages.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return a.value(QStringLiteral("time")).toString() <
                                b.value(QStringLiteral("time")).toString();
                     });
    QJsonObject head;
    head.insert(QStringLiteral("format"), QLatin1String(HistoryExporter::formatName));
    head.insert(QStringLiteral("version"), HistoryExporter::formatVersion);
    head.insert(QStringLiteral("exported_at"),
                HistoryExporter::formatTime(QDateTime::currentDateTimeUtc()));
    head.insert(QStringLiteral("accounts"), accounts);
    QByteArray text = QJsonDocument(head).toJson(QJsonDocument::Compact);
    text.chop(1);
    text += ",\"messages\":[\n";
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i > 0)
            text += ",\n";
        text += QJsonDocument(messages.at(i)).toJson(QJsonDocument::Compact);
    }
    text += "\n]}\n";
    if (out.write(text) != text.size()) {
        return StoreError(
            StoreError::Code::Io,
            ExportCommand::tr("Could not write the export: %1").arg(out.errorString()));
    }
    return int(messages.size());
}

StoreResult<int> writeExport(Database &db, const ExportOptions &options, const QList<qint64> &ids,
                             QIODevice &out)
{
    const HistoryExporter exporter(db);
    if (options.format == ExportOptions::Format::Json) {
        if (ids.size() == 1)
            return exporter.exportJson(out, ids.first());
        return exportJsonMerged(exporter, ids, out);
    }
    int count = 0;
    for (const qint64 id : ids) {
        // A blank line between conversations, as within one text export.
        if (count > 0 && out.write("\n") != 1) {
            return StoreError(
                StoreError::Code::Io,
                ExportCommand::tr("Could not write the export: %1").arg(out.errorString()));
        }
        auto written = exporter.exportText(out, id);
        if (!written)
            return written;
        count += written.value();
    }
    return count;
}

// --output FILE: written as FILE.partial, renamed to FILE once complete.
int exportToFile(Database &db, const ExportOptions &options, const QList<qint64> &ids,
                 QTextStream &err)
{
    const QString path = QFileInfo(options.output).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(options.output);
    if (QFileInfo::exists(path)) {
        err << kPrefix
            << ExportCommand::tr("%1 already exists; it was left unchanged. Choose another file "
                                 "name or remove it first.")
                   .arg(shown)
            << Qt::endl;
        return Cli::Failure;
    }
    QFile partial(path + QStringLiteral(".partial"));
    if (!partial.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err << kPrefix
            << ExportCommand::tr("cannot write %1: %2")
                   .arg(QDir::toNativeSeparators(partial.fileName()), partial.errorString())
            << Qt::endl;
        return Cli::Failure;
    }
    auto written = writeExport(db, options, ids, partial);
    if (written && !partial.flush()) {
        written =
            StoreError(StoreError::Code::Io,
                       ExportCommand::tr("cannot write %1: %2").arg(shown, partial.errorString()));
    }
    partial.close();
    if (written && partial.error() != QFileDevice::NoError) {
        written =
            StoreError(StoreError::Code::Io,
                       ExportCommand::tr("cannot write %1: %2").arg(shown, partial.errorString()));
    }
    if (!written) {
        partial.remove();
        err << kPrefix << written.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    // QFile::rename never replaces an existing file: one created meanwhile
    // is left alone too.
    if (!partial.rename(path)) {
        const QString why = partial.errorString();
        partial.remove();
        err << kPrefix << ExportCommand::tr("cannot create %1: %2").arg(shown, why) << Qt::endl;
        return Cli::Failure;
    }
    return Cli::Success;
}

} // namespace

int ExportCommand::run(const ExportOptions &options, QTextStream &out, QTextStream &err)
{
    const auto db = HistoryCommand::openReadOnly(options.profile, QStringLiteral("export"), err);
    if (!db)
        return Cli::Failure;
    const auto ids = conversationsFor(*db, options.with);
    if (!ids) {
        err << kPrefix << ids.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    if (!options.output.isEmpty())
        return exportToFile(*db, options, ids.value(), err);

    // Standard output: straight to the file underneath the stream, so a
    // long history is streamed; a stream without one (tests) gets the text.
    out.flush();
    auto *file = qobject_cast<QFileDevice *>(out.device());
    QBuffer buffer;
    QIODevice *target = file;
    if (!target) {
        buffer.open(QIODevice::WriteOnly);
        target = &buffer;
    }
    const auto written = writeExport(*db, options, ids.value(), *target);
    if (file)
        file->flush();
    else
        out << QString::fromUtf8(buffer.data());
    out.flush();
    if (!written) {
        err << kPrefix << written.error().toString() << Qt::endl;
        return Cli::Failure;
    }
    return Cli::Success;
}

} // namespace tidings
