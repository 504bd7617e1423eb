// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryImporter.h"

#include "AccountStore.h"
#include "Database.h"
#include "DeliveryState.h"
#include "HistoryExporter.h"
#include "MessageWriter.h"
#include "Transaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace tidings {

namespace {

constexpr int kMaxProblems = 10;

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// A file without uids (written by hand or another program) still imports
// once: the uid is then derived from what identifies the message.
QByteArray uidFor(const QJsonObject &o)
{
    const QUuid uuid = QUuid::fromString(o.value(QStringLiteral("uid")).toString());
    if (!uuid.isNull()) {
        return uuid.toRfc4122();
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *field : {"account", "direction", "peer", "time", "call_id", "body"}) {
        hash.addData(o.value(QLatin1String(field)).toVariant().toString().toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    return hash.result().left(16);
}

} // namespace

HistoryImporter::HistoryImporter(Database &db)
    : m_db(db)
{}

StoreResult<ImportReport> HistoryImporter::importJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return StoreError(
            StoreError::Code::Io,
            tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return importJson(file);
}

StoreResult<ImportReport> HistoryImporter::importJson(QIODevice &in)
{
    if (m_db.isReadOnly()) {
        return m_db.readOnlyError();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (document.isNull()) {
        return StoreError(StoreError::Code::Format,
                          tr("The file is not a Tidings history export (JSON error at byte %1: "
                             "%2).")
                              .arg(parseError.offset)
                              .arg(parseError.errorString()));
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() !=
        QLatin1String(HistoryExporter::formatName)) {
        return StoreError(StoreError::Code::Format,
                          tr("The file is not a Tidings history export."));
    }
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > HistoryExporter::formatVersion) {
        return StoreError(StoreError::Code::Format,
                          tr("The export was written by a newer version of Tidings (format "
                             "version %1); update Tidings to import it.")
                              .arg(version));
    }

    // Accounts: by AOR; created (disabled) when missing.
    AccountStore accountStore(m_db);
    QHash<QString, qint64> accountIds;
    QHash<QString, QString> displayNames;
    for (const QJsonValue &value : root.value(QStringLiteral("accounts")).toArray()) {
        const QJsonObject o = value.toObject();
        displayNames.insert(o.value(QStringLiteral("aor")).toString(),
                            o.value(QStringLiteral("display_name")).toString());
    }
    auto accountFor = [&](const QString &aor) -> StoreResult<qint64> {
        if (const auto it = accountIds.constFind(aor); it != accountIds.cend()) {
            return it.value();
        }
        auto found = accountStore.findByAor(aor);
        if (!found) {
            return found.error();
        }
        qint64 id = 0;
        if (found.value()) {
            id = found.value()->id;
        } else {
            Account account;
            account.aor = aor;
            account.displayName = displayNames.value(aor);
            account.enabled = false;
            account.registerAccount = false;
            auto added = accountStore.add(account);
            if (!added) {
                return added.error();
            }
            id = added.value();
        }
        accountIds.insert(aor, id);
        return id;
    };

    ImportReport report;
    auto failOne = [&report](const QString &why) {
        ++report.failed;
        if (report.problems.size() < kMaxProblems) {
            report.problems << why;
        }
    };

    const QJsonArray messages = root.value(QStringLiteral("messages")).toArray();
    for (qsizetype start = 0; start < messages.size(); start += batchSize) {
        Transaction transaction(m_db.connection());
        if (auto begun = transaction.begin(); !begun) {
            return begun.error();
        }
        QList<StoredMessage> rows;
        QList<qsizetype> positions; // of each row in the file
        const qsizetype end = std::min<qsizetype>(messages.size(), start + batchSize);
        for (qsizetype i = start; i < end; ++i) {
            const QJsonObject o = messages.at(i).toObject();
            const auto direction =
                DeliveryNames::direction(o.value(QStringLiteral("direction")).toString());
            auto state = DeliveryNames::state(o.value(QStringLiteral("state")).toString());
            const QString aor = o.value(QStringLiteral("account")).toString();
            if (!direction || !o.value(QStringLiteral("body")).isString() || aor.isEmpty()) {
                failOne(tr("Message %1 of the file is incomplete.").arg(i + 1));
                continue;
            }
            auto account = accountFor(aor);
            if (!account) {
                failOne(account.error().message());
                continue;
            }
            StoredMessage m;
            m.uid = uidFor(o);
            m.accountId = account.value();
            m.direction = *direction;
            m.peerUri = o.value(QStringLiteral("peer")).toString();
            m.body = o.value(QStringLiteral("body")).toString();
            m.contentType = o.value(QStringLiteral("content_type")).toString();
            m.callId = o.value(QStringLiteral("call_id")).toString();
            m.fromTag = o.value(QStringLiteral("from_tag")).toString();
            m.cseq = o.value(QStringLiteral("cseq")).toInteger();
            m.time = parseTime(o.value(QStringLiteral("time")));
            m.sentAt = parseTime(o.value(QStringLiteral("sent_at")));
            m.receivedAt = parseTime(o.value(QStringLiteral("received_at")));
            m.serverDate = parseTime(o.value(QStringLiteral("server_date")));
            m.statusCode = o.value(QStringLiteral("status")).toInt();
            m.reason = o.value(QStringLiteral("reason")).toString();
            m.read = o.value(QStringLiteral("read")).toBool(true);
            m.deliveredLate = o.value(QStringLiteral("delivered_late")).toBool();
            if (m.direction == Direction::Incoming) {
                m.state = DeliveryState::Received;
                if (m.callId.isEmpty()) {
                    m.callId = QStringLiteral("import-") + QString::fromLatin1(m.uid.toHex());
                }
            } else if (!state || *state == DeliveryState::Received ||
                       DeliveryNames::isPending(*state)) {
                m.state = DeliveryState::Failed;
                m.reason = tr("Not sent (imported from an export)");
            } else {
                m.state = *state;
            }
            rows.append(m);
            positions.append(i);
        }
        const QList<InsertOutcome> outcomes = MessageWriter(m_db).insertBatch(rows);
        ImportReport batch;
        for (qsizetype n = 0; n < outcomes.size(); ++n) {
            const InsertOutcome &outcome = outcomes.at(n);
            switch (outcome.kind) {
            case InsertOutcome::Kind::Stored:
                ++batch.added;
                break;
            case InsertOutcome::Kind::Duplicate:
                ++batch.duplicates;
                break;
            case InsertOutcome::Kind::Failed:
                if (MessageWriter::isFatal(outcome.error)) {
                    return outcome.error;
                }
                failOne(tr("Message %1 of the file: %2")
                            .arg(positions.at(n) + 1)
                            .arg(outcome.error.message()));
                break;
            }
        }
        if (auto committed = transaction.commit(); !committed) {
            return committed.error();
        }
        report.added += batch.added;
        report.duplicates += batch.duplicates;
    }
    return report;
}

} // namespace tidings
